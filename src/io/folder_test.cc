#include "io/folder.h"

#include <gtest/gtest.h>

#include "domain/assessment.h"

namespace scorecard {
namespace {

constexpr const char* kToml = R"([organisation]
name = "Test Council"
code = "test"
scheme = "derby-2012"
reporting_period = "2017/18 Q2"
)";

MemoryFileSource Folder() {
  MemoryFileSource f;
  f.files["scorecard.toml"] = kToml;
  f.files["framework.csv"] =
      "id,parent,level,title\nplan,,plan,Council Plan\nt1,plan,theme,Our place\n";
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,node\n"
      "M1,Calls answered,%,higher,quarterly,t1\n"
      "M2,Days to process,days,lower,Q,t1\n";
  f.files["targets.csv"] = "ref,period,target,kind\nM1,2017/18,80,\nM2,2017/18,,tbc\n";
  f.files["values.csv"] = "ref,period,value,flags\nM1,Q2 2017/18,81.0%,\nM2,2017/18 Q2,,awaiting\n";
  return f;
}

std::vector<std::string> Messages(const std::expected<Council, Issues>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const Issue& i : r.error()) out.push_back(i.ToString());
  }
  return out;
}

TEST(FolderTest, ReadsAGoodFolder) {
  auto council = ReadFolder(Folder());
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  EXPECT_EQ(council->organisation.name, "Test Council");
  ASSERT_EQ(council->measures.size(), 2u);
  const Measure& m1 = council->measures[0];
  ASSERT_EQ(m1.values.size(), 1u);
  EXPECT_EQ(m1.values[0].period, Period::Quarter(2017, 2));
  EXPECT_DOUBLE_EQ(*m1.values[0].number, 81.0);
  EXPECT_EQ(council->measures[1].frequency, Frequency::kQuarterly);
  MeasureAssessment a = Assessor(*council).Assess(m1, Period::Quarter(2017, 2));
  EXPECT_EQ(a.status.key, "green");
}

TEST(FolderTest, ListsEveryErrorWithFileLineAndColumn) {
  MemoryFileSource f = Folder();
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,node\n"
      "M1,Calls,%,upwards,quarterly,t1\n"
      "M2,Days,days,lower,fortnightly,nowhere\n"
      "M1,Again,%,higher,quarterly,t1\n";
  f.files["values.csv"] =
      "ref,period,value\nM1,2017/18 Q5,82\nM9,2017/18 Q2,1\nM1,2017/18 Q1,lots\n";
  EXPECT_EQ(Messages(ReadFolder(f)),
            (std::vector<std::string>{
                "measures.csv:2: column polarity: expected a polarity: higher, lower or none",
                "measures.csv:3: column frequency: expected a frequency: monthly, quarterly, "
                "termly, half-yearly, annual or biennial",
                "measures.csv:3: column node: expected the id of a node in framework.csv, not "
                "\"nowhere\"",
                "measures.csv:4: column ref: expected a unique ref: \"M1\" is already used",
                "values.csv:2: column period: expected a period such as 2017/18, 2017/18 Q2, "
                "2017-09, AY 2017/18, 2015 or 2017-09-30, not \"2017/18 Q5\"",
                "values.csv:3: column ref: expected the ref of a measure in measures.csv, not "
                "\"M9\"",
                "values.csv:4: column value: expected a number such as 82.5 or 17,931, not "
                "\"lots\"",
            }));
}

TEST(FolderTest, RejectsUnknownAndMissingColumns) {
  MemoryFileSource f = Folder();
  f.files["targets.csv"] = "ref,period,targte\nM1,2017/18,80\n";
  f.files["values.csv"] = "ref,value\nM1,3\n";
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "targets.csv:1: column targte: unknown column; expected one of ref, period, target, "
            "kind, comparator, baseline_period, change, text (or a name starting x_ for your own "
            "use)");
  EXPECT_EQ(messages[1], "values.csv:1: column period: expected this required column");
}

TEST(FolderTest, RequiresTheConfigurationAndMeasures) {
  MemoryFileSource f;
  EXPECT_EQ(
      Messages(ReadFolder(f)),
      (std::vector<std::string>{
          "scorecard.toml: expected this file: the organisation and its status rules",
          "measures.csv: expected this table (the tables that name its rows are read once it is "
          "there)"}));
}

TEST(FolderTest, RejectsDuplicateValuesAndTargets) {
  MemoryFileSource f = Folder();
  f.files["values.csv"] = "ref,period,value\nM1,2017/18 Q2,1\nM1,Jul - Sep 2017,2\n";
  f.files["targets.csv"] = "ref,period,target\nM1,2017/18,80\nM1,2017-18,81\n";
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "targets.csv:3: column period: expected one target per measure and "
            "period: M1 2017/18 already has one");
  EXPECT_EQ(messages[1],
            "values.csv:3: column period: expected one row per measure and period: "
            "M1 2017/18 Q2 already has one");
}

TEST(FolderTest, RejectsAFrameworkThatLoops) {
  MemoryFileSource f = Folder();
  f.files["framework.csv"] = "id,parent,level,title\na,b,theme,A\nb,a,theme,B\n";
  f.files["measures.csv"] = "ref,title,unit,polarity,frequency\nM1,x,%,higher,quarterly\n";
  f.files.erase("targets.csv");
  f.files.erase("values.csv");
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].substr(0, 48), "framework.csv: column parent: expected a tree, b");
}

TEST(FolderTest, OverridesMustBeStatusesOfTheSchemeAndGiveAReason) {
  MemoryFileSource f = Folder();
  f.files["values.csv"] =
      "ref,period,value,status,status_reason\nM1,2017/18 Q1,80,purple,x\nM1,2017/18 Q2,82,red,\n";
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "values.csv:2: column status: expected a status of scheme derby-2012 "
            "(blue, green, amber, red, or a special status), not \"purple\"");
  EXPECT_EQ(messages[1],
            "values.csv:3: column status_reason: expected the reason for the "
            "officer's override");
}

TEST(FolderTest, RiskScoreMustBeLikelihoodTimesImpact) {
  MemoryFileSource f = Folder();
  f.files["risks.csv"] = "ref,title\nSR 1,A risk\n";
  f.files["risk_scores.csv"] =
      "ref,period,likelihood,impact,score\nSR 1,2017/18 Q1,3,4,12\nSR 1,2017/18 Q2,3,4,9\n"
      "SR 1,2017/18 Q3,5,1,\n";
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "risk_scores.csv:3: column score: expected likelihood x impact = 3 x 4 = "
            "12, not 9");
  EXPECT_EQ(messages[1],
            "risk_scores.csv:4: column likelihood: expected a whole number from 1 to "
            "4, not \"5\"");
}

TEST(FolderTest, ProjectRagMustAgreeWithTheFourCriteria) {
  MemoryFileSource f = Folder();
  f.files["projects.csv"] = "ref,title\nP1,Market Hall\n";
  f.files["project_assessments.csv"] =
      "ref,period,time,cost,scope,benefits,rag\nP1,2021/22 Q1,yes,no,yes,yes,\n"
      "P1,2021/22 Q2,yes,no,no,yes,green\n";
  auto messages = Messages(ReadFolder(f));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "project_assessments.csv:3: column rag: expected amber-red from the four "
            "key criteria (2 not within tolerance), not green");
}

}  // namespace
}  // namespace scorecard

namespace scorecard {
namespace {

TEST(FolderTest, AProjectsProgrammeMustExist) {
  MemoryFileSource f = Folder();
  f.files["projects.csv"] = "ref,title,parent\nP0,Programme,\nP1,Part one,P0\nP2,Part two,P9\n";
  auto council = ReadFolder(f);
  ASSERT_FALSE(council.has_value());
  ASSERT_EQ(council.error().size(), 1u);
  EXPECT_EQ(council.error()[0].ToString(),
            "projects.csv:4: column parent: expected the ref of "
            "another project (the programme), not \"P9\"");
}

}  // namespace
}  // namespace scorecard

namespace scorecard {
namespace {

TEST(FolderTest, ReadsARollUpRuleOnAParent) {
  MemoryFileSource f = Folder();
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,parent,rollup\n"
      "P,Licensing,%,higher,quarterly,,All-Met\n"
      "P(a),Part a,%,higher,quarterly,P,\n"
      "P(b),Part b,%,higher,quarterly,P,\n";
  f.files.erase("targets.csv");
  f.files.erase("values.csv");
  auto council = ReadFolder(f);
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  EXPECT_EQ(council->measures[0].rollup, Rollup::kAllMet);
  EXPECT_FALSE(council->measures[1].rollup.has_value());
  EXPECT_TRUE(council->RollsUp(council->measures[0]));
  EXPECT_FALSE(council->IsHeading(council->measures[0]));
}

TEST(FolderTest, RejectsABadRollUpAndOneOnAMeasureWithNoParts) {
  MemoryFileSource f = Folder();
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,parent,rollup\n"
      "P,Licensing,%,higher,quarterly,,best\n"
      "P(a),Part a,%,higher,quarterly,P,\n"
      "Q,Alone,%,higher,quarterly,,worst\n";
  f.files.erase("targets.csv");
  f.files.erase("values.csv");
  auto council = ReadFolder(f);
  ASSERT_FALSE(council.has_value());
  ASSERT_EQ(council.error().size(), 2u);
  EXPECT_EQ(council.error()[0].ToString(),
            "measures.csv:2: column rollup: expected a roll-up rule: worst, all-met or own, "
            "not \"best\"");
  EXPECT_EQ(council.error()[0].code, "measures.rollup");
  EXPECT_EQ(council.error()[1].ToString(),
            "measures.csv:4: column rollup: expected a measure with parts for rollup worst: "
            "no measure names Q as its parent");
}

TEST(FolderTest, APartOfARolledUpParentUsesItsScheme) {
  MemoryFileSource f = Folder();
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,parent,rollup,scheme\n"
      "P,Licensing,%,higher,quarterly,,worst,\n"
      "P(a),Part a,%,higher,quarterly,P,,derby-2021\n"
      "P(b),Part b,%,higher,quarterly,P,,derby-2012\n";
  f.files.erase("targets.csv");
  f.files.erase("values.csv");
  auto council = ReadFolder(f);
  ASSERT_FALSE(council.has_value());
  ASSERT_EQ(council.error().size(), 1u);
  EXPECT_EQ(council.error()[0].ToString(),
            "measures.csv:3: column scheme: expected the status scheme of its parent P, "
            "\"derby-2012\", which rolls up its parts' statuses, not \"derby-2021\"");
}

TEST(FolderTest, RejectsParentsThatGoRoundInACircle) {
  MemoryFileSource f = Folder();
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,parent,rollup\n"
      "A,First,%,higher,quarterly,B,worst\n"
      "B,Second,%,higher,quarterly,A,worst\n";
  f.files.erase("targets.csv");
  f.files.erase("values.csv");
  auto council = ReadFolder(f);
  ASSERT_FALSE(council.has_value());
  ASSERT_EQ(council.error().size(), 2u);
  EXPECT_EQ(council.error()[0].ToString(),
            "measures.csv:2: column parent: expected a chain of parents that ends: A is a part "
            "of itself through B -> A");
  EXPECT_EQ(council.error()[1].ToString(),
            "measures.csv:3: column parent: expected a chain of parents that ends: B is a part "
            "of itself through A -> B");
}

}  // namespace
}  // namespace scorecard
