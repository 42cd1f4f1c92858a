// Import, export and "as at" over both backends: the seed councils go in and come back out
// unchanged, assess the same from the database as from their folders, and a published quarter
// stays as published when figures change afterwards.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/assess.h"
#include "app/import_council.h"
#include "app/stored_council.h"
#include "domain/text.h"
#include "io/canonical.h"
#include "io/folder.h"
#include "io/open_source.h"
#include "io/test_seeds.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

std::string CodeOf(const MemoryFileSource& files) {
  auto council = ReadFolder(files);
  return council ? council->organisation.code : "";
}

// What a report says about each measure, in one line per measure.
std::string Summary(const std::expected<AssessedCouncil, Issues>& a) {
  if (!a) return "issues: " + a.error().front().ToString();
  std::string out;
  for (const MeasureAssessment& m : a->now) {
    out += m.measure->ref + " " + m.period.ToString() + " " + m.status.key + " " +
           std::string(ToString(m.dot.direction)) + " " +
           (m.forecast.value ? FormatNumber(*m.forecast.value) : "-") + " " +
           m.forecast_status.key + "\n";
  }
  return out;
}

class ImportTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFailure()) return;
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto store = OpenStore(db_->url(), clock_);
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
  }

  std::expected<ImportReport, Issues> Import(const FileSource& files, const std::string& code,
                                             bool dry_run = false) {
    clock_.Advance(1'000'000);
    ImportOptions options{code, {"tester", "test import", "test"}, dry_run, false, {}};
    auto report = ImportCouncil(*store_, FolderTableSource(files), options);
    if (!report) return std::unexpected(std::move(report.error().issues));
    return std::move(*report);
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

TEST_P(ImportTest, EverySeedGoesInAndComesBackOutUnchangedAndAssessesTheSame) {
  for (const std::string& slug : SeedSlugs()) {
    SCOPED_TRACE(slug);
    MemoryFileSource files = SeedFiles(slug);
    std::string code = CodeOf(files);
    auto report = Import(files, code);
    ASSERT_TRUE(report.has_value()) << report.error().front().ToString();
    EXPECT_GT(report->total_changes(), 0);

    // Export: every table as the seed has it, in canonical form.
    auto exported = ExportFiles(*store_, code);
    ASSERT_TRUE(exported.has_value());
    EXPECT_EQ(exported->at("scorecard.toml"), files.files.at("scorecard.toml"));
    for (const TableSpec& spec : InterchangeTables()) {
      std::string name = std::string(spec.name) + ".csv";
      auto in = files.files.find(name);
      if (in == files.files.end()) {
        EXPECT_FALSE(exported->contains(name)) << name;
        continue;
      }
      Issues issues;
      CsvTable table = ParseCsv(in->second, name, &issues);
      ASSERT_TRUE(exported->contains(name)) << name;
      EXPECT_EQ(exported->at(name), CsvText(spec, CanonicalRows(table, spec))) << name;
    }
    // Report layouts, byte for byte.
    for (const auto& [name, text] : files.files) {
      if (!name.starts_with("reports/") || name.ends_with("/")) continue;
      ASSERT_TRUE(exported->contains(name)) << name;
      EXPECT_EQ(exported->at(name), text) << name;
    }
    for (const auto& [name, text] : *exported) {
      if (name.starts_with("reports/")) {
        EXPECT_TRUE(files.files.contains(name)) << name;
      }
    }

    // Importing the export changes nothing.
    MemoryFileSource again;
    again.files = *exported;
    auto second = Import(again, code);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->total_changes(), 0);
    EXPECT_EQ(second->change, 0);

    // The database assesses exactly as the folder does.
    EXPECT_EQ(Summary(AssessCouncil(LoadCouncil(*store_, code), std::nullopt)),
              Summary(AssessFolder(files, std::nullopt)));
  }
}

TEST_P(ImportTest, AnImportWithAnyErrorChangesNothingAndListsEveryError) {
  MemoryFileSource files = SeedFiles("derby-2012-q2");
  ASSERT_TRUE(Import(files, "derby-2012").has_value());
  auto before = ExportFiles(*store_, "derby-2012");
  files.files["values.csv"] += "CM PM13,2012/13 Q9,1,,,,,,,,,\nNOPE,2012/13 Q2,1,,,,,,,,,\n";
  files.files["targets.csv"] += "CM PM13,2012/14,eighty,,\n";
  auto report = Import(files, "derby-2012");
  ASSERT_FALSE(report.has_value());
  ASSERT_EQ(report.error().size(), 4u);  // the bad target row's period and figure, and two values
  EXPECT_EQ(report.error()[0].ToString(),
            "targets.csv:79: column period: expected a period such as 2017/18, 2017/18 Q2, "
            "2017-09, AY 2017/18, 2015 or 2017-09-30, not \"2012/14\"");
  EXPECT_EQ(ExportFiles(*store_, "derby-2012"), before);
}

TEST_P(ImportTest, ADryRunSaysWhatWouldChangeAndWritesNothing) {
  MemoryFileSource files = SeedFiles("south-derbyshire-2017-q2");
  auto report = Import(files, "south-derbyshire-2017", /*dry_run=*/true);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->change, 0);
  int measures = 0;
  for (const TableCounts& t : report->tables) {
    if (t.table == "measures") measures = t.added;
  }
  EXPECT_EQ(measures, 27);
  EXPECT_FALSE(
      store_->FindOrganisation("south-derbyshire-2017").has_value() &&
      store_->LatestChange(*store_->FindOrganisation("south-derbyshire-2017")).value_or(0) > 0);
}

TEST_P(ImportTest, APublishedQuarterStaysAsPublishedWhenFiguresChangeAfterwards) {
  MemoryFileSource files = SeedFiles("derby-2021-q2");
  ASSERT_TRUE(Import(files, "derby-2021").has_value());
  auto org = store_->FindOrganisation("derby-2021");
  ASSERT_TRUE(org.has_value());
  clock_.Advance(1'000'000);
  auto published = store_->Publish(*org, "2021/22 Q2", {"tester", "Cabinet 8 December", "test"});
  ASSERT_TRUE(published.has_value());
  std::string as_published =
      Summary(AssessCouncil(LoadCouncil(*store_, "derby-2021"), std::nullopt));

  // Later: the leisure figure is corrected, a target added, an action removed.
  std::string& values = files.files["values.csv"];
  size_t at = values.find("PL-M06,2021/22 Q2,192108");
  ASSERT_NE(at, std::string::npos);
  values.replace(at, 24, "PL-M06,2021/22 Q2,120000");
  files.files["targets.csv"] += "PE-M19,2021/22 Q3,80,,\n";
  ASSERT_TRUE(Import(files, "derby-2021").has_value());

  auto now = Summary(AssessCouncil(LoadCouncil(*store_, "derby-2021"), std::nullopt));
  EXPECT_NE(now, as_published);
  auto then = LoadCouncil(*store_, "derby-2021", *published);
  EXPECT_EQ(Summary(AssessCouncil(std::move(then), std::nullopt)), as_published);

  auto latest = store_->LatestChange(*org);
  auto diff = store_->Diff(*org, *published, *latest);
  ASSERT_TRUE(diff.has_value());
  ASSERT_EQ(diff->size(), 2u);
  EXPECT_EQ((*diff)[0].table, "targets");
  EXPECT_FALSE((*diff)[0].before.has_value());
  EXPECT_EQ((*diff)[1].table, "values");
  EXPECT_EQ((*diff)[1].before->at(2), "192108");
  EXPECT_EQ((*diff)[1].after->at(2), "120000");
}

TEST_P(ImportTest, OrganisationsNeverSeeEachOthersData) {
  MemoryFileSource files = SeedFiles("derby-2012-q2");
  std::string toml = files.files["scorecard.toml"];
  ASSERT_TRUE(Import(files, "derby-2012").has_value());
  files.files["scorecard.toml"].replace(toml.find("derby-2012"), 10, "derby-copy");
  files.files["values.csv"] += "CM PM13,2012/13 Q1,81,,,,,,,,,\n";
  ASSERT_TRUE(Import(files, "derby-copy").has_value());
  auto original = ExportFiles(*store_, "derby-2012");
  auto copy = ExportFiles(*store_, "derby-copy");
  ASSERT_TRUE(original && copy);
  EXPECT_EQ(original->at("values.csv").find("CM PM13,2012/13 Q1,81"), std::string::npos);
  EXPECT_NE(copy->at("values.csv").find("CM PM13,2012/13 Q1,81"), std::string::npos);
  auto org = store_->FindOrganisation("derby-2012");
  auto history = store_->History(*org, "CM PM13");
  ASSERT_TRUE(history.has_value());
  for (const Version& v : *history) EXPECT_EQ(v.change, 1);
}

TEST_P(ImportTest, TheOrganisationCodeMustMatch) {
  auto report = Import(SeedFiles("derby-2012-q2"), "someone-else");
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().front().ToString(),
            "scorecard.toml: column organisation.code: expected the organisation's code as given "
            "(\"someone-else\"), not \"derby-2012\"");
}

// Report layouts (reports/NAME.toml) are stored as a table of their own, versioned like the
// others, and carried untouched: no line end or final newline is changed.
constexpr const char* kQuarterly =
    "# Cabinet's quarterly report\r\ntitle = \"Council Plan – performance\"\r\n\r\n"
    "[[section]]\r\n  kind = \"scorecard\"";
constexpr const char* kImprovement = "title = \"Improvement report\"\n\n\n";

// The seed with the test's two layouts in place of its own (reports/ and [reports] default).
MemoryFileSource WithLayouts(const std::string& slug) {
  MemoryFileSource files = SeedFiles(slug);
  std::erase_if(files.files, [](const auto& f) {
    return f.first.starts_with("reports/") && f.first != "reports/";
  });
  std::string& toml = files.files["scorecard.toml"];
  size_t at = toml.find("[reports]\n");
  if (at == std::string::npos) throw std::logic_error(slug + " names no default layout");
  toml.erase(at, toml.find('\n', toml.find("default", at)) + 1 - at);
  toml += "\n[reports]\ndefault = \"quarterly\"\n";
  files.files["reports/quarterly.toml"] = kQuarterly;
  files.files["reports/improvement.toml"] = kImprovement;
  return files;
}

const TableCounts& CountsOf(const ImportReport& report, std::string_view table) {
  for (const TableCounts& t : report.tables) {
    if (t.table == table) return t;
  }
  throw std::logic_error("no counts for " + std::string(table));
}

// "name|file|text" for each layout.
std::vector<std::string> Layouts(const std::vector<ReportLayoutText>& layouts) {
  std::vector<std::string> out;
  for (const ReportLayoutText& l : layouts) out.push_back(l.name + "|" + l.file + "|" + l.text);
  return out;
}

TEST_P(ImportTest, LayoutsAreVersionedReadAsAtAnyMomentAndExportedByteForByte) {
  MemoryFileSource files = WithLayouts("derby-2012-q2");
  auto first = Import(files, "derby-2012");
  ASSERT_TRUE(first.has_value()) << first.error().front().ToString();
  const TableCounts& added = CountsOf(*first, "report_layouts");
  EXPECT_EQ(added.added, 2);
  EXPECT_EQ(added.changed + added.removed + added.unchanged, 0);

  auto exported = ExportFiles(*store_, "derby-2012");
  ASSERT_TRUE(exported.has_value());
  EXPECT_EQ(exported->at("reports/quarterly.toml"), kQuarterly);
  EXPECT_EQ(exported->at("reports/improvement.toml"), kImprovement);
  EXPECT_EQ(exported->at("scorecard.toml"), files.files.at("scorecard.toml"));

  // A layout's text changed: a new version of that layout alone.
  std::string revised = std::string(kQuarterly) + "\r\n[[section]]\r\n  kind = \"red-flags\"\r\n";
  files.files["reports/quarterly.toml"] = revised;
  auto second = Import(files, "derby-2012");
  ASSERT_TRUE(second.has_value()) << second.error().front().ToString();
  const TableCounts& changed = CountsOf(*second, "report_layouts");
  EXPECT_EQ(changed.changed, 1);
  EXPECT_EQ(changed.unchanged, 1);
  EXPECT_EQ(second->total_changes(), 1);
  EXPECT_GT(second->change, first->change);

  auto now = LoadCouncil(*store_, "derby-2012");
  ASSERT_TRUE(now.has_value()) << now.error().front().ToString();
  EXPECT_EQ(Layouts(now->layouts),
            (std::vector<std::string>{
                std::string("improvement|reports/improvement.toml (database)|") + kImprovement,
                "quarterly|reports/quarterly.toml (database)|" + revised}));
  EXPECT_EQ(now->default_layout, "quarterly");
  auto then = LoadCouncil(*store_, "derby-2012", first->change);
  ASSERT_TRUE(then.has_value());
  ASSERT_NE(then->FindLayout("quarterly"), nullptr);
  EXPECT_EQ(then->FindLayout("quarterly")->text, kQuarterly);
  EXPECT_EQ(ExportFiles(*store_, "derby-2012", first->change)->at("reports/quarterly.toml"),
            kQuarterly);
  EXPECT_EQ(ExportFiles(*store_, "derby-2012")->at("reports/quarterly.toml"), revised);

  auto org = store_->FindOrganisation("derby-2012");
  auto history = store_->History(*org, "quarterly");
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].table, "report_layouts");
  EXPECT_TRUE((*history)[0].ended);
  EXPECT_EQ((*history)[1].fields, (std::vector<std::string>{"quarterly", revised}));

  // The same again changes nothing; the position carries the layouts to the reports.
  auto third = Import(files, "derby-2012");
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->total_changes(), 0);
  auto assessed = AssessCouncil(LoadCouncil(*store_, "derby-2012"), std::nullopt);
  ASSERT_TRUE(assessed.has_value());
  Position position = BuildPosition(std::move(*assessed));
  EXPECT_EQ(Layouts(position.layouts), Layouts(now->layouts));
  EXPECT_EQ(position.default_layout, "quarterly");
}

TEST_P(ImportTest, AFolderWithoutReportsKeepsTheStoredLayoutsAndRemovalsMustBeAllowed) {
  MemoryFileSource files = WithLayouts("derby-2012-q2");
  ASSERT_TRUE(Import(files, "derby-2012").has_value());

  // No reports/: the layouts stay as stored, and the default still names one of them.
  MemoryFileSource without = files;
  without.files.erase("reports/quarterly.toml");
  without.files.erase("reports/improvement.toml");
  without.files.erase("reports/");
  auto kept = Import(without, "derby-2012");
  ASSERT_TRUE(kept.has_value()) << kept.error().front().ToString();
  EXPECT_TRUE(CountsOf(*kept, "report_layouts").kept);
  EXPECT_EQ(kept->total_changes(), 0);

  // reports/ without one of two layouts removes it, which must be allowed.
  files.files.erase("reports/improvement.toml");
  auto refused = Import(files, "derby-2012");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().front().ToString(),
            "reports/: would remove 1 of the 2 stored rows (improvement): more than a tenth, so "
            "the import must allow removals (--allow-removals)");
  clock_.Advance(1'000'000);
  ImportOptions allowed{"derby-2012", {"tester", "test import", "test"}, false, true, {}};
  auto removed = ImportCouncil(*store_, FolderTableSource(files), allowed);
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(CountsOf(*removed, "report_layouts").removed_rows,
            std::vector<std::string>{"improvement"});
  auto exported = ExportFiles(*store_, "derby-2012");
  EXPECT_FALSE(exported->contains("reports/improvement.toml"));
  EXPECT_TRUE(exported->contains("reports/quarterly.toml"));
}

TEST_P(ImportTest, ADefaultNamingNoLayoutIsRefusedWithTheLayoutsThereAre) {
  MemoryFileSource files = WithLayouts("derby-2012-q2");
  std::string& toml = files.files["scorecard.toml"];
  toml.replace(toml.find("default = \"quarterly\""), 21, "default = \"weekly\"");
  auto refused = Import(files, "derby-2012");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().front().code, "reports.unknown-default");
  EXPECT_EQ(refused.error().front().Param("layouts"), "improvement, quarterly");
}

TEST_P(ImportTest, ExportsLayoutsToAFolderOnDiskAndToAWorkbookThatReadBackTheSame) {
  MemoryFileSource files = WithLayouts("rotherham-2017-q2");
  files.files["reports/quarterly.toml"] = "title = \"Quarterly\"\n\n[[section]]\n  kind = \"x\"\n";
  std::string code = CodeOf(files);
  ASSERT_TRUE(Import(files, code).has_value());
  auto stored = LoadCouncil(*store_, code);
  ASSERT_TRUE(stored.has_value());

  auto dir = std::filesystem::temp_directory_path() /
             ("scorecard_layouts_export_" + BackendName(GetParam()));
  std::filesystem::remove_all(dir);
  auto exported = ExportFiles(*store_, code);
  ASSERT_TRUE(exported.has_value());
  ASSERT_TRUE(WriteFiles(dir.string(), *exported).has_value());
  DiskFileSource disk(dir.string());
  auto from_disk = ReadFolder(disk);
  ASSERT_TRUE(from_disk.has_value()) << from_disk.error().front().ToString();
  EXPECT_EQ(from_disk->layouts.size(), 2u);
  for (const ReportLayoutText& l : from_disk->layouts) {
    EXPECT_EQ(l.text, files.files.at(l.file)) << l.file;
  }

  std::string workbook = (dir / "council.xlsx").string();
  ASSERT_TRUE(ExportWorkbook(*store_, code, std::nullopt, workbook).has_value());
  auto source = OpenTableSource(workbook);
  ASSERT_TRUE(source.has_value()) << source.error().front().ToString();
  auto from_workbook = ReadCouncil(**source);
  ASSERT_TRUE(from_workbook.has_value()) << from_workbook.error().front().ToString();
  EXPECT_EQ(
      Layouts(from_workbook->layouts),
      (std::vector<std::string>{
          std::string("improvement|council.xlsx [report improvement]|title = "
                      "\"Improvement report\"\n"),
          "quarterly|council.xlsx [report quarterly]|" + files.files["reports/quarterly.toml"]}));
  EXPECT_EQ(from_workbook->default_layout, "quarterly");
  // The workbook imports as the council stands, but for the blank lines ending a layout.
  clock_.Advance(1'000'000);
  ImportOptions options{code, {"tester", "workbook", "test"}, false, false, {}};
  auto again = ImportCouncil(*store_, **source, options);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(again.has_value()) << again.error().issues.front().ToString();
  EXPECT_EQ(again->total_changes(), 1);
  EXPECT_EQ(CountsOf(*again, "report_layouts").changed, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest,
                         testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const testing::TestParamInfo<Backend>& info) {
                           return BackendName(info.param);
                         });

}  // namespace
}  // namespace scorecard
