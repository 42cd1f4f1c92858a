#include "domain/assessment.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "domain/test_council.h"

namespace scorecard {
namespace {

const Period kQ2 = Period::Quarter(2017, 2);

class RollupTest : public testing::Test {
 protected:
  RollupTest() { c_.organisation.scheme = "rotherham-2017"; }
  MeasureAssessment At(std::string_view ref, const Period& p) {
    return Assessor(c_).Assess(*c_.FindMeasure(ref), p);
  }
  // Rotherham 3.A4: four sub-indicators, each against 100%.
  void AddLicensing(std::string_view rollup, std::string_view own_values = "") {
    AddMeasure(&c_, fmt::format("3.A4 quarterly higher % rollup={} | | {}", rollup, own_values));
    AddMeasure(&c_, "3.A4(a) parent=3.A4 quarterly higher % | 2017/18=100 | Q1=100 Q2=100");
    AddMeasure(&c_, "3.A4(b) parent=3.A4 quarterly higher % | 2017/18=100 | Q1=100 Q2=100");
    AddMeasure(&c_, "3.A4(c) parent=3.A4 quarterly higher % | 2017/18=100 | Q1=100 Q2=100");
    AddMeasure(&c_, "3.A4(d) parent=3.A4 quarterly higher % | 2017/18=100 | Q1=81 Q2=87");
  }

  Council c_;
};

TEST_F(RollupTest, WorstSaysWhichPartDecidedAndListsTheOthers) {
  AddLicensing("worst");
  MeasureAssessment a = At("3.A4", kQ2);
  EXPECT_EQ(a.status.key, "off-track");
  EXPECT_TRUE(a.status.is_band);
  EXPECT_EQ(a.status.reason,
            "worst of its 4 parts: 3.A4(d) is off-track (87% against the 2017/18 target of 100% "
            "(higher is better): deviation -13%; off-track is below -5%); the others: 3.A4(a) "
            "on-track, 3.A4(b) on-track, 3.A4(c) on-track");
}

TEST_F(RollupTest, AllMetSaysEveryPartMetOrWhichDidNot) {
  AddLicensing("all-met");
  std::string not_met = At("3.A4", kQ2).status.reason;
  EXPECT_TRUE(
      not_met.starts_with("not all of its 4 parts meet their targets: 3.A4(d) is "
                          "off-track (87% against"))
      << not_met;
  c_.FindMeasure("3.A4(d)")->values.back().number = 100;
  MeasureAssessment a = At("3.A4", kQ2);
  EXPECT_EQ(a.status.key, "on-track");
  EXPECT_EQ(a.status.reason,
            "all 4 parts meet their targets: 3.A4(a) on-track, 3.A4(b) on-track, 3.A4(c) "
            "on-track, 3.A4(d) on-track");
}

TEST_F(RollupTest, DirectionNamesThePartsEachWay) {
  AddLicensing("worst");
  MeasureAssessment a = At("3.A4", kQ2);
  EXPECT_EQ(a.dot.direction, Direction::kImproved);
  EXPECT_EQ(a.dot.reason,
            "from its 4 parts: improved 3.A4(d); stable 3.A4(a), 3.A4(b), 3.A4(c): more "
            "improved than got worse");
}

TEST_F(RollupTest, AnOverrideOnTheParentSaysWhatTheRollUpGives) {
  AddLicensing("worst", "Q2=0 status=satisfactory");  // its own figure is not used
  MeasureAssessment a = At("3.A4", kQ2);
  EXPECT_EQ(a.status.key, "satisfactory");
  EXPECT_EQ(a.status.computed_key, "off-track");
  EXPECT_TRUE(a.status.reason.starts_with(
      "officer override: test override (the rule gives off-track: worst of its 4 parts: "))
      << a.status.reason;
}

}  // namespace
}  // namespace scorecard

namespace scorecard {
namespace {

TEST(AssessorScopeTest, WithoutForecastsGivesTheSameStatusesAndDirectionsAndNoForecast) {
  Council c;
  c.organisation.scheme = "rotherham-2017";
  AddMeasure(&c, "A quarterly higher % cumulative | 2017/18=100 | Q1=40 Q2=70");
  AddMeasure(&c, "B quarterly lower count | 2017/18=20 | Q1=30 Q2=25");
  AddMeasure(&c, "P quarterly higher % rollup=worst | |");
  AddMeasure(&c, "P(a) parent=P quarterly higher % | 2017/18=100 | Q1=100 Q2=90");
  std::vector<MeasureAssessment> full = Assessor(c).AssessAll(kQ2);
  std::vector<MeasureAssessment> lean =
      Assessor(c, Assessor::Scope::kWithoutForecasts).AssessAll(kQ2);
  ASSERT_EQ(full.size(), lean.size());
  int forecasts = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    SCOPED_TRACE(full[i].measure->ref);
    EXPECT_EQ(lean[i].measure, full[i].measure);
    EXPECT_EQ(lean[i].period, full[i].period);
    EXPECT_EQ(lean[i].status.key, full[i].status.key);
    EXPECT_EQ(lean[i].status.reason, full[i].status.reason);
    EXPECT_EQ(lean[i].dot.direction, full[i].dot.direction);
    if (!full[i].forecast_status.key.empty()) ++forecasts;
    EXPECT_TRUE(lean[i].forecast_status.key.empty());
    EXPECT_FALSE(lean[i].forecast.value);
    EXPECT_TRUE(lean[i].forecast.method.empty());
  }
  EXPECT_EQ(forecasts, static_cast<int>(full.size()));  // the full assessment made every one
}

}  // namespace
}  // namespace scorecard
