#include "io/workbook_sheet.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>

#include "domain/text.h"
#include "io/workbook_xml.h"

namespace scorecard {
namespace {

using xlsx::Attribute;
using xlsx::Child;
using xlsx::Is;

// Excel's own limits.
constexpr int kMaxRows = 1'048'576;
constexpr int kMaxColumns = 16'384;
constexpr size_t kMaxCellChars = 32'767;

// The number of characters in valid UTF-8 text, else nullopt.
std::optional<size_t> Utf8Chars(std::string_view text) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size() || (n == 2 && b < 0xC2)) return std::nullopt;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::nullopt;
    }
    i += n;
  }
  return chars;
}

// Serial day numbers as Excel counts them, including its 29 February 1900, which never was.
std::expected<std::string, Problem> ExcelDate(double serial, bool date1904) {
  using namespace std::chrono;
  // Half a millisecond: a time of day just short of midnight is binary noise, not the day before.
  double whole = std::floor(serial + 0.5 / 86'400'000);
  auto too_far =
      std::unexpected(Problem{"workbook.date-range", {{"number", FormatNumber(serial)}}});
  if (whole < 0 || whole > 3'000'000) return too_far;
  int day = static_cast<int>(whole);
  if (!date1904 && day == 60) return "1900-02-29";
  sys_days epoch =
      date1904 ? sys_days(year(1904) / 1 / 1) : sys_days(year(1899) / 12 / (day < 60 ? 31 : 30));
  year_month_day date(epoch + days(day));
  if (int(date.year()) > 9999) return too_far;
  return fmt::format("{:04}-{:02}-{:02}", int(date.year()), unsigned(date.month()),
                     unsigned(date.day()));
}

// A cell of type d holds an ISO 8601 date and time: keep the date when the time is midnight.
std::string IsoDate(std::string_view text) {
  size_t t = text.find('T');
  if (t == std::string_view::npos) return std::string(text);
  std::string_view time = text.substr(t + 1);
  bool midnight = time.find_first_not_of("0:.Z") == std::string_view::npos;
  return std::string(midnight ? text.substr(0, t) : text);
}

std::expected<std::string, Problem> SharedString(std::string_view index,
                                                 const CellContext& context) {
  size_t i = 0;
  auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), i);
  if (ec != std::errc() || end != index.data() + index.size() ||
      i >= context.shared_strings.size()) {
    return std::unexpected(Problem{"workbook.shared-string", {{"index", std::string(index)}}});
  }
  return context.shared_strings[i];
}

NumberShape ShapeOf(const pugi::xml_node& cell, const CellContext& context) {
  size_t style = 0;
  std::string_view s = Attribute(cell, "s");
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), style);
  if (ec != std::errc() || style >= context.styles.size()) return NumberShape::kPlain;
  return context.styles[style];
}

// The cell's text as Excel shows it, or the problem.
std::expected<std::string, Problem> CellText(const pugi::xml_node& cell,
                                             const CellContext& context) {
  if (Child(cell, "f")) {
    return std::unexpected(Problem{"workbook.formula", {}});
  }
  std::string_view type = Attribute(cell, "t");
  std::string value = xlsx::Text(Child(cell, "v"));
  if (type == "s") return SharedString(value, context);
  if (type == "inlineStr") return xlsx::RichText(Child(cell, "is"));
  if (type == "str") return DecodeEscapes(value);
  if (type == "d") return IsoDate(value);
  if (type == "e") return std::unexpected(Problem{"workbook.error-value", {{"error", value}}});
  if (type == "b") {
    if (value == "1" || value == "true") return "yes";
    if (value == "0" || value == "false") return "no";
    return std::unexpected(Problem{"workbook.boolean", {{"text", value}}});
  }
  if (!type.empty() && type != "n") {
    return std::unexpected(Problem{"workbook.cell-type", {{"type", std::string(type)}}});
  }
  if (Trim(value).empty()) return "";
  return NumberText(Trim(value), ShapeOf(cell, context), context.date1904);
}

struct CellRef {
  int column = 0;  // 0 is column A
  int row = 0;
};

// A reference such as "AB12"; nullopt if it is not one within Excel's limits.
std::optional<CellRef> ParseCellRef(std::string_view ref) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  if (i == 0 || i == ref.size() || !std::isdigit(static_cast<unsigned char>(ref[i]))) {
    return std::nullopt;
  }
  int row = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || end != ref.data() + ref.size() || row < 1 || row > kMaxRows) {
    return std::nullopt;
  }
  return CellRef{column - 1, row};
}

// The row's number: its r attribute, else the one after `previous`. Fails with the problem.
std::expected<int, Problem> RowNumber(const pugi::xml_node& row, int previous) {
  std::string_view r = Attribute(row, "r");
  long number = previous + 1;
  if (!r.empty()) {
    auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
    if (ec == std::errc::result_out_of_range) number = kMaxRows + 1;
    if ((ec != std::errc() && ec != std::errc::result_out_of_range) || end != r.data() + r.size() ||
        number < 1) {
      return std::unexpected(Problem{"workbook.row-number", {{"text", std::string(r)}}});
    }
  }
  if (number > kMaxRows) return std::unexpected(Problem{"workbook.too-many-rows", {}});
  return static_cast<int>(number);
}

// Checks text Excel could hold; fails with the problem.
std::expected<std::string, Problem> Checked(std::string text) {
  std::optional<size_t> chars = Utf8Chars(text);
  if (!chars) return std::unexpected(Problem{"workbook.not-utf8", {}});
  if (*chars > kMaxCellChars) return std::unexpected(Problem{"workbook.long-text", {}});
  return text;
}

// Each value that `sorted` holds more than once, once.
std::vector<int> Repeated(std::vector<int> sorted) {
  std::vector<int> out;
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i] == sorted[i - 1] && (out.empty() || out.back() != sorted[i])) {
      out.push_back(sorted[i]);
    }
  }
  return out;
}

// Puts a row's cells in column order, keeping the first of any column given twice.
// `columns` holds the column of every cell element of the row, text or not, in document order.
void PlaceCells(std::vector<int> columns, SheetRow* row, std::vector<CellProblem>* problems) {
  if (std::ranges::adjacent_find(columns, std::greater_equal<>()) == columns.end()) return;
  std::ranges::sort(columns);
  for (int column : Repeated(std::move(columns))) {
    std::string cell = fmt::format("{}{}", ColumnLetters(column), row->number);
    problems->push_back({row->number, column, {"workbook.cell-twice", {{"cell", cell}}}});
  }
  std::ranges::stable_sort(row->cells, {}, &SheetCell::column);
  auto [first, last] = std::ranges::unique(row->cells, {}, &SheetCell::column);
  row->cells.erase(first, last);
}

void ReadCells(const pugi::xml_node& row, const CellContext& context, SheetRow* out,
               std::vector<CellProblem>* problems) {
  std::vector<int> columns;
  int column = -1;
  for (pugi::xml_node cell : row.children()) {
    if (!Is(cell, "c")) continue;
    std::string_view r = Attribute(cell, "r");
    std::optional<CellRef> ref =
        r.empty() ? std::optional<CellRef>({column + 1, out->number}) : ParseCellRef(r);
    if (!ref) {
      problems->push_back({out->number, -1, {"workbook.cell-ref", {{"ref", std::string(r)}}}});
      break;
    }
    if (ref->column >= kMaxColumns) {  // a cell without a reference after column XFD
      problems->push_back({out->number, -1, {"workbook.too-many-columns", {}}});
      break;
    }
    column = ref->column;
    if (ref->row != out->number) {
      problems->push_back({out->number,
                           column,
                           {"workbook.cell-in-other-row",
                            {{"row", std::to_string(out->number)}, {"cell", std::string(r)}}}});
      continue;
    }
    columns.push_back(column);
    std::expected<std::string, Problem> text = CellText(cell, context);
    if (text) text = Checked(std::move(*text));
    if (!text) {
      problems->push_back({out->number, column, std::move(text.error())});
    } else if (!text->empty()) {
      out->cells.push_back({column, std::move(*text)});
    }
  }
  PlaceCells(std::move(columns), out, problems);
}

// Puts the sheet's rows in number order, keeping the first of any number given twice.
// `numbers` holds the number of every row element, with cells or not, in document order.
void PlaceRows(std::vector<int> numbers, Sheet* sheet) {
  if (std::ranges::adjacent_find(numbers, std::greater_equal<>()) == numbers.end()) return;
  std::ranges::sort(numbers);
  for (int number : Repeated(std::move(numbers))) {
    sheet->problems.push_back(
        {number, -1, {"workbook.row-twice", {{"row", std::to_string(number)}}}});
  }
  std::ranges::stable_sort(sheet->rows, {}, &SheetRow::number);
  auto [first, last] = std::ranges::unique(sheet->rows, {}, &SheetRow::number);
  sheet->rows.erase(first, last);
  std::ranges::stable_sort(sheet->problems, {}, &CellProblem::row);
}

}  // namespace

std::string ColumnLetters(int column) {
  std::string out;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

std::expected<std::string, Problem> NumberText(std::string_view literal, NumberShape shape,
                                               bool date1904) {
  double value = 0;
  auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (ec != std::errc() || end != literal.data() + literal.size() || !std::isfinite(value)) {
    return std::unexpected(Problem{"workbook.number", {{"text", std::string(literal)}}});
  }
  switch (shape) {
    case NumberShape::kDate:
      return ExcelDate(value, date1904);
    case NumberShape::kPercent:
      return FormatNumber(value * 100) + "%";
    case NumberShape::kPlain:
      break;
  }
  return FormatNumber(value);
}

std::expected<Sheet, Problem> ParseSheet(std::string xml, const CellContext& context) {
  pugi::xml_document doc;
  if (auto problem = xlsx::Load(xml, &doc)) return std::unexpected(std::move(*problem));
  Sheet sheet;
  std::vector<int> numbers;
  int previous = 0;
  for (pugi::xml_node row : Child(Child(doc, "worksheet"), "sheetData").children()) {
    if (!Is(row, "row")) continue;
    std::expected<int, Problem> number = RowNumber(row, previous);
    if (!number) {
      sheet.problems.push_back({0, -1, std::move(number.error())});
      break;
    }
    previous = *number;
    numbers.push_back(*number);
    SheetRow out{*number, {}};
    ReadCells(row, context, &out, &sheet.problems);
    if (!out.cells.empty()) sheet.rows.push_back(std::move(out));
  }
  PlaceRows(std::move(numbers), &sheet);
  return sheet;
}

}  // namespace scorecard
