#pragma once
// Publishing a council's report: its files made, in each format asked for, from the position as
// the publication freezes it, and kept with the publication (app/publish.h); and the options of
// a report of a published period, which say in its header and its "publication-changes" section
// what has changed since.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/publish.h"
#include "reports/report.h"

namespace scorecard {

// The formats RenderFormats writes, in the order a publication lists their files by default.
const std::vector<std::string>& PublishFormats();

// The report of `position` by the council's layout `layout` (its default if empty), with
// `options` (MakeReport), written in each of `formats` (WriteReport) as files: "report.html",
// "report.xlsx", "report.pdf" and, for csv, "csv/NAME.csv" for each table, in the order of
// `formats`. The same position and options give the same HTML, CSV and XLSX, byte for byte.
// Invalid: a format not in PublishFormats() (publish.format), a layout the council lacks or one
// that does not make a report (MakeReport's issues).
Result<std::vector<ReportFile>> RenderFormats(const Position& position, const std::string& layout,
                                              const ReportOptions& options,
                                              const std::vector<std::string>& formats);

// What makes a publication's files; RenderFormats unless a caller gives another.
using ReportRenderer = std::function<Result<std::vector<ReportFile>>(
    const Position& position, const std::string& layout, const ReportOptions& options,
    const std::vector<std::string>& formats)>;

struct PublishReportRequest {
  StoreAddress address;
  Period period;
  std::optional<std::string> supersede;  // why the period is published again
  ChangeInfo info;                       // info.reason: the publication's note
  std::string layout;                    // empty: the council's default layout
  std::vector<std::string> formats;      // empty: PublishFormats(); each once, in order
  ReportRenderer render = RenderFormats;
};

struct PublishedReportFiles {
  Published published;  // the publication, and its files as stored with their SHA-256
  std::string layout;   // the layout published; empty when the council has none (no files)
};

// Publishes the period's report (PublishReport) with its files, made by `render` from the
// position as at the publication's change, with every figure held, and options saying when and
// by whom it was published. A council without any layout publishes the period without files,
// unless a layout is named. Invalid, and nothing is published: a format not in PublishFormats()
// (publish.format), an unknown layout or none named where the council names no default
// (report.unknown-layout, report.no-layout), a layout that does not make a report.
Result<PublishedReportFiles> PublishReportFiles(const PublishReportRequest& request,
                                                const Clock& clock);

// When and by whom: "20 November 2017 by ann (change 12)".
std::string PublishedWords(const Publication& publication);

// The options of a report of `position`, the council's position for `period` as at `as_at`
// (as AssessStored reads it). If the period's report was published by then: when and by whom
// (ReportOptions::published), what changed since (since_publication, from the position as at
// the publication) and, if anything did, the notice "Figures have changed since this report was
// published on 20 November 2017 (change 12): 3 changes." Otherwise empty options. A report as
// at the publication itself gets the options it was published with.
Result<ReportOptions> ReportOptionsFor(const StoreAddress& address, const Period& period,
                                       const Position& position, const AsAt& as_at,
                                       const Clock& clock);

}  // namespace scorecard
