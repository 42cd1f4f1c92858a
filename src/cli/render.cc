#include "cli/render.h"

#include <fmt/format.h>

#include "domain/text.h"

namespace scorecard {
namespace {

// Display width of UTF-8 text, counting code points.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  for (size_t w = Width(s); w < width; ++w) out.push_back(' ');
  return out;
}

std::string Clip(std::string_view s, size_t width) {
  if (Width(s) <= width) return std::string(s);
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n < width - 1; ++i) {
    out.push_back(s[i]);
    if (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) continue;
    ++n;
  }
  return out + "\xE2\x80\xA6";
}

std::string Shown(const MeasureAssessment& a, const std::optional<double>& v) {
  return v ? FormatValue(*a.measure, *v) : "";
}

std::string ValueText(const MeasureAssessment& a) {
  if (a.measure->is_text() && a.value) return a.value->text;
  return Shown(a, a.number);
}

std::string StatusText(const Status& s) {
  std::string out = s.symbol.empty() ? s.key : s.symbol + " " + s.key;
  return s.overridden ? out + "*" : out;
}

void PrintCounts(std::FILE* out, const std::string& title, const std::vector<Count>& counts) {
  int total = 0;
  for (const Count& c : counts) total += c.count;
  fmt::print(out, "  {} ({} in all)\n", title, total);
  for (const Count& c : counts) {
    fmt::print(out, "    {} {:>4}  {:>5.1f}%  {}\n",
               Pad(c.symbol.empty() ? c.key : c.symbol + " " + c.key, 22), c.count, c.percent,
               c.label);
  }
}

void PrintMeasures(const AssessedCouncil& a, std::FILE* out) {
  const std::vector<std::string> head = {"ref", "period",   "value",           "target", "status",
                                         "dot", "forecast", "forecast_status", "title"};
  std::vector<std::vector<std::string>> rows;
  for (const MeasureAssessment& m : a.now) {
    rows.push_back({m.measure->ref, m.period.ToString(), ValueText(m), Shown(m, m.target.value),
                    StatusText(m.status), std::string(ToString(m.dot.direction)),
                    m.forecast.value
                        ? Shown(m, m.forecast.value) + (m.forecast.computed ? " (c)" : "")
                        : m.forecast.text,
                    StatusText(m.forecast_status), Clip(m.measure->title, 50)});
  }
  std::vector<size_t> width(head.size());
  for (size_t i = 0; i < head.size(); ++i) width[i] = Width(head[i]);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], Width(r[i]));
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t i = 0; i < r.size(); ++i)
      s += (i ? "  " : "") + (i + 1 < r.size() ? Pad(r[i], width[i]) : r[i]);
    fmt::print(out, "{}\n", s);
  };
  line(head);
  for (const auto& r : rows) line(r);
  fmt::print(out, "(* officer override; (c) computed forecast)\n");
}

void PrintSummaries(const AssessedCouncil& a, std::FILE* out) {
  Summariser s = a.summary();
  fmt::print(out, "\nSummary by status\n");
  for (const Group& g : s.Groups()) PrintCounts(out, g.title, s.StatusCounts(g));
  fmt::print(out, "\nDirection of travel\n");
  PrintCounts(out, "All", s.DirectionCounts({"all", "All"}));
  fmt::print(out, "\nHeadline figures\n");
  for (const Headline& h : s.Headlines()) {
    if (h.denominator == 0) continue;
    fmt::print(out, "  {:.0f}% of {} ({} of {})\n", h.percent(), h.text, h.numerator,
               h.denominator);
  }
  fmt::print(out, "\nRed flags: off track in {} and still off track in {}\n",
             a.reporting.Previous().ToString(), a.reporting.ToString());
  auto flags = s.RedFlags();
  if (flags.empty()) fmt::print(out, "  none\n");
  for (const MeasureAssessment* m : flags)
    fmt::print(out, "  {} - {}\n", m->measure->ref, m->measure->title);
  fmt::print(out, "\nExceptions: worst status now and/or forecast below target\n");
  auto exceptions = s.Exceptions();
  if (exceptions.empty()) fmt::print(out, "  none\n");
  for (const Exception& e : exceptions) {
    fmt::print(out, "  {} ({}) - {}\n", e.assessment->measure->ref, e.reason,
               e.assessment->measure->title);
  }
  fmt::print(out, "\nStatus changes since {}\n", a.reporting.Previous().ToString());
  auto changes = s.StatusChanges();
  auto ratings = s.RatingChanges();
  changes.insert(changes.end(), ratings.begin(), ratings.end());
  if (changes.empty()) fmt::print(out, "  none\n");
  for (const StatusChange& c : changes) {
    fmt::print(out, "  {} {} from {} to {} - {}\n", c.ref, c.improved ? "improved" : "declined",
               c.before, c.after, c.title);
  }
}

void PrintActions(const AssessedCouncil& a, std::FILE* out) {
  if (a.council->actions.empty()) return;
  Summariser s = a.summary();
  fmt::print(out, "\nActions and milestones by rating at {}\n", a.reporting.ToString());
  for (const Group& g : s.Groups()) PrintCounts(out, g.title, s.RatingCounts(g));
  std::vector<const Action*> overdue;
  for (const Action& action : a.council->actions) {
    if (action.IsOverdue(a.reporting)) overdue.push_back(&action);
  }
  fmt::print(out, "\nOverdue actions ({})\n", overdue.size());
  for (const Action* action : overdue) {
    fmt::print(out, "  {} (planned {}) - {}\n", action->ref,
               action->planned ? action->planned->ToString()
               : action->due   ? action->due->ToString()
                               : "",
               Clip(action->title, 70));
  }
}

void PrintProjects(const AssessedCouncil& a, std::FILE* out) {
  if (a.council->projects.empty()) return;
  fmt::print(out, "\nProjects at {}: RAG (present) and DCA (future)\n", a.reporting.ToString());
  for (const Project& p : a.council->projects) {
    const ProjectAssessment* now = p.AssessmentFor(a.reporting);
    const ProjectAssessment* before = p.AssessmentBefore(a.reporting);
    auto rag = [](const ProjectAssessment* x) {
      return x && x->rag ? std::string(ToString(*x->rag)) : "-";
    };
    auto dca = [](const ProjectAssessment* x) {
      return x && x->dca ? std::string(ToString(*x->dca)) : "-";
    };
    std::string change = before && now && now->rag && before->rag && *now->rag != *before->rag
                             ? fmt::format(" (was {})", rag(before))
                             : "";
    fmt::print(out, "  {}  RAG {}{}  DCA {}  {}\n", Pad(p.ref, 8), rag(now), change, dca(now),
               Clip(p.title, 60));
  }
}

void PrintRisks(const AssessedCouncil& a, std::FILE* out) {
  if (a.council->risks.empty()) return;
  fmt::print(out, "\nStrategic risks at {}\n", a.reporting.ToString());
  for (const Risk& r : a.council->risks) {
    for (RiskKind kind : {RiskKind::kThreat, RiskKind::kOpportunity}) {
      const RiskScore* now = r.ScoreFor(a.reporting, kind);
      const RiskScore* before = r.ScoreBefore(a.reporting, kind);
      if (!now && !(kind == r.kind)) continue;
      std::string score = now ? std::to_string(now->score) : "-";
      std::string band = now ? BandFor(a.council->risk_bands, now->score).key : "";
      std::string change =
          now && before && before->score != now->score
              ? fmt::format(" ({} from {})", now->score < before->score ? "reduced" : "increased",
                            before->score)
              : "";
      fmt::print(out, "  {}  {} {} {}{}  {}\n", Pad(r.ref, 8), ToString(kind), score, band, change,
                 Clip(r.title, 60));
    }
  }
}

}  // namespace

std::string PlainNumber(const std::optional<double>& value) {
  return value ? FormatNumber(*value) : "";
}

void RenderTable(const AssessedCouncil& a, std::FILE* out) {
  fmt::print(out, "{}: scorecard at {} ({} measures)\n\n", a.council->organisation.name,
             a.reporting.ToString(), a.now.size());
  PrintMeasures(a, out);
  PrintSummaries(a, out);
  PrintActions(a, out);
  PrintProjects(a, out);
  PrintRisks(a, out);
}

void RenderCsv(const AssessedCouncil& a, std::FILE* out) {
  fmt::print(out,
             "ref,period,value,target,status,dot,forecast,forecast_status,forecast_computed,"
             "overridden,title\n");
  for (const MeasureAssessment& m : a.now) {
    std::string value = m.measure->is_text() && m.value ? m.value->text : PlainNumber(m.number);
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(m.measure->ref),
               m.period.ToString(), CsvField(value), PlainNumber(m.target.value), m.status.key,
               ToString(m.dot.direction), PlainNumber(m.forecast.value), m.forecast_status.key,
               m.forecast.value && m.forecast.computed ? "yes" : "no",
               m.status.overridden ? "yes" : "no", CsvField(m.measure->title));
  }
}

void RenderExplain(const AssessedCouncil& a, const MeasureAssessment& m, std::FILE* out) {
  const Measure& x = *m.measure;
  const StatusScheme& scheme = a.council->SchemeFor(x);
  fmt::print(out, "{} - {}\n", x.ref, x.title);
  fmt::print(out, "  {} measure, {} ({}), {}, {}{}; scheme {}{}\n", ToString(x.frequency),
             ToString(x.polarity),
             x.polarity == Polarity::kLowerIsBetter ? "lower is better"
             : x.polarity == Polarity::kNone        ? "no good or bad"
                                                    : "higher is better",
             ToString(x.accumulation), ToString(x.year),
             x.lag_months ? fmt::format(", {} months in arrears", x.lag_months) : "", scheme.name,
             a.council->RollsUp(x)
                 ? fmt::format("; rolled up from its parts ({})", ToString(*x.rollup))
                 : "");
  fmt::print(out, "  report {} shows period {}\n", a.reporting.ToString(), m.period.ToString());
  fmt::print(out, "  status: {} ({})\n    because {}\n", m.status.key, m.status.label,
             m.status.reason);
  fmt::print(out, "  direction of travel: {}\n    because {}\n", ToString(m.dot.direction),
             m.dot.reason);
  std::string forecast = m.forecast.value          ? FormatValue(x, *m.forecast.value)
                         : m.forecast.text.empty() ? "none"
                                                   : "\"" + m.forecast.text + "\"";
  fmt::print(out, "  forecast for {}: {}", m.year.ToString(), forecast);
  if (!m.forecast.method_key.empty()) {
    fmt::print(out, " (method {})\n    {}", m.forecast.method_key, m.forecast.method);
  }
  fmt::print(out, "\n");
  fmt::print(out, "  forecast status: {} ({})\n    because {}\n", m.forecast_status.key,
             m.forecast_status.label, m.forecast_status.reason);
  fmt::print(out, "  scheme {}: ", scheme.name);
  for (size_t i = 0; i < scheme.bands.size(); ++i) {
    fmt::print(out, "{}{} {}", i ? "; " : "", scheme.bands[i].status.key, scheme.DescribeBand(i));
  }
  fmt::print(out, " ({} deviation, positive is better)\n",
             scheme.deviation == DeviationKind::kRelative ? "relative" : "absolute");
}

}  // namespace scorecard
