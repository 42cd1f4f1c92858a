#include "app/stored_council.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "io/folder.h"
#include "io/report_layouts.h"
#include "io/workbook_writer.h"

namespace scorecard {

std::optional<std::string> StoredTableSource::Config(Issues* issues) const {
  auto rows = store_.Rows(org_, ConfigSpec(), as_at_);
  if (!rows) {
    issues->push_back(StoreIssue(rows.error()));
    return std::nullopt;
  }
  if (rows->empty()) {
    issues->push_back(MakeIssue("store.no-config", {"database", 0, ""}));
    return std::nullopt;
  }
  return rows->front().fields.at(0);
}

std::optional<CsvTable> StoredTableSource::Table(const TableSpec& spec, Issues* issues) const {
  auto rows = store_.Rows(org_, spec, as_at_);
  if (!rows) {
    issues->push_back(StoreIssue(rows.error()));
    return std::nullopt;
  }
  if (rows->empty()) return std::nullopt;
  CsvTable table;
  table.file = std::string(spec.name) + " (database)";
  for (std::string_view c : spec.columns()) table.header.emplace_back(c);
  int line = 1;
  for (StoredRow& r : *rows) table.AddRow(++line, r.fields);
  return table;
}

std::optional<std::vector<ReportLayoutText>> StoredTableSource::Layouts(Issues* issues) const {
  auto rows = store_.Rows(org_, ReportLayoutSpec(), as_at_);
  if (!rows) {
    issues->push_back(StoreIssue(rows.error()));
    return std::nullopt;
  }
  if (rows->empty()) return std::nullopt;
  std::vector<ReportLayoutText> out;
  for (StoredRow& r : *rows) {
    std::string name = r.fields.at(0);
    std::string file = LayoutFileName(name) + " (database)";
    out.push_back({std::move(name), std::move(r.fields.at(1)), std::move(file)});
  }
  return out;
}

std::expected<Council, Issues> LoadCouncil(Store& store, std::string_view org_code,
                                           std::optional<int64_t> as_at) {
  auto org = store.FindOrganisation(org_code);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  return ReadCouncil(StoredTableSource(store, *org, as_at));
}

namespace {

struct Exported {
  std::string config;
  std::vector<std::pair<const TableSpec*, std::vector<Row>>> tables;  // those with rows
  std::vector<ReportLayoutText> layouts;
};

std::expected<Exported, Issues> Export(Store& store, std::string_view org_code,
                                       std::optional<int64_t> as_at) {
  auto org = store.FindOrganisation(org_code);
  if (!org) return std::unexpected(Issues{StoreIssue(org.error())});
  Exported out;
  for (const TableSpec* spec : StoredTables()) {
    auto rows = store.Rows(*org, *spec, as_at);
    if (!rows) return std::unexpected(Issues{StoreIssue(rows.error())});
    if (spec == &ConfigSpec()) {
      if (!rows->empty()) out.config = rows->front().fields.at(0);
      continue;
    }
    if (spec == &ReportLayoutSpec()) {
      for (StoredRow& r : *rows) {
        std::string file = LayoutFileName(r.fields.at(0));
        out.layouts.push_back({std::move(r.fields.at(0)), std::move(r.fields.at(1)), file});
      }
      continue;
    }
    if (rows->empty()) continue;
    std::vector<Row> plain;
    plain.reserve(rows->size());
    for (StoredRow& r : *rows) plain.push_back(std::move(r.fields));
    out.tables.emplace_back(spec, std::move(plain));
  }
  return out;
}

}  // namespace

std::expected<std::map<std::string, std::string>, Issues> ExportFiles(
    Store& store, std::string_view org_code, std::optional<int64_t> as_at) {
  auto exported = Export(store, org_code, as_at);
  if (!exported) return std::unexpected(exported.error());
  std::map<std::string, std::string> files;
  files["scorecard.toml"] = exported->config;
  for (const auto& [spec, rows] : exported->tables) {
    files[std::string(spec->name) + ".csv"] = CsvText(*spec, rows);
  }
  for (const ReportLayoutText& layout : exported->layouts) files[layout.file] = layout.text;
  return files;
}

std::expected<void, Issues> ExportWorkbook(Store& store, std::string_view org_code,
                                           std::optional<int64_t> as_at, const std::string& path) {
  auto exported = Export(store, org_code, as_at);
  if (!exported) return std::unexpected(exported.error());
  std::vector<NamedTable> sheets;
  for (auto& [spec, rows] : exported->tables) {
    CsvTable table;
    table.file = std::string(spec->name);
    for (std::string_view c : spec->columns()) table.header.emplace_back(c);
    int line = 1;
    for (Row& r : rows) table.AddRow(++line, r);
    sheets.push_back({std::string(spec->name), std::move(table)});
  }
  if (auto r = WriteWorkbook(path, exported->config, sheets, exported->layouts); !r) {
    return std::unexpected(Issues{MakeIssue(std::move(r.error()), {path, 0, ""})});
  }
  return {};
}

Result<std::string> ExportCouncil(const StoreAddress& address, const AsAt& as_at,
                                  const std::string& target, const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  auto change = ResolveAsAt(*opened->store, opened->org, as_at);
  if (!change) return std::unexpected(change.error());
  if (target.ends_with(".xlsx")) {
    if (auto r = ExportWorkbook(*opened->store, address.org, *change, target); !r) {
      return Fails(Failure::Kind::kUnavailable, std::move(r.error()));
    }
    return "exported to " + target;
  }
  auto files = ExportFiles(*opened->store, address.org, *change);
  if (!files) return Fails(Failure::Kind::kUnavailable, std::move(files.error()));
  if (auto r = WriteFiles(target, *files); !r) {
    return Fails(Failure::Kind::kUnavailable, std::move(r.error()));
  }
  return fmt::format("exported {} files to {}", files->size(), target);
}

std::expected<void, Issues> WriteFiles(const std::string& dir,
                                       const std::map<std::string, std::string>& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return std::unexpected(
        Issues{MakeIssue("export.no-folder", {dir, 0, ""}, {{"why", ec.message()}})});
  }
  // Every file is written whole beside its target before any is renamed over its target: a
  // failure to write (a full disk, say) leaves the folder as it was.
  const std::filesystem::path folder(dir);
  const std::string suffix = ".partial-" + std::to_string(::getpid());
  std::vector<std::filesystem::path> written;
  std::vector<std::filesystem::path> made;  // folders made here (reports/), removed on failure
  auto remove_written = [&] {
    for (const auto& p : written) std::filesystem::remove(p, ec);
    for (auto p = made.rbegin(); p != made.rend(); ++p) std::filesystem::remove(*p, ec);
  };
  for (const auto& [name, text] : files) {
    const std::filesystem::path target = folder / name;
    if (std::filesystem::exists(target, ec) && !std::filesystem::is_regular_file(target, ec)) {
      remove_written();
      return std::unexpected(Issues{MakeIssue("export.not-a-file", {dir + "/" + name, 0, ""})});
    }
    if (target.parent_path() != folder) {  // reports/NAME.toml
      if (!std::filesystem::exists(target.parent_path(), ec)) made.push_back(target.parent_path());
      std::filesystem::create_directories(target.parent_path(), ec);
      if (ec) {
        remove_written();
        return std::unexpected(Issues{MakeIssue(
            "export.no-folder", {target.parent_path().string(), 0, ""}, {{"why", ec.message()}})});
      }
    }
    std::filesystem::path partial = folder / (name + suffix);
    written.push_back(partial);
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::string why = std::strerror(errno);
      remove_written();
      return std::unexpected(
          Issues{MakeIssue("export.file-not-written", {dir + "/" + name, 0, ""}, {{"why", why}})});
    }
  }
  for (const auto& [name, text] : files) {
    std::filesystem::rename(folder / (name + suffix), folder / name, ec);
    if (ec) {
      remove_written();
      return std::unexpected(Issues{MakeIssue("export.file-not-written", {dir + "/" + name, 0, ""},
                                              {{"why", ec.message()}})});
    }
  }
  return {};
}

}  // namespace scorecard
