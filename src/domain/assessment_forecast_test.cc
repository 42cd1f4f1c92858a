// The words of each forecast method, beside its figure (tests/rules/forecasts.rules has the
// figures themselves).

#include <gtest/gtest.h>

#include <limits>

#include "domain/assessment.h"
#include "domain/test_council.h"

namespace scorecard {
namespace {

const Period kQ2 = Period::Quarter(2017, 2);

class ForecastTest : public testing::Test {
 protected:
  ForecastTest() { c_.organisation.scheme = "derby-2012"; }
  Measure& Add(std::string_view line) {
    AddMeasure(&c_, line);
    return c_.measures.back();
  }
  MeasureAssessment At(const Period& p) { return Assessor(c_).Assess(c_.measures.back(), p); }

  Council c_;
};

TEST_F(ForecastTest, HeldAtTheMaximumSaysWhatTheMethodGave) {
  Add("M1 quarterly higher % cumulative | 2017/18=97 | Q1=28 Q2=55");
  MeasureAssessment a = At(kQ2);
  EXPECT_EQ(a.forecast.value, 100.0);
  EXPECT_TRUE(a.forecast.held_at_bound);
  EXPECT_EQ(a.forecast.method_key, "trend");
  EXPECT_EQ(a.forecast.method,
            "least-squares trend over 2 figures this year, at the year end, giving 109%, held at "
            "the maximum of 100%");
}

TEST_F(ForecastTest, HeldAtADeclaredMinimum) {
  Add("M1 quarterly lower days average | 2017/18=6 | Q1=8 Q2=5").min = 2;
  MeasureAssessment a = At(kQ2);
  EXPECT_EQ(a.forecast.value, 2.0);
  EXPECT_EQ(a.forecast.method,
            "least-squares trend over 2 figures this year, at the year end, giving 0 days, held "
            "at the minimum of 2 days");
}

TEST_F(ForecastTest, ProRataNamesTheFigureAndTheMonths) {
  Add("M1 quarterly higher cumulative | 2017/18=104 | Q2=50");
  EXPECT_EQ(At(kQ2).forecast.method, "pro rata: 50 after 6 of 12 months");
  Add("M2 quarterly higher | 2017/18=28 | Q1=14 Q2=3").forecast = ForecastMethod::kProRata;
  EXPECT_EQ(At(kQ2).forecast.method, "pro rata: 17 from 2 figures this year after 6 of 12 months");
}

TEST_F(ForecastTest, ProfileNamesBothTargets) {
  Add("M1 quarterly higher cumulative | Q2=40 2017/18=100 | Q2=44");
  MeasureAssessment a = At(kQ2);
  EXPECT_EQ(a.forecast.method_key, "profile");
  EXPECT_EQ(a.forecast.method,
            "on profile: 44 against the 2017/18 Q2 target of 40 scales the 2017/18 target of 100");
}

TEST_F(ForecastTest, ProfileWithoutATargetForThePeriodSaysWhyThereIsNone) {
  Add("M1 quarterly higher cumulative | 2017/18=100 | Q2=50").forecast = ForecastMethod::kProfile;
  MeasureAssessment a = At(kQ2);
  EXPECT_FALSE(a.forecast.value.has_value());
  EXPECT_EQ(a.forecast_status.key, "not-available");
  EXPECT_EQ(a.forecast_status.reason,
            "no forecast for 2017/18: profile needs a target for 2017/18 Q2 itself, and no target "
            "is set for 2017/18 Q2; the 2017/18 target is for the year end");
}

TEST_F(ForecastTest, LatestNamesTheFigureThatStands) {
  Add("M1 monthly lower snapshot | 2017/18=85.9 | 2017-08=91.6 2017-09=91.9");
  EXPECT_EQ(At(kQ2).forecast.method, "the latest figure, 91.9 for 2017-09, stands for the year");
}

TEST_F(ForecastTest, NoneSaysComputedForecastsAreOff) {
  c_.organisation.forecast = ForecastMethod::kNone;
  Add("M1 quarterly higher cumulative | 2017/18=100 | Q2=50");
  MeasureAssessment a = At(kQ2);
  EXPECT_EQ(a.forecast.method_key, "none");
  EXPECT_FALSE(a.forecast.computed);
  EXPECT_EQ(a.forecast_status.reason,
            "no forecast for 2017/18: the officer gave none, and none is computed (forecast "
            "method none)");
}

TEST_F(ForecastTest, AnOfficersForecastInWordsIsShownButNotAssessed) {
  MeasureValue v;
  v.period = kQ2;
  v.mutable_words().text = "Unqualified";
  v.mutable_words().forecast_text = "On track";
  Add("T quarterly none text").values.push_back(v);
  MeasureAssessment a = At(kQ2);
  EXPECT_EQ(a.forecast.text, "On track");
  EXPECT_EQ(a.forecast.method_key, "officer");
  EXPECT_EQ(a.forecast_status.reason,
            "the officer's forecast for 2017/18, \"On track\", is words, not a figure");
}

TEST_F(ForecastTest, ARolledUpParentSaysItsPartsAreForecast) {
  Add("P quarterly higher % rollup=worst");
  Add("P(a) parent=P quarterly higher % | 2017/18=90 | Q2=91");
  MeasureAssessment a = Assessor(c_).Assess(*c_.FindMeasure("P"), kQ2);
  EXPECT_EQ(a.forecast.method_key, "parts");
}

TEST(MeasureTest, BoundsAreAPercentagesUnlessDeclared) {
  Measure m;
  m.unit = "%";
  EXPECT_EQ(m.Minimum(), 0.0);
  EXPECT_EQ(m.Maximum(), 100.0);
  m.max = std::numeric_limits<double>::infinity();  // declared none
  m.min = -5;
  EXPECT_EQ(m.Maximum(), std::nullopt);
  EXPECT_EQ(m.Minimum(), -5.0);
  m.unit = "count";
  m.min.reset();
  EXPECT_EQ(m.Minimum(), std::nullopt);
}

TEST(MeasureTest, ProRataSuitsOnlyASum) {
  Measure m;
  m.accumulation = Accumulation::kCumulative;
  EXPECT_EQ(m.WhyNotProRata(), "");
  m.unit = "per 10,000";
  EXPECT_EQ(m.WhyNotProRata(), "a rate (per 10,000)");
  m.unit = "%";
  EXPECT_EQ(m.WhyNotProRata(), "a percentage");
  m.unit = "days";
  m.accumulation = Accumulation::kAverage;
  EXPECT_EQ(m.WhyNotProRata(), "an average");
  m.accumulation = Accumulation::kRolling;
  EXPECT_EQ(m.WhyNotProRata(), "a rolling 12-month figure");
  m.accumulation = Accumulation::kDiscrete;
  EXPECT_EQ(m.WhyNotProRata(), "");
}

TEST(MeasureTest, ForecastMethodsReadBackAsTheirKeys) {
  for (auto method : {ForecastMethod::kNone, ForecastMethod::kProRata, ForecastMethod::kProfile,
                      ForecastMethod::kTrend, ForecastMethod::kLatest}) {
    EXPECT_EQ(ParseForecastMethod(ToString(method)), method);
  }
  EXPECT_EQ(ParseForecastMethod(" Officer "), ForecastMethod::kNone);
  EXPECT_EQ(ParseForecastMethod("pro rata").error(),
            "a forecast method: none, officer, pro-rata, profile, trend or latest");
}

}  // namespace
}  // namespace scorecard
