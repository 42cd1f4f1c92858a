#include "io/csv.h"

#include <fmt/format.h>

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

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, Issues* issues)
      : s_(text), file_(file), issues_(issues) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") s_.remove_prefix(3);
  }

  // Reads one record into `fields`; false at end of input.
  bool Next(std::vector<std::string>& fields, int& start_line) {
    fields.clear();
    if (i_ >= s_.size()) return false;
    start_line = line_;
    while (true) {
      std::string field;
      if (!ReadField(field)) {  // unquoted: trimmed
        std::string_view trimmed = Trim(field);
        if (trimmed.size() != field.size()) field = std::string(trimmed);
      }
      fields.push_back(std::move(field));
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
  // Reads a field up to (not including) the next separator or line end. True if quoted.
  bool ReadField(std::string& out) {
    size_t start = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    if (i_ < s_.size() && s_[i_] == '"') {
      ReadQuoted(out);
      return true;
    }
    i_ = start;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
      if (AppendPlain(out, ',')) continue;
      if (s_[i_] == '"') {
        Report("csv.quote-in-field");
      }
      AppendChar(out);
    }
    return false;
  }

  // Appends the run of printable ASCII characters at i_ up to a quote or `stop`, at once (most
  // text is such a run, and needs no checks). False if there is none.
  bool AppendPlain(std::string& out, char stop) {
    size_t end = i_;
    while (end < s_.size()) {
      char c = s_[end];
      if (c < 0x20 || c > 0x7E || c == '"' || c == stop) break;
      ++end;
    }
    if (end == i_) return false;
    out.append(s_.substr(i_, end - i_));
    i_ = end;
    return true;
  }

  void ReadQuoted(std::string& out) {
    int open_line = line_;
    ++i_;  // opening quote
    while (true) {
      if (i_ >= s_.size()) {
        Report("csv.unclosed-quote", {{"line", std::to_string(open_line)}}, open_line);
        return;
      }
      if (AppendPlain(out, '"')) continue;
      char c = s_[i_];
      if (c == '"') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
          out.push_back('"');
          i_ += 2;
          continue;
        }
        ++i_;
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
        if (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
          Report("csv.text-after-quote");
          while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
        }
        return;
      }
      if (c == '\n') ++line_;
      if (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
        ++i_;  // keep CRLF inside a field as LF
        continue;
      }
      AppendChar(out);
    }
  }

  void AppendChar(std::string& out) {
    size_t n = Utf8Length(s_, i_);
    if (n == 0) {
      if (!bad_utf8_reported_) {
        Report("csv.not-utf8");
        bad_utf8_reported_ = true;
      }
      out.append("\xEF\xBF\xBD");  // replacement character
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
    out.append(s_.substr(i_, n));
    i_ += n;
  }

  // Records the catalogue's issue `code` at `line` (0: the line being read).
  void Report(std::string_view code, IssueParams params = {}, int line = 0) {
    issues_->push_back(MakeIssue(code, {file_, line ? line : line_, ""}, std::move(params)));
  }

  std::string_view s_;
  const std::string& file_;
  Issues* issues_;
  size_t i_ = 0;
  int line_ = 1;
  bool bad_utf8_reported_ = false;
  bool control_reported_ = false;
};

bool Blank(const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    if (!f.empty()) return false;
  }
  return true;
}

// The name of the separator a header row of one field uses instead of commas ("semicolon"),
// or empty: Excel saves "CSV" with semicolons where a comma is the decimal point, and tabs
// from "Text". Such a file is refused rather than read: its numbers may have decimal commas.
std::string_view OtherSeparator(const std::vector<std::string>& header) {
  if (header.size() != 1) return "";
  if (header[0].find(';') != std::string::npos) return "semicolon";
  if (header[0].find('\t') != std::string::npos) return "tab";
  return "";
}

}  // namespace

CsvTable ParseCsv(std::string_view text, const std::string& file, Issues* issues) {
  CsvTable table;
  table.file = file;
  Parser parser(text, file, issues);
  std::vector<std::string> fields;
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
      for (const std::string& f : fields) table.header.push_back(ToLower(Trim(f)));
      have_header = true;
      continue;
    }
    if (fields.size() != table.header.size()) {
      issues->push_back(MakeIssue("csv.field-count", {file, line, ""},
                                  {{"expected", std::to_string(table.header.size())},
                                   {"found", std::to_string(fields.size())}}));
      if (fields.size() < table.header.size()) fields.resize(table.header.size());
      if (fields.size() > table.header.size()) continue;
    }
    table.rows.push_back({line, std::move(fields)});
    fields = {};
    fields.reserve(table.header.size());
  }
  if (!have_header) issues->push_back(MakeIssue("csv.no-header", {file, 0, ""}));
  return table;
}

}  // namespace scorecard
