#include "io/interchange.h"

#include <stdexcept>

namespace scorecard {

std::vector<std::string_view> TableSpec::columns() const {
  std::vector<std::string_view> out = required;
  out.insert(out.end(), optional.begin(), optional.end());
  return out;
}

const std::vector<TableSpec>& InterchangeTables() {
  static const std::vector<TableSpec> kTables = {
      {"framework", {"id"}, {"id", "level", "title"}, {"parent", "lead", "ref"}},
      {"measures",
       {"ref"},
       {"ref", "title", "unit", "polarity", "frequency"},
       {"node", "parent", "scheme", "decimals", "accumulation", "year", "lag", "dot", "owner",
        "director", "directorate", "portfolio", "priority", "description", "order", "rollup",
        "forecast", "min", "max"},
       true},
      {"targets",
       {"ref", "period"},
       {"ref", "period"},
       {"target", "kind", "comparator", "baseline_period", "change", "text"}},
      {"values",
       {"ref", "period"},
       {"ref", "period"},
       {"value", "numerator", "denominator", "flags", "forecast", "status", "status_reason",
        "forecast_status", "context", "actions", "intervention", "note"}},
      {"comparators",
       {"ref", "period", "comparator"},
       {"ref", "period", "comparator", "value"},
       {"text"}},
      {"actions",
       {"ref"},
       {"ref", "title"},
       {"kind", "node", "planned", "due", "original_due", "owner", "director", "directorate",
        "portfolio", "priority", "order"}},
      {"action_ratings", {"ref", "period"}, {"ref", "period", "rating"}, {"commentary"}},
      {"projects",
       {"ref"},
       {"ref", "title"},
       {"node", "parent", "owner", "director", "directorate", "portfolio", "priority", "order"}},
      {"project_assessments",
       {"ref", "period"},
       {"ref", "period"},
       {"time", "cost", "scope", "benefits", "rag", "dca", "dca_end", "commentary"}},
      {"risks",
       {"ref"},
       {"ref", "title"},
       {"kind", "node", "owner", "director", "directorate", "portfolio", "order", "note"}},
      {"risk_scores",
       {"ref", "period", "kind"},
       {"ref", "period"},
       {"likelihood", "impact", "score", "kind", "commentary"}},
  };
  return kTables;
}

Issue TableSource::MissingConfig() const {
  return MakeIssue("folder.no-config", {ConfigName(), 0, ""});
}

const TableSpec& SpecOf(std::string_view name) {
  for (const TableSpec& s : InterchangeTables()) {
    if (s.name == name) return s;
  }
  throw std::logic_error("no interchange table named " + std::string(name));
}

}  // namespace scorecard
