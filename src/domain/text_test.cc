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

TEST(TextTest, FormatsWithoutBinaryNoise) {
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(82), "82");
  EXPECT_EQ(FormatNumber(82, 1), "82.0");
  EXPECT_EQ(FormatNumber(-0.0000000001), "0");
}

}  // namespace
}  // namespace scorecard
