#pragma once
// An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF,
// UTF-8 with or without a byte-order mark. Every problem is reported with its line.

#include <string>
#include <string_view>
#include <vector>

#include "domain/issue.h"
#include "domain/text.h"  // CsvField

namespace scorecard {

struct CsvRow {
  int line = 0;  // the line the row starts on
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;  // lower-cased, trimmed
  std::vector<CsvRow> rows;         // blank rows skipped
  bool unreadable = false;          // not comma-separated: an issue says so, and no row is read
};

// Parses `text` read from `file`. Appends any issues; the table holds what could be read.
CsvTable ParseCsv(std::string_view text, const std::string& file, Issues* issues);

}  // namespace scorecard
