#include "io/workbook_writer.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "domain/text.h"
#include "io/report_layouts.h"

namespace scorecard {
namespace {

constexpr size_t kMaxCellChars = 32'767;   // Excel's limit
constexpr size_t kMaxSheetNameChars = 31;  // likewise
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

// Frees a workbook without writing it: only a workbook written whole is closed, which writes.
struct WorkbookDiscarder {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDiscarder>;

struct Formats {
  lxw_format* header;
  lxw_format* text;  // "@": what is typed in later stays text too
};

size_t Chars(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::expected<void, Problem> WriteCell(lxw_worksheet* sheet, const std::string& sheet_name,
                                       size_t row, size_t column, std::string_view view,
                                       lxw_format* format) {
  if (view.empty()) return {};
  std::string text(view);  // libxlsxwriter takes C strings
  if (Chars(text) > kMaxCellChars) {
    return std::unexpected(
        Problem{"export.cell-too-long", {{"sheet", sheet_name}, {"row", std::to_string(row + 1)}}});
  }
  lxw_error error = worksheet_write_string(sheet, static_cast<lxw_row_t>(row),
                                           static_cast<lxw_col_t>(column), text.c_str(), format);
  if (error != LXW_NO_ERROR) {
    return std::unexpected(Problem{
        "export.cell-not-written",
        {{"sheet", sheet_name}, {"row", std::to_string(row + 1)}, {"why", lxw_strerror(error)}}});
  }
  return {};
}

// Writes `text` one line per row in column A of `sheet`, each line as it is (an indented line
// keeps its indent) but for its line end.
std::expected<void, Problem> WriteLines(lxw_worksheet* sheet, const std::string& sheet_name,
                                        std::string_view text, const Formats& formats) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  size_t width = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    width = std::max(width, Chars(line));
    auto written = WriteCell(sheet, sheet_name, i, 0, std::string(line), formats.text);
    if (!written) return written;
  }
  worksheet_set_column(sheet, 0, 0, std::clamp(static_cast<double>(width), kMinWidth, 100.0),
                       formats.text);
  return {};
}

std::expected<void, Problem> WriteConfig(lxw_workbook* workbook, std::string_view text,
                                         const Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "scorecard");
  if (sheet == nullptr) return std::unexpected(Problem{"export.config-sheet-not-added", {}});
  return WriteLines(sheet, "scorecard", text, formats);
}

std::expected<void, Problem> WriteLayout(lxw_workbook* workbook, const ReportLayoutText& layout,
                                         const Formats& formats) {
  std::string name = LayoutSheetName(layout.name);
  if (Chars(name) > kMaxSheetNameChars) {
    return std::unexpected(Problem{
        "export.layout-name",
        {{"name", layout.name}, {"sheet", name}, {"most", std::to_string(kMaxLayoutName)}}});
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (sheet == nullptr)
    return std::unexpected(Problem{"export.sheet-not-added", {{"sheet", name}}});
  return WriteLines(sheet, name, layout.text, formats);
}

// Each column as wide as its longest cell, within limits.
std::vector<double> ColumnWidths(const CsvTable& table) {
  std::vector<double> widths(table.header.size(), kMinWidth);
  auto widen = [&](size_t column, std::string_view text) {
    if (column < widths.size()) {
      widths[column] = std::max(widths[column], static_cast<double>(Chars(text)) + 2);
    }
  };
  for (size_t c = 0; c < table.header.size(); ++c) widen(c, table.header[c]);
  for (const CsvRow& row : table.rows) {
    std::vector<std::string_view> fields = table.Fields(row);
    for (size_t c = 0; c < fields.size(); ++c) widen(c, fields[c]);
  }
  for (double& w : widths) w = std::min(w, kMaxWidth);
  return widths;
}

std::expected<void, Problem> WriteTable(lxw_workbook* workbook, const NamedTable& named,
                                        const Formats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, named.name.c_str());
  if (sheet == nullptr) {
    return std::unexpected(Problem{"export.sheet-not-added", {{"sheet", named.name}}});
  }
  const CsvTable& table = named.table;
  std::vector<double> widths = ColumnWidths(table);
  for (size_t c = 0; c < widths.size(); ++c) {
    auto column = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, column, column, widths[c], formats.text);
  }
  for (size_t c = 0; c < table.header.size(); ++c) {
    auto written = WriteCell(sheet, named.name, 0, c, table.header[c], formats.header);
    if (!written) return written;
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<std::string_view> fields = table.Fields(table.rows[r]);
    for (size_t c = 0; c < fields.size(); ++c) {
      auto written = WriteCell(sheet, named.name, r + 1, c, fields[c], formats.text);
      if (!written) return written;
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  // Numbers are text on purpose; without this Excel flags every one of them.
  worksheet_ignore_errors(sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");
  return {};
}

// Writes the whole workbook at `path`; errors name `target`, the file it is for.
std::expected<void, Problem> WriteWorkbookTo(const std::string& path, const std::string& target,
                                             std::string_view config_text,
                                             const std::vector<NamedTable>& tables,
                                             const std::vector<ReportLayoutText>& layouts) {
  WorkbookPtr workbook(workbook_new(path.c_str()));
  if (!workbook) return std::unexpected(Problem{"export.workbook-not-created", {}});
  Formats formats{workbook_add_format(workbook.get()), workbook_add_format(workbook.get())};
  format_set_bold(formats.header);
  format_set_num_format(formats.header, "@");
  format_set_num_format(formats.text, "@");

  auto written = WriteConfig(workbook.get(), config_text, formats);
  for (size_t i = 0; written && i < tables.size(); ++i) {
    written = WriteTable(workbook.get(), tables[i], formats);
  }
  for (size_t i = 0; written && i < layouts.size(); ++i) {
    written = WriteLayout(workbook.get(), layouts[i], formats);
  }
  if (!written) return written;
  lxw_error error = workbook_close(workbook.release());
  if (error != LXW_NO_ERROR) {
    return std::unexpected(
        Problem{"export.workbook-not-written", {{"path", target}, {"why", lxw_strerror(error)}}});
  }
  return {};
}

}  // namespace

std::expected<void, Problem> WriteWorkbook(const std::string& path, std::string_view config_text,
                                           const std::vector<NamedTable>& tables,
                                           const std::vector<ReportLayoutText>& layouts) {
  // Written beside the target and renamed over it when whole: a workbook that fails half way
  // never replaces the one already there.
  const std::string partial = fmt::format("{}.partial-{}", path, ::getpid());
  auto written = WriteWorkbookTo(partial, path, config_text, tables, layouts);
  std::error_code ec;
  if (written) {
    std::filesystem::rename(partial, path, ec);
    if (ec) {
      written = std::unexpected(
          Problem{"export.workbook-not-written", {{"path", path}, {"why", ec.message()}}});
    }
  }
  if (!written) std::filesystem::remove(partial, ec);
  return written;
}

}  // namespace scorecard