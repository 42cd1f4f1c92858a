#include "reports/xlsx_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "reports/test_document.h"
#include "reports/test_xlsx.h"

namespace scorecard {
namespace {

namespace fs = std::filesystem;

using Rows = std::vector<std::vector<std::string>>;

// 2017-11-20T09:30:00Z.
constexpr Moment kCreated = 1'511'170'200'000'000;

std::string Bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Message(const Result<void>& r) {
  return r ? "(written)" : r.error().issues.at(0).ToString();
}

// A folder of its own for each test, removed afterwards.
class XlsxWriterTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("scorecard_xlsx_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The document written and read back.
  XlsxWorkbook WriteAndRead(const ReportDocument& document) {
    std::string path = (dir_ / "report.xlsx").string();
    auto written = WriteXlsx(document, path, kCreated);
    EXPECT_TRUE(written.has_value()) << Message(written);
    return ReadXlsx(path);
  }

  fs::path dir_;
};

TEST_F(XlsxWriterTest, GivesDetailsThenASheetPerSectionNamedByItsTitle) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  std::vector<std::string> names;
  for (const XlsxSheet& s : book.sheets) names.push_back(s.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Details", "Summary", "Scorecard- all measures", "Red flags",
                                      "Calls answered over time", "Summary (2)"}));
  EXPECT_EQ(names, XlsxSheetNames(SampleDocument()));
}

TEST_F(XlsxWriterTest, DetailsSheetHoldsTheDocumentsDetails) {
  std::string path = (dir_ / "report.xlsx").string();
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path, kCreated).has_value());
  EXPECT_EQ(ReadXlsxText(path).at("Details"),
            (Rows{{"Title", "Quarterly performance report"},
                  {"Subtitle", "Quarter 2, 2017/18"},
                  {"Organisation", "Testshire Council"},
                  {"Period", "2017/18 Q2"},
                  {"Source", "Scorecard, figures as at 20 November 2017"},
                  {"Contact", "Performance team"},
                  {"", "performance@testshire.gov.uk"},
                  {"Notice", "Figures have changed since this report was published."}}));
  XlsxWorkbook book = ReadXlsx(path);
  EXPECT_TRUE(book.Sheet("Details").At("A1").bold);
  EXPECT_FALSE(book.Sheet("Details").At("B1").bold);
}

TEST_F(XlsxWriterTest, PlacesParagraphsListsAndDetailsAsRowsOfText) {
  std::string path = (dir_ / "report.xlsx").string();
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path, kCreated).has_value());
  XlsxText text = ReadXlsxText(path);
  EXPECT_EQ(text.at("Summary"),
            (Rows{{"Summary"},
                  {},
                  {"Of 3 measures, 1 is on track."},
                  {},
                  {"Highlights"},
                  {"Homes built has improved from 'some slippage' to 'on track'."},
                  {"Rent collected fell short of its target."},
                  {},
                  {"Measures", "3"},
                  {"On track", "1"}}));
  EXPECT_EQ(text.at("Summary (2)"),
            (Rows{{"Summary"}, {}, {"Declines"}, {"No measure declined."}}));
  XlsxWorkbook book = ReadXlsx(path);
  const XlsxSheet& summary = book.Sheet("Summary");
  EXPECT_TRUE(summary.At("A3").bold) << "a lead paragraph";
  EXPECT_TRUE(summary.At("A5").bold) << "a list's title";
  EXPECT_FALSE(summary.At("A6").bold);
}

TEST_F(XlsxWriterTest, PlacesATableUnderItsCaptionNoteAndHeaders) {
  std::string path = (dir_ / "report.xlsx").string();
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path, kCreated).has_value());
  EXPECT_EQ(
      ReadXlsxText(path).at("Scorecard- all measures"),
      (Rows{{"Scorecard: all measures"},
            {},
            {"Measures by theme"},
            {"Every measure with a quarterly target."},
            {"", "", "Quarterly"},
            {"Ref", "Measure", "Q1 2017/18", "Q2 2017/18", "Status", "Due", "Highlighted"},
            {"Housing"},
            {"H1", "Homes built", "1234.5", "1300", "✓ On track", "2017-09-30"},
            {"H2", "Rent collected, \"net\"", "0.975", "not due", "▲ Some slippage", "",
             "Portfolio: Housing"},
            {"Environment"},
            {"E1", "Waste recycled: no figures this quarter", "", "", "? No data", "2018-03-31"}}));
  XlsxWorkbook book = ReadXlsx(path);
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  EXPECT_TRUE(sheet.At("A3").bold) << "the caption";
  EXPECT_FALSE(sheet.At("A4").bold) << "the note";
  EXPECT_TRUE(sheet.At("C5").bold) << "a group of columns";
  EXPECT_TRUE(sheet.At("B6").bold) << "a header";
  EXPECT_TRUE(sheet.At("A7").bold) << "a group of rows";
  EXPECT_FALSE(sheet.At("A8").bold);
}

TEST_F(XlsxWriterTest, MergesColumnGroupsRowGroupsAndSpanningCells) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  EXPECT_EQ(sheet.merges, (std::vector<std::string>{"C5:D5", "A7:G7", "A10:G10", "B11:D11"}));
}

TEST_F(XlsxWriterTest, WritesAFigureAsANumberInItsFormat) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  const XlsxCell& pounds = sheet.At("C8");
  EXPECT_TRUE(pounds.number);
  EXPECT_EQ(pounds.text, "1234.5");
  EXPECT_EQ(pounds.format, "£#,##0.00");
  EXPECT_EQ(sheet.At("C9").format, "0.0%");
  EXPECT_EQ(sheet.At("C9").text, "0.975");
  // No figure: the words shown instead, as text.
  EXPECT_FALSE(sheet.At("D9").number);
  EXPECT_EQ(sheet.At("D9").text, "not due");
}

TEST_F(XlsxWriterTest, WritesADateAsASerialNumberInADateFormat) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  const XlsxCell& due = sheet.At("F8");
  EXPECT_TRUE(due.number);
  EXPECT_EQ(due.text, "43008");  // 30 September 2017, in Excel's 1900 system
  EXPECT_EQ(due.format, "d mmm yyyy");
  EXPECT_TRUE(due.date());
  // A date cell with no date is its (empty) text.
  EXPECT_FALSE(sheet.At("F9").number);
}

TEST_F(XlsxWriterTest, WritesAStatusAsItsSymbolAndWordOnItsColour) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  const XlsxCell& on_track = sheet.At("E8");
  EXPECT_EQ(on_track.text, "✓ On track");
  EXPECT_FALSE(on_track.number);
  EXPECT_EQ(on_track.fill, "#00703c");
  EXPECT_EQ(on_track.colour, "#ffffff");
  EXPECT_EQ(sheet.At("E9").fill, "#ffdd00");
  EXPECT_EQ(sheet.At("E9").colour, "#0b0c0c");
  // libxlsxwriter reads the colour 0 as none: black must still be black.
  EXPECT_EQ(sheet.At("E11").fill, "#000000");
  EXPECT_EQ(sheet.At("E11").text, "? No data");
}

TEST_F(XlsxWriterTest, BoxesAHighlightedRowAndSaysItsWordInTheLastColumn) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  EXPECT_EQ(sheet.At("G6").text, "Highlighted");
  EXPECT_EQ(sheet.At("G9").text, "Portfolio: Housing");
  for (const char* ref : {"A9", "B9", "C9", "D9", "E9", "F9", "G9"}) {
    EXPECT_TRUE(sheet.At(ref).border) << ref;
  }
  EXPECT_FALSE(sheet.At("A8").border);
  EXPECT_EQ(sheet.At("A9").fill, "") << "a border and a word, not shade";
}

TEST_F(XlsxWriterTest, FreezesTheHeaderAndFiltersTheTableWithFilter) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& scorecard = book.Sheet("Scorecard- all measures");
  EXPECT_EQ(scorecard.frozen, "A7");
  EXPECT_EQ(scorecard.autofilter, "A6:G11");
  // A table after a paragraph, without filter: nothing frozen; a chart neither.
  EXPECT_EQ(book.Sheet("Red flags").frozen, "");
  EXPECT_EQ(book.Sheet("Red flags").autofilter, "");
  EXPECT_EQ(book.Sheet("Calls answered over time").frozen, "");
}

TEST_F(XlsxWriterTest, FreezesTheHeaderOfATableThatBeginsItsSection) {
  ReportDocument d;
  ReportSection s = MakeSection("list", "List");
  ReportTable t = MakeTable("list", {MakeColumn("Ref"), MakeColumn("Measure")});
  t.rows = {MakeRow({ReportCell::Text("M1"), ReportCell::Text("Calls")})};
  s.blocks.emplace_back(t);
  s.blocks.emplace_back(t);
  d.sections.push_back(s);
  XlsxWorkbook book = WriteAndRead(d);
  const XlsxSheet& sheet = book.Sheet("List");
  EXPECT_EQ(sheet.frozen, "A4") << "under the heading, a blank row and the header";
  EXPECT_EQ(sheet.autofilter, "");
}

TEST_F(XlsxWriterTest, FreezesUnderAFilteredTableThatIsNotTheFirstBlock) {
  ReportDocument d;
  ReportSection s = MakeSection("list", "List");
  s.blocks.emplace_back(ReportParagraph{"Every measure.", false});
  ReportTable t = MakeTable("list", {MakeColumn("Ref"), MakeColumn("Measure")});
  t.filter = true;
  t.rows = {MakeRow({ReportCell::Text("M1"), ReportCell::Text("Calls")}),
            MakeRow({ReportCell::Text("M2"), ReportCell::Text("Visits")})};
  s.blocks.emplace_back(t);
  s.blocks.emplace_back(t);  // a second filtered table: Excel allows one autofilter a sheet
  d.sections.push_back(s);
  XlsxWorkbook book = WriteAndRead(d);
  const XlsxSheet& sheet = book.Sheet("List");
  EXPECT_EQ(sheet.frozen, "A6");
  EXPECT_EQ(sheet.autofilter, "A5:B7");
}

TEST_F(XlsxWriterTest, SaysATablesEmptyWordsInsteadOfIt) {
  std::string path = (dir_ / "report.xlsx").string();
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path, kCreated).has_value());
  EXPECT_EQ(ReadXlsxText(path).at("Red flags"), (Rows{{"Red flags"},
                                                      {},
                                                      {"Measures more than 10% off their target."},
                                                      {},
                                                      {"Red flags"},
                                                      {"No red flags this quarter."}}));
}

TEST_F(XlsxWriterTest, PlacesAChartAsItsWordsAndItsDataTable) {
  std::string path = (dir_ / "report.xlsx").string();
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path, kCreated).has_value());
  EXPECT_EQ(ReadXlsxText(path).at("Calls answered over time"),
            (Rows{{"Calls answered over time"},
                  {},
                  {"Calls answered"},
                  {"Calls answered rose from 80% to 85.25% in the year's first half."},
                  {"Calls answered by quarter"},
                  {"Period", "Value", "Target"},
                  {"2017/18 Q1", "80", "82"},
                  {"2017/18 Q2", "85.25", "82"}}));
}

TEST_F(XlsxWriterTest, SetsColumnWidthsFromTheColumns) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  const XlsxSheet& sheet = book.Sheet("Scorecard- all measures");
  // Excel adds the padding of its default font to the width in characters.
  EXPECT_NEAR(sheet.widths.at(0), 8, 1);
  EXPECT_NEAR(sheet.widths.at(1), 40, 1);
  EXPECT_NEAR(sheet.widths.at(4), 18, 1);
  EXPECT_NEAR(sheet.widths.at(6), 20, 1) << "\"Portfolio: Housing\" and a character either side";
}

TEST_F(XlsxWriterTest, GivesTheTitleCompanyAndCreationTimeAsProperties) {
  XlsxWorkbook book = WriteAndRead(SampleDocument());
  EXPECT_EQ(book.title, "Quarterly performance report");
  EXPECT_EQ(book.company, "Testshire Council");
  EXPECT_EQ(book.created, "2017-11-20T09:30:00Z");
}

TEST_F(XlsxWriterTest, TheSameDocumentAndMomentGiveTheSameBytes) {
  const fs::path first = dir_ / "first.xlsx", second = dir_ / "second.xlsx";
  ASSERT_TRUE(WriteXlsx(SampleDocument(), first.string(), kCreated).has_value());
  ASSERT_TRUE(WriteXlsx(SampleDocument(), second.string(), kCreated).has_value());
  std::string bytes = Bytes(first);
  EXPECT_GT(bytes.size(), 1000u);
  EXPECT_TRUE(bytes == Bytes(second)) << "two writes differ";
  // The moment is what the file says it was created: another moment, other bytes.
  ASSERT_TRUE(WriteXlsx(SampleDocument(), second.string(), kCreated + 1'000'000).has_value());
  EXPECT_FALSE(bytes == Bytes(second));
}

TEST_F(XlsxWriterTest, ReplacesAWorkbookAlreadyThereAndLeavesNothingElse) {
  const fs::path path = dir_ / "report.xlsx";
  std::ofstream(path) << "an older report";
  ASSERT_TRUE(WriteXlsx(SampleDocument(), path.string(), kCreated).has_value());
  EXPECT_EQ(ReadXlsx(path.string()).sheets.size(), 6u);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    files.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(files, std::vector<std::string>{"report.xlsx"});
}

TEST_F(XlsxWriterTest, RefusesAFolderForTheWorkbook) {
  auto written = WriteXlsx(SampleDocument(), dir_.string(), kCreated);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, Failure::Kind::kInvalid);
  EXPECT_EQ(Message(written), dir_.string() + ": cannot write the workbook: a folder is there");
}

TEST_F(XlsxWriterTest, SaysWhenTheWorkbooksFolderIsNotThere) {
  std::string path = (dir_ / "missing" / "report.xlsx").string();
  auto written = WriteXlsx(SampleDocument(), path, kCreated);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, Failure::Kind::kNotFound);
  EXPECT_EQ(Message(written), path + ": cannot write the workbook: there is no folder " +
                                  (dir_ / "missing").string());
}

TEST_F(XlsxWriterTest, RefusesACellLongerThanExcelHolds) {
  ReportDocument d;
  ReportSection s = MakeSection("long", "Long");
  s.blocks.emplace_back(ReportParagraph{"Short.", false});
  s.blocks.emplace_back(ReportParagraph{std::string(32'768, 'x'), false});
  d.sections.push_back(s);
  std::string path = (dir_ / "report.xlsx").string();
  auto written = WriteXlsx(d, path, kCreated);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(Message(written), path +
                                  ": sheet Long row 5: a cell of more than 32,767 characters, "
                                  "more than Excel can hold");
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(fs::is_empty(dir_)) << "the partial workbook is removed";
}

TEST(XlsxSheetNamesTest, ReplacesTheCharactersExcelRefuses) {
  ReportDocument d;
  d.sections.push_back(MakeSection("a", "Q2: [draft] a/b\\c *?"));
  d.sections.push_back(MakeSection("b", "'quoted'"));
  EXPECT_EQ(XlsxSheetNames(d),
            (std::vector<std::string>{"Details", "Q2- -draft- a-b-c --", "quoted"}));
}

TEST(XlsxSheetNamesTest, CutsANameToThirtyOneCharactersNotBytes) {
  ReportDocument d;
  d.sections.push_back(MakeSection("a", "Améliorations et priorités pour le développement"));
  std::vector<std::string> names = XlsxSheetNames(d);
  EXPECT_EQ(names[1], "Améliorations et priorités pour");
}

TEST(XlsxSheetNamesTest, NumbersANameAlreadyTakenWhateverItsCase) {
  ReportDocument d;
  d.sections.push_back(MakeSection("a", "Summary"));
  d.sections.push_back(MakeSection("b", "SUMMARY"));
  d.sections.push_back(MakeSection("c", "details"));
  d.sections.push_back(MakeSection("d", "History"));
  d.sections.push_back(MakeSection("e", "A very long title of thirty-one"));
  d.sections.push_back(MakeSection("f", "A very long title of thirty-one characters"));
  EXPECT_EQ(XlsxSheetNames(d),
            (std::vector<std::string>{"Details", "Summary", "SUMMARY (2)", "details (2)",
                                      "History (2)", "A very long title of thirty-one",
                                      "A very long title of thirty (2)"}));
}

TEST(XlsxSheetNamesTest, NamesASectionWithoutTitleByItsIdOrItsPlace) {
  ReportDocument d;
  d.sections.push_back(MakeSection("red-flags", ""));
  d.sections.push_back(MakeSection("", ""));
  EXPECT_EQ(XlsxSheetNames(d), (std::vector<std::string>{"Details", "red-flags", "Section 2"}));
}

}  // namespace
}  // namespace scorecard
