#include "io/csv.h"

#include <gtest/gtest.h>

namespace scorecard {
namespace {

CsvTable Parse(std::string_view text, Issues* issues) {
  return ParseCsv(std::string(text), "t.csv", issues);
}

// Row `r`'s fields, as text.
std::vector<std::string> Fields(const CsvTable& t, size_t r) {
  std::vector<std::string_view> f = t.Fields(t.rows.at(r));
  return {f.begin(), f.end()};
}

TEST(CsvTest, ReadsHeaderAndRows) {
  Issues issues;
  CsvTable t = Parse("Ref, Title\nCP 08b,Sickness\n", &issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(t.header, (std::vector<std::string>{"ref", "title"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Fields(t, 0), (std::vector<std::string>{"CP 08b", "Sickness"}));
  EXPECT_EQ(t.rows[0].line, 2);
}

TEST(CsvTest, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  Issues issues;
  CsvTable t = Parse("a,b\n\"x, y\",\"He said \"\"yes\"\"\nand left\"\nnext,row\n", &issues);
  EXPECT_TRUE(issues.empty());
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(Fields(t, 0)[0], "x, y");
  EXPECT_EQ(Fields(t, 0)[1], "He said \"yes\"\nand left");
  EXPECT_EQ(t.rows[1].line, 4);  // the row after a two-line field starts on line 4
}

TEST(CsvTest, AcceptsByteOrderMarkAndCrlf) {
  Issues issues;
  CsvTable t = Parse("\xEF\xBB\xBFref,value\r\nA,1\r\n\r\nB,2", &issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(t.header[0], "ref");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(Fields(t, 1)[1], "2");
}

TEST(CsvTest, TrimsUnquotedButNotQuotedFields) {
  Issues issues;
  CsvTable t = Parse("a,b\n  x  ,\"  y  \"\n", &issues);
  EXPECT_EQ(Fields(t, 0)[0], "x");
  EXPECT_EQ(Fields(t, 0)[1], "  y  ");
}

TEST(CsvTest, UnclosedQuoteNamesTheLineItOpened) {
  Issues issues;
  Parse("a,b\n1,\"never closed\n2,3\n", &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].ToString(),
            "t.csv:2: expected a closing quote for the field opened on line 2");
}

TEST(CsvTest, ReportsEveryRowWithTheWrongNumberOfFields) {
  Issues issues;
  Parse("a,b\n1\n1,2\n1,2,3\n", &issues);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].ToString(), "t.csv:2: expected 2 fields as in the header, found 1");
  EXPECT_EQ(issues[1].ToString(), "t.csv:4: expected 2 fields as in the header, found 3");
}

TEST(CsvTest, RejectsTextAfterAClosingQuote) {
  Issues issues;
  Parse("a\n\"x\"y\n", &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "expected a comma or a line end after a closing quote");
}

TEST(CsvTest, RejectsAQuoteInsideAnUnquotedField) {
  Issues issues;
  Parse("a\n5\" pipe\n", &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].ToString(),
            "t.csv:2: expected no quote (\") inside an unquoted field: wrap the field in quotes "
            "and write the quote twice (\"\")");
  EXPECT_EQ(issues[0].code, "csv.quote-in-field");
}

TEST(CsvTest, RejectsInvalidUtf8Once) {
  Issues issues;
  CsvTable t = Parse("a\n\xFF\xFE\n\xC0\n", &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].ToString(),
            "t.csv:2: expected text in UTF-8 (save the file as \"CSV UTF-8\")");
}

TEST(CsvTest, EmptyFileHasNoHeader) {
  Issues issues;
  Parse("", &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].ToString(), "t.csv: expected a header row naming the columns");
}

TEST(CsvTest, FieldQuotingRoundTrips) {
  // A trailing tab or no-break space must survive too (found by fuzz_csv).
  for (std::string s :
       {"plain", "a,b", "say \"hi\"", "two\nlines", " padded ", "tab\t", "nbsp\xC2\xA0"}) {
    Issues issues;
    CsvTable t = Parse("h\n" + CsvField(s) + "\n", &issues);
    ASSERT_TRUE(issues.empty()) << s;
    EXPECT_EQ(Fields(t, 0).at(0), s);
  }
}

}  // namespace
}  // namespace scorecard

namespace scorecard {
namespace {

TEST(CsvTest, AddedRowsAndReadRowsGiveTheirFields) {
  Issues issues;
  CsvTable t = ParseCsv("a,b\n\"x\"\"y\",2\n", "t.csv", &issues);
  t.AddRow(9, {"", "added"});
  t.AddRow(10, {"long field that is not in the file"});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.Field(t.rows[0], 0), "x\"y");
  EXPECT_EQ(t.Field(t.rows[1], 0), "");
  EXPECT_EQ(t.Field(t.rows[1], 1), "added");
  EXPECT_EQ(t.Field(t.rows[2], 0), "long field that is not in the file");
  EXPECT_EQ(t.Field(t.rows[2], 1), "");
  EXPECT_EQ(t.Field(t.rows[2], 7), "");  // beyond the header
  CsvTable copy = t;
  EXPECT_EQ(copy.Fields(copy.rows[0]), t.Fields(t.rows[0]));
  EXPECT_EQ(copy.Fields(copy.rows[2]), t.Fields(t.rows[2]));
}

}  // namespace
}  // namespace scorecard
