#include "io/open_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "domain/text.h"
#include "io/file_source.h"
#include "io/folder.h"
#include "io/workbook.h"

namespace scorecard {
namespace {

// Bigger than any council's workbook; refused before it is read into memory.
constexpr std::uintmax_t kMaxWorkbookFileBytes = std::uintmax_t{100} << 20;

// An interchange folder on disk, owning the files the folder source reads.
class DiskFolderTableSource : public TableSource {
 public:
  explicit DiskFolderTableSource(std::string dir) : files_(std::move(dir)), folder_(files_) {}
  DiskFolderTableSource(const DiskFolderTableSource&) = delete;
  DiskFolderTableSource& operator=(const DiskFolderTableSource&) = delete;

  std::optional<std::string> Config(Issues* issues) const override {
    return folder_.Config(issues);
  }
  std::optional<CsvTable> Table(const TableSpec& spec, Issues* issues) const override {
    return folder_.Table(spec, issues);
  }
  std::optional<std::vector<ReportLayoutText>> Layouts(Issues* issues) const override {
    return folder_.Layouts(issues);
  }
  std::string Describe() const override { return folder_.Describe(); }
  std::string NameOf(const TableSpec& spec) const override { return folder_.NameOf(spec); }
  std::string ConfigName() const override { return folder_.ConfigName(); }
  std::string LayoutsName() const override { return folder_.LayoutsName(); }
  Issue MissingConfig() const override { return folder_.MissingConfig(); }
  void CheckNothingElse(Issues* issues) const override { folder_.CheckNothingElse(issues); }

 private:
  DiskFileSource files_;
  FolderTableSource folder_;  // refers to files_, declared before it
};

std::expected<std::unique_ptr<TableSource>, Issues> OpenWorkbook(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  std::error_code error;
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxWorkbookFileBytes) {
    return std::unexpected(
        Issues{MakeIssue("workbook.too-large", {name, 0, ""},
                         {{"megabytes", std::to_string(kMaxWorkbookFileBytes >> 20)}})});
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes;
  if (in) bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.is_open() || in.bad()) {
    return std::unexpected(
        Issues{MakeIssue("workbook.unreadable", {name, 0, ""}, {{"why", std::strerror(errno)}})});
  }
  auto workbook = WorkbookTableSource::Open(std::move(bytes), name);
  if (!workbook) return std::unexpected(std::move(workbook.error()));
  return std::make_unique<WorkbookTableSource>(std::move(*workbook));
}

}  // namespace

std::expected<std::unique_ptr<TableSource>, Issues> OpenTableSource(const std::string& path) {
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (std::filesystem::is_directory(status)) {
    return std::make_unique<DiskFolderTableSource>(path);
  }
  if (!std::filesystem::exists(status)) {
    return std::unexpected(Issues{MakeIssue("source.nothing-there", {path, 0, ""})});
  }
  if (ToLower(std::filesystem::path(path).extension().string()) != ".xlsx") {
    return std::unexpected(Issues{MakeIssue("source.other-file", {path, 0, ""})});
  }
  return OpenWorkbook(path);
}

}  // namespace scorecard
