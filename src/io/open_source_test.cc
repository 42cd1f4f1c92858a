#include "io/open_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/folder.h"
#include "io/test_seeds.h"
#include "io/workbook_writer.h"

namespace scorecard {
namespace {

// A directory of its own for each test, removed afterwards.
class OpenTableSourceTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("scorecard_open_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  std::filesystem::path dir_;
};

std::string Message(const std::expected<std::unique_ptr<TableSource>, Issues>& source) {
  return source ? "(opened)" : source.error().at(0).ToString();
}

TEST_F(OpenTableSourceTest, OpensAFolder) {
  auto source = OpenTableSource(SeedDir("derby-2012-q2"));
  ASSERT_TRUE(source.has_value()) << Message(source);
  EXPECT_EQ((*source)->Describe(), SeedDir("derby-2012-q2"));
  auto council = ReadCouncil(**source);
  ASSERT_TRUE(council.has_value()) << council.error().at(0).ToString();
  EXPECT_FALSE(council->measures.empty());
}

// Regression: the folder opened by path forwards everything the folder reads, its layouts too.
TEST_F(OpenTableSourceTest, AFolderOpenedByPathHasItsReportLayouts) {
  Write("scorecard.toml",
        "[organisation]\nname = \"Test\"\ncode = \"test\"\nscheme = \"derby-2012\"\n"
        "[reports]\ndefault = \"quarterly\"\n");
  Write("measures.csv", "ref,title,unit,polarity,frequency\nM1,Calls,%,higher,quarterly\n");
  std::filesystem::create_directories(dir_ / "reports");
  Write("reports/quarterly.toml", "title = \"Quarterly\"\n");
  auto source = OpenTableSource(dir_.string());
  ASSERT_TRUE(source.has_value()) << Message(source);
  EXPECT_EQ((*source)->LayoutsName(), "reports/");
  auto council = ReadCouncil(**source);
  ASSERT_TRUE(council.has_value()) << council.error().at(0).ToString();
  ASSERT_EQ(council->layouts.size(), 1u);
  EXPECT_EQ(council->layouts[0].name, "quarterly");
  EXPECT_EQ(council->layouts[0].file, "reports/quarterly.toml");
  EXPECT_EQ(council->layouts[0].text, "title = \"Quarterly\"\n");
  EXPECT_EQ(council->default_layout, "quarterly");
}

TEST_F(OpenTableSourceTest, OpensAWorkbook) {
  CsvTable measures{"measures.csv",
                    {"ref", "title", "unit", "polarity", "frequency"},
                    {{2, {"M1", "Calls answered", "%", "higher", "quarterly"}}}};
  std::string path = (dir_ / "Test.XLSX").string();
  auto written = WriteWorkbook(path,
                               "[organisation]\nname = \"Test\"\ncode = \"test\"\n"
                               "scheme = \"derby-2012\"\n",
                               {{"measures", measures}});
  ASSERT_TRUE(written.has_value()) << MakeIssue(written.error(), {path, 0, ""}).ToString();
  auto source = OpenTableSource(path);
  ASSERT_TRUE(source.has_value()) << Message(source);
  EXPECT_EQ((*source)->Describe(), "Test.XLSX");
  auto council = ReadCouncil(**source);
  ASSERT_TRUE(council.has_value()) << council.error().at(0).ToString();
  EXPECT_EQ(council->measures.at(0).title, "Calls answered");
}

TEST_F(OpenTableSourceTest, ReportsAMissingPath) {
  std::string path = (dir_ / "nowhere").string();
  EXPECT_EQ(Message(OpenTableSource(path)),
            path +
                ": expected an interchange folder or an Excel workbook (.xlsx): there is "
                "nothing at this path");
}

TEST_F(OpenTableSourceTest, ReportsAFileThatIsNeither) {
  std::string path = Write("measures.csv", "ref,title\n");
  EXPECT_EQ(Message(OpenTableSource(path)),
            path + ": expected an interchange folder or an Excel workbook (.xlsx), not this file");
}

TEST_F(OpenTableSourceTest, ReportsAWorkbookThatIsNotOne) {
  EXPECT_EQ(Message(OpenTableSource(Write("derby.xlsx", "ref,title\n"))),
            "derby.xlsx: expected an Excel workbook (.xlsx): the file is not a zip archive");
  EXPECT_EQ(Message(OpenTableSource(Write("empty.xlsx", ""))),
            "empty.xlsx: expected an Excel workbook (.xlsx): the file is empty");
}

}  // namespace
}  // namespace scorecard
