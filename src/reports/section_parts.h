#pragma once
// What the section builders share: cells made from the position's figures and statuses, and the
// builders themselves (section_types.cc names them in the registry).

#include <string>
#include <string_view>

#include "app/position.h"
#include "reports/document.h"
#include "reports/layout.h"
#include "reports/report.h"

namespace scorecard {

ReportCell FigureCell(const Figure& figure);
ReportCell StatusCell(const StatusView& status);
ReportCell RatingCell(const RatingView& rating);
ReportCell TextCell(std::string text);
// An Excel number format showing `figure` as its text does: "#,##0.00", "\"£\"#,##0", "0.0\"%\"".
std::string ExcelFormat(const Figure& figure);
// An issue located at the section's line (or its option's) in the layout's file.
Issue SectionIssue(const ReportContext& context, const LayoutSection& layout,
                   std::string_view option, std::string_view code, IssueParams params = {});
// The title of the group (theme) with this id, or the id.
std::string GroupTitle(const Position& position, std::string_view id);

// The builders, one per section type (docs/reports.md).
void BuildTitle(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildDetails(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildText(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildSummary(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildHeadlines(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildRedFlags(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildChanges(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildByStatus(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildScorecard(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildExceptions(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildMilestones(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildProjects(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildRisks(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildChart(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildKey(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);
void BuildPublicationChanges(const ReportContext&, const LayoutSection&, ReportSection*, Issues*);

// The scorecard's columns a layout may name, and the history columns' spellings.
const std::vector<std::string_view>& ScorecardColumns();
// Why `spec` is not a history column ("year-end -1", "quarter 0", "month -2", "year-quarters"),
// or nothing.
std::optional<std::string> HistorySpecProblem(const std::string& spec);

}  // namespace scorecard
