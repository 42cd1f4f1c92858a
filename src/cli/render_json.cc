// JSON output, kept in its own file: nlohmann/json is a heavy header.

#include <nlohmann/json.hpp>

#include "cli/render.h"

namespace scorecard {
namespace {

nlohmann::json Number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json StatusJson(const Status& s) {
  nlohmann::json j = {
      {"key", s.key}, {"label", s.label}, {"symbol", s.symbol}, {"reason", s.reason}};
  if (s.overridden) j["computed"] = s.computed_key;
  j["overridden"] = s.overridden;
  return j;
}

nlohmann::json CountsJson(const std::vector<Count>& counts) {
  nlohmann::json j = nlohmann::json::array();
  for (const Count& c : counts) {
    j.push_back({{"key", c.key}, {"label", c.label}, {"count", c.count}, {"percent", c.percent}});
  }
  return j;
}

}  // namespace

std::string RenderJson(const AssessedCouncil& a) {
  nlohmann::json measures = nlohmann::json::array();
  for (const MeasureAssessment& m : a.now) {
    measures.push_back({
        {"ref", m.measure->ref},
        {"title", m.measure->title},
        {"period", m.period.ToString()},
        {"value",
         m.measure->is_text() && m.value ? nlohmann::json(m.value->text) : Number(m.number)},
        {"target", Number(m.target.value)},
        {"status", StatusJson(m.status)},
        {"dot", {{"key", ToString(m.dot.direction)}, {"reason", m.dot.reason}}},
        {"forecast",
         {{"value", Number(m.forecast.value)},
          {"computed", m.forecast.computed},
          {"method_key", m.forecast.method_key},
          {"method", m.forecast.method},
          {"held_at_bound", m.forecast.held_at_bound}}},
        {"forecast_status", StatusJson(m.forecast_status)},
    });
  }
  Summariser s = a.summary();
  nlohmann::json groups = nlohmann::json::array();
  for (const Group& g : s.Groups()) {
    groups.push_back({{"id", g.id},
                      {"title", g.title},
                      {"status", CountsJson(s.StatusCounts(g))},
                      {"ratings", CountsJson(s.RatingCounts(g))}});
  }
  nlohmann::json red_flags = nlohmann::json::array();
  for (const MeasureAssessment* m : s.RedFlags()) red_flags.push_back(m->measure->ref);
  nlohmann::json exceptions = nlohmann::json::array();
  for (const Exception& e : s.Exceptions()) {
    exceptions.push_back({{"ref", e.assessment->measure->ref}, {"reason", e.reason}});
  }
  nlohmann::json changes = nlohmann::json::array();
  auto all_changes = s.StatusChanges();
  auto rating_changes = s.RatingChanges();
  all_changes.insert(all_changes.end(), rating_changes.begin(), rating_changes.end());
  for (const StatusChange& c : all_changes) {
    changes.push_back({{"ref", c.ref},
                       {"from", c.before},
                       {"to", c.after},
                       {"change", c.improved ? "improved" : "declined"}});
  }
  nlohmann::json headlines = nlohmann::json::array();
  for (const Headline& h : s.Headlines()) {
    headlines.push_back({{"key", h.key},
                         {"text", h.text},
                         {"numerator", h.numerator},
                         {"denominator", h.denominator}});
  }
  nlohmann::json out = {
      {"organisation", a.council->organisation.name},
      {"period", a.reporting.ToString()},
      {"measures", measures},
      {"groups", groups},
      {"dot", CountsJson(s.DirectionCounts({"all", "All"}))},
      {"red_flags", red_flags},
      {"exceptions", exceptions},
      {"status_changes", changes},
      {"headlines", headlines},
  };
  return out.dump(2) + "\n";
}

}  // namespace scorecard
