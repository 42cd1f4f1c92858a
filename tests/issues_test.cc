// The catalogue of issues against the code that uses it and the page that documents it: every
// code the sources name is in the catalogue, and docs/interchange.md holds the table that
// `scorecard issues` prints.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "domain/issue.h"

namespace scorecard {
namespace {

std::filesystem::path SourceDir() {
  const char* root = std::getenv("SCORECARD_SOURCE_DIR");
  return root ? root : ".";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The string literals of C++ source, outside comments, and those that are the first argument of
// MakeIssue (a code, or a choice of codes). Enough of C++ for our sources: escapes, character
// literals, digit separators (5'000'000), raw strings.
struct Literals {
  std::vector<std::string> all;
  std::vector<std::string> codes;  // in MakeIssue's first argument
};

Literals ScanLiterals(const std::string& s) {
  Literals out;
  int depth = -1;  // inside MakeIssue's parentheses: their depth; else -1
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      continue;
    }
    if (s.compare(i, 2, "/*") == 0) {
      i = s.find("*/", i);
      i = i == std::string::npos ? i : i + 2;
      continue;
    }
    if (s.compare(i, 2, "R\"") == 0 &&
        (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
      size_t open = s.find('(', i);
      std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      size_t end = s.find(close, open);
      out.all.push_back(s.substr(open + 1, end - open - 1));
      i = end + close.size();
      continue;
    }
    bool digit_separator =
        s[i] == '\'' && i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]));
    if ((s[i] == '"' || s[i] == '\'') && !digit_separator) {
      char quote = s[i];
      std::string text;
      for (++i; i < s.size() && s[i] != quote; ++i) {
        if (s[i] == '\\') ++i;
        text += s[i];
      }
      ++i;
      if (quote == '"') {
        out.all.push_back(text);
        if (depth >= 0) out.codes.push_back(text);
      }
      continue;
    }
    if (s.compare(i, 10, "MakeIssue(") == 0) {
      depth = 0;
      i += 10;
      continue;
    }
    if (depth >= 0) {
      if (s[i] == '(' || s[i] == '{' || s[i] == '[') ++depth;
      if (s[i] == ')' || s[i] == '}' || s[i] == ']') --depth;
      if (depth < 0 || (depth == 0 && s[i] == ',')) depth = -1;
    }
    ++i;
  }
  return out;
}

std::set<std::string> CatalogueCodes() {
  std::set<std::string> codes;
  for (const IssueText& t : IssueCatalogue()) codes.emplace(t.code);
  return codes;
}

// A literal that reads as a code of one of the catalogue's areas ("workbook.formula"), as
// opposed to a file's name ("values.csv") or a TOML key ("organisation.code").
bool LooksLikeCode(const std::string& text, const std::set<std::string>& areas) {
  static const std::regex shape("([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)");
  static const std::set<std::string> extensions = {"csv", "toml", "xlsx", "xml",  "rels", "md",
                                                   "db",  "json", "txt",  "html", "pdf",  "css"};
  std::smatch m;
  return std::regex_match(text, m, shape) && areas.contains(m[1]) && !extensions.contains(m[2]);
}

TEST(IssueCodesTest, TheScannerFindsMakeIssuesCodesAndSkipsComments) {
  Literals l = ScanLiterals(
      "// MakeIssue(\"in.comment\")\n"
      "x = MakeIssue(a ? \"csv.one\" : \"csv.two\", {f, 0, \"c\"}, {{\"k\", \"v\"}});\n"
      "y = R\"(MakeIssue(\"raw.text\"))\"; z = '\"'; w = Problem{\"csv.three\", {}};\n");
  EXPECT_EQ(l.codes, (std::vector<std::string>{"csv.one", "csv.two"}));
  EXPECT_EQ(l.all, (std::vector<std::string>{"csv.one", "csv.two", "c", "k", "v",
                                             "MakeIssue(\"raw.text\")", "csv.three"}));
}

// A misspelt code would otherwise throw when the issue is first made, perhaps in front of a user.
TEST(IssueCodesTest, EveryCodeTheSourcesNameIsInTheCatalogue) {
  std::set<std::string> codes = CatalogueCodes();
  std::set<std::string> areas;
  for (const std::string& c : codes) areas.insert(c.substr(0, c.find('.')));
  size_t made = 0, named = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() / "src")) {
    std::string ext = entry.path().extension().string();
    // The catalogue itself, and its tests, which name a code that is not in it on purpose.
    std::string name = entry.path().filename().string();
    if (name == "issue_catalogue.cc" || name == "issue_test.cc" || (ext != ".cc" && ext != ".h")) {
      continue;
    }
    Literals l = ScanLiterals(ReadFile(entry.path()));
    for (const std::string& code : l.codes) {
      ++made;
      EXPECT_TRUE(codes.contains(code)) << entry.path() << ": MakeIssue(\"" << code << "\")";
    }
    for (const std::string& text : l.all) {
      if (!LooksLikeCode(text, areas)) continue;
      ++named;
      EXPECT_TRUE(codes.contains(text)) << entry.path() << ": \"" << text << "\"";
    }
  }
  EXPECT_GT(made, 40u) << "the scanner found too few MakeIssue calls to be reading src/";
  EXPECT_GT(named, made);
}

// An entry no code names is words no one can see: a leftover, or a code misspelt where it is used.
TEST(IssueCodesTest, EveryCodeOfTheCatalogueIsNamedInTheSources) {
  std::set<std::string> unused = CatalogueCodes();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() / "src")) {
    std::string ext = entry.path().extension().string();
    std::string name = entry.path().filename().string();
    if (name == "issue_catalogue.cc" || name.ends_with("_test.cc") ||
        (ext != ".cc" && ext != ".h")) {
      continue;
    }
    for (const std::string& text : ScanLiterals(ReadFile(entry.path())).all) unused.erase(text);
  }
  EXPECT_EQ(unused, std::set<std::string>{});
}

TEST(IssueCodesTest, IssuesPrintsOneRowPerCodeOfTheCatalogue) {
  CliResult r = Scorecard("issues");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "| code | error or warning | what it says | how to fix it |");
  std::getline(lines, line);
  EXPECT_EQ(line, "|---|---|---|---|");
  std::vector<std::string> codes;
  while (std::getline(lines, line)) {
    ASSERT_TRUE(line.starts_with("| `")) << line;
    codes.push_back(line.substr(3, line.find('`', 3) - 3));
  }
  std::set<std::string> catalogue = CatalogueCodes();
  EXPECT_EQ(codes, std::vector<std::string>(catalogue.begin(), catalogue.end()));
  const std::string separator =
      "| `csv.separator` | error | expected columns separated by commas, but this file's are "
      "separated by {separator}s: nothing in it was read |";
  EXPECT_NE(r.out.find(separator), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| `workbook.no-workbook-element` | error | expected an Excel workbook "
                       "(.xlsx): {part} has no &lt;workbook> element |"),
            std::string::npos);
}

TEST(IssueCodesTest, TheInterchangePageHoldsTheCurrentTable) {
  CliResult r = Scorecard("issues");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string page = ReadFile(SourceDir() / "docs" / "interchange.md");
  size_t section = page.find("\n## Warnings and errors\n");
  ASSERT_NE(section, std::string::npos);
  std::string text = page.substr(section, page.find("\n## ", section + 1) - section);
  EXPECT_NE(text.find("\n" + r.out), std::string::npos)
      << "docs/interchange.md, \"Warnings and errors\", should hold what `scorecard issues` "
         "prints now: run scripts/update_issues_doc.py";
  // Once, and only there: the script once wrote it over the table of the section "Forecasts".
  const std::string header = r.out.substr(0, r.out.find('\n') + 1);
  EXPECT_EQ(page.find(header), page.rfind(header)) << "the table is on the page twice";
}

}  // namespace
}  // namespace scorecard
