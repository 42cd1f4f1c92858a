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

// Assessments of every measure at one reporting period and the one before, made on demand.
class PeriodCache {
 public:
  explicit PeriodCache(const Council& council) : council_(council), assessor_(council) {}

  const AssessedCouncil& At(const Period& p) {
    auto it = cache_.find(p.ToString());
    if (it != cache_.end()) return it->second;
    AssessedCouncil a;
    a.reporting = p;
    a.now = assessor_.AssessAll(p);
    a.before = assessor_.AssessAll(p.Previous());
    return cache_.emplace(p.ToString(), std::move(a)).first->second;
  }
  Summariser Summary(const Period& p) {
    const AssessedCouncil& a = At(p);
    return Summariser(council_, a.now, a.before, p);
  }

 private:
  const Council& council_;
  Assessor assessor_;
  std::map<std::string, AssessedCouncil> cache_;
};

std::optional<std::string> ComputeItem(const Council& council, PeriodCache& cache,
                                       const std::string& ref, const Period& period,
                                       const std::string& field, const std::string& kind) {
  if (field == "status" || field == "forecast_status" || field == "dot" || field == "red_flag") {
    if (!council.FindMeasure(ref)) return "(no such measure)";
    for (const MeasureAssessment& a : cache.At(period).now) {
      if (a.measure->ref != ref) continue;
      if (field == "status") return a.status.key;
      if (field == "forecast_status") return a.forecast_status.key;
      if (field == "dot") return std::string(ToString(a.dot.direction));
      for (const MeasureAssessment* flagged : cache.Summary(period).RedFlags()) {
        if (flagged == &a) return "yes";
      }
      return "no";
    }
    return "(a heading, not assessed)";
  }
  if (field == "rating") {
    for (const Action& action : council.actions) {
      if (action.ref == ref) return std::string(ToString(action.RatingAt(period)));
    }
    return "(no such action)";
  }
  if (field == "rag" || field == "dca") {
    for (const Project& p : council.projects) {
      if (p.ref != ref) continue;
      const ProjectAssessment* a = p.AssessmentFor(period);
      std::optional<Rag> rag = a ? (field == "rag" ? a->rag : a->dca) : std::nullopt;
      return rag ? std::string(ToString(*rag)) : "";
    }
    return "(no such project)";
  }
  if (field == "risk_score") {
    for (const Risk& r : council.risks) {
      if (r.ref != ref) continue;
      RiskKind k = kind == "opportunity" ? RiskKind::kOpportunity
                   : kind == "threat"    ? RiskKind::kThreat
                                         : r.kind;
      const RiskScore* s = r.ScoreFor(period, k);
      return s ? std::to_string(s->score) : "";
    }
    return "(no such risk)";
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
double FindCount(const std::vector<Count>& counts, const std::string& key) {
  for (const Count& c : counts) {
    if (c.key == key) return c.count;
  }
  return 0;
}

std::optional<double> ComputeCount(const Council& council, PeriodCache& cache, const Period& period,
                                   const Group& group, const std::string& field,
                                   const std::string& key) {
  Summariser s = cache.Summary(period);
  if (field == "status") return FindCount(s.StatusCounts(group), key);
  if (field == "dot") return FindCount(s.DirectionCounts(group), key);
  if (field == "rating") return FindCount(s.RatingCounts(group), key);
  auto within = [&](const std::string& node) {
    return group.id == "all" || council.framework.IsWithin(node, group.id);
  };
  if (field == "items") {
    int n = 0;
    if (key == "measure") {
      for (const Measure& m : council.measures)
        n += within(m.node) && council.IsCountedInSummaries(m);
    } else if (key == "action") {
      for (const Action& a : council.actions) n += within(a.node);
    } else if (key == "project") {
      // A programme reported through its projects is counted as those projects.
      for (const Project& p : council.projects) {
        bool programme = false;
        for (const Project& q : council.projects) programme = programme || q.parent == p.ref;
        n += within(p.node) && !programme;
      }
    } else if (key == "risk") {
      for (const Risk& r : council.risks) n += within(r.node);
    } else {
      return std::nullopt;
    }
    return n;
  }
  if (field == "headline") {
    if (key == "measures") {
      int n = 0;
      for (const Measure& m : council.measures) n += council.IsCountedInSummaries(m);
      return n;
    }
    for (const Headline& h : s.Headlines()) {
      if (h.key == key) return h.percent();
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
    CsvTable csv = ParseCsv(*text, "known_differences.csv", &issues);
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
    CsvTable csv = ParseCsv(*text, "expected.csv", &issues);
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
    CsvTable csv = ParseCsv(*text, "expected_counts.csv", &issues);
    Table t(csv, &issues);
    if (t.CheckColumns({"period", "group", "field", "key", "count", "source"}, {})) {
      for (const CsvRow& row : t.rows()) {
        auto period = t.PeriodOf(row, "period", true);
        if (!period) continue;
        std::string group(t.Text(row, "group")), key(t.Text(row, "key"));
        if (group != "all" && !council.framework.Find(group)) {
          t.Error(row, "group",
                  fmt::format("expected all or a framework node id, not \"{}\"", group));
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
        auto computed = ComputeCount(council, cache, *period, {group, group}, c.field, key);
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
