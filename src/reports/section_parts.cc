// The cells every section makes, and the sections about the report itself: its title, details,
// free text and the key to the rules.

#include "reports/section_parts.h"

#include <fmt/format.h>

namespace scorecard {

ReportCell TextCell(std::string text) { return ReportCell::Text(std::move(text)); }

std::string ExcelFormat(const Figure& figure) {
  const std::string& shown = figure.shown;
  size_t first = shown.find_first_of("-0123456789");
  size_t last = shown.find_last_of("0123456789");
  if (first == std::string::npos || last == std::string::npos) return "General";
  std::string prefix = shown.substr(0, first);
  if (shown[first] == '-') prefix.clear();  // the sign belongs to the number
  std::string suffix = shown.substr(last + 1);
  int places = 0;
  if (size_t point = figure.plain.find('.'); point != std::string::npos) {
    places = static_cast<int>(figure.plain.size() - point - 1);
  }
  bool thousands = shown.find(',') != std::string::npos;
  std::string number = thousands ? "#,##0" : "0";
  if (places > 0) number += "." + std::string(static_cast<size_t>(places), '0');
  auto quoted = [](const std::string& s) { return s.empty() ? s : "\"" + s + "\""; };
  return quoted(prefix) + number + quoted(suffix);
}

ReportCell FigureCell(const Figure& figure) {
  return ReportCell::Number(figure.number, figure.shown, ExcelFormat(figure));
}

ReportCell StatusCell(const StatusView& status) {
  if (status.key.empty()) return TextCell("");
  return ReportCell::Status(status.key, status.symbol, status.label, ReportColour(status.colour));
}

ReportCell RatingCell(const RatingView& rating) {
  if (rating.key.empty()) return TextCell("");
  return ReportCell::Status(rating.key, rating.symbol, rating.label, ReportColour(rating.key));
}

Issue SectionIssue(const ReportContext& context, const LayoutSection& layout,
                   std::string_view option, std::string_view code, IssueParams params) {
  std::string column = option.empty() ? "section" : fmt::format("section.{}", option);
  return MakeIssue(code,
                   {context.layout.file, option.empty() ? layout.line : layout.LineOf(option),
                    std::move(column)},
                   std::move(params));
}

std::string GroupTitle(const Position& position, std::string_view id) {
  const GroupSummary* g = position.FindGroup(id);
  return g ? g->title : std::string(id);
}

void BuildTitle(const ReportContext& context, const LayoutSection&, ReportSection* section,
                Issues*) {
  // The document's header gives its title and subtitle; this adds the period and the contact.
  section->blocks.push_back(ReportParagraph{
      fmt::format("{}: {}", context.position.organisation, context.position.period), true});
  for (const std::string& line : context.layout.contact) {
    section->blocks.push_back(ReportParagraph{line, false});
  }
}

void BuildDetails(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
                  Issues*) {
  ReportDetails details;
  for (auto& [name, value] : layout.PairList("rows")) details.rows.emplace_back(name, value);
  if (!context.layout.contact.empty() && layout.Flag("contact", true)) {
    std::string contact;
    for (const std::string& line : context.layout.contact) {
      contact += (contact.empty() ? "" : "\n") + line;
    }
    details.rows.emplace_back("Contact", contact);
  }
  if (layout.Flag("generated", true)) {
    details.rows.emplace_back("Organisation", context.position.organisation);
    details.rows.emplace_back("Reporting period", context.position.period);
    details.rows.emplace_back("Figures from", context.position.source);
    if (!context.options.published.empty()) {
      details.rows.emplace_back("Published", context.options.published);
    }
  }
  section->blocks.push_back(std::move(details));
}

void BuildText(const ReportContext&, const LayoutSection& layout, ReportSection* section, Issues*) {
  // Paragraphs are separated by a blank line, as in Markdown.
  std::string text = layout.Text("text");
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? end : end - start);
    while (!para.empty() && (para.back() == '\n' || para.back() == ' ')) para.pop_back();
    if (!para.empty()) section->blocks.push_back(ReportParagraph{para, layout.Flag("lead", false)});
    if (end == std::string::npos) break;
    start = end + 2;
  }
}

void BuildKey(const ReportContext& context, const LayoutSection& layout, ReportSection* section,
              Issues*) {
  bool all = layout.Flag("all-schemes", false);
  for (const SchemeKey& k : context.position.keys) {
    ReportTable t;
    t.name = "key";
    t.caption = k.label;
    t.note = "Statuses are earned by the " + k.deviation + ".";
    t.columns = {{"Symbol"}, {"Status"}, {"How it is earned", "", false, 60}};
    for (const KeyRow& r : k.rows) {
      ReportRow row;
      row.cells.push_back(ReportCell::Status(r.key, r.symbol, "", ReportColour(r.colour)));
      row.cells.push_back(TextCell(r.label));
      row.cells.push_back(TextCell(r.rule));
      row.row_header = false;
      t.rows.push_back(std::move(row));
    }
    section->blocks.push_back(std::move(t));
    if (!all) break;  // the default scheme only
  }
}

}  // namespace scorecard
