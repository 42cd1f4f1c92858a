// Readers of measures.csv, targets.csv, values.csv and comparators.csv.

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "domain/assessment.h"
#include "domain/measure_periods.h"
#include "domain/text.h"
#include "io/missing_targets.h"
#include "io/readers.h"
#include "io/table.h"

namespace scorecard {
namespace {

// A non-empty field, or nullopt with the issue `code` ("expected ...") at the row and column.
std::optional<std::string> Required(Table& t, const CsvRow& row, std::string_view column,
                                    std::string_view code) {
  std::string_view text = t.Text(row, column);
  if (text.empty()) {
    t.Report(row, column, code);
    return std::nullopt;
  }
  return std::string(text);
}

// The issues of a table whose rows name a measure by its ref.
struct RefCodes {
  std::string_view missing;  // the ref is empty
  std::string_view unknown;  // no measure has the ref {ref}
};
constexpr RefCodes kTargetRefs{"targets.no-ref", "targets.unknown-ref"};
constexpr RefCodes kValueRefs{"values.no-ref", "values.unknown-ref"};
constexpr RefCodes kComparatorRefs{"comparators.no-ref", "comparators.unknown-ref"};

// Finds the measure a row names, recording an issue if there is none.
Measure* MeasureOf(Table& t, const CsvRow& row, Council* council, const RefCodes& codes) {
  auto ref = Required(t, row, "ref", codes.missing);
  if (!ref) return nullptr;
  Measure* m = council->FindMeasure(*ref);
  if (!m) t.Report(row, "ref", codes.unknown, {{"ref", *ref}});
  return m;
}

// MeasureOf for values.csv, whose rows name the same measure many rows running.
class MeasureFinder {
 public:
  explicit MeasureFinder(Council* council) : council_(council) {}
  Measure* Find(Table& t, const CsvRow& row) {
    std::string_view ref = t.Text(row, "ref");
    if (last_ && !ref.empty() && ref == last_->ref) return last_;
    Measure* m = MeasureOf(t, row, council_, kValueRefs);
    if (m) last_ = m;
    return m;
  }

 private:
  Council* council_;
  Measure* last_ = nullptr;
};

// The periods each measure has a value for, kept in an order of their own: a second value
// for a period is found in log time, and values arriving in period order are simply appended.
class ValuedPeriods {
 public:
  explicit ValuedPeriods(const Council& council)
      : first_(council.measures.data()), periods_(council.measures.size()) {}

  // False if the measure has a value for the period already.
  bool Add(const Measure* measure, const Period& period) {
    std::vector<Key>& list = periods_[measure - first_];
    // As many as the measure's values have room for (ReserveValues counted its rows).
    if (list.empty()) list.reserve(measure->values.capacity());
    Key key = KeyOf(period);
    if (list.empty() || list.back() < key) {
      list.push_back(key);
      return true;
    }
    auto at = std::lower_bound(list.begin(), list.end(), key);
    if (at != list.end() && *at == key) return false;
    list.insert(at, key);
    return true;
  }

 private:
  // Equal exactly when the periods are.
  using Key = std::tuple<int, int, int, int>;
  static Key KeyOf(const Period& p) {
    return {static_cast<int>(p.kind()), p.year(), p.index(),
            p.kind() == PeriodKind::kDay ? p.start().days : 0};
  }

  const Measure* first_;
  std::vector<std::vector<Key>> periods_;  // by measure
};

// What a domain parser read, or nullopt with the issue `code` at the row and column: its words
// are those of the parser's error ("expected a polarity: ...").
template <typename Parsed>
auto Parse(Table& t, const CsvRow& row, std::string_view column, std::string_view code,
           Parsed parsed) -> std::optional<typename decltype(parsed)::value_type> {
  if (!parsed) {
    t.Report(row, column, code);
    return std::nullopt;
  }
  return *parsed;
}

// A figure in the measure's unit, with the places it was written with, or nullopt (and an issue
// if the field is not empty). A sign that says another unit is refused rather than dropped: 12.5%
// in a count, £850,000 in a £m measure (850,000 millions) or £1.37m in a £ one.
std::optional<WrittenNumber> Figure(Table& t, const CsvRow& row, std::string_view column,
                                    const Measure* m) {
  std::string_view text = t.Text(row, column);
  if (text.empty()) return std::nullopt;
  auto n = ParseWrittenNumber(text);
  if (!n) {
    t.Report(row, column, "table.number", {{"text", std::string(text)}});
    return std::nullopt;
  }
  if (!m) return *n;
  bool in_pounds = m->unit == "\xC2\xA3" || m->unit == "\xC2\xA3m";
  std::string_view code;
  if (n->percent && !m->is_percentage()) {
    code = "values.percent-unit";
  } else if (n->pounds && !in_pounds) {
    code = "values.pounds-unit";
  } else if (n->millions && m->unit != "\xC2\xA3m") {
    code = "values.millions-unit";
  } else if (n->pounds && !n->millions && m->unit == "\xC2\xA3m") {
    code = "values.pounds-not-millions";
  }
  if (code.empty()) return *n;
  t.Issue(MakeIssue(code, t.PlaceOf(row, column),
                    {{"text", std::string(text)}, {"ref", m->ref}, {"unit", m->unit}}));
  return std::nullopt;
}

// Warns of a % figure that looks like a fraction beside its target: 0.1903 against 18.49%.
void MaybeFraction(Table& t, const CsvRow& row, const Measure& m, const Period& period,
                   const WrittenNumber& n) {
  if (!m.is_percentage() || n.percent || n.value <= 0 || n.value >= 1) return;
  const Target* target = m.TargetFor(period);
  if (!target || !target->value) target = m.TargetFor(YearContaining(m.year, period.end()));
  if (!target || !target->value || *target->value < 1) return;
  t.Issue(MakeIssue("values.looks-like-fraction", t.PlaceOf(row, "value"),
                    {{"value", FormatNumber(n.value)},
                     {"target", FormatNumber(*target->value)},
                     {"percent", FormatNumber(n.value * 100)}}));
}

// A bound in the measure's unit, written as few places as it needs ("100%", "2 days").
std::string BoundText(const Measure& m, double bound) {
  Measure plain;
  plain.unit = m.unit;
  return FormatValue(plain, bound);
}

// "from 0% to 100%", "of at least 2 days", "of at most 80". REQUIRES: the measure has a bound.
std::string BoundsText(const Measure& m) {
  std::optional<double> min = m.Minimum(), max = m.Maximum();
  if (min && max) return fmt::format("from {} to {}", BoundText(m, *min), BoundText(m, *max));
  if (min) return "of at least " + BoundText(m, *min);
  return "of at most " + BoundText(m, *max);
}

// A figure beyond the measure's bounds (measures.csv min and max; 0 to 100 for a %).
void CheckBounds(Table& t, const CsvRow& row, std::string_view column, const Measure& m,
                 double figure) {
  std::optional<double> min = m.Minimum(), max = m.Maximum();
  if ((!min || figure >= *min) && (!max || figure <= *max)) return;
  t.Issue(MakeIssue("values.out-of-bounds", t.PlaceOf(row, column),
                    {{"what", column == "value" ? "a figure" : "a forecast"},
                     {"bounds", BoundsText(m)},
                     {"ref", m.ref},
                     {"text", std::string(t.Text(row, column))}}));
}

// measures.csv `forecast`, `min` and `max`: the method must suit the measure, and the bounds
// must leave room between them. REQUIRES: the unit and accumulation read.
void ReadForecastSettings(Table& t, const CsvRow& row, Measure& m) {
  if (std::string_view method = t.Text(row, "forecast"); !method.empty()) {
    if (auto f = ParseForecastMethod(method)) {
      m.forecast = *f;
    } else {
      t.Issue(MakeIssue("measures.forecast", t.PlaceOf(row, "forecast"),
                        {{"value", std::string(method)}}));
    }
  }
  constexpr double kNoBound = std::numeric_limits<double>::infinity();
  for (auto [column, bound, none] :
       {std::tuple{"min", &m.min, -kNoBound}, std::tuple{"max", &m.max, kNoBound}}) {
    std::string_view text = t.Text(row, column);
    if (text.empty()) continue;
    if (ToLower(text) == "none") {
      *bound = none;
    } else if (!ParseWrittenNumber(text)) {
      t.Issue(MakeIssue("measures.bound", t.PlaceOf(row, column),
                        {{"column", column}, {"text", std::string(text)}}));
    } else if (auto n = Figure(t, row, column, &m)) {
      *bound = n->value;
    }
  }
  if (m.is_text()) {
    for (std::string_view column : {"forecast", "min", "max"}) {
      bool harmless = column == "forecast" && (!m.forecast || *m.forecast == ForecastMethod::kNone);
      if (t.Text(row, column).empty() || harmless) continue;
      t.Issue(MakeIssue("measures.text-setting", t.PlaceOf(row, column),
                        {{"column", std::string(column)}, {"ref", m.ref}}));
    }
    return;
  }
  if (m.forecast == ForecastMethod::kProRata && !m.WhyNotProRata().empty()) {
    t.Issue(MakeIssue("measures.forecast-pro-rata", t.PlaceOf(row, "forecast"),
                      {{"ref", m.ref}, {"why", m.WhyNotProRata()}}));
  }
  std::optional<double> min = m.Minimum(), max = m.Maximum();
  if (min && max && *min >= *max) {
    t.Issue(MakeIssue("measures.bounds-order", t.PlaceOf(row, m.min ? "min" : "max"),
                      {{"min", BoundText(m, *min)}, {"max", BoundText(m, *max)}}));
  }
}

// The chain of parents above `m` when it leads back to `m` ("B -> A" for A), else empty.
std::string CycleThrough(const Council& council, const Measure& m) {
  std::string chain;
  const Measure* up = &m;
  for (size_t steps = 0; steps <= council.measures.size(); ++steps) {
    up = up->parent.empty() ? nullptr : council.FindMeasure(up->parent);
    if (!up) return "";
    chain += (chain.empty() ? "" : " -> ") + up->ref;
    if (up == &m) return chain;
  }
  return "";  // a cycle above `m` that does not pass through it is reported at its members
}

// False, with an issue naming the row and what the measure's frequency expects, when a report
// would never read a row of this kind for the period: "June 22" on a quarterly measure.
bool FitsFrequency(Table& t, const CsvRow& row, std::string_view code, const Measure& m,
                   const Period& period, RowKind kind) {
  if (FitsMeasure(m, period, kind)) return true;
  std::string_view text = t.Text(row, "period");
  std::string read = DescribePeriod(period);
  if (text != period.ToString()) read += fmt::format(" (\"{}\")", text);
  t.Issue(MakeIssue(code, t.PlaceOf(row, "period"),
                    {{"expected", FittingPeriods(m, period, kind)},
                     {"frequency", std::string(ToString(m.frequency))},
                     {"ref", m.ref},
                     {"read", read}}));
  return false;
}

const StatusScheme* SchemeOf(const Council& council, const Measure& m) {
  return council.FindScheme(m.scheme.empty() ? council.organisation.scheme : m.scheme);
}

// A roll-up rule needs parts; a rolled-up parent ranks its parts' statuses in its own scheme;
// and a chain of parents must end, or rolling up would never end either.
void CheckParts(const Table& t, const Council& council, Issues* issues) {
  std::set<std::string_view> seen;
  for (const CsvRow& row : t.rows()) {
    const Measure* m = council.FindMeasure(t.Text(row, "ref"));
    if (!m || !seen.insert(m->ref).second) continue;  // a duplicate ref is reported already
    if (m->rollup && council.PartsOf(m->ref).empty()) {
      issues->push_back(
          MakeIssue("measures.rollup-without-parts", {t.file(), row.line, "rollup"},
                    {{"ref", m->ref}, {"rollup", std::string(ToString(*m->rollup))}}));
    }
    const Measure* parent = m->parent.empty() ? nullptr : council.FindMeasure(m->parent);
    const StatusScheme* scheme = SchemeOf(council, *m);
    const StatusScheme* parent_scheme = parent ? SchemeOf(council, *parent) : nullptr;
    if (parent && council.RollsUp(*parent) && scheme && parent_scheme && scheme != parent_scheme) {
      issues->push_back(MakeIssue("measures.part-scheme", {t.file(), row.line, "scheme"},
                                  {{"parent", parent->ref},
                                   {"parent_scheme", parent_scheme->name},
                                   {"scheme", scheme->name}}));
    }
    if (m->forecast && council.RollsUp(*m)) {
      issues->push_back(
          MakeIssue("measures.forecast-rollup", {t.file(), row.line, "forecast"},
                    {{"ref", m->ref}, {"rollup", std::string(ToString(*m->rollup))}}));
    }
    if (m->parent == m->ref) continue;  // reported already
    if (std::string chain = CycleThrough(council, *m); !chain.empty()) {
      issues->push_back(MakeIssue("measures.part-cycle", {t.file(), row.line, "parent"},
                                  {{"ref", m->ref}, {"chain", chain}}));
    }
  }
}

}  // namespace

bool ReadMeasures(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("measures"))) return false;
  std::set<std::string> seen;
  for (const CsvRow& row : t.rows()) {
    Measure m;
    auto ref = Required(t, row, "ref", "measures.no-ref");
    auto title = Required(t, row, "title", "measures.no-title");
    if (!ref || !title) continue;
    if (!seen.insert(*ref).second) {
      t.Report(row, "ref", "measures.ref-twice", {{"ref", *ref}});
      continue;
    }
    m.ref = *ref;
    m.title = *title;
    m.unit = std::string(t.Text(row, "unit"));
    if (auto p = Parse(t, row, "polarity", "measures.polarity",
                       ParsePolarity(t.Text(row, "polarity")))) {
      m.polarity = *p;
    }
    if (auto f = Parse(t, row, "frequency", "measures.frequency",
                       ParseFrequency(t.Text(row, "frequency")))) {
      m.frequency = *f;
    }
    if (auto a = Parse(t, row, "accumulation", "measures.accumulation",
                       ParseAccumulation(t.Text(row, "accumulation")))) {
      m.accumulation = *a;
    }
    if (auto y = Parse(t, row, "year", "measures.year", ParseYearBasis(t.Text(row, "year")))) {
      m.year = *y;
    }
    if (auto l = Parse(t, row, "lag", "measures.lag", ParseLag(t.Text(row, "lag")))) {
      m.lag_months = *l;
    }
    if (!t.Text(row, "dot").empty()) {
      if (auto d = Parse(t, row, "dot", "measures.dot", ParseDotBasis(t.Text(row, "dot")))) {
        m.dot = *d;
      }
    }
    if (std::string_view rollup = t.Text(row, "rollup"); !rollup.empty()) {
      if (auto r = ParseRollup(rollup)) {
        m.rollup = *r;
      } else {
        issues->push_back(MakeIssue("measures.rollup", {t.file(), row.line, "rollup"},
                                    {{"value", std::string(rollup)}}));
      }
    }
    ReadForecastSettings(t, row, m);
    m.decimals = t.Integer(row, "decimals", 0, 6).value_or(-1);
    m.order = t.Integer(row, "order", -1000000, 1000000)
                  .value_or(static_cast<int>(council->measures.size()));
    m.node = t.Text(row, "node");
    m.parent = t.Text(row, "parent");
    m.scheme = t.Text(row, "scheme");
    m.owner = t.Text(row, "owner");
    m.director = t.Text(row, "director");
    m.directorate = t.Text(row, "directorate");
    m.portfolio = t.Text(row, "portfolio");
    m.description = t.Text(row, "description");
    m.priority = t.YesNo(row, "priority");
    if (!m.scheme.empty() && !council->FindScheme(m.scheme)) {
      t.Report(row, "scheme", "measures.unknown-scheme", {{"scheme", m.scheme}});
    }
    if (!m.node.empty() && !council->framework.Find(m.node)) {
      t.Report(row, "node", "items.unknown-node", {{"node", m.node}});
    }
    m.SortByPeriod();
    council->measures.push_back(std::move(m));
  }
  council->Index();
  std::map<std::string, int> named_as_parent;
  for (const CsvRow& row : t.rows()) ++named_as_parent[std::string(t.Text(row, "parent"))];
  for (const CsvRow& row : t.rows()) {
    std::string_view parent = t.Text(row, "parent");
    // A parent needs a row of its own unless two or more parts share it as a group.
    if (!parent.empty() && !council->FindMeasure(parent) &&
        named_as_parent[std::string(parent)] < 2) {
      t.Report(row, "parent", "measures.unknown-parent", {{"parent", std::string(parent)}});
    } else if (!parent.empty() && parent == t.Text(row, "ref")) {
      t.Report(row, "parent", "measures.own-parent");
    }
  }
  CheckParts(t, *council, issues);
  return true;
}

bool ReadTargets(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("targets"))) return false;
  for (const CsvRow& row : t.rows()) {
    Measure* m = MeasureOf(t, row, council, kTargetRefs);
    auto period = t.PeriodOf(row, "period", true);
    auto kind = Parse(t, row, "kind", "targets.kind", ParseTargetKind(t.Text(row, "kind")));
    auto value = Figure(t, row, "target", m);  // checked even if the row is lost
    if (!m || !period || !kind) continue;
    if (!FitsFrequency(t, row, "targets.period-frequency", *m, *period, RowKind::kTarget)) continue;
    Target target;
    target.period = *period;
    target.kind = *kind;
    if (value) target.value = value->value, target.decimals = static_cast<int8_t>(value->decimals);
    target.text = t.Text(row, "text");
    target.comparator = t.Text(row, "comparator");
    if (target.kind == TargetKind::kValue && !target.value) {
      if (t.Text(row, "target").empty()) {  // else Figure() has said what is wrong
        t.Report(row, "target", "targets.no-target");
      }
      continue;
    }
    if (target.kind == TargetKind::kComparator && target.comparator.empty()) {
      t.Report(row, "comparator", "targets.no-comparator");
      continue;
    }
    if (target.kind == TargetKind::kChange) {
      target.baseline = t.PeriodOf(row, "baseline_period", true);
      std::string_view change = t.Text(row, "change");
      auto n = ParseNumber(change);
      if (!n) {
        t.Report(row, "change", "targets.change");
        continue;
      }
      target.change_is_fraction = !change.empty() && change.back() == '%';
      target.change = target.change_is_fraction ? *n / 100 : *n;
      if (!target.baseline) continue;
    }
    if (m->TargetFor(*period)) {
      t.Report(row, "period", "targets.target-twice",
               {{"ref", m->ref}, {"period", period->ToString()}});
      continue;
    }
    m->targets.push_back(std::move(target));
  }
  for (Measure& m : council->measures) m.SortByPeriod();
  return true;
}

// Gives each measure room for its rows of the table at once: a million values would otherwise
// be copied again and again as their vectors grow, and take half as much memory again.
void ReserveValues(const Table& t, Council* council) {
  std::vector<uint32_t> rows(council->measures.size());
  const Measure* last = nullptr;
  for (const CsvRow& row : t.rows()) {
    std::string_view ref = t.Text(row, "ref");
    if (!last || ref != last->ref) last = council->FindMeasure(ref);
    if (last) ++rows[last - council->measures.data()];
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<MeasureValue>& values = council->measures[i].values;
    values.reserve(values.size() + rows[i]);
  }
}

bool ReadValues(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("values"))) return false;
  ReserveValues(t, council);
  MeasureFinder measures(council);
  ValuedPeriods valued(*council);
  MissingTargets missing_targets(*council);
  for (const CsvRow& row : t.rows()) {
    Measure* m = measures.Find(t, row);
    auto period = t.PeriodOf(row, "period", true);
    if (!m || !period) continue;
    MeasureValue v;
    v.period = *period;
    ValueWords w;
    if (m->is_text()) {
      w.text = t.Text(row, "value");
      w.forecast_text = t.Text(row, "forecast");
    } else {
      if (auto n = Figure(t, row, "value", m)) {
        v.number = n->value;
        v.decimals = static_cast<int8_t>(n->decimals);
        m->usual_decimals = std::max(m->usual_decimals, n->decimals);
        MaybeFraction(t, row, *m, *period, *n);
        CheckBounds(t, row, "value", *m, n->value);
      }
      if (auto f = Figure(t, row, "forecast", m)) {
        CheckBounds(t, row, "forecast", *m, f->value);
        v.forecast = f->value;
        v.forecast_decimals = static_cast<int8_t>(f->decimals);
      }
    }
    v.numerator = t.Number(row, "numerator");
    v.denominator = t.Number(row, "denominator");
    if (auto f = Parse(t, row, "flags", "values.flags", ParseValueFlags(t.Text(row, "flags")))) {
      v.flags = *f;
    }
    w.status = t.Text(row, "status");
    w.forecast_status = t.Text(row, "forecast_status");
    w.status_reason = t.Text(row, "status_reason");
    w.context = t.Text(row, "context");
    w.actions = t.Text(row, "actions");
    w.intervention = t.Text(row, "intervention");
    w.note = t.Text(row, "note");
    const StatusScheme* scheme = nullptr;
    if (!w.status.empty() || !w.forecast_status.empty()) {
      scheme = council->FindScheme(m->scheme.empty() ? council->organisation.scheme : m->scheme);
    }
    for (auto [column, key] :
         {std::pair{"status", &w.status}, {"forecast_status", &w.forecast_status}}) {
      if (key->empty() || !scheme) continue;
      if (!scheme->Find(*key) && !ParseSpecialKey(*key)) {
        std::string keys;
        for (const Band& b : scheme->bands) keys += (keys.empty() ? "" : ", ") + b.status.key;
        t.Report(row, column, "values.status",
                 {{"scheme", scheme->name}, {"keys", keys}, {"status", std::string(*key)}});
      } else if (w.status_reason.empty()) {
        t.Report(row, "status_reason", "values.no-status-reason");
      }
    }
    bool empty = t.Text(row, "value").empty() && !v.flags && !v.forecast && w.empty();
    if (empty) {
      t.Report(row, "value", "values.no-value");
      continue;
    }
    bool figure = !t.Text(row, "value").empty();
    RowKind kind = figure ? RowKind::kFigure : RowKind::kNoFigure;
    if (!FitsFrequency(t, row, "values.period-frequency", *m, *period, kind)) continue;
    if (!valued.Add(m, *period)) {
      t.Report(row, "period", "values.row-twice",
               {{"ref", m->ref}, {"period", period->ToString()}});
      continue;
    }
    if (v.number || !w.text.empty()) missing_targets.Add(*m, *period, row.line);
    if (!w.empty()) v.mutable_words() = std::move(w);
    m->values.push_back(std::move(v));
  }
  missing_targets.Warn(t.file(), issues);
  for (Measure& m : council->measures) m.SortByPeriod();
  return true;
}

bool ReadComparators(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("comparators"))) return false;
  for (const CsvRow& row : t.rows()) {
    Measure* m = MeasureOf(t, row, council, kComparatorRefs);
    auto period = t.PeriodOf(row, "period", true);
    auto name = Required(t, row, "comparator", "comparators.no-name");
    auto value = Figure(t, row, "value", m);
    if (!value && t.Text(row, "value").empty()) t.Report(row, "value", "comparators.no-value");
    if (!m || !period || !name || !value) continue;
    m->comparators.push_back({*period, *name, value->value, static_cast<int8_t>(value->decimals),
                              std::string(t.Text(row, "text"))});
  }
  for (Measure& m : council->measures) m.SortByPeriod();
  return true;
}

}  // namespace scorecard
