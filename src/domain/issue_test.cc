#include "domain/issue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "domain/measure.h"
#include "domain/period.h"

namespace scorecard {
namespace {

TEST(IssueCatalogueTest, EveryCodeIsUniqueAndNamesAnAreaAndWhat) {
  const std::regex shape("[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[a-z][a-z0-9]*(-[a-z0-9]+)*");
  std::set<std::string_view> seen;
  for (const IssueText& t : IssueCatalogue()) {
    EXPECT_TRUE(seen.insert(t.code).second) << t.code << " is in the catalogue twice";
    EXPECT_TRUE(std::regex_match(std::string(t.code), shape))
        << t.code << ": a code is area.what, lower case with hyphens";
  }
  EXPECT_GT(seen.size(), 100u);
}

TEST(IssueCatalogueTest, EveryEntryHasWordsAndAFix) {
  for (const IssueText& t : IssueCatalogue()) {
    EXPECT_FALSE(t.words.empty()) << t.code;
    EXPECT_FALSE(t.fix.empty()) << t.code;
  }
}

TEST(IssueCatalogueTest, WordsAndFixesUseOnlyPlaceholdersMakeIssueFills) {
  for (const IssueText& t : IssueCatalogue()) {
    auto words = Placeholders(t.words);
    ASSERT_TRUE(words.has_value()) << t.code << ": " << words.error();
    auto fix = Placeholders(t.fix);
    ASSERT_TRUE(fix.has_value()) << t.code << " (fix): " << fix.error();
    // MakeIssue is given the words' parameters, so the fix may use those only.
    for (const std::string& name : *fix) {
      EXPECT_NE(std::find(words->begin(), words->end(), name), words->end())
          << t.code << ": the fix uses {" << name << "}, which the words do not";
    }
    IssueParams params;
    for (const std::string& name : *words) params.emplace_back(name, "<" + name + ">");
    Issue issue = MakeIssue(t.code, {"f.csv", 2, "c"}, params);
    // Every placeholder filled (the words' own braces are written doubled, and left single).
    for (const std::string& name : *words) {
      EXPECT_EQ(issue.message.find("{" + name + "}"), std::string::npos) << t.code;
      EXPECT_NE(issue.message.find("<" + name + ">"), std::string::npos) << t.code;
    }
    EXPECT_EQ(issue.message.find("{{"), std::string::npos) << t.code << ": " << issue.message;
  }
}

// The catalogue repeats the words of the domain's parsers for the fields they read; this keeps the
// two the same until the parsers name catalogue codes themselves.
TEST(IssueCatalogueTest, RepeatsTheWordsOfTheDomainsParsers) {
  auto words = [](std::string_view code) {
    return std::string(MakeIssue(code, {"f", 1, ""}, {{"text", "Q5"}}).message);
  };
  EXPECT_EQ(words("measures.polarity"), "expected " + ParsePolarity("x").error());
  EXPECT_EQ(words("measures.frequency"), "expected " + ParseFrequency("x").error());
  EXPECT_EQ(words("measures.accumulation"), "expected " + ParseAccumulation("x").error());
  EXPECT_EQ(words("measures.year"), "expected " + ParseYearBasis("x").error());
  EXPECT_EQ(words("measures.lag"), "expected " + ParseLag("x").error());
  EXPECT_EQ(words("measures.dot"), "expected " + ParseDotBasis("x").error());
  EXPECT_EQ(words("config.dot"), "expected " + ParseDotBasis("x").error());
  EXPECT_EQ(words("targets.kind"), "expected " + ParseTargetKind("x").error());
  EXPECT_EQ(words("values.flags"), "expected " + ParseValueFlags("x").error());
  for (std::string_view code : {"config.period", "request.period", "periods.spelling"}) {
    EXPECT_EQ(words(code), "expected " + ParsePeriod("Q5").error()) << code;
  }
}

TEST(IssueTest, PlaceholdersAreNamedOnceInOrder) {
  EXPECT_EQ(Placeholders("expected {a} or {b_2}, not {a}"), (std::vector<std::string>{"a", "b_2"}));
  EXPECT_EQ(Placeholders("no placeholders"), std::vector<std::string>{});
}

TEST(IssueTest, PlaceholdersRefuseBracesThatAreNotWellFormed) {
  EXPECT_EQ(Placeholders("expected {a").error(), "the { at 9 is not closed");
  EXPECT_EQ(Placeholders("expected {a {b}").error(), "the { at 9 is not closed");
  EXPECT_EQ(Placeholders("expected a}").error(), "a } at 10 closes nothing");
  EXPECT_EQ(Placeholders("expected {}").error(), "{} is not a placeholder's name");
  EXPECT_EQ(Placeholders("expected {A b}").error(), "{A b} is not a placeholder's name");
}

TEST(IssueTest, ADoubledBraceIsABraceInTheWords) {
  EXPECT_EQ(Placeholders("expected {{ as = {a} }}"), std::vector<std::string>{"a"});
  EXPECT_EQ(Placeholders("{{{a}}}"), std::vector<std::string>{"a"});
  EXPECT_EQ(ShownWords("expected {{ as = {a} }}"), "expected { as = {a} }");
  EXPECT_EQ(Placeholders("expected {{a}").error(), "a } at 12 closes nothing");
  Issue issue = MakeIssue("config.risk-band", {"scorecard.toml", 7, "risk.bands"});
  EXPECT_EQ(issue.message, "expected { band = \"high\", label = \"High\", at_least = 12 }");
}

// Only MakeIssue makes an issue, so that every issue has a code and the catalogue's words.
static_assert(!std::is_default_constructible_v<Issue>);
static_assert(!std::is_constructible_v<Issue, std::string, int, std::string, std::string>);

TEST(IssueTest, MakeIssueFillsTheCataloguesWords) {
  Issue issue =
      MakeIssue("csv.field-count", {"values.csv", 4, ""}, {{"expected", "2"}, {"found", "3"}});
  EXPECT_EQ(issue.ToString(), "values.csv:4: expected 2 fields as in the header, found 3");
  EXPECT_EQ(issue.code, "csv.field-count");
  EXPECT_EQ(issue.Param("found"), "3");
  EXPECT_FALSE(issue.is_warning());
}

TEST(IssueTest, AProblemIsPlacedByItsCaller) {
  Problem problem{"table.yes-no", {{"text", "maybe"}}};
  EXPECT_EQ(MakeIssue(problem, {"actions.csv", 3, "priority"}).ToString(),
            "actions.csv:3: column priority: expected yes or no, not \"maybe\"");
}

TEST(IssueTest, AWarningSaysSoFirst) {
  Issue issue = MakeIssue("folder.hidden-file", {".DS_Store", 0, ""});
  EXPECT_EQ(issue.ToString(), "warning: .DS_Store: not read: a hidden file");
}

TEST(IssueTest, MakeIssueThrowsOnACodeNotInTheCatalogue) {
  EXPECT_THROW(MakeIssue("csv.no-such-code", {"t.csv", 1, ""}), std::logic_error);
  EXPECT_THROW(MakeIssue("csv.field-count", {"t.csv", 1, ""}, {{"expected", "2"}}),
               std::logic_error);
}

}  // namespace
}  // namespace scorecard
