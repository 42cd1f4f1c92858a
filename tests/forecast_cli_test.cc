// Forecasts as a user sees them: a cumulative percentage's forecast never passes 100%, and a
// council turns computed forecasts off with [organisation] forecast = "none".

#include <gtest/gtest.h>

#include <sstream>

#include "cli_support.h"

namespace scorecard {
namespace {

constexpr const char* kToml =
    "[organisation]\n"
    "name = \"Anytown Borough Council\"\n"
    "code = \"anytown\"\n"
    "scheme = \"derby-2012\"\n"
    "reporting_period = \"2017/18 Q2\"\n";

// Council tax collected has only a year-end target, so its trend is used (never pro rata: it is
// a percentage): 29% then 56% runs to 110% by March. Business rates are on a quarterly profile:
// 57% against 55% scales the year's 98% to 101.6%.
void WriteCollectionRates(const TempFolder& f, const std::string& toml = kToml) {
  f.Write("scorecard.toml", toml);
  f.Write("measures.csv",
          "ref,title,unit,polarity,frequency,accumulation\n"
          "CT,Council tax collected,%,higher,quarterly,cumulative\n"
          "NDR,Business rates collected,%,higher,quarterly,cumulative\n");
  f.Write("targets.csv",
          "ref,period,target\nCT,2017/18,97.0\nNDR,2017/18 Q1,28.0\nNDR,2017/18 Q2,55.0\n"
          "NDR,2017/18,98.0\n");
  f.Write("values.csv",
          "ref,period,value,forecast\nCT,2017/18 Q1,29.0,\nCT,2017/18 Q2,56.0,\n"
          "NDR,2017/18 Q1,30.0,\nNDR,2017/18 Q2,57.0,\n");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The lines of `text` from the one starting with `first`, `count` of them.
std::vector<std::string> LinesFrom(const std::string& text, const std::string& first,
                                   size_t count) {
  std::vector<std::string> all = Lines(text);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].starts_with(first)) {
      return {all.begin() + static_cast<std::ptrdiff_t>(i),
              all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), i + count))};
    }
  }
  return {};
}

TEST(ForecastCliTest, ACumulativePercentagesForecastNeverPassesOneHundred) {
  TempFolder f;
  WriteCollectionRates(f);
  CliResult r = Scorecard("assess " + f.path());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(LinesFrom(r.out, "ref  ", 3),
            (std::vector<std::string>{
                "ref  period      value  target  status       dot       forecast    "
                "forecast_status  title",
                "CT   2017/18 Q2  56.0%          \xE2\x80\x93 no-target  improved  100.0% (c)  "
                "\xE2\x98\x85 blue           Council tax collected",
                "NDR  2017/18 Q2  57.0%  55.0%   \xE2\x98\x85 blue       improved  100.0% (c)  "
                "\xE2\x98\x85 blue           Business rates collected",
            }))
      << r.out;

  CliResult ct = Scorecard("assess " + f.path() + " --explain CT");
  ASSERT_EQ(ct.exit_code, 0) << ct.out;
  EXPECT_EQ(LinesFrom(ct.out, "  forecast for", 2),
            (std::vector<std::string>{
                "  forecast for 2017/18: 100.0% (method trend)",
                "    least-squares trend over 2 figures this year, at the year end, giving "
                "110.0%, held at the maximum of 100.0%",
            }))
      << ct.out;
  CliResult ndr = Scorecard("assess " + f.path() + " --explain NDR");
  EXPECT_EQ(LinesFrom(ndr.out, "  forecast for", 2),
            (std::vector<std::string>{
                "  forecast for 2017/18: 100.0% (method profile)",
                "    on profile: 57.0% against the 2017/18 Q2 target of 55.0% scales the 2017/18 "
                "target of 98.0%, giving 101.6%, held at the maximum of 100.0%",
            }))
      << ndr.out;
}

TEST(ForecastCliTest, ForecastNoneTurnsComputedForecastsOffAndKeepsTheOfficers) {
  TempFolder f;
  WriteCollectionRates(f, std::string(kToml) + "forecast = \"none\"\n");
  f.Write("values.csv",
          "ref,period,value,forecast\nCT,2017/18 Q1,29.0,\nCT,2017/18 Q2,56.0,\n"
          "NDR,2017/18 Q1,30.0,\nNDR,2017/18 Q2,57.0,97.5\n");
  CliResult r = Scorecard("assess " + f.path());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(LinesFrom(r.out, "ref  ", 3),
            (std::vector<std::string>{
                "ref  period      value  target  status       dot       forecast  "
                "forecast_status  title",
                "CT   2017/18 Q2  56.0%          \xE2\x80\x93 no-target  improved            "
                "\xE2\x96\xA0 not-available  Council tax collected",
                "NDR  2017/18 Q2  57.0%  55.0%   \xE2\x98\x85 blue       improved  97.5%     "
                "! amber          Business rates collected",
            }))
      << r.out;
  CliResult ct = Scorecard("assess " + f.path() + " --explain CT");
  EXPECT_EQ(LinesFrom(ct.out, "  forecast", 4),
            (std::vector<std::string>{
                "  forecast for 2017/18: none (method none)",
                "    the officer gave none, and none is computed (forecast method none)",
                "  forecast status: not-available (Information not yet available)",
                "    because no forecast for 2017/18: the officer gave none, and none is computed "
                "(forecast method none)",
            }))
      << ct.out;
}

TEST(ForecastCliTest, ForecastNoneOnASeedLeavesOnlyTheOfficersForecasts) {
  TempFolder f;
  CopySeed("derby-2021-q2", f.path());
  std::string toml = f.Read("scorecard.toml");
  toml.replace(toml.find("[organisation]\n"), 15, "[organisation]\nforecast = \"none\"\n");
  f.Write("scorecard.toml", toml);
  SplitResult r = ScorecardSplit("assess " + f.path() + " --format csv");  // warnings apart
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_GT(lines.size(), 40u);
  int officers = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    // ref,period,value,target,status,dot,forecast,forecast_status,forecast_computed,...
    std::vector<std::string> fields;
    std::istringstream row(lines[i]);
    for (std::string field; fields.size() < 9 && std::getline(row, field, ',');) {
      fields.push_back(field);
    }
    ASSERT_EQ(fields.size(), 9u) << lines[i];
    EXPECT_EQ(fields[8], "no") << "a computed forecast: " << lines[i];
    officers += !fields[6].empty();
    if (fields[0] == "OR-M06") {
      EXPECT_EQ(fields[6], "10.8") << "its officer's forecast";
    }
  }
  EXPECT_GT(officers, 0) << "the officers' forecasts are kept";
}

TEST(ForecastCliTest, ProRataOnAPercentageIsRefusedWhereItIsAsked) {
  TempFolder f;
  WriteCollectionRates(f);
  f.Write("measures.csv",
          "ref,title,unit,polarity,frequency,accumulation,forecast\n"
          "CT,Council tax collected,%,higher,quarterly,cumulative,pro-rata\n"
          "NDR,Business rates collected,%,higher,quarterly,cumulative,\n");
  CliResult r = Scorecard("check " + f.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("/measures.csv:2: column forecast: expected a forecast method that suits "
                       "CT: pro rata scales a year-to-date total to the year, and CT is a "
                       "percentage\n"),
            std::string::npos)
      << r.out;
}

TEST(ForecastCliTest, TheMethodAndBoundsAreStoredAndExported) {
  TempFolder f;
  WriteCollectionRates(f, std::string(kToml) + "forecast = \"latest\"\n");
  f.Write("measures.csv",
          "ref,title,unit,polarity,frequency,accumulation,forecast,min,max\n"
          "CT,Council tax collected,%,higher,quarterly,cumulative,trend,,none\n"
          "NDR,Business rates collected,%,higher,quarterly,cumulative,,10.0,\n");
  TempFolder store;
  std::string db = " --db sqlite:" + store.path() + "/t.db";
  CliResult imported = Scorecard("import " + f.path() + " --org anytown" + db);
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  CliResult stored = Scorecard("assess --org anytown" + db + " --explain CT");
  EXPECT_EQ(LinesFrom(stored.out, "  forecast for", 2),
            (std::vector<std::string>{
                "  forecast for 2017/18: 110.0% (method trend)",
                "    least-squares trend over 2 figures this year, at the year end",
            }))
      << stored.out;
  ASSERT_EQ(Scorecard("export " + store.path() + "/out --org anytown" + db).exit_code, 0);
  EXPECT_EQ(store.Read("out/measures.csv"),
            "ref,title,unit,polarity,frequency,node,parent,scheme,decimals,accumulation,year,lag,"
            "dot,owner,director,directorate,portfolio,priority,description,order,rollup,forecast,"
            "min,max\n"
            "CT,Council tax collected,%,higher,quarterly,,,,,cumulative,,,,,,,,,,,,trend,,none\n"
            "NDR,Business rates collected,%,higher,quarterly,,,,,cumulative,,,,,,,,,,,,,10.0,\n");
  EXPECT_NE(store.Read("out/scorecard.toml").find("forecast = \"latest\""), std::string::npos);
}

}  // namespace
}  // namespace scorecard
