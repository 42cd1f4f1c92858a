#pragma once
// An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF,
// UTF-8 with or without a byte-order mark. Every problem is reported with its line.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/issue.h"
#include "domain/text.h"  // CsvField

namespace scorecard {

struct CsvRow {
  int line = 0;        // the line the row starts on
  uint32_t first = 0;  // where its fields start among the table's cells
};

// A table of text: a header and rows of as many fields, read from a CSV file or laid out from a
// workbook or the database. Fields are views of text the table holds: a file's text is read in
// place, not copied a field at a time. Copies are deep; moves keep every view valid.
class CsvTable {
 public:
  std::string file;
  std::vector<std::string> header;  // lower-cased, trimmed
  std::vector<CsvRow> rows;         // blank rows skipped
  bool unreadable = false;          // not comma-separated: an issue says so, and no row is read

  CsvTable() = default;
  // A table of the given rows, each a line and its fields (as AddRow).
  CsvTable(std::string file, std::vector<std::string> header,
           const std::vector<std::pair<int, std::vector<std::string>>>& rows = {});
  CsvTable(CsvTable&&) = default;
  CsvTable& operator=(CsvTable&&) = default;
  CsvTable(const CsvTable& other);
  CsvTable& operator=(const CsvTable& other);

  // The row's field in the column; empty beyond the header.
  std::string_view Field(const CsvRow& row, size_t column) const {
    if (column >= header.size()) return {};
    const Cell& c = cells_[row.first + column];
    if (c.size == 0) return {};
    const std::string& text = (c.size & kOwned) ? owned_ : *text_;
    return {text.data() + c.offset, c.size & ~kOwned};
  }
  // The row's fields, one a column.
  std::vector<std::string_view> Fields(const CsvRow& row) const {
    std::vector<std::string_view> out;
    out.reserve(header.size());
    for (size_t c = 0; c < header.size(); ++c) out.push_back(Field(row, c));
    return out;
  }
  // Adds a row, copying its fields; those past the header's width are dropped, missing ones
  // are empty. (For tables not read from CSV.)
  void AddRow(int line, const std::vector<std::string>& fields);

 private:
  friend CsvTable ParseCsv(std::string text, const std::string& file, Issues* issues);
  // Adds a row of views of text the table holds. REQUIRES: fields.size() == header.size().
  void AddViews(int line, std::span<const std::string_view> fields);

  // A field: where its characters are in text_, or in owned_ when size has kOwned set. Eight
  // bytes, not a view's sixteen: values.csv has a field for every column of every row.
  struct Cell {
    uint32_t offset = 0;
    uint32_t size = 0;
  };
  static constexpr uint32_t kOwned = 0x80000000u;

  std::unique_ptr<std::string> text_;  // a CSV file's text, fields unquoted in place
  std::string owned_;                  // the fields AddRow copied, end to end
  std::vector<Cell> cells_;
};

// The largest CSV file read (a field's place and size are kept in 32 bits): 2 GB.
inline constexpr size_t kMaxCsvBytes = 0x7FFFFFFFu;

// Parses `text` read from `file`, keeping it. Appends any issues; the table holds what could be
// read.
CsvTable ParseCsv(std::string text, const std::string& file, Issues* issues);

}  // namespace scorecard
