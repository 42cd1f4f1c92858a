#include "domain/summary.h"

#include <gtest/gtest.h>

#include "domain/test_council.h"

namespace scorecard {
namespace {

const Period kQ1 = Period::Quarter(2017, 1);
const Period kQ2 = Period::Quarter(2017, 2);

class SummaryTest : public testing::Test {
 protected:
  SummaryTest() {
    c_.organisation.scheme = "derby-2012";
    c_.framework.Add({"plan", "", "plan", "Plan", "", ""});
    c_.framework.Add({"place", "plan", "theme", "Our place", "", ""});
    c_.framework.Add({"people", "plan", "theme", "Our people", "", ""});
  }
  void Assess() {
    Assessor assessor(c_);
    now_ = assessor.AssessAll(kQ2);
    before_ = assessor.AssessAll(kQ1);
  }
  Summariser Summary() { return Summariser(c_, now_, before_, kQ2); }
  int CountOf(const std::vector<Count>& counts, std::string_view key) {
    for (const Count& c : counts) {
      if (c.key == key) return c.count;
    }
    return -1;
  }

  Council c_;
  std::vector<MeasureAssessment> now_, before_;
};

TEST_F(SummaryTest, CountsByStatusForAllAndEachTheme) {
  AddMeasure(&c_, "A node=place quarterly higher % | 2017/18=80 | Q2=90");  // blue
  AddMeasure(&c_, "B node=place quarterly higher % | 2017/18=80 | Q2=80");  // green
  AddMeasure(&c_, "C node=people quarterly lower % | 2017/18=10 | Q2=12");  // red
  AddMeasure(&c_, "D node=people quarterly higher % | 2017/18=80 |");       // not available
  Assess();
  Summariser s = Summary();
  std::vector<Group> groups = s.Groups();
  ASSERT_EQ(groups.size(), 3u);  // all, then the plan's themes
  EXPECT_EQ(groups[1].id, "place");
  auto all = s.StatusCounts(groups[0]);
  EXPECT_EQ(CountOf(all, "blue"), 1);
  EXPECT_EQ(CountOf(all, "green"), 1);
  EXPECT_EQ(CountOf(all, "amber"), 0);  // bands show at zero
  EXPECT_EQ(CountOf(all, "red"), 1);
  EXPECT_EQ(CountOf(all, "not-available"), 1);
  EXPECT_EQ(CountOf(all, "no-target"), -1);  // special statuses only when present
  EXPECT_DOUBLE_EQ(all[0].percent, 25.0);
  EXPECT_EQ(CountOf(s.StatusCounts(groups[2]), "red"), 1);
  EXPECT_EQ(CountOf(s.StatusCounts(groups[2]), "blue"), 0);
}

TEST_F(SummaryTest, RedFlagsAreOffTrackLastQuarterAndStillOffTrack) {
  AddMeasure(&c_, "STILL quarterly higher % | 2017/18=80 | Q1=60 Q2=61");
  AddMeasure(&c_, "NEW quarterly higher % | 2017/18=80 | Q1=85 Q2=60");
  AddMeasure(&c_, "MENDED quarterly higher % | 2017/18=80 | Q1=60 Q2=85");
  Assess();
  auto flags = Summary().RedFlags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]->measure->ref, "STILL");
}

TEST_F(SummaryTest, ExceptionsAreRedNowOrForecastBelowTarget) {
  AddMeasure(&c_, "RED quarterly higher % | 2017/18=80 | Q2=60");
  AddMeasure(&c_, "FINE quarterly higher % | 2017/18=80 | Q2=85");
  AddMeasure(&c_, "AMBER_FORECAST quarterly higher % | 2017/18=80 | Q1=83 Q2=81");
  Assess();
  auto exceptions = Summary().Exceptions();
  ASSERT_EQ(exceptions.size(), 2u);
  EXPECT_EQ(exceptions[0].assessment->measure->ref, "RED");
  EXPECT_EQ(exceptions[0].reason, "red now and forecast red");
  EXPECT_EQ(exceptions[1].assessment->measure->ref, "AMBER_FORECAST");
  EXPECT_EQ(exceptions[1].reason, "forecast amber");
}

TEST_F(SummaryTest, StatusChangesSayImprovedOrDeclinedWithBothStatuses) {
  AddMeasure(&c_, "UP quarterly higher % | 2017/18=80 | Q1=77 Q2=81");
  AddMeasure(&c_, "DOWN quarterly higher % | 2017/18=80 | Q1=81 Q2=60");
  AddMeasure(&c_, "SAME quarterly higher % | 2017/18=80 | Q1=81 Q2=80");
  Assess();
  auto changes = Summary().StatusChanges();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].ref, "UP");
  EXPECT_EQ(changes[0].before, "amber");
  EXPECT_EQ(changes[0].after, "green");
  EXPECT_TRUE(changes[0].improved);
  EXPECT_EQ(changes[1].ref, "DOWN");
  EXPECT_FALSE(changes[1].improved);
}

TEST_F(SummaryTest, HeadlineFigures) {
  AddMeasure(&c_, "MET quarterly higher % | Q2=80 2017/18=80 | Q2=82");
  AddMeasure(&c_, "MISSED quarterly higher % | Q2=80 2017/18=80 | Q2=70");
  AddMeasure(&c_, "NOTARGET quarterly higher | | Q2=5");
  AddAction(&c_, "A1", "", "Q2", "Q2=on-track");
  AddAction(&c_, "A2", "", "Q1", "Q1=completed");
  AddAction(&c_, "A3", "", "Q2", "Q2=major-slippage");
  AddAction(&c_, "A4", "", "Q4", "");  // not due: left out
  Assess();
  auto h = Summary().Headlines();
  EXPECT_EQ(h[0].key, "period-target-met");
  EXPECT_EQ(h[0].numerator, 1);
  EXPECT_EQ(h[0].denominator, 2);
  EXPECT_EQ(h[1].key, "annual-target-forecast-met");
  EXPECT_EQ(h[1].denominator, 2);
  EXPECT_EQ(h[2].key, "actions-completed-or-on-track");
  EXPECT_EQ(h[2].numerator, 2);
  EXPECT_EQ(h[2].denominator, 3);
}

TEST_F(SummaryTest, PartsOfAnAssessedParentAreNotCountedTwice) {
  AddMeasure(&c_, "P quarterly higher % | 2017/18=80 | Q2=82");
  AddMeasure(&c_, "P(a) parent=P quarterly higher % | 2017/18=80 | Q2=60");
  AddMeasure(&c_, "H quarterly higher %");  // a heading: no values of its own
  AddMeasure(&c_, "H(a) parent=H quarterly higher % | 2017/18=80 | Q2=90");
  AddMeasure(&c_, "H(b) parent=H quarterly higher % | 2017/18=80 | Q2=95");
  Assess();
  EXPECT_EQ(now_.size(), 4u);  // the heading itself is not assessed
  auto all = Summary().StatusCounts({"all", "All"});
  EXPECT_EQ(CountOf(all, "blue"), 3);  // P and both parts of H
  EXPECT_EQ(CountOf(all, "red"), 0);   // P(a) reports under P
}

TEST_F(SummaryTest, ARolledUpParentIsCountedInPlaceOfItsPartsWhichAreListedInstead) {
  AddMeasure(&c_, "P quarterly higher % rollup=worst");
  AddMeasure(&c_, "P(a) parent=P quarterly higher % | 2017/18=80 | Q1=60 Q2=61");
  AddMeasure(&c_, "P(b) parent=P quarterly higher % | 2017/18=80 | Q1=90 Q2=90");
  Assess();
  ASSERT_EQ(now_.size(), 3u);
  Summariser s = Summary();
  auto all = s.StatusCounts({"all", "All"});
  EXPECT_EQ(CountOf(all, "red"), 1);  // P, from P(a)
  EXPECT_EQ(CountOf(all, "blue"), 0);
  EXPECT_EQ(CountOf(s.DirectionCounts({"all", "All"}), "improved"), 1);  // P: one part improved
  auto flags = s.RedFlags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0]->measure->ref, "P(a)");
  auto exceptions = s.Exceptions();
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].assessment->measure->ref, "P(a)");
}

TEST_F(SummaryTest, ActionRatingsCountedPerGroupLeavingOutThoseNotDue) {
  AddAction(&c_, "A1", "place", "Q1", "Q1=completed");
  AddAction(&c_, "A2", "place", "Q2", "Q2=on-track");
  AddAction(&c_, "A3", "people", "Q2", "Q2=needs-attention");
  AddAction(&c_, "A4", "people", "Q2", "");
  AddAction(&c_, "A5", "people", "Q4", "");
  Assess();
  Summariser s = Summary();
  auto all = s.RatingCounts({"all", "All"});
  EXPECT_EQ(CountOf(all, "completed"), 1);
  EXPECT_EQ(CountOf(all, "on-track"), 1);
  EXPECT_EQ(CountOf(all, "needs-attention"), 1);
  EXPECT_EQ(CountOf(all, "not-rated"), 1);
  EXPECT_EQ(CountOf(all, "not-due"), -1);
  EXPECT_EQ(CountOf(s.RatingCounts({"people", ""}), "needs-attention"), 1);
  EXPECT_EQ(CountOf(s.RatingCounts({"people", ""}), "completed"), 0);
}

TEST_F(SummaryTest, RatingChangesSinceLastQuarter) {
  AddAction(&c_, "UP", "", "Q3", "Q1=some-slippage Q2=on-track");
  AddAction(&c_, "DOWN", "", "Q3", "Q1=on-track Q2=major-slippage");
  Assess();
  auto changes = Summary().RatingChanges();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_TRUE(changes[0].improved);
  EXPECT_EQ(changes[1].before, "on-track");
  EXPECT_EQ(changes[1].after, "major-slippage");
  EXPECT_FALSE(changes[1].improved);
}

}  // namespace
}  // namespace scorecard
