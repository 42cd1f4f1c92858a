// The scorecard command as a user runs it: real process, real folders, exit codes and output.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_support.h"
#include "io/test_seeds.h"
#include "io/workbook_zip.h"

namespace scorecard {
namespace {

using Result = CliResult;

TEST(CliTest, AssessPrintsTheScorecardWithSummaries) {
  Result r = Scorecard("assess " + SeedDir("derby-2012-q2"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Derby City Council: scorecard at 2012/13 Q2"), std::string::npos);
  EXPECT_NE(r.out.find("CM PM13"), std::string::npos);
  for (const char* section : {"Summary by status", "Direction of travel", "Red flags", "Exceptions",
                              "Changes since 2012/13 Q1"}) {
    EXPECT_NE(r.out.find(section), std::string::npos) << section;
  }
}

TEST(CliTest, CsvHasTheDocumentedColumnsAndOneRowPerMeasure) {
  SplitResult r = ScorecardSplit("assess " + SeedDir("rotherham-2017-q2") +
                                 " --period \"Q2 2017/18\" --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "ref,period,value,target,status,dot,forecast,forecast_status,forecast_computed,"
            "overridden,title");
  EXPECT_NE(r.out.find("\n1.A1,2017-09,345.8,336.9,off-track,"), std::string::npos) << r.out;
}

TEST(CliTest, JsonIsValidAndCarriesReasons) {
  SplitResult r = ScorecardSplit("assess " + SeedDir("derby-2021-q2") + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["period"], "2021/22 Q2");
  ASSERT_FALSE(j["measures"].empty());
  EXPECT_FALSE(j["measures"][0]["status"]["reason"].get<std::string>().empty());
  EXPECT_FALSE(j["groups"].empty());
}

TEST(CliTest, ExplainGivesTheReasoning) {
  Result r = Scorecard("assess " + SeedDir("derby-2012-q2") + " --explain \"CP 08b\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("CP 08b - "), std::string::npos);
  EXPECT_NE(r.out.find("forecast status: red"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("7.52 days against the 2012/13 target of 7 days (lower is better): "
                       "deviation -7.43%; red is below -5%"),
            std::string::npos)
      << r.out;
}

TEST(CliTest, BadInputExitsNonZeroListingEveryErrorAndReadsNothing) {
  TempFolder f;
  f.Write("scorecard.toml", "[organisation]\nname = \"X\"\nscheme = \"derby-2012\"\n");
  f.Write("measures.csv",
          "ref,title,unit,polarity,frequency\nM1,A,%,sideways,quarterly\n"
          "M2,B,%,higher,hourly\n");
  f.Write("values.csv", "ref,period,value\nM1,2017/18 Q9,5\n");
  Result r = Scorecard("assess " + f.path() + " --period 2017/18Q2");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("/measures.csv:2: column polarity: expected a polarity: higher, lower or "
                       "none"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("/measures.csv:3: column frequency:"), std::string::npos);
  EXPECT_NE(r.out.find("/values.csv:2: column period:"), std::string::npos);
  EXPECT_NE(r.out.find(": 3 problems; nothing was read"), std::string::npos);
}

TEST(CliTest, ABadPeriodIsRejected) {
  Result r = Scorecard("assess " + SeedDir("derby-2012-q2") + " --period \"Q5 2012/13\"");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--period: expected a period such as"), std::string::npos) << r.out;
}

// A mistake in how a command is given is an issue on the request: the command and the option
// named, the words of the catalogue, a line saying what was not done, exit code 2.
TEST(CliTest, AMistakenOptionNamesTheCommandAndTheOptionAndExitsTwo) {
  const std::string q5 =
      "expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
      "not \"Q5\"\n";
  std::string seed = SeedDir("derby-2012-q2");
  SplitResult period = ScorecardSplit("assess " + seed + " --period Q5");
  EXPECT_EQ(period.exit_code, 2);
  EXPECT_EQ(period.err,
            "scorecard assess: --period: " + q5 + seed + ": 1 problem; nothing was read\n");

  SplitResult nothing = ScorecardSplit("assess");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_EQ(nothing.err,
            "scorecard assess: give a folder, or --db and --org\n"
            "assess: 1 problem; nothing was read\n");

  TempFolder f;
  std::string db = "sqlite:" + f.path() + "/t.db";
  SplitResult assess = ScorecardSplit("assess --db " + db + " --org derby --published");
  EXPECT_EQ(assess.exit_code, 2);
  EXPECT_EQ(assess.err, "scorecard assess: --published: give --period naming the report\n" + db +
                            ": 1 problem; nothing was read\n");
  SplitResult exported =
      ScorecardSplit("export " + f.path() + "/out --db " + db + " --org derby --published");
  EXPECT_EQ(exported.exit_code, 2);
  EXPECT_EQ(exported.err, "scorecard export: --published: give --period naming the report\n" + db +
                              ": 1 problem; nothing was exported\n");
  SplitResult export_period = ScorecardSplit("export " + f.path() + "/out --db " + db +
                                             " --org derby --published --period Q5");
  EXPECT_EQ(export_period.exit_code, 2);
  EXPECT_EQ(export_period.err,
            "scorecard export: --period: " + q5 + db + ": 1 problem; nothing was exported\n");
  SplitResult publish = ScorecardSplit("publish --db " + db + " --org derby --period Q5");
  EXPECT_EQ(publish.exit_code, 2);
  EXPECT_EQ(publish.err,
            "scorecard publish: --period: " + q5 + db + ": 1 problem; nothing was published\n");
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/t.db")) << "nothing is opened";
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/out"));
}

// Options that do not go together are refused, before anything is read, rather than one of them
// passed over.
TEST(CliTest, OptionsThatDoNotGoTogetherAreRefusedAndNothingIsRead) {
  std::string seed = SeedDir("derby-2012-q2");
  TempFolder f;
  std::string db = "sqlite:" + f.path() + "/t.db";
  auto refused = [](const std::string& args) {
    SplitResult r = ScorecardSplit(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    return r.err;
  };
  EXPECT_EQ(refused("assess " + seed + " --format xml"),
            "scorecard assess: --format: expected table, csv or json, not \"xml\"\n" + seed +
                ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("assess " + seed + " --explain \"CP 08b\" --format json"),
            "scorecard assess: --explain: expected no --format json with --explain, which prints "
            "one measure's reasoning as text\n" +
                seed + ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("assess " + seed + " --db " + db + " --org derby"),
            "scorecard assess: --org: expected a folder, or --db and --org, not both\n" + db +
                ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("assess " + seed + " --db " + db),
            "scorecard assess: --db: expected a folder, or --db and --org, not both\n" + seed +
                ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("assess " + seed + " --as-at change:1"),
            "scorecard assess: --as-at: expected --org with --as-at: only the database keeps the "
            "history it looks back on, a folder holds only what it holds now\n" +
                seed + ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("assess " + seed + " --published --period \"2012/13 Q2\""),
            "scorecard assess: --published: expected --org with --published: only the database "
            "keeps the history it looks back on, a folder holds only what it holds now\n" +
                seed + ": 1 problem; nothing was read\n");
  EXPECT_EQ(refused("export " + f.path() + "/out --db " + db + " --org derby --period 2012/13"),
            "scorecard export: --period: expected --published with --period, which names the "
            "published report to export\n" +
                db + ": 1 problem; nothing was exported\n");
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/t.db")) << "nothing is opened";
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/out"));
}

TEST(CliTest, ExplainOfAnUnknownRefSaysWhatWasNotDone) {
  std::string seed = SeedDir("derby-2012-q2");
  SplitResult r = ScorecardSplit("assess " + seed + " --explain NOPE");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(
      r.err.ends_with("scorecard assess: --explain: no assessed measure has ref \"NOPE\"\n" + seed +
                      ": 1 problem; nothing was explained\n"))
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliTest, PeriodsSaysWhichSpellingsCannotBeRead) {
  SplitResult r = ScorecardSplit("periods Q5 Sep-17");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "Sep-17\t2017-09\t2017-09-01 to 2017-09-30\n");
  EXPECT_EQ(r.err,
            "Q5: expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or "
            "2017-09-30, not \"Q5\"\n");
}

TEST(CliTest, CheckSummarisesAGoodFolder) {
  Result r = Scorecard("check " + SeedDir("derby-2012-q2"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no problems"), std::string::npos);
}

TEST(CliTest, PeriodsShowsHowSpellingsAreRead) {
  Result r = Scorecard("periods Sep-17 \"Jul - Sep 2017\"");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Sep-17\t2017-09\t2017-09-01 to 2017-09-30"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Jul - Sep 2017\t2017/18 Q2\t2017-07-01 to 2017-09-30"), std::string::npos);
}

TEST(CliTest, ImportExportAndImportAgainThroughAWorkbookChangesNothing) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org derby-2021";
  Result first = Scorecard("import " + SeedDir("derby-2021-q2") + db);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("imported derby-2021 as change 1 (406 rows)"), std::string::npos)
      << first.out;
  Result exported = Scorecard("export " + f.path() + "/derby.xlsx" + db);
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  Result again = Scorecard("import " + f.path() + "/derby.xlsx" + db);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("nothing changed"), std::string::npos) << again.out;
  EXPECT_EQ(ScorecardSplit("assess " + f.path() + "/derby.xlsx --format csv").out,
            ScorecardSplit("assess --format csv" + db).out);
}

TEST(CliTest, AFailedImportSaysNothingWasImported) {
  TempFolder f;
  f.Write("scorecard.toml",
          "[organisation]\nname = \"X\"\ncode = \"x\"\nscheme = \"derby-2012\"\n");
  f.Write("measures.csv", "ref,title,unit,polarity,frequency\nM1,A,%,sideways,quarterly\n");
  Result r = Scorecard("import " + f.path() + " --db sqlite:" + f.path() + "/t.db --org x");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(": 1 problem; nothing was imported"), std::string::npos) << r.out;
}

TEST(CliTest, HistoryAndDiffShowWhoChangedWhatAndWhy) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org derby-2012";
  ASSERT_EQ(Scorecard("import " + SeedDir("derby-2012-q2") + db + " --author alice").exit_code, 0);
  ASSERT_EQ(Scorecard("export " + f.path() + "/out" + db).exit_code, 0);
  std::string values = f.path() + "/out/values.csv";
  std::ifstream in(values);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t at = text.find("CM PM11a,2012/13 Q2,20.6,");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 25, "CM PM11a,2012/13 Q2,21.6,");
  std::ofstream(values) << text;
  Result corrected =
      Scorecard("import " + f.path() + "/out" + db + " --author bob --reason \"figure re-run\"");
  ASSERT_EQ(corrected.exit_code, 0) << corrected.out;
  EXPECT_NE(corrected.out.find("imported derby-2012 as change 2 (1 rows)"), std::string::npos);

  Result history = Scorecard("history \"CM PM11a\"" + db);
  EXPECT_NE(history.out.find("by alice (import of"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("change 2 at "), std::string::npos);
  EXPECT_NE(history.out.find("by bob (figure re-run): values CM PM11a 2012/13 Q2 version 2"),
            std::string::npos)
      << history.out;
  Result diff = Scorecard("diff --from change:1" + db);
  EXPECT_NE(diff.out.find("changed values CM PM11a 2012/13 Q2\n  - CM PM11a | 2012/13 Q2 | 20.6"),
            std::string::npos)
      << diff.out;
  EXPECT_NE(diff.out.find("1 differences between change 1 and change 2"), std::string::npos);
}

// The files a publish command lists: each line's name, when the line is "  NAME  SIZE bytes
// sha256 HEX".
std::vector<std::string> ListedFiles(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  std::vector<std::string> names;
  const std::regex file(R"(  (\S+) +\d+ bytes  sha256 [0-9a-f]{64})");
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, file)) names.push_back(m[1]);
  }
  return names;
}

TEST(CliTest, PublishKeepsTheReportsFilesAndListsThemWithTheirSha256) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org rotherham-2017";
  ASSERT_EQ(Scorecard("import " + SeedDir("rotherham-2017-q2") + db).exit_code, 0);
  Result published = Scorecard("publish --period \"2017/18 Q2\"" + db);
  ASSERT_EQ(published.exit_code, 0) << published.out;
  EXPECT_TRUE(
      published.out.starts_with("published the 2017/18 Q2 report as at change 2\n"
                                "kept 11 files of layout dashboard:\n"))
      << published.out;
  EXPECT_EQ(ListedFiles(published.out),
            (std::vector<std::string>{"report.html", "csv/summary.csv", "csv/summary-2.csv",
                                      "csv/key.csv", "csv/scorecard.csv", "csv/scorecard-2.csv",
                                      "csv/scorecard-3.csv", "csv/scorecard-4.csv",
                                      "csv/scorecard-5.csv", "report.xlsx", "report.pdf"}))
      << published.out;

  Result again = Scorecard(
      "publish --period \"2017/18 Q2\" --supersede \"html only\" --format html --format "
      "csv,html" +
      db);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(ListedFiles(again.out),
            (std::vector<std::string>{"report.html", "csv/summary.csv", "csv/summary-2.csv",
                                      "csv/key.csv", "csv/scorecard.csv", "csv/scorecard-2.csv",
                                      "csv/scorecard-3.csv", "csv/scorecard-4.csv",
                                      "csv/scorecard-5.csv"}))
      << again.out;
  Result whole = Scorecard("integrity --db sqlite:" + f.path() + "/t.db");
  EXPECT_EQ(whole.exit_code, 0) << whole.out;
  EXPECT_NE(whole.out.find("and every published file is as it was published"), std::string::npos)
      << whole.out;
}

TEST(CliTest, TheReportOfAPublishedPeriodSaysWhenItsFiguresChangedSince) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org rotherham-2017";
  CopySeed("rotherham-2017-q2", f.path() + "/in");
  ASSERT_EQ(Scorecard("import " + f.path() + "/in" + db).exit_code, 0);
  ASSERT_EQ(Scorecard("publish --period \"2017/18 Q2\" --format html" + db).exit_code, 0);
  std::string values = f.Read("in/values.csv");
  const std::string published = "1.B1 (a),2017/18 Q2,81.5,,,,,off-track,";
  size_t at = values.find(published);
  ASSERT_NE(at, std::string::npos);
  f.Write("in/values.csv",
          values.replace(at, published.size(), "1.B1 (a),2017/18 Q2,82.0,,,,,satisfactory,"));
  ASSERT_EQ(Scorecard("import " + f.path() + "/in" + db).exit_code, 0);

  std::string report = "report --period \"2017/18 Q2\"" + db + " -o " + f.path();
  ASSERT_EQ(Scorecard(report + "/now.html").exit_code, 0);
  ASSERT_EQ(Scorecard(report + "/published.html --published").exit_code, 0);
  const std::regex notice(
      "Figures have changed since this report was published on \\d+ \\w+ \\d{4} \\(change 2\\): "
      "1 change\\.");
  EXPECT_TRUE(std::regex_search(f.Read("now.html"), notice));
  EXPECT_FALSE(std::regex_search(f.Read("published.html"), notice));
  EXPECT_NE(f.Read("published.html")
                .find("the database as the 2017/18 Q2 report was published "
                      "(change 2)"),
            std::string::npos);
  // --published gives back the stored file, as it was; a format not published is refused.
  std::string again = f.Read("published.html");
  ASSERT_EQ(Scorecard(report + "/again.html --published").exit_code, 0);
  EXPECT_EQ(f.Read("again.html"), again);
  CliResult pdf = Scorecard(report + "/published.pdf --published --format pdf");
  EXPECT_EQ(pdf.exit_code, 1);
  EXPECT_NE(pdf.out.find("the 2017/18 Q2 report was published without a pdf file; it has: html"),
            std::string::npos)
      << pdf.out;
}

TEST(CliTest, AMeasureDroppedByOneImportAndRestoredByTheNextKeepsItsHistory) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org derby-2012";
  ASSERT_EQ(Scorecard("import " + SeedDir("derby-2012-q2") + db).exit_code, 0);
  ASSERT_EQ(Scorecard("export " + f.path() + "/out" + db).exit_code, 0);
  // Without the measure's figures.
  std::string values = f.path() + "/out/values.csv";
  std::ifstream in(values);
  std::string kept, line;
  int dropped = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("CM PM11a,")) {
      ++dropped;
    } else {
      kept += line + "\n";
    }
  }
  in.close();
  ASSERT_GT(dropped, 0);
  std::ofstream(values) << kept;
  Result without = Scorecard("import " + f.path() + "/out" + db);
  ASSERT_EQ(without.exit_code, 0) << without.out;
  Result restored = Scorecard("import " + SeedDir("derby-2012-q2") + db);
  ASSERT_EQ(restored.exit_code, 0) << restored.out;
  Result history = Scorecard("history \"CM PM11a\"" + db);
  EXPECT_NE(history.out.find("values CM PM11a 2012/13 Q2 version 2\n"), std::string::npos)
      << history.out;
  Result whole = Scorecard("integrity --db sqlite:" + f.path() + "/t.db");
  EXPECT_EQ(whole.exit_code, 0) << whole.out;
  EXPECT_NE(whole.out.find("is whole"), std::string::npos) << whole.out;
}

// The names of the files in a folder.
std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CliTest, AnExportThatCannotBeWrittenLeavesWhatWasThere) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db --org derby-2012";
  ASSERT_EQ(Scorecard("import " + SeedDir("derby-2012-q2") + db).exit_code, 0);
  // A folder in the way of values.csv: the other files must not be replaced either.
  std::filesystem::create_directories(f.path() + "/out/values.csv");
  std::ofstream(f.path() + "/out/measures.csv") << "an earlier export";
  Result folder = Scorecard("export " + f.path() + "/out" + db);
  EXPECT_EQ(folder.exit_code, 1) << folder.out;
  EXPECT_NE(folder.out.find("out/values.csv"), std::string::npos) << folder.out;
  std::ifstream measures(f.path() + "/out/measures.csv");
  std::string text((std::istreambuf_iterator<char>(measures)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "an earlier export");
  EXPECT_EQ(FilesIn(f.path() + "/out"), (std::vector<std::string>{"measures.csv", "values.csv"}));

  // A workbook likewise, and nothing is left beside it.
  std::filesystem::create_directories(f.path() + "/book/derby.xlsx");
  Result book = Scorecard("export " + f.path() + "/book/derby.xlsx" + db);
  EXPECT_EQ(book.exit_code, 1) << book.out;
  EXPECT_NE(book.out.find("cannot write " + f.path() + "/book/derby.xlsx"), std::string::npos)
      << book.out;
  EXPECT_EQ(FilesIn(f.path() + "/book"), std::vector<std::string>{"derby.xlsx"});

  // Written whole, with nothing left beside it.
  std::filesystem::remove_all(f.path() + "/book/derby.xlsx");
  ASSERT_EQ(Scorecard("export " + f.path() + "/book/derby.xlsx" + db).exit_code, 0);
  EXPECT_EQ(FilesIn(f.path() + "/book"), std::vector<std::string>{"derby.xlsx"});
}

TEST(CliTest, UnknownCommandIsAUsageError) { EXPECT_EQ(Scorecard("frobnicate").exit_code, 2); }

// A workbook as a program other than Excel may write it: the measures sheet's header lists its
// cells A, F, C, D, E, B, its one row lists them in another order, and the values sheet lists
// its rows 3, 1, 2. Inline strings throughout, so no shared strings part is needed.
// `values_sheet` names the values sheet.
std::string OutOfOrderWorkbook(const std::string& values_sheet = "values") {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  auto cell = [](std::string ref, std::string text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  };
  auto row = [](int number, std::string cells) {
    return "<row r=\"" + std::to_string(number) + "\">" + cells + "</row>";
  };
  auto sheet = [&](std::string rows) {
    return "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows + "</sheetData></worksheet>";
  };
  std::string config;
  int line = 0;
  for (const char* toml : {"[organisation]", "name = \"Test Council\"", "code = \"test\"",
                           "scheme = \"derby-2012\"", "reporting_period = \"2017/18 Q2\""}) {
    ++line;
    config += row(line, cell("A" + std::to_string(line), toml));
  }
  std::string measures =
      row(1, cell("A1", "ref") + cell("F1", "owner") + cell("C1", "unit") + cell("D1", "polarity") +
                 cell("E1", "frequency") + cell("B1", "title")) +
      row(2, cell("E2", "quarterly") + cell("A2", "M1") + cell("F2", "Anne") +
                 cell("B2", "Calls answered") + cell("D2", "higher") + cell("C2", "%"));
  std::string values = row(3, cell("A3", "M1") + cell("B3", "2017/18 Q2") + cell("C3", "81")) +
                       row(1, cell("A1", "ref") + cell("C1", "value") + cell("B1", "period")) +
                       row(2, cell("B2", "2017/18 Q1") + cell("A2", "M1") + cell("C2", "79"));
  std::string sheets, relationships;
  const std::string names[] = {"scorecard", "measures", values_sheet};
  for (int i = 0; i < 3; ++i) {
    std::string id = std::to_string(i + 1);
    sheets += "<sheet name=\"" + names[i] + "\" sheetId=\"" + id + "\" r:id=\"s" + id + "\"/>";
    relationships += "<Relationship Id=\"s" + id + "\" Type=\"" + rel +
                     "/worksheet\" Target=\"worksheets/sheet" + id + ".xml\"/>";
  }
  return MakeZip(
      {{"xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>" +
                               sheets + "</sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels", "<Relationships>" + relationships + "</Relationships>"},
       {"xl/worksheets/sheet1.xml", sheet(config)},
       {"xl/worksheets/sheet2.xml", sheet(measures)},
       {"xl/worksheets/sheet3.xml", sheet(values)}});
}

// make fuzz found that such a header overran its vector; scorecard check crashed on it.
TEST(CliTest, CheckReadsAWorkbookWhoseHeaderCellsAreOutOfOrder) {
  TempFolder f;
  std::string path = f.path() + "/council.xlsx";
  f.Write("council.xlsx", OutOfOrderWorkbook());
  Result check = Scorecard("check " + path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(check.out,
            "warning: " + path +
                " [values]:2: column period: M1 has no target for 2 figures (2017/18 Q1 and "
                "2017/18 Q2): give a target in targets.csv for the period or its year, or a row "
                "of kind none, baseline, tbc or under-development saying why there is none\n" +
                path +
                ": Test Council: 0 framework nodes, 1 measures, 0 actions, 0 projects, 0 risks; "
                "no errors, 1 warning\n");
  // The title comes from the header's last cell; improved, from Q1's 79, from the sheet's last row.
  Result assess = Scorecard("assess " + path + " --format csv");
  EXPECT_EQ(assess.exit_code, 0) << assess.out;
  EXPECT_NE(assess.out.find("\nM1,2017/18 Q2,81,,no-target,improved,85,no-target,yes,no,"
                            "Calls answered\n"),
            std::string::npos)
      << assess.out;
}

// As a misnamed file in a folder, a misnamed sheet would be passed over and its table kept.
TEST(CliTest, AMisnamedSheetIsAnErrorAndNothingIsImported) {
  TempFolder f;
  std::string path = f.path() + "/council.xlsx";
  f.Write("council.xlsx", OutOfOrderWorkbook("Value"));
  Result check = Scorecard("check " + path);
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.out, path +
                           " [Value]: expected only the sheets Scorecard reads: did you mean "
                           "values? (keep sheets of your own under names starting x_)\n" +
                           path + ": 1 problem; nothing was read\n");
  Result import = Scorecard("import " + path + " --db sqlite:" + f.path() + "/t.db");
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_NE(import.out.find(path + ": 1 problem; nothing was imported"), std::string::npos)
      << import.out;
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/t.db"));
  f.Write("council.xlsx", OutOfOrderWorkbook("x_Value"));
  EXPECT_EQ(Scorecard("check " + path).exit_code, 0);
}

}  // namespace
}  // namespace scorecard
