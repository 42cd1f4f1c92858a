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

}  // namespace
}  // namespace scorecard
