// The readers of a measure's forecast method and bounds (measures.csv forecast, min and max;
// scorecard.toml [organisation] forecast), and of figures beyond the bounds (values.csv).

#include <gtest/gtest.h>

#include <cmath>

#include "io/config.h"
#include "io/folder.h"

namespace scorecard {
namespace {

MemoryFileSource Folder(std::string measures, std::string values = "") {
  MemoryFileSource f;
  f.files["scorecard.toml"] =
      "[organisation]\nname = \"Test Council\"\nscheme = \"derby-2012\"\n"
      "reporting_period = \"2017/18 Q2\"\n";
  f.files["measures.csv"] = std::move(measures);
  if (!values.empty()) f.files["values.csv"] = std::move(values);
  return f;
}

std::vector<std::string> Messages(const std::expected<Council, Issues>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const Issue& i : r.error()) out.push_back(i.ToString());
  }
  return out;
}

std::vector<std::string> Codes(const std::expected<Council, Issues>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const Issue& i : r.error()) out.push_back(i.code);
  }
  return out;
}

TEST(ForecastSettingsTest, ReadsMethodsAndBounds) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,accumulation,forecast,min,max\n"
                        "M1,Council tax collected,%,higher,quarterly,cumulative,Profile,,\n"
                        "M2,Visitors,count,higher,quarterly,,pro-rata,0,\"1,000\"\n"
                        "M3,Change in visitors,%,higher,quarterly,,officer,none,none\n"
                        "M4,Days lost,days,lower,quarterly,average,,,\n"));
  ASSERT_TRUE(council.has_value()) << testing::PrintToString(Messages(council));
  const std::vector<Measure>& m = council->measures;
  EXPECT_EQ(m[0].forecast, ForecastMethod::kProfile);
  EXPECT_EQ(m[0].Minimum(), 0.0);
  EXPECT_EQ(m[0].Maximum(), 100.0);
  EXPECT_EQ(m[1].forecast, ForecastMethod::kProRata);
  EXPECT_EQ(m[1].Minimum(), 0.0);
  EXPECT_EQ(m[1].Maximum(), 1000.0);
  EXPECT_EQ(m[2].forecast, ForecastMethod::kNone);
  EXPECT_TRUE(std::isinf(*m[2].min) && std::isinf(*m[2].max));
  EXPECT_EQ(m[2].Minimum(), std::nullopt);
  EXPECT_EQ(m[2].Maximum(), std::nullopt);
  EXPECT_EQ(m[3].forecast, std::nullopt);
  EXPECT_EQ(m[3].Minimum(), std::nullopt);
  EXPECT_EQ(m[3].Maximum(), std::nullopt);
}

TEST(ForecastSettingsTest, RejectsAnUnknownMethod) {
  auto council = ReadFolder(Folder(
      "ref,title,unit,polarity,frequency,forecast\nM1,Visitors,count,higher,quarterly,prorata\n"));
  EXPECT_EQ(Messages(council),
            std::vector<std::string>{
                "measures.csv:2: column forecast: expected a forecast method: none, pro-rata, "
                "profile, trend or latest (officer is another name for none), not \"prorata\""});
  EXPECT_EQ(Codes(council), std::vector<std::string>{"measures.forecast"});
}

TEST(ForecastSettingsTest, RejectsProRataForAPercentageARateAnAverageAndALevel) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,accumulation,forecast\n"
                        "M1,Council tax collected,%,higher,quarterly,cumulative,pro-rata\n"
                        "M2,Placements,\"per 100,000\",lower,quarterly,cumulative,pro-rata\n"
                        "M3,Days to process,days,lower,quarterly,average,pro-rata\n"
                        "M4,Households in B&B,count,lower,monthly,snapshot,pro-rata\n"
                        "M5,Visitors,count,higher,quarterly,cumulative,pro-rata\n"));
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "measures.csv:2: column forecast: expected a forecast method that suits M1: pro "
                "rata scales a year-to-date total to the year, and M1 is a percentage",
                "measures.csv:3: column forecast: expected a forecast method that suits M2: pro "
                "rata scales a year-to-date total to the year, and M2 is a rate (per 100,000)",
                "measures.csv:4: column forecast: expected a forecast method that suits M3: pro "
                "rata scales a year-to-date total to the year, and M3 is an average",
                "measures.csv:5: column forecast: expected a forecast method that suits M4: pro "
                "rata scales a year-to-date total to the year, and M4 is a snapshot (a level at "
                "the period's end)",
            }));
  EXPECT_EQ(Codes(council), std::vector<std::string>(4, "measures.forecast-pro-rata"));
}

TEST(ForecastSettingsTest, RejectsAMethodOnAParentThatRollsUpItsParts) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,parent,rollup,forecast\n"
                        "P,Licensing,%,higher,quarterly,,worst,trend\n"
                        "P(a),Part a,%,higher,quarterly,P,,trend\n"
                        "Q,Own figure,%,higher,quarterly,,own,latest\n"
                        "Q(a),Part a,%,higher,quarterly,Q,,\n"));
  EXPECT_EQ(Messages(council),
            std::vector<std::string>{
                "measures.csv:2: column forecast: expected no forecast method on P, which rolls "
                "up its parts (worst): its parts are forecast, not it"});
  EXPECT_EQ(Codes(council), std::vector<std::string>{"measures.forecast-rollup"});
}

TEST(ForecastSettingsTest, RejectsSettingsATextMeasureCannotUse) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,forecast,min,max\n"
                        "T1,Audit opinion,text,none,annual,none,,\n"
                        "T2,Audit opinion,text,none,annual,trend,0,\n"));
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "measures.csv:3: column forecast: expected no forecast for a text measure: its "
                "figures are words",
                "measures.csv:3: column min: expected no min for a text measure: its figures are "
                "words",
            }));
  EXPECT_EQ(Codes(council), std::vector<std::string>(2, "measures.text-setting"));
}

TEST(ForecastSettingsTest, RejectsBoundsThatLeaveNoRoom) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,min,max\n"
                        "M1,Collected,%,higher,quarterly,100,\n"
                        "M2,Visitors,count,higher,quarterly,50,20\n"
                        "M3,Change,%,higher,quarterly,,-5\n"
                        "M4,Spend,\xC2\xA3m,lower,quarterly,,12.5%\n"
                        "M5,Days,days,lower,quarterly,few,\n"));
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "measures.csv:2: column min: expected a min below the max: min 100%, max 100%",
                "measures.csv:3: column min: expected a min below the max: min 50, max 20",
                "measures.csv:4: column max: expected a min below the max: min 0%, max -5%",
                "measures.csv:5: column max: expected a figure in M4's unit (\xC2\xA3m), not a "
                "percentage: \"12.5%\"",
                "measures.csv:6: column min: expected a min in the measure's unit, or none for "
                "no bound, not \"few\"",
            }));
  EXPECT_EQ(Codes(council), (std::vector<std::string>{
                                "measures.bounds-order", "measures.bounds-order",
                                "measures.bounds-order", "values.percent-unit", "measures.bound"}));
}

TEST(ForecastSettingsTest, RejectsFiguresAndForecastsBeyondTheBounds) {
  auto council =
      ReadFolder(Folder("ref,title,unit,polarity,frequency,min,max\n"
                        "M1,Collected,%,higher,quarterly,,\n"
                        "M2,Visitors,count,higher,quarterly,0,\n"
                        "M3,Change,%,higher,quarterly,none,none\n"
                        "M4,Days,days,lower,quarterly,,30\n",
                        "ref,period,value,forecast\n"
                        "M1,2017/18 Q1,105,\n"
                        "M1,2017/18 Q2,97,101%\n"
                        "M2,2017/18 Q2,-3,\n"
                        "M3,2017/18 Q2,-40,150\n"
                        "M4,2017/18 Q2,12,31.5\n"));
  EXPECT_EQ(Messages(council),
            (std::vector<std::string>{
                "values.csv:2: column value: expected a figure from 0% to 100% (the bounds of "
                "M1), not \"105\"",
                "values.csv:3: column forecast: expected a forecast from 0% to 100% (the bounds "
                "of M1), not \"101%\"",
                "values.csv:4: column value: expected a figure of at least 0 (the bounds of M2), "
                "not \"-3\"",
                "values.csv:6: column forecast: expected a forecast of at most 30 days (the "
                "bounds of M4), not \"31.5\"",
            }));
  EXPECT_EQ(Codes(council), std::vector<std::string>(4, "values.out-of-bounds"));
}

Issues ReadToml(std::string_view toml, Council* council) {
  Issues issues;
  ReadConfig(toml, "scorecard.toml", council, &issues);
  return issues;
}

TEST(ForecastSettingsTest, ReadsTheCouncilsDefaultMethod) {
  Council council;
  Issues issues = ReadToml(
      "[organisation]\nname = \"X\"\nscheme = \"derby-2012\"\nforecast = \"none\"\n", &council);
  EXPECT_TRUE(issues.empty()) << issues.front().ToString();
  EXPECT_EQ(council.organisation.forecast, ForecastMethod::kNone);
  Council automatic;
  EXPECT_TRUE(
      ReadToml("[organisation]\nname = \"X\"\nscheme = \"derby-2012\"\n", &automatic).empty());
  EXPECT_EQ(automatic.organisation.forecast, std::nullopt);
}

TEST(ForecastSettingsTest, RejectsAnUnknownDefaultMethod) {
  Council council;
  Issues issues = ReadToml(
      "[organisation]\nname = \"X\"\nscheme = \"derby-2012\"\nforecast = \"pro rata\"\n", &council);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].ToString(),
            "scorecard.toml:4: column organisation.forecast: expected a forecast method: none, "
            "pro-rata, profile, trend or latest (officer is another name for none), not \"pro "
            "rata\"");
  EXPECT_EQ(issues[0].code, "config.forecast");
  Issues not_text =
      ReadToml("[organisation]\nname = \"X\"\nscheme = \"derby-2012\"\nforecast = 3\n", &council);
  ASSERT_EQ(not_text.size(), 1u);
  EXPECT_EQ(not_text[0].ToString(),
            "scorecard.toml:4: column organisation.forecast: expected a string in quotes");
}

}  // namespace
}  // namespace scorecard
