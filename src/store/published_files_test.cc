// The files of published reports, on SQLite and on PostgreSQL: stored with their publication in
// one transaction, read back byte for byte, kept when the period is published again, and
// checked by the integrity check.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "domain/sha256.h"
#include "store/open_store.h"
#include "store/store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

using ::testing::ElementsAre;

template <typename T>
T Ok(StoreResult<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}
void Ok(StoreResult<void> r) {
  if (!r) throw std::runtime_error(r.error().message);
}

// Every byte value, NULs and invalid UTF-8 included: what a workbook or a PDF holds.
std::string EveryByte() {
  std::string bytes;
  for (int i = 0; i < 512; ++i) bytes += static_cast<char>(i % 256);
  return bytes;
}

const std::vector<ReportFile> kFiles = {
    {"report.html", "html", "<!DOCTYPE html>\n<title>Q1</title>\n"},
    {"report.xlsx", "xlsx", EveryByte()},
    {"csv/scorecard.csv", "csv", "Ref,Title\nM1,Rent collected\n"},
    {"csv/empty.csv", "csv", ""},
};

// A PublicationFiles giving `files` whatever the publication.
PublicationFiles Giving(std::vector<ReportFile> files) {
  return [files = std::move(files)](const Publication&) -> StoreResult<std::vector<ReportFile>> {
    return files;
  };
}

// "report.html html 36 bytes <sha256>" for each file: stored, and as given.
std::vector<std::string> Describe(const std::vector<PublishedFile>& files) {
  std::vector<std::string> out;
  for (const PublishedFile& f : files) {
    out.push_back(fmt::format("{} {} {} bytes {}", f.name, f.format, f.size, f.sha256));
  }
  return out;
}
std::vector<std::string> Describe(const std::vector<ReportFile>& files) {
  std::vector<std::string> out;
  for (const ReportFile& f : files) {
    out.push_back(
        fmt::format("{} {} {} bytes {}", f.name, f.format, f.content.size(), Sha256Hex(f.content)));
  }
  return out;
}

class PublishedFilesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFatalFailure()) return;
    database_ = Ok(TestDatabase::Create(GetParam()));
    store_ = Ok(OpenStore(database_->url(), clock_));
    org_ = Ok(store_->EnsureOrganisation("rotherham", "Rotherham Metropolitan Borough Council"));
    Ok(store_->Apply(org_, kTestChange,
                     {{&SpecOf("measures"), "M1", MeasureRow("M1", "Rent collected"), 0}}));
  }

  int64_t Count(std::string_view table) {
    auto rows = Ok(store_->database().Query(fmt::format("SELECT COUNT(*) FROM {}", table)));
    return std::stoll(*rows.at(0).at(0));
  }

  // Rewrites a stored file's bytes behind the store's back, as a damaged disk or someone with
  // the database's password might: the trigger that refuses it is dropped first.
  void Tamper(std::string_view name, std::string_view content) {
    Database& db = store_->database();
    Ok(db.Exec("DROP TRIGGER published_files_are_not_rewritten" +
               std::string(db.dialect() == Dialect::kPostgres ? " ON published_files" : "")));
    Ok(db.Query("UPDATE published_files SET content = $1 WHERE name = $2", {Blob{content}, name}));
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
};

TEST_P(PublishedFilesTest, StoresAPublicationsFilesByteForByteWithTheirSizeAndSha256) {
  int64_t change = Ok(store_->Publish(org_, "2024-25 Q1", kTestChange, {}, Giving(kFiles)));
  std::vector<PublishedFile> stored = Ok(store_->PublishedFiles(org_, "2024-25 Q1", change));
  EXPECT_EQ(Describe(stored), Describe(kFiles));
  ASSERT_EQ(stored.size(), kFiles.size());
  for (size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].content, kFiles[i].content) << stored[i].name;
  }
  EXPECT_EQ(stored.at(3).sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Ok(store_->PublishedFiles(org_, "2024-25 Q2", change)).size(), 0u);
  EXPECT_EQ(Ok(store_->CheckIntegrity()), std::vector<std::string>{});
}

TEST_P(PublishedFilesTest, APublicationWithoutFilesStoresNone) {
  int64_t change = Ok(store_->Publish(org_, "2024-25 Q1", kTestChange));
  EXPECT_EQ(Ok(store_->PublishedFiles(org_, "2024-25 Q1", change)).size(), 0u);
  EXPECT_EQ(Count("published_files"), 0);
}

TEST_P(PublishedFilesTest, PublishingAgainKeepsTheEarlierPublicationsFiles) {
  int64_t first = Ok(store_->Publish(org_, "2024-25 Q1", kTestChange, {}, Giving(kFiles)));
  std::vector<ReportFile> corrected = {{"report.html", "html", "<p>corrected</p>\n"}};
  int64_t second = Ok(store_->Publish(org_, "2024-25 Q1", kTestChange, first, Giving(corrected)));
  EXPECT_EQ(Describe(Ok(store_->PublishedFiles(org_, "2024-25 Q1", first))), Describe(kFiles));
  EXPECT_EQ(Describe(Ok(store_->PublishedFiles(org_, "2024-25 Q1", second))), Describe(corrected));
}

TEST_P(PublishedFilesTest, TheFilesAreMadeFromTheDataAsThePublicationFrozeIt) {
  std::vector<std::string> seen;
  int64_t change = Ok(store_->Publish(
      org_, "2024-25 Q1", {"ann", "cabinet", "test"}, {},
      [&](const Publication& p) -> StoreResult<std::vector<ReportFile>> {
        auto rows = store_->Rows(org_, SpecOf("measures"), p.change);
        if (!rows) return std::unexpected(rows.error());
        for (const StoredRow& r : *rows) seen.push_back(r.fields.at(1));
        auto published = store_->PublishedAt(org_, p.period);
        if (!published) return std::unexpected(published.error());
        seen.push_back(
            fmt::format("{} {} {} {}", p.period, *published == p.change, p.author, p.note));
        return std::vector<ReportFile>{{"report.html", "html", "<p>Rent collected</p>"}};
      }));
  EXPECT_THAT(seen, ElementsAre("Rent collected", "2024-25 Q1 true ann cabinet"));
  EXPECT_EQ(Ok(store_->PublishedFiles(org_, "2024-25 Q1", change)).size(), 1u);
}

TEST_P(PublishedFilesTest, AFileMakerThatFailsLeavesNoPublication) {
  int64_t before = Ok(store_->LatestChange(org_));
  auto failed = store_->Publish(org_, "2024-25 Q1", kTestChange, {},
                                [](const Publication&) -> StoreResult<std::vector<ReportFile>> {
                                  return Fail(StoreError::Kind::kInvalid, "no such layout");
                                });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "no such layout");
  EXPECT_EQ(Ok(store_->LatestChange(org_)), before);
  EXPECT_EQ(Ok(store_->Publications(org_, "2024-25 Q1")).size(), 0u);
  EXPECT_EQ(Count("published_files"), 0);
}

TEST_P(PublishedFilesTest, TwoFilesOfOneNameAreRefusedAndNothingIsPublished) {
  auto twice =
      store_->Publish(org_, "2024-25 Q1", kTestChange, {},
                      Giving({{"report.html", "html", "a"}, {"report.html", "html", "b"}}));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, StoreError::Kind::kInvalid);
  EXPECT_EQ(twice.error().message, "two published files are named report.html");
  EXPECT_EQ(Ok(store_->Publications(org_, "2024-25 Q1")).size(), 0u);
  EXPECT_EQ(Count("published_files"), 0);
}

TEST_P(PublishedFilesTest, PublishedFilesCanBeNeitherDeletedNorRewritten) {
  Ok(store_->Publish(org_, "2024-25 Q1", kTestChange, {}, Giving(kFiles)));
  auto deleted = store_->database().Query("DELETE FROM published_files");
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().kind, StoreError::Kind::kInvalid);
  EXPECT_THAT(deleted.error().message,
              ::testing::HasSubstr("published files are kept for ever: none can be deleted"));
  auto rewritten = store_->database().Query("UPDATE published_files SET content = $1",
                                            {Blob{std::string_view("x")}});
  ASSERT_FALSE(rewritten);
  EXPECT_THAT(rewritten.error().message,
              ::testing::HasSubstr("published files are kept for ever: none can be rewritten"));
  EXPECT_EQ(Count("published_files"), 4);
}

TEST_P(PublishedFilesTest, TheIntegrityCheckFindsAFileWhoseBytesChanged) {
  int64_t change = Ok(store_->Publish(org_, "2024-25 Q1", kTestChange, {}, Giving(kFiles)));
  const std::string tampered = "Ref,Title\nM1,Rent collected!\n";
  Tamper("csv/scorecard.csv", tampered);
  EXPECT_THAT(
      Ok(store_->CheckIntegrity()),
      ElementsAre(fmt::format(
          "published file csv/scorecard.csv of the 2024-25 Q1 report published at change {} "
          "(organisation {}): its {} bytes give SHA-256 {}, not the {} bytes and SHA-256 {} "
          "recorded when it was published",
          change, org_, tampered.size(), Sha256Hex(tampered), kFiles[2].content.size(),
          Sha256Hex(kFiles[2].content))));
}

// Bytes go in and come out as they are, through a statement and through a bulk load.
TEST_P(PublishedFilesTest, BytesComeBackAsTheyWentIn) {
  Database& db = store_->database();
  Ok(db.Exec(fmt::format("CREATE TABLE blobs (id BIGINT NOT NULL, content {} NOT NULL)",
                         db.dialect() == Dialect::kSqlite ? "BLOB" : "BYTEA")));
  const std::string bytes = EveryByte();
  Ok(db.Query("INSERT INTO blobs (id, content) VALUES ($1, $2)", {int64_t{1}, Blob{bytes}}));
  Ok(db.Query("INSERT INTO blobs (id, content) VALUES ($1, $2)", {int64_t{2}, Blob{""}}));
  Ok(db.CopyRows(
      "blobs", {"id", "content"}, 2,
      [&](size_t i, std::vector<Param>& fields) {
        fields = {static_cast<int64_t>(3 + i), Blob{i == 0 ? std::string_view(bytes) : ""}};
      },
      nullptr));
  auto rows = Ok(db.Query("SELECT id, content FROM blobs ORDER BY id"));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (ResultRow{"1", bytes}));
  EXPECT_EQ(rows[1], (ResultRow{"2", ""}));
  EXPECT_EQ(rows[2], (ResultRow{"3", bytes}));
  EXPECT_EQ(rows[3], (ResultRow{"4", ""}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PublishedFilesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace scorecard
