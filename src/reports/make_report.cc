#include "reports/make_report.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "reports/csv_writer.h"
#include "reports/html_writer.h"
#include "reports/pdf.h"
#include "reports/stylesheet.h"
#include "reports/xlsx_writer.h"

namespace scorecard {
namespace {

Issue OutputIssue(const std::string& path, const std::string& why) {
  return MakeIssue("report.output", {path, 0, ""}, {{"why", why}});
}

std::string Names(const std::vector<ReportLayoutText>& layouts) {
  std::string names;
  for (const ReportLayoutText& l : layouts) names += (names.empty() ? "" : ", ") + l.name;
  return names.empty() ? "none" : names;
}

// Writes `text` to `path` whole: beside it first, then renamed into place.
Result<void> WriteFile(const std::string& path, const std::string& text) {
  std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::filesystem::remove(partial);
      return Fails(Failure::Kind::kUnavailable, {OutputIssue(path, "it cannot be written")});
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial);
    return Fails(Failure::Kind::kUnavailable, {OutputIssue(path, ec.message())});
  }
  return {};
}

}  // namespace

const std::vector<std::string_view>& ReportFormats() {
  static const std::vector<std::string_view> formats = {"html", "pdf", "xlsx", "csv"};
  return formats;
}

Result<ReportDocument> MakeReport(const Position& position, const std::string& name,
                                  const ReportOptions& options) {
  std::string wanted = name.empty() ? position.default_layout : name;
  if (wanted.empty()) {
    return Invalid({MakeIssue("report.no-layout", {"request", 0, "layout"},
                              {{"known", Names(position.layouts)}})});
  }
  const ReportLayoutText* text = nullptr;
  for (const ReportLayoutText& l : position.layouts) {
    if (l.name == wanted) text = &l;
  }
  if (text == nullptr) {
    return Invalid({MakeIssue("report.unknown-layout", {"request", 0, "layout"},
                              {{"name", wanted}, {"known", Names(position.layouts)}})});
  }
  auto layout = ParseLayout(text->text, text->name, text->file);
  if (!layout) return Invalid(std::move(layout.error()));
  auto document = BuildReport(position, *layout, options);
  if (!document) return Invalid(std::move(document.error()));
  return std::move(*document);
}

Result<std::vector<std::string>> WriteReport(const ReportDocument& document,
                                             std::string_view format, const std::string& path,
                                             void (*on_step)(std::string_view)) {
  auto step = [&](std::string_view what) {
    if (on_step) on_step(what);
  };
  if (format == "csv") {
    step("writing the CSV files");
    return WriteCsv(document, path);
  }
  if (format == "xlsx") {
    step("writing the workbook");
    Moment created = static_cast<Moment>(document.dated.days) * 86'400'000'000LL;
    auto written = WriteXlsx(document, path, created);
    if (!written) return std::unexpected(std::move(written.error()));
    return std::vector<std::string>{path};
  }
  step("writing the HTML");
  HtmlWriter writer;
  std::string html = writer.Write(document, ReportStylesheet());
  if (format == "html") {
    auto written = WriteFile(path, html);
    if (!written) return std::unexpected(std::move(written.error()));
    return std::vector<std::string>{path};
  }
  // PDF: Chromium prints the HTML from a file of its own beside nothing of the user's.
  std::error_code ec;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path(ec) / fmt::format("scorecard-report-{}", getpid());
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fails(Failure::Kind::kUnavailable, {OutputIssue(dir.string(), ec.message())});
  std::filesystem::path html_file = dir / "report.html";
  auto written = WriteFile(html_file.string(), html);
  if (!written) return std::unexpected(std::move(written.error()));
  step("printing the PDF (Chromium)");
  auto printed = PrintPdf(html_file, std::filesystem::absolute(path));
  std::filesystem::remove_all(dir, ec);
  if (!printed) return std::unexpected(std::move(printed.error()));
  return std::vector<std::string>{path};
}

}  // namespace scorecard
