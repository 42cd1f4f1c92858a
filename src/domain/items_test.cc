// Actions, projects and risks.

#include <gtest/gtest.h>

#include "domain/action.h"
#include "domain/project.h"
#include "domain/risk.h"

namespace scorecard {
namespace {

const Period kQ1 = Period::Quarter(2018, 1), kQ2 = Period::Quarter(2018, 2),
             kQ3 = Period::Quarter(2018, 3);

TEST(ActionTest, ACompletedRatingStandsInLaterQuarters) {
  Action a;
  a.planned = kQ1;
  a.ratings = {{kQ1, ActionRating::kCompleted, ""}};
  EXPECT_EQ(a.RatingAt(kQ2), ActionRating::kCompleted);
  EXPECT_FALSE(a.IsOverdue(kQ3));
}

TEST(ActionTest, AnOnTrackRatingMustBeRenewedEachQuarter) {
  Action a;
  a.planned = kQ2;
  a.ratings = {{kQ1, ActionRating::kOnTrack, ""}};
  EXPECT_EQ(a.RatingAt(kQ2), ActionRating::kNotRated);
}

TEST(ActionTest, NotDueUntilItsPlannedQuarter) {
  Action a;
  a.planned = kQ3;
  EXPECT_EQ(a.RatingAt(kQ2), ActionRating::kNotDue);
  EXPECT_EQ(a.RatingAt(kQ3), ActionRating::kNotRated);
}

TEST(ActionTest, OverdueWhenItsQuarterHasPassedUnfinished) {
  Action a;
  a.planned = kQ1;
  a.ratings = {{kQ2, ActionRating::kSomeSlippage, ""}};
  EXPECT_FALSE(a.IsOverdue(kQ1));
  EXPECT_TRUE(a.IsOverdue(kQ2));
  Action dated;
  dated.due = Date::FromCivil(2018, 12, 31);
  EXPECT_FALSE(dated.IsOverdue(kQ3));
  EXPECT_TRUE(dated.IsOverdue(Period::Quarter(2018, 4)));
}

TEST(ActionTest, RatingSpellings) {
  EXPECT_EQ(ParseActionRating("On-Target"), ActionRating::kOnTrack);
  EXPECT_EQ(ParseActionRating("closed"), ActionRating::kAborted);
  EXPECT_FALSE(ParseActionRating("fine").has_value());
}

// Derby 2021's guidance: all on track green; one may not be delivered within tolerance
// amber/green; two or three amber/red; all four red.
TEST(ProjectTest, RagFromTheFourKeyCriteria) {
  EXPECT_EQ(RagFromCriteria({true, true, true, true}), Rag::kGreen);
  EXPECT_EQ(RagFromCriteria({true, false, true, true}), Rag::kAmberGreen);
  EXPECT_EQ(RagFromCriteria({false, true, true, true}), Rag::kAmberGreen);
  EXPECT_EQ(RagFromCriteria({false, false, true, true}), Rag::kAmberRed);
  EXPECT_EQ(RagFromCriteria({false, false, false, true}), Rag::kAmberRed);
  EXPECT_EQ(RagFromCriteria({false, false, false, false}), Rag::kRed);
  EXPECT_EQ(Label(Rag::kAmberRed), "Amber / Red");
}

TEST(ProjectTest, AssessmentsByQuarter) {
  Project p;
  p.assessments = {{kQ1, std::nullopt, Rag::kRed, Rag::kAmberRed, std::nullopt, ""},
                   {kQ2, std::nullopt, Rag::kGreen, Rag::kGreen, std::nullopt, ""}};
  EXPECT_EQ(p.AssessmentFor(kQ2)->rag, Rag::kGreen);
  EXPECT_EQ(p.AssessmentBefore(kQ2)->rag, Rag::kRed);
  EXPECT_EQ(p.AssessmentBefore(kQ1), nullptr);
}

TEST(RiskTest, ScoresAndBandsAndChange) {
  Risk r;
  r.scores = {{kQ1, RiskKind::kThreat, 3, 4, 12, ""},
              {kQ2, RiskKind::kThreat, 2, 4, 8, ""},
              {kQ2, RiskKind::kOpportunity, 4, 3, 12, ""}};
  EXPECT_EQ(r.ScoreFor(kQ2, RiskKind::kThreat)->score, 8);
  EXPECT_EQ(r.ScoreBefore(kQ2, RiskKind::kThreat)->score, 12);
  EXPECT_EQ(r.ScoreFor(kQ2, RiskKind::kOpportunity)->score, 12);
  auto bands = DefaultRiskBands();
  EXPECT_EQ(BandFor(bands, 16).key, "high");
  EXPECT_EQ(BandFor(bands, 12).key, "high");
  EXPECT_EQ(BandFor(bands, 9).key, "medium");
  EXPECT_EQ(BandFor(bands, 4).key, "low");
  EXPECT_EQ(LikelihoodName(RiskKind::kThreat, 4), "highly probable");
  EXPECT_EQ(ImpactName(RiskKind::kOpportunity, 1), "insignificant");
}

}  // namespace
}  // namespace scorecard
