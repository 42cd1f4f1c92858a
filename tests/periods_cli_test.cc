// Periods and targets as a user meets them: a figure whose period does not fit its measure's
// frequency is refused with the row named, and an import of it changes nothing; a measure whose
// figures have no target is a warning that check and import print while still succeeding.

#include <gtest/gtest.h>

#include "cli_support.h"

namespace scorecard {
namespace {

// A small council: M1 quarterly with a target, M2 quarterly with figures and no target.
void WriteCouncil(const TempFolder& f, const std::string& values) {
  f.Write("in/scorecard.toml",
          "[organisation]\nname = \"Test Council\"\ncode = \"test\"\nscheme = \"derby-2012\"\n"
          "reporting_period = \"2022/23 Q1\"\n");
  f.Write("in/measures.csv",
          "ref,title,unit,polarity,frequency\nM1,Calls answered,%,higher,quarterly\n"
          "M2,Complaints,count,lower,quarterly\n");
  f.Write("in/targets.csv", "ref,period,target,kind\nM1,2022/23,80,\nM2,2022/23,,tbc\n");
  f.Write("in/values.csv", "ref,period,value\n" + values);
}

const std::string kJune22 =
    "/in/values.csv:3: column period: expected a quarter such as 2022/23 Q1, or a year, for "
    "quarterly measure M1, not the month 2022-06 (\"June 22\")\n";

TEST(PeriodsCliTest, CheckRefusesAMonthOnAQuarterlyMeasureNamingTheRow) {
  TempFolder f;
  WriteCouncil(f, "M1,2021/22 Q4,79\nM1,June 22,81\nM2,2022/23 Q1,10\n");
  SplitResult r = ScorecardSplit("check " + f.path() + "/in");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, f.path() + kJune22 + f.path() + "/in: 1 problem; nothing was read\n");
}

TEST(PeriodsCliTest, AnImportOfAMisfittingPeriodLeavesTheDatabaseUnchanged) {
  TempFolder f;
  std::string db = " --db sqlite:" + f.path() + "/t.db";
  WriteCouncil(f, "M1,2021/22 Q4,79\nM1,2022/23 Q1,81\nM2,2022/23 Q1,10\n");
  SplitResult first = ScorecardSplit("import " + f.path() + "/in" + db);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_NE(first.out.find("imported test as change 1"), std::string::npos) << first.out;

  WriteCouncil(f, "M1,2021/22 Q4,79\nM1,June 22,81\nM2,2022/23 Q1,10\n");
  SplitResult again = ScorecardSplit("import " + f.path() + "/in" + db);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err, "checking: 0 of 1\n" + f.path() + kJune22 + f.path() +
                           "/in: 1 problem; nothing was imported\n");
  EXPECT_EQ(ScorecardSplit("diff --org test --from change:1" + db).out,
            "0 differences between change 1 and change 1\n");
}

TEST(PeriodsCliTest, CheckAndADryRunImportWarnOfFiguresWithNoTargetAndSucceed) {
  TempFolder f;
  WriteCouncil(f, "M1,2022/23 Q1,81\nM2,2021/22 Q4,12\nM2,2022/23 Q1,10\n");
  f.Write("in/targets.csv", "ref,period,target,kind\nM1,2022/23,80,\n");
  const std::string warning =
      "warning: " + f.path() +
      "/in/values.csv:3: column period: M2 has no target for 2 figures (2021/22 Q4 and 2022/23 "
      "Q1): give a target in targets.csv for the period or its year, or a row of kind none, "
      "baseline, tbc or under-development saying why there is none\n";

  SplitResult check = ScorecardSplit("check " + f.path() + "/in");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.err, warning);
  EXPECT_EQ(check.out, f.path() +
                           "/in: Test Council: 0 framework nodes, 2 measures, 0 actions, 0 "
                           "projects, 0 risks; no errors, 1 warning\n");

  SplitResult dry =
      ScorecardSplit("import --dry-run " + f.path() + "/in --db sqlite:" + f.path() + "/t.db");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.err, "checking: 0 of 1\nchecking: 1 of 1\n" + warning);
  EXPECT_EQ(
      dry.out,
      "there is no database yet: everything would be added\n"
      "config                       1 added       0 changed       0 removed       0 unchanged\n"
      "measures                     2 added       0 changed       0 removed       0 unchanged\n"
      "targets                      1 added       0 changed       0 removed       0 unchanged\n"
      "values                       3 added       0 changed       0 removed       0 unchanged\n"
      "dry run: 7 rows would change; nothing was written\n");

  // A row saying why there is none silences it.
  f.Write("in/targets.csv", "ref,period,target,kind\nM1,2022/23,80,\nM2,2022/23,,baseline\n");
  SplitResult quiet = ScorecardSplit("check " + f.path() + "/in");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_NE(quiet.out.find("; no problems\n"), std::string::npos) << quiet.out;
}

}  // namespace
}  // namespace scorecard
