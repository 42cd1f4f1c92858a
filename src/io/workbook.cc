#include "io/workbook.h"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

#include "domain/text.h"
#include "io/report_layouts.h"
#include "io/workbook_zip.h"

namespace scorecard {
namespace {

// Real workbooks are a few MB. The XML of a part takes about ten times its size in memory
// once parsed, so this bounds what a small, highly compressed file can cost.
constexpr size_t kMaxUncompressedBytes = size_t{100} << 20;
// Rows x columns of one table: far beyond any council's, well short of exhausting memory.
constexpr size_t kMaxCells = 5'000'000;
constexpr std::string_view kConfigSheet = "scorecard";

using Sheets = std::map<std::string, Sheet, std::less<>>;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The relationship with this id (any id, if empty) whose type ends with type_suffix.
const Relationship* FindRelationship(const std::vector<Relationship>& relationships,
                                     std::string_view id, std::string_view type_suffix) {
  for (const Relationship& r : relationships) {
    if ((id.empty() || r.id == id) && EndsWith(r.type, type_suffix)) return &r;
  }
  return nullptr;
}

// REQUIRES: name in lower case.
bool IsLayoutSheet(std::string_view name) { return StartsWith(name, kLayoutSheetPrefix); }

// REQUIRES: name in lower case.
bool IsSheetWeRead(std::string_view name) {
  if (name == kConfigSheet || IsLayoutSheet(name)) return true;
  for (const TableSpec& spec : InterchangeTables()) {
    if (spec.name == name) return true;
  }
  return false;
}

// The parts of one workbook. Every failure is an issue for the user, without its place.
class Package {
 public:
  explicit Package(ZipArchive archive) : archive_(std::move(archive)) {}

  // Reads a part and parses it with `parse`; nullopt if the archive has no such part.
  template <typename Parse>
  auto ReadPart(const std::string& part, Parse parse)
      -> std::expected<std::optional<typename std::invoke_result_t<Parse, std::string>::value_type>,
                       Problem> {
    using Parsed = typename std::invoke_result_t<Parse, std::string>::value_type;
    auto bytes = archive_.Read(part);
    if (!bytes && archive_.over_budget()) {
      return std::unexpected(Problem{"workbook.too-large-uncompressed",
                                     {{"megabytes", std::to_string(kMaxUncompressedBytes >> 20)}}});
    }
    if (!bytes) {
      return std::unexpected(
          Problem{"workbook.part-unreadable", {{"part", part}, {"why", bytes.error()}}});
    }
    if (!*bytes) return std::optional<Parsed>();
    auto parsed = parse(std::move(**bytes));
    if (!parsed) {
      parsed.error().params.emplace_back("part", part);
      return std::unexpected(std::move(parsed.error()));
    }
    return std::optional<Parsed>(std::move(*parsed));
  }

  // As ReadPart, but a missing part is a failure.
  template <typename Parse>
  auto ReadRequiredPart(const std::string& part, Parse parse)
      -> std::expected<typename std::invoke_result_t<Parse, std::string>::value_type, Problem> {
    auto parsed = ReadPart(part, parse);
    if (!parsed) return std::unexpected(parsed.error());
    if (!*parsed) return std::unexpected(Problem{"workbook.missing-part", {{"part", part}}});
    return std::move(**parsed);
  }

  // The workbook part, as the package's relationships name it; xl/workbook.xml by default.
  std::expected<std::string, Problem> WorkbookPartName() {
    auto relationships = ReadPart(RelationshipsPart(""), ParseRelationships);
    if (!relationships) return std::unexpected(relationships.error());
    const Relationship* office =
        *relationships ? FindRelationship(**relationships, "", "/officeDocument") : nullptr;
    return office ? ResolveTarget("", office->target) : "xl/workbook.xml";
  }

  // Shared strings and styles, where the workbook has them.
  std::expected<CellContext, Problem> ReadContext(const std::string& workbook_part,
                                                  const std::vector<Relationship>& relationships) {
    CellContext context;
    if (const Relationship* r = FindRelationship(relationships, "", "/sharedStrings")) {
      auto strings = ReadPart(ResolveTarget(workbook_part, r->target), ParseSharedStrings);
      if (!strings) return std::unexpected(strings.error());
      context.shared_strings = std::move(*strings).value_or(std::vector<std::string>());
    }
    if (const Relationship* r = FindRelationship(relationships, "", "/styles")) {
      auto styles = ReadPart(ResolveTarget(workbook_part, r->target), ParseStyles);
      if (!styles) return std::unexpected(styles.error());
      context.styles = std::move(*styles).value_or(std::vector<NumberShape>());
    }
    return context;
  }

 private:
  ZipArchive archive_;
};

// The sheets Scorecard reads, and the names of those it does not (said by CheckNothingElse).
struct ReadBook {
  Sheets sheets;
  std::vector<std::string> layouts;  // the layout sheets' names, as the workbook has them
  std::vector<std::string> unread;
  std::vector<std::string> charts;  // chart sheets named like a table: no cells to read
};

std::expected<ReadBook, Problem> ReadSheets(std::string_view bytes) {
  // libzip reads no bytes as an empty archive.
  if (bytes.empty()) return std::unexpected(Problem{"workbook.empty", {}});
  auto archive = ZipArchive::Open(bytes, kMaxUncompressedBytes);
  if (!archive) return std::unexpected(Problem{"workbook.not-zip", {}});
  Package package(std::move(*archive));
  auto part = package.WorkbookPartName();
  if (!part) return std::unexpected(part.error());
  auto workbook = package.ReadRequiredPart(*part, ParseWorkbookPart);
  if (!workbook) return std::unexpected(workbook.error());
  auto relationships = package.ReadPart(RelationshipsPart(*part), ParseRelationships);
  if (!relationships) return std::unexpected(relationships.error());
  std::vector<Relationship> related =
      std::move(*relationships).value_or(std::vector<Relationship>());
  auto context = package.ReadContext(*part, related);
  if (!context) return std::unexpected(context.error());
  context->date1904 = workbook->date1904;

  ReadBook book;
  Sheets& sheets = book.sheets;
  for (const SheetEntry& entry : workbook->sheets) {
    std::string name = ToLower(Trim(entry.name));
    if (!IsSheetWeRead(name)) {
      book.unread.push_back(entry.name);
      continue;
    }
    const Relationship* r = FindRelationship(related, entry.relationship, "");
    if (r == nullptr || entry.relationship.empty()) {
      return std::unexpected(Problem{"workbook.sheet-without-part", {{"sheet", entry.name}}});
    }
    if (!EndsWith(r->type, "/worksheet")) {  // a chart sheet: no cells
      book.charts.push_back(entry.name);
      continue;
    }
    if (sheets.contains(name)) {
      sheets[name].problems.push_back({0, -1, {"workbook.sheet-twice", {{"sheet", name}}}});
      continue;
    }
    auto sheet = package.ReadRequiredPart(ResolveTarget(*part, r->target), [&](std::string xml) {
      return ParseSheet(std::move(xml), *context);
    });
    if (!sheet) return std::unexpected(sheet.error());
    sheets.emplace(name, std::move(*sheet));
    if (IsLayoutSheet(name)) book.layouts.emplace_back(Trim(entry.name));
  }
  return book;
}

// The header's name for a column, else its letters.
std::string ColumnName(const std::vector<std::string>& header, int column, int row,
                       int header_row) {
  if (column < 0) return "";
  auto at = static_cast<size_t>(column);
  if (row != header_row && at < header.size() && !header[at].empty()) return header[at];
  return ColumnLetters(column);
}

void AddProblems(const Sheet& sheet, const std::string& file,
                 const std::vector<std::string>& header, int header_row, Issues* issues) {
  for (const CellProblem& p : sheet.problems) {
    issues->push_back(
        MakeIssue(p.problem, {file, p.row, ColumnName(header, p.column, p.row, header_row)}));
  }
}

// The column names, by column: as wide as the row's rightmost cell, whatever the cells' order.
std::vector<std::string> Header(const SheetRow& row) {
  size_t width = 0;
  for (const SheetCell& cell : row.cells) {
    width = std::max(width, static_cast<size_t>(cell.column) + 1);
  }
  std::vector<std::string> header(width);
  for (const SheetCell& cell : row.cells) {
    header[static_cast<size_t>(cell.column)] = ToLower(Trim(cell.text));
  }
  return header;
}

// Lays the sheet's cells out as a table under its first row; cells beyond the header are issues.
CsvTable ToTable(const Sheet& sheet, const std::string& file, Issues* issues) {
  CsvTable table;
  table.file = file;
  Issues found;
  if (sheet.rows.empty()) {
    found.push_back(MakeIssue("workbook.no-header", {file, 0, ""}));
  } else {
    table.header = Header(sheet.rows.front());
  }
  const size_t width = table.header.size();
  for (size_t i = 1; i < sheet.rows.size(); ++i) {
    if ((table.rows.size() + 1) * width > kMaxCells) {
      found.push_back(MakeIssue("workbook.too-many-cells", {file, sheet.rows[i].number, ""},
                                {{"cells", std::to_string(kMaxCells)}}));
      break;
    }
    int line = sheet.rows[i].number;
    std::vector<std::string> fields(width);
    bool blank = true;
    for (const SheetCell& cell : sheet.rows[i].cells) {
      auto column = static_cast<size_t>(cell.column);
      if (column >= width) {
        found.push_back(
            MakeIssue("workbook.unnamed-column", {file, line, ColumnLetters(cell.column)}));
        continue;
      }
      fields[column] = cell.text;
      blank = false;
    }
    if (!blank) table.AddRow(line, fields);
  }
  int header_row = sheet.rows.empty() ? 0 : sheet.rows.front().number;
  AddProblems(sheet, file, table.header, header_row, &found);
  std::stable_sort(found.begin(), found.end(),
                   [](const Issue& a, const Issue& b) { return a.line < b.line; });
  issues->insert(issues->end(), found.begin(), found.end());
  return table;
}

// A text held one line per row in column A (scorecard.toml, a layout): an empty row is an empty
// line, so a line number is the row to look at. A cell in another column is an issue `code`.
std::string SheetText(const Sheet& sheet, const std::string& file, std::string_view code,
                      Issues* issues) {
  std::string text;
  int line = 0;
  for (const SheetRow& row : sheet.rows) {
    text.append(static_cast<size_t>(row.number - line - 1), '\n');  // empty rows, empty lines
    line = row.number;
    for (const SheetCell& cell : row.cells) {
      if (cell.column == 0) {
        text += cell.text;
      } else {
        issues->push_back(MakeIssue(code, {file, row.number, ColumnLetters(cell.column)}));
      }
    }
    text += '\n';
  }
  AddProblems(sheet, file, {}, 0, issues);
  return text;
}

}  // namespace

std::expected<WorkbookTableSource, Issues> WorkbookTableSource::Open(std::string bytes,
                                                                     std::string name) {
  auto sheets = ReadSheets(bytes);
  if (!sheets) return std::unexpected(Issues{MakeIssue(std::move(sheets.error()), {name, 0, ""})});
  WorkbookTableSource source(std::move(name));
  source.sheets_ = std::move(sheets->sheets);
  source.unread_ = std::move(sheets->unread);
  source.charts_ = std::move(sheets->charts);
  source.layouts_ = std::move(sheets->layouts);
  return source;
}

std::string WorkbookTableSource::SheetFile(std::string_view sheet) const {
  return fmt::format("{} [{}]", name_, sheet);
}

void WorkbookTableSource::CheckNothingElse(Issues* issues) const {
  std::vector<std::string_view> known = {kConfigSheet};
  for (const TableSpec& spec : InterchangeTables()) known.push_back(spec.name);
  for (const std::string& sheet : unread_) {
    if (StartsWith(ToLower(Trim(sheet)), "x_")) continue;
    std::string nearest = NearestName(sheet, known);
    issues->push_back(
        MakeIssue(nearest.empty() ? "workbook.unknown-sheet" : "workbook.unexpected-sheet",
                  {SheetFile(sheet), 0, ""}, {{"nearest", nearest}}));
  }
  for (const std::string& sheet : charts_) {
    issues->push_back(MakeIssue("workbook.chart-sheet", {SheetFile(sheet), 0, ""}));
  }
}

Issue WorkbookTableSource::MissingConfig() const {
  return MakeIssue("workbook.no-config", {name_, 0, ""});
}

std::optional<std::string> WorkbookTableSource::Config(Issues* issues) const {
  auto it = sheets_.find(kConfigSheet);
  if (it == sheets_.end()) return std::nullopt;
  return SheetText(it->second, SheetFile(kConfigSheet), "workbook.config-column", issues);
}

std::optional<std::vector<ReportLayoutText>> WorkbookTableSource::Layouts(Issues* issues) const {
  if (layouts_.empty()) return std::nullopt;
  std::vector<ReportLayoutText> out;
  for (const std::string& sheet : layouts_) {
    std::string file = SheetFile(sheet);
    std::string text = SheetText(sheets_.at(ToLower(sheet)), file, "reports.sheet-column", issues);
    out.push_back({sheet.substr(kLayoutSheetPrefix.size()), std::move(text), std::move(file)});
  }
  return out;
}

std::optional<CsvTable> WorkbookTableSource::Table(const TableSpec& spec, Issues* issues) const {
  auto it = sheets_.find(spec.name);
  if (it == sheets_.end()) return std::nullopt;
  return ToTable(it->second, SheetFile(spec.name), issues);
}

}  // namespace scorecard
