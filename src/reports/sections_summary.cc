// The sections that summarise: counts by status, headline figures and highlights, red flags,
// changes since the last period, and items listed by their status.

#include <fmt/format.h>

#include <algorithm>

#include "reports/section_parts.h"

namespace scorecard {
namespace {

// The groups a summary counts: the scope's own, or each theme, portfolio or directorate in scope.
std::vector<const GroupSummary*> SummaryGroups(const ReportContext& context, std::string_view by) {
  const Position& p = context.position;
  std::vector<const GroupSummary*> groups;
  auto add_all = [&](const std::vector<GroupSummary>& list, bool skip_all) {
    for (const GroupSummary& g : list) {
      if (skip_all && g.id == "all") continue;
      if (context.layout.scope.kind == LayoutScope::Kind::kTheme && context.group != nullptr &&
          &list == &p.groups && &g != context.group) {
        continue;
      }
      groups.push_back(&g);
    }
  };
  if (by == "theme") {
    add_all(p.groups, true);
  } else if (by == "portfolio") {
    add_all(p.portfolios, false);
  } else if (by == "directorate") {
    add_all(p.directorates, false);
  } else if (context.group != nullptr) {
    groups.push_back(context.group);
  }
  return groups;
}

const std::vector<CountRow>& CountsOf(const GroupSummary& g, std::string_view show) {
  if (show == "directions") return g.directions;
  if (show == "ratings") return g.ratings;
  return g.statuses;
}

std::string_view CountsCaption(std::string_view show) {
  if (show == "directions") return "Direction of travel";
  if (show == "ratings") return "Actions and milestones by rating";
  if (show == "items") return "What is monitored";
  return "Measures by status";
}

// Items monitored per group: measures, actions, projects, risks, as rows; groups as columns.
ReportTable ItemsTable(const Position& p, const std::vector<const GroupSummary*>& groups,
                       bool total) {
  ReportTable t;
  t.name = "items";
  t.caption = "What is monitored";
  t.columns.push_back({"Items"});
  for (const GroupSummary* g : groups) t.columns.push_back({g->title, "", true, 14});
  if (total) t.columns.push_back({"Total", "", true, 10});
  // A kind of item the council has none of is left out, rather than a row of noughts.
  auto row = [&](std::string label, int ItemCounts::*field) {
    if (p.FindGroup("all") && p.FindGroup("all")->items.*field == 0) return;
    ReportRow r;
    r.cells.push_back(TextCell(std::move(label)));
    int sum = 0;
    for (const GroupSummary* g : groups) {
      int n = g->items.*field;
      sum += n;
      r.cells.push_back(ReportCell::Number(n, std::to_string(n), "0"));
    }
    if (total) r.cells.push_back(ReportCell::Number(sum, std::to_string(sum), "0"));
    t.rows.push_back(std::move(r));
  };
  row("Actions and milestones", &ItemCounts::actions);
  row("Projects", &ItemCounts::projects);
  row("Measures", &ItemCounts::measures);
  row("Risks", &ItemCounts::risks);
  return t;
}

// Counts by status with groups as columns (003's "Assessment of progress").
ReportTable ColumnsTable(const std::vector<const GroupSummary*>& groups, std::string_view show,
                         bool percent, bool total) {
  ReportTable t;
  t.name = "summary";
  t.caption = std::string(CountsCaption(show));
  t.columns.push_back({"Status", "", false, 40});
  for (const GroupSummary* g : groups) t.columns.push_back({g->title, "", true, 14});
  if (total) t.columns.push_back({"Total", "", true, 10});
  if (groups.empty()) return t;
  const std::vector<CountRow>& first = CountsOf(*groups.front(), show);
  for (size_t i = 0; i < first.size(); ++i) {
    ReportRow r;
    std::string label =
        first[i].symbol.empty() ? first[i].label : first[i].symbol + " " + first[i].label;
    r.cells.push_back(TextCell(label));
    int sum = 0;
    for (const GroupSummary* g : groups) {
      const std::vector<CountRow>& counts = CountsOf(*g, show);
      auto it = std::ranges::find(counts, first[i].key, &CountRow::key);
      int n = it == counts.end() ? 0 : it->count;
      sum += n;
      std::string shown = std::to_string(n);
      if (percent && it != counts.end()) shown += " (" + it->percent_shown + ")";
      r.cells.push_back(ReportCell::Number(n, shown, "0"));
    }
    if (total) r.cells.push_back(ReportCell::Number(sum, std::to_string(sum), "0"));
    t.rows.push_back(std::move(r));
  }
  return t;
}

// The counts to show: the position's, and with `every_status` each status of the default scheme
// that no measure has, at nought (004 prints "Measure under development ... 0 0.0%").
std::vector<CountRow> Shown(const Position& p, const GroupSummary& g, std::string_view show,
                            bool every_status) {
  std::vector<CountRow> rows = CountsOf(g, show);
  if (!every_status || show != "statuses" || p.keys.empty()) return rows;
  std::vector<CountRow> all;
  for (const KeyRow& k : p.keys.front().rows) {
    auto it = std::ranges::find(rows, k.key, &CountRow::key);
    all.push_back(it != rows.end() ? *it : CountRow{k.key, k.label, k.symbol, 0, 0, "0.0%"});
  }
  return all;
}

// Counts and percentages for one group, a row a status (004's summary).
ReportTable RowsTable(const Position& p, const GroupSummary& g, std::string_view show, bool percent,
                      bool every_status) {
  ReportTable t;
  t.name = "summary";
  t.caption = fmt::format("{}: {}", CountsCaption(show), g.title);
  t.columns = {{"Status", "", false, 60}, {"Number", "", true, 10}};
  if (percent) t.columns.push_back({"Percentage", "", true, 12});
  for (const CountRow& c : Shown(p, g, show, every_status)) {
    ReportRow r;
    r.cells.push_back(TextCell(c.symbol.empty() ? c.label : c.symbol + " " + c.label));
    r.cells.push_back(ReportCell::Number(c.count, std::to_string(c.count), "0"));
    if (percent) {
      r.cells.push_back(ReportCell::Number(c.percent / 100.0, c.percent_shown, "0.0%"));
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

// A change in words with its item: "Refreshed Neighbourhood Boards has improved from ...";
// a decline is marked with "(declined)" so that it is not told by a symbol alone.
std::string ChangeSentence(const ChangeRow& c) {
  return fmt::format("{} has {}{}", c.title, c.words, c.improved ? "" : " (declined)");
}

bool ChangeWanted(const ChangeRow& c, const ReportContext& context,
                  const std::vector<std::string>& kinds, std::string_view show) {
  if (!context.InScope(c.ref)) return false;
  if (std::ranges::find(kinds, c.kind) == kinds.end()) return false;
  if (show == "improved") return c.improved;
  if (show == "declined") return !c.improved;
  return true;
}

const std::vector<std::string> kAllKinds = {"measure", "action", "project", "risk"};

}  // namespace

void BuildSummary(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
                  Issues* issues) {
  if (context.layout.scope.priority_only) {
    issues->push_back(SectionIssue(context, layout, "", "report.summary-priority"));
    return;
  }
  std::string by = layout.Text("by", "all");
  std::string show = layout.Text("show", "statuses");
  bool percent = layout.Flag("percent", true);
  bool total = layout.Flag("total", by != "all");
  std::vector<const GroupSummary*> groups = SummaryGroups(context, by);
  if (groups.empty()) {
    issues->push_back(SectionIssue(context, layout, "by", "report.needs-data",
                                   {{"what", "a " + by + " named in the council's measures"}}));
    return;
  }
  if (show == "items") {
    section->blocks.push_back(ItemsTable(context.position, groups, total));
  } else if (layout.Text("orientation", by == "all" ? "rows" : "columns") == "rows") {
    bool every = layout.Flag("every-status", false);
    for (const GroupSummary* g : groups) {
      section->blocks.push_back(RowsTable(context.position, *g, show, percent, every));
    }
  } else {
    section->blocks.push_back(ColumnsTable(groups, show, percent, total));
  }
}

void BuildHeadlines(const ReportContext& context, const LayoutSection& layout,
                    ReportSection* section, Issues*) {
  ReportList figures;
  for (const HeadlineView& h : context.position.headlines) {
    if (h.denominator == 0) continue;  // nothing counted: no sentence to make
    figures.items.push_back(
        fmt::format("{} of {} ({} of {}).", h.percent_shown, h.text, h.numerator, h.denominator));
  }
  figures.empty = "No measure or action has a target or rating to count for this period.";
  section->blocks.push_back(std::move(figures));
  if (!layout.Flag("highlights", true)) return;
  std::vector<std::string> kinds = layout.List("kinds", kAllKinds);
  ReportList improved{"Improvements since " + context.position.previous_period,
                      {},
                      "No status improved since " + context.position.previous_period + "."};
  ReportList declined{"Declines since " + context.position.previous_period,
                      {},
                      "No status declined since " + context.position.previous_period + "."};
  for (const ChangeRow& c : context.position.changes) {
    if (!ChangeWanted(c, context, kinds, "all")) continue;
    (c.improved ? improved : declined).items.push_back(ChangeSentence(c) + ".");
  }
  section->blocks.push_back(std::move(improved));
  section->blocks.push_back(std::move(declined));
}

void BuildRedFlags(const ReportContext& context, const LayoutSection& layout,
                   ReportSection* section, Issues*) {
  const Position& p = context.position;
  std::string rule = fmt::format("Measures off track at {} and still off track at {}.",
                                 p.previous_period, p.period);
  if (layout.Text("style", "list") == "list") {
    ReportList list{rule, {}, "No measure is off track in both periods."};
    for (const FlagRow& f : p.red_flags) {
      if (context.InScope(f.ref)) list.items.push_back(f.ref + " - " + f.title);
    }
    section->blocks.push_back(std::move(list));
    return;
  }
  ReportTable t;
  t.name = "red-flags";
  t.caption = "Red flags";
  t.note = rule;
  t.empty = "No measure is off track in both periods.";
  t.columns = {{"Ref", "", false, 10},
               {"Measure", "", false, 50},
               {p.previous_period, "", false, 20},
               {p.period, "", false, 20}};
  for (const FlagRow& f : p.red_flags) {
    if (!context.InScope(f.ref)) continue;
    ReportRow r;
    r.cells = {TextCell(f.ref), TextCell(f.title), StatusCell(f.before), StatusCell(f.now)};
    t.rows.push_back(std::move(r));
  }
  section->blocks.push_back(std::move(t));
}

void BuildChanges(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
                  Issues*) {
  const Position& p = context.position;
  std::vector<std::string> kinds = layout.List("kinds", kAllKinds);
  std::string show = layout.Text("show", "all");
  ReportTable t;
  t.name = "changes";
  t.caption = fmt::format("Changes since {}", p.previous_period);
  t.empty = fmt::format("No status, rating or score changed since {}.", p.previous_period);
  t.columns = {{"Ref", "", false, 10},    {"Item", "", false, 50}, {"Kind", "", false, 10},
               {"Before", "", false, 20}, {"Now", "", false, 20},  {"Change", "", false, 12}};
  for (const ChangeRow& c : p.changes) {
    if (!ChangeWanted(c, context, kinds, show)) continue;
    ReportRow r;
    r.cells = {TextCell(c.ref),
               TextCell(c.title),
               TextCell(c.kind),
               ReportCell::Status(c.before_key, "", c.before_label, ReportColour(c.before_key)),
               ReportCell::Status(c.after_key, "", c.after_label, ReportColour(c.after_key)),
               TextCell(c.improved ? "Improved" : "Declined")};
    t.rows.push_back(std::move(r));
  }
  section->blocks.push_back(std::move(t));
}

void BuildByStatus(const ReportContext& context, const LayoutSection& layout,
                   ReportSection* section, Issues*) {
  const Position& p = context.position;
  std::vector<std::string> statuses = layout.List("statuses");
  std::vector<std::string> kinds = layout.List("kinds", {"measure", "action"});
  bool want_measures = std::ranges::find(kinds, "measure") != kinds.end();
  bool want_actions = std::ranges::find(kinds, "action") != kinds.end();
  // A decline since the previous period is marked, in words, after the item.
  auto declined = [&](const std::string& ref) -> std::string {
    for (const ChangeRow& c : p.changes) {
      if (c.ref == ref && !c.improved) {
        return fmt::format(" ({} was '{}')", p.previous_period, c.before_label);
      }
    }
    return "";
  };
  for (const std::string& key : statuses) {
    ReportList list;
    for (const MeasureRow* m :
         want_measures ? context.measures : std::vector<const MeasureRow*>{}) {
      if (m->listed && m->status.key == key) {
        if (list.title.empty()) list.title = m->status.label;
        list.items.push_back(m->title + declined(m->ref));
      }
    }
    for (const ActionRow* a : want_actions ? context.actions : std::vector<const ActionRow*>{}) {
      if (a->rating.key == key) {
        if (list.title.empty()) list.title = a->rating.label;
        list.items.push_back(a->title + declined(a->ref));
      }
    }
    if (list.title.empty()) list.title = key;
    list.empty = "None.";
    section->blocks.push_back(std::move(list));
  }
}

void BuildPublicationChanges(const ReportContext& context, const LayoutSection&,
                             ReportSection* section, Issues*) {
  ReportTable t;
  t.name = "publication-changes";
  t.caption = "Changes since publication";
  t.empty = context.options.published.empty()
                ? "This period has not been published."
                : "No status, rating or score has changed since publication.";
  t.columns = {{"Ref", "", false, 10},
               {"Item", "", false, 50},
               {"As published", "", false, 20},
               {"Now", "", false, 20}};
  for (const ChangeRow& c : context.options.since_publication) {
    if (!context.InScope(c.ref)) continue;
    ReportRow r;
    r.cells = {TextCell(c.ref), TextCell(c.title), TextCell(c.before_label),
               TextCell(c.after_label)};
    t.rows.push_back(std::move(r));
  }
  section->blocks.push_back(std::move(t));
}

}  // namespace scorecard
