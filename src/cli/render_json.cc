// JSON output: the whole Position, kept in its own file as nlohmann/json is a heavy header.

#include <nlohmann/json.hpp>

#include "cli/render.h"

namespace scorecard {
namespace {

using nlohmann::json;

json FigureJson(const Figure& f) {
  if (f.empty()) return nullptr;
  return {{"number", f.number ? json(*f.number) : json(nullptr)},
          {"plain", f.plain},
          {"shown", f.shown}};
}

json StatusJson(const StatusView& s) {
  json j = {
      {"key", s.key},       {"label", s.label}, {"symbol", s.symbol},        {"colour", s.colour},
      {"reason", s.reason}, {"band", s.band},   {"overridden", s.overridden}};
  if (s.overridden) j["computed"] = s.computed_key;
  return j;
}

json RatingJson(const RatingView& r) {
  if (r.key.empty()) return nullptr;
  return {{"key", r.key}, {"label", r.label}, {"symbol", r.symbol}};
}

json ForecastJson(const ForecastView& f) {
  return {{"value", FigureJson(f.value)}, {"text", f.text},     {"computed", f.computed},
          {"method_key", f.method_key},   {"method", f.method}, {"held_at_bound", f.held_at_bound}};
}

json CommentaryJson(const Commentary& c) {
  return {{"context", c.context},
          {"actions", c.actions},
          {"intervention", c.intervention},
          {"note", c.note}};
}

json MeasureJson(const MeasureRow& m) {
  json comparators = json::array();
  for (const ComparatorView& c : m.comparators) {
    comparators.push_back(
        {{"name", c.name}, {"period", c.period}, {"value", FigureJson(c.value)}, {"text", c.text}});
  }
  json history = json::array();
  for (const HistoryPoint& h : m.history) {
    history.push_back({{"period", h.period}, {"value", FigureJson(h.value)}});
  }
  return {
      {"ref", m.ref},
      {"title", m.title},
      {"unit", m.unit},
      {"description", m.description},
      {"node", m.node},
      {"group", m.group},
      {"parent", m.parent},
      {"rollup", m.rollup},
      {"counted", m.counted},
      {"listed", m.listed},
      {"owner", m.owner},
      {"director", m.director},
      {"directorate", m.directorate},
      {"portfolio", m.portfolio},
      {"priority", m.priority},
      {"polarity", m.polarity},
      {"polarity_words", m.polarity_words},
      {"frequency", m.frequency},
      {"settings", m.settings},
      {"scheme", m.scheme},
      {"period", m.period},
      {"value", m.value_text.empty() ? FigureJson(m.value) : json(m.value_text)},
      {"numerator", FigureJson(m.numerator)},
      {"denominator", FigureJson(m.denominator)},
      {"flags", m.flags},
      {"target", FigureJson(m.target)},
      {"target_reason", m.target_reason},
      {"deviation", m.deviation},
      {"status", StatusJson(m.status)},
      {"dot",
       {{"key", m.direction.key},
        {"label", m.direction.label},
        {"symbol", m.direction.symbol},
        {"reason", m.direction.reason},
        {"compared_with", m.direction.compared_with},
        {"compared_value", FigureJson(m.direction.compared_value)}}},
      {"year", m.year},
      {"annual_target", FigureJson(m.annual_target)},
      {"forecast", ForecastJson(m.forecast)},
      {"forecast_status", StatusJson(m.forecast_status)},
      {"comparators", comparators},
      {"history", history},
      {"commentary", CommentaryJson(m.commentary)},
  };
}

json CountsJson(const std::vector<CountRow>& counts) {
  json j = json::array();
  for (const CountRow& c : counts) {
    j.push_back({{"key", c.key},
                 {"label", c.label},
                 {"symbol", c.symbol},
                 {"count", c.count},
                 {"percent", c.percent},
                 {"percent_shown", c.percent_shown}});
  }
  return j;
}

json GroupsJson(const std::vector<GroupSummary>& groups) {
  json j = json::array();
  for (const GroupSummary& g : groups) {
    j.push_back({{"id", g.id},
                 {"title", g.title},
                 {"status", CountsJson(g.statuses)},
                 {"dot", CountsJson(g.directions)},
                 {"ratings", CountsJson(g.ratings)},
                 {"items",
                  {{"measures", g.items.measures},
                   {"actions", g.items.actions},
                   {"projects", g.items.projects},
                   {"risks", g.items.risks}}}});
  }
  return j;
}

json ActionJson(const ActionRow& a) {
  return {{"ref", a.ref},
          {"title", a.title},
          {"kind", a.kind},
          {"node", a.node},
          {"group", a.group},
          {"planned", a.planned},
          {"due", a.due},
          {"original_due", a.original_due},
          {"owner", a.owner},
          {"director", a.director},
          {"directorate", a.directorate},
          {"portfolio", a.portfolio},
          {"priority", a.priority},
          {"rating", RatingJson(a.rating)},
          {"rated_this_period", a.rated_this_period},
          {"commentary", a.commentary},
          {"overdue", a.overdue}};
}

json ListsJson(const Position& p) {
  json j;
  j["headlines"] = json::array();
  for (const HeadlineView& h : p.headlines) {
    j["headlines"].push_back({{"key", h.key},
                              {"text", h.text},
                              {"numerator", h.numerator},
                              {"denominator", h.denominator},
                              {"percent_shown", h.percent_shown}});
  }
  j["red_flags"] = json::array();
  for (const FlagRow& f : p.red_flags) {
    j["red_flags"].push_back({{"ref", f.ref},
                              {"title", f.title},
                              {"status", StatusJson(f.now)},
                              {"before", StatusJson(f.before)},
                              {"before_period", f.before_period}});
  }
  j["exceptions"] = json::array();
  for (const ExceptionRow& e : p.exceptions) {
    const MeasureRow& m = p.MeasureOf(e);
    j["exceptions"].push_back({{"ref", e.ref},
                               {"title", e.title},
                               {"reason", e.reason},
                               {"value", FigureJson(m.value)},
                               {"target", FigureJson(m.target)},
                               {"status", StatusJson(m.status)},
                               {"forecast", ForecastJson(m.forecast)},
                               {"forecast_status", StatusJson(m.forecast_status)},
                               {"commentary", CommentaryJson(m.commentary)}});
  }
  j["changes"] = json::array();
  for (const ChangeRow& c : p.changes) {
    j["changes"].push_back({{"kind", c.kind},
                            {"ref", c.ref},
                            {"title", c.title},
                            {"from", c.before_key},
                            {"from_label", c.before_label},
                            {"to", c.after_key},
                            {"to_label", c.after_label},
                            {"change", c.improved ? "improved" : "declined"},
                            {"words", c.words}});
  }
  return j;
}

json ItemsJson(const Position& p) {
  json j;
  j["actions"] = json::array();
  for (const ActionRow& a : p.actions) j["actions"].push_back(ActionJson(a));
  j["overdue"] = json::array();
  for (const ActionRow& a : p.overdue) j["overdue"].push_back(a.ref);
  j["projects"] = json::array();
  for (const ProjectRow& r : p.projects) {
    j["projects"].push_back({{"ref", r.ref},
                             {"title", r.title},
                             {"node", r.node},
                             {"group", r.group},
                             {"programme", r.programme},
                             {"owner", r.owner},
                             {"director", r.director},
                             {"rag", RatingJson(r.rag)},
                             {"dca", RatingJson(r.dca)},
                             {"dca_end", RatingJson(r.dca_end)},
                             {"previous_rag", RatingJson(r.previous_rag)},
                             {"criteria", r.criteria},
                             {"commentary", r.commentary}});
  }
  j["risks"] = json::array();
  for (const RiskRow& r : p.risks) {
    j["risks"].push_back(
        {{"ref", r.ref},
         {"title", r.title},
         {"kind", r.kind},
         {"node", r.node},
         {"group", r.group},
         {"owner", r.owner},
         {"note", r.note},
         {"score", r.score ? json(r.score) : json(nullptr)},
         {"likelihood", r.likelihood},
         {"impact", r.impact},
         {"band", RatingJson(r.band)},
         {"previous_score", r.previous_score ? json(r.previous_score) : json(nullptr)},
         {"change", r.change},
         {"commentary", r.commentary}});
  }
  return j;
}

json KeysJson(const Position& p) {
  json j = json::array();
  for (const SchemeKey& k : p.keys) {
    json rows = json::array();
    for (const KeyRow& r : k.rows) {
      rows.push_back({{"key", r.key},
                      {"label", r.label},
                      {"symbol", r.symbol},
                      {"colour", r.colour},
                      {"rule", r.rule},
                      {"band", r.band}});
    }
    j.push_back(
        {{"scheme", k.name}, {"label", k.label}, {"deviation", k.deviation}, {"rows", rows}});
  }
  return j;
}

}  // namespace

std::string RenderJson(const Position& p) {
  json measures = json::array();
  for (const MeasureRow& m : p.measures) measures.push_back(MeasureJson(m));
  json warnings = json::array();
  for (const Issue& w : p.warnings) {
    warnings.push_back({{"code", w.code}, {"where", w.ToString()}, {"message", w.message}});
  }
  json out = {
      {"organisation", p.organisation},
      {"code", p.code},
      {"period", p.period},
      {"previous_period", p.previous_period},
      {"source", p.source},
      {"measures", measures},
      {"groups", GroupsJson(p.groups)},
      {"portfolios", GroupsJson(p.portfolios)},
      {"directorates", GroupsJson(p.directorates)},
      {"keys", KeysJson(p)},
      {"warnings", warnings},
  };
  out.update(ListsJson(p));
  out.update(ItemsJson(p));
  return out.dump(2) + "\n";
}

}  // namespace scorecard
