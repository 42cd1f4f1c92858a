#include "io/workbook.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "domain/assessment.h"
#include "io/file_source.h"
#include "io/folder.h"
#include "io/test_seeds.h"
#include "io/workbook_writer.h"
#include "io/workbook_zip.h"

namespace scorecard {
namespace {

// A workbook written part by part, so that each test states exactly what Excel would have
// saved. Sheets are stored in parts numbered against tab order, as after sheets are moved, so
// only the workbook's relationships say which part is which.
struct TestWorkbook {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, <row> elements
  std::vector<std::string> shared_strings;                  // the inside of each <si>
  std::string styles;                                       // the inside of <styleSheet>
  std::string workbook_pr;                                  // attributes of <workbookPr>

  std::string Bytes() const;
};

std::string TestWorkbook::Bytes() const {
  constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  constexpr const char* kRel =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  constexpr const char* kPackageRel =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts;
  parts.push_back(
      {"_rels/.rels", fmt::format(R"(<Relationships xmlns="{}"><Relationship Id="rId1" )"
                                  R"(Type="{}/officeDocument" Target="xl/workbook.xml"/>)"
                                  R"(</Relationships>)",
                                  kPackageRel, kRel)});
  std::string tabs, relationships;
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string part = fmt::format("worksheets/sheet{}.xml", sheets.size() - i);
    tabs += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)", sheets[i].first, i + 1,
                        i + 10);
    relationships += fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="{}"/>)",
                                 i + 10, kRel, part);
    parts.push_back({"xl/" + part, fmt::format(R"(<worksheet xmlns="{}"><sheetData>{})"
                                               R"(</sheetData></worksheet>)",
                                               kMain, sheets[i].second)});
  }
  relationships +=
      fmt::format(R"(<Relationship Id="rId1" Type="{0}/sharedStrings" Target="sharedStrings.xml"/>)"
                  R"(<Relationship Id="rId2" Type="{0}/styles" Target="/xl/styles.xml"/>)",
                  kRel);
  parts.push_back(
      {"xl/workbook.xml", fmt::format(R"(<workbook xmlns="{}" xmlns:r="{}"><workbookPr {}/>)"
                                      R"(<sheets>{}</sheets></workbook>)",
                                      kMain, kRel, workbook_pr, tabs)});
  parts.push_back(
      {"xl/_rels/workbook.xml.rels",
       fmt::format(R"(<Relationships xmlns="{}">{}</Relationships>)", kPackageRel, relationships)});
  std::string strings;
  for (const std::string& s : shared_strings) strings += "<si>" + s + "</si>";
  parts.push_back(
      {"xl/sharedStrings.xml", fmt::format(R"(<sst xmlns="{}">{}</sst>)", kMain, strings)});
  parts.push_back(
      {"xl/styles.xml", fmt::format(R"(<styleSheet xmlns="{}">{}</styleSheet>)", kMain, styles)});
  return MakeZip(parts);
}

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c == '<' ? "&lt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
  }
  return out;
}

// An inline string cell.
std::string Text(std::string_view ref, std::string_view text) {
  return fmt::format(R"(<c r="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>)", ref,
                     Escape(text));
}

// A row of inline strings from column A.
std::string TextRow(int row, const std::vector<std::string_view>& texts) {
  std::string cells;
  char column = 'A';
  for (std::string_view t : texts) cells += Text(fmt::format("{}{}", column++, row), t);
  return fmt::format(R"(<row r="{}">{}</row>)", row, cells);
}

std::string Row(int row, std::string cells) {
  return fmt::format(R"(<row r="{}">{}</row>)", row, cells);
}

std::string ConfigRows() {
  return TextRow(1, {"[organisation]"}) + TextRow(2, {R"(name = "Test Council")"}) +
         TextRow(3, {R"(code = "test")"}) + TextRow(4, {R"(scheme = "derby-2012")"}) +
         TextRow(5, {R"(reporting_period = "2017/18 Q2")"});
}

const std::vector<std::string_view> kMeasuresHeader = {"ref",      "title",     "unit",
                                                       "polarity", "frequency", "owner"};

// A good council with one measure; a test changes what it is about.
TestWorkbook Council() {
  TestWorkbook w;
  w.sheets = {
      {"scorecard", ConfigRows()},
      {"measures", TextRow(1, kMeasuresHeader) +
                       TextRow(2, {"M1", "Calls answered", "%", "higher", "quarterly"})},
      {"values", TextRow(1, {"ref", "period", "value"}) + TextRow(2, {"M1", "2017/18 Q2", "81"})},
      {"targets", TextRow(1, {"ref", "period", "target"}) + TextRow(2, {"M1", "2017/18", "80"})}};
  return w;
}

std::expected<WorkbookTableSource, Issues> Open(const TestWorkbook& w) {
  return WorkbookTableSource::Open(w.Bytes(), "derby.xlsx");
}

std::vector<std::string> Messages(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.ToString());
  return out;
}

// What reading the workbook as a council reports; empty when it reads cleanly.
std::vector<std::string> CouncilMessages(const TestWorkbook& w) {
  auto source = Open(w);
  if (!source) return Messages(source.error());
  auto council = ReadCouncil(*source);
  return council ? std::vector<std::string>{} : Messages(council.error());
}

// The named sheet read as a table: its rows' fields, and any issues.
struct Read {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> messages;
};

Read ReadTable(const TestWorkbook& w, std::string_view name) {
  auto source = Open(w);
  if (!source) return {{}, {}, Messages(source.error())};
  Issues issues;
  std::optional<CsvTable> table = source->Table(SpecOf(name), &issues);
  Read out{{}, {}, Messages(issues)};
  if (!table) return out;
  out.rows.push_back(table->header);
  for (const CsvRow& row : table->rows) {
    std::vector<std::string_view> fields = table->Fields(row);
    out.rows.emplace_back(fields.begin(), fields.end());
    out.lines.push_back(row.line);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(WorkbookTest, ReadsAGoodWorkbook) {
  auto source = Open(Council());
  ASSERT_TRUE(source.has_value());
  EXPECT_EQ(source->Describe(), "derby.xlsx");
  auto council = ReadCouncil(*source);
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council.error()));
  EXPECT_EQ(council->organisation.name, "Test Council");
  ASSERT_EQ(council->measures.size(), 1u);
  ASSERT_EQ(council->measures[0].values.size(), 1u);
  EXPECT_DOUBLE_EQ(*council->measures[0].values[0].number, 81);
}

TEST(WorkbookTest, RejectsAFileThatIsNotAZip) {
  auto source = WorkbookTableSource::Open("ref,title\nM1,Calls\n", "derby.xlsx");
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(Messages(source.error()),
            std::vector<std::string>{
                "derby.xlsx: expected an Excel workbook (.xlsx): the file is not a zip archive"});
}

TEST(WorkbookTest, RejectsAZipWithoutAWorkbook) {
  auto source =
      WorkbookTableSource::Open(MakeZip({{"word/document.xml", "<document/>"}}), "derby.xlsx");
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(
      Messages(source.error()),
      std::vector<std::string>{"derby.xlsx: expected an Excel workbook (.xlsx): the archive has no "
                               "xl/workbook.xml"});
}

TEST(WorkbookTest, RejectsASheetThatIsNotXml) {
  TestWorkbook w = Council();
  w.sheets[1].second = "<row r=\"1\">";
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{
                "derby.xlsx: expected an Excel workbook (.xlsx): xl/worksheets/sheet3.xml is not "
                "well-formed XML (Start-end tags mismatch at byte 101)"});
}

TEST(WorkbookTest, RejectsASheetWhosePartIsMissing) {
  std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  auto open = [&](std::string_view target) {
    return WorkbookTableSource::Open(
        MakeZip({{"xl/workbook.xml",
                  fmt::format(R"(<workbook xmlns:r="{}"><sheets><sheet name="measures" )"
                              R"(r:id="a"/></sheets></workbook>)",
                              rel)},
                 {"xl/_rels/workbook.xml.rels",
                  fmt::format(R"(<Relationships><Relationship Id="{}" Type="{}/worksheet" )"
                              R"(Target="worksheets/gone.xml"/></Relationships>)",
                              target, rel)}}),
        "derby.xlsx");
  };
  auto unrelated = open("b");
  ASSERT_FALSE(unrelated.has_value());
  EXPECT_EQ(Messages(unrelated.error()),
            std::vector<std::string>{
                "derby.xlsx: expected an Excel workbook (.xlsx): the sheet measures has no part"});
  auto missing = open("a");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(Messages(missing.error()),
            std::vector<std::string>{"derby.xlsx: expected an Excel workbook (.xlsx): the archive "
                                     "has no xl/worksheets/gone.xml"});
}

TEST(WorkbookTest, RequiresTheScorecardSheet) {
  TestWorkbook w = Council();
  w.sheets.erase(w.sheets.begin());
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{"derby.xlsx: expected a sheet named scorecard holding "
                                     "scorecard.toml, one line per row in column A"});
}

TEST(WorkbookTest, RequiresTheMeasuresSheet) {
  TestWorkbook w = Council();
  w.sheets[1].first = "Sheet1";
  w.sheets.pop_back();
  EXPECT_EQ(CouncilMessages(w),
            (std::vector<std::string>{
                "derby.xlsx [Sheet1]: expected only the sheets Scorecard reads: scorecard, the "
                "tables of docs/interchange.md and report layouts named report NAME (keep sheets "
                "of your own under names starting x_)",
                "derby.xlsx [measures]: expected this table (the tables that name its rows are "
                "read once it is there)"}));
}

TEST(WorkbookTest, RejectsAFormulaEvenWithItsValue) {
  TestWorkbook w = Council();
  w.sheets[1].second +=
      Row(3, Text("A3", "M2") + Text("B3", "Days") + Text("C3", "days") + Text("D3", "lower") +
                 Text("E3", "quarterly") + R"(<c r="F3" t="str"><f>B1&amp;"x"</f><v>Anne</v></c>)");
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{"derby.xlsx [measures]:3: column owner: expected a value, "
                                     "not a formula: paste values instead"});
}

TEST(WorkbookTest, RejectsAnErrorCell) {
  TestWorkbook w = Council();
  w.sheets[2].second = TextRow(1, {"ref", "period", "value", "note"}) +
                       Row(2, Text("A2", "M1") + Text("B2", "2017/18 Q2") + Text("C2", "81") +
                                  R"(<c r="D2" t="e"><v>#N/A</v></c>)");
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{
                "derby.xlsx [values]:2: column note: expected a value, not the error #N/A"});
}

TEST(WorkbookTest, RejectsACellLongerThanExcelAllows) {
  TestWorkbook w = Council();
  std::string too_long(32'768, 'x'), longest(32'767, 'x');
  w.sheets[1].second += TextRow(3, {"M2", "Days", "days", "lower", "quarterly", too_long}) +
                        TextRow(4, {"M3", "Visits", "count", "higher", "quarterly", longest});
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{
                "derby.xlsx [measures]:3: column owner: expected at most 32,767 characters"});
}

TEST(WorkbookTest, ReportsANumberWhereAPeriodBelongsWithSheetAndRow) {
  TestWorkbook w = Council();
  w.sheets[2].second =
      TextRow(1, {"ref", "period", "value"}) + Text("A5", "") +
      Row(5, Text("A5", "M1") + R"(<c r="B5"><v>43008</v></c>)" + R"(<c r="C5"><v>81</v></c>)");
  EXPECT_EQ(CouncilMessages(w),
            std::vector<std::string>{
                "derby.xlsx [values]:5: column period: expected a period such as 2017/18, "
                "2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, not \"43008\""});
}

constexpr const char* kStyles =
    R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>)"
    R"(<numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="0.0&quot;m&quot;"/></numFmts>)"
    R"(<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="166"/></cellXfs>)";

TEST(WorkbookTest, ReadsDatesByTheirStyleAsIsoDates) {
  TestWorkbook w = Council();
  w.styles = kStyles;
  w.sheets[2].second =
      TextRow(1, {"ref", "period", "value", "note"}) +
      Row(2, R"(<c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>43008</v></c>)"
             R"(<c r="C2" s="2"><v>43008.99</v></c><c r="D2" s="3"><v>1.5</v></c>)") +
      Row(3, R"(<c r="B3" s="2"><v>60</v></c><c r="C3" s="2"><v>61</v></c>)"
             R"(<c r="D3" s="2"><v>1</v></c>)");
  w.shared_strings = {"<t>M1</t>"};
  EXPECT_EQ(ReadTable(w, "values").rows, (Rows{{"ref", "period", "value", "note"},
                                               {"M1", "2017-09-30", "2017-09-30", "1.5"},
                                               {"", "1900-02-29", "1900-03-01", "1900-01-01"}}));
}

TEST(WorkbookTest, CountsDatesFrom1904WhenTheWorkbookSaysSo) {
  TestWorkbook w = Council();
  w.styles = kStyles;
  w.workbook_pr = R"(date1904="1")";
  w.sheets[2].second = TextRow(1, {"ref", "period"}) +
                       Row(2, Text("A2", "M1") + R"(<c r="B2" s="1"><v>41546</v></c>)");
  EXPECT_EQ(ReadTable(w, "values").rows, (Rows{{"ref", "period"}, {"M1", "2017-09-30"}}));
}

// A period Excel turned into a date is read as that day, which no report of a quarterly measure
// would ever use: an error, not a figure silently passed over.
TEST(WorkbookTest, ADateCellIsADayThatAQuarterlyMeasureRefuses) {
  TestWorkbook w = Council();
  w.styles = kStyles;
  w.sheets[2].second = TextRow(1, {"ref", "period", "value"}) +
                       Row(2, Text("A2", "M1") + R"(<c r="B2" s="2"><v>43008</v></c>)" +
                                  R"(<c r="C2"><v>81</v></c>)");
  EXPECT_EQ(CouncilMessages(w), std::vector<std::string>{
                                    "derby.xlsx [values]:2: column period: expected a quarter such "
                                    "as 2017/18 Q2, or a year, for quarterly measure M1, not the "
                                    "day 2017-09-30"});
}

TEST(WorkbookTest, ReadsNumbersAsTheyShowWithoutBinaryNoise) {
  TestWorkbook w = Council();
  w.styles = kStyles;
  w.sheets[2].second = TextRow(1, {"ref", "period", "value", "forecast", "numerator", "note"}) +
                       Row(2, R"(<c r="C2"><v>0.30000000000000004</v></c><c r="D2"><v>1E-3</v></c>)"
                              R"(<c r="E2" t="n"><v>17931</v></c><c r="F2"><v>-0</v></c>)") +
                       Row(3, R"(<c r="C3" s="4"><v>0.825</v></c><c r="D3" s="5"><v>1.37</v></c>)"
                              R"(<c r="E3" s="4"><v>0.07</v></c>)");
  EXPECT_EQ(ReadTable(w, "values").rows,
            (Rows{{"ref", "period", "value", "forecast", "numerator", "note"},
                  {"", "", "0.3", "0.001", "17931", "0"},
                  {"", "", "82.5%", "1.37", "7%", ""}}));
}

TEST(WorkbookTest, ReadsSharedAndInlineStringsAlike) {
  TestWorkbook w = Council();
  w.shared_strings = {
      "<t>M1</t>",
      R"(<r><t xml:space="preserve">Calls </t></r><r><rPr><b/></rPr><t>answered</t></r>)",
      R"(<t xml:space="preserve"> padded </t>)", "<t>line one_x000D_\nline two</t>",
      R"(<t>Tōkyō</t><rPh sb="0" eb="1"><t>トウキョウ</t></rPh>)"};
  w.sheets[1].second = TextRow(1, kMeasuresHeader) +
                       Row(2, R"(<c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>)"
                              R"(<c r="F2" t="s"><v>2</v></c>)") +
                       Row(3, R"(<c r="B3" t="s"><v>3</v></c><c r="F3" t="s"><v>4</v></c>)") +
                       TextRow(4, {"M1", "Calls answered", "", "", "", " padded "});
  EXPECT_EQ(ReadTable(w, "measures").rows,
            (Rows{{"ref", "title", "unit", "polarity", "frequency", "owner"},
                  {"M1", "Calls answered", "", "", "", " padded "},
                  {"", "line one\r\nline two", "", "", "", "Tōkyō"},
                  {"M1", "Calls answered", "", "", "", " padded "}}));
}

TEST(WorkbookTest, ReadsBooleansAsYesAndNo) {
  TestWorkbook w = Council();
  w.sheets[1].second =
      TextRow(1, {"ref", "title", "unit", "polarity", "frequency", "priority"}) +
      Row(2, Text("A2", "M1") + Text("B2", "Calls") + Text("C2", "%") + Text("D2", "higher") +
                 Text("E2", "quarterly") + R"(<c r="F2" t="b"><v>1</v></c>)") +
      Row(3, Text("A3", "M2") + Text("B3", "Days") + Text("C3", "days") + Text("D3", "lower") +
                 Text("E3", "quarterly") + R"(<c r="F3" t="b"><v>0</v></c>)");
  EXPECT_EQ(ReadTable(w, "measures").rows[1][5], "yes");
  EXPECT_EQ(ReadTable(w, "measures").rows[2][5], "no");
  auto source = Open(w);
  ASSERT_TRUE(source.has_value());
  auto council = ReadCouncil(*source);
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council.error()));
  EXPECT_TRUE(council->measures[0].priority);
  EXPECT_FALSE(council->measures[1].priority);
}

TEST(WorkbookTest, PlacesCellsByReferenceAndSkipsBlankRows) {
  TestWorkbook w = Council();
  w.sheets[2].second = Row(2, Text("A2", "ref") + Text("B2", "period") + Text("C2", "value")) +
                       Row(3, R"(<c r="A3" s="0"/>)") +
                       Row(4, Text("A4", "M1") + Text("C4", "81")) +
                       R"(<row><c t="inlineStr"><is><t>M2</t></is></c><c/>)"
                       R"(<c t="inlineStr"><is><t>82</t></is></c></row>)";
  Read read = ReadTable(w, "values");
  EXPECT_EQ(read.rows, (Rows{{"ref", "period", "value"}, {"M1", "", "81"}, {"M2", "", "82"}}));
  EXPECT_EQ(read.lines, (std::vector<int>{4, 5}));
  EXPECT_TRUE(read.messages.empty());
}

TEST(WorkbookTest, ReportsAValueBeyondTheNamedColumns) {
  TestWorkbook w = Council();
  w.sheets[2].second =
      TextRow(1, {"ref", "period", "value"}) + TextRow(2, {"M1", "2017/18 Q2", "81", "", "a note"});
  Read read = ReadTable(w, "values");
  EXPECT_EQ(read.rows, (Rows{{"ref", "period", "value"}, {"M1", "2017/18 Q2", "81"}}));
  EXPECT_EQ(read.messages, std::vector<std::string>{
                               "derby.xlsx [values]:2: column E: expected a column name in the "
                               "header row above this value"});
}

// Excel writes rows top to bottom and a row's cells left to right; other programs, and people
// editing the XML, may not. Cells are placed by their references, rows by their numbers.
TEST(WorkbookTest, ReadsAHeaderWhoseCellsAreOutOfOrder) {
  TestWorkbook w = Council();
  w.sheets[1].second =
      Row(1, Text("A1", "ref") + Text("F1", "owner") + Text("C1", "unit") + Text("D1", "polarity") +
                 Text("E1", "frequency") + Text("B1", "title")) +
      Row(2, Text("E2", "quarterly") + Text("A2", "M1") + Text("F2", "Anne") +
                 Text("B2", "Calls answered") + Text("D2", "higher") + Text("C2", "%"));
  Read read = ReadTable(w, "measures");
  EXPECT_EQ(read.rows, (Rows{{"ref", "title", "unit", "polarity", "frequency", "owner"},
                             {"M1", "Calls answered", "%", "higher", "quarterly", "Anne"}}));
  EXPECT_TRUE(read.messages.empty());
  EXPECT_TRUE(CouncilMessages(w).empty());
}

// make fuzz found this one: a header sized by its last cell, E, and F written past its end.
TEST(WorkbookTest, AHeaderListedAFCDEIsAsWideAsItsRightmostCell) {
  TestWorkbook w = Council();
  w.sheets[1].second = Row(1, Text("A1", "ref") + Text("F1", "owner") + Text("C1", "unit") +
                                  Text("D1", "polarity") + Text("E1", "frequency")) +
                       TextRow(2, {"M1", "", "%", "higher", "quarterly", "Anne"});
  EXPECT_EQ(ReadTable(w, "measures").rows,
            (Rows{{"ref", "", "unit", "polarity", "frequency", "owner"},
                  {"M1", "", "%", "higher", "quarterly", "Anne"}}));
  EXPECT_EQ(CouncilMessages(w),
            (std::vector<std::string>{
                "derby.xlsx [measures]:1: expected a name for column 2",
                "derby.xlsx [measures]:1: column title: expected this required column",
                // values, naming measures, is not read until they can be
            }));
}

TEST(WorkbookTest, RejectsACellGivenTwiceInARow) {
  TestWorkbook w = Council();
  // A cell without a reference follows the one before it: the third cell of row 2 is B2 again.
  w.sheets[2].second =
      Row(1, Text("A1", "ref") + Text("B1", "period") + Text("C1", "value") + Text("A1", "x")) +
      Row(2, Text("A2", "M1") + Text("B2", "2017/18 Q2") + Text("C2", "81") + Text("C2", "82") +
                 Text("C2", "83") + R"(<c r="A2"/><c t="inlineStr"><is><t>Q3</t></is></c>)");
  Read read = ReadTable(w, "values");
  EXPECT_EQ(read.rows, (Rows{{"ref", "period", "value"}, {"M1", "2017/18 Q2", "81"}}));
  EXPECT_EQ(read.messages,
            (std::vector<std::string>{
                "derby.xlsx [values]:1: column A: expected one cell A1, not two (the file is "
                "damaged)",
                "derby.xlsx [values]:2: column ref: expected one cell A2, not two (the file is "
                "damaged)",
                "derby.xlsx [values]:2: column period: expected one cell B2, not two (the file is "
                "damaged)",
                "derby.xlsx [values]:2: column value: expected one cell C2, not two (the file is "
                "damaged)"}));
}

TEST(WorkbookTest, ReadsRowsOutOfOrderByTheirNumbers) {
  TestWorkbook w = Council();
  // A row without a number follows the one before it: the third row is row 2.
  w.sheets[2].second = TextRow(3, {"M1", "2017/18 Q2", "81"}) +
                       TextRow(1, {"ref", "period", "value"}) +
                       R"(<row><c t="inlineStr"><is><t>M1</t></is></c>)"
                       R"(<c t="inlineStr"><is><t>2017/18 Q1</t></is></c><c><v>79</v></c></row>)";
  Read read = ReadTable(w, "values");
  EXPECT_EQ(
      read.rows,
      (Rows{{"ref", "period", "value"}, {"M1", "2017/18 Q1", "79"}, {"M1", "2017/18 Q2", "81"}}));
  EXPECT_EQ(read.lines, (std::vector<int>{2, 3}));
  EXPECT_TRUE(read.messages.empty());
  EXPECT_TRUE(CouncilMessages(w).empty());
}

TEST(WorkbookTest, RejectsARowGivenTwice) {
  TestWorkbook w = Council();
  w.sheets[2].second = TextRow(1, {"ref", "period", "value"}) +
                       TextRow(3, {"M1", "2017/18 Q2", "81"}) +
                       TextRow(2, {"M1", "2017/18 Q1", "79"}) +
                       TextRow(3, {"M1", "2017/18 Q3", "83"}) + R"(<row r="2"/>)";
  Read read = ReadTable(w, "values");
  EXPECT_EQ(
      read.rows,
      (Rows{{"ref", "period", "value"}, {"M1", "2017/18 Q1", "79"}, {"M1", "2017/18 Q2", "81"}}));
  EXPECT_EQ(read.messages,
            (std::vector<std::string>{
                "derby.xlsx [values]:2: expected one row 2, not two (the file is damaged)",
                "derby.xlsx [values]:3: expected one row 3, not two (the file is damaged)"}));
}

TEST(WorkbookTest, RejectsACellWhoseReferenceNamesAnotherRow) {
  TestWorkbook w = Council();
  w.sheets[2].second = TextRow(1, {"ref", "period", "value"}) +
                       Row(2, Text("A2", "M1") + Text("B5", "2017/18 Q2") + Text("C2", "81"));
  Read read = ReadTable(w, "values");
  EXPECT_EQ(read.rows, (Rows{{"ref", "period", "value"}, {"M1", "", "81"}}));
  EXPECT_EQ(read.messages, std::vector<std::string>{
                               "derby.xlsx [values]:2: column period: expected a cell of row 2, "
                               "not B5 (the file is damaged)"});
}

TEST(WorkbookTest, ReadsTheConfigurationsRowsByTheirNumbers) {
  TestWorkbook w;
  w.sheets = {{"scorecard", TextRow(4, {"code = \"x\""}) + TextRow(1, {"[organisation]"}) +
                                Row(2, Text("B2", "a note") + Text("A2", "name = \"x\""))}};
  auto source = Open(w);
  ASSERT_TRUE(source.has_value());
  Issues issues;
  EXPECT_EQ(source->Config(&issues), "[organisation]\nname = \"x\"\n\ncode = \"x\"\n");
  EXPECT_EQ(Messages(issues), std::vector<std::string>{"derby.xlsx [scorecard]:2: column B: "
                                                       "expected scorecard.toml in column A only"});
}

TEST(WorkbookTest, ReadsTheConfigurationOneLinePerRow) {
  TestWorkbook w;
  w.sheets = {{"Scorecard", TextRow(1, {"[organisation]"}) + TextRow(2, {"name = \"x\""}) +
                                TextRow(4, {"code = \"x\"", "a note"})}};
  auto source = Open(w);
  ASSERT_TRUE(source.has_value());
  Issues issues;
  EXPECT_EQ(source->Config(&issues), "[organisation]\nname = \"x\"\n\ncode = \"x\"\n");
  EXPECT_EQ(Messages(issues), std::vector<std::string>{"derby.xlsx [scorecard]:4: column B: "
                                                       "expected scorecard.toml in column A only"});
}

TEST(WorkbookTest, ReadsPrefixedElementsAndIgnoresOtherSheets) {
  std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string bytes = MakeZip(
      {{"xl/workbook.xml",
        fmt::format(R"(<x:workbook xmlns:x="{}" xmlns:rel="{}"><x:sheets>)"
                    R"(<x:sheet name="Notes" sheetId="1" rel:id="a"/>)"
                    R"(<x:sheet name="values" sheetId="2" rel:id="b"/></x:sheets></x:workbook>)",
                    ns, rel)},
       {"xl/_rels/workbook.xml.rels",
        fmt::format(R"(<Relationships><Relationship Id="a" Type="{0}/worksheet" Target="n.xml"/>)"
                    R"(<Relationship Id="b" Type="{0}/worksheet" Target="./data/../v.xml"/>)"
                    R"(</Relationships>)",
                    rel)},
       {"xl/n.xml", "not even XML"},
       {"xl/v.xml", fmt::format(R"(<x:worksheet xmlns:x="{}"><x:sheetData><x:row r="1">)"
                                R"(<x:c r="A1" t="inlineStr"><x:is><x:t>ref</x:t></x:is></x:c>)"
                                R"(</x:row></x:sheetData></x:worksheet>)",
                                ns)}});
  auto source = WorkbookTableSource::Open(bytes, "derby.xlsx");
  ASSERT_TRUE(source.has_value()) << Messages(source.error())[0];
  Issues issues;
  std::optional<CsvTable> values = source->Table(SpecOf("values"), &issues);
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(values->file, "derby.xlsx [values]");
  EXPECT_EQ(values->header, std::vector<std::string>{"ref"});
  EXPECT_FALSE(source->Table(SpecOf("measures"), &issues).has_value());
  EXPECT_TRUE(issues.empty());
}

TEST(WorkbookTest, RefusesMoreThanExcelsRows) {
  TestWorkbook w = Council();
  w.sheets[2].second = TextRow(1, {"ref", "period"}) + TextRow(1'048'577, {"M1", "2017/18 Q2"});
  EXPECT_EQ(ReadTable(w, "values").messages,
            std::vector<std::string>{
                "derby.xlsx [values]: expected at most 1,048,576 rows, Excel's limit"});
}

TEST(WorkbookTest, RefusesACellPastExcelsLastColumnOrWithABadReference) {
  TestWorkbook w = Council();
  std::string unreferenced = R"(<c t="inlineStr"><is><t>y</t></is></c>)";
  w.sheets[2].second = TextRow(1, {"ref", "period", "value"}) +
                       Row(2, Text("XFD2", "x") + unreferenced) + Row(3, Text("3C", "81"));
  EXPECT_EQ(ReadTable(w, "values").messages,
            (std::vector<std::string>{
                "derby.xlsx [values]:2: column XFD: expected a column name in the header row "
                "above this value",
                "derby.xlsx [values]:2: expected at most 16,384 columns, Excel's limit",
                "derby.xlsx [values]:3: expected a cell reference such as B2, not \"3C\" (the "
                "file is damaged)"}));
}

TEST(WorkbookTest, RefusesAWorkbookThatExpandsTooFar) {
  TestWorkbook w = Council();
  w.sheets[2].second = TextRow(1, {"ref"}) + std::string(size_t{101} << 20, ' ');
  auto source = Open(w);
  ASSERT_FALSE(source.has_value());
  EXPECT_EQ(Messages(source.error()),
            std::vector<std::string>{"derby.xlsx: expected a workbook of at most 100 MB when "
                                     "uncompressed: this one holds more"});
}

TEST(WorkbookTest, WritingFailsOnACellExcelCannotHold) {
  CsvTable table{"measures.csv", {"ref", "title"}, {{2, {"M1", std::string(32'768, 'x')}}}};
  std::string path = (std::filesystem::temp_directory_path() / "scorecard_too_long.xlsx").string();
  auto written = WriteWorkbook(path, "", {{"measures", table}});
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(MakeIssue(written.error(), {"scorecard_too_long.xlsx", 0, ""}).ToString(),
            "scorecard_too_long.xlsx: sheet measures row 2: a cell of more than 32,767 "
            "characters, more than Excel can hold");
  EXPECT_FALSE(std::filesystem::exists(path));
}

// A seed folder written as a workbook and read back gives the same tables, cell by cell, and
// the same council.
std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What a council holds and how it assesses, as text to compare.
std::string Fingerprint(const scorecard::Council& council) {
  std::string out = council.organisation.name + "|" + council.organisation.code + "\n";
  Period reporting = council.organisation.reporting_period.value_or(Period::Quarter(2017, 2));
  for (const MeasureAssessment& a : Assessor(council).AssessAll(reporting)) {
    out += fmt::format("{} {} {} {} {}\n", a.measure->ref, a.measure->values.size(),
                       a.measure->targets.size(), a.status.key, a.forecast_status.key);
  }
  for (const Action& a : council.actions) out += fmt::format("{} {}\n", a.ref, a.ratings.size());
  out += fmt::format("{} projects, {} risks\n", council.projects.size(), council.risks.size());
  for (const ReportLayoutText& l : council.layouts) out += "layout " + l.name + "\n" + l.text;
  out += "default layout " + council.default_layout + "\n";
  return out;
}

// Report layouts travel as sheets "report NAME", their text as the scorecard sheet holds
// scorecard.toml.
std::vector<std::string> LayoutTexts(const scorecard::Council& council) {
  std::vector<std::string> out;
  for (const ReportLayoutText& l : council.layouts)
    out.push_back(l.name + "|" + l.file + "|" + l.text);
  return out;
}

TEST(WorkbookTest, WritesAndReadsBackReportLayoutsAsSheets) {
  const std::string config =
      "[organisation]\nname = \"Test Council\"\nscheme = \"derby-2012\"\n\n[reports]\n"
      "default = \"quarterly\"\n";
  const std::string quarterly =
      "title = \"Quarterly performance report\"\n\n[[section]]\n  kind = \"table\"\n";
  const std::string dashboard = "# Derby's dashboard\ntitle = \"=Dashboard\"\n";
  CsvTable measures{"measures.csv",
                    {"ref", "title", "unit", "polarity", "frequency"},
                    {{2, {"M1", "Calls", "%", "higher", "quarterly"}}}};
  auto path = std::filesystem::temp_directory_path() / "scorecard_layouts.xlsx";
  auto written = WriteWorkbook(path.string(), config, {{"measures", measures}},
                               {{"dashboard", dashboard, "reports/dashboard.toml"},
                                {"quarterly", quarterly, "reports/quarterly.toml"}});
  ASSERT_TRUE(written.has_value()) << MakeIssue(written.error(), {path.string(), 0, ""}).ToString();
  auto workbook = WorkbookTableSource::Open(ReadFile(path), "derby.xlsx");
  std::filesystem::remove(path);
  ASSERT_TRUE(workbook.has_value()) << Messages(workbook.error())[0];
  auto council = ReadCouncil(*workbook);
  ASSERT_TRUE(council.has_value()) << Messages(council.error())[0];
  EXPECT_EQ(LayoutTexts(*council),
            (std::vector<std::string>{"dashboard|derby.xlsx [report dashboard]|" + dashboard,
                                      "quarterly|derby.xlsx [report quarterly]|" + quarterly}));
  EXPECT_EQ(council->default_layout, "quarterly");
}

TEST(WorkbookTest, AWorkbookWithoutReportSheetsHasNoLayouts) {
  auto source = Open(Council());
  ASSERT_TRUE(source.has_value());
  Issues issues;
  EXPECT_EQ(source->Layouts(&issues), std::nullopt);
}

TEST(WorkbookTest, RejectsALayoutSheetWithTextBesideColumnAOrABadName) {
  TestWorkbook w = Council();
  w.sheets.push_back({"Report quarterly", TextRow(1, {"title = \"Q\"", "stray"})});
  w.sheets.push_back({"report Cabinet", TextRow(1, {"title = \"C\""})});
  w.sheets.push_back({"REPORT quarterly", TextRow(1, {"title = \"again\""})});
  EXPECT_EQ(CouncilMessages(w),
            (std::vector<std::string>{
                "derby.xlsx [Report quarterly]:1: column B: expected the layout in column A only",
                "derby.xlsx [Report quarterly]: expected one sheet named report quarterly",
                "derby.xlsx [report Cabinet]: expected a layout name of lower-case letters, "
                "digits and hyphens, not \"Cabinet\"",
            }));
}

TEST(WorkbookTest, WritingFailsOnALayoutNameTooLongForASheet) {
  std::string path =
      (std::filesystem::temp_directory_path() / "scorecard_long_layout.xlsx").string();
  auto written = WriteWorkbook(path, "", {}, {{"a-name-longer-than-twenty-four", "", ""}});
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(MakeIssue(written.error(), {"scorecard_long_layout.xlsx", 0, ""}).ToString(),
            "scorecard_long_layout.xlsx: cannot write layout a-name-longer-than-twenty-four as "
            "the sheet report a-name-longer-than-twenty-four: Excel allows a sheet's name 31 "
            "characters, and a layout's 24");
  EXPECT_FALSE(std::filesystem::exists(path));
}

class WorkbookRoundTripTest : public testing::TestWithParam<std::string> {};

TEST_P(WorkbookRoundTripTest, ReadsBackWhatWasWritten) {
  DiskFileSource files(SeedDir(GetParam()));
  FolderTableSource folder(files);
  Issues issues;
  std::optional<std::string> config = folder.Config(&issues);
  ASSERT_TRUE(config.has_value());
  std::vector<NamedTable> tables;
  for (const TableSpec& spec : InterchangeTables()) {
    if (auto table = folder.Table(spec, &issues))
      tables.push_back({std::string(spec.name), *table});
  }
  std::vector<ReportLayoutText> layouts =
      folder.Layouts(&issues).value_or(std::vector<ReportLayoutText>{});
  ASSERT_TRUE(issues.empty()) << issues[0].ToString();
  auto path = std::filesystem::temp_directory_path() / ("scorecard_" + GetParam() + ".xlsx");
  auto written = WriteWorkbook(path.string(), *config, tables, layouts);
  ASSERT_TRUE(written.has_value()) << MakeIssue(written.error(), {path.string(), 0, ""}).ToString();
  auto workbook = WorkbookTableSource::Open(ReadFile(path), GetParam() + ".xlsx");
  std::filesystem::remove(path);
  ASSERT_TRUE(workbook.has_value()) << Messages(workbook.error())[0];

  for (const NamedTable& written_table : tables) {
    std::optional<CsvTable> read = workbook->Table(SpecOf(written_table.name), &issues);
    ASSERT_TRUE(read.has_value()) << written_table.name;
    EXPECT_EQ(read->file, GetParam() + ".xlsx [" + written_table.name + "]");
    EXPECT_EQ(read->header, written_table.table.header) << written_table.name;
    ASSERT_EQ(read->rows.size(), written_table.table.rows.size()) << written_table.name;
    for (size_t r = 0; r < read->rows.size(); ++r) {
      EXPECT_EQ(read->rows[r].line, static_cast<int>(r) + 2);
      std::vector<std::string_view> got = read->Fields(read->rows[r]);
      std::vector<std::string_view> wrote = written_table.table.Fields(written_table.table.rows[r]);
      EXPECT_TRUE(std::equal(got.begin(), got.end(), wrote.begin(), wrote.end()))
          << written_table.name << " row " << r + 2;
    }
  }
  EXPECT_TRUE(issues.empty()) << issues[0].ToString();
  auto from_folder = ReadCouncil(folder);
  auto from_workbook = ReadCouncil(*workbook);
  ASSERT_TRUE(from_folder.has_value());
  ASSERT_TRUE(from_workbook.has_value()) << Messages(from_workbook.error())[0];
  EXPECT_EQ(Fingerprint(*from_workbook), Fingerprint(*from_folder));
}

INSTANTIATE_TEST_SUITE_P(Seeds, WorkbookRoundTripTest, testing::ValuesIn(SeedSlugs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace scorecard
