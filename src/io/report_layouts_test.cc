// Report layouts in an interchange folder (reports/NAME.toml) and scorecard.toml's [reports]
// default: read as names and texts, untouched; everything else in reports/ said.

#include "io/report_layouts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/config.h"
#include "io/folder.h"

namespace scorecard {
namespace {

constexpr const char* kToml = R"([organisation]
name = "Test Council"
code = "test"
scheme = "derby-2012"
)";

constexpr const char* kQuarterly = "title = \"Quarterly report\"\r\n\n  [[section]]\nkind = \"x\"";
constexpr const char* kDashboard = "title = \"Dashboard\"\n";

MemoryFileSource Folder(std::string config_end = "") {
  MemoryFileSource f;
  f.files["scorecard.toml"] = kToml + config_end;
  f.files["measures.csv"] = "ref,title,unit,polarity,frequency\nM1,Calls,%,higher,quarterly\n";
  f.files["reports/quarterly.toml"] = kQuarterly;
  f.files["reports/dashboard-2017.toml"] = kDashboard;
  return f;
}

std::vector<std::string> Messages(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.ToString());
  return out;
}

std::vector<std::string> Messages(const std::expected<Council, Issues>& r) {
  return r ? std::vector<std::string>{} : Messages(r.error());
}

// "name|file|text" for each layout.
std::vector<std::string> Layouts(const Council& council) {
  std::vector<std::string> out;
  for (const ReportLayoutText& l : council.layouts)
    out.push_back(l.name + "|" + l.file + "|" + l.text);
  return out;
}

TEST(ReportLayoutsTest, ReadsEachTomlFileOfReportsAsALayoutNamedByItsStemTextUntouched) {
  auto council = ReadFolder(Folder("[reports]\ndefault = \"quarterly\"\n"));
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  EXPECT_EQ(Layouts(*council),
            (std::vector<std::string>{
                std::string("dashboard-2017|reports/dashboard-2017.toml|") + kDashboard,
                std::string("quarterly|reports/quarterly.toml|") + kQuarterly}));
  EXPECT_EQ(council->default_layout, "quarterly");
  ASSERT_NE(council->FindLayout("quarterly"), nullptr);
  EXPECT_EQ(council->FindLayout("quarterly")->text, kQuarterly);
  EXPECT_EQ(council->FindLayout("weekly"), nullptr);
}

TEST(ReportLayoutsTest, LayoutsWithoutADefaultAreFine) {
  auto council = ReadFolder(Folder());
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  EXPECT_EQ(council->layouts.size(), 2u);
  EXPECT_EQ(council->default_layout, "");
}

TEST(ReportLayoutsTest, AFolderWithoutReportsHasNoLayoutsAndAnEmptyOneNone) {
  MemoryFileSource f = Folder();
  f.files.erase("reports/quarterly.toml");
  f.files.erase("reports/dashboard-2017.toml");
  Issues issues;
  EXPECT_EQ(FolderTableSource(f).Layouts(&issues), std::nullopt);
  f.files["reports/"] = "";
  auto layouts = FolderTableSource(f).Layouts(&issues);
  ASSERT_TRUE(layouts.has_value());
  EXPECT_TRUE(layouts->empty());
  EXPECT_TRUE(issues.empty());
}

TEST(ReportLayoutsTest, RejectsANameThatIsNotLowerCaseLettersDigitsAndHyphens) {
  MemoryFileSource f = Folder();
  f.files["reports/Cabinet Report.toml"] = "";
  f.files["reports/a-name-longer-than-twenty-four.toml"] = "";
  auto council = ReadFolder(f);
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "reports/Cabinet Report.toml: expected a layout name of lower-case letters, "
                "digits and hyphens, not \"Cabinet Report\"",
                "reports/a-name-longer-than-twenty-four.toml: expected a layout name of at most "
                "24 characters, not 30 (\"a-name-longer-than-twenty-four\"), so that a "
                "workbook's sheet report NAME can hold it"}));
  EXPECT_EQ(council.error()[0].code, "reports.name");
  EXPECT_EQ(council.error()[1].code, "reports.long-name");
}

TEST(ReportLayoutsTest, SaysEverythingElseInReportsAndPassesOverOnlyFilesOfYourOwn) {
  MemoryFileSource f = Folder();
  f.files["reports/notes.txt"] = "";
  f.files["reports/quarterly.toml.bak"] = "";
  f.files["reports/old/quarterly.toml"] = "";
  f.files["reports/.DS_Store"] = "";
  f.files["reports/x_draft.toml"] = "";
  f.files["reports/x_old/"] = "";
  Issues warnings;
  auto council = ReadFolder(f, &warnings);
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "warning: reports/.DS_Store: not read: a hidden file",
                "reports/notes.txt: expected only report layouts, named NAME.toml, in reports/ "
                "(keep files of your own under names starting x_)",
                "reports/old/: expected only report layouts, named NAME.toml, in reports/ (keep "
                "files of your own under names starting x_)",
                "reports/quarterly.toml.bak: expected only report layouts, named NAME.toml, in "
                "reports/ (keep files of your own under names starting x_)"}));
  EXPECT_EQ(council.error()[1].code, "reports.unexpected-file");
}

TEST(ReportLayoutsTest, AHiddenFileInReportsIsOnlyAWarning) {
  MemoryFileSource f = Folder();
  f.files["reports/.quarterly.toml.swp"] = "";
  Issues warnings;
  auto council = ReadFolder(f, &warnings);
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  EXPECT_EQ(
      Messages(warnings),
      std::vector<std::string>{"warning: reports/.quarterly.toml.swp: not read: a hidden file"});
  EXPECT_EQ(council->layouts.size(), 2u);
}

TEST(ReportLayoutsTest, AnotherFolderBesideReportsIsStillAnError) {
  MemoryFileSource f = Folder();
  f.files["Reports/weekly.toml"] = "";
  EXPECT_EQ(Messages(ReadFolder(f)),
            std::vector<std::string>{
                "Reports/: expected no folders in an interchange folder but reports/, of report "
                "layouts (keep folders of your own under names starting x_)"});
}

TEST(ReportLayoutsTest, ADefaultMustNameALayoutTheCouncilHas) {
  auto council = ReadFolder(Folder("\n[reports]\ndefault = \"quartely\"\n"));
  ASSERT_FALSE(council.has_value());
  EXPECT_EQ(Messages(council),
            std::vector<std::string>{
                "scorecard.toml:7: column reports.default: expected the name of a report layout "
                "the council has (dashboard-2017, quarterly), not \"quartely\""});
  EXPECT_EQ(council.error()[0].code, "reports.unknown-default");

  MemoryFileSource none = Folder("[reports]\ndefault = \"quarterly\"\n");
  none.files.erase("reports/quarterly.toml");
  none.files.erase("reports/dashboard-2017.toml");
  EXPECT_EQ(Messages(ReadFolder(none)),
            std::vector<std::string>{
                "scorecard.toml:6: column reports.default: expected the name of a report layout "
                "the council has (it has none), not \"quarterly\""});
}

TEST(ReportLayoutsTest, ReportsTakesOnlyADefaultNamedInQuotes) {
  EXPECT_EQ(Messages(ReadFolder(Folder("[reports]\ndefault = 3\nlayout = \"x\"\n"))),
            (std::vector<std::string>{
                "scorecard.toml:7: column reports.layout: unknown key; expected one of default",
                "scorecard.toml:6: column reports.default: expected a string in quotes"}));
  MemoryFileSource f = Folder();
  f.files["scorecard.toml"] = "reports = \"quarterly\"\n" + f.files["scorecard.toml"];
  EXPECT_EQ(Messages(ReadFolder(f)),
            std::vector<std::string>{"scorecard.toml:1: column reports: expected a table: "
                                     "[reports], then default = \"NAME\""});
}

TEST(ReportLayoutsTest, ReadConfigChecksTheDefaultAgainstTheLayoutsReadBeforeIt) {
  Council council;
  council.layouts.push_back({"quarterly", "", "reports/quarterly.toml"});
  Issues issues;
  ReadConfig(std::string(kToml) + "[reports]\ndefault = \"quarterly\"\n", "scorecard.toml",
             &council, &issues);
  EXPECT_TRUE(issues.empty()) << Messages(issues)[0];
  EXPECT_EQ(council.default_layout, "quarterly");
}

TEST(ReportLayoutsTest, MemoryFilesListAFolderOnceAndItsOwnFilesByName) {
  MemoryFileSource f;
  f.files["scorecard.toml"] = "";
  f.files["reports/a.toml"] = "";
  f.files["reports/b.toml"] = "";
  f.files["reports/deeper/c.toml"] = "";
  f.files["empty/"] = "";
  EXPECT_EQ(f.List(""), (std::vector<std::string>{"empty/", "reports/", "scorecard.toml"}));
  EXPECT_EQ(f.List("reports"), (std::vector<std::string>{"a.toml", "b.toml", "deeper/"}));
  EXPECT_EQ(f.List("empty"), std::vector<std::string>{});
  EXPECT_EQ(f.List("nowhere"), std::vector<std::string>{});
}

TEST(ReportLayoutsTest, ReadsLayoutsFromAFolderOnDisk) {
  auto dir = std::filesystem::temp_directory_path() / "scorecard_layouts_on_disk";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "reports" / "drafts");
  MemoryFileSource memory = Folder();
  for (const auto& [name, text] : memory.files) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  DiskFileSource disk(dir.string());
  std::vector<std::string> listed = disk.List("reports");
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, (std::vector<std::string>{"dashboard-2017.toml", "drafts/", "quarterly.toml"}));
  auto council = ReadFolder(disk);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(Messages(council),
            std::vector<std::string>{"reports/drafts/: expected only report layouts, named "
                                     "NAME.toml, in reports/ (keep files of your own under "
                                     "names starting x_)"});
}

}  // namespace
}  // namespace scorecard
