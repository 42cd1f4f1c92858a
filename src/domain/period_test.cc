#include "domain/period.h"

#include <gtest/gtest.h>

#include "domain/measure.h"

namespace scorecard {
namespace {

// The spellings and the current-period rule are cases in tests/rules/; these are the rest.

TEST(PeriodTest, OrdersByEndThenLongestLast) {
  Period q4 = Period::Quarter(2017, 4), year = Period::FinancialYear(2017),
         mar = Period::Month(2018, 3);
  EXPECT_LT(q4, year);
  EXPECT_LT(mar, q4);
  EXPECT_LT(Period::Quarter(2017, 3), mar);
}

TEST(PeriodTest, PreviousNextAndLastYear) {
  EXPECT_EQ(Period::Quarter(2017, 1).Previous(), Period::Quarter(2016, 4));
  EXPECT_EQ(Period::Quarter(2016, 4).Next(), Period::Quarter(2017, 1));
  EXPECT_EQ(Period::Month(2017, 1).Previous(), Period::Month(2016, 12));
  EXPECT_EQ(Period::Term(2017, 1).Previous(), Period::Term(2016, 3));
  EXPECT_EQ(Period::Quarter(2017, 2).SameLastYear(), Period::Quarter(2016, 2));
  EXPECT_EQ(Period::Day(Date::FromCivil(2016, 2, 29)).SameLastYear(),
            Period::Day(Date::FromCivil(2015, 2, 28)));
}

TEST(PeriodTest, FrequencyAndLagSpellings) {
  EXPECT_EQ(ParseFrequency("Q"), Frequency::kQuarterly);
  EXPECT_EQ(ParseFrequency("Six-monthly"), Frequency::kHalfYearly);
  EXPECT_EQ(ParseFrequency("bi-annual"), Frequency::kBiennial);
  EXPECT_FALSE(ParseFrequency("fortnightly").has_value());
  EXPECT_EQ(ParseLag("1 quarter"), 3);
  EXPECT_EQ(ParseLag("2 months"), 2);
  EXPECT_FALSE(ParseLag("a while").has_value());
}

}  // namespace
}  // namespace scorecard
