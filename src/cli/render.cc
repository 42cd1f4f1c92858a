#include "cli/render.h"

#include <fmt/format.h>

#include <algorithm>

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

std::string StatusText(const StatusView& s) {
  std::string out = s.symbol.empty() ? s.key : s.symbol + " " + s.key;
  return s.overridden ? out + "*" : out;
}

std::string ForecastText(const ForecastView& f) {
  if (f.value.empty()) return f.text;
  return f.value.shown + (f.computed ? " (c)" : "");
}

std::string Keyed(const std::string& symbol, const std::string& key) {
  return symbol.empty() ? key : symbol + " " + key;
}

void PrintCounts(std::FILE* out, const std::string& title, const std::vector<CountRow>& counts) {
  int total = 0;
  for (const CountRow& c : counts) total += c.count;
  fmt::print(out, "  {} ({} in all)\n", title, total);
  for (const CountRow& c : counts) {
    fmt::print(out, "    {} {:>4}  {:>6}  {}\n", Pad(Keyed(c.symbol, c.key), 22), c.count,
               c.percent_shown, c.label);
  }
}

void PrintMeasures(const Position& p, std::FILE* out) {
  const std::vector<std::string> head = {"ref", "period",   "value",           "target", "status",
                                         "dot", "forecast", "forecast_status", "title"};
  std::vector<std::vector<std::string>> rows;
  for (const MeasureRow& m : p.measures) {
    rows.push_back({m.ref, m.period, m.value_text.empty() ? m.value.shown : m.value_text,
                    m.target.shown, StatusText(m.status), m.direction.key, ForecastText(m.forecast),
                    StatusText(m.forecast_status), Clip(m.title, 50)});
  }
  std::vector<size_t> width(head.size());
  for (size_t i = 0; i < head.size(); ++i) width[i] = Width(head[i]);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], Width(r[i]));
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t i = 0; i < r.size(); ++i) {
      s += (i ? "  " : "") + (i + 1 < r.size() ? Pad(r[i], width[i]) : r[i]);
    }
    fmt::print(out, "{}\n", s);
  };
  line(head);
  for (const auto& r : rows) line(r);
  fmt::print(out, "(* officer override; (c) computed forecast)\n");
}

void PrintSummaries(const Position& p, std::FILE* out) {
  fmt::print(out, "\nSummary by status\n");
  for (const GroupSummary& g : p.groups) PrintCounts(out, g.title, g.statuses);
  fmt::print(out, "\nDirection of travel\n");
  if (!p.groups.empty()) PrintCounts(out, p.groups.front().title, p.groups.front().directions);
  fmt::print(out, "\nHeadline figures\n");
  for (const HeadlineView& h : p.headlines) {
    if (h.denominator == 0) continue;
    fmt::print(out, "  {} of {} ({} of {})\n", h.percent_shown, h.text, h.numerator, h.denominator);
  }
  fmt::print(out, "\nRed flags: off track in {} and still off track in {}\n", p.previous_period,
             p.period);
  if (p.red_flags.empty()) fmt::print(out, "  none\n");
  for (const FlagRow& f : p.red_flags) fmt::print(out, "  {} - {}\n", f.ref, f.title);
  fmt::print(out, "\nExceptions: worst status now and/or forecast below target\n");
  if (p.exceptions.empty()) fmt::print(out, "  none\n");
  for (const ExceptionRow& e : p.exceptions) {
    fmt::print(out, "  {} ({}) - {}\n", e.ref, e.reason, e.title);
  }
  fmt::print(out, "\nChanges since {}\n", p.previous_period);
  if (p.changes.empty()) fmt::print(out, "  none\n");
  for (const ChangeRow& c : p.changes) {
    fmt::print(out, "  {} {} {} - {}\n", c.kind, c.ref, c.words, c.title);
  }
}

void PrintActions(const Position& p, std::FILE* out) {
  if (p.actions.empty()) return;
  fmt::print(out, "\nActions and milestones by rating at {}\n", p.period);
  for (const GroupSummary& g : p.groups) PrintCounts(out, g.title, g.ratings);
  fmt::print(out, "\nOverdue actions ({})\n", p.overdue.size());
  for (const ActionRow& a : p.overdue) {
    fmt::print(out, "  {} (planned {}) {} - {}\n", a.ref, a.planned.empty() ? a.due : a.planned,
               Keyed(a.rating.symbol, a.rating.key), Clip(a.title, 70));
  }
}

void PrintProjects(const Position& p, std::FILE* out) {
  if (p.projects.empty()) return;
  fmt::print(out, "\nProjects at {}: RAG (present) and DCA (future)\n", p.period);
  auto key = [](const RatingView& r) { return r.key.empty() ? "-" : r.key; };
  for (const ProjectRow& r : p.projects) {
    std::string was =
        !r.previous_rag.key.empty() && !r.rag.key.empty() && r.previous_rag.key != r.rag.key
            ? fmt::format(" (was {})", r.previous_rag.key)
            : "";
    fmt::print(out, "  {}  RAG {}{}  DCA {}  {}\n", Pad(r.ref, 8), key(r.rag), was, key(r.dca),
               Clip(r.title, 60));
  }
}

void PrintRisks(const Position& p, std::FILE* out) {
  if (p.risks.empty()) return;
  fmt::print(out, "\nStrategic risks at {}\n", p.period);
  for (const RiskRow& r : p.risks) {
    fmt::print(out, "  {}  {} {} {}{}  {}\n", Pad(r.ref, 8), r.kind,
               r.score ? std::to_string(r.score) : "-", r.band.key,
               r.change.empty() ? "" : " (" + r.change + ")", Clip(r.title, 60));
  }
}

void PrintWhat(const Position& p, std::FILE* out) {
  fmt::print(out, "{}: scorecard at {} ({} measures)\n", p.organisation, p.period,
             p.measures.size());
  if (!p.source.empty()) fmt::print(out, "from {}\n", p.source);
  fmt::print(out, "\n");
}

}  // namespace

void RenderTable(const Position& p, std::FILE* out) {
  PrintWhat(p, out);
  PrintMeasures(p, out);
  PrintSummaries(p, out);
  PrintActions(p, out);
  PrintProjects(p, out);
  PrintRisks(p, out);
}

void RenderCsv(const Position& p, std::FILE* out) {
  fmt::print(out,
             "ref,period,value,target,status,dot,forecast,forecast_status,forecast_computed,"
             "overridden,title\n");
  for (const MeasureRow& m : p.measures) {
    std::string value = m.value_text.empty() ? m.value.plain : m.value_text;
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(m.ref), m.period,
               CsvField(value), m.target.plain, m.status.key, m.direction.key,
               m.forecast.value.plain, m.forecast_status.key,
               !m.forecast.value.empty() && m.forecast.computed ? "yes" : "no",
               m.status.overridden ? "yes" : "no", CsvField(m.title));
  }
}

void RenderExplain(const Position& p, const MeasureRow& m, std::FILE* out) {
  fmt::print(out, "{} - {}\n", m.ref, m.title);
  fmt::print(out, "  {}\n", m.settings);
  if (!m.rollup.empty()) fmt::print(out, "  rolled up from its parts ({})\n", m.rollup);
  fmt::print(out, "  report {} shows period {}\n", p.period, m.period);
  fmt::print(out, "  status: {} ({})\n    because {}\n", m.status.key, m.status.label,
             m.status.reason);
  fmt::print(out, "  direction of travel: {}\n    because {}\n", m.direction.key,
             m.direction.reason);
  std::string forecast = !m.forecast.value.empty() ? m.forecast.value.shown
                         : m.forecast.text.empty() ? "none"
                                                   : "\"" + m.forecast.text + "\"";
  fmt::print(out, "  forecast for {}: {}", m.year, forecast);
  if (!m.forecast.method_key.empty()) {
    fmt::print(out, " (method {})\n    {}", m.forecast.method_key, m.forecast.method);
  }
  fmt::print(out, "\n");
  fmt::print(out, "  forecast status: {} ({})\n    because {}\n", m.forecast_status.key,
             m.forecast_status.label, m.forecast_status.reason);
  for (const SchemeKey& k : p.keys) {
    if (k.name != m.scheme) continue;
    fmt::print(out, "  scheme {}: ", k.name);
    bool first = true;
    for (const KeyRow& row : k.rows) {
      if (row.band) {
        fmt::print(out, "{}{} {}", first ? "" : "; ", row.key, row.rule);
        first = false;
      }
    }
    fmt::print(out, " ({})\n", k.deviation);
  }
}

}  // namespace scorecard
