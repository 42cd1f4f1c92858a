// The only translation unit that includes the mustache header: every template is here.

#include "reports/html_writer.h"

#include <fmt/format.h>

#include <kainjow/mustache.hpp>
#include <variant>

namespace scorecard {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr std::string_view kDocument = R"(<!DOCTYPE html>
<html lang="{{language}}" class="govuk-template sc-report">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}: {{organisation}}, {{period}}</title>
<style>{{{stylesheet}}}</style>
</head>
<body class="govuk-template__body">
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<header class="sc-report__header">
<p class="govuk-caption-l">{{organisation}}</p>
<h1 class="govuk-heading-xl">{{title}}</h1>
{{#has_subtitle}}<p class="govuk-body-l">{{subtitle}}</p>{{/has_subtitle}}
{{#has_notice}}<div class="govuk-warning-text sc-notice"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning: </span>{{notice}}</strong></div>{{/has_notice}}
</header>
{{{sections}}}
</main>
</div>
</body>
</html>
)";

constexpr std::string_view kSection =
    R"(<section class="sc-section sc-section--{{type}}{{#wide}} sc-section--wide{{/wide}}" id="{{id}}"{{#has_title}} aria-labelledby="{{id}}-heading"{{/has_title}}>
{{#has_title}}<h2 class="govuk-heading-l" id="{{id}}-heading">{{title}}</h2>
{{/has_title}}{{{blocks}}}</section>
)";

constexpr std::string_view kParagraph =
    R"(<p class="{{#lead}}govuk-body-l{{/lead}}{{^lead}}govuk-body{{/lead}}">{{text}}</p>
)";

constexpr std::string_view kList =
    R"({{#has_title}}<h3 class="govuk-heading-s">{{title}}</h3>
{{/has_title}}{{#has_items}}<ul class="govuk-list govuk-list--bullet">
{{#items}}<li>{{.}}</li>
{{/items}}</ul>
{{/has_items}}{{^has_items}}<p class="govuk-body">{{empty}}</p>
{{/has_items}})";

constexpr std::string_view kDetails = R"(<dl class="govuk-summary-list sc-details">
{{#rows}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{name}}</dt><dd class="govuk-summary-list__value">{{value}}</dd></div>
{{/rows}}</dl>
)";

// A table in a region of its own that scrolls sideways on a narrow screen, and that a keyboard
// can reach and scroll (WCAG 2.1.1). The head of a table: a first row with each group over its
// columns (an ungrouped column spans both rows), then the grouped columns' own labels.
constexpr std::string_view kTable =
    R"({{#has_note}}<p class="govuk-body sc-table__note">{{note}}</p>
{{/has_note}}{{#has_rows}}<div class="sc-table-container" role="region" aria-labelledby="{{id}}-caption" tabindex="0">
<table class="govuk-table sc-table{{#wide}} sc-table--wide{{/wide}}" id="{{id}}">
<caption class="govuk-table__caption govuk-table__caption--m" id="{{id}}-caption">{{caption}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">{{#top}}<th scope="{{scope}}" class="govuk-table__header{{#numeric}} govuk-table__header--numeric{{/numeric}}"{{#colspan}} colspan="{{colspan}}"{{/colspan}}{{#rowspan}} rowspan="{{rowspan}}"{{/rowspan}}>{{label}}</th>{{/top}}</tr>
{{#has_groups}}<tr class="govuk-table__row">{{#grouped}}<th scope="col" class="govuk-table__header{{#numeric}} govuk-table__header--numeric{{/numeric}}">{{label}}</th>{{/grouped}}</tr>
{{/has_groups}}</thead>
{{{bodies}}}</table>
</div>
{{/has_rows}}{{^has_rows}}<h3 class="govuk-heading-m">{{caption}}</h3>
<p class="govuk-body">{{empty}}</p>
{{/has_rows}})";

constexpr std::string_view kBody = R"(<tbody class="govuk-table__body">
{{#has_group}}<tr class="govuk-table__row sc-table__group"><th scope="rowgroup" colspan="{{width}}" class="govuk-table__header">{{group}}</th></tr>
{{/has_group}}{{{rows}}}</tbody>
)";

// One row; a cell is a header cell (th) when it names the row.
constexpr std::string_view kRow =
    R"(<tr class="govuk-table__row{{#highlighted}} sc-row--highlight{{/highlighted}}">{{#cells}}{{#th}}<th scope="row" class="govuk-table__header"{{#colspan}} colspan="{{colspan}}"{{/colspan}}>{{text}}</th>{{/th}}{{^th}}<td class="govuk-table__cell{{#numeric}} govuk-table__cell--numeric{{/numeric}}{{#status}} sc-status{{/status}}"{{#status}} style="--sc-fill:{{fill}};--sc-ink:{{ink}}"{{/status}}{{#colspan}} colspan="{{colspan}}"{{/colspan}}>{{text}}</td>{{/th}}{{/cells}}</tr>
)";

constexpr std::string_view kChart = R"(<figure class="sc-chart">
{{{svg}}}
<figcaption class="govuk-body sc-chart__caption">{{alt}}</figcaption>
{{{table}}}</figure>
)";

mustache Compile(std::string_view text) {
  mustache m{std::string(text)};
  if (!m.is_valid()) {
    // A template is ours, not the user's: a broken one is a bug, found by every test.
    throw std::logic_error("report template: " + m.error_message());
  }
  return m;
}

data Bool(bool b) { return data(b ? data::type::bool_true : data::type::bool_false); }

// Stands in a template for content already written (a table's rows, a section's blocks): the
// template is rendered around it, and the content is placed in `out` between the two halves,
// so that a large report's body is never copied through the template engine.
constexpr std::string_view kSlot = "\x01slot\x01";

void RenderAround(mustache& tmpl, data& d, const std::string& key, std::string_view content,
                  std::string* out) {
  d.set(key, std::string(kSlot));
  std::string around = tmpl.render(d);
  size_t at = around.find(kSlot);
  out->append(around, 0, at);
  out->append(content);
  out->append(around, at + kSlot.size());
}

}  // namespace

struct HtmlWriter::Templates {
  mustache document = Compile(kDocument);
  mustache section = Compile(kSection);
  mustache paragraph = Compile(kParagraph);
  mustache list = Compile(kList);
  mustache details = Compile(kDetails);
  mustache table = Compile(kTable);
  mustache body = Compile(kBody);
  mustache row = Compile(kRow);
  mustache chart = Compile(kChart);

  void Table(const ReportTable& t, const std::string& id, std::string* out);
  void Rows(const ReportTable& t, size_t from, size_t to, bool highlight_column, std::string* out);
  void Block(const ReportBlock& block, const std::string& id, std::string* out);
};

void HtmlWriter::Templates::Rows(const ReportTable& t, size_t from, size_t to,
                                 bool highlight_column, std::string* out) {
  for (size_t i = from; i < to; ++i) {
    const ReportRow& r = t.rows[i];
    data cells{data::type::list};
    size_t column = 0;
    for (size_t c = 0; c < r.cells.size(); ++c) {
      const ReportCell& cell = r.cells[c];
      data d;
      d.set("text", cell.text);
      d.set("th", Bool(c == 0 && r.row_header));
      bool numeric = cell.kind == ReportCell::Kind::kNumber ||
                     (column < t.columns.size() && t.columns[column].numeric);
      d.set("numeric", Bool(numeric));
      bool status = cell.kind == ReportCell::Kind::kStatus && !cell.colour.fill.empty();
      d.set("status", Bool(status));
      if (status) {
        d.set("fill", cell.colour.fill);
        d.set("ink", cell.colour.text);
      }
      d.set("colspan", cell.span > 1 ? data(std::to_string(cell.span)) : Bool(false));
      cells.push_back(d);
      column += static_cast<size_t>(std::max(cell.span, 1));
    }
    if (highlight_column) {
      data d;
      d.set("text", r.highlight);
      d.set("th", Bool(false));
      d.set("numeric", Bool(false));
      d.set("status", Bool(false));
      d.set("colspan", Bool(false));
      cells.push_back(d);
    }
    data row;
    row.set("cells", cells);
    row.set("highlighted", Bool(!r.highlight.empty()));
    out->append(this->row.render(row));
  }
}

void HtmlWriter::Templates::Table(const ReportTable& t, const std::string& id, std::string* out) {
  bool highlight_column = std::any_of(t.rows.begin(), t.rows.end(),
                                      [](const ReportRow& r) { return !r.highlight.empty(); });
  bool has_groups = std::any_of(t.columns.begin(), t.columns.end(),
                                [](const ReportColumn& c) { return !c.group.empty(); });
  data top{data::type::list}, grouped{data::type::list};
  for (size_t i = 0; i < t.columns.size();) {
    const ReportColumn& c = t.columns[i];
    data d;
    d.set("numeric", Bool(c.numeric));
    if (c.group.empty()) {
      d.set("label", c.label);
      d.set("scope", "col");
      d.set("colspan", Bool(false));
      d.set("rowspan", has_groups ? data("2") : Bool(false));
      top.push_back(d);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.columns.size() && t.columns[j].group == c.group) {
      data g;
      g.set("label", t.columns[j].label);
      g.set("numeric", Bool(t.columns[j].numeric));
      grouped.push_back(g);
      ++j;
    }
    d.set("label", c.group);
    d.set("scope", "colgroup");
    d.set("numeric", Bool(false));
    d.set("colspan", data(std::to_string(j - i)));
    d.set("rowspan", Bool(false));
    top.push_back(d);
    i = j;
  }
  if (highlight_column) {
    data d;
    d.set("label", "Highlighted");
    d.set("scope", "col");
    d.set("numeric", Bool(false));
    d.set("colspan", Bool(false));
    d.set("rowspan", has_groups ? data("2") : Bool(false));
    top.push_back(d);
  }
  // A body for each run of rows under one group.
  std::string bodies;
  size_t width = t.columns.size() + (highlight_column ? 1 : 0);
  for (size_t i = 0; i < t.rows.size();) {
    size_t j = i;
    while (j < t.rows.size() && t.rows[j].group == t.rows[i].group) ++j;
    data b;
    b.set("has_group", Bool(!t.rows[i].group.empty()));
    b.set("group", t.rows[i].group);
    b.set("width", std::to_string(width));
    std::string rows;
    Rows(t, i, j, highlight_column, &rows);
    RenderAround(body, b, "rows", rows, &bodies);
    i = j;
  }
  data d;
  d.set("id", id);
  d.set("has_note", Bool(!t.note.empty()));
  d.set("note", t.note);
  d.set("has_rows", Bool(!t.rows.empty()));
  d.set("wide", Bool(t.wide));
  d.set("caption", t.caption);
  d.set("empty", t.empty.empty() ? "None." : t.empty);
  d.set("top", top);
  d.set("has_groups", Bool(has_groups));
  d.set("grouped", grouped);
  RenderAround(table, d, "bodies", bodies, out);
}

void HtmlWriter::Templates::Block(const ReportBlock& block, const std::string& id,
                                  std::string* out) {
  if (const auto* p = std::get_if<ReportParagraph>(&block)) {
    data d;
    d.set("text", p->text);
    d.set("lead", Bool(p->lead));
    out->append(paragraph.render(d));
    return;
  }
  if (const auto* l = std::get_if<ReportList>(&block)) {
    data d;
    d.set("has_title", Bool(!l->title.empty()));
    d.set("title", l->title);
    d.set("has_items", Bool(!l->items.empty()));
    data items{data::type::list};
    for (const std::string& item : l->items) items.push_back(data(item));
    d.set("items", items);
    d.set("empty", l->empty.empty() ? "None." : l->empty);
    out->append(list.render(d));
    return;
  }
  if (const auto* dl = std::get_if<ReportDetails>(&block)) {
    data rows{data::type::list};
    for (const auto& [name, value] : dl->rows) {
      data r;
      r.set("name", name);
      r.set("value", value);
      rows.push_back(r);
    }
    data d;
    d.set("rows", rows);
    out->append(details.render(d));
    return;
  }
  if (const auto* t = std::get_if<ReportTable>(&block)) {
    Table(*t, id, out);
    return;
  }
  const auto& c = std::get<ReportChart>(block);
  data d;
  d.set("svg", c.svg);
  d.set("alt", c.alt);
  std::string table_html;
  Table(c.data, id + "-data", &table_html);
  d.set("table", table_html);
  out->append(chart.render(d));
}

HtmlWriter::HtmlWriter() : templates_(std::make_unique<Templates>()) {}
HtmlWriter::~HtmlWriter() = default;

std::string HtmlWriter::Write(const ReportDocument& doc, std::string_view stylesheet) {
  std::string sections;
  for (const ReportSection& s : doc.sections) {
    std::string blocks;
    for (size_t i = 0; i < s.blocks.size(); ++i) {
      templates_->Block(s.blocks[i], fmt::format("{}-{}", s.id, i + 1), &blocks);
    }
    data d;
    d.set("type", s.type);
    d.set("id", s.id);
    d.set("wide", Bool(s.wide));
    d.set("has_title", Bool(!s.title.empty()));
    d.set("title", s.title);
    RenderAround(templates_->section, d, "blocks", blocks, &sections);
  }
  data d;
  d.set("language", doc.language);
  d.set("title", doc.title);
  d.set("organisation", doc.organisation);
  d.set("period", doc.period);
  d.set("has_subtitle", Bool(!doc.subtitle.empty()));
  d.set("subtitle", doc.subtitle);
  d.set("has_notice", Bool(!doc.notice.empty()));
  d.set("notice", doc.notice);
  d.set("stylesheet", std::string(stylesheet));
  std::string html;
  html.reserve(sections.size() + stylesheet.size() + 4096);
  RenderAround(templates_->document, d, "sections", sections, &html);
  return html;
}

}  // namespace scorecard
