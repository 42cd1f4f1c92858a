#include "reports/publish_report.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/assess.h"
#include "app/publication_changes.h"
#include "reports/csv_writer.h"
#include "reports/html_writer.h"
#include "reports/xlsx_writer.h"

namespace scorecard {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::unexpected<Failure> RequestIssue(std::string_view code, std::string field,
                                      IssueParams params) {
  return Invalid({MakeIssue(code, {"request", 0, std::move(field)}, std::move(params))});
}

std::string Listed(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out.empty() ? "none" : out;
}

std::string LayoutNames(const Position& position) {
  std::vector<std::string> names;
  for (const ReportLayoutText& l : position.layouts) names.push_back(l.name);
  return Listed(names);
}

// The formats asked for, each once, in order; every one must be one RenderFormats writes.
Result<std::vector<std::string>> CheckedFormats(const std::vector<std::string>& asked) {
  if (asked.empty()) return PublishFormats();
  std::vector<std::string> out;
  for (const std::string& f : asked) {
    const auto& known = PublishFormats();
    if (std::find(known.begin(), known.end(), f) == known.end()) {
      return RequestIssue("publish.format", "format", {{"format", f}, {"formats", Listed(known)}});
    }
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  }
  return out;
}

std::unexpected<Failure> NotMade(std::string_view format, std::string why) {
  return Fails(Failure::Kind::kUnavailable,
               {MakeIssue("publish.file-not-made", {"request", 0, "format"},
                          {{"format", std::string(format)}, {"why", std::move(why)}})});
}

// The workbook's bytes: WriteXlsx writes a file, here in a folder of its own that goes after.
Result<std::string> XlsxBytes(const ReportDocument& document) {
  std::error_code error;
  std::filesystem::path base = std::filesystem::temp_directory_path(error);
  std::string folder = (base / "scorecard-publish-XXXXXX").string();
  if (error || ::mkdtemp(folder.data()) == nullptr) {
    return NotMade("xlsx", error ? error.message() : std::strerror(errno));
  }
  std::string path = folder + "/report.xlsx";
  // Dated the end of the reporting period, so that the same figures give the same workbook.
  const Moment created = Moment{document.dated.days} * 86'400'000'000;
  auto written = WriteXlsx(document, path, created);
  std::string bytes;
  if (written) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    bytes = s.str();
  }
  std::filesystem::remove_all(folder, error);
  if (!written) return std::unexpected(written.error());
  if (bytes.empty()) return NotMade("xlsx", "the workbook written could not be read back");
  return bytes;
}

}  // namespace

const std::vector<std::string>& PublishFormats() {
  static const std::vector<std::string> kFormats = {"html", "csv", "xlsx"};
  return kFormats;
}

Result<std::vector<ReportFile>> RenderFormats(const Position& position, const std::string& layout,
                                              const ReportOptions& options,
                                              const std::vector<std::string>& formats) {
  auto text = std::find_if(position.layouts.begin(), position.layouts.end(),
                           [&](const ReportLayoutText& l) { return l.name == layout; });
  if (text == position.layouts.end()) {
    return RequestIssue("publish.unknown-layout", "layout",
                        {{"name", layout}, {"layouts", LayoutNames(position)}});
  }
  auto parsed = ParseLayout(text->text, text->name, text->file);
  if (!parsed) return Invalid(std::move(parsed.error()));
  auto document = BuildReport(position, *parsed, options);
  if (!document) return Invalid(std::move(document.error()));
  std::vector<ReportFile> files;
  for (const std::string& format : formats) {
    if (format == "html") {
      files.push_back({"report.html", "html", HtmlWriter().Write(*document, "")});
    } else if (format == "csv") {
      for (CsvFile& f : CsvFiles(*document)) {
        files.push_back({"csv/" + f.name, "csv", std::move(f.text)});
      }
    } else if (format == "xlsx") {
      auto bytes = XlsxBytes(*document);
      if (!bytes) return std::unexpected(bytes.error());
      files.push_back({"report.xlsx", "xlsx", std::move(*bytes)});
    } else {
      return RequestIssue("publish.format", "format",
                          {{"format", format}, {"formats", Listed(PublishFormats())}});
    }
  }
  return files;
}

std::string PublishedWords(const Publication& publication) {
  Date d = DateOf(publication.at);
  return fmt::format("{} {} {} by {} (change {})", d.day(), kMonths.at(d.month() - 1), d.year(),
                     publication.author, publication.change);
}

Result<PublishedReportFiles> PublishReportFiles(const PublishReportRequest& request,
                                                const Clock& clock) {
  auto formats = CheckedFormats(request.formats);
  if (!formats) return std::unexpected(formats.error());
  PublishedReportFiles out;
  PublishRequest publish{request.address, request.period, request.info, request.supersede, {}};
  publish.render = [&](const Position& position,
                       const Publication& publication) -> Result<std::vector<ReportFile>> {
    out.layout = request.layout.empty() ? position.default_layout : request.layout;
    if (out.layout.empty()) {
      if (position.layouts.empty()) return std::vector<ReportFile>{};  // the period alone
      return RequestIssue("publish.no-default-layout", "layout",
                          {{"layouts", LayoutNames(position)}});
    }
    ReportOptions options;
    options.published = PublishedWords(publication);
    return request.render(position, out.layout, options, *formats);
  };
  auto published = PublishReport(publish, clock);
  if (!published) return std::unexpected(published.error());
  out.published = std::move(*published);
  return out;
}

Result<ReportOptions> ReportOptionsFor(const StoreAddress& address, const Period& period,
                                       const Position& position, const Clock& clock,
                                       std::optional<int64_t> as_at) {
  auto publication = PublicationAt(address, period, as_at, clock);
  if (!publication) return std::unexpected(publication.error());
  ReportOptions options;
  if (!*publication) return options;
  const Publication& p = **publication;
  options.published = PublishedWords(p);
  auto then = AssessStored(address, AsAt{fmt::format("change:{}", p.change), std::nullopt}, period,
                           clock, PositionOptions{.history = false});
  if (!then) return std::unexpected(then.error());
  options.since_publication = ChangesSincePublication(*then, position);
  size_t n = options.since_publication.size();
  if (n > 0) {
    Date d = DateOf(p.at);
    options.notice = fmt::format(
        "Figures have changed since this report was published on {} {} {} (change {}): {} "
        "change{}.",
        d.day(), kMonths.at(d.month() - 1), d.year(), p.change, n, n == 1 ? "" : "s");
  }
  return options;
}

}  // namespace scorecard
