#include "app/verify.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "app/assess.h"
#include "domain/text.h"
#include "io/csv.h"
#include "io/table.h"

namespace scorecard {
namespace {

// The council's position at one reporting period, built on demand: verify reads only the model
// every output reads.
class PeriodCache {
 public:
  explicit PeriodCache(const Council& council) : council_(council), assessor_(council) {}

  const Position& At(const Period& p) {
    auto it = cache_.find(p.ToString());
    if (it != cache_.end()) return it->second;
    std::vector<MeasureAssessment> now = assessor_.AssessAll(p);
    std::vector<MeasureAssessment> before = assessor_.AssessAll(p.Previous());
    return cache_
        .emplace(p.ToString(), BuildPosition(council_, p, std::move(now), std::move(before)))
        .first->second;
  }

 private:
  const Council& council_;
  Assessor assessor_;
  std::map<std::string, Position> cache_;
};

std::optional<std::string> ComputeItem(const Council& council, PeriodCache& cache,
                                       const std::string& ref, const Period& period,
                                       const std::string& field, const std::string& kind) {
  const Position& p = cache.At(period);
  if (field == "status" || field == "forecast_status" || field == "dot" || field == "red_flag" ||
      field == "exception") {
    if (!council.FindMeasure(ref)) return "(no such measure)";
    const MeasureRow* m = p.FindMeasure(ref);
    if (!m) return "(a heading, not assessed)";
    if (field == "status") return m->status.key;
    if (field == "forecast_status") return m->forecast_status.key;
    if (field == "dot") return m->direction.key;
    if (field == "exception") {
      bool listed = std::any_of(p.exceptions.begin(), p.exceptions.end(),
                                [&](const ExceptionRow& e) { return e.ref == ref; });
      return listed ? "yes" : "no";
    }
    bool flagged = std::any_of(p.red_flags.begin(), p.red_flags.end(),
                               [&](const FlagRow& f) { return f.ref == ref; });
    return flagged ? "yes" : "no";
  }
  if (field == "rating") {
    for (const ActionRow& a : p.actions) {
      if (a.ref == ref) return a.rating.key;
    }
    return "(no such action)";
  }
  if (field == "rag" || field == "dca") {
    for (const ProjectRow& r : p.projects) {
      if (r.ref == ref) return field == "rag" ? r.rag.key : r.dca.key;
    }
    return "(no such project)";
  }
  if (field == "risk_score") {
    const Risk* risk = nullptr;
    for (const Risk& r : council.risks) risk = r.ref == ref ? &r : risk;
    if (!risk) return "(no such risk)";
    std::string k = kind.empty() ? std::string(ToString(risk->kind)) : kind;
    for (const RiskRow& r : p.risks) {
      if (r.ref == ref && r.kind == k) return r.score ? std::to_string(r.score) : "";
    }
    return "";
  }
  return std::nullopt;
}

// The keys a count of `field` can have, or nullopt where the keys are open (a headline Scorecard
// does not compute is reported as not computed) or the field is unknown.
std::optional<std::vector<std::string>> CountKeys(const Council& council,
                                                  const std::string& field) {
  std::vector<std::string> keys;
  auto add = [&](const std::string& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  };
  if (field == "status") {
    std::vector<const StatusScheme*> schemes{council.FindScheme(council.organisation.scheme)};
    for (const Measure& m : council.measures) {
      if (!m.scheme.empty()) schemes.push_back(council.FindScheme(m.scheme));
    }
    for (const StatusScheme* s : schemes) {
      if (!s) continue;
      for (const Band& b : s->bands) add(b.status.key);
      for (const StatusLabel& l : s->special) add(l.key);
    }
  } else if (field == "dot") {
    for (Direction d :
         {Direction::kImproved, Direction::kStable, Direction::kWorse, Direction::kNotApplicable}) {
      add(std::string(ToString(d)));
    }
  } else if (field == "rating") {
    for (const StatusLabel& l : council.action_labels) {
      if (l.key != "not-due") add(l.key);  // not yet due: outside the count
    }
  } else if (field == "items") {
    keys = {"measure", "action", "project", "risk"};
  } else {
    return std::nullopt;
  }
  return keys;
}

// REQUIRES: `key` is one of CountKeys(): a key no item has counts 0.
double FindCount(const std::vector<CountRow>& counts, const std::string& key) {
  for (const CountRow& c : counts) {
    if (c.key == key) return c.count;
  }
  return 0;
}

std::optional<double> ComputeCount(const GroupSummary& g, const Position& p,
                                   const std::string& field, const std::string& key) {
  if (field == "status") return FindCount(g.statuses, key);
  if (field == "dot") return FindCount(g.directions, key);
  if (field == "rating") return FindCount(g.ratings, key);
  if (field == "items") {
    if (key == "measure") return g.items.measures;
    if (key == "action") return g.items.actions;
    if (key == "project") return g.items.projects;
    if (key == "risk") return g.items.risks;
    return std::nullopt;
  }
  if (field == "headline") {
    if (key == "measures") return g.items.measures;
    for (const HeadlineView& h : p.headlines) {
      if (h.key == key) return h.denominator ? 100.0 * h.numerator / h.denominator : 0;
    }
  }
  return std::nullopt;
}

// Rounds `computed` to as many decimal places as the published figure shows.
std::string AsPublished(double computed, const std::string& published) {
  size_t point = published.find('.');
  int places = point == std::string::npos ? 0 : static_cast<int>(published.size() - point - 1);
  return FormatNumber(computed, places);
}

struct Known {
  std::string reason;
  bool used = false;
};

std::string KnownKey(const std::string& subject, const std::string& period,
                     const std::string& field, const std::string& expected,
                     const std::string& computed) {
  return subject + "\x1F" + period + "\x1F" + field + "\x1F" + expected + "\x1F" + computed;
}

}  // namespace

std::expected<Verification, Issues> VerifyFolder(const FileSource& source) {
  auto assessed = AssessFolder(source, std::nullopt);
  if (!assessed) return std::unexpected(std::move(assessed.error()));
  const Council& council = *assessed->council;
  PeriodCache cache(council);
  Issues issues;
  std::string error;

  std::map<std::string, Known> known;
  if (auto text = source.Read("known_differences.csv", &error)) {
    CsvTable csv = ParseCsv(std::move(*text), "known_differences.csv", &issues);
    Table t(csv, &issues);
    if (t.CheckColumns({"subject", "period", "field", "expected", "computed", "reason"}, {})) {
      for (const CsvRow& row : t.rows()) {
        auto reason = t.Required(row, "reason", "why Scorecard differs from the published figure");
        known[KnownKey(std::string(t.Text(row, "subject")), std::string(t.Text(row, "period")),
                       std::string(t.Text(row, "field")), std::string(t.Text(row, "expected")),
                       std::string(t.Text(row, "computed")))] = {reason.value_or(""), false};
      }
    }
  }

  Verification v;
  auto record = [&](Comparison c) {
    ++v.checked;
    if (c.expected == c.computed) {
      ++v.agreed;
      v.agreeing.push_back(std::move(c));
      return;
    }
    auto it = known.find(KnownKey(c.subject, c.period, c.field, c.expected, c.computed));
    if (it == known.end()) {
      v.unexplained.push_back(std::move(c));
      return;
    }
    it->second.used = true;
    c.reason = it->second.reason;
    v.explained.push_back(std::move(c));
  };

  if (auto text = source.Read("expected.csv", &error)) {
    CsvTable csv = ParseCsv(std::move(*text), "expected.csv", &issues);
    Table t(csv, &issues);
    if (t.CheckColumns({"ref", "period", "field", "expected", "source"}, {})) {
      for (const CsvRow& row : t.rows()) {
        auto period = t.PeriodOf(row, "period", true);
        if (!period) continue;
        Comparison c{std::string(t.Text(row, "ref")),
                     period->ToString(),
                     std::string(t.Text(row, "field")),
                     std::string(t.Text(row, "expected")),
                     "",
                     "",
                     row.line};
        auto computed = ComputeItem(council, cache, c.subject, *period, c.field,
                                    std::string(t.Text(row, "x_kind")));
        if (!computed) {
          v.unchecked.push_back(std::move(c));
          continue;
        }
        c.computed = *computed;
        record(std::move(c));
      }
    }
  }
  if (auto text = source.Read("expected_counts.csv", &error)) {
    CsvTable csv = ParseCsv(std::move(*text), "expected_counts.csv", &issues);
    Table t(csv, &issues);
    if (t.CheckColumns({"period", "group", "field", "key", "count", "source"}, {})) {
      for (const CsvRow& row : t.rows()) {
        auto period = t.PeriodOf(row, "period", true);
        if (!period) continue;
        std::string group(t.Text(row, "group")), key(t.Text(row, "key"));
        const Position& position = cache.At(*period);
        const GroupSummary* summary = position.FindGroup(group);
        if (!summary) {
          std::vector<std::string> ids;
          for (const GroupSummary& g : position.groups) ids.push_back(g.id);
          issues.push_back(
              MakeIssue("verify.unknown-group", {t.file(), row.line, "group"},
                        {{"known", fmt::format("{}", fmt::join(ids, ", "))}, {"group", group}}));
          continue;
        }
        std::string field(t.Text(row, "field"));
        if (auto keys = CountKeys(council, field);
            keys && std::find(keys->begin(), keys->end(), key) == keys->end()) {
          issues.push_back(MakeIssue("verify.unknown-count-key", {t.file(), row.line, "key"},
                                     {{"field", field},
                                      {"known", fmt::format("{}", fmt::join(*keys, ", "))},
                                      {"key", key}}));
          continue;
        }
        Comparison c{group + "/" + key,
                     period->ToString(),
                     std::string(t.Text(row, "field")),
                     std::string(t.Text(row, "count")),
                     "",
                     "",
                     row.line};
        auto computed = ComputeCount(*summary, position, c.field, key);
        if (!computed) {
          v.unchecked.push_back(std::move(c));
          continue;
        }
        c.computed = AsPublished(*computed, c.expected);
        record(std::move(c));
      }
    }
  }
  if (issues.empty() && v.checked == 0 && v.unchecked.empty()) {
    issues.push_back(MakeIssue("verify.nothing", {source.Describe(), 0, ""}));
  }
  if (!issues.empty()) return std::unexpected(std::move(issues));
  for (const auto& [key, k] : known) {
    if (k.used) continue;
    std::vector<std::string_view> parts = Split(key, '\x1F');
    v.stale.push_back({std::string(parts[0]), std::string(parts[1]), std::string(parts[2]),
                       std::string(parts[3]), std::string(parts[4]), k.reason, 0});
  }
  return v;
}

Result<Verification> VerifyPath(const std::string& dir) {
  auto v = VerifyFolder(DiskFileSource(dir));
  if (!v) return Invalid(std::move(v.error()));
  return std::move(*v);
}

}  // namespace scorecard
