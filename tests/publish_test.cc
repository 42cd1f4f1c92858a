// Publishing a report, on SQLite and on PostgreSQL: Rotherham's 2017/18 Q2 report is published
// with its files, figures change afterwards, and then the report made again as at the
// publication is the one stored, byte for byte (HTML, CSV) and cell for cell (XLSX); the stored
// files come back checked; and the report of the figures now says what changed since.

#include "app/publish.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/assess.h"
#include "app/import_council.h"
#include "app/maintenance.h"
#include "domain/sha256.h"
#include "io/folder.h"
#include "io/test_seeds.h"
#include "reports/html_writer.h"
#include "reports/publish_report.h"
#include "reports/test_xlsx.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kSeed = "rotherham-2017-q2";
constexpr const char* kOrg = "rotherham-2017";
const Period kQ2 = *ParsePeriod("2017/18 Q2");
const std::vector<std::string> kFormats = {"html", "csv", "xlsx"};

// The seed with 1.B1 (a)'s Q2 figure and status changed, as a late correction would change
// them: 81.5% and "off-track" (as Rotherham published them) become 82.0% and "satisfactory".
MemoryFileSource CorrectedFiles() {
  MemoryFileSource files = SeedFiles(kSeed);
  std::string& values = files.files.at("values.csv");
  const std::string published = "1.B1 (a),2017/18 Q2,81.5,,,,,off-track,";
  size_t at = values.find(published);
  if (at == std::string::npos) throw std::runtime_error("1.B1 (a)'s Q2 row is not in values.csv");
  values.replace(at, published.size(), "1.B1 (a),2017/18 Q2,82.0,,,,,satisfactory,");
  return files;
}

// The workbook's cells as text, through a file, as ReadXlsxText reads them.
XlsxText CellTexts(const std::string& bytes) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               fmt::format("scorecard-publish-test-{}.xlsx", ::getpid());
  std::ofstream(path, std::ios::binary) << bytes;
  XlsxText text = ReadXlsxText(path.string());
  std::filesystem::remove(path);
  return text;
}

template <typename T>
T Ok(Result<T> r) {
  if (!r) {
    std::string issues;
    for (const Issue& i : r.error().issues) issues += i.ToString() + "\n";
    throw std::runtime_error(issues);
  }
  return std::move(*r);
}

class PublishTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFailure()) return;
    ParseMoment("2017-11-20T09:30", &start_);
    clock_.Advance(start_ - clock_.Now());
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto store = OpenStore(db_->url(), clock_);
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
    address_ = {db_->url(), kOrg};
    Import(SeedFiles(kSeed));
  }

  int64_t Import(const MemoryFileSource& files, const std::string& org = kOrg) {
    clock_.Advance(60'000'000);
    ImportOptions options{org, {"tester", "test import", "test"}, false, false, {}};
    return Ok(ImportCouncil(*store_, FolderTableSource(files), options)).change;
  }

  PublishedReportFiles Publish(std::optional<std::string> supersede = std::nullopt) {
    clock_.Advance(60'000'000);
    return Ok(PublishReportFiles({address_,
                                  kQ2,
                                  std::move(supersede),
                                  {"ann", "Cabinet, 20 November", "test"},
                                  "",
                                  kFormats},
                                 clock_));
  }

  // The report as at change `as_at` (now, if none), with the options ReportOptionsFor gives it.
  std::vector<ReportFile> Regenerate(std::optional<int64_t> as_at) {
    AsAt at{as_at ? fmt::format("change:{}", *as_at) : "", std::nullopt};
    Position position = Ok(AssessStored(address_, at, kQ2, clock_));
    ReportOptions options = Ok(ReportOptionsFor(address_, kQ2, position, at, clock_));
    return Ok(RenderFormats(position, "dashboard", options, kFormats));
  }

  // Rewrites a stored file's bytes behind Scorecard's back (the trigger refusing it dropped).
  void Tamper(std::string_view name, std::string_view content) {
    Database& db = store_->database();
    ASSERT_TRUE(db.Exec(std::string("DROP TRIGGER published_files_are_not_rewritten") +
                        (db.dialect() == Dialect::kPostgres ? " ON published_files" : "")));
    ASSERT_TRUE(
        db.Query("UPDATE published_files SET content = $1 WHERE name = $2", {Blob{content}, name}));
  }

  Moment start_ = 0;
  FakeClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
  StoreAddress address_;
};

std::vector<std::string> Names(const std::vector<PublishedFile>& files) {
  std::vector<std::string> out;
  for (const PublishedFile& f : files) out.push_back(f.name + " " + f.format);
  return out;
}

TEST_P(PublishTest, PublishingKeepsTheReportsFilesWithTheirSha256) {
  PublishedReportFiles published = Publish();
  EXPECT_EQ(published.layout, "dashboard");
  const std::vector<PublishedFile>& files = published.published.files;
  // A file for each of the dashboard's tables: the two summaries, the key, the scorecard of each
  // of the five corporate priorities (its red flags are a list).
  EXPECT_THAT(Names(files),
              ElementsAre("report.html html", "csv/summary.csv csv", "csv/summary-2.csv csv",
                          "csv/key.csv csv", "csv/scorecard.csv csv", "csv/scorecard-2.csv csv",
                          "csv/scorecard-3.csv csv", "csv/scorecard-4.csv csv",
                          "csv/scorecard-5.csv csv", "report.xlsx xlsx"));
  for (const PublishedFile& f : files) {
    EXPECT_EQ(f.sha256, Sha256Hex(f.content)) << f.name;
    EXPECT_EQ(f.size, static_cast<int64_t>(f.content.size())) << f.name;
    EXPECT_GT(f.size, 0) << f.name;
  }
  EXPECT_THAT(files.front().content, HasSubstr("20 November 2017 by ann (change "));
  EXPECT_EQ(files.back().content.substr(0, 2), "PK");  // a zip: the workbook
  EXPECT_EQ(Ok(CheckDatabase(db_->url(), clock_)), std::vector<std::string>{});
}

TEST_P(PublishTest, APublishedReportIsMadeAgainExactlyAfterFiguresChange) {
  PublishedReportFiles published = Publish();
  const int64_t change = published.published.change;
  Import(CorrectedFiles());

  // (a) Made again as at the publication: the same HTML and CSV, byte for byte, and the same
  // cells in the workbook.
  std::vector<ReportFile> again = Regenerate(change);
  const std::vector<PublishedFile>& stored = published.published.files;
  ASSERT_EQ(again.size(), stored.size());
  for (size_t i = 0; i < again.size(); ++i) {
    SCOPED_TRACE(again[i].name);
    EXPECT_EQ(again[i].name, stored[i].name);
    if (again[i].format == "xlsx") {
      EXPECT_EQ(CellTexts(again[i].content), CellTexts(stored[i].content));
    } else {
      EXPECT_TRUE(again[i].content == stored[i].content);
    }
  }
  // The same made as "the report as published".
  Position as_published = Ok(AssessStored(address_, AsAt{"", kQ2}, kQ2, clock_));
  ReportOptions options = Ok(ReportOptionsFor(address_, kQ2, as_published, AsAt{"", kQ2}, clock_));
  EXPECT_TRUE(Ok(RenderFormats(as_published, "dashboard", options, {"html"})).at(0).content ==
              stored.front().content);
  EXPECT_THAT(stored.front().content,
              HasSubstr(fmt::format("the database as the 2017/18 Q2 report was published (change "
                                    "{})",
                                    change)));
  // The figures now make another report: the comparison above can fail.
  std::vector<ReportFile> now = Regenerate(std::nullopt);
  EXPECT_NE(now.front().content, stored.front().content);

  // (b) The stored files come back as published, checked against their SHA-256.
  PublishedReport read = Ok(ReadPublishedReport(address_, kQ2, std::nullopt, clock_));
  EXPECT_EQ(read.publication.change, change);
  ASSERT_EQ(read.files.size(), stored.size());
  for (size_t i = 0; i < read.files.size(); ++i) {
    EXPECT_EQ(read.files[i].name, stored[i].name);
    EXPECT_TRUE(read.files[i].content == stored[i].content) << stored[i].name;
    EXPECT_EQ(read.files[i].sha256, Sha256Hex(stored[i].content));
  }
}

TEST_P(PublishTest, TheReportOfTheFiguresNowSaysWhatChangedSincePublication) {
  const int64_t change = Publish().published.change;
  Import(CorrectedFiles());

  Position now = Ok(AssessStored(address_, AsAt{}, kQ2, clock_));
  ReportOptions options = Ok(ReportOptionsFor(address_, kQ2, now, AsAt{}, clock_));
  EXPECT_EQ(options.published, fmt::format("20 November 2017 by ann (change {})", change));
  EXPECT_EQ(options.notice,
            fmt::format("Figures have changed since this report was published on 20 November "
                        "2017 (change {}): 1 change.",
                        change));
  ASSERT_EQ(options.since_publication.size(), 1u);
  const ChangeRow& row = options.since_publication[0];
  EXPECT_EQ(row.kind, "measure");
  EXPECT_EQ(row.ref, "1.B1 (a)");
  EXPECT_EQ(row.before_key, "off-track");
  EXPECT_EQ(row.after_key, "satisfactory");
  const std::string satisfactory =
      "Measure progress has been satisfactory but is not fully reaching target set";
  const std::string off_track = "Measure has not progressed in accordance with target set";
  EXPECT_EQ(row.words,
            fmt::format("value 81.5% to 82.0%; status '{}' to '{}'", off_track, satisfactory));

  // The header says so, and a section lists it.
  std::string html = Ok(RenderFormats(now, "dashboard", options, {"html"})).at(0).content;
  EXPECT_THAT(html, HasSubstr(options.notice));
  auto layout = ParseLayout(
      "title = \"Changes since publication\"\n\n[[section]]\ntype = \"publication-changes\"\n",
      "changes", "reports/changes.toml");
  ASSERT_TRUE(layout.has_value());
  auto document = BuildReport(now, *layout, options);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->notice, options.notice);
  std::vector<const ReportTable*> tables = document->Tables();
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->rows.size(), 1u);
  std::vector<std::string> cells;
  for (const ReportCell& c : tables[0]->rows[0].cells) cells.push_back(c.text);
  EXPECT_THAT(cells, ElementsAre("1.B1 (a)",
                                 "% children and young people who attend a good or better schools",
                                 "81.5% (" + off_track + ")", "82.0% (" + satisfactory + ")"));

  // A report as at the publication itself has nothing to say.
  AsAt at_publication{fmt::format("change:{}", change), std::nullopt};
  Position then = Ok(AssessStored(address_, at_publication, kQ2, clock_));
  ReportOptions as_published = Ok(ReportOptionsFor(address_, kQ2, then, at_publication, clock_));
  EXPECT_EQ(as_published.notice, "");
  EXPECT_EQ(as_published.since_publication.size(), 0u);
  EXPECT_EQ(as_published.published, options.published);
}

TEST_P(PublishTest, AStoredFileWhoseBytesChangedIsNotGivenBack) {
  PublishedReportFiles published = Publish();
  const PublishedFile& csv = published.published.files.at(4);
  ASSERT_EQ(csv.name, "csv/scorecard.csv");
  std::string tampered = csv.content;
  tampered.replace(tampered.find("81.5"), 4, "85.1");
  Tamper(csv.name, tampered);

  auto read = ReadPublishedReport(address_, kQ2, std::nullopt, clock_);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, Failure::Kind::kInternal);
  ASSERT_EQ(read.error().issues.size(), 1u);
  EXPECT_EQ(read.error().issues[0].code, "publish.file-changed");
  EXPECT_EQ(read.error().issues[0].message,
            fmt::format("the published file csv/scorecard.csv of the 2017/18 Q2 report (change "
                        "{}) is not as it was published: its {} bytes give SHA-256 {}, not the {} "
                        "bytes and SHA-256 {} recorded when it was published",
                        published.published.change, tampered.size(), Sha256Hex(tampered),
                        csv.content.size(), csv.sha256));
  std::vector<std::string> problems = Ok(CheckDatabase(db_->url(), clock_));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], HasSubstr("published file csv/scorecard.csv of the 2017/18 Q2 report"));
}

TEST_P(PublishTest, PublishingAgainKeepsTheEarlierPublicationAndItsFiles) {
  PublishedReportFiles first = Publish();
  Import(CorrectedFiles());
  PublishedReportFiles second = Publish("1.A4 corrected");
  EXPECT_EQ(second.published.superseded->change, first.published.change);

  PublishedReport latest = Ok(ReadPublishedReport(address_, kQ2, std::nullopt, clock_));
  EXPECT_EQ(latest.publication.change, second.published.change);
  EXPECT_TRUE(latest.files.front().content == second.published.files.front().content);
  PublishedReport earlier = Ok(ReadPublishedReport(address_, kQ2, first.published.change, clock_));
  EXPECT_TRUE(earlier.files.front().content == first.published.files.front().content);
  EXPECT_NE(earlier.files.front().content, latest.files.front().content);

  // Each is made again exactly, as at its own publication.
  EXPECT_TRUE(Regenerate(first.published.change).front().content ==
              first.published.files.front().content);
  EXPECT_TRUE(Regenerate(second.published.change).front().content ==
              second.published.files.front().content);

  auto never = ReadPublishedReport(address_, kQ2, first.published.change - 1, clock_);
  ASSERT_FALSE(never);
  EXPECT_EQ(never.error().kind, Failure::Kind::kNotFound);
  EXPECT_EQ(
      never.error().issues.at(0).message,
      fmt::format("the 2017/18 Q2 report was not published at change {}: it was published "
                  "at change {}, {}",
                  first.published.change - 1, first.published.change, second.published.change));
}

TEST_P(PublishTest, AnUnknownLayoutOrFormatPublishesNothing) {
  auto layout = PublishReportFiles(
      {address_, kQ2, std::nullopt, {"ann", "", "test"}, "cabinet", kFormats}, clock_);
  ASSERT_FALSE(layout);
  EXPECT_EQ(layout.error().issues.at(0).message,
            "no report layout \"cabinet\"; the council has: dashboard");
  auto format = PublishReportFiles(
      {address_, kQ2, std::nullopt, {"ann", "", "test"}, "", {"html", "docx"}}, clock_);
  ASSERT_FALSE(format);
  EXPECT_EQ(format.error().issues.at(0).message,
            "expected a format to publish (html, csv, xlsx, pdf), not \"docx\"");
  auto none = ReadPublishedReport(address_, kQ2, std::nullopt, clock_);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().issues.at(0).message, "the 2017/18 Q2 report has not been published");
}

TEST_P(PublishTest, ACouncilWithoutLayoutsPublishesThePeriodAlone) {
  MemoryFileSource files = SeedFiles(kSeed);
  for (auto it = files.files.begin(); it != files.files.end();) {
    it = it->first.starts_with("reports/") ? files.files.erase(it) : std::next(it);
  }
  std::string& toml = files.files.at("scorecard.toml");
  toml.erase(toml.find("[reports]"), std::string("[reports]\ndefault = \"dashboard\"\n").size());
  toml.replace(toml.find(kOrg), std::string(kOrg).size(), "rotherham-plain");
  Import(files, "rotherham-plain");
  address_.org = "rotherham-plain";
  PublishedReportFiles published = Publish();
  EXPECT_EQ(published.layout, "");
  EXPECT_EQ(published.published.files.size(), 0u);
  EXPECT_GT(published.published.change, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PublishTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace scorecard
