#include "app/publication_changes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace scorecard {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

MeasureRow Measure(std::string ref, std::string plain, std::string shown, std::string status) {
  MeasureRow m;
  m.ref = std::move(ref);
  m.title = "Measure " + m.ref;
  m.value.plain = std::move(plain);
  m.value.shown = std::move(shown);
  m.status.key = status;
  m.status.label = status.empty() ? "" : std::string(1, std::toupper(status[0])) + status.substr(1);
  return m;
}

ActionRow Action(std::string ref, std::string rating) {
  ActionRow a;
  a.ref = std::move(ref);
  a.title = "Action " + a.ref;
  a.rating = {rating, rating.empty() ? "" : "Rated " + rating, ""};
  return a;
}

ProjectRow Project(std::string ref, std::string rag, std::string dca) {
  ProjectRow p;
  p.ref = std::move(ref);
  p.title = "Project " + p.ref;
  p.rag = {rag, rag, ""};
  p.dca = {dca, dca, ""};
  return p;
}

RiskRow Risk(std::string ref, std::string kind, int score, std::string band) {
  RiskRow r;
  r.ref = std::move(ref);
  r.title = "Risk " + r.ref;
  r.kind = std::move(kind);
  r.score = score;
  r.band = {band, band, ""};
  return r;
}

// "measure M1: 81.5% (Green) -> 82.0% (Amber): value 81.5% to 82.0%; ..."
std::vector<std::string> Describe(const std::vector<ChangeRow>& rows) {
  std::vector<std::string> out;
  for (const ChangeRow& r : rows) {
    out.push_back(r.kind + " " + r.ref + ": " + r.before_label + " -> " + r.after_label + ": " +
                  r.words);
  }
  return out;
}

TEST(PublicationChangesTest, NothingChangedGivesNoRows) {
  Position p;
  p.measures = {Measure("M1", "81.5", "81.5%", "green")};
  p.actions = {Action("A1", "on-track")};
  EXPECT_THAT(ChangesSincePublication(p, p), IsEmpty());
}

TEST(PublicationChangesTest, AMeasuresFigureOrStatusChangingIsARowSayingWhatChanged) {
  Position then, now;
  then.measures = {Measure("M1", "81.5", "81.5%", "green"), Measure("M2", "10", "10", "red"),
                   Measure("M3", "", "", ""), Measure("M4", "5", "5", "red")};
  now.measures = {Measure("M1", "82", "82.0%", "amber"), Measure("M2", "10", "10", "amber"),
                  Measure("M3", "7", "7", ""), Measure("M4", "5", "5", "red")};
  now.measures[3].commentary.context = "Commentary is not a figure.";
  EXPECT_THAT(Describe(ChangesSincePublication(then, now)),
              ElementsAre("measure M1: 81.5% (Green) -> 82.0% (Amber): value 81.5% to 82.0%; "
                          "status 'Green' to 'Amber'",
                          "measure M2: 10 (Red) -> 10 (Amber): status 'Red' to 'Amber'",
                          "measure M3: no figure (no status) -> 7 (no status): value no figure "
                          "to 7"));
  ChangeRow first = ChangesSincePublication(then, now).front();
  EXPECT_EQ(first.before_key, "green");
  EXPECT_EQ(first.after_key, "amber");
  EXPECT_EQ(first.title, "Measure M1");
}

TEST(PublicationChangesTest, ATextMeasuresWordsChangingIsAChangeOfValue) {
  Position then, now;
  then.measures = {Measure("T1", "", "", "green")};
  now.measures = then.measures;
  then.measures[0].value_text = "On track";
  now.measures[0].value_text = "Delayed";
  EXPECT_THAT(Describe(ChangesSincePublication(then, now)),
              ElementsAre("measure T1: On track (Green) -> Delayed (Green): value On track to "
                          "Delayed"));
}

TEST(PublicationChangesTest, RatingsRagDcaAndRiskScoresAreComparedInTheCouncilsOrder) {
  Position then, now;
  then.actions = {Action("A1", "on-track"), Action("A2", "")};
  now.actions = {Action("A1", "slippage"), Action("A2", "")};
  then.projects = {Project("P1", "green", "amber")};
  now.projects = {Project("P1", "green", "red")};
  then.risks = {Risk("R1", "threat", 12, "high"), Risk("R1", "opportunity", 4, "low")};
  now.risks = {Risk("R1", "threat", 12, "high"), Risk("R1", "opportunity", 6, "medium")};
  EXPECT_THAT(Describe(ChangesSincePublication(then, now)),
              ElementsAre("action A1: Rated on-track -> Rated slippage: rating 'Rated on-track' "
                          "to 'Rated slippage'",
                          "project P1: RAG green, DCA amber -> RAG green, DCA red: DCA 'amber' to "
                          "'red'",
                          "risk R1: 4 (low) -> 6 (medium): opportunity score 4 (low) to 6 "
                          "(medium)"));
}

TEST(PublicationChangesTest, ItemsAddedAndRemovedSincePublicationAreListed) {
  Position then, now;
  then.measures = {Measure("M1", "1", "1", "green"), Measure("M2", "2", "2", "green")};
  now.measures = {Measure("M3", "3", "3", "red"), Measure("M1", "1", "1", "green")};
  then.actions = {Action("A1", "")};
  EXPECT_THAT(Describe(ChangesSincePublication(then, now)),
              ElementsAre("measure M3: not in the published report -> 3 (Red): added since "
                          "publication",
                          "measure M2: 2 (Green) -> not in the report now: removed since "
                          "publication",
                          "action A1: not rated -> not in the report now: removed since "
                          "publication"));
}

}  // namespace
}  // namespace scorecard
