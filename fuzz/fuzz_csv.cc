// ParseCsv on arbitrary bytes. Beyond not crashing: every row is as wide as the header, and a
// table written back with CsvField reads again as the same table with no issues.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_csv: check failed: %s\n", what);
  std::abort();
}

// Starts with a byte-order mark, as Excel's "CSV UTF-8" does, so that a header beginning with
// U+FEFF (a BOM after leading blank lines) is kept rather than taken for the file's own BOM.
std::string Write(const scorecard::CsvTable& table) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&out](const auto& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out.push_back(',');
      out += scorecard::CsvField(fields[i]);
    }
    out.push_back('\n');
  };
  row(table.header);
  for (const scorecard::CsvRow& r : table.rows) row(table.Fields(r));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  scorecard::Issues issues;
  scorecard::CsvTable table = scorecard::ParseCsv(std::string(text), "fuzz.csv", &issues);
  for (const scorecard::CsvRow& r : table.rows) {
    Check(r.line >= 1, "r.line >= 1");
  }
  for (const scorecard::Issue& issue : issues) Check(issue.line >= 0, "issue.line >= 0");
  // The round trip only holds for clean input: the parser repairs what it reports (bad UTF-8,
  // control characters, stray quotes), it trims unquoted fields and lower-cases the header. A
  // header of empty names (from quoted spaces) writes back as a blank line, which is skipped.
  if (!issues.empty() || std::ranges::all_of(table.header, &std::string::empty)) return 0;
  scorecard::Issues again_issues;
  scorecard::CsvTable again = scorecard::ParseCsv(Write(table), "again.csv", &again_issues);
  Check(again_issues.empty(), "again_issues.empty()");
  Check(again.header == table.header, "again.header == table.header");
  Check(again.rows.size() == table.rows.size(), "again.rows.size() == table.rows.size()");
  for (size_t i = 0; i < table.rows.size(); ++i) {
    std::vector<std::string_view> a = again.Fields(again.rows[i]), t = table.Fields(table.rows[i]);
    Check(std::equal(a.begin(), a.end(), t.begin(), t.end()), "the same fields read again");
  }
  return 0;
}
