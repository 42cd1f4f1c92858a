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
#include "reports/make_report.h"

namespace scorecard {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "20 November 2017": the day (UTC) of the moment.
std::string LongDate(Moment moment) {
  Date d = DateOf(moment);
  return fmt::format("{} {} {}", d.day(), kMonths.at(d.month() - 1), d.year());
}

std::unexpected<Failure> RequestIssue(std::string_view code, std::string field,
                                      IssueParams params) {
  return Invalid({MakeIssue(code, {"request", 0, std::move(field)}, std::move(params))});
}

std::string Listed(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out.empty() ? "none" : out;
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

std::optional<std::string> ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  if (!in) return std::nullopt;
  return s.str();
}

// A new folder of the process's own in the temporary folder, removed with what it holds.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::error_code error;
    std::string folder =
        (std::filesystem::temp_directory_path(error) / "scorecard-publish-XXXXXX").string();
    if (error) {
      why_ = error.message();
    } else if (::mkdtemp(folder.data()) == nullptr) {
      why_ = std::strerror(errno);
    } else {
      path_ = folder;
    }
  }
  ~ScratchFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }  // empty if it was not made
  const std::string& why() const { return why_; }

 private:
  std::filesystem::path path_;
  std::string why_;
};

// The document written as `format` by WriteReport, as files: a file "report.FORMAT", or for csv
// "csv/NAME.csv" for each table.
Result<std::vector<ReportFile>> Written(const ReportDocument& document, const std::string& format,
                                        const std::filesystem::path& folder) {
  std::filesystem::path target = folder / (format == "csv" ? "csv" : "report." + format);
  auto written = WriteReport(document, format, target.string());
  if (!written) return std::unexpected(written.error());
  std::vector<std::filesystem::path> paths;
  if (format == "csv") {
    for (const std::string& name : *written) paths.push_back(target / name);
  } else {
    paths.push_back(target);
  }
  std::vector<ReportFile> files;
  for (const std::filesystem::path& path : paths) {
    auto bytes = ReadBytes(path);
    if (!bytes) return NotMade(format, "the file written cannot be read back: " + path.string());
    std::string name = std::filesystem::relative(path, folder).generic_string();
    files.push_back({std::move(name), format, std::move(*bytes)});
  }
  return files;
}

}  // namespace

const std::vector<std::string>& PublishFormats() {
  static const std::vector<std::string> kFormats = {"html", "csv", "xlsx", "pdf"};
  return kFormats;
}

Result<std::vector<ReportFile>> RenderFormats(const Position& position, const std::string& layout,
                                              const ReportOptions& options,
                                              const std::vector<std::string>& formats) {
  auto checked = CheckedFormats(formats);
  if (!checked) return std::unexpected(checked.error());
  auto document = MakeReport(position, layout, options);
  if (!document) return std::unexpected(document.error());
  ScratchFolder folder;
  if (folder.path().empty()) return NotMade(checked->front(), folder.why());
  std::vector<ReportFile> files;
  for (const std::string& format : *checked) {
    auto written = Written(*document, format, folder.path());
    if (!written) return std::unexpected(written.error());
    for (ReportFile& f : *written) files.push_back(std::move(f));
  }
  return files;
}

std::string PublishedWords(const Publication& publication) {
  return fmt::format("{} by {} (change {})", LongDate(publication.at), publication.author,
                     publication.change);
}

Result<PublishedReportFiles> PublishReportFiles(const PublishReportRequest& request,
                                                const Clock& clock) {
  auto formats = CheckedFormats(request.formats);
  if (!formats) return std::unexpected(formats.error());
  PublishedReportFiles out;
  PublishRequest publish{request.address, request.period, request.info, request.supersede, {}};
  publish.render = [&](const Position& position,
                       const Publication& publication) -> Result<std::vector<ReportFile>> {
    if (request.layout.empty() && position.layouts.empty()) {
      return std::vector<ReportFile>{};  // the period alone
    }
    out.layout = request.layout.empty() ? position.default_layout : request.layout;
    ReportOptions options;
    options.published = PublishedWords(publication);
    return request.render(position, request.layout, options, *formats);
  };
  auto published = PublishReport(publish, clock);
  if (!published) return std::unexpected(published.error());
  out.published = std::move(*published);
  return out;
}

Result<ReportOptions> ReportOptionsFor(const StoreAddress& address, const Period& period,
                                       const Position& position, const AsAt& as_at,
                                       const Clock& clock) {
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
    options.notice = fmt::format(
        "Figures have changed since this report was published on {} (change {}): {} change{}.",
        LongDate(p.at), p.change, n, n == 1 ? "" : "s");
  }
  return options;
}

}  // namespace scorecard
