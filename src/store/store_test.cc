// The storage suite: every test runs on SQLite and on PostgreSQL, each in a fresh database.

#include "store/store.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <latch>
#include <stdexcept>
#include <thread>

#include "store/migrations.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr Moment kHour = 3'600'000'000;

// The value of a call that must succeed; a failure ends the test with the store's message.
template <typename T>
T Ok(StoreResult<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}

const TableSpec& Measures() { return SpecOf("measures"); }
const TableSpec& Values() { return SpecOf("values"); }

// A row of `spec` with the named columns set and the others empty.
std::vector<std::string> Fields(const TableSpec& spec,
                                const std::map<std::string_view, std::string>& values) {
  std::vector<std::string> fields;
  for (std::string_view column : spec.columns()) {
    auto it = values.find(column);
    fields.push_back(it == values.end() ? "" : it->second);
  }
  return fields;
}
std::vector<std::string> Measure(const std::string& ref, const std::string& title) {
  return Fields(Measures(), {{"ref", ref}, {"title", title}});
}
std::vector<std::string> Value(const std::string& ref, const std::string& period,
                               const std::string& value) {
  return Fields(Values(), {{"ref", ref}, {"period", period}, {"value", value}});
}

RowChange Add(const TableSpec& spec, std::vector<std::string> fields) {
  std::string key = RowKey(spec, fields);
  return {&spec, key, std::move(fields), 0};
}
RowChange Edit(const TableSpec& spec, std::vector<std::string> fields, int base_version) {
  std::string key = RowKey(spec, fields);
  return {&spec, key, std::move(fields), base_version};
}
RowChange Remove(const TableSpec& spec, std::string key, int base_version) {
  return {&spec, std::move(key), std::nullopt, base_version};
}

// Rows in a form that compares and prints well: "M1 v2: M1|Rent collected".
std::string Describe(const std::string& key, int version, const std::vector<std::string>& fields) {
  std::string out = key;
  std::replace(out.begin(), out.end(), '\x1F', '/');
  if (version) out += " v" + std::to_string(version);
  out += ":";
  size_t used = fields.size();
  while (used > 0 && fields[used - 1].empty()) --used;
  for (size_t i = 0; i < used; ++i) out += (i ? "|" : " ") + fields[i];
  return out;
}
std::vector<std::string> Describe(const std::vector<StoredRow>& rows) {
  std::vector<std::string> out;
  for (const StoredRow& r : rows) out.push_back(Describe(r.key, r.version, r.fields));
  return out;
}
std::vector<std::string> Describe(const std::vector<Difference>& differences) {
  std::vector<std::string> out;
  for (const Difference& d : differences) {
    std::string before = d.before ? Describe(d.key, 0, *d.before) : "absent";
    std::string after = d.after ? Describe(d.key, 0, *d.after) : "absent";
    out.push_back(d.table + " " + before + " -> " + after);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const ChangeInfo kAnn{"ann@rotherham.gov.uk", "quarterly import", "values.csv"};
const ChangeInfo kBob{"bob@rotherham.gov.uk", "corrected the title", "web"};

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFatalFailure()) return;
    database_ = NewDatabase();
    store_ = OpenStoreOn(*database_);
    org_ = Ok(store_->EnsureOrganisation("rotherham", "Rotherham Metropolitan Borough Council"));
  }

  std::unique_ptr<TestDatabase> NewDatabase() { return Ok(TestDatabase::Create(GetParam())); }
  // Another Store, with its own connection, on the test's database.
  std::unique_ptr<Store> OpenStoreOn(const TestDatabase& db) {
    return Ok(OpenStore(db.url(), clock_));
  }

  std::vector<std::string> CurrentMeasures(int64_t org) {
    return Describe(Ok(store_->Rows(org, Measures())));
  }
  std::vector<std::string> CurrentMeasures() { return CurrentMeasures(org_); }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
};

TEST_P(StoreTest, MigrationsAreAppliedAtOpeningAndRecordedOnce) {
  Database& db = store_->database();
  std::vector<ResultRow> expected;
  for (const Migration& m : Migrations(db.dialect())) {
    expected.push_back({std::to_string(m.version), m.description});
  }
  const char* kRecorded = "SELECT version, description FROM schema_migrations ORDER BY version";
  EXPECT_EQ(Ok(db.Query(kRecorded)), expected);
  EXPECT_EQ(Ok(SchemaVersion(db)), LatestSchemaVersion());

  EXPECT_EQ(Ok(Migrate(db)), std::vector<int>{});
  auto again = OpenStoreOn(*database_);
  EXPECT_EQ(Ok(again->database().Query(kRecorded)), expected);
}

TEST_P(StoreTest, RefusesADatabaseNewerThanItKnows) {
  Ok(store_->database().Query(
      "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
      {int64_t{LatestSchemaVersion() + 1}, "from the future"}));
  auto reopened = OpenStore(database_->url(), clock_);
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().kind, StoreError::Kind::kInvalid);
  EXPECT_EQ(reopened.error().message,
            fmt::format("the database is at schema version {}, newer than this Scorecard knows "
                        "({}): upgrade Scorecard",
                        LatestSchemaVersion() + 1, LatestSchemaVersion()));
}

// Data each schema version can hold, written with that version's SQL; checked after upgrading.
struct DataAtVersion {
  int since;           // the first schema version with these tables
  const char* insert;  // $1: the organisation
  const char* query;   // reads it back, one text cell
  const char* expected;
};
const std::vector<DataAtVersion>& DataByVersion() {
  static const std::vector<DataAtVersion> kData = {
      {1,
       "INSERT INTO measures (org_id, row_key, version, seq, from_change, to_change, ref, title) "
       "VALUES ($1, 'M1', 1, 1, (SELECT MAX(id) FROM changes), NULL, 'M1', 'Rent collected')",
       "SELECT title FROM measures WHERE row_key = 'M1' AND to_change IS NULL", "Rent collected"},
      {2,
       "INSERT INTO users (org_id, email, name, role, password_hash) "
       "VALUES ($1, 'ann@derby.gov.uk', 'Ann', 'editor', 'x')",
       "SELECT name FROM users WHERE email = 'ann@derby.gov.uk'", "Ann"},
  };
  return kData;
}

TEST_P(StoreTest, UpgradesFromEveryEarlierSchemaVersionKeepingItsData) {
  for (int from = 1; from < LatestSchemaVersion(); ++from) {
    SCOPED_TRACE(fmt::format("from schema version {}", from));
    auto old = NewDatabase();
    auto db = Ok(OpenDatabase(old->url()));
    std::vector<int> upto;
    for (int v = 1; v <= from; ++v) upto.push_back(v);
    ASSERT_EQ(Ok(Migrate(*db, from)), upto);
    ASSERT_EQ(Ok(SchemaVersion(*db)), from);
    int64_t org = std::stoll(*Ok(db->Query("INSERT INTO organisations (code, name) VALUES "
                                           "('derby', 'Derby City Council') RETURNING id"))
                                  .at(0)
                                  .at(0));
    Ok(
        db->Query("INSERT INTO changes (org_id, at, author, reason, source) VALUES "
                  "($1, 1500000000000000, 'ann', 'import', 'test')",
                  {org}));
    for (const DataAtVersion& d : DataByVersion()) {
      if (d.since <= from) Ok(db->Query(d.insert, {org}));
    }

    std::vector<int> rest;
    for (int v = from + 1; v <= LatestSchemaVersion(); ++v) rest.push_back(v);
    EXPECT_EQ(Ok(Migrate(*db)), rest);
    for (const DataAtVersion& d : DataByVersion()) {
      if (d.since > from) continue;
      EXPECT_EQ(Ok(db->Query(d.query)), (std::vector<ResultRow>{{d.expected}})) << d.query;
    }
    Store upgraded(std::move(db), clock_);
    EXPECT_EQ(Ok(upgraded.FindOrganisation("derby")), org);
    EXPECT_EQ(Describe(Ok(upgraded.Rows(org, Measures()))),
              std::vector<std::string>{"M1 v1: M1|Rent collected"});
    Ok(upgraded.Apply(org, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1)}));
    EXPECT_EQ(Describe(Ok(upgraded.Rows(org, Measures()))),
              std::vector<std::string>{"M1 v2: M1|Rent collected (%)"});
  }
}

TEST_P(StoreTest, EveryStoredTableKeepsEveryColumn) {
  std::vector<RowChange> changes;
  for (const TableSpec* spec : StoredTables()) {
    std::map<std::string_view, std::string> values;
    for (std::string_view c : spec->columns()) {
      values[c] = fmt::format("{}.{} \"quoted\", 'single' and ünicode", spec->name, c);
    }
    changes.push_back(Add(*spec, Fields(*spec, values)));
  }
  Ok(store_->Apply(org_, kAnn, changes));
  for (const RowChange& c : changes) {
    auto rows = Ok(store_->Rows(org_, *c.table));
    ASSERT_EQ(rows.size(), 1u) << c.table->name;
    EXPECT_EQ(rows[0].key, c.key);
    EXPECT_EQ(rows[0].fields, *c.fields) << c.table->name;
  }
}

TEST_P(StoreTest, EnsureOrganisationFindsTheOneAlreadyThere) {
  EXPECT_EQ(Ok(store_->EnsureOrganisation("rotherham", "Rotherham MBC")), org_);
  EXPECT_EQ(Ok(store_->FindOrganisation("rotherham")), org_);
  auto missing = store_->FindOrganisation("derby");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, StoreError::Kind::kNotFound);
  EXPECT_EQ(missing.error().message, "no organisation with code \"derby\" in the database");
}

TEST_P(StoreTest, OrganisationsNeverSeeEachOthersRowsHistoryOrDifferences) {
  int64_t derby = Ok(store_->EnsureOrganisation("derby", "Derby City Council"));
  ASSERT_NE(derby, org_);
  int64_t r1 = Ok(store_->Apply(org_, kAnn,
                                {Add(Measures(), Measure("M1", "Rent collected")),
                                 Add(Values(), Value("M1", "2024-25 Q1", "97.1"))}));
  int64_t d1 = Ok(store_->Apply(derby, kBob, {Add(Measures(), Measure("M1", "Homes built"))}));
  int64_t d2 =
      Ok(store_->Apply(derby, kBob, {Edit(Measures(), Measure("M1", "Homes built (net)"), 1)}));

  EXPECT_EQ(CurrentMeasures(org_), std::vector<std::string>{"M1 v1: M1|Rent collected"});
  EXPECT_EQ(CurrentMeasures(derby), std::vector<std::string>{"M1 v2: M1|Homes built (net)"});
  EXPECT_EQ(Describe(Ok(store_->Rows(derby, Values()))), std::vector<std::string>{});
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), d2))),
            std::vector<std::string>{"M1 v1: M1|Rent collected"});

  auto history = Ok(store_->History(org_, "M1"));
  ASSERT_EQ(history.size(), 2u);
  for (const Version& v : history) EXPECT_EQ(v.author, kAnn.author);
  EXPECT_EQ(Ok(store_->History(derby, "M1")).size(), 2u);

  EXPECT_EQ(Describe(Ok(store_->Diff(org_, 0, Ok(store_->LatestChange(org_))))),
            (std::vector<std::string>{"measures absent -> M1: M1|Rent collected",
                                      "values absent -> M1/2024-25 Q1: M1|2024-25 Q1|97.1"}));
  EXPECT_EQ(Describe(Ok(store_->Diff(derby, 0, d1))),
            std::vector<std::string>{"measures absent -> M1: M1|Homes built"});
  EXPECT_EQ(Ok(store_->LatestChange(org_)), r1);
  EXPECT_EQ(Ok(store_->LatestChange(derby)), d2);

  int64_t seen = -1;
  Ok(store_->Write(derby, kBob, [&](const Snapshot& s) {
    seen = static_cast<int64_t>(s.at("measures").size() + s.at("values").size());
    return std::vector<RowChange>{};
  }));
  EXPECT_EQ(seen, 1);

  // Version 2 of Derby's M1 is no base for Rotherham's M1, which is at version 1.
  auto crossed =
      store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 2)});
  ASSERT_FALSE(crossed);
  EXPECT_EQ(crossed.error().kind, StoreError::Kind::kConflict);
  EXPECT_EQ(CurrentMeasures(derby), std::vector<std::string>{"M1 v2: M1|Homes built (net)"});

  Ok(store_->Publish(org_, "2024-25 Q1", kAnn));
  EXPECT_EQ(store_->PublishedAt(derby, "2024-25 Q1").error().kind, StoreError::Kind::kNotFound);
}

TEST_P(StoreTest, WriteAddsVersionOneAChangeAddsTheNextAndRemovalEndsIt) {
  int64_t added = Ok(store_->Write(org_, kAnn, [](const Snapshot& s) {
    EXPECT_TRUE(s.at("measures").empty());
    return std::vector<RowChange>{Add(Measures(), Measure("M1", "Rent collected"))};
  }));
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{"M1 v1: M1|Rent collected"});

  int64_t changed = Ok(store_->Write(org_, kBob, [](const Snapshot& s) {
    const StoredRow& current = s.at("measures").at("M1");
    return std::vector<RowChange>{
        Edit(Measures(), Measure("M1", "Rent collected (%)"), current.version)};
  }));
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{"M1 v2: M1|Rent collected (%)"});

  int64_t removed = Ok(store_->Apply(org_, kBob, {Remove(Measures(), "M1", 2)}));
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{});
  EXPECT_LT(added, changed);
  EXPECT_LT(changed, removed);

  auto history = Ok(store_->History(org_, "M1"));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 1);
  EXPECT_TRUE(history[0].ended);
  EXPECT_EQ(history[1].version, 2);
  EXPECT_TRUE(history[1].ended);
}

TEST_P(StoreTest, ARowRemovedAndAddedAgainContinuesItsHistory) {
  Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  Ok(store_->Apply(org_, kBob, {Remove(Measures(), "M1", 1)}));
  // As an import plans it: the key is not among the current rows, so it is added.
  Ok(store_->Write(org_, kAnn, [](const Snapshot& s) {
    EXPECT_FALSE(s.at("measures").contains("M1"));
    return std::vector<RowChange>{Add(Measures(), Measure("M1", "Rent collected (%)"))};
  }));
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{"M1 v2: M1|Rent collected (%)"});
  auto history = Ok(store_->History(org_, "M1"));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0].ended);
  EXPECT_FALSE(history[1].ended);
}

TEST_P(StoreTest, ManyRowsRemovedAndAddedAgainContinueTheirHistories) {
  // Beyond a few rows the store reads the table's ended versions at once rather than by key.
  std::vector<RowChange> added, removed, again;
  for (int i = 0; i < 40; ++i) {
    std::string ref = fmt::format("M{:02}", i);
    added.push_back(Add(Measures(), Measure(ref, "Rent collected")));
    removed.push_back(Remove(Measures(), ref, 1));
    again.push_back(Add(Measures(), Measure(ref, "Rent collected (%)")));
  }
  Ok(store_->Apply(org_, kAnn, added));
  Ok(store_->Apply(org_, kBob, removed));
  std::vector<int> versions;
  Ok(store_->Apply(org_, kAnn, again, &versions));
  EXPECT_EQ(versions, std::vector<int>(40, 2));
  EXPECT_EQ(CurrentMeasures().front(), "M00 v2: M00|Rent collected (%)");
  EXPECT_EQ(CurrentMeasures().back(), "M39 v2: M39|Rent collected (%)");
}

TEST_P(StoreTest, CurrentRowReadsOneRowWithItsVersionAndPlace) {
  Ok(store_->Apply(org_, kAnn,
                   {Add(Measures(), Measure("M1", "Rent collected")),
                    Add(Measures(), Measure("M2", "Homes built"))}));
  int64_t edited =
      Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1)}));
  auto m1 = Ok(store_->CurrentRow(org_, Measures(), "M1"));
  ASSERT_TRUE(m1);
  EXPECT_EQ(Describe(m1->key, m1->version, m1->fields), "M1 v2: M1|Rent collected (%)");
  EXPECT_FALSE(Ok(store_->CurrentRow(org_, Measures(), "M3")));
  EXPECT_FALSE(Ok(store_->CurrentRow(org_, Values(), "M1")));
  Ok(store_->Apply(org_, kBob, {Remove(Measures(), "M2", 1)}));
  EXPECT_FALSE(Ok(store_->CurrentRow(org_, Measures(), "M2")));
  // Another organisation's row of the same key is not this one's.
  int64_t derby = Ok(store_->EnsureOrganisation("derby", "Derby City Council"));
  EXPECT_FALSE(Ok(store_->CurrentRow(derby, Measures(), "M1")));
  EXPECT_GT(edited, 0);
}

TEST_P(StoreTest, CurrentRowsStartingWithAKeyColumnAreThatRefsOnlyInTableOrder) {
  auto at = [](RowChange c, int64_t seq) {
    c.seq = seq;
    return c;
  };
  Ok(store_->Apply(org_, kAnn,
                   {at(Add(Values(), Value("M1", "2024-25 Q2", "5")), 1),
                    at(Add(Values(), Value("M10", "2024-25 Q1", "6")), 2),
                    at(Add(Values(), Value("M1", "2024-25 Q1", "7")), 3),
                    at(Add(Values(), Value("M1", "2024-25 Q3", "8")), 4),
                    at(Add(Values(), Value("M2", "2024-25 Q1", "9")), 5)}));
  Ok(store_->Apply(org_, kBob,
                   {Remove(Values(), RowKey(Values(), Value("M1", "2024-25 Q3", "")), 1)}));
  int64_t derby = Ok(store_->EnsureOrganisation("derby", "Derby City Council"));
  Ok(store_->Apply(derby, kAnn, {Add(Values(), Value("M1", "2024-25 Q4", "1"))}));

  EXPECT_EQ(Describe(Ok(store_->CurrentRowsStartingWith(org_, Values(), {"M1"}))),
            (std::vector<std::string>{"M1/2024-25 Q2 v1: M1|2024-25 Q2|5",
                                      "M1/2024-25 Q1 v1: M1|2024-25 Q1|7"}));
  EXPECT_EQ(Describe(Ok(store_->CurrentRowsStartingWith(org_, Values(), {"M3"}))),
            (std::vector<std::string>{}));
}

TEST_P(StoreTest, CurrentRowsWithAFieldAreTheCurrentOnesHoldingIt) {
  auto part = [](const std::string& ref, const std::string& parent) {
    return Add(Measures(), Fields(Measures(), {{"ref", ref}, {"title", ref}, {"parent", parent}}));
  };
  Ok(store_->Apply(org_, kAnn,
                   {part("M1", ""), part("M1a", "M1"), part("M1b", "M1"), part("M10a", "M10"),
                    part("M1c", "M1")}));
  Ok(store_->Apply(org_, kBob, {Remove(Measures(), "M1b", 1)}));
  int64_t derby = Ok(store_->EnsureOrganisation("derby", "Derby City Council"));
  Ok(store_->Apply(derby, kAnn, {part("M1d", "M1")}));
  std::vector<std::string> refs;
  for (const StoredRow& r : Ok(store_->CurrentRowsWith(org_, Measures(), "parent", "M1"))) {
    refs.push_back(r.key);
  }
  EXPECT_EQ(refs, (std::vector<std::string>{"M1a", "M1c"}));
}

TEST_P(StoreTest, ApplyTellsEachRowsNewVersionAndPlacesRowsAtTheEndAfterTheCurrentOnes) {
  auto at = [](RowChange c, int64_t seq) {
    c.seq = seq;
    return c;
  };
  Ok(store_->Apply(org_, kAnn,
                   {at(Add(Measures(), Measure("M2", "Homes built")), 1),
                    at(Add(Measures(), Measure("M3", "Rent collected")), 2),
                    at(Add(Measures(), Measure("M9", "Old measure")), 3)}));
  Ok(store_->Apply(org_, kAnn, {Remove(Measures(), "M9", 1)}));
  std::vector<int> versions;
  Ok(store_->Apply(
      org_, kBob,
      {at(Add(Measures(), Measure("M1", "Missed calls")), RowChange::kSeqAtEnd),
       at(Edit(Measures(), Measure("M2", "Homes built (net)"), 1), 1), Remove(Measures(), "M3", 1),
       at(Add(Measures(), Measure("M0", "Complaints")), RowChange::kSeqAtEnd)},
      &versions));
  EXPECT_EQ(versions, (std::vector<int>{1, 2, 0, 1}));
  // In table order (seq): M2 kept its place, the added rows follow the last current row (M3 was
  // removed in the same change, M9 before it) in the order they were added.
  std::vector<std::string> order;
  for (const StoredRow& r : Ok(store_->Rows(org_, Measures()))) {
    order.push_back(fmt::format("{} {}", r.key, r.seq));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"M2 1", "M1 2", "M0 3"}));
}

// The database's plan for a query, as text.
std::string Plan(Database& db, const std::string& query) {
  std::string plan;
  auto rows =
      db.Query((db.dialect() == Dialect::kSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + query);
  if (!rows) return rows.error().message;
  for (const ResultRow& r : *rows) {
    for (const Cell& c : r) plan += c.value_or("") + " ";
  }
  return plan;
}

// Regression: right after an import, before PostgreSQL had statistics of the table, it found one
// row by key through the index of places, and the last place through every entry of it, reading
// every current row (30 ms for 40,000 values).
TEST_P(StoreTest, OneRowIsFoundByItsKeyAndTheLastPlaceByItsIndexEvenRightAfterAnImport) {
  std::vector<RowChange> values;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(Add(Values(), Value(fmt::format("M{}", i / 40), fmt::format("Q{}", i % 40),
                                         std::to_string(i))));
    values.back().seq = i + 1;
  }
  Ok(store_->Apply(org_, kAnn, values));
  Database& db = store_->database();
  std::string key =
      fmt::format("'M7' || {} || 'Q3'", db.dialect() == Dialect::kSqlite ? "char(31)" : "chr(31)");
  EXPECT_THAT(Plan(db, fmt::format("SELECT version FROM \"values\" WHERE org_id = {} AND "
                                   "row_key = {} AND to_change IS NULL",
                                   org_, key)),
              HasSubstr("values_current"));
  EXPECT_THAT(Plan(db, fmt::format("UPDATE \"values\" SET to_change = 1 WHERE org_id = {} AND "
                                   "row_key = {} AND version = 1 AND to_change IS NULL",
                                   org_, key)),
              Not(HasSubstr("values_order")));
  std::string last =
      Plan(db, fmt::format("SELECT seq FROM \"values\" WHERE org_id = {} AND "
                           "to_change IS NULL AND seq >= 0 ORDER BY seq DESC LIMIT 1",
                           org_));
  EXPECT_THAT(last, HasSubstr("values_order"));
  EXPECT_THAT(last, Not(HasSubstr("Sort"))) << "the index gives the order";
  EXPECT_THAT(last, Not(HasSubstr("TEMP B-TREE"))) << "the index gives the order";
}

TEST_P(StoreTest, ChangesAndOrganisationsCannotBeDeletedOrChangesRewritten) {
  Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  Database& db = store_->database();
  for (const char* sql : {"DELETE FROM changes", "UPDATE changes SET author = 'someone else'",
                          "DELETE FROM organisations"}) {
    auto refused = db.Exec(sql);
    ASSERT_FALSE(refused) << sql;
    EXPECT_EQ(refused.error().kind, StoreError::Kind::kInvalid) << sql;
    EXPECT_THAT(refused.error().message, HasSubstr(" can be ")) << sql;
  }
  EXPECT_EQ(Ok(store_->History(org_, "M1")).at(0).author, kAnn.author);
  EXPECT_EQ(Ok(store_->CheckIntegrity()), std::vector<std::string>{});
}

TEST_P(StoreTest, CheckIntegrityFindsVersionsNotMadeByTheirOrganisationsChanges) {
  int64_t other = Ok(store_->EnsureOrganisation("derby", "Derby City Council"));
  int64_t made = Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  int64_t others = Ok(store_->Apply(other, kAnn, {Add(Measures(), Measure("D1", "Bins"))}));
  EXPECT_EQ(Ok(store_->CheckIntegrity()), std::vector<std::string>{});

  // Written past the store, as a careless script might.
  const std::string insert =
      "INSERT INTO measures (org_id, row_key, version, seq, from_change, to_change, ref) VALUES ";
  Ok(store_->database().Query(insert + "($1, 'M2', 1, 2, $2, NULL, 'M2')",
                              {org_, int64_t{others + 100}}));
  Ok(store_->database().Query(insert + "($1, 'M3', 1, 3, $2, NULL, 'M3')", {org_, others}));
  Ok(store_->database().Query(insert + "($1, 'M4', 1, 4, $2, $2, 'M4')", {org_, made}));
  EXPECT_THAT(
      Ok(store_->CheckIntegrity()),
      ElementsAre(fmt::format("measures row M2 version 1 of organisation {}: made by change {}, "
                              "which is not a change of that organisation before it",
                              org_, others + 100),
                  fmt::format("measures row M3 version 1 of organisation {}: made by change {}, "
                              "which is not a change of that organisation before it",
                              org_, others),
                  fmt::format("measures row M4 version 1 of organisation {}: made by change {} "
                              "and ended by change {}, which is not a change of that "
                              "organisation before it",
                              org_, made, made)));
}

TEST_P(StoreTest, WriteWithNothingToChangeOrADryRunWritesNothing) {
  EXPECT_EQ(Ok(store_->Write(org_, kAnn, [](const Snapshot&) { return std::vector<RowChange>{}; })),
            0);
  EXPECT_EQ(Ok(store_->Write(
                org_, kAnn,
                [](const Snapshot&) {
                  return std::vector<RowChange>{Add(Measures(), Measure("M1", "Rent collected"))};
                },
                /*dry_run=*/true)),
            0);
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{});
  EXPECT_EQ(Ok(store_->LatestChange(org_)), 0);
}

TEST_P(StoreTest, RowsAsAtAnEarlierChangeShowThatStateExactly) {
  int64_t c1 = Ok(store_->Apply(org_, kAnn,
                                {Add(Measures(), Measure("M1", "Rent collected")),
                                 Add(Measures(), Measure("M2", "Homes built"))}));
  int64_t c2 = Ok(
      store_->Apply(org_, kBob,
                    {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1),
                     Remove(Measures(), "M2", 1), Add(Measures(), Measure("M3", "Missed bins"))}));
  int64_t c3 =
      Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M3", "Missed bins per 100k"), 1)}));

  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), 0))), std::vector<std::string>{});
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), c1))),
            (std::vector<std::string>{"M1 v1: M1|Rent collected", "M2 v1: M2|Homes built"}));
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), c2))),
            (std::vector<std::string>{"M1 v2: M1|Rent collected (%)", "M3 v1: M3|Missed bins"}));
  EXPECT_EQ(
      Describe(Ok(store_->Rows(org_, Measures(), c3))),
      (std::vector<std::string>{"M1 v2: M1|Rent collected (%)", "M3 v2: M3|Missed bins per 100k"}));
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures()))),
            Describe(Ok(store_->Rows(org_, Measures(), c3))));
}

TEST_P(StoreTest, RowsAndHistoryComeInKeyOrderByteByByteOnEveryBackend) {
  // PostgreSQL in an en-GB locale would put m0 first and ignore the key separator.
  std::vector<RowChange> changes;
  for (const char* ref : {"m0", "M10", "M-2", "M1"}) {
    changes.push_back(Add(Measures(), Measure(ref, "")));
    changes.push_back(Add(Values(), Value(ref, "2024-25 Q1", "1")));
  }
  changes.push_back(Add(Values(), Value("M10", "2024-25 Q2", "1")));
  Ok(store_->Apply(org_, kAnn, changes));
  EXPECT_EQ(CurrentMeasures(),
            (std::vector<std::string>{"M-2 v1: M-2", "M1 v1: M1", "M10 v1: M10", "m0 v1: m0"}));
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Values()))),
            (std::vector<std::string>{
                "M-2/2024-25 Q1 v1: M-2|2024-25 Q1|1", "M1/2024-25 Q1 v1: M1|2024-25 Q1|1",
                "M10/2024-25 Q1 v1: M10|2024-25 Q1|1", "M10/2024-25 Q2 v1: M10|2024-25 Q2|1",
                "m0/2024-25 Q1 v1: m0|2024-25 Q1|1"}));
  std::vector<std::string> history;
  for (const Version& v : Ok(store_->History(org_, "M10"))) history.push_back(v.key);
  EXPECT_EQ(history, (std::vector<std::string>{"M10",
                                               "M10\x1F"
                                               "2024-25 Q1",
                                               "M10\x1F"
                                               "2024-25 Q2"}));
}

TEST_P(StoreTest, ChangeAtFindsTheLastChangeAtOrBeforeAMoment) {
  Moment start = clock_.Now();
  int64_t c1 = Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  clock_.Advance(kHour);
  int64_t c2 = Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent (%)"), 1)}));
  EXPECT_EQ(Ok(store_->ChangeAt(org_, start - 1)), 0);
  EXPECT_EQ(Ok(store_->ChangeAt(org_, start)), c1);
  EXPECT_EQ(Ok(store_->ChangeAt(org_, start + kHour - 1)), c1);
  EXPECT_EQ(Ok(store_->ChangeAt(org_, start + kHour)), c2);
}

TEST_P(StoreTest, HistoryListsEveryVersionWithAuthorReasonAndTime) {
  Moment start = clock_.Now();
  int64_t c1 = Ok(store_->Apply(org_, kAnn,
                                {Add(Measures(), Measure("M1", "Rent collected")),
                                 Add(Measures(), Measure("M10", "Not M1"))}));
  clock_.Advance(kHour);
  int64_t c2 =
      Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1)}));
  clock_.Advance(kHour);
  int64_t c3 = Ok(store_->Apply(org_, kAnn, {Add(Values(), Value("M1", "2024-25 Q1", "97.1"))}));

  auto history = Ok(store_->History(org_, "M1"));
  ASSERT_EQ(history.size(), 3u);
  const Version& first = history[0];
  EXPECT_EQ(first.table, "measures");
  EXPECT_EQ(first.key, "M1");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.change, c1);
  EXPECT_EQ(first.at, start);
  EXPECT_EQ(first.author, "ann@rotherham.gov.uk");
  EXPECT_EQ(first.reason, "quarterly import");
  EXPECT_TRUE(first.ended);
  EXPECT_EQ(first.fields, Measure("M1", "Rent collected"));

  const Version& second = history[1];
  EXPECT_EQ(second.key, "M1");
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.change, c2);
  EXPECT_EQ(second.at, start + kHour);
  EXPECT_EQ(second.author, "bob@rotherham.gov.uk");
  EXPECT_EQ(second.reason, "corrected the title");
  EXPECT_FALSE(second.ended);
  EXPECT_EQ(second.fields, Measure("M1", "Rent collected (%)"));

  const Version& value = history[2];
  EXPECT_EQ(value.table, "values");
  EXPECT_EQ(value.key,
            "M1\x1F"
            "2024-25 Q1");
  EXPECT_EQ(value.change, c3);
  EXPECT_EQ(value.at, start + 2 * kHour);
  EXPECT_EQ(value.fields, Value("M1", "2024-25 Q1", "97.1"));

  EXPECT_EQ(Ok(store_->History(org_, "M2")).size(), 0u);
}

TEST_P(StoreTest, HistoryFindsTheRowsOfAReferenceWithAccents) {
  Ok(store_->Apply(org_, kAnn,
                   {Add(Measures(), Measure("Éé-1", "Accès")),
                    Add(Values(), Value("Éé-1", "2024-25 Q1", "1"))}));
  std::vector<std::string> keys;
  for (const Version& v : Ok(store_->History(org_, "Éé-1"))) keys.push_back(v.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"Éé-1",
                                            "Éé-1\x1F"
                                            "2024-25 Q1"}));
}

TEST_P(StoreTest, DiffListsExactlyWhatChangedBetweenTwoChanges) {
  int64_t c1 = Ok(store_->Apply(org_, kAnn,
                                {Add(Measures(), Measure("M1", "Rent collected")),
                                 Add(Measures(), Measure("M2", "Homes built")),
                                 Add(Measures(), Measure("M4", "Unchanged"))}));
  int64_t c2 =
      Ok(store_->Apply(org_, kBob,
                       {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1),
                        Remove(Measures(), "M2", 1), Add(Measures(), Measure("M3", "Missed bins")),
                        Add(Values(), Value("M1", "2024-25 Q1", "97.1"))}));
  // A new version with the same fields is no difference.
  int64_t c3 = Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M4", "Unchanged"), 1)}));

  EXPECT_EQ(Describe(Ok(store_->Diff(org_, c1, c2))),
            (std::vector<std::string>{"measures M1: M1|Rent collected -> M1: M1|Rent collected (%)",
                                      "measures M2: M2|Homes built -> absent",
                                      "measures absent -> M3: M3|Missed bins",
                                      "values absent -> M1/2024-25 Q1: M1|2024-25 Q1|97.1"}));
  EXPECT_EQ(Describe(Ok(store_->Diff(org_, c2, c1))),
            (std::vector<std::string>{"measures M1: M1|Rent collected (%) -> M1: M1|Rent collected",
                                      "measures M3: M3|Missed bins -> absent",
                                      "measures absent -> M2: M2|Homes built",
                                      "values M1/2024-25 Q1: M1|2024-25 Q1|97.1 -> absent"}));
  EXPECT_EQ(Describe(Ok(store_->Diff(org_, c2, c3))), std::vector<std::string>{});
  EXPECT_EQ(Describe(Ok(store_->Diff(org_, c2, c2))), std::vector<std::string>{});
}

TEST_P(StoreTest, PublishRecordsTheChangeAReportWasPublishedAt) {
  auto never = store_->PublishedAt(org_, "2024-25 Q1");
  ASSERT_FALSE(never);
  EXPECT_EQ(never.error().kind, StoreError::Kind::kNotFound);
  EXPECT_EQ(never.error().message, "the 2024-25 Q1 report has not been published");

  Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  int64_t published =
      Ok(store_->Publish(org_, "2024-25 Q1", {"ann", "cabinet, 9 September", "web"}));
  EXPECT_EQ(Ok(store_->PublishedAt(org_, "2024-25 Q1")), published);
  EXPECT_EQ(Ok(store_->LatestChange(org_)), published);
  EXPECT_EQ(
      Ok(store_->database().Query("SELECT author, reason FROM changes WHERE id = $1", {published})),
      (std::vector<ResultRow>{{"ann", "published the 2024-25 Q1 report: cabinet, 9 September"}}));

  Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1)}));
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), published))),
            std::vector<std::string>{"M1 v1: M1|Rent collected"});
  EXPECT_EQ(store_->PublishedAt(org_, "2024-25 Q2").error().kind, StoreError::Kind::kNotFound);

  auto again = store_->Publish(org_, "2024-25 Q1", {"ann", "corrected", "web"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, StoreError::Kind::kConflict);
  EXPECT_EQ(again.error().message, "the 2024-25 Q1 report is already published, at change 2");
  int64_t republished =
      Ok(store_->Publish(org_, "2024-25 Q1", {"ann", "corrected", "web"}, published));
  EXPECT_GT(republished, published);
  EXPECT_EQ(Ok(store_->PublishedAt(org_, "2024-25 Q1")), republished);
  auto stale = store_->Publish(org_, "2024-25 Q1", {"bob", "again", "web"}, published);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, StoreError::Kind::kConflict);
  std::vector<Publication> both = Ok(store_->Publications(org_, "2024-25 Q1"));
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].change, published);
  EXPECT_EQ(both[0].note, "cabinet, 9 September");
  EXPECT_EQ(both[1].change, republished);
  EXPECT_EQ(both[1].note, "corrected");
  EXPECT_EQ(
      Ok(store_->database().Query("SELECT reason FROM changes WHERE id = $1", {republished})),
      (std::vector<ResultRow>{{fmt::format(
          "published the 2024-25 Q1 report again, in place of change {}: corrected", published)}}));
}

TEST_P(StoreTest, APublicationWaitsForAWriteInProgressSoItsStateNeverChangesAfterwards) {
  auto other = OpenStoreOn(*database_);
  StoreResult<int64_t> published = 0;
  StoreResult<std::vector<StoredRow>> seen_when_published;
  std::thread publisher;
  // Between the write's change and its commit, another store publishes.
  Ok(store_->Write(
      org_, kAnn,
      [](const Snapshot&) {
        return std::vector<RowChange>{Add(Measures(), Measure("M1", "Rent collected"))};
      },
      /*dry_run=*/false,
      [&](size_t, size_t) {
        if (publisher.joinable()) return;
        publisher = std::thread([&] {
          published = other->Publish(org_, "2024-25 Q1", kBob);
          if (published) seen_when_published = other->Rows(org_, Measures(), *published);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }));
  ASSERT_TRUE(publisher.joinable());
  publisher.join();
  EXPECT_EQ(Describe(Ok(std::move(seen_when_published))),
            std::vector<std::string>{"M1 v1: M1|Rent collected"});
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Measures(), Ok(std::move(published))))),
            std::vector<std::string>{"M1 v1: M1|Rent collected"});
}

TEST_P(StoreTest, AStaleBaseVersionIsAConflictAndNothingIsWritten) {
  Ok(store_->Apply(org_, kAnn,
                   {Add(Measures(), Measure("M1", "Rent collected")),
                    Add(Measures(), Measure("M2", "Homes built"))}));
  int64_t latest =
      Ok(store_->Apply(org_, kBob, {Edit(Measures(), Measure("M1", "Rent collected (%)"), 1)}));
  std::vector<std::string> before = CurrentMeasures();

  // M2's edit is sound, M1's is on top of version 1: neither is written.
  auto stale = store_->Apply(org_, kAnn,
                             {Edit(Measures(), Measure("M2", "Homes built (net)"), 1),
                              Edit(Measures(), Measure("M1", "Rent"), 1)});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, StoreError::Kind::kConflict);
  EXPECT_EQ(stale.error().message, "measures M1: changed by someone else since version 1 was read");
  EXPECT_EQ(CurrentMeasures(), before);
  EXPECT_EQ(Ok(store_->LatestChange(org_)), latest);

  auto by_write = store_->Write(org_, kAnn, [](const Snapshot&) {
    return std::vector<RowChange>{Remove(Measures(), "M1", 1)};
  });
  ASSERT_FALSE(by_write);
  EXPECT_EQ(by_write.error().kind, StoreError::Kind::kConflict);
  EXPECT_EQ(CurrentMeasures(), before);
  EXPECT_EQ(Ok(store_->LatestChange(org_)), latest);

  // The store is usable after a conflict.
  Ok(store_->Apply(org_, kAnn, {Edit(Measures(), Measure("M1", "Rent"), 2)}));
  EXPECT_EQ(CurrentMeasures()[0], "M1 v3: M1|Rent");
}

TEST_P(StoreTest, AddingAKeyThatExistsIsAConflictAndNothingIsWritten) {
  int64_t latest =
      Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  auto again = store_->Apply(
      org_, kBob,
      {Add(Measures(), Measure("M2", "Homes built")), Add(Measures(), Measure("M1", "Rent"))});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, StoreError::Kind::kConflict);
  EXPECT_EQ(again.error().message, "measures M1: added by someone else meanwhile");
  EXPECT_EQ(CurrentMeasures(), std::vector<std::string>{"M1 v1: M1|Rent collected"});
  EXPECT_EQ(Ok(store_->LatestChange(org_)), latest);
}

// Two stores (two connections, as two requests or processes would have) apply `change(i)` at
// once; returns how each ended.
std::vector<StoreResult<int64_t>> Race(Store& a, Store& b, int64_t org,
                                       const std::function<RowChange(int)>& change) {
  std::vector<StoreResult<int64_t>> results(2, 0);
  std::latch start(2);
  auto run = [&](Store& store, int i) {
    start.arrive_and_wait();
    results[i] = store.Apply(org, i ? kBob : kAnn, {change(i)});
  };
  std::thread first(run, std::ref(a), 0);
  std::thread second(run, std::ref(b), 1);
  first.join();
  second.join();
  return results;
}

// One success and one conflict, in either order; returns which succeeded.
int OneSucceededOneConflicted(const std::vector<StoreResult<int64_t>>& results) {
  int winner = results[0] ? 0 : 1;
  const auto& loser = results[1 - winner];
  EXPECT_TRUE(results[winner]) << (results[winner] ? "" : results[winner].error().message);
  EXPECT_FALSE(loser) << "both writes succeeded";
  if (!loser) return winner;
  EXPECT_EQ(loser.error().kind, StoreError::Kind::kConflict) << loser.error().message;
  return winner;
}

TEST_P(StoreTest, TwoStoresAddingTheSameKeyEndInOneSuccessAndOneConflict) {
  auto other = OpenStoreOn(*database_);
  auto results = Race(*store_, *other, org_, [](int i) {
    return Add(Measures(), Measure("M1", fmt::format("added by {}", i)));
  });
  int winner = OneSucceededOneConflicted(results);
  EXPECT_EQ(CurrentMeasures(),
            std::vector<std::string>{fmt::format("M1 v1: M1|added by {}", winner)});
  EXPECT_EQ(Ok(store_->LatestChange(org_)), *results[winner]);
}

TEST_P(StoreTest, TwoStoresEditingOneRowFromTheSameVersionEndInOneSuccessAndOneConflict) {
  Ok(store_->Apply(org_, kAnn, {Add(Measures(), Measure("M1", "Rent collected"))}));
  auto other = OpenStoreOn(*database_);
  constexpr int kRounds = 5;
  for (int base = 1; base <= kRounds; ++base) {
    SCOPED_TRACE(fmt::format("from version {}", base));
    auto results = Race(*store_, *other, org_, [&](int i) {
      return Edit(Measures(), Measure("M1", fmt::format("edited by {}", i)), base);
    });
    int winner = OneSucceededOneConflicted(results);
    EXPECT_EQ(CurrentMeasures(),
              std::vector<std::string>{fmt::format("M1 v{}: M1|edited by {}", base + 1, winner)});
    EXPECT_EQ(Ok(store_->LatestChange(org_)), *results[winner]);
  }
  EXPECT_EQ(Ok(store_->History(org_, "M1")).size(), static_cast<size_t>(kRounds + 1));
}

TEST_P(StoreTest, WritesReadTheLatestStateSoConcurrentIncrementsAreNeverLost) {
  Ok(store_->Apply(org_, kAnn, {Add(Values(), Value("M1", "2024-25 Q1", "0"))}));
  auto other = OpenStoreOn(*database_);
  constexpr int kIncrements = 10;
  auto increment = [&](Store* store, std::string* error) {
    for (int i = 0; i < kIncrements && error->empty(); ++i) {
      auto r = store->Write(org_, kAnn, [](const Snapshot& s) {
        const StoredRow& row = s.at("values").begin()->second;
        int count = std::stoi(row.fields[2]);
        return std::vector<RowChange>{
            Edit(Values(), Value("M1", "2024-25 Q1", std::to_string(count + 1)), row.version)};
      });
      if (!r) *error = r.error().message;
    }
  };
  std::string first_error, second_error;
  std::thread first(increment, store_.get(), &first_error);
  std::thread second(increment, other.get(), &second_error);
  first.join();
  second.join();
  EXPECT_EQ(first_error, "");
  EXPECT_EQ(second_error, "");
  EXPECT_EQ(Describe(Ok(store_->Rows(org_, Values()))),
            std::vector<std::string>{fmt::format("M1/2024-25 Q1 v{}: M1|2024-25 Q1|{}",
                                                 2 * kIncrements + 1, 2 * kIncrements)});
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace scorecard
