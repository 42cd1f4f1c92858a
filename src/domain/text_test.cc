#include "domain/text.h"

#include <gtest/gtest.h>

namespace scorecard {
namespace {

TEST(TextTest, ReadsNumbersAsCouncilsWriteThem) {
  EXPECT_EQ(ParseNumber("82.5"), 82.5);
  EXPECT_EQ(ParseNumber(" -3 "), -3);
  EXPECT_EQ(ParseNumber("17,931"), 17931);
  EXPECT_EQ(ParseNumber("1,234,567.5"), 1234567.5);
  EXPECT_EQ(ParseNumber("82.0%"), 82.0);
  EXPECT_EQ(ParseNumber("\xC2\xA3"
                        "850,000"),
            850000);
  EXPECT_EQ(ParseNumber("\xC2\xA3"
                        "1.37m"),
            1.37);
}

TEST(TextTest, RejectsWhatIsNotANumber) {
  for (const char* bad : {"", "lots", "1,23", "12,3456", "1.2.3", "--1", "1e999", "N/A", "5 days",
                          ",100", "1,000,00"}) {
    EXPECT_FALSE(ParseNumber(bad).has_value()) << bad;
  }
  EXPECT_EQ(ParseNumber("lots").error(), "a number such as 82.5 or 17,931, not \"lots\"");
}

TEST(TextTest, KeepsHowANumberWasWritten) {
  WrittenNumber n = *ParseWrittenNumber(
      "\xC2\xA3"
      "154,681.30");
  EXPECT_EQ(n.value, 154681.3);
  EXPECT_EQ(n.decimals, 2);
  EXPECT_TRUE(n.pounds);
  EXPECT_FALSE(n.percent);
  EXPECT_TRUE(ParseWrittenNumber("82.0%")->percent);
  EXPECT_EQ(ParseWrittenNumber("82.0%")->decimals, 1);
  EXPECT_TRUE(ParseWrittenNumber("\xC2\xA3"
                                 "1.37m")
                  ->millions);
  EXPECT_EQ(ParseWrittenNumber("17,931")->decimals, 0);
}

TEST(TextTest, RoundsHalfAwayFromZeroAsTheNumberReadsInDecimal) {
  EXPECT_EQ(FormatDecimal(2.675, 2), "2.68");  // the double is 2.67499999999999982...
  EXPECT_EQ(FormatDecimal(0.125, 2), "0.13");
  EXPECT_EQ(FormatDecimal(-0.125, 2), "-0.13");
  EXPECT_EQ(FormatDecimal(1.005, 2), "1.01");
  EXPECT_EQ(FormatDecimal(9.995, 2), "10.00");
  EXPECT_EQ(FormatDecimal(-0.004, 2), "0.00");
  EXPECT_EQ(FormatDecimal(11127609.699999999, 2, true), "11,127,609.70");
  EXPECT_EQ(FormatDecimal(44707871.700000003, 2, true), "44,707,871.70");
  EXPECT_EQ(FormatDecimal(154681.3, 2, true), "154,681.30");
  EXPECT_EQ(FormatDecimal(999.5, 0, true), "1,000");
  EXPECT_EQ(FormatDecimal(-1234567, 0, true), "-1,234,567");
  EXPECT_EQ(FormatDecimal(123, 0, true), "123");
  EXPECT_EQ(FormatDecimal(1e20, 1), "100000000000000000000.0");
}

TEST(TextTest, FormatsWithoutBinaryNoise) {
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(82), "82");
  EXPECT_EQ(FormatNumber(82, 1), "82.0");
  EXPECT_EQ(FormatNumber(-0.0000000001), "0");
}

}  // namespace
}  // namespace scorecard
