// Layouts (docs/reports.md): a layout written only in TOML makes a report from any council's
// figures, and every mistake in one is an error located at its line.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/assess.h"
#include "io/test_seeds.h"
#include "reports/html_writer.h"
#include "reports/report.h"
#include "reports/test_report_reading.h"

namespace scorecard {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

const Position& Derby2021() {
  static const Position position = [] {
    auto p = AssessPath(SeedDir("derby-2021-q2"), std::nullopt, PositionOptions{.history = true});
    if (!p) throw std::runtime_error("derby-2021-q2 cannot be assessed");
    return std::move(*p);
  }();
  return position;
}

std::vector<std::string> Messages(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) out.push_back(i.ToString());
  return out;
}

// The issues of a layout, read and then made into a report of Derby 2021's figures.
std::vector<std::string> Problems(const std::string& toml) {
  auto layout = ParseLayout(toml, "test", "reports/test.toml");
  if (!layout) return Messages(layout.error());
  auto doc = BuildReport(Derby2021(), *layout);
  if (!doc) return Messages(doc.error());
  return {};
}

// A sixth council's report: a layout no seed has, for one theme of Derby's Recovery Plan, with
// sections in an order and combination of its own.
constexpr const char* kPeopleReport = R"(
title = "Our people: quarter 2 report to the scrutiny board"
subtitle = "Recovery Plan 2021/22"
contact = ["Performance team", "performance@example.gov.uk"]

[scope]
theme = "our-people"

[[section]]
type = "title"

[[section]]
type = "risks"
title = "Risks to our people"
kind = "threat"
commentary = false

[[section]]
type = "summary"
by = "all"
show = "ratings"

[[section]]
type = "changes"
show = "improved"

[[section]]
type = "chart"
measure = "PE-M03"
periods = 4

[[section]]
type = "chart"
title = "Our people's measures over time"
group = "our-people"
periods = 4

[[section]]
type = "scorecard"
group-by = "none"
columns = ["ref", "title", "value", "target", "status"]

[[section]]
type = "key"
)";

TEST(SixthLayout, MakesItsReportFromTomlAlone) {
  auto layout = ParseLayout(kPeopleReport, "people", "reports/people.toml");
  ASSERT_TRUE(layout) << Messages(layout.error()).front();
  auto doc = BuildReport(Derby2021(), *layout);
  ASSERT_TRUE(doc) << Messages(doc.error()).front();
  HtmlWriter writer;
  std::string html = writer.Write(*doc, "");
  ReadReport read = ReadHtmlReport(html);

  // Its sections, in its order, with its headings.
  std::vector<std::string> ids;
  for (const ReportSection& s : doc->sections) ids.push_back(s.id);
  EXPECT_THAT(ids, ElementsAre("title", "risks", "summary", "changes", "chart", "chart-2",
                               "scorecard", "key"));
  EXPECT_THAT(html, HasSubstr("<h1 class=\"govuk-heading-xl\">Our people: quarter 2 report to the "
                              "scrutiny board</h1>"));
  EXPECT_THAT(html, HasSubstr("<h2 class=\"govuk-heading-l\" id=\"risks-heading\">Risks to our "
                              "people</h2>"));

  // Its scope: Our people's measures and risks only (the seed's tables list 28 measures and 7
  // risks under Our people: docs/seed-discrepancies.md).
  const ReadTable* scorecard = read.TablesStartingWith("scorecard").front();
  EXPECT_EQ(scorecard->rows.size(), 28u);
  EXPECT_NE(scorecard->Row("PE-M03"), nullptr);
  EXPECT_EQ(scorecard->Row("PL-M01"), nullptr);  // Our place's
  const ReadTable* risks = read.TablesStartingWith("risks").front();
  EXPECT_EQ(risks->rows.size(), 7u);
  EXPECT_NE(risks->Row("SR 23"), nullptr);
  EXPECT_EQ(risks->Row("SR 19"), nullptr);     // Our place's
  EXPECT_EQ(risks->Column("Commentary"), -1);  // commentary = false

  // The heat map: impact 4 at the top, likelihood across, each risk in its cell.
  std::vector<const ReadTable*> maps = read.TablesStartingWith("risks-");
  ASSERT_EQ(maps.size(), 2u);  // the risks table and the threats' heat map
  const ReadTable* map = maps[1];
  EXPECT_THAT(map->columns, ElementsAre("Impact", "Likelihood 1", "Likelihood 2", "Likelihood 3",
                                        "Likelihood 4"));
  ASSERT_EQ(map->rows.size(), 4u);
  EXPECT_EQ(map->rows[0][0], "Impact 4");
  for (const RiskRow& r : Derby2021().risks) {
    if (r.group != "our-people" || r.kind != "threat" || r.likelihood_level == 0) continue;
    const std::string& cell =
        map->rows[static_cast<size_t>(4 - r.impact_level)][static_cast<size_t>(r.likelihood_level)];
    EXPECT_THAT(cell, HasSubstr(r.ref)) << r.ref;
    EXPECT_THAT(cell, HasSubstr(r.band.label)) << r.ref;  // the band in words, not colour alone
  }

  // Only improvements, of Our people's items.
  for (const auto& row : read.TablesStartingWith("changes").front()->rows) {
    EXPECT_EQ(row.back(), "Improved");
  }

  // The chart: an SVG with its title and text alternative, and its figures as a table.
  EXPECT_THAT(html, HasSubstr("role=\"img\" aria-labelledby=\"chart-chart-title\""));
  const ReadTable* data = read.TablesStartingWith("chart").front();
  EXPECT_THAT(data->columns, ElementsAre("Period", "Value"));
  EXPECT_LE(data->rows.size(), 4u);
  EXPECT_THAT(data->rows, Not(IsEmpty()));
  EXPECT_EQ(data->rows.back()[0], "2021/22 Q2");

  // A group's charts: one for each of its measures with figures, each with its own words.
  const ReportSection& group = doc->sections[5];
  size_t with_figures = 0;
  for (const MeasureRow& m : Derby2021().measures) {
    // A figure in the measure's own periods, up to the reporting period.
    PeriodKind kind = ParsePeriod(m.period).value_or(Period()).kind();
    bool figures = std::ranges::any_of(m.history, [&](const HistoryPoint& h) {
      Period p = ParsePeriod(h.period).value_or(Period());
      return h.value.number.has_value() && p.kind() == kind && p <= Derby2021().reporting;
    });
    with_figures += m.group == "our-people" && m.listed && figures;
  }
  ASSERT_GT(with_figures, 0u);
  EXPECT_EQ(group.blocks.size(), with_figures);
  for (const ReportBlock& b : group.blocks) {
    const auto& chart = std::get<ReportChart>(b);
    EXPECT_THAT(chart.title, HasSubstr("PE-"));
    EXPECT_THAT(chart.svg, HasSubstr("role=\"img\""));
    EXPECT_THAT(chart.alt, Not(IsEmpty()));
  }
}

TEST(LayoutErrors, AreLocatedAtTheirLineAndKey) {
  EXPECT_THAT(Problems("title = \"T\"\n\n[[section]]\ntype = \"scorcard\"\n"),
              ElementsAre(HasSubstr("reports/test.toml:4: column type: expected a section type, "
                                    "one of title, details, text, summary")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"scorecard\"\ncolums = [\"ref\"]\n"),
              ElementsAre(HasSubstr("reports/test.toml:4: column section.colums: a scorecard "
                                    "section takes columns, history")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"summary\"\nby = \"ward\"\n"),
              ElementsAre(HasSubstr("expected one of all, theme, portfolio, directorate, not "
                                    "\"ward\"")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"summary\"\npercent = \"yes\"\n"),
              ElementsAre(HasSubstr(":4: column section.percent: expected true or false")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"chart\"\n"),
              ElementsAre(HasSubstr(":2: column section: expected a chart of one measure")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"scorecard\"\ncolumns = [\"ref\", "
                       "\"history\"]\nhistory = [\"quarter +1\"]\n"),
              ElementsAre(HasSubstr(":5: column section.history: expected a history column")));
  EXPECT_THAT(Problems("titel = \"T\"\n[[section]]\ntype = \"key\"\n"),
              ElementsAre(HasSubstr(":1: column titel: expected one of title, subtitle"),
                          HasSubstr("expected a title")));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]\n"),
              ElementsAre(HasSubstr("expected valid TOML")));
}

TEST(LayoutErrors, ASectionNeedingWhatTheCouncilLacksIsRefused) {
  EXPECT_THAT(
      Problems("title = \"T\"\n[scope]\ntheme = \"our-planet\"\n[[section]]\ntype = \"key\"\n"),
      ElementsAre("reports/test.toml:3: column scope.theme: no theme \"our-planet\"; the "
                  "council's are: our-place, our-people, our-organisation"));
  EXPECT_THAT(Problems("title = \"T\"\n[[section]]\ntype = \"chart\"\nmeasure = \"XX-1\"\n"),
              ElementsAre("reports/test.toml:4: column section.measure: no measure has ref "
                          "\"XX-1\""));
  EXPECT_THAT(
      Problems("title = \"T\"\n[[section]]\ntype = \"scorecard\"\nstatuses = [\"grene\"]\n"),
      ElementsAre(HasSubstr(":4: column section.statuses: no status or rating \"grene\"")));
  // Rotherham keeps no risks.
  auto rotherham = AssessPath(SeedDir("rotherham-2017-q2"), std::nullopt);
  ASSERT_TRUE(rotherham);
  auto layout =
      ParseLayout("title = \"T\"\n[[section]]\ntype = \"risks\"\n", "t", "reports/t.toml");
  ASSERT_TRUE(layout);
  auto doc = BuildReport(*rotherham, *layout);
  ASSERT_FALSE(doc);
  EXPECT_THAT(Messages(doc.error()),
              ElementsAre("reports/t.toml:2: column section: this section needs risks (risks.csv), "
                          "which the council has none of"));
}

}  // namespace
}  // namespace scorecard
