// An .xlsx workbook from one input, then the council it holds. Beyond not crashing: each table
// read from a sheet has its rows in order, one per row number, each as wide as the header.
// An input starting "PK" is a workbook's bytes as they are, for the zip reader. Any other input
// is the workbook's parts, each a part name on its first line and the part's XML after it,
// separated by kMarker lines, zipped here: otherwise the archive's checksums would stop nearly
// every change to the XML before it reached the parser.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/folder.h"
#include "io/workbook.h"
#include "io/workbook_zip.h"

namespace {

constexpr std::string_view kMarker = "\n%%\n";

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_xlsx: check failed: %s\n", what);
  std::abort();
}

void CheckTables(const scorecard::WorkbookTableSource& workbook) {
  for (const scorecard::TableSpec& spec : scorecard::InterchangeTables()) {
    scorecard::Issues issues;
    std::optional<scorecard::CsvTable> table = workbook.Table(spec, &issues);
    if (!table) continue;
    int previous = 0;
    for (const scorecard::CsvRow& row : table->rows) {
      Check(row.line > previous, "row.line > previous");
      // Every row is as wide as the header by construction (CsvTable::AddRow).
      previous = row.line;
    }
  }
}

std::string ZipParts(std::string_view input) {
  std::vector<std::pair<std::string, std::string>> parts;
  while (!input.empty()) {
    size_t end = input.find(kMarker);
    std::string_view piece = input.substr(0, end);
    size_t line_end = piece.find('\n');
    std::string_view name = piece.substr(0, line_end);
    std::string_view xml = line_end == std::string_view::npos ? "" : piece.substr(line_end + 1);
    if (!name.empty()) parts.emplace_back(name, xml);
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kMarker.size());
  }
  return scorecard::MakeZip(parts, scorecard::ZipCompression::kStore);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  if (input.substr(0, 2) != "PK") {
    try {
      input = ZipParts(input);
    } catch (const std::runtime_error&) {
      return 0;  // libzip refused a part name: not the reader's concern
    }
  }
  auto workbook = scorecard::WorkbookTableSource::Open(std::move(input), "fuzz.xlsx");
  if (!workbook) return 0;
  CheckTables(*workbook);
  (void)scorecard::ReadCouncil(*workbook);
  return 0;
}
