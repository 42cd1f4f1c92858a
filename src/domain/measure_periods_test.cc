#include "domain/measure_periods.h"

#include <gtest/gtest.h>

namespace scorecard {
namespace {

Measure Make(Frequency frequency, YearBasis basis = YearBasis::kFinancial,
             Accumulation accumulation = Accumulation::kDiscrete) {
  Measure m;
  m.ref = "M1";
  m.frequency = frequency;
  m.year = basis;
  m.accumulation = accumulation;
  return m;
}

Period P(std::string_view text) { return ParsePeriod(text).value(); }

Target TargetRow(std::string_view period, TargetKind kind) {
  Target t;
  t.period = P(period);
  t.kind = kind;
  return t;
}

TEST(MeasurePeriodsTest, EachFrequencyTakesItsOwnPeriodsAndTheYearOfItsBasis) {
  struct Case {
    Frequency frequency;
    YearBasis basis;
    std::string_view fits, does_not;
  };
  for (const Case& c : std::vector<Case>{
           {Frequency::kMonthly, YearBasis::kFinancial, "2022-06", "2022/23 H1"},
           {Frequency::kMonthly, YearBasis::kFinancial, "2022/23 Q1", "2022-06-30"},
           {Frequency::kQuarterly, YearBasis::kFinancial, "2022/23 Q1", "2022-06"},
           {Frequency::kQuarterly, YearBasis::kFinancial, "2022/23", "2022"},
           {Frequency::kTermly, YearBasis::kAcademic, "Summer 2023", "2022/23 Q1"},
           {Frequency::kTermly, YearBasis::kAcademic, "AY 2022/23", "2022/23"},
           {Frequency::kHalfYearly, YearBasis::kFinancial, "2022/23 H1", "2022/23 Q2"},
           {Frequency::kAnnual, YearBasis::kFinancial, "2022/23", "2022/23 Q4"},
           {Frequency::kAnnual, YearBasis::kCalendar, "2016", "2016/17"},
           {Frequency::kBiennial, YearBasis::kFinancial, "2022/23", "AY 2022/23"},
       }) {
    Measure m = Make(c.frequency, c.basis);
    SCOPED_TRACE(std::string(ToString(c.frequency)) + " " + std::string(c.fits));
    EXPECT_TRUE(FitsMeasure(m, P(c.fits), RowKind::kFigure));
    EXPECT_FALSE(FitsMeasure(m, P(c.does_not), RowKind::kFigure));
  }
}

TEST(MeasurePeriodsTest, ARowWithNoFigureMayAlsoBeForAReportingQuarter) {
  Measure annual = Make(Frequency::kAnnual);
  EXPECT_FALSE(FitsMeasure(annual, P("2022/23 Q2"), RowKind::kFigure));
  EXPECT_TRUE(FitsMeasure(annual, P("2022/23 Q2"), RowKind::kNoFigure));
  EXPECT_FALSE(FitsMeasure(annual, P("2022-09"), RowKind::kNoFigure));
  EXPECT_FALSE(FitsMeasure(annual, P("2022/23 Q2"), RowKind::kTarget));
}

TEST(MeasurePeriodsTest, ATargetIsForTheMeasuresOwnPeriodOrItsYear) {
  Measure monthly = Make(Frequency::kMonthly);
  EXPECT_TRUE(FitsMeasure(monthly, P("2022-06"), RowKind::kTarget));
  EXPECT_TRUE(FitsMeasure(monthly, P("2022/23"), RowKind::kTarget));
  EXPECT_FALSE(FitsMeasure(monthly, P("2022/23 Q1"), RowKind::kTarget));
  EXPECT_EQ(FittingPeriods(monthly, P("2022/23 Q1"), RowKind::kTarget),
            "a month such as 2022-06, or a year");
}

TEST(MeasurePeriodsTest, RollingTwelveMonthsEndingWhereAPeriodEnds) {
  Measure rolling = Make(Frequency::kQuarterly, YearBasis::kFinancial, Accumulation::kRolling);
  EXPECT_TRUE(FitsMeasure(rolling, P("R12 2022-09"), RowKind::kFigure));
  EXPECT_FALSE(FitsMeasure(rolling, P("R12 2022-08"), RowKind::kFigure));
  EXPECT_FALSE(FitsMeasure(Make(Frequency::kQuarterly), P("R12 2022-09"), RowKind::kFigure));
  Measure annual = Make(Frequency::kAnnual, YearBasis::kFinancial, Accumulation::kRolling);
  EXPECT_EQ(FittingPeriods(annual, P("R12 2022-08"), RowKind::kFigure),
            "a year such as 2022/23, or the 12 months ending with one (R12 2023-03)");
}

TEST(MeasurePeriodsTest, DescribesEachKindOfPeriod) {
  EXPECT_EQ(DescribePeriod(P("June 22")), "the month 2022-06");
  EXPECT_EQ(DescribePeriod(P("2022/23 Q1")), "the quarter 2022/23 Q1");
  EXPECT_EQ(DescribePeriod(P("H2 2022/23")), "the half-year 2022/23 H2");
  EXPECT_EQ(DescribePeriod(P("Autumn 2022")), "the term AY 2022/23 T1");
  EXPECT_EQ(DescribePeriod(P("2022/23")), "the financial year 2022/23");
  EXPECT_EQ(DescribePeriod(P("AY 2022/23")), "the academic year AY 2022/23");
  EXPECT_EQ(DescribePeriod(P("2016")), "the calendar year 2016");
  EXPECT_EQ(DescribePeriod(P("12 months to May 2021")), "the 12 months R12 2021-05");
  EXPECT_EQ(DescribePeriod(P("01/06/2022")), "the day 2022-06-01");
}

TEST(MeasurePeriodsTest, ATargetRowForThePeriodItsYearOrAPartOfItCounts) {
  Measure m = Make(Frequency::kQuarterly);
  m.targets.push_back(TargetRow("2022/23 Q2", TargetKind::kNone));
  EXPECT_TRUE(HasTargetRow(m, P("2022/23 Q2")));
  EXPECT_TRUE(HasTargetRow(m, P("2022/23")));  // a year's outturn: a quarter of it has a target
  EXPECT_FALSE(HasTargetRow(m, P("2022/23 Q1")));
  m.targets.push_back(TargetRow("2023/24", TargetKind::kTbc));
  EXPECT_TRUE(HasTargetRow(m, P("2023/24 Q3")));
}

TEST(MeasurePeriodsTest, OnlyMeasuresWithGoodAndBadFiguresAreAssessedAgainstTargets) {
  Measure m = Make(Frequency::kQuarterly);
  EXPECT_TRUE(AssessedAgainstTargets(m));
  m.polarity = Polarity::kNone;
  EXPECT_FALSE(AssessedAgainstTargets(m));
  m.polarity = Polarity::kHigherIsBetter;
  m.unit = "text";
  EXPECT_FALSE(AssessedAgainstTargets(m));
}

}  // namespace
}  // namespace scorecard

namespace scorecard {
namespace {

TEST(OptionalFigureTest, HoldsAFigureOrNoneAndReadsAsAnOptional) {
  OptionalFigure none;
  EXPECT_FALSE(none);
  EXPECT_EQ(std::optional<double>(none), std::nullopt);
  EXPECT_EQ(none.value_or(7), 7);
  OptionalFigure zero = 0.0, negative = -12.5;
  EXPECT_TRUE(zero);
  EXPECT_EQ(*zero, 0.0);
  EXPECT_EQ(std::optional<double>(negative), -12.5);
  EXPECT_EQ(OptionalFigure(std::optional<double>()), none);
  EXPECT_EQ(OptionalFigure(std::optional<double>(3.25)), OptionalFigure(3.25));
  EXPECT_FALSE(zero == none);
  EXPECT_FALSE(zero == negative);
  negative.reset();
  EXPECT_EQ(negative, none);
  MeasureValue v;
  EXPECT_FALSE(v.number || v.numerator || v.denominator || v.forecast);
  static_assert(sizeof(MeasureValue) <= 64, "a value row stays within a cache line");
}

}  // namespace
}  // namespace scorecard
