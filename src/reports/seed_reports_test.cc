// The seed councils' own reports, laid out by data/seeds/*/reports/*.toml. Every figure a seed
// published (its expected.csv and expected_counts.csv, transcribed from /work/shared/seeds) must
// be printed by the seed's report where the seed printed it: a status in the scorecard, a count
// in the summary, a red flag in the list. Where Scorecard differs from the seed for a reason
// recorded in known_differences.csv (docs/seed-discrepancies.md), the report must print
// Scorecard's figure instead. The figures come from the seed files, never from our own output.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/assess.h"
#include "app/verify.h"
#include "io/test_seeds.h"
#include "reports/html_writer.h"
#include "reports/make_report.h"
#include "reports/program.h"
#include "reports/report.h"
#include "reports/stylesheet.h"
#include "reports/test_pdf.h"
#include "reports/test_report_reading.h"
#include "reports/test_xlsx.h"
#include "reports/xlsx_writer.h"

namespace scorecard {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct SeedReport {
  Position position;
  ReportDocument document;
  std::string name;  // SLUG-LAYOUT
  std::string html;
  ReadReport read_html;
};

// The folder the seed reports are written to, to be looked at (PNGs of their first pages) and
// kept as the tests' artefacts: build/reports.
const std::filesystem::path kOut = "build/reports";

// The seed's report by its layout, made once, written as HTML to build/reports and read back.
const SeedReport& RenderSeed(const std::string& slug, const std::string& layout_name) {
  static std::map<std::string, SeedReport> made;
  std::string name = slug + "-" + layout_name;
  if (auto it = made.find(name); it != made.end()) return it->second;
  SeedReport& r = made[name];
  r.name = name;
  auto position = AssessPath(SeedDir(slug), std::nullopt, PositionOptions{.history = true});
  EXPECT_TRUE(position.has_value());
  if (!position) return r;
  r.position = std::move(*position);
  std::string file = "reports/" + layout_name + ".toml";
  auto layout = ParseLayout(ReadFile(SeedDir(slug) + "/" + file), layout_name, file);
  if (!layout) {
    for (const Issue& i : layout.error()) ADD_FAILURE() << i.ToString();
    return r;
  }
  auto doc = BuildReport(r.position, *layout);
  if (!doc) {
    for (const Issue& i : doc.error()) ADD_FAILURE() << i.ToString();
    return r;
  }
  r.document = std::move(*doc);
  std::filesystem::create_directories(kOut);
  HtmlWriter writer;
  r.html = writer.Write(r.document, ReportStylesheet());
  std::ofstream(kOut / (name + ".html")) << r.html;
  r.read_html = ReadHtmlReport(r.html);

  return r;
}

// The report as a PDF in build/reports, with PNGs of its first two pages, read back from its
// structure tree.
ReadReport ReadSeedPdf(const SeedReport& r) {
  std::filesystem::path pdf = kOut / (r.name + ".pdf");
  auto printed = WriteReport(r.document, "pdf", pdf.string());
  EXPECT_TRUE(printed.has_value());
  if (!printed) return {};
  auto png = RunProgram({"/usr/bin/pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2",
                         pdf.string(), (kOut / r.name).string()},
                        std::chrono::seconds(60));
  EXPECT_TRUE(png && png->ok());
  return ReadPdfStructure(PdfStructureText(pdf), r.read_html);
}

// The report as a workbook in build/reports, read back sheet by sheet.
ReadReport ReadSeedXlsx(const SeedReport& r) {
  std::filesystem::path xlsx = kOut / (r.name + ".xlsx");
  auto written = WriteReport(r.document, "xlsx", xlsx.string());
  EXPECT_TRUE(written.has_value());
  if (!written) return {};
  std::vector<std::string> names = XlsxSheetNames(r.document);  // "Details", then a section's
  std::map<std::string, std::string> sheets;
  for (size_t i = 0; i < r.document.sections.size() && i + 1 < names.size(); ++i) {
    sheets[r.document.sections[i].id] = names[i + 1];
  }
  return ReadXlsxReport(ReadXlsxText(xlsx.string()), sheets, r.read_html);
}

// A figure the seed published, as the report must print it.
struct SeedFigure {
  std::string subject, field, value;
  bool explained = false;  // Scorecard's figure, known to differ from the seed's
};

// The seed's published figures for its reporting period: the seed's own where Scorecard agrees,
// Scorecard's where known_differences.csv explains why it differs.
std::vector<SeedFigure> PublishedFigures(const std::string& slug, const std::string& period) {
  auto v = VerifyPath(SeedDir(slug));
  EXPECT_TRUE(v.has_value());
  std::vector<SeedFigure> out;
  if (!v) return out;
  EXPECT_THAT(v->unexplained, testing::IsEmpty());
  for (const Comparison& c : v->agreeing) {
    if (c.period == period) out.push_back({c.subject, c.field, c.expected, false});
  }
  for (const Comparison& c : v->explained) {
    if (c.period == period) out.push_back({c.subject, c.field, c.computed, true});
  }
  return out;
}

// The words the report prints for a key, from the council's schemes and ratings.
class Words {
 public:
  explicit Words(const Position& p) {
    for (const SchemeKey& k : p.keys) {
      for (const KeyRow& r : k.rows) status_[k.name + "/" + r.key] = r.label;
    }
    if (!p.keys.empty()) {  // the default scheme's statuses, as the summaries count them
      for (const KeyRow& r : p.keys.front().rows) count_label_[r.key] = r.label;
    }
    for (const GroupSummary& g : p.groups) {
      for (const CountRow& r : g.ratings) rating_[r.key] = r.label;
      for (const CountRow& r : g.directions) direction_[r.key] = r.label;
      for (const CountRow& r : g.statuses) count_label_[r.key] = r.label;
    }
    for (const ProjectRow& r : p.projects) {
      for (const RatingView* v : {&r.rag, &r.dca, &r.dca_end, &r.previous_rag}) {
        if (!v->key.empty()) rag_[v->key] = v->label;
      }
    }
  }
  std::string Status(const std::string& scheme, const std::string& key) const {
    return Find(status_, scheme + "/" + key);
  }
  std::string Rating(const std::string& key) const { return Find(rating_, key); }
  std::string Direction(const std::string& key) const { return Find(direction_, key); }
  std::string Rag(const std::string& key) const { return Find(rag_, key); }
  std::string CountLabel(const std::string& field, const std::string& key) const {
    if (field == "dot") return Direction(key);
    if (field == "rating") return Rating(key);
    return Find(count_label_, key);
  }

 private:
  static std::string Find(const std::map<std::string, std::string>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? "(no words for " + k + ")" : it->second;
  }
  std::map<std::string, std::string> status_, rating_, direction_, rag_, count_label_;
};

enum class Printed { kYes, kWrong, kNotInLayout };

struct Check {
  Printed printed;
  std::string why;  // what was found, when wrong
};

bool Contains(const std::string& cell, const std::string& text) {
  return cell.find(text) != std::string::npos;
}

// Whether the tables starting `prefix` print `text` in column `column` of the row of `ref`.
Check InColumn(const ReadReport& report, std::string_view prefix, const std::string& ref,
               std::string_view column, const std::string& text, bool exact = false) {
  bool any = false;
  std::string found;
  for (const ReadTable* t : report.TablesStartingWith(prefix)) {
    int c = t->Column(report.Text(column));
    const std::vector<std::string>* row = t->Row(report.Text(ref));
    if (c < 0 || row == nullptr) continue;
    any = true;
    std::string cell = static_cast<size_t>(c) < row->size() ? row->at(static_cast<size_t>(c)) : "";
    if (exact ? cell == report.Text(text) : Contains(cell, report.Text(text))) {
      return {Printed::kYes, ""};
    }
    found = cell;
  }
  if (!any) return {Printed::kNotInLayout, ""};
  return {Printed::kWrong,
          fmt::format("{} of {} printed \"{}\", expected \"{}\"", column, ref, found, text)};
}

// A count in a summary: a table whose row is the label and whose column is the group (or
// "Number" for the report's whole scope) starts with the count.
Check InSummary(const ReadReport& report, const std::string& group_title, bool all,
                const std::string& label, const std::string& count) {
  bool any = false;
  std::string found;
  for (const ReadTable* t : report.TablesStartingWith("summary")) {
    int c = t->Column(report.Text(group_title));
    if (c < 0 && all) c = t->Column("Number");
    if (c < 0 && all) c = t->Column("Total");
    if (c < 0) continue;
    for (const auto& row : t->rows) {
      if (row.empty() || !row[0].ends_with(report.Text(label))) continue;
      any = true;
      std::string cell = static_cast<size_t>(c) < row.size() ? row.at(static_cast<size_t>(c)) : "";
      if (cell == count || cell.starts_with(report.Text(count + " ("))) return {Printed::kYes, ""};
      found = cell;
    }
  }
  if (!any) return {Printed::kNotInLayout, ""};
  return {Printed::kWrong,
          fmt::format("{} {} printed \"{}\", expected {}", group_title, label, found, count)};
}

Check Printed(const ReadReport& report, const Position& p, const Words& words,
              const SeedFigure& f) {
  const std::string& ref = f.subject;
  bool count = ref.find('/') != std::string::npos;  // "group/key"
  if (!count && (f.field == "status" || f.field == "forecast_status" || f.field == "dot")) {
    const MeasureRow* m = p.FindMeasure(ref);
    if (m == nullptr) return {Printed::kWrong, "no measure " + ref};
    std::string column = f.field == "status"            ? "Status"
                         : f.field == "forecast_status" ? "Forecast status"
                                                        : "Direction of travel";
    std::string label =
        f.field == "dot" ? words.Direction(f.value) : words.Status(m->scheme, f.value);
    Check c = InColumn(report, "scorecard", ref, column, label);
    if (c.printed == Printed::kNotInLayout) c = InColumn(report, "exceptions", ref, column, label);
    return c;
  }
  if (f.field == "red_flag") {
    auto it = report.lists.find("red-flags");
    if (it == report.lists.end()) return {Printed::kNotInLayout, ""};
    bool listed = std::ranges::any_of(it->second, [&](const std::string& item) {
      return item.starts_with(report.Text(ref + " - "));
    });
    if (listed == (f.value == "yes")) return {Printed::kYes, ""};
    return {Printed::kWrong, ref + (listed ? " is listed" : " is not listed")};
  }
  if (f.field == "exception") {
    auto tables = report.TablesStartingWith("exceptions");
    if (tables.empty()) return {Printed::kNotInLayout, ""};
    bool listed = std::ranges::any_of(
        tables, [&](const ReadTable* t) { return t->Row(report.Text(ref)) != nullptr; });
    if (listed == (f.value == "yes")) return {Printed::kYes, ""};
    return {Printed::kWrong, ref + (listed ? " is listed" : " is not listed")};
  }
  if (!count && f.field == "rating") {
    return InColumn(report, "milestones", ref, "Rating", words.Rating(f.value));
  }
  if (f.field == "rag") return InColumn(report, "projects", ref, "RAG", words.Rag(f.value));
  if (f.field == "dca") {
    return InColumn(report, "projects", ref, "Delivery confidence", words.Rag(f.value));
  }
  if (f.field == "risk_score") return InColumn(report, "risks", ref, "Score", f.value, true);
  // A count: "group/key".
  size_t slash = ref.find('/');
  std::string group = ref.substr(0, slash), key = ref.substr(slash + 1);
  const GroupSummary* g = p.FindGroup(group);
  std::string title = g ? g->title : group;
  if (f.field == "headline" && key == "measures") {  // the number of measures
    return InSummary(report, title, group == "all", "Measures", f.value);
  }
  if (f.field == "items") {
    const std::map<std::string, std::string> rows = {{"action", "Actions and milestones"},
                                                     {"project", "Projects"},
                                                     {"measure", "Measures"},
                                                     {"risk", "Risks"}};
    return InSummary(report, title, group == "all", rows.at(key), f.value);
  }
  if (f.field == "headline") {
    auto it = report.lists.find("headlines");
    for (const HeadlineView& h : p.headlines) {
      if (h.key != key) continue;
      if (it == report.lists.end()) return {Printed::kNotInLayout, ""};
      // "78% of measures ...": the seed may give a place of decimals the report rounds away.
      std::string words = report.Text("% of " + h.text);
      double published = std::stod(f.value);
      bool printed = std::ranges::any_of(it->second, [&](const std::string& item) {
        size_t at = item.find(words);
        return at != std::string::npos && at > 0 &&
               std::abs(std::stod(item.substr(0, at)) - published) <= 0.5;
      });
      return {printed ? Printed::kYes : Printed::kWrong,
              fmt::format("no headline {}{}", f.value, words)};
    }
    return {Printed::kNotInLayout, ""};
  }
  return InSummary(report, title, group == "all", words.CountLabel(f.field, key), f.value);
}

struct SeedCase {
  std::string slug, layout;
  // Published figures the seed's report does not print in the sections that reproduce the
  // seed's layout, each with why (a figure printed elsewhere in the seed, say).
  std::map<std::string, std::string> not_printed;
};

class SeedReportTest : public testing::TestWithParam<SeedCase> {
 protected:
  // Checks every published figure in the report as read back; returns how many are printed.
  void ExpectEveryFigure(const ReadReport& read, std::string_view format) {
    const SeedCase& seed = GetParam();
    const SeedReport& r = RenderSeed(seed.slug, seed.layout);
    ASSERT_FALSE(r.html.empty());
    Words words(r.position);
    std::vector<SeedFigure> figures = PublishedFigures(seed.slug, r.position.period);
    ASSERT_THAT(figures, testing::Not(testing::IsEmpty()));
    int printed = 0;
    std::vector<std::string> missing;
    for (const SeedFigure& f : figures) {
      Check c = Printed(read, r.position, words, f);
      std::string name = f.subject + " " + f.field;
      if (c.printed == Printed::kYes) {
        ++printed;
      } else if (c.printed == Printed::kWrong) {
        ADD_FAILURE() << format << ": " << name << ": " << c.why;
      } else if (!seed.not_printed.contains(name)) {
        missing.push_back(name);
      }
    }
    EXPECT_THAT(missing, testing::IsEmpty()) << format << ": published figures not printed";
    std::cout << seed.slug << " (" << format << "): " << printed << " of " << figures.size()
              << " published figures printed where the seed prints them\n";
  }
};

TEST_P(SeedReportTest, HtmlPrintsEveryPublishedFigureWhereTheSeedPrintsIt) {
  const SeedCase& seed = GetParam();
  ExpectEveryFigure(RenderSeed(seed.slug, seed.layout).read_html, "HTML");
}

TEST_P(SeedReportTest, PdfPrintsEveryPublishedFigureWhereTheSeedPrintsIt) {
  const SeedCase& seed = GetParam();
  ExpectEveryFigure(ReadSeedPdf(RenderSeed(seed.slug, seed.layout)), "PDF");
}

TEST_P(SeedReportTest, XlsxHoldsEveryPublishedFigureWhereTheSeedPrintsIt) {
  const SeedCase& seed = GetParam();
  ExpectEveryFigure(ReadSeedXlsx(RenderSeed(seed.slug, seed.layout)), "XLSX");
}

// The check can fail: a figure changed from what the seed published is caught, in each kind.
TEST(SeedReportCheck, CatchesAFigureTheReportDoesNotPrint) {
  const SeedReport& r = RenderSeed("rotherham-2017-q2", "dashboard");
  const ReadReport& read = r.read_html;
  Words words(r.position);
  EXPECT_EQ(Printed(read, r.position, words, {"1.A1", "status", "on-track"}).printed,
            Printed::kWrong);
  EXPECT_EQ(Printed(read, r.position, words, {"1.A4", "red_flag", "yes"}).printed, Printed::kWrong);
  EXPECT_EQ(Printed(read, r.position, words, {"all/on-track", "status", "18"}).printed,
            Printed::kWrong);
  EXPECT_EQ(Printed(read, r.position, words, {"1.A1", "dot", "worse"}).printed, Printed::kWrong);
  EXPECT_EQ(Printed(read, r.position, words, {"1.A1", "status", "off-track"}).printed,
            Printed::kYes);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedReportTest,
                         testing::Values(SeedCase{"south-derbyshire-2017-q2", "quarterly", {}},
                                         SeedCase{"derby-2012-q2", "cabinet-member", {}},
                                         SeedCase{"cannock-chase-2018-q2", "pdp-update", {}},
                                         SeedCase{"derby-2021-q2", "highlights", {}},
                                         SeedCase{"rotherham-2017-q2", "dashboard", {}}),
                         [](const testing::TestParamInfo<SeedCase>& info) {
                           std::string name = info.param.slug;
                           std::erase(name, '-');
                           return name;
                         });

}  // namespace
}  // namespace scorecard
