// The sections that list measures: the scorecard table with its history columns, the exception
// report, and a chart of a measure over time.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "reports/section_parts.h"

namespace scorecard {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct HistoryColumn {
  Period period;
  std::string label, group;
};

// "quarter -1" as its kind and offset.
std::optional<std::pair<std::string, int>> SplitSpec(const std::string& spec) {
  size_t space = spec.find(' ');
  if (space == std::string::npos) return std::pair<std::string, int>(spec, 0);
  std::string kind = spec.substr(0, space);
  std::string_view n(spec);
  n.remove_prefix(space + 1);
  int offset = 0;
  if (!n.empty() && n.front() == '+') n.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), offset);
  if (ec != std::errc() || ptr != n.data() + n.size() || offset > 0) return std::nullopt;
  return std::pair<std::string, int>(kind, offset);
}

Period Back(Period p, int offset) {
  for (int i = 0; i < -offset; ++i) p = p.Previous();
  return p;
}

std::string QuarterLabel(const Period& q) {
  Date s = q.start(), e = q.end();
  return fmt::format("Q{} {} - {} {}", q.index(), kMonths[s.month() - 1], kMonths[e.month() - 1],
                     e.year());
}

// The history columns a scorecard shows, from its `history` option.
std::vector<HistoryColumn> HistoryColumns(const Period& reporting,
                                          const std::vector<std::string>& specs) {
  std::vector<HistoryColumn> out;
  Date end = reporting.end();
  Period quarter = PeriodContaining(Frequency::kQuarterly, YearBasis::kFinancial, end);
  Period year = YearContaining(YearBasis::kFinancial, end);
  Period month = Period::Month(end.year(), end.month());
  for (const std::string& spec : specs) {
    auto parts = SplitSpec(spec);
    if (!parts) continue;  // ParseLayout has refused it
    auto [kind, offset] = *parts;
    if (kind == "year-end") {
      Period y = Back(year, offset);
      out.push_back({y, "Year end " + y.ToString(), "Annual"});
    } else if (kind == "quarter") {
      Period q = Back(quarter, offset);
      out.push_back({q, QuarterLabel(q), "Quarterly"});
    } else if (kind == "month") {
      Period m = Back(month, offset);
      out.push_back(
          {m, fmt::format("{}-{:02}", kMonths[m.index() - 1], m.year() % 100), "Monthly"});
    } else if (kind == "year-quarters") {
      for (int i = 1; i <= 4; ++i) {
        Period q = Period::Quarter(year.year(), i);
        out.push_back({q, fmt::format("Q{} {}", i, year.ToString()), "Quarterly"});
      }
    }
  }
  return out;
}

const Figure* HistoryValue(const MeasureRow& m, const std::string& period) {
  for (const HistoryPoint& h : m.history) {
    if (h.period == period) return &h.value;
  }
  return nullptr;
}

using MeasureCell = ReportCell (*)(const MeasureRow&);

struct ScorecardColumn {
  std::string_view name, label;
  bool numeric;
  int width;
  MeasureCell cell;
};

std::string Comparators(const MeasureRow& m) {
  std::string out;
  for (const ComparatorView& c : m.comparators) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{} {}: {}", c.name, c.period, c.value.empty() ? c.text : c.value.shown);
  }
  return out;
}

std::string Forecast(const MeasureRow& m) {
  if (!m.forecast.value.empty()) return m.forecast.value.shown;
  return m.forecast.text;
}

const ScorecardColumn kColumns[] = {
    {"ref", "Ref", false, 10, [](const MeasureRow& m) { return TextCell(m.ref); }},
    {"title", "Measure", false, 50, [](const MeasureRow& m) { return TextCell(m.title); }},
    {"description", "Description", false, 40,
     [](const MeasureRow& m) { return TextCell(m.description); }},
    {"node", "Outcome", false, 30,
     [](const MeasureRow& m) { return TextCell(m.node_title.empty() ? m.node : m.node_title); }},
    {"owner", "Lead officer", false, 24, [](const MeasureRow& m) { return TextCell(m.owner); }},
    {"director", "Lead accountability", false, 24,
     [](const MeasureRow& m) { return TextCell(m.director); }},
    {"directorate", "Directorate", false, 20,
     [](const MeasureRow& m) { return TextCell(m.directorate); }},
    {"portfolio", "Portfolio", false, 20,
     [](const MeasureRow& m) { return TextCell(m.portfolio); }},
    {"polarity", "Good performance", false, 12,
     [](const MeasureRow& m) { return TextCell(m.polarity); }},
    {"frequency", "Frequency", false, 12,
     [](const MeasureRow& m) { return TextCell(m.frequency); }},
    {"unit", "Unit", false, 12, [](const MeasureRow& m) { return TextCell(m.unit); }},
    {"value", "Value", true, 12,
     [](const MeasureRow& m) {
       return m.value.empty() && !m.value_text.empty() ? TextCell(m.value_text)
                                                       : FigureCell(m.value);
     }},
    {"numerator", "Numerator", true, 12,
     [](const MeasureRow& m) { return FigureCell(m.numerator); }},
    {"denominator", "Denominator", true, 12,
     [](const MeasureRow& m) { return FigureCell(m.denominator); }},
    {"target", "Target", true, 12, [](const MeasureRow& m) { return FigureCell(m.target); }},
    {"annual-target", "Annual target", true, 12,
     [](const MeasureRow& m) { return FigureCell(m.annual_target); }},
    {"deviation", "Deviation", true, 10, [](const MeasureRow& m) { return TextCell(m.deviation); }},
    {"status", "Status", false, 16, [](const MeasureRow& m) { return StatusCell(m.status); }},
    {"direction", "Direction of travel", false, 14,
     [](const MeasureRow& m) {
       if (m.direction.key.empty()) return TextCell("");
       return TextCell(m.direction.symbol.empty() ? m.direction.label
                                                  : m.direction.symbol + " " + m.direction.label);
     }},
    {"forecast", "Forecast", true, 14,
     [](const MeasureRow& m) {
       return m.forecast.value.empty() ? TextCell(Forecast(m)) : FigureCell(m.forecast.value);
     }},
    {"forecast-status", "Forecast status", false, 16,
     [](const MeasureRow& m) { return StatusCell(m.forecast_status); }},
    {"comparators", "Comparators", false, 24,
     [](const MeasureRow& m) { return TextCell(Comparators(m)); }},
    {"commentary", "Commentary", false, 60,
     [](const MeasureRow& m) {
       std::string text = m.commentary.context;
       for (const std::string* s :
            {&m.commentary.actions, &m.commentary.intervention, &m.commentary.note}) {
         if (!s->empty()) text += (text.empty() ? "" : "\n") + *s;
       }
       return TextCell(text);
     }},
    {"context", "Context", false, 50,
     [](const MeasureRow& m) { return TextCell(m.commentary.context); }},
    {"actions", "Actions taken", false, 50,
     [](const MeasureRow& m) { return TextCell(m.commentary.actions); }},
    {"intervention", "Intervention", false, 40,
     [](const MeasureRow& m) { return TextCell(m.commentary.intervention); }},
    {"priority", "Priority", false, 8,
     [](const MeasureRow& m) { return TextCell(m.priority ? "Priority" : ""); }},
};

const ScorecardColumn* FindColumn(std::string_view name) {
  for (const ScorecardColumn& c : kColumns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// A table of measures with the named columns; "history" places the history columns.
ReportTable MeasureTable(const ReportContext& context, const LayoutSection& layout,
                         const std::vector<const MeasureRow*>& measures,
                         const std::vector<std::string>& columns) {
  const Position& p = context.position;
  std::vector<HistoryColumn> history = HistoryColumns(p.reporting, layout.List("history"));
  ReportTable t;
  for (const std::string& name : columns) {
    if (name == "history") {
      for (const HistoryColumn& h : history) t.columns.push_back({h.label, h.group, true, 11});
    } else if (const ScorecardColumn* c = FindColumn(name)) {
      t.columns.push_back({std::string(c->label), "", c->numeric, c->width});
    }
  }
  std::string by = layout.Text("group-by", "theme");
  std::string portfolio = layout.Text("highlight-portfolio");
  std::string word = layout.Text("highlight-word", portfolio);
  std::map<std::string, std::string> titles;  // group id -> title, looked up once each
  for (const MeasureRow* m : measures) {
    ReportRow r;
    for (const std::string& name : columns) {
      if (name == "history") {
        for (const HistoryColumn& h : history) {
          const Figure* f = HistoryValue(*m, h.period.ToString());
          r.cells.push_back(f ? FigureCell(*f) : TextCell(""));
        }
      } else if (const ScorecardColumn* c = FindColumn(name)) {
        r.cells.push_back(c->cell(*m));
      }
    }
    r.row_header = !columns.empty() && (columns.front() == "ref" || columns.front() == "title");
    if (by == "theme") {
      auto [it, added] = titles.try_emplace(m->group);
      if (added) it->second = GroupTitle(p, m->group);
      r.group = it->second;
    } else if (by == "node") {
      r.group = m->node_title.empty() ? m->node : m->node_title;
    } else if (by == "directorate") {
      r.group = m->directorate;
    } else if (by == "portfolio") {
      r.group = m->portfolio;
    }
    if (!portfolio.empty() && m->portfolio == portfolio) r.highlight = word;
    t.rows.push_back(std::move(r));
  }
  // Each group's rows together, the groups in the order they first come.
  std::map<std::string, size_t> first;
  for (const ReportRow& r : t.rows) first.try_emplace(r.group, first.size());
  std::stable_sort(t.rows.begin(), t.rows.end(), [&](const ReportRow& a, const ReportRow& b) {
    return first[a.group] < first[b.group];
  });
  return t;
}

const std::vector<std::string> kDefaultColumns = {
    "ref", "title", "owner", "target", "value", "status", "direction", "forecast", "commentary"};

}  // namespace

const std::vector<std::string_view>& ScorecardColumns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> n;
    for (const ScorecardColumn& c : kColumns) n.push_back(c.name);
    n.push_back("history");
    return n;
  }();
  return names;
}

std::optional<std::string> HistorySpecProblem(const std::string& spec) {
  const std::string expected =
      "a history column: \"year-end N\", \"quarter N\", \"month N\" (N is 0 for the reporting "
      "period, -1 for the one before, and so on) or \"year-quarters\"";
  auto parts = SplitSpec(spec);
  if (!parts) return expected;
  const auto& [kind, offset] = *parts;
  if (kind == "year-quarters" && spec == kind) return std::nullopt;
  if ((kind == "year-end" || kind == "quarter" || kind == "month") && spec != kind) {
    return std::nullopt;
  }
  return expected;
}

void BuildScorecard(const ReportContext& context, const LayoutSection& layout,
                    ReportSection* section, Issues* issues) {
  std::vector<std::string> columns = layout.List("columns", kDefaultColumns);
  bool has_history = std::ranges::find(columns, "history") != columns.end();
  if (has_history != layout.Has("history")) {
    issues->push_back(SectionIssue(context, layout, has_history ? "columns" : "history",
                                   "report.history-columns"));
    return;
  }
  std::vector<const MeasureRow*> measures;
  std::vector<std::string> statuses = layout.List("statuses");
  for (const MeasureRow* m : context.measures) {
    if (!statuses.empty() && std::ranges::find(statuses, m->status.key) == statuses.end()) {
      continue;
    }
    measures.push_back(m);
  }
  ReportTable t = MeasureTable(context, layout, measures, columns);
  t.name = "scorecard";
  t.caption = layout.Text("caption", fmt::format("Measures at {}", context.position.period));
  t.empty = "No measure in this report's scope.";
  t.filter = true;
  t.wide = t.columns.size() > 8;
  section->wide = t.wide;
  if (std::string portfolio = layout.Text("highlight-portfolio"); !portfolio.empty()) {
    t.note = fmt::format("Rows marked \"{}\" are the {} portfolio's measures.",
                         layout.Text("highlight-word", portfolio), portfolio);
  }
  section->blocks.push_back(std::move(t));
}

void BuildExceptions(const ReportContext& context, const LayoutSection& layout,
                     ReportSection* section, Issues*) {
  const Position& p = context.position;
  std::vector<const MeasureRow*> measures;
  std::vector<std::string> reasons;
  for (const ExceptionRow& e : p.exceptions) {
    if (!context.InScope(e.ref)) continue;
    measures.push_back(&p.MeasureOf(e));
  }
  std::vector<std::string> columns =
      layout.List("columns", {"ref", "title", "target", "value", "status", "forecast",
                              "forecast-status", "context", "actions", "intervention"});
  ReportTable t = MeasureTable(context, layout, measures, columns);
  t.name = "exceptions";
  t.caption = layout.Text("caption", "Improvement report");
  // The rule, in the default scheme's own words.
  std::string worst, below;
  if (!p.keys.empty()) {
    for (const KeyRow& k : p.keys.front().rows) {
      if (k.worst) worst = "'" + k.label + "'";
      if (k.below_target) below += (below.empty() ? "'" : " or '") + k.label + "'";
    }
  }
  t.note = fmt::format(
      "A measure is listed when its status at the end of {} is {}, and/or its forecast for the "
      "year end is {}.",
      p.period, worst.empty() ? "the worst band" : worst,
      below.empty() ? "below its target" : below);
  t.empty = "No measure meets the rule for this report.";
  t.wide = true;
  section->wide = true;
  section->blocks.push_back(std::move(t));
}

}  // namespace scorecard
