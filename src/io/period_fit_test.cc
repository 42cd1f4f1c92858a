// Rows a report would never read: a period that does not fit the measure's frequency is an
// error naming the row, and figures with no target are a warning, once per measure.

#include <gtest/gtest.h>

#include "domain/assessment.h"
#include "io/folder.h"

namespace scorecard {
namespace {

constexpr const char* kToml = R"([organisation]
name = "Test Council"
code = "test"
scheme = "derby-2012"
reporting_period = "2022/23 Q1"
)";

// A council whose measures are given; targets.csv and values.csv as given.
MemoryFileSource Folder(std::string measures, std::string targets, std::string values) {
  MemoryFileSource f;
  f.files["scorecard.toml"] = kToml;
  f.files["measures.csv"] = "ref,title,unit,polarity,frequency,accumulation,year\n" + measures;
  f.files["targets.csv"] = "ref,period,target,kind\n" + targets;
  f.files["values.csv"] = "ref,period,value,flags,status,status_reason,note\n" + values;
  return f;
}

// Every issue when the folder is refused; the warnings when it reads.
std::vector<std::string> Said(const MemoryFileSource& f) {
  Issues warnings;
  auto council = ReadFolder(f, &warnings);
  const Issues& issues = council ? warnings : council.error();
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.ToString());
  return out;
}

std::string Quarterly() { return "M1,Calls answered,%,higher,quarterly,,\n"; }

TEST(PeriodFitTest, AMonthOnAQuarterlyMeasureIsAnErrorNamingTheRow) {
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022/23,80,\n", "M1,June 22,81,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a quarter such as 2022/23 Q1, or a year, "
                "for quarterly measure M1, not the month 2022-06 (\"June 22\")"});
}

TEST(PeriodFitTest, ADayOnAQuarterlyMeasureIsAnError) {
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022/23,80,\n", "M1,01/06/2022,81,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a quarter such as 2022/23 Q1, or a year, "
                "for quarterly measure M1, not the day 2022-06-01 (\"01/06/2022\")"});
}

TEST(PeriodFitTest, AQuarterlyMeasureTakesItsQuartersAndYears) {
  auto council = ReadFolder(Folder(Quarterly(), "M1,2022/23,80,\nM1,2022/23 Q1,78,\n",
                                   "M1,2021/22,79,,,,\nM1,Apr - Jun 2022,81,,,,\n"));
  ASSERT_TRUE(council.has_value());
  EXPECT_EQ(council->measures[0].values.size(), 2u);
  EXPECT_EQ(council->measures[0].targets.size(), 2u);
}

TEST(PeriodFitTest, AQuarterlyFigureOnAnAnnualMeasureIsAnError) {
  EXPECT_EQ(Said(Folder("A1,Businesses,count,higher,annual,snapshot,\n", "A1,2022/23,7000,\n",
                        "A1,2021/22,6810,,,,\nA1,2021/22 Q4,6810,,,,\n")),
            std::vector<std::string>{
                "values.csv:3: column period: expected a year such as 2021/22, for annual measure "
                "A1, not the quarter 2021/22 Q4"});
}

// A report annotates a measure that is not quarterly with a row for its own quarter: the row is
// read, and its override is what the report shows.
TEST(PeriodFitTest, AReportingQuarterRowWithNoFigureAnnotatesAnAnnualMeasure) {
  auto council = ReadFolder(
      Folder("A1,Businesses,count,higher,annual,snapshot,\n", "A1,2021/22,7000,\n",
             "A1,2021/22,6810,,,,\n"
             "A1,2022/23 Q1,,not-due,not-available,officer assessment,updated annually\n"));
  ASSERT_TRUE(council.has_value());
  MeasureAssessment a = Assessor(*council).Assess(council->measures[0], Period::Quarter(2022, 1));
  EXPECT_EQ(a.period, Period::FinancialYear(2021));
  EXPECT_EQ(a.status.key, "not-available");
  EXPECT_TRUE(a.status.overridden);
}

TEST(PeriodFitTest, ARowWithNoFigureMayNotBeForAMonthOfAnAnnualMeasure) {
  EXPECT_EQ(Said(Folder("A1,Businesses,count,higher,annual,,\n", "A1,2022/23,7000,\n",
                        "A1,2022-06,,,,,no figure yet\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a year such as 2022/23, or a quarter (for "
                "a row with no figure), for annual measure A1, not the month 2022-06"});
}

TEST(PeriodFitTest, ACalendarYearFitsOnlyAMeasureThatFollowsTheCalendarYear) {
  std::string values = "N4,2016,25.4,,,,\n";
  EXPECT_EQ(Said(Folder("N4,NVQ4,%,higher,annual,,\n", "N4,2018/19,30,\n", values)),
            std::vector<std::string>{
                "values.csv:2: column period: expected a year such as 2016/17, for annual measure "
                "N4, not the calendar year 2016"});
  EXPECT_EQ(Said(Folder("N4,NVQ4,%,higher,annual,,calendar\n", "N4,2018,30,\n", values)),
            std::vector<std::string>{});
}

TEST(PeriodFitTest, AMonthlyMeasureTakesQuarterEndFiguresButNotHalfYears) {
  std::string measures = "M3,NEET,%,lower,monthly,snapshot,\n";
  auto council =
      ReadFolder(Folder(measures, "M3,2022/23,4.2,\n",
                        "M3,2022-04,4.5,,,,\nM3,2022/23 Q1,4.1,,,,\nM3,2021/22,3.1,,,,\n"));
  ASSERT_TRUE(council.has_value());
  EXPECT_EQ(council->measures[0].values.size(), 3u);
  EXPECT_EQ(Said(Folder(measures, "M3,2022/23,4.2,\n", "M3,H1 2022/23,4.1,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a month such as 2022-09, a quarter, or a "
                "year, for monthly measure M3, not the half-year 2022/23 H1 (\"H1 2022/23\")"});
}

TEST(PeriodFitTest, ATermlyMeasureFollowsTheAcademicYear) {
  EXPECT_EQ(Said(Folder("S1,Good schools,%,higher,termly,snapshot,academic\n",
                        "S1,AY 2022/23,87,\n", "S1,2022/23 Q2,81.5,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a term such as AY 2022/23 T1, or an "
                "academic year, for termly measure S1, not the quarter 2022/23 Q2"});
}

TEST(PeriodFitTest, RollingTwelveMonthsFitARollingMeasureWhereOneOfItsPeriodsEnds) {
  std::string measures = "C1,Crimes,count,lower,quarterly,rolling,\n";
  auto council =
      ReadFolder(Folder(measures, "C1,2022/23,,none\n", "C1,12 months to Jun 2022,2591,,,,\n"));
  ASSERT_TRUE(council.has_value());
  EXPECT_EQ(Said(Folder(measures, "C1,2022/23,,none\n", "C1,R12 2022-05,2591,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a quarter such as 2022/23 Q1, the 12 "
                "months ending with one (R12 2022-06), or a year, for quarterly measure C1, not "
                "the 12 months R12 2022-05"});
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022/23,80,\n", "M1,R12 2022-06,81,,,,\n")),
            std::vector<std::string>{
                "values.csv:2: column period: expected a quarter such as 2022/23 Q1, or a year, "
                "for quarterly measure M1, not the 12 months R12 2022-06"});
}

TEST(PeriodFitTest, ATargetForAPeriodNoReportLooksUpIsAnError) {
  EXPECT_EQ(
      Said(Folder(Quarterly() + "M3,NEET,%,lower,monthly,snapshot,\n",
                  "M1,2022/23,80,\nM1,August 2022,78,\nM3,2022/23,4.2,\nM3,2022/23 Q1,4.0,\n",
                  "M1,2022/23 Q1,81,,,,\nM3,2022-06,4.1,,,,\n")),
      (std::vector<std::string>{
          "targets.csv:3: column period: expected a quarter such as 2022/23 Q2, or a year, for "
          "quarterly measure M1, not the month 2022-08 (\"August 2022\")",
          "targets.csv:5: column period: expected a month such as 2022-06, or a year, for "
          "monthly measure M3, not the quarter 2022/23 Q1",
      }));
}

// --- Figures with no target ------------------------------------------------------------------

TEST(PeriodFitTest, AMeasureWithFiguresAndNoTargetsIsAWarningAndStillReads) {
  MemoryFileSource f =
      Folder(Quarterly() + "M2,Complaints,count,lower,quarterly,,\n", "M1,2022/23,80,\n",
             "M1,2022/23 Q1,81,,,,\nM2,2021/22 Q4,12,,,,\nM2,2022/23 Q1,10,,,,\n");
  Issues warnings;
  auto council = ReadFolder(f, &warnings);
  ASSERT_TRUE(council.has_value());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "values.no-target");
  EXPECT_TRUE(warnings[0].is_warning());
  EXPECT_EQ(warnings[0].ToString(),
            "warning: values.csv:3: column period: M2 has no target for 2 figures (2021/22 Q4 "
            "and 2022/23 Q1): give a target in targets.csv for the period or its year, or a row "
            "of kind none, baseline, tbc or under-development saying why there is none");
}

TEST(PeriodFitTest, AYearWithNoTargetAfterYearsWithTargetsIsAWarning) {
  EXPECT_EQ(
      Said(Folder(Quarterly(), "M1,2020/21,75,\nM1,2021/22,80,\n",
                  "M1,2020/21,74,,,,\nM1,2021/22 Q4,79,,,,\nM1,2022/23 Q1,81,,,,\n"
                  "M1,2021/22,80,,,,\nM1,2022/23 Q2,82,,,,\n")),
      std::vector<std::string>{
          "warning: values.csv:4: column period: M1 has no target for 2 figures (2022/23 Q1 and "
          "2022/23 Q2): give a target in targets.csv for the period or its year, or a row of kind "
          "none, baseline, tbc or under-development saying why there is none"});
}

TEST(PeriodFitTest, FiguresBeforeTheFirstTargetAreComparisonsNotForgottenTargets) {
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022/23 Q1,80,\n",
                        "M1,2020/21,74,,,,\nM1,2021/22,79,,,,\nM1,2021/22 Q4,79,,,,\n"
                        "M1,2022/23 Q1,81,,,,\n")),
            std::vector<std::string>{});
}

TEST(PeriodFitTest, ATargetRowSayingWhyThereIsNoneSilencesTheWarning) {
  for (const char* kind : {"none", "baseline", "tbc", "under-development"}) {
    SCOPED_TRACE(kind);
    EXPECT_EQ(Said(Folder(Quarterly(), std::string("M1,2022/23,,") + kind + "\n",
                          "M1,2022/23 Q1,81,,,,\n")),
              std::vector<std::string>{});
  }
  // A quarter's own row does for that quarter.
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022/23 Q1,,none\n", "M1,2022/23 Q1,81,,,,\n")),
            std::vector<std::string>{});
}

TEST(PeriodFitTest, MeasuresNotAssessedAgainstTargetsNeedNone) {
  EXPECT_EQ(Said(Folder("V1,Volumes,count,none,quarterly,,\n"
                        "T1,Audit opinion,text,higher,annual,,\n"
                        "P,Parent,%,higher,quarterly,,\n",
                        "", "V1,2022/23 Q1,12,,,,\nT1,2021/22,Unqualified,,,,\n")),
            std::vector<std::string>{});
  MemoryFileSource rolled = Folder("", "", "");
  rolled.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,parent,rollup\nP,Parent,%,higher,quarterly,,worst\n"
      "P1,Part,%,higher,quarterly,P,\n";
  rolled.files["targets.csv"] = "ref,period,target\nP1,2022/23,90\n";
  rolled.files["values.csv"] = "ref,period,value\nP,2022/23 Q1,95\nP1,2022/23 Q1,95\n";
  EXPECT_EQ(Said(rolled), std::vector<std::string>{});
}

TEST(PeriodFitTest, OneWarningPerMeasureListingThreePeriodsAndHowManyMore) {
  EXPECT_EQ(Said(Folder("M3,NEET,%,lower,monthly,snapshot,\nM1,Calls,%,higher,quarterly,,\n", "",
                        "M1,2022/23 Q1,81,,,,\n"
                        "M3,2022-04,4.5,,,,\nM3,2022-05,4.4,,,,\nM3,2022-06,4.3,,,,\n"
                        "M3,2022-07,4.2,,,,\nM3,2022-08,4.1,,,,\nM3,2022-03,4.6,,,,\n")),
            (std::vector<std::string>{
                "warning: values.csv:2: column period: M1 has no target for 1 figure (2022/23 "
                "Q1): give a target in targets.csv for the period or its year, or a row of kind "
                "none, baseline, tbc or under-development saying why there is none",
                "warning: values.csv:3: column period: M3 has no target for 6 figures (2022-03, "
                "2022-04, 2022-05 and 3 more): give a target in targets.csv for the period or its "
                "year, or a row of kind none, baseline, tbc or under-development saying why there "
                "is none",
            }));
}

TEST(PeriodFitTest, NoTargetIsNotSaidBesideAnError) {
  // The target row is refused, so its figure has none: the error is what needs saying.
  EXPECT_EQ(Said(Folder(Quarterly(), "M1,2022-06,80,\n", "M1,2022/23 Q1,81,,,,\n")),
            std::vector<std::string>{
                "targets.csv:2: column period: expected a quarter such as 2022/23 Q1, or a year, "
                "for quarterly measure M1, not the month 2022-06"});
}

}  // namespace
}  // namespace scorecard
