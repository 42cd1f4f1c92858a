#include "io/canonical.h"

#include <gtest/gtest.h>

#include "io/csv.h"

namespace scorecard {
namespace {

const TableSpec& Values() {
  for (const TableSpec& s : InterchangeTables()) {
    if (s.name == "values") return s;
  }
  throw std::logic_error("no values table");
}

TEST(CanonicalTest, RowsComeInSpecOrderWithoutTrailingEmptyFields) {
  Issues issues;
  CsvTable table = ParseCsv(
      "note,value,period,ref\n,12.50,2017/18 q2,PI 1\nchecked,,2017-18 Q3,PI 1\n"
      ",\"\xC2\xA3"
      "154,681.30\",2017/18 Q4,PI 1\n",
      "values.csv", &issues);
  ASSERT_TRUE(issues.empty());
  std::vector<Row> rows = CanonicalRows(table, Values());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{"PI 1", "2017/18 Q2", "12.50"}));  // the places it was given with
  EXPECT_EQ(rows[2], (Row{"PI 1", "2017/18 Q4", "154681.30"}));
  ASSERT_EQ(rows[1].size(), Values().columns().size());
  EXPECT_EQ(rows[1].front(), "PI 1");
  EXPECT_EQ(rows[1][2], "");
  EXPECT_EQ(rows[1].back(), "checked");

  // Written out, every row has every column.
  std::string text = CsvText(Values(), rows);
  EXPECT_NE(text.find("\nPI 1,2017/18 Q2,12.50,,,,,,,,,,,\n"), std::string::npos) << text;
}

TEST(CanonicalTest, SameFieldsCountsMissingTrailingFieldsAsEmpty) {
  EXPECT_TRUE(SameFields({"a", "b"}, {"a", "b", "", ""}));
  EXPECT_TRUE(SameFields({"a", "b", ""}, {"a", "b"}));
  EXPECT_TRUE(SameFields({}, {"", ""}));
  EXPECT_FALSE(SameFields({"a", "b"}, {"a", "b", "c"}));
  EXPECT_FALSE(SameFields({"a", "b", "c"}, {"a", "b"}));
  EXPECT_FALSE(SameFields({"a", "x"}, {"a", "b", ""}));
}

}  // namespace
}  // namespace scorecard
