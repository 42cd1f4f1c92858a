// The report command: a council's report for a period, by a layout, in a format.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/assess.h"
#include "app/publish.h"
#include "app/system_clock.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/request.h"
#include "reports/make_report.h"
#include "reports/publish_report.h"

namespace scorecard {
namespace {

// The first thing wrong with how the report was asked for, found before anything is read.
std::optional<Issue> ReportRequestIssue(const Options& o) {
  const auto& formats = ReportFormats();
  if (std::ranges::find(formats, o.report_format) == formats.end()) {
    return RequestIssue("request.report-format", "format", {{"text", o.report_format}});
  }
  return SourceRequestIssue(o);
}

// On a terminal, each step on one line that the next step overwrites.
void Progress(std::string_view step) {
  fmt::print(stderr, "\r\x1b[2Kscorecard report: {}...", step);
  std::fflush(stderr);
}

// Writes `content` to `path` whole (beside it first); false, with why, if it cannot.
bool WriteWhole(const std::filesystem::path& path, const std::string& content, std::string* why) {
  std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
      *why = "it cannot be written";
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) *why = ec.message();
  return !ec;
}

// --published: the files stored when the period's report was published, as they were, in the
// format asked for (csv: every CSV file, into the folder).
int WritePublished(const Options& o, const StoreAddress& address, const Period& period,
                   const Where& where) {
  SystemClock clock;
  auto published = ReadPublishedReport(address, period, std::nullopt, clock);
  if (!published) return PrintFailure(published.error(), where, "no report was written");
  std::vector<const PublishedFile*> files;
  std::string formats;
  for (const PublishedFile& f : published->files) {
    if (f.format == o.report_format) files.push_back(&f);
    if (formats.find(f.format) == std::string::npos) {
      formats += (formats.empty() ? "" : ", ") + f.format;
    }
  }
  if (files.empty()) {
    return PrintIssues({MakeIssue("report.not-published-as", {"request", 0, "format"},
                                  {{"period", period.ToString()},
                                   {"format", o.report_format},
                                   {"formats", formats.empty() ? "none" : formats}})},
                       where, "no report was written");
  }
  std::error_code ec;
  if (o.report_format == "csv") std::filesystem::create_directories(o.output, ec);
  for (const PublishedFile* f : files) {
    std::filesystem::path path = o.output;
    if (o.report_format == "csv") path /= std::filesystem::path(f->name).filename();
    std::string why;
    if (!WriteWhole(path, f->content, &why)) {
      return PrintIssues({MakeIssue("report.output", {path.string(), 0, ""}, {{"why", why}})},
                         where, "no report was written");
    }
  }
  fmt::print("{}: the {} report as published at change {} ({} {} file{}) written to {}\n",
             where.source, period.ToString(), published->publication.change, files.size(),
             o.report_format, files.size() == 1 ? "" : "s", o.output);
  return 0;
}

}  // namespace

int RunReport(const Options& o) {
  StoreAddress address{o.db, o.org};
  Where where{"report", o.org.empty() ? o.source : address.url_or_default()};
  if (auto issue = ReportRequestIssue(o)) {
    return PrintUsageError(*issue, where, "no report was made");
  }
  std::optional<Period> period;
  if (!o.period.empty()) {
    auto p = ParsePeriod(o.period);
    if (!p) {
      return PrintUsageError(RequestIssue("request.period", "period", {{"text", o.period}}), where,
                             "no report was made");
    }
    period = *p;
  }
  if (o.published) return WritePublished(o, address, *period, where);
  bool terminal = isatty(fileno(stderr)) != 0;
  void (*progress)(std::string_view) = terminal ? Progress : nullptr;
  if (progress) progress("reading the council");
  Result<Position> position;
  PositionOptions options{.history = true};
  SystemClock clock;
  const AsAt as_at{o.as_at, o.published ? period : std::nullopt};
  if (!o.org.empty()) {
    position = AssessStored(address, as_at, period, clock, options);
  } else {
    position = AssessPath(o.source, period, options);
  }
  auto done = [&] {
    if (terminal) fmt::print(stderr, "\r\x1b[2K");
  };
  if (!position) {
    done();
    return PrintFailure(position.error(), where, "no report was made");
  }
  PrintWarnings(position->warnings, where);
  // A published period's report says whether its figures changed since (docs/reports.md).
  Result<ReportOptions> report_options = ReportOptions{};
  if (!o.org.empty()) {
    report_options = ReportOptionsFor(address, position->reporting, *position, as_at, clock);
  }
  if (!report_options) {
    done();
    return PrintFailure(report_options.error(), where, "no report was made");
  }
  if (progress) progress("making the report");
  auto document = MakeReport(*position, o.layout, *report_options);
  if (!document) {
    done();
    return PrintFailure(document.error(), where, "no report was made");
  }
  auto written = WriteReport(*document, o.report_format, o.output, progress);
  done();
  if (!written) return PrintFailure(written.error(), where, "no report was made");
  fmt::print("{}: {} report for {} written to {}\n", where.source, o.report_format,
             position->period, o.output);
  return 0;
}

}  // namespace scorecard
