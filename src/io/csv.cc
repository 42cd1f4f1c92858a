#include "io/csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "domain/text.h"

namespace scorecard {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t Utf8Length(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (n == 2 && b < 0xC2) return 0;  // overlong
  return n;
}

// Reads records from text it rewrites in place: each field's characters are moved left over the
// quotes and line ends they no longer need (a field never grows), and the field is a view of them.
class Parser {
 public:
  Parser(std::string& text, const std::string& file, Issues* issues)
      : s_(text), file_(file), issues_(issues) {
    if (std::string_view(s_).starts_with("\xEF\xBB\xBF")) i_ = 3;
  }

  // Reads one record's fields into `fields`; false at end of input.
  bool Next(std::vector<std::string_view>& fields, int& start_line) {
    fields.clear();
    if (i_ >= s_.size()) return false;
    start_line = line_;
    while (true) {
      fields.push_back(ReadField());
      if (i_ >= s_.size()) return true;
      char c = s_[i_];
      if (c == ',') {
        ++i_;
        continue;
      }
      // End of record.
      if (c == '\r') ++i_;
      if (i_ < s_.size() && s_[i_] == '\n') ++i_;
      ++line_;
      return true;
    }
  }

 private:
  // Reads a field up to (not including) the next separator or line end: a quoted field as
  // written between its quotes, an unquoted one trimmed.
  std::string_view ReadField() {
    size_t start = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    if (i_ < s_.size() && s_[i_] == '"') return ReadQuoted();
    i_ = start;
    w_ = start;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
      if (KeepPlain(',')) continue;
      if (s_[i_] == '"') Report("csv.quote-in-field");
      KeepChar();
    }
    return Trim(std::string_view(s_).substr(start, w_ - start));
  }

  // Keeps the run of printable ASCII characters at i_ up to a quote or `stop`, at once (most
  // text is such a run, and needs no checks). False if there is none.
  bool KeepPlain(char stop) {
    size_t end = i_;
    while (end < s_.size()) {
      char c = s_[end];
      if (c < 0x20 || c > 0x7E || c == '"' || c == stop) break;
      ++end;
    }
    if (end == i_) return false;
    Keep(end - i_);
    return true;
  }

  // Moves `n` characters from i_ to w_.
  void Keep(size_t n) {
    if (w_ != i_) std::memmove(&s_[w_], &s_[i_], n);
    w_ += n;
    i_ += n;
  }

  std::string_view ReadQuoted() {
    int open_line = line_;
    ++i_;  // opening quote
    size_t start = w_ = i_;
    while (true) {
      if (i_ >= s_.size()) {
        Report("csv.unclosed-quote", {{"line", std::to_string(open_line)}}, open_line);
        break;
      }
      if (KeepPlain('"')) continue;
      char c = s_[i_];
      if (c == '"') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
          s_[w_++] = '"';
          i_ += 2;
          continue;
        }
        ++i_;
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
        if (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
          Report("csv.text-after-quote");
          while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
        }
        break;
      }
      if (c == '\n') ++line_;
      if (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
        ++i_;  // keep CRLF inside a field as LF
        continue;
      }
      KeepChar();
    }
    return std::string_view(s_).substr(start, w_ - start);
  }

  void KeepChar() {
    size_t n = Utf8Length(s_, i_);
    if (n == 0) {
      if (!bad_utf8_reported_) {
        Report("csv.not-utf8");
        bad_utf8_reported_ = true;
      }
      s_[w_++] = '?';  // the read fails: the field is never used
      ++i_;
      return;
    }
    if (n == 1 && static_cast<unsigned char>(s_[i_]) < 0x20 && s_[i_] != '\t' && s_[i_] != '\n') {
      if (!control_reported_) {
        Report(
            "csv.control-character",
            {{"character",
              fmt::format("0x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(s_[i_])))}});
        control_reported_ = true;
      }
      ++i_;
      return;
    }
    Keep(n);
  }

  // Records the catalogue's issue `code` at `line` (0: the line being read).
  void Report(std::string_view code, IssueParams params = {}, int line = 0) {
    issues_->push_back(MakeIssue(code, {file_, line ? line : line_, ""}, std::move(params)));
  }

  std::string& s_;
  const std::string& file_;
  Issues* issues_;
  size_t i_ = 0;  // where reading is
  size_t w_ = 0;  // where the field being read is written
  int line_ = 1;
  bool bad_utf8_reported_ = false;
  bool control_reported_ = false;
};

bool Blank(const std::vector<std::string_view>& fields) {
  for (std::string_view f : fields) {
    if (!f.empty()) return false;
  }
  return true;
}

// The name of the separator a header row of one field uses instead of commas ("semicolon"),
// or empty: Excel saves "CSV" with semicolons where a comma is the decimal point, and tabs
// from "Text". Such a file is refused rather than read: its numbers may have decimal commas.
std::string_view OtherSeparator(const std::vector<std::string_view>& header) {
  if (header.size() != 1) return "";
  if (header[0].find(';') != std::string::npos) return "semicolon";
  if (header[0].find('\t') != std::string::npos) return "tab";
  return "";
}

}  // namespace

CsvTable::CsvTable(std::string file_name, std::vector<std::string> names,
                   const std::vector<std::pair<int, std::vector<std::string>>>& lines)
    : file(std::move(file_name)), header(std::move(names)) {
  for (const auto& [line, fields] : lines) AddRow(line, fields);
}

CsvTable::CsvTable(const CsvTable& other)
    : file(other.file), header(other.header), unreadable(other.unreadable) {
  for (const CsvRow& row : other.rows) {
    std::vector<std::string_view> f = other.Fields(row);
    AddRow(row.line, std::vector<std::string>(f.begin(), f.end()));
  }
}

CsvTable& CsvTable::operator=(const CsvTable& other) {
  if (this != &other) *this = CsvTable(other);
  return *this;
}

void CsvTable::AddRow(int line, const std::vector<std::string>& fields) {
  rows.push_back({line, static_cast<uint32_t>(cells_.size())});
  for (size_t c = 0; c < header.size(); ++c) {
    if (c < fields.size() && !fields[c].empty()) {
      if (owned_.size() + fields[c].size() > kMaxCsvBytes) {
        throw std::length_error("a table of more than 2 GB of text");
      }
      cells_.push_back(
          {static_cast<uint32_t>(owned_.size()), static_cast<uint32_t>(fields[c].size()) | kOwned});
      owned_ += fields[c];
    } else {
      cells_.emplace_back();
    }
  }
}

void CsvTable::AddViews(int line, std::span<const std::string_view> fields) {
  rows.push_back({line, static_cast<uint32_t>(cells_.size())});
  const char* base = text_->data();
  for (std::string_view f : fields) {
    cells_.push_back({static_cast<uint32_t>(f.data() - base), static_cast<uint32_t>(f.size())});
  }
}

CsvTable ParseCsv(std::string text, const std::string& file, Issues* issues) {
  CsvTable table;
  table.file = file;
  if (text.size() > kMaxCsvBytes) {
    issues->push_back(MakeIssue("csv.too-large", {file, 0, ""},
                                {{"size", FormatDecimal(text.size() / 1e6, 0, true)}}));
    table.unreadable = true;
    return table;
  }
  table.text_ = std::make_unique<std::string>(std::move(text));
  Parser parser(*table.text_, file, issues);
  std::vector<std::string_view> fields;
  int line = 0;
  bool have_header = false;
  while (parser.Next(fields, line)) {
    if (Blank(fields)) continue;
    if (!have_header) {
      if (std::string_view separator = OtherSeparator(fields); !separator.empty()) {
        issues->push_back(
            MakeIssue("csv.separator", {file, line, ""}, {{"separator", std::string(separator)}}));
        table.unreadable = true;
        return table;
      }
      for (std::string_view f : fields) table.header.push_back(ToLower(Trim(f)));
      have_header = true;
      // Room for every row and its cells at once: there are no more rows than lines.
      size_t lines = std::count(table.text_->begin(), table.text_->end(), '\n') + 1;
      table.rows.reserve(lines);
      table.cells_.reserve(lines * fields.size());
      continue;
    }
    if (fields.size() != table.header.size()) {
      issues->push_back(MakeIssue("csv.field-count", {file, line, ""},
                                  {{"expected", std::to_string(table.header.size())},
                                   {"found", std::to_string(fields.size())}}));
      if (fields.size() < table.header.size()) fields.resize(table.header.size());
      if (fields.size() > table.header.size()) continue;
    }
    table.AddViews(line, fields);
  }
  if (!have_header) issues->push_back(MakeIssue("csv.no-header", {file, 0, ""}));
  return table;
}

}  // namespace scorecard
