#include "app/position.h"

#include <fmt/format.h>

#include "app/position_build.h"
#include "domain/text.h"

namespace scorecard {
namespace {

std::string_view PolarityWords(Polarity p) {
  switch (p) {
    case Polarity::kHigherIsBetter:
      return "higher is better";
    case Polarity::kLowerIsBetter:
      return "lower is better";
    case Polarity::kNone:
      return "no good or bad";
  }
  return "";
}

std::string Settings(const Measure& m, const StatusScheme& scheme) {
  return fmt::format(
      "{} measure, {} ({}), {}, {}{}; scheme {}", ToString(m.frequency), ToString(m.polarity),
      PolarityWords(m.polarity), ToString(m.accumulation), ToString(m.year),
      m.lag_months ? fmt::format(", {} months in arrears", m.lag_months) : "", scheme.name);
}

DirectionView DirectionOf(const Measure& m, DirectionOfTravel d) {
  DirectionView v;
  v.key = std::string(ToString(d.direction));
  switch (d.direction) {
    case Direction::kImproved:
      v.label = "Improved", v.symbol = "\xE2\x86\x91";  // ↑
      break;
    case Direction::kStable:
      v.label = "Stable", v.symbol = "\xE2\x86\x92";  // →
      break;
    case Direction::kWorse:
      v.label = "Worse", v.symbol = "\xE2\x86\x93";  // ↓
      break;
    case Direction::kNotApplicable:
      v.label = "Not applicable", v.symbol = "\xE2\x80\x93";  // –
      break;
  }
  v.reason = std::move(d.reason);
  if (d.compared_with) v.compared_with = d.compared_with->ToString();
  v.compared_value = FigureOf(m, d.compared_value, d.compared_decimals);
  return v;
}

ForecastView ForecastOf(const Measure& m, Forecast f) {
  return ForecastView{FigureOf(m, f.value, f.decimals), std::move(f.text),   f.computed,
                      std::move(f.method_key),          std::move(f.method), f.held_at_bound};
}

std::vector<HistoryPoint> HistoryOf(const Measure& m) {
  std::vector<HistoryPoint> out;
  for (const MeasureValue& v : m.values) {
    if (v.number) out.push_back({v.period.ToString(), FigureOf(m, v.number, v.decimals)});
  }
  return out;
}

}  // namespace

Figure FigureOf(const Measure& m, const std::optional<double>& value, int given_decimals) {
  Figure f;
  if (!value) return f;
  f.plain = PlainValue(m, *value, given_decimals);
  f.number = ParseNumber(f.plain).value_or(*value);
  f.shown = InUnit(m, f.plain);
  return f;
}

Figure PlainFigure(double value) {
  Figure f;
  f.number = value;
  f.plain = FormatNumber(value);
  int places = 0;
  if (size_t point = f.plain.find('.'); point != std::string::npos) {
    places = static_cast<int>(f.plain.size() - point - 1);
  }
  f.shown = FormatDecimal(value, places, true);
  return f;
}

StatusView StatusOf(Status s) {
  return StatusView{std::move(s.key),    std::move(s.label),       std::move(s.symbol),
                    std::move(s.colour), std::move(s.reason),      s.is_band,
                    s.overridden,        std::move(s.computed_key)};
}

MeasureRow MeasureRowOf(const Council& council, MeasureAssessment a, bool history) {
  const Measure& m = *a.measure;
  const StatusScheme& scheme = council.SchemeFor(m);
  MeasureRow r;
  r.ref = m.ref;
  r.title = m.title;
  r.unit = m.unit;
  r.description = m.description;
  r.node = m.node;
  if (const FrameworkNode* n = council.framework.Find(m.node)) r.node_title = n->title;
  r.group = council.framework.ThemeOf(m.node);
  r.parent = m.parent;
  if (m.rollup && council.RollsUp(m)) r.rollup = std::string(ToString(*m.rollup));
  r.counted = council.IsCountedInSummaries(m);
  r.listed = !council.RollsUp(m);
  r.owner = m.owner;
  r.director = m.director;
  r.directorate = m.directorate;
  r.portfolio = m.portfolio;
  r.priority = m.priority;
  r.polarity = std::string(ToString(m.polarity));
  r.polarity_words = std::string(PolarityWords(m.polarity));
  r.frequency = std::string(ToString(m.frequency));
  r.settings = Settings(m, scheme);
  r.scheme = scheme.name;
  r.period = a.period.ToString();
  if (m.is_text()) {
    if (a.value) r.value_text = a.value->words().text;
  } else {
    r.value = FigureOf(m, a.number, a.value ? a.value->decimals : -1);
  }
  if (a.value) {
    r.numerator = PlainFigureOf(a.value->numerator);
    r.denominator = PlainFigureOf(a.value->denominator);
    r.flags = ValueFlagsToString(a.value->flags);
    const ValueWords& w = a.value->words();
    r.commentary = {w.context, w.actions, w.intervention, w.note};
  }
  // The officer's words for the report: the shown period's row's, else (a monthly measure in a
  // quarterly report) those on the row of the reporting period itself, as an override is read.
  if (r.commentary.empty() && a.period != a.reporting) {
    if (const MeasureValue* own = m.ValueFor(a.reporting)) {
      const ValueWords& w = own->words();
      r.commentary = {w.context, w.actions, w.intervention, w.note};
    }
  }
  r.target = FigureOf(m, a.target.value, a.target.decimals);
  r.target_reason = std::move(a.target.reason);
  if (a.deviation) r.deviation = FormatDeviation(*a.deviation, scheme.deviation);
  r.status = StatusOf(std::move(a.status));
  r.direction = DirectionOf(m, std::move(a.dot));
  r.year = a.year.ToString();
  r.annual_target = FigureOf(m, a.annual_target.value, a.annual_target.decimals);
  r.forecast = ForecastOf(m, std::move(a.forecast));
  r.forecast_status = StatusOf(std::move(a.forecast_status));
  for (const ComparatorFigure& c : m.comparators) {
    if (c.period.end() <= a.reporting.end()) {
      r.comparators.push_back(
          {c.name, c.period.ToString(), FigureOf(m, c.value, c.decimals), c.text});
    }
  }
  if (history) r.history = HistoryOf(m);
  return r;
}

Figure PlainFigureOf(const std::optional<double>& value) {
  return value ? PlainFigure(*value) : Figure();
}

const MeasureRow* Position::FindMeasure(std::string_view ref) const {
  for (const MeasureRow& m : measures) {
    if (m.ref == ref) return &m;
  }
  return nullptr;
}

const GroupSummary* Position::FindGroup(std::string_view id) const {
  for (const GroupSummary& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

}  // namespace scorecard
