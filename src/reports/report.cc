#include "reports/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "reports/section_parts.h"
#include "reports/section_types.h"

namespace scorecard {
namespace {

struct NamedColour {
  std::string_view name, hex;
};

// GOV.UK Frontend's palette, by the names schemes and RAG ratings use.
constexpr NamedColour kColours[] = {
    {"green", "#00703c"},       {"amber", "#f47738"},       {"red", "#d4351c"},
    {"blue", "#1d70b8"},        {"grey", "#b1b4b6"},        {"gray", "#b1b4b6"},
    {"yellow", "#ffdd00"},      {"orange", "#f47738"},      {"purple", "#4c2c92"},
    {"pink", "#d53880"},        {"black", "#0b0c0c"},       {"white", "#ffffff"},
    {"turquoise", "#28a197"},   {"light-green", "#85994b"}, {"brown", "#b58840"},
    {"amber-green", "#85994b"}, {"amber-red", "#f47738"},   {"completed", "#1d70b8"},
    {"pre-start", "#b1b4b6"},
};

double Channel(int c) {
  double v = c / 255.0;
  return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double Luminance(std::string_view hex) {
  auto byte = [&](size_t at) { return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16); };
  return 0.2126 * Channel(byte(1)) + 0.7152 * Channel(byte(3)) + 0.0722 * Channel(byte(5));
}

bool IsHex(std::string_view s) {
  return s.size() == 7 && s[0] == '#' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(c); });
}

bool Matches(const LayoutScope& scope, std::string_view group, std::string_view portfolio,
             std::string_view directorate, bool priority) {
  if (scope.priority_only && !priority) return false;
  switch (scope.kind) {
    case LayoutScope::Kind::kAll:
      return true;
    case LayoutScope::Kind::kTheme:
      return group == scope.value;
    case LayoutScope::Kind::kPortfolio:
      return portfolio == scope.value;
    case LayoutScope::Kind::kDirectorate:
      return directorate == scope.value;
  }
  return true;
}

const GroupSummary* ScopeGroup(const Position& p, const LayoutScope& scope) {
  auto find = [&](const std::vector<GroupSummary>& list) -> const GroupSummary* {
    for (const GroupSummary& g : list) {
      if (g.id == scope.value || g.title == scope.value) return &g;
    }
    return nullptr;
  };
  switch (scope.kind) {
    case LayoutScope::Kind::kAll:
      return p.FindGroup("all");
    case LayoutScope::Kind::kTheme:
      return find(p.groups);
    case LayoutScope::Kind::kPortfolio:
      return find(p.portfolios);
    case LayoutScope::Kind::kDirectorate:
      return find(p.directorates);
  }
  return nullptr;
}

std::string_view ScopeWord(LayoutScope::Kind kind) {
  switch (kind) {
    case LayoutScope::Kind::kTheme:
      return "theme";
    case LayoutScope::Kind::kPortfolio:
      return "portfolio";
    case LayoutScope::Kind::kDirectorate:
      return "directorate";
    case LayoutScope::Kind::kAll:
      break;
  }
  return "plan";
}

// Every status and rating key the council has, for the options that name them.
std::set<std::string, std::less<>> KnownStatuses(const Position& p) {
  std::set<std::string, std::less<>> keys;
  for (const SchemeKey& k : p.keys) {
    for (const KeyRow& r : k.rows) keys.insert(r.key);
  }
  for (const GroupSummary& g : p.groups) {
    for (const CountRow& r : g.ratings) keys.insert(r.key);
  }
  return keys;
}

}  // namespace

Colour ReportColour(std::string_view name) {
  std::string hex;
  if (IsHex(name)) {
    hex = std::string(name);
  } else {
    for (const NamedColour& c : kColours) {
      if (c.name == name) hex = std::string(c.hex);
    }
  }
  if (hex.empty()) return {};
  // The text colour with more contrast on the fill (WCAG relative luminance).
  double l = Luminance(hex);
  double on_black = (l + 0.05) / (Luminance("#0b0c0c") + 0.05);
  double on_white = 1.05 / (l + 0.05);
  return {hex, on_black >= on_white ? "#0b0c0c" : "#ffffff"};
}

bool ReportContext::InScope(std::string_view ref) const {
  return std::binary_search(refs.begin(), refs.end(), ref, std::less<>());
}

// The context of a report, or of one section, with what `scope` lets in; an issue if the scope
// names no theme, portfolio or directorate of the council's.
std::expected<ReportContext, Issue> ScopedContext(const Position& position,
                                                  const ReportLayout& layout,
                                                  const ReportOptions& options,
                                                  const LayoutScope& scope, int line,
                                                  std::string column) {
  ReportContext context{position, layout, options, {}, {}, {}, {}, nullptr, {}};
  context.group = ScopeGroup(position, scope);
  if (context.group == nullptr) {
    const auto& list = scope.kind == LayoutScope::Kind::kTheme       ? position.groups
                       : scope.kind == LayoutScope::Kind::kPortfolio ? position.portfolios
                                                                     : position.directorates;
    std::string known;
    for (const GroupSummary& g : list) {
      if (g.id != "all") known += (known.empty() ? "" : ", ") + g.id;
    }
    return std::unexpected(MakeIssue("report.unknown-scope", {layout.file, line, column},
                                     {{"kind", std::string(ScopeWord(scope.kind))},
                                      {"value", scope.value},
                                      {"known", known.empty() ? "none" : known}}));
  }
  for (const MeasureRow& m : position.measures) {
    if (Matches(scope, m.group, m.portfolio, m.directorate, m.priority)) {
      context.measures.push_back(&m);
      context.refs.push_back(m.ref);
    }
  }
  for (const ActionRow& a : position.actions) {
    if (Matches(scope, a.group, a.portfolio, a.directorate, a.priority)) {
      context.actions.push_back(&a);
      context.refs.push_back(a.ref);
    }
  }
  // Projects and risks have no portfolio or priority of their own: a theme scope takes its own,
  // any other scope takes all of them.
  bool by_theme = scope.kind == LayoutScope::Kind::kTheme;
  for (const ProjectRow& p : position.projects) {
    if (!by_theme || p.group == scope.value) {
      context.projects.push_back(&p);
      context.refs.push_back(p.ref);
    }
  }
  for (const RiskRow& r : position.risks) {
    if (!by_theme || r.group == scope.value) {
      context.risks.push_back(&r);
      context.refs.push_back(r.ref);
    }
  }
  std::sort(context.refs.begin(), context.refs.end());
  return context;
}

std::expected<ReportDocument, Issues> BuildReport(const Position& position,
                                                  const ReportLayout& layout,
                                                  const ReportOptions& options) {
  Issues issues;
  auto whole = ScopedContext(position, layout, options, layout.scope, layout.scope.line,
                             fmt::format("scope.{}", ScopeWord(layout.scope.kind)));
  if (!whole) return std::unexpected(Issues{whole.error()});
  ReportDocument doc;
  doc.title = layout.title;
  doc.subtitle = layout.subtitle;
  doc.organisation = position.organisation;
  doc.period = position.period;
  doc.source = position.source;
  doc.contact = layout.contact;
  doc.notice = options.notice;
  doc.dated = position.reporting.end();
  std::set<std::string, std::less<>> known = KnownStatuses(position);
  std::map<std::string, int> seen;  // section ids given so far
  for (const LayoutSection& s : layout.sections) {
    const SectionType* type = FindSectionType(s.type);
    if (type == nullptr) continue;  // ParseLayout has refused it
    for (const std::string& key : s.List("statuses")) {
      if (!known.contains(key)) {
        std::string words;
        for (const std::string& k : known) words += (words.empty() ? "" : ", ") + k;
        issues.push_back(SectionIssue(*whole, s, "statuses", "report.unknown-status",
                                      {{"key", key}, {"known", words}}));
      }
    }
    // A section may cover one theme of the report's scope.
    std::optional<ReportContext> own;
    if (s.Has("theme")) {
      LayoutScope scope = layout.scope;
      scope.kind = LayoutScope::Kind::kTheme;
      scope.value = s.Text("theme");
      auto scoped =
          ScopedContext(position, layout, options, scope, s.LineOf("theme"), "section.theme");
      if (!scoped) {
        issues.push_back(scoped.error());
        continue;
      }
      own.emplace(std::move(*scoped));
    }
    const ReportContext& context = own ? *own : *whole;
    ReportSection section;
    section.type = s.type;
    int n = ++seen[s.type];
    section.id = n == 1 ? s.type : fmt::format("{}-{}", s.type, n);
    section.title = s.Text("title", type->title);
    size_t before = issues.size();
    type->build(context, s, &section, &issues);
    if (issues.size() == before) doc.sections.push_back(std::move(section));
  }
  if (!issues.empty()) return std::unexpected(std::move(issues));
  return doc;
}

}  // namespace scorecard
