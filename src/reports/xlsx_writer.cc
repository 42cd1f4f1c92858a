#include "reports/xlsx_writer.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include "domain/text.h"

namespace scorecard {
namespace {

constexpr size_t kMaxSheetName = 31;  // Excel's limit, in characters
constexpr char kDateFormat[] = "d mmm yyyy";
constexpr char kHighlighted[] = "Highlighted";
constexpr double kMaxWidth = 80;  // a column of names and values (details) is at most this wide

// Characters, not bytes, of UTF-8 text.
size_t Chars(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first `chars` characters of UTF-8 text.
std::string_view FirstChars(std::string_view text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == chars) {
      return text.substr(0, i);
    }
  }
  return text;
}

// Without the spaces and apostrophes at either end: Excel refuses a name that begins or ends
// with an apostrophe.
std::string_view TrimName(std::string_view name) {
  size_t begin = name.find_first_not_of(" '");
  if (begin == std::string_view::npos) return {};
  return name.substr(begin, name.find_last_not_of(" '") - begin + 1);
}

std::string CleanSheetName(std::string_view wanted) {
  std::string out;
  for (char c : wanted) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
      out += '-';
    } else {
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return std::string(TrimName(out));
}

// How a cell looks. Formats makes one lxw_format for each distinct Style.
struct Style {
  bool bold = false;
  bool heading = false;     // the section's title, larger
  bool border = false;      // a box: a highlighted row
  bool rule_below = false;  // a header row's
  bool wrap = false;
  lxw_format_alignments align = LXW_ALIGN_NONE;
  std::string num_format;
  std::optional<lxw_color_t> fill, colour;

  auto operator<=>(const Style&) const = default;
};

Style Bold() {
  Style s;
  s.bold = true;
  return s;
}

// "#rrggbb" as libxlsxwriter's colour, nullopt if empty. libxlsxwriter reads 0 as no colour
// at all, so black is its own constant.
std::optional<lxw_color_t> Rgb(const std::string& hex) {
  if (hex.empty()) return std::nullopt;
  if (hex.size() != 7 || hex[0] != '#' ||
      hex.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
    throw std::invalid_argument("a report colour is not #rrggbb: \"" + hex + "\"");
  }
  auto rgb = static_cast<lxw_color_t>(std::stoul(hex.substr(1), nullptr, 16));
  return rgb == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : rgb;
}

class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  // The workbook's format for `style`; null for the default style, which needs none.
  lxw_format* Get(const Style& style) {
    if (style == Style{}) return nullptr;
    auto [it, added] = made_.try_emplace(style, nullptr);
    if (added) it->second = Make(style);
    return it->second;
  }

 private:
  lxw_format* Make(const Style& style) {
    lxw_format* f = workbook_add_format(workbook_);
    if (style.bold || style.heading) format_set_bold(f);
    if (style.heading) format_set_font_size(f, 14);
    if (style.border) format_set_border(f, LXW_BORDER_THIN);
    if (style.rule_below && !style.border) format_set_bottom(f, LXW_BORDER_THIN);
    if (style.wrap) format_set_text_wrap(f);
    if (style.align != LXW_ALIGN_NONE) format_set_align(f, style.align);
    if (!style.num_format.empty()) format_set_num_format(f, style.num_format.c_str());
    if (style.fill) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, *style.fill);
    }
    if (style.colour) format_set_font_color(f, *style.colour);
    return f;
  }

  lxw_workbook* workbook_;
  std::map<Style, lxw_format*> made_;
};

// A date as Excel holds one, nullopt before 1900, which Excel cannot hold as a date.
std::optional<lxw_datetime> ExcelDate(const std::optional<Date>& date) {
  if (!date || date->year() < 1900) return std::nullopt;
  return lxw_datetime{date->year(), date->month(), date->day(), 0, 0, 0};
}

// The columns a row's cells cover.
size_t Covered(const ReportRow& row) {
  size_t n = 0;
  for (const ReportCell& c : row.cells) n += static_cast<size_t>(std::max(1, c.span));
  return n;
}

// Writes one section's blocks, row after row, down one sheet. The first error stops the writing
// and is kept for Finish to return.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, std::string name, Formats* formats, const std::string* path)
      : sheet_(sheet), name_(std::move(name)), formats_(formats), path_(path) {}

  void Heading(const std::string& title) {
    if (title.empty()) return;
    Style heading;
    heading.heading = true;
    Text(0, title, heading);
    ++row_;
    started_ = true;
  }

  void Block(const ReportBlock& block) {
    if (started_) ++row_;  // a blank row between blocks, and under the heading
    bool first = blocks_++ == 0;
    started_ = true;
    if (const auto* p = std::get_if<ReportParagraph>(&block)) Paragraph(*p);
    if (const auto* l = std::get_if<ReportList>(&block)) List(*l);
    if (const auto* d = std::get_if<ReportDetails>(&block)) Details(*d);
    if (const auto* t = std::get_if<ReportTable>(&block)) Table(*t, first);
    if (const auto* c = std::get_if<ReportChart>(&block)) Chart(*c);
  }

  // Sets the columns' widths; the first error, if any.
  Result<void> Finish() {
    for (size_t c = 0; c < widths_.size() && !error_; ++c) {
      if (widths_[c] <= 0) continue;
      auto column = static_cast<lxw_col_t>(c);
      Check(worksheet_set_column(sheet_, column, column, widths_[c], nullptr));
    }
    if (error_) return std::unexpected(*error_);
    return {};
  }

 private:
  void Paragraph(const ReportParagraph& p) { Line(p.text, p.lead ? Bold() : Style{}); }

  void List(const ReportList& l) {
    if (!l.title.empty()) Line(l.title, Bold());
    for (const std::string& item : l.items) Line(item, {});
    if (l.items.empty()) Line(l.empty, {});
  }

  void Details(const ReportDetails& d) {
    for (const auto& [name, value] : d.rows) {
      Text(0, name, Bold());
      Text(1, value, {});
      Widen(0, std::min(kMaxWidth, static_cast<double>(Chars(name) + 2)));
      Widen(1, std::min(kMaxWidth, static_cast<double>(Chars(value) + 2)));
      ++row_;
    }
  }

  void Chart(const ReportChart& c) {
    if (!c.title.empty()) Line(c.title, Bold());
    if (!c.alt.empty()) Line(c.alt, {});
    Table(c.data, false);
  }

  void Table(const ReportTable& t, bool first_block);
  void ColumnGroups(const ReportTable& t);
  void Header(const ReportTable& t, size_t width, bool highlights);
  void Row(const ReportTable& t, const ReportRow& row, size_t width, bool highlights);
  void Cell(size_t column, const ReportCell& cell, Style style);

  // A row of text in the first column; nothing if `text` is empty.
  void Line(const std::string& text, const Style& style) {
    if (text.empty()) return;
    Text(0, text, style);
    ++row_;
  }

  // Text in the current row; an empty cell, if `text` is empty, shows only its style.
  void Text(size_t column, const std::string& text, const Style& style) {
    if (error_) return;
    auto c = static_cast<lxw_col_t>(column);
    lxw_format* format = formats_->Get(style);
    if (text.empty()) {
      if (format != nullptr) Check(worksheet_write_blank(sheet_, row_, c, format));
      return;
    }
    Check(worksheet_write_string(sheet_, row_, c, text.c_str(), format));
  }

  // Merges the current row's columns first to last, unless they are one.
  void Merge(size_t first, size_t last, lxw_format* format) {
    if (error_ || last <= first) return;
    Check(worksheet_merge_range(sheet_, row_, static_cast<lxw_col_t>(first), row_,
                                static_cast<lxw_col_t>(last), "", format));
  }

  void Widen(size_t column, double width) {
    if (widths_.size() <= column) widths_.resize(column + 1, 0);
    widths_[column] = std::max(widths_[column], width);
  }

  void Check(lxw_error error) {
    if (error == LXW_NO_ERROR || error_) return;
    IssueParams params{{"sheet", name_}, {"row", std::to_string(row_ + 1)}};
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
      error_ = Failure{Failure::Kind::kInvalid,
                       {MakeIssue("report.xlsx-cell-too-long", {*path_, 0, ""}, params)}};
      return;
    }
    params.emplace_back("why", lxw_strerror(error));
    error_ = Failure{Failure::Kind::kInternal,
                     {MakeIssue("report.xlsx-cell-not-written", {*path_, 0, ""}, params)}};
  }

  lxw_worksheet* sheet_;
  std::string name_;
  Formats* formats_;
  const std::string* path_;  // the workbook's, for the issues
  lxw_row_t row_ = 0;        // the row written next
  bool started_ = false;     // something is on the sheet
  int blocks_ = 0;           // blocks written
  bool frozen_ = false, filtered_ = false;
  std::vector<double> widths_;  // 0: as Excel has it
  std::optional<Failure> error_;
};

void SheetWriter::Table(const ReportTable& t, bool first_block) {
  if (!t.caption.empty()) Line(t.caption, Bold());
  Line(t.note, {});
  if (t.rows.empty()) {
    Line(t.empty, {});
    return;
  }
  size_t width = t.columns.size();
  for (const ReportRow& r : t.rows) width = std::max(width, Covered(r));
  bool highlights = std::any_of(t.rows.begin(), t.rows.end(),
                                [](const ReportRow& r) { return !r.highlight.empty(); });
  size_t last = std::max<size_t>(width + (highlights ? 1 : 0), 1) - 1;

  ColumnGroups(t);
  Header(t, width, highlights);
  const lxw_row_t header = row_ - 1;
  const std::string* group = nullptr;
  for (const ReportRow& r : t.rows) {
    if (!r.group.empty() && (group == nullptr || *group != r.group)) {
      Merge(0, last, formats_->Get(Bold()));
      Line(r.group, Bold());
    }
    group = &r.group;
    Row(t, r, width, highlights);
  }
  if ((first_block || t.filter) && !frozen_) {
    worksheet_freeze_panes(sheet_, header + 1, 0);
    frozen_ = true;
  }
  if (t.filter && !filtered_ && !error_) {
    Check(worksheet_autofilter(sheet_, header, 0, row_ - 1, static_cast<lxw_col_t>(last)));
    filtered_ = true;
  }
}

// The row above the header naming the columns' groups, each across its columns.
void SheetWriter::ColumnGroups(const ReportTable& t) {
  if (std::all_of(t.columns.begin(), t.columns.end(),
                  [](const ReportColumn& c) { return c.group.empty(); })) {
    return;
  }
  Style style = Bold();
  style.align = LXW_ALIGN_CENTER;
  for (size_t c = 0; c < t.columns.size();) {
    size_t end = c + 1;
    while (end < t.columns.size() && t.columns[end].group == t.columns[c].group) ++end;
    if (!t.columns[c].group.empty()) {
      Merge(c, end - 1, formats_->Get(style));
      Text(c, t.columns[c].group, style);
    }
    c = end;
  }
  ++row_;
}

void SheetWriter::Header(const ReportTable& t, size_t width, bool highlights) {
  Style style = Bold();
  style.rule_below = true;
  style.wrap = true;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    style.align = t.columns[c].numeric ? LXW_ALIGN_RIGHT : LXW_ALIGN_NONE;
    Text(c, t.columns[c].label, style);
    Widen(c, t.columns[c].width);
  }
  if (highlights) {
    style.align = LXW_ALIGN_NONE;
    Text(width, kHighlighted, style);
    size_t chars = Chars(kHighlighted);
    for (const ReportRow& r : t.rows) chars = std::max(chars, Chars(r.highlight));
    Widen(width, static_cast<double>(chars + 2));
  }
  ++row_;
}

void SheetWriter::Row(const ReportTable& t, const ReportRow& row, size_t width, bool highlights) {
  Style base;
  base.border = !row.highlight.empty();
  size_t c = 0;
  for (const ReportCell& cell : row.cells) {
    Style style = base;
    if (c < t.columns.size() && t.columns[c].numeric) style.align = LXW_ALIGN_RIGHT;
    Cell(c, cell, style);
    c += static_cast<size_t>(std::max(1, cell.span));
  }
  if (base.border) {
    for (; c < width; ++c) Text(c, "", base);  // the box goes round the whole row
  }
  if (highlights) Text(width, row.highlight, base);
  ++row_;
}

void SheetWriter::Cell(size_t column, const ReportCell& cell, Style style) {
  using Kind = ReportCell::Kind;
  if (cell.kind == Kind::kStatus) {
    style.fill = Rgb(cell.colour.fill);
    style.colour = Rgb(cell.colour.text);
  }
  bool number = cell.kind == Kind::kNumber && cell.number && std::isfinite(*cell.number);
  std::optional<lxw_datetime> date = cell.kind == Kind::kDate ? ExcelDate(cell.date) : std::nullopt;
  if (number) style.num_format = cell.format;
  if (date) style.num_format = kDateFormat;
  lxw_format* format = formats_->Get(style);
  Merge(column, column + static_cast<size_t>(std::max(1, cell.span)) - 1, format);
  if (error_) return;
  auto c = static_cast<lxw_col_t>(column);
  if (number) {
    Check(worksheet_write_number(sheet_, row_, c, *cell.number, format));
  } else if (date) {
    Check(worksheet_write_datetime(sheet_, row_, c, &*date, format));
  } else {
    Text(column, cell.text, style);
  }
}

// The document's details, as the first sheet's rows.
ReportDetails DocumentDetails(const ReportDocument& d) {
  ReportDetails details;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) details.rows.emplace_back(name, value);
  };
  add("Title", d.title);
  add("Subtitle", d.subtitle);
  add("Organisation", d.organisation);
  add("Period", d.period);
  add("Source", d.source);
  for (size_t i = 0; i < d.contact.size(); ++i) add(i == 0 ? "Contact" : "", d.contact[i]);
  add("Notice", d.notice);
  return details;
}

struct WorkbookDiscarder {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDiscarder>;

std::unexpected<Failure> NotWritten(const std::string& path, std::string why) {
  return Fails(Failure::Kind::kUnavailable,
               {MakeIssue("report.xlsx-not-written", {path, 0, ""}, {{"why", std::move(why)}})});
}

// Where libxlsxwriter keeps its temporary files (unlinked as soon as they are open): /dev/shm,
// in memory, when it can be written to; otherwise libxlsxwriter's default (tmpfile(), in /tmp).
// Against /tmp on a disk it saved 1-2 ms of 32 on a quiet machine, 5-8 ms on a busy one.
std::string TempFolder() {
  static const std::string folder = ::access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "";
  return folder;
}

// The workbook at `file`; issues name `path`, the file it is for.
Result<void> WriteWorkbookTo(const ReportDocument& document, const std::string& file,
                             const std::string& path, Moment created) {
  // Rows go to a temporary file as they are written, with their strings inline, rather than
  // into a tree of every cell and a table of shared strings: memory that does not grow with the
  // table, and a little less time (bench/report_writers_bench.cc, 1,000 rows: 30-32 ms against
  // 32-35 ms on a quiet machine, 36 against 42-50 ms of processor time on a busy one). The writer
  // never goes back to a row, and merges only within the row it is writing, as this mode needs.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string tmpdir = TempFolder();
  options.tmpdir = tmpdir.empty() ? nullptr : tmpdir.data();
  WorkbookPtr workbook(workbook_new_opt(file.c_str(), &options));
  if (!workbook) return NotWritten(path, "libxlsxwriter cannot start a workbook");
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(document.title.c_str());
  properties.company = const_cast<char*>(document.organisation.c_str());
  // In whole seconds; libxlsxwriter takes 0 for "now", so the epoch itself is a second later.
  properties.created = std::max<time_t>(1, static_cast<time_t>(created / 1'000'000));
  if (workbook_set_properties(workbook.get(), &properties) != LXW_NO_ERROR) {
    return NotWritten(path, "libxlsxwriter cannot set the workbook's properties");
  }

  Formats formats(workbook.get());
  std::vector<std::string> names = XlsxSheetNames(document);
  for (size_t i = 0; i < names.size(); ++i) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), names[i].c_str());
    if (sheet == nullptr) return NotWritten(path, "cannot add the sheet " + names[i]);
    SheetWriter writer(sheet, names[i], &formats, &path);
    if (i == 0) {
      writer.Block(DocumentDetails(document));
    } else {
      const ReportSection& section = document.sections[i - 1];
      writer.Heading(section.title);
      for (const ReportBlock& block : section.blocks) writer.Block(block);
    }
    if (auto finished = writer.Finish(); !finished) return finished;
  }
  lxw_error error = workbook_close(workbook.release());
  if (error != LXW_NO_ERROR) return NotWritten(path, lxw_strerror(error));
  return {};
}

// Fails when no workbook can be written at `path`: a folder is there, or its folder is not.
Result<void> CheckTarget(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Invalid({MakeIssue("report.xlsx-not-a-file", {path, 0, ""})});
  }
  fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    return Fails(Failure::Kind::kNotFound, {MakeIssue("report.xlsx-no-folder", {path, 0, ""},
                                                      {{"folder", folder.string()}})});
  }
  return {};
}

}  // namespace

std::vector<std::string> XlsxSheetNames(const ReportDocument& document) {
  std::vector<std::string> names{"Details"};
  std::set<std::string> taken{"details", "history"};  // Excel keeps "History" for itself
  for (size_t i = 0; i < document.sections.size(); ++i) {
    const ReportSection& s = document.sections[i];
    std::string base = CleanSheetName(s.title.empty() ? s.id : s.title);
    if (base.empty()) base = fmt::format("Section {}", i + 1);
    std::string name(TrimName(FirstChars(base, kMaxSheetName)));
    for (int n = 2; taken.contains(ToLower(name)); ++n) {
      std::string suffix = fmt::format(" ({})", n);
      name = std::string(TrimName(FirstChars(base, kMaxSheetName - suffix.size()))) + suffix;
    }
    taken.insert(ToLower(name));
    names.push_back(std::move(name));
  }
  return names;
}

Result<void> WriteXlsx(const ReportDocument& document, const std::string& path, Moment created) {
  if (auto checked = CheckTarget(path); !checked) return checked;
  const std::string partial = fmt::format("{}.partial-{}", path, ::getpid());
  auto written = WriteWorkbookTo(document, partial, path, created);
  std::error_code ec;
  if (written) {
    std::filesystem::rename(partial, path, ec);
    if (ec) written = NotWritten(path, ec.message());
  }
  if (!written) std::filesystem::remove(partial, ec);
  return written;
}

}  // namespace scorecard
