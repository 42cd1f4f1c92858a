#include "io/table.h"

#include <gtest/gtest.h>

#include "domain/action.h"
#include "domain/project.h"
#include "domain/text.h"
#include "io/readers.h"

namespace scorecard {
namespace {

// The catalogue repeats the words of the domain's parsers for the fields a table reads; these
// keep the two the same until the parsers name catalogue codes themselves.
TEST(TableTest, SaysWhatTheDomainsParsersExpect) {
  CsvTable csv{"t.csv", {"value", "period"}, {{2, {"n/a", "Q5"}}}};
  Issues issues;
  Table t(csv, &issues);
  ASSERT_TRUE(t.CheckColumns({"value", "period"}, {}));
  EXPECT_FALSE(t.Number(csv.rows[0], "value"));
  EXPECT_FALSE(t.PeriodOf(csv.rows[0], "period", true));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message, "expected " + ParseNumber("n/a").error());
  EXPECT_EQ(issues[0].code, "table.number");
  EXPECT_EQ(issues[1].message, "expected " + ParsePeriod("Q5").error());
  EXPECT_EQ(issues[1].code, "table.period");
}

TEST(TableTest, SaysWhatTheRatingAndRagParsersExpect) {
  Council council;
  Issues issues;
  ReadActions({"actions.csv", {"ref", "title"}, {{2, {"A1", "Open the library"}}}}, &council,
              &issues);
  ReadActionRatings(
      {"action_ratings.csv", {"ref", "period", "rating"}, {{2, {"A1", "2017/18 Q2", "fine"}}}},
      &council, &issues);
  ReadProjects({"projects.csv", {"ref", "title"}, {{2, {"P1", "New pool"}}}}, &council, &issues);
  ReadProjectAssessments(
      {"project_assessments.csv", {"ref", "period", "rag"}, {{2, {"P1", "2017/18 Q2", "blue"}}}},
      &council, &issues);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].ToString(),
            "action_ratings.csv:2: column rating: expected " + ParseActionRating("fine").error());
  EXPECT_EQ(issues[1].ToString(),
            "project_assessments.csv:2: column rag: expected " + ParseRag("blue").error());
}

TEST(TableTest, NamesTheHeadersProblemsAtLineOne) {
  CsvTable csv{"t.csv", {"ref", "", "colour", "ref"}, {}};
  Issues issues;
  EXPECT_FALSE(Table(csv, &issues).CheckColumns({"ref", "title"}, {"owner"}));
  std::vector<std::string> messages;
  for (const Issue& i : issues) messages.push_back(i.ToString());
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "t.csv:1: expected a name for column 2",
                "t.csv:1: column colour: unknown column; expected one of ref, title, owner (or a "
                "name starting x_ for your own use)",
                "t.csv:1: column ref: column named twice",
                "t.csv:1: column title: expected this required column"}));
}

}  // namespace
}  // namespace scorecard
