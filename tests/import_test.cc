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
#include "io/test_seeds.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

// A seed folder's files, in memory, so a test can change them.
MemoryFileSource SeedFiles(const std::string& slug) {
  MemoryFileSource files;
  for (const auto& e : std::filesystem::directory_iterator(SeedDir(slug))) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.files[e.path().filename().string()] = text.str();
  }
  return files;
}

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

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest,
                         testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const testing::TestParamInfo<Backend>& info) {
                           return BackendName(info.param);
                         });

}  // namespace
}  // namespace scorecard
