#include "reports/csv_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "reports/test_document.h"

namespace scorecard {
namespace {

namespace fs = std::filesystem;

std::string Bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Names(const std::vector<CsvFile>& files) {
  std::vector<std::string> names;
  for (const CsvFile& f : files) names.push_back(f.name);
  return names;
}

template <typename T>
std::string Message(const Result<T>& r) {
  return r ? "(written)" : r.error().issues.at(0).ToString();
}

const ReportTable& ScorecardTable() {
  static const ReportDocument document = SampleDocument();
  return std::get<ReportTable>(document.sections[1].blocks[0]);
}

TEST(CsvTextTest, GivesPlainNumbersIsoDatesAndStatusWordsUnderTheColumnsLabels) {
  EXPECT_EQ(CsvText(ScorecardTable()),
            "Group,Ref,Measure,Quarterly: Q1 2017/18,Quarterly: Q2 2017/18,Status,Due,Highlighted\n"
            "Housing,H1,Homes built,1234.5,1300,✓ On track,2017-09-30,\n"
            "Housing,H2,\"Rent collected, \"\"net\"\"\",0.975,not due,▲ Some slippage,,"
            "Portfolio: Housing\n"
            "Environment,E1,Waste recycled: no figures this quarter,,,? No data,2018-03-31,\n");
}

TEST(CsvTextTest, HasNoGroupOrHighlightedColumnWhenNoRowNeedsOne) {
  ReportTable t = MakeTable("plain", {MakeColumn("Period"), MakeColumn("Value")});
  t.rows = {MakeRow({ReportCell::Text("2017/18 Q1"), ReportCell::Number(-0.5, "-0.50", "0.00")}),
            MakeRow({ReportCell::Text(" padded "), ReportCell::Number(1e6, "1,000,000", "")})};
  EXPECT_EQ(CsvText(t), "Period,Value\n2017/18 Q1,-0.5\n\" padded \",1000000\n");
}

TEST(CsvTextTest, GivesTheHeaderAloneForATableWithoutRows) {
  ReportTable t = MakeTable("red-flags", {MakeColumn("Ref"), MakeColumn("Measure")});
  t.empty = "No red flags this quarter.";
  EXPECT_EQ(CsvText(t), "Ref,Measure\n");
}

TEST(CsvTextTest, PadsAShortRowToTheColumns) {
  ReportTable t = MakeTable("short", {MakeColumn("A"), MakeColumn("B"), MakeColumn("C")});
  t.rows = {MakeRow({ReportCell::Text("1")})};
  EXPECT_EQ(CsvText(t), "A,B,C\n1,,\n");
}

TEST(CsvFilesTest, NamesAFileByItsTableAndNumbersARepeatedName) {
  std::vector<CsvFile> files = CsvFiles(SampleDocument());
  EXPECT_EQ(Names(files),
            (std::vector<std::string>{"scorecard.csv", "red-flags.csv", "scorecard-2.csv"}));
  EXPECT_EQ(files[1].text, "Ref,Measure\n");
  EXPECT_EQ(files[2].text, "Period,Value,Target\n2017/18 Q1,80,82\n2017/18 Q2,85.25,82\n");
}

TEST(CsvFilesTest, MakesAnyTablesNameAFilesName) {
  ReportDocument d;
  ReportSection s = MakeSection("tables", "Tables");
  for (const char* name : {"Red Flags", "../up", "", "Scorecard", "scorecard", "q2 (draft)/x"}) {
    s.blocks.emplace_back(MakeTable(name, {}));
  }
  d.sections.push_back(s);
  EXPECT_EQ(Names(CsvFiles(d)),
            (std::vector<std::string>{"Red-Flags.csv", "up.csv", "table.csv", "Scorecard.csv",
                                      "scorecard-2.csv", "q2-draft-x.csv"}));
}

// A folder of its own for each test, removed afterwards.
class WriteCsvTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("scorecard_csv_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Listed() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(WriteCsvTest, WritesAFilePerTableIntoANewFolder) {
  auto written = WriteCsv(SampleDocument(), (dir_ / "q2").string());
  ASSERT_TRUE(written.has_value()) << Message(written);
  EXPECT_EQ(*written,
            (std::vector<std::string>{"scorecard.csv", "red-flags.csv", "scorecard-2.csv"}));
  EXPECT_EQ(Bytes(dir_ / "q2" / "scorecard.csv"), CsvText(ScorecardTable()));
  EXPECT_EQ(Bytes(dir_ / "q2" / "red-flags.csv"), "Ref,Measure\n");
  EXPECT_EQ(Bytes(dir_ / "q2" / "scorecard-2.csv"),
            "Period,Value,Target\n2017/18 Q1,80,82\n2017/18 Q2,85.25,82\n");
}

TEST_F(WriteCsvTest, WritesTheSameBytesAgainOverItsOwnFiles) {
  ASSERT_TRUE(WriteCsv(SampleDocument(), dir_.string()).has_value());
  std::string first = Bytes(dir_ / "scorecard.csv");
  std::ofstream(dir_ / "scorecard.csv") << "changed";
  std::ofstream(dir_ / ".DS_Store") << "the finder's";
  auto again = WriteCsv(SampleDocument(), dir_.string());
  ASSERT_TRUE(again.has_value()) << Message(again);
  EXPECT_EQ(Bytes(dir_ / "scorecard.csv"), first);
  EXPECT_EQ(Listed(), (std::vector<std::string>{".DS_Store", "red-flags.csv", "scorecard-2.csv",
                                                "scorecard.csv"}));
}

TEST_F(WriteCsvTest, RefusesAFolderHoldingOtherFiles) {
  fs::create_directories(dir_ / "notes");
  std::ofstream(dir_ / "budget.xlsx") << "not ours";
  std::ofstream(dir_ / "old-table.csv") << "an older report's";
  std::ofstream(dir_ / "zz.csv") << "another";
  auto written = WriteCsv(SampleDocument(), dir_.string());
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, Failure::Kind::kInvalid);
  EXPECT_EQ(Message(written), dir_.string() +
                                  ": expected an empty folder, or one holding only this "
                                  "report's CSV files, not budget.xlsx, notes, old-table.csv "
                                  "and 1 more");
  EXPECT_EQ(Listed(),
            (std::vector<std::string>{"budget.xlsx", "notes", "old-table.csv", "zz.csv"}));
}

TEST_F(WriteCsvTest, RefusesAFolderWhereAFileOfOursIsAFolder) {
  fs::create_directories(dir_ / "scorecard.csv");
  auto written = WriteCsv(SampleDocument(), dir_.string());
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(Message(written), dir_.string() +
                                  ": expected an empty folder, or one holding only this "
                                  "report's CSV files, not scorecard.csv");
}

TEST_F(WriteCsvTest, RefusesAFileForTheFolder) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "report.csv") << "a file";
  std::string path = (dir_ / "report.csv").string();
  auto written = WriteCsv(SampleDocument(), path);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, Failure::Kind::kInvalid);
  EXPECT_EQ(Message(written),
            path + ": cannot write the CSV files: this is a file, and they go in a folder");
  EXPECT_EQ(Bytes(path), "a file");
}

TEST_F(WriteCsvTest, SaysWhyTheFolderCannotBeCreated) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "a file";
  std::string path = (dir_ / "file" / "q2").string();
  auto written = WriteCsv(SampleDocument(), path);
  ASSERT_FALSE(written.has_value());
  EXPECT_EQ(written.error().kind, Failure::Kind::kUnavailable);
  EXPECT_EQ(Message(written),
            path + ": cannot create the folder for the CSV files: Not a directory");
}

}  // namespace
}  // namespace scorecard
