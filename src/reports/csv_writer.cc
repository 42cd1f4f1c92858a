#include "reports/csv_writer.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "domain/text.h"

namespace scorecard {
namespace {

namespace fs = std::filesystem;

std::string CellText(const ReportCell& cell) {
  if (cell.kind == ReportCell::Kind::kNumber && cell.number && std::isfinite(*cell.number)) {
    return FormatNumber(*cell.number);
  }
  if (cell.kind == ReportCell::Kind::kDate && cell.date) return cell.date->ToString();
  return cell.text;
}

void AddLine(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *out += ',';
    *out += CsvField(fields[i]);
  }
  *out += '\n';
}

// A table's name as a file's, before ".csv".
std::string FileStem(std::string_view name) {
  std::string stem;
  for (char c : name) {
    bool kept =
        std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    if (kept) {
      stem += c;
    } else if (stem.empty() || stem.back() != '-') {
      stem += '-';
    }
  }
  // Not hidden, and not read as an option when given to a command.
  stem.erase(0, stem.find_first_not_of(".-"));
  return stem.empty() ? "table" : stem;
}

std::unexpected<Failure> NotWritten(const fs::path& file, std::string why) {
  return Fails(Failure::Kind::kUnavailable,
               {MakeIssue("report.csv-not-written", {file.string(), 0, ""},
                          {{"file", file.filename().string()}, {"why", std::move(why)}})});
}

// Fails unless `folder` holds only hidden files and files named in `files`.
Result<void> CheckContents(const fs::path& folder, const std::vector<CsvFile>& files) {
  std::set<std::string> ours;
  for (const CsvFile& f : files) ours.insert(f.name);
  std::vector<std::string> others;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with('.')) continue;
    if (!ours.contains(name) || !entry.is_regular_file(ec)) others.push_back(name);
  }
  if (ec) {
    return Fails(Failure::Kind::kUnavailable,
                 {MakeIssue("report.csv-unreadable-folder", {folder.string(), 0, ""},
                            {{"why", ec.message()}})});
  }
  if (others.empty()) return {};
  std::sort(others.begin(), others.end());
  std::string listed = others[0];
  for (size_t i = 1; i < std::min<size_t>(others.size(), 3); ++i) listed += ", " + others[i];
  if (others.size() > 3) listed += fmt::format(" and {} more", others.size() - 3);
  return Invalid(
      {MakeIssue("report.csv-other-files", {folder.string(), 0, ""}, {{"files", listed}})});
}

// Writes every file beside its name, then renames them all into place.
Result<void> WriteFiles(const fs::path& folder, const std::vector<CsvFile>& files) {
  const std::string suffix = fmt::format(".partial-{}", ::getpid());
  std::vector<fs::path> partials;
  std::error_code ec;
  auto fail = [&](std::unexpected<Failure> failure) {
    for (const fs::path& p : partials) fs::remove(p, ec);
    return failure;
  };
  for (const CsvFile& f : files) {
    partials.push_back(folder / (f.name + suffix));
    std::ofstream out(partials.back(), std::ios::binary | std::ios::trunc);
    out << f.text;
    out.close();
    if (!out) return fail(NotWritten(folder / f.name, std::strerror(errno)));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    fs::rename(partials[i], folder / files[i].name, ec);
    if (ec) return fail(NotWritten(folder / files[i].name, ec.message()));
  }
  return {};
}

}  // namespace

std::string CsvText(const ReportTable& table) {
  size_t width = table.columns.size();
  for (const ReportRow& r : table.rows) {
    size_t covered = 0;
    for (const ReportCell& c : r.cells) covered += static_cast<size_t>(std::max(1, c.span));
    width = std::max(width, covered);
  }
  bool groups = std::any_of(table.rows.begin(), table.rows.end(),
                            [](const ReportRow& r) { return !r.group.empty(); });
  bool highlights = std::any_of(table.rows.begin(), table.rows.end(),
                                [](const ReportRow& r) { return !r.highlight.empty(); });
  std::string out;
  std::vector<std::string> fields;
  if (groups) fields.emplace_back("Group");
  for (const ReportColumn& c : table.columns) {
    fields.push_back(c.group.empty() ? c.label : c.group + ": " + c.label);
  }
  fields.resize(width + (groups ? 1 : 0));
  if (highlights) fields.emplace_back("Highlighted");
  AddLine(fields, &out);
  for (const ReportRow& r : table.rows) {
    fields.clear();
    if (groups) fields.push_back(r.group);
    for (const ReportCell& c : r.cells) {
      fields.push_back(CellText(c));
      fields.resize(fields.size() + static_cast<size_t>(std::max(1, c.span)) - 1);
    }
    fields.resize(width + (groups ? 1 : 0));
    if (highlights) fields.push_back(r.highlight);
    AddLine(fields, &out);
  }
  return out;
}

std::vector<CsvFile> CsvFiles(const ReportDocument& document) {
  std::vector<CsvFile> files;
  std::set<std::string> taken;  // lower case: two names apart only in case are one on some disks
  for (const ReportTable* table : document.Tables()) {
    std::string stem = FileStem(table->name);
    std::string name = stem + ".csv";
    for (int n = 2; taken.contains(ToLower(name)); ++n) name = fmt::format("{}-{}.csv", stem, n);
    taken.insert(ToLower(name));
    files.push_back({std::move(name), CsvText(*table)});
  }
  return files;
}

Result<std::vector<std::string>> WriteCsv(const ReportDocument& document,
                                          const std::string& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    return Invalid({MakeIssue("report.csv-not-a-folder", {folder, 0, ""})});
  }
  fs::create_directories(folder, ec);
  if (ec) {
    return Fails(Failure::Kind::kUnavailable,
                 {MakeIssue("report.csv-no-folder", {folder, 0, ""}, {{"why", ec.message()}})});
  }
  std::vector<CsvFile> files = CsvFiles(document);
  if (auto checked = CheckContents(folder, files); !checked) {
    return std::unexpected(std::move(checked.error()));
  }
  if (auto written = WriteFiles(folder, files); !written) {
    return std::unexpected(std::move(written.error()));
  }
  std::vector<std::string> names;
  for (CsvFile& f : files) names.push_back(std::move(f.name));
  return names;
}

}  // namespace scorecard
