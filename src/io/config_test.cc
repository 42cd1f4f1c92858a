#include "io/config.h"

#include <gtest/gtest.h>

#include "domain/assessment.h"

namespace scorecard {
namespace {

Issues Read(std::string_view toml, Council* council) {
  Issues issues;
  ReadConfig(toml, "scorecard.toml", council, &issues);
  return issues;
}

std::string StatusOf(const Council& council, double actual, double target) {
  Council c = council;
  Measure m;
  m.ref = "M";
  c.measures.push_back(m);
  c.Index();
  ResolvedTarget t;
  t.value = target;
  return Assessor(c).StatusOf(c.measures[0], actual, t, nullptr).key;
}

// "Green on, above or within 5% of target, amber within 10%, red beyond": configuration alone.
TEST(ConfigTest, ACouncilsOwnRuleNeedsNoCodeChange) {
  Council council;
  Issues issues = Read(R"([organisation]
name = "Anytown Borough Council"
scheme = "ours"

[schemes.ours]
deviation = "relative"
bands = [
  { status = "green", label = "On target",   at_least = -0.05, symbol = "G" },
  { status = "amber", label = "Near target", at_least = -0.10, colour = "#ffdd00" },
  { status = "red",   label = "Off target" },
]
)",
                       &council);
  ASSERT_TRUE(issues.empty()) << issues[0].ToString();
  EXPECT_EQ(StatusOf(council, 120, 100), "green");
  EXPECT_EQ(StatusOf(council, 95, 100), "green");
  EXPECT_EQ(StatusOf(council, 94.9, 100), "amber");
  EXPECT_EQ(StatusOf(council, 90, 100), "amber");
  EXPECT_EQ(StatusOf(council, 89.9, 100), "red");
  EXPECT_EQ(council.schemes.at("ours").bands[0].status.symbol, "G");
}

TEST(ConfigTest, AbsoluteDeviationInTheMeasuresUnit) {
  Council council;
  ASSERT_TRUE(Read(R"([organisation]
name = "X"
scheme = "points"
[schemes.points]
deviation = "absolute"
bands = [ { status = "green", at_least = -1 }, { status = "red" } ]
)",
                   &council)
                  .empty());
  EXPECT_EQ(StatusOf(council, 79, 80), "green");
  EXPECT_EQ(StatusOf(council, 78.9, 80), "red");
}

TEST(ConfigTest, SpecialStatusesCanBeRelabelledAndFolded) {
  Council council;
  ASSERT_TRUE(Read(R"([organisation]
name = "X"
scheme = "s"
[schemes.s]
deviation = "relative"
bands = [ { status = "green", at_least = 0 }, { status = "red" } ]
[schemes.s.special]
not-due = { as = "not-available" }
not-available = { label = "Awaiting data", symbol = "#" }
)",
                   &council)
                  .empty());
  const StatusScheme& s = council.schemes.at("s");
  EXPECT_EQ(s.Special(SpecialStatus::kNotDue).key, "not-available");
  EXPECT_EQ(s.Special(SpecialStatus::kNotDue).label, "Awaiting data");
}

std::vector<std::string> Messages(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.ToString());
  return out;
}

TEST(ConfigTest, NamesEveryMistakeWithItsLine) {
  Council council;
  auto messages = Messages(Read(R"([organisation]
name = "X"
scheme = "missing"
colour = "blue"

[schemes.bad]
deviation = "sideways"
bands = [
  { status = "green" },
  { status = "amber", at_least = 0.1 },
  { status = "red", above = -0.1 },
]
)",
                                &council));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "scorecard.toml:4: column organisation.colour: unknown key; expected one "
                          "of name, code, scheme, action_scheme, reporting_period, forecast",
                          "scorecard.toml:7: column schemes.bad.deviation: expected \"relative\" "
                          "or \"absolute\"",
                          "scorecard.toml:8: column schemes.bad.bands: band 1 (\"green\") needs a "
                          "bound (above or at_least): only the last band has none",
                          "scorecard.toml:3: column organisation.scheme: expected a scheme defined "
                          "under [schemes.missing] or a built-in one (derby-2012, derby-2021, "
                          "rotherham-2017), not \"missing\"",
                      }));
}

TEST(ConfigTest, BandsMustRunFromBestToWorst) {
  Council council;
  auto messages = Messages(Read(R"([organisation]
name = "X"
scheme = "s"
[schemes.s]
deviation = "relative"
bands = [ { status = "amber", at_least = -0.1 }, { status = "green", at_least = 0 }, { status = "red" } ]
)",
                                &council));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "scorecard.toml:6: column schemes.s.bands: bands must run from best to "
            "worst: band 2 (\"green\") has a higher bound than the band before it");
}

TEST(ConfigTest, InvalidTomlIsLocated) {
  Council council;
  auto messages = Messages(Read("[organisation]\nname = \"X\nscheme = 3\n", &council));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].substr(0, 35), "scorecard.toml:2: expected valid TO");
}

// A bound that is not a whole number, or is out of range, is an error, never a cast (fuzz_toml).
TEST(ConfigTest, RiskBandBoundsAreWholeNumbers) {
  Council council;
  auto messages = Messages(Read(R"([organisation]
name = "X"
scheme = "derby-2012"
[risk]
bands = [ { band = "high", at_least = inf }, { band = "medium", at_least = 6.5 }, { band = "low" } ]
)",
                                &council));
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("risk.bands"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("expected a whole number"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("expected a whole number"), std::string::npos) << messages[1];
}

// Each issue as printed, with its code first: "config.code scorecard.toml:2: ...".
std::vector<std::string> CodesAndMessages(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.code + " " + i.ToString());
  return out;
}

TEST(ConfigTest, TheOrganisationsMistakesHaveCodes) {
  Council council;
  EXPECT_EQ(CodesAndMessages(Read(R"([organisation]
code = "Derby City"
scheme = 3
reporting_period = "Q5"
colour = "blue"
)",
                                  &council)),
            (std::vector<std::string>{
                "config.unknown-key scorecard.toml:5: column organisation.colour: unknown key; "
                "expected one of name, code, scheme, action_scheme, reporting_period, forecast",
                "config.no-name scorecard.toml:1: column organisation.name: expected this "
                "required key",
                "config.not-string scorecard.toml:3: column organisation.scheme: expected a "
                "string in quotes",
                "config.period scorecard.toml:4: column organisation.reporting_period: expected "
                "a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
                "not \"Q5\"",
                "config.code scorecard.toml:2: column organisation.code: expected lower-case "
                "letters, digits and hyphens only",
            }));
}

TEST(ConfigTest, NoOrganisationAndSchemesThatAreNotATable) {
  Council council;
  EXPECT_EQ(CodesAndMessages(Read("schemes = 3\n", &council)),
            (std::vector<std::string>{
                "config.no-organisation scorecard.toml: column organisation: expected an "
                "[organisation] table",
                "config.schemes scorecard.toml:1: column schemes: expected a table of schemes "
                "([schemes.NAME])",
            }));
}

TEST(ConfigTest, ASchemesMistakesHaveCodes) {
  Council council;
  EXPECT_EQ(CodesAndMessages(Read(R"([organisation]
name = "X"
scheme = "derby-2012"
[schemes]
a = 3
[schemes.b]
dot = "sideways"
bands = [ { status = "green", above = 0.1, at_least = 0 }, { label = "Red" }, 1 ]
[schemes.c]
deviation = "absolute"
bands = []
[schemes.d]
deviation = "relative"
bands = [ { status = "green", at_least = 0 }, { status = "red", at_least = -0.1 } ]
[schemes.e]
deviation = "relative"
bands = [ { status = "green", at_least = 0 }, { status = "not-due", at_least = -0.1 }, { status = "red" } ]
[schemes.f]
deviation = "relative"
bands = [ { status = "green", at_least = 0 }, { status = "green" } ]
[schemes.g]
deviation = "relative"
stable_within = true
)",
                                  &council)),
            (std::vector<std::string>{
                "config.scheme-not-table scorecard.toml:5: column schemes.a: expected a table",
                "config.no-deviation scorecard.toml:6: column schemes.b.deviation: expected this "
                "required key",
                "config.dot scorecard.toml:7: column schemes.b.dot: expected a "
                "direction-of-travel basis: previous-period, previous-report, "
                "same-period-last-year or last-year-outturn",
                "config.band-both-bounds scorecard.toml:8: column schemes.b.bands[1]: expected "
                "either above or at_least, not both",
                "config.no-band-status scorecard.toml:8: column schemes.b.bands[2].status: "
                "expected this required key",
                "config.band scorecard.toml:8: column schemes.b.bands[3]: expected a band such as "
                "{ status = \"green\", label = \"On target\", at_least = 0.0 }",
                "config.band-no-status scorecard.toml:8: column schemes.b.bands: band 2 needs a "
                "status key",
                "config.no-band scorecard.toml:9: column schemes.c.bands: expected at least one "
                "band",
                "config.last-band-bound scorecard.toml:14: column schemes.d.bands: the last band "
                "(\"red\") must have no bound",
                "config.band-special-status scorecard.toml:17: column schemes.e.bands: band 2 "
                "uses the special status key \"not-due\"",
                "config.status-twice scorecard.toml:20: column schemes.f.bands: status \"green\" "
                "is given to two bands",
                "config.not-number scorecard.toml:23: column schemes.g.stable_within: expected a "
                "number",
                "config.bands scorecard.toml:21: column schemes.g.bands: expected an array of "
                "bands, best first",
            }));
}

TEST(ConfigTest, SpecialStatusesActionRatingsAndRiskBandsMistakesHaveCodes) {
  Council council;
  EXPECT_EQ(CodesAndMessages(Read(R"([organisation]
name = "X"
scheme = "s"
[schemes.s]
deviation = "relative"
bands = [ { status = "green", at_least = 0 }, { status = "red" } ]
[schemes.s.special]
late = { label = "Late" }
not-due = { as = "later" }
[action_ratings]
great = { label = "Great" }
[risk]
bands = [ "high", { label = "Low" }, { band = "x", at_least = "12" } ]
)",
                                  &council)),
            (std::vector<std::string>{
                "config.special scorecard.toml:8: column schemes.s.special.late: expected a "
                "special status (no-target, baseline, tbc, under-development, not-available, "
                "not-due) = { label = \"...\", symbol = \"...\" } or { as = \"...\" }",
                "config.special-as scorecard.toml:7: column schemes.s.special.not-due.as: "
                "expected another special status to fold into",
                "config.action-rating scorecard.toml:11: column action_ratings.great: expected a "
                "rating key (completed, on-track, some-slippage, needs-attention, "
                "major-slippage, aborted, not-rated, not-due) = { label = \"...\" }",
                "config.risk-band scorecard.toml:13: column risk.bands: expected { band = "
                "\"high\", label = \"High\", at_least = 12 }",
                "config.no-risk-band scorecard.toml:13: column risk.bands.band: expected this "
                "required key",
                "config.not-number scorecard.toml:13: column risk.bands.at_least: expected a "
                "number",
            }));
}

TEST(ConfigTest, InvalidTomlKeepsTheParsersWordsAndColumn) {
  Council council;
  Issues issues = Read("[organisation]\nname = \"X\nscheme = 3\n", &council);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "config.toml");
  EXPECT_EQ(issues[0].message,
            "expected valid TOML: " + std::string(issues[0].Param("description")) + " (column " +
                std::string(issues[0].Param("column")) + ")");
  EXPECT_FALSE(issues[0].Param("description").empty());
}

}  // namespace
}  // namespace scorecard
