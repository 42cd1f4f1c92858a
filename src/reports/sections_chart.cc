// A chart of a measure over time, drawn as SVG by the server: the values as a line with points,
// the period's target and each comparator as dashed lines, with a sentence for those who cannot
// see it and the figures as a table.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "domain/text.h"
#include "reports/section_parts.h"

namespace scorecard {
namespace {

constexpr double kWidth = 640, kHeight = 280;
constexpr double kLeft = 64, kRight = 16, kTop = 16, kBottom = 48;

std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct Line {
  std::string label;
  double value;
  std::string shown;
  std::string dash;
};

std::string Svg(const std::string& id, const std::string& title,
                const std::vector<const HistoryPoint*>& points, const std::vector<Line>& lines) {
  double lo = INFINITY, hi = -INFINITY;
  for (const HistoryPoint* p : points) {
    lo = std::min(lo, *p->value.number);
    hi = std::max(hi, *p->value.number);
  }
  for (const Line& l : lines) {
    lo = std::min(lo, l.value);
    hi = std::max(hi, l.value);
  }
  if (lo > 0 && lo < hi) lo = std::min(0.0, lo);  // from zero where the figures allow
  if (hi == lo) hi = lo + 1;
  double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](size_t i) {
    return kLeft + (points.size() < 2
                        ? plot_w / 2
                        : plot_w * static_cast<double>(i) / static_cast<double>(points.size() - 1));
  };
  auto y = [&](double v) { return kTop + plot_h * (hi - v) / (hi - lo); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-labelledby=\"{}-title\" class=\"sc-chart__svg\"><title id=\"{}-title\">{}</title>",
      kWidth, kHeight, id, id, Escaped(title));
  // Axes, and the top and bottom of the scale.
  svg += fmt::format(
      "<g class=\"sc-chart__axis\" stroke=\"#505a5f\" fill=\"none\"><line x1=\"{0}\" y1=\"{1}\" "
      "x2=\"{0}\" y2=\"{2}\"/><line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\"/></g>",
      kLeft, kTop, kTop + plot_h, kLeft + plot_w);
  svg += fmt::format(
      "<g font-size=\"12\" fill=\"#0b0c0c\" text-anchor=\"end\"><text x=\"{0}\" "
      "y=\"{1}\">{2}</text>"
      "<text x=\"{0}\" y=\"{3}\">{4}</text></g>",
      kLeft - 6, kTop + 4, FormatNumber(hi), kTop + plot_h, FormatNumber(lo));
  for (const Line& l : lines) {
    svg += fmt::format(
        "<g><line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#0b0c0c\" "
        "stroke-dasharray=\"{3}\"/><text x=\"{2}\" y=\"{4:.1f}\" font-size=\"12\" "
        "text-anchor=\"end\" fill=\"#0b0c0c\">{5}</text></g>",
        kLeft, y(l.value), kLeft + plot_w, l.dash, y(l.value) - 4, Escaped(l.label));
  }
  std::string path;
  for (size_t i = 0; i < points.size(); ++i) {
    path += fmt::format("{}{:.1f},{:.1f}", i ? " L" : "M", x(i), y(*points[i]->value.number));
  }
  svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>", path);
  for (size_t i = 0; i < points.size(); ++i) {
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"#1d70b8\"/>"
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" "
        "fill=\"#0b0c0c\">{}</text>",
        x(i), y(*points[i]->value.number), x(i), kTop + plot_h + 18, Escaped(points[i]->period));
  }
  svg += "</svg>";
  return svg;
}

}  // namespace

namespace {

// The measure's figures up to the reporting period, in its own periods, the last `periods`.
std::vector<const HistoryPoint*> Points(const ReportContext& context, const MeasureRow& m,
                                        size_t periods) {
  std::vector<const HistoryPoint*> points;
  PeriodKind kind = ParsePeriod(m.period).value_or(Period()).kind();
  for (const HistoryPoint& h : m.history) {
    Period p = ParsePeriod(h.period).value_or(Period());
    if (h.value.number && p <= context.position.reporting && p.kind() == kind) {
      points.push_back(&h);
    }
  }
  if (points.size() > periods) points.erase(points.begin(), points.end() - periods);
  return points;
}

// The chart of one measure: its figures, its target and comparators.
ReportChart MeasureChart(const MeasureRow& m, const std::vector<const HistoryPoint*>& points,
                         std::string title, const std::string& id) {
  std::vector<Line> lines;
  if (m.target.number) {
    lines.push_back({"Target " + m.target.shown, *m.target.number, m.target.shown, "6 4"});
  }
  for (const ComparatorView& c : m.comparators) {
    if (c.value.number) {
      lines.push_back({c.name + " " + c.value.shown, *c.value.number, c.value.shown, "2 3"});
    }
  }
  ReportChart chart;
  chart.title = std::move(title);
  chart.svg = Svg(id, chart.title, points, lines);
  chart.alt =
      fmt::format("{} from {} ({}) to {} ({}).", m.title, points.front()->period,
                  points.front()->value.shown, points.back()->period, points.back()->value.shown);
  for (const Line& l : lines) chart.alt += fmt::format(" {}.", l.label);
  chart.data.name = "chart-" + m.ref;
  chart.data.caption = fmt::format("The figures the chart of {} shows", m.ref);
  chart.data.columns = {{"Period", "", false, 14}, {"Value", "", true, 12}};
  for (const HistoryPoint* h : points) {
    ReportRow r;
    r.cells = {TextCell(h->period), FigureCell(h->value)};
    chart.data.rows.push_back(std::move(r));
  }
  return chart;
}

}  // namespace

// One measure's chart (`measure`), or a chart for each measure of a group (`group`: a theme's
// id), small multiples in the council's order, each with its words and its figures.
void BuildChart(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
                Issues* issues) {
  size_t periods = static_cast<size_t>(layout.Integer("periods", 8));
  if (layout.Has("measure") == layout.Has("group")) {
    issues->push_back(SectionIssue(context, layout, "", "report.chart-subject"));
    return;
  }
  if (layout.Has("group")) {
    std::string group = layout.Text("group");
    if (context.position.FindGroup(group) == nullptr || group == "all") {
      issues->push_back(SectionIssue(
          context, layout, "group", "report.unknown-scope",
          {{"kind", "theme"}, {"value", group}, {"known", "the ids of framework.csv's themes"}}));
      return;
    }
    int n = 0;
    for (const MeasureRow* m : context.measures) {
      if (m->group != group || !m->listed) continue;
      std::vector<const HistoryPoint*> points = Points(context, *m, periods);
      if (points.empty()) continue;  // a measure with no figure has no line to draw
      section->blocks.push_back(MeasureChart(*m, points, fmt::format("{} {}", m->ref, m->title),
                                             fmt::format("{}-chart-{}", section->id, ++n)));
    }
    if (n == 0) {
      issues->push_back(SectionIssue(context, layout, "group", "report.needs-data",
                                     {{"what", "figures for the measures of " + group}}));
    }
    return;
  }
  std::string ref = layout.Text("measure");
  const MeasureRow* m = context.position.FindMeasure(ref);
  if (m == nullptr) {
    issues->push_back(
        SectionIssue(context, layout, "measure", "report.unknown-measure", {{"ref", ref}}));
    return;
  }
  std::vector<const HistoryPoint*> points = Points(context, *m, periods);
  if (points.empty()) {
    issues->push_back(SectionIssue(context, layout, "measure", "report.needs-data",
                                   {{"what", "figures for measure " + ref}}));
    return;
  }
  section->blocks.push_back(
      MeasureChart(*m, points, layout.Text("caption", fmt::format("{} {}", m->ref, m->title)),
                   section->id + "-chart"));
}

}  // namespace scorecard
