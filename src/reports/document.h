#pragma once
// A report as the sections make it, before it is written in any format. Each section turns the
// council's Position into blocks (paragraphs, lists, tables, charts); the HTML, CSV and XLSX
// writers then place those blocks, and the PDF is Chromium printing the HTML. A writer decides
// how a thing looks, never what it says: every figure, status and word is already here.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/period.h"

namespace scorecard {

// A colour as the writers use it: "#rrggbb", from a scheme's colour name or hex (ReportColour).
struct Colour {
  std::string fill;  // "#00703c"; empty: no fill
  std::string text;  // "#ffffff" or "#0b0c0c": the text colour that reads on `fill`
};

// One cell of a table. `text` is always what a reader sees, whatever the kind, so a writer that
// knows nothing of kinds (CSV) still gives the report's words.
struct ReportCell {
  enum class Kind : uint8_t {
    kText,    // words
    kNumber,  // a figure: `number` and its spreadsheet `format`; `text` as shown ("£1,234.50")
    kStatus,  // a status, rating or RAG: `symbol` and `label` in `text`, and a `colour`
    kDate,    // a date: `date`; `text` as shown ("30 September 2017")
  };
  Kind kind = Kind::kText;
  std::string text;
  std::optional<double> number;  // kNumber, when there is a figure
  std::string format;            // kNumber: an Excel number format, "#,##0.0", "0.0%"
  std::string key;               // kStatus: the status's key ("green", "on-track")
  Colour colour;                 // kStatus
  std::optional<Date> date;      // kDate
  int span = 1;                  // columns this cell covers (then span - 1 fewer cells follow)

  static ReportCell Text(std::string text);
  static ReportCell Number(std::optional<double> number, std::string shown, std::string format);
  static ReportCell Status(std::string key, std::string symbol, std::string label, Colour colour);
  static ReportCell DateCell(std::optional<Date> date, std::string shown);
};

struct ReportColumn {
  ReportColumn(std::string label, std::string group = "", bool numeric = false, int width = 12)
      : label(std::move(label)), group(std::move(group)), numeric(numeric), width(width) {}

  std::string label;
  std::string group;     // adjacent columns with one group share a heading above ("Quarterly")
  bool numeric = false;  // aligned right
  int width = 12;        // in characters, for the spreadsheet
};

struct ReportRow {
  std::vector<ReportCell> cells;
  bool row_header = true;  // the first cell names the row (a <th scope="row">)
  std::string group;       // the group (theme, outcome) the row is listed under; empty if none
  // A highlighted row (one portfolio's, say): shown with a border and this word, never shade
  // alone. Empty: not highlighted.
  std::string highlight;
};

struct ReportTable {
  std::string name;     // the CSV file and the sheet: "scorecard", "red-flags"
  std::string caption;  // says what the table is
  std::string note;     // said above the table: the rule for what it lists; empty if none
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  std::string empty;    // said instead of the table when it has no rows
  bool filter = false;  // the spreadsheet gets an autofilter (the scorecard)
  bool wide = false;    // printed on a landscape page
};

struct ReportParagraph {
  std::string text;
  bool lead = false;  // a lead paragraph (larger)
};

struct ReportList {
  std::string title;  // said above the list; empty if none
  std::vector<std::string> items;
  std::string empty;  // said when there are no items
};

// Names and values: document details, a contact block.
struct ReportDetails {
  std::vector<std::pair<std::string, std::string>> rows;
};

// A chart drawn as SVG, with its words for those who cannot see it and its data as a table.
struct ReportChart {
  std::string title;
  std::string svg;  // a complete <svg> element, with role="img" and an aria-labelledby
  std::string alt;  // the text alternative: what the chart shows, in a sentence or two
  ReportTable data;
};

using ReportBlock =
    std::variant<ReportParagraph, ReportList, ReportDetails, ReportTable, ReportChart>;

struct ReportSection {
  std::string type;   // the layout's section type: "summary", "scorecard"
  std::string id;     // unique in the document: "summary", "scorecard-2"
  std::string title;  // its heading; empty: none
  bool wide = false;  // printed on a landscape page
  std::vector<ReportBlock> blocks;
};

struct ReportDocument {
  std::string title, subtitle;
  std::string organisation;
  std::string period;  // "2017/18 Q2"
  std::string source;  // where the figures come from, for the document details
  std::vector<std::string> contact;
  std::string notice;  // said prominently under the title (figures changed since
                       // publication); empty if none
  std::string language = "en-GB";
  // The date the document carries (a workbook's creation date): the end of the reporting period,
  // so that a report made again from the same figures is the same, byte for byte.
  Date dated;
  std::vector<ReportSection> sections;

  // Every table in the document, in order, across sections and charts.
  std::vector<const ReportTable*> Tables() const;
};

}  // namespace scorecard
