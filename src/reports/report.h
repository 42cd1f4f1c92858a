#pragma once
// Makes a report: the layout's sections, each made from the council's position, in order. The
// report computes nothing of its own: every figure, status and sentence comes from the Position.

#include <expected>
#include <string>
#include <vector>

#include "app/position.h"
#include "domain/issue.h"
#include "reports/document.h"
#include "reports/layout.h"

namespace scorecard {

struct ReportOptions {
  // Said under the title: "Figures have changed since this report was published on ...".
  std::string notice;
  // What changed since publication, for the "publication-changes" section; empty when the
  // report is not of a published period.
  std::vector<ChangeRow> since_publication;
  std::string published;  // when and by whom the period was published; empty if it was not
};

// What every section reads: the position, the layout and what the layout's scope lets in.
struct ReportContext {
  const Position& position;
  const ReportLayout& layout;
  const ReportOptions& options;
  std::vector<const MeasureRow*> measures;  // in scope, in the council's order
  std::vector<const ActionRow*> actions;
  std::vector<const ProjectRow*> projects;
  std::vector<const RiskRow*> risks;
  const GroupSummary* group = nullptr;  // the scope's counts: all, or its theme or portfolio

  // Whether the measure, action, project or risk ref is in scope.
  bool InScope(std::string_view ref) const;
  std::vector<std::string> refs;  // every ref in scope, sorted
};

// The report, or every issue: a section needing what the council lacks, a scope naming no theme.
std::expected<ReportDocument, Issues> BuildReport(const Position& position,
                                                  const ReportLayout& layout,
                                                  const ReportOptions& options = {});

// The colour a scheme names ("green", "#00703c"), with a text colour that reads on it.
Colour ReportColour(std::string_view name);

}  // namespace scorecard
