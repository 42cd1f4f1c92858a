// The sections that list actions and milestones, projects and risks.

#include <fmt/format.h>

#include <algorithm>

#include "reports/section_parts.h"

namespace scorecard {
namespace {

// Whether the action is planned for, or due in, the quarter.
bool PlannedIn(const ActionRow& a, const Period& quarter) {
  if (!a.planned.empty()) {
    auto p = ParsePeriod(a.planned);
    if (p && p->start() <= quarter.end() && p->end() >= quarter.start()) return true;
  }
  if (!a.due.empty()) {
    auto d = ParsePeriod(a.due);
    if (d && d->end() >= quarter.start() && d->end() <= quarter.end()) return true;
  }
  return false;
}

std::string YesNo(bool given, bool on_track) {
  if (!given) return "";
  return on_track ? "\xE2\x9C\x93 On track" : "\xE2\x9C\x97 Not within tolerance";  // ✓ ✗
}

// The 4x4 grid of one kind of risk: impact down (4 at the top), likelihood across, each cell its
// score and the risks scored there.
ReportTable HeatMap(const ReportContext& context, std::string_view kind, std::string caption) {
  ReportTable t;
  t.name = fmt::format("heat-map-{}", kind);
  t.caption = std::move(caption);
  t.note = "Each cell gives the score (likelihood times impact) and the risks scored there.";
  t.columns.push_back({"Impact", "", false, 14});
  for (int l = 1; l <= 4; ++l) {
    t.columns.push_back({fmt::format("Likelihood {}", l), "Likelihood", false, 18});
  }
  for (int impact = 4; impact >= 1; --impact) {
    ReportRow r;
    r.cells.push_back(TextCell(fmt::format("Impact {}", impact)));
    for (int l = 1; l <= 4; ++l) {
      int score = l * impact;
      std::string refs;
      const RiskRow* first = nullptr;  // its band colours the cell: the council's bands
      for (const RiskRow* risk : context.risks) {
        if (risk->kind == kind && risk->likelihood_level == l && risk->impact_level == impact) {
          refs += (refs.empty() ? "" : ", ") + risk->ref;
          if (first == nullptr) first = risk;
        }
      }
      ReportCell c = TextCell(std::to_string(score));
      if (first != nullptr) {
        c = ReportCell::Status(first->band.key, "",
                               fmt::format("{}: {} ({})", score, refs, first->band.label),
                               ReportColour(first->band.key));
      }
      r.cells.push_back(std::move(c));
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace

void BuildMilestones(const ReportContext& context, const LayoutSection& layout,
                     ReportSection* section, Issues* issues) {
  if (context.position.actions.empty()) {
    issues->push_back(SectionIssue(context, layout, "", "report.needs-data",
                                   {{"what", "actions or milestones (actions.csv)"}}));
    return;
  }
  const Position& p = context.position;
  std::string kind = layout.Text("kind");
  bool quarters = layout.Flag("quarters", true);
  Period year = YearContaining(YearBasis::kFinancial, p.reporting.end());
  ReportTable t;
  t.name = "milestones";
  t.caption = layout.Text("caption", fmt::format("Actions and milestones at {}", p.period));
  t.empty = "No action or milestone in this report's scope.";
  t.columns = {{"Ref", "", false, 10}, {"Action or milestone", "", false, 50}};
  if (quarters) {
    for (int q = 1; q <= 4; ++q) {
      t.columns.push_back({fmt::format("Q{}", q), "Planned for " + year.ToString(), false, 10});
    }
  } else {
    t.columns.push_back({"Due", "", false, 14});
  }
  t.columns.push_back({"Owner", "", false, 20});
  t.columns.push_back({"Rating", "", false, 18});
  if (layout.Flag("commentary", true)) t.columns.push_back({"Progress", "", false, 60});
  for (const ActionRow* a : context.actions) {
    if (!kind.empty() && a->kind != kind) continue;
    ReportRow r;
    r.cells = {TextCell(a->ref), TextCell(a->title)};
    if (quarters) {
      for (int q = 1; q <= 4; ++q) {
        bool planned = PlannedIn(*a, Period::Quarter(year.year(), q));
        r.cells.push_back(TextCell(planned ? "X Planned" : ""));
      }
    } else {
      std::string due = a->due.empty() ? a->planned : a->due;
      if (!a->original_due.empty()) due += " (originally " + a->original_due + ")";
      r.cells.push_back(TextCell(due));
    }
    r.cells.push_back(TextCell(a->owner));
    r.cells.push_back(RatingCell(a->rating));
    if (layout.Flag("commentary", true)) r.cells.push_back(TextCell(a->commentary));
    r.group = GroupTitle(p, a->group);
    t.rows.push_back(std::move(r));
  }
  t.wide = true;
  section->wide = true;
  section->blocks.push_back(std::move(t));
}

void BuildProjects(const ReportContext& context, const LayoutSection& layout,
                   ReportSection* section, Issues* issues) {
  if (context.position.projects.empty()) {
    issues->push_back(SectionIssue(context, layout, "", "report.needs-data",
                                   {{"what", "projects (projects.csv)"}}));
    return;
  }
  const Position& p = context.position;
  ReportTable t;
  t.name = "projects";
  t.caption = layout.Text("caption", fmt::format("Projects at {}", p.period));
  t.empty = "No project in this report's scope.";
  t.columns = {{"Ref", "", false, 10},
               {"Project", "", false, 40},
               {"RAG", "", false, 14},
               {"Time", "Key criteria", false, 14},
               {"Cost", "Key criteria", false, 14},
               {"Scope", "Key criteria", false, 14},
               {"Benefits", "Key criteria", false, 14},
               {"Delivery confidence", "", false, 16},
               {"Previous RAG", "", false, 14}};
  bool commentary = layout.Flag("commentary", true);
  if (commentary) t.columns.push_back({"Commentary", "", false, 60});
  for (const ProjectRow* pr : context.projects) {
    ReportRow r;
    r.cells = {TextCell(pr->ref),
               TextCell(pr->title),
               RatingCell(pr->rag),
               TextCell(YesNo(pr->criteria_given, pr->time)),
               TextCell(YesNo(pr->criteria_given, pr->cost)),
               TextCell(YesNo(pr->criteria_given, pr->scope)),
               TextCell(YesNo(pr->criteria_given, pr->benefits)),
               RatingCell(pr->dca),
               RatingCell(pr->previous_rag)};
    if (commentary) r.cells.push_back(TextCell(pr->commentary));
    r.group = GroupTitle(p, pr->group);
    t.rows.push_back(std::move(r));
  }
  t.wide = true;
  section->wide = true;
  section->blocks.push_back(std::move(t));
}

void BuildRisks(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
                Issues* issues) {
  if (context.position.risks.empty()) {
    issues->push_back(
        SectionIssue(context, layout, "", "report.needs-data", {{"what", "risks (risks.csv)"}}));
    return;
  }
  const Position& p = context.position;
  std::string kind = layout.Text("kind");
  if (layout.Flag("table", true)) {
    ReportTable t;
    t.name = "risks";
    t.caption = layout.Text("caption", fmt::format("Strategic risks at {}", p.period));
    t.empty = "No risk in this report's scope.";
    t.columns = {{"Ref", "", false, 10},        {"Risk", "", false, 40},   {"Kind", "", false, 12},
                 {"Likelihood", "", false, 16}, {"Impact", "", false, 16}, {"Score", "", true, 8},
                 {"Band", "", false, 12},       {"Change", "", false, 20}};
    bool commentary = layout.Flag("commentary", true);
    if (commentary) t.columns.push_back({"Commentary", "", false, 60});
    for (const RiskRow* r : context.risks) {
      if (!kind.empty() && r->kind != kind) continue;
      ReportRow row;
      row.cells = {TextCell(r->ref),
                   TextCell(r->title),
                   TextCell(r->kind == "opportunity" ? "Opportunity" : "Threat"),
                   TextCell(r->likelihood),
                   TextCell(r->impact),
                   r->score ? ReportCell::Number(r->score, std::to_string(r->score), "0")
                            : TextCell("Not scored"),
                   RatingCell(r->band),
                   TextCell(r->change)};
      if (commentary) row.cells.push_back(TextCell(r->commentary));
      row.group = GroupTitle(p, r->group);
      t.rows.push_back(std::move(row));
    }
    t.wide = true;
    section->wide = true;
    section->blocks.push_back(std::move(t));
  }
  if (layout.Flag("heat-map", true)) {
    if (kind.empty() || kind == "threat") {
      section->blocks.push_back(HeatMap(context, "threat", "Threats: likelihood and impact"));
    }
    if (kind.empty() || kind == "opportunity") {
      section->blocks.push_back(
          HeatMap(context, "opportunity", "Opportunities: likelihood and impact"));
    }
  }
}

}  // namespace scorecard
