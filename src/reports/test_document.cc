#include "reports/test_document.h"

#include <utility>

namespace scorecard {
namespace {

const Colour kGreen{"#00703c", "#ffffff"};
const Colour kYellow{"#ffdd00", "#0b0c0c"};
const Colour kBlack{"#000000", "#ffffff"};

ReportSection Summary() {
  ReportSection s = MakeSection("summary", "Summary");
  s.blocks.emplace_back(ReportParagraph{"Of 3 measures, 1 is on track.", true});
  s.blocks.emplace_back(ReportList{"Highlights",
                                   {"Homes built has improved from 'some slippage' to 'on track'.",
                                    "Rent collected fell short of its target."},
                                   ""});
  s.blocks.emplace_back(ReportDetails{{{"Measures", "3"}, {"On track", "1"}}});
  return s;
}

ReportSection Scorecard() {
  ReportTable t = MakeTable(
      "scorecard",
      {MakeColumn("Ref", "", false, 8), MakeColumn("Measure", "", false, 40),
       MakeColumn("Q1 2017/18", "Quarterly", true), MakeColumn("Q2 2017/18", "Quarterly", true),
       MakeColumn("Status", "", false, 18), MakeColumn("Due", "", false, 14)});
  t.caption = "Measures by theme";
  t.note = "Every measure with a quarterly target.";
  t.filter = true;
  t.wide = true;
  t.rows.push_back(
      MakeRow({ReportCell::Text("H1"), ReportCell::Text("Homes built"),
               ReportCell::Number(1234.5, "£1,234.50", "£#,##0.00"),
               ReportCell::Number(1300, "£1,300.00", "£#,##0.00"),
               ReportCell::Status("on-track", "✓", "On track", kGreen),
               ReportCell::DateCell(Date::FromCivil(2017, 9, 30), "30 September 2017")},
              "Housing"));
  t.rows.push_back(MakeRow(
      {ReportCell::Text("H2"), ReportCell::Text("Rent collected, \"net\""),
       ReportCell::Number(0.975, "97.5%", "0.0%"), ReportCell::Number(std::nullopt, "not due", ""),
       ReportCell::Status("slippage", "▲", "Some slippage", kYellow),
       ReportCell::DateCell(std::nullopt, "")},
      "Housing", "Portfolio: Housing"));
  ReportCell spanning = ReportCell::Text("Waste recycled: no figures this quarter");
  spanning.span = 3;
  t.rows.push_back(MakeRow(
      {ReportCell::Text("E1"), spanning, ReportCell::Status("no-data", "?", "No data", kBlack),
       ReportCell::DateCell(Date::FromCivil(2018, 3, 31), "31 March 2018")},
      "Environment"));
  ReportSection s = MakeSection("scorecard", "Scorecard: all measures");
  s.wide = true;
  s.blocks.emplace_back(std::move(t));
  return s;
}

ReportSection RedFlags() {
  ReportSection s = MakeSection("red-flags", "Red flags");
  s.blocks.emplace_back(ReportParagraph{"Measures more than 10% off their target.", false});
  ReportTable t = MakeTable(
      "red-flags", {MakeColumn("Ref", "", false, 8), MakeColumn("Measure", "", false, 40)});
  t.caption = "Red flags";
  t.empty = "No red flags this quarter.";
  s.blocks.emplace_back(std::move(t));
  return s;
}

ReportSection Chart() {
  ReportChart c;
  c.title = "Calls answered";
  c.svg = "<svg role=\"img\" aria-labelledby=\"chart-title\"></svg>";
  c.alt = "Calls answered rose from 80% to 85.25% in the year's first half.";
  c.data = MakeTable("scorecard", {MakeColumn("Period"), MakeColumn("Value", "", true, 10),
                                   MakeColumn("Target", "", true, 10)});
  c.data.caption = "Calls answered by quarter";
  c.data.rows = {MakeRow({ReportCell::Text("2017/18 Q1"), ReportCell::Number(80, "80.0", "0.0"),
                          ReportCell::Number(82, "82.0", "0.0")}),
                 MakeRow({ReportCell::Text("2017/18 Q2"), ReportCell::Number(85.25, "85.3", "0.0"),
                          ReportCell::Number(82, "82.0", "0.0")})};
  ReportSection s = MakeSection("chart", "Calls answered over time");
  s.blocks.emplace_back(std::move(c));
  return s;
}

}  // namespace

ReportSection MakeSection(std::string id, std::string title) {
  ReportSection s;
  s.type = id;
  s.id = std::move(id);
  s.title = std::move(title);
  return s;
}

ReportColumn MakeColumn(std::string label, std::string group, bool numeric, int width) {
  return ReportColumn{std::move(label), std::move(group), numeric, width};
}

ReportTable MakeTable(std::string name, std::vector<ReportColumn> columns) {
  ReportTable t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  return t;
}

ReportRow MakeRow(std::vector<ReportCell> cells, std::string group, std::string highlight) {
  ReportRow r;
  r.cells = std::move(cells);
  r.group = std::move(group);
  r.highlight = std::move(highlight);
  return r;
}

ReportDocument SampleDocument() {
  ReportDocument d;
  d.title = "Quarterly performance report";
  d.subtitle = "Quarter 2, 2017/18";
  d.organisation = "Testshire Council";
  d.period = "2017/18 Q2";
  d.source = "Scorecard, figures as at 20 November 2017";
  d.contact = {"Performance team", "performance@testshire.gov.uk"};
  d.notice = "Figures have changed since this report was published.";
  d.sections = {Summary(), Scorecard(), RedFlags(), Chart(), MakeSection("summary-2", "Summary")};
  d.sections.back().type = "summary";
  d.sections.back().blocks.emplace_back(ReportList{"Declines", {}, "No measure declined."});
  return d;
}

}  // namespace scorecard
