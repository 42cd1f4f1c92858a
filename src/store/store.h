#pragma once
// Scorecard's data in a SQL database (SQLite or PostgreSQL, through Database). Each interchange
// table is stored as versions of rows: a write never overwrites, it ends the current version and
// adds the next, as part of a change (who, when, why). Any moment's state is therefore a filter,
// and every query is scoped to one organisation.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.h"
#include "io/interchange.h"
#include "store/database.h"

namespace scorecard {

// The configuration (scorecard.toml) is stored as a one-row table of its own.
const TableSpec& ConfigSpec();
// The report layouts are a table of their own: a row per layout, its name and its text.
const TableSpec& ReportLayoutSpec();
// Every stored table: the configuration, the interchange tables in dependency order, then the
// report layouts.
const std::vector<const TableSpec*>& StoredTables();
// The key naming a row: its key columns' values joined by U+001F.
std::string RowKey(const TableSpec& spec, const std::vector<std::string>& fields);
// A row key as people read it, its parts separated by spaces: "PI 01 2017/18 Q2".
std::string KeyText(std::string key);

struct StoredRow {
  std::string key;
  int version = 0;
  int64_t seq = 0;                  // the row's place in its table, as imported
  std::vector<std::string> fields;  // in spec.columns() order
};

// What every change records: who made it, why, and from where (a file, the web).
struct ChangeInfo {
  std::string author, reason, source;
};

// A planned change to one row: its new fields (none: the row is removed; fields left off the end
// are empty), made on top of `base_version` (0: the row must not exist yet), at place `seq` in
// its table (kSeqAtEnd: after every other row of the table as the change leaves it).
struct RowChange {
  static constexpr int64_t kSeqAtEnd = -1;

  const TableSpec* table = nullptr;
  std::string key;
  std::optional<std::vector<std::string>> fields;
  int base_version = 0;
  int64_t seq = 0;
};

// The current rows of every stored table, by table name and row key.
using Snapshot = std::map<std::string_view, std::map<std::string, StoredRow>>;

struct Version {
  std::string table, key;
  int version = 0;
  int64_t change = 0;
  Moment at = 0;
  std::string author, reason;
  bool ended = false;
  std::vector<std::string> fields;
};

struct ChangeRecord {
  int64_t id = 0;
  Moment at = 0;
  std::string author, reason, source;
};

struct Publication {
  std::string period;
  int64_t change = 0;  // the data as published is the data as at this change
  Moment at = 0;
  std::string author, note;
};

// A file of a published report as it is given to be stored: its name in the report
// ("report.html", "csv/scorecard.csv"), its format (html, csv, xlsx, pdf) and its bytes.
struct ReportFile {
  std::string name, format, content;
};

// A stored file of a published report: its size and SHA-256 (64 lower-case hex digits) as
// recorded when it was published, and its bytes as the database holds them now, which a reader
// checks against them.
struct PublishedFile {
  std::string name, format;
  int64_t size = 0;
  std::string sha256;
  std::string content;
};

// Makes a publication's files once its change is made: called inside the publication's
// transaction, with the organisation locked, so that what it reads through the same Store as at
// `publication.change` is exactly what the publication froze. An error it returns ends the
// publication, and nothing is written.
using PublicationFiles = std::function<StoreResult<std::vector<ReportFile>>(const Publication&)>;

struct Difference {
  std::string table, key;
  std::optional<std::vector<std::string>> before, after;  // none: absent at that moment
};

class Store {
 public:
  // REQUIRES: the database is migrated; `clock` outlives the store.
  Store(std::unique_ptr<Database> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

  Database& database() { return *db_; }

  StoreResult<int64_t> EnsureOrganisation(std::string_view code, std::string_view name);
  StoreResult<int64_t> FindOrganisation(std::string_view code);
  // The latest change of the organisation at or before the moment; 0 if none.
  StoreResult<int64_t> ChangeAt(int64_t org, Moment moment);
  StoreResult<int64_t> LatestChange(int64_t org);
  // The organisation's change with this id; kNotFound if it has none.
  StoreResult<ChangeRecord> FindChange(int64_t org, int64_t id);

  // The table's rows as they were after change `as_at` (now, if none), ordered by key.
  StoreResult<std::vector<StoredRow>> Rows(int64_t org, const TableSpec& spec,
                                           std::optional<int64_t> as_at = std::nullopt);
  // The current version of the row with key `key`; nullopt if there is none.
  StoreResult<std::optional<StoredRow>> CurrentRow(int64_t org, const TableSpec& spec,
                                                   std::string_view key);
  // The current rows whose key begins with the key columns `leading` (a measure's targets: its
  // ref), in table order. REQUIRES: leading.size() < spec.key.size().
  StoreResult<std::vector<StoredRow>> CurrentRowsStartingWith(
      int64_t org, const TableSpec& spec, const std::vector<std::string>& leading);
  // The current rows whose `column` holds `value` (a measure's parts: parent is its ref), in
  // table order. Reads every current row of the organisation's table: for small tables.
  StoreResult<std::vector<StoredRow>> CurrentRowsWith(int64_t org, const TableSpec& spec,
                                                      std::string_view column,
                                                      std::string_view value);

  // Reads the current rows, asks `plan` what to change, and applies it as one change, in one
  // transaction with the organisation locked against other writers. A change made on top of a
  // version that is no longer current is a conflict, and nothing is written. With `dry_run`
  // nothing is written either. Returns the change's id (0 when there was nothing to change).
  // `progress` (if given) hears how many of the planned rows have been written.
  StoreResult<int64_t> Write(int64_t org, const ChangeInfo& info,
                             const std::function<std::vector<RowChange>(const Snapshot&)>& plan,
                             bool dry_run = false,
                             const std::function<void(size_t done, size_t total)>& progress = {});
  // Applies given changes (each on top of the version it was read at). `versions` (if given)
  // receives each row's new version, in the order of the changes (0 for a removal).
  StoreResult<int64_t> Apply(int64_t org, const ChangeInfo& info,
                             const std::vector<RowChange>& changes,
                             std::vector<int>* versions = nullptr);

  // Every version of the rows whose key is `ref` or starts with `ref` and a key separator.
  StoreResult<std::vector<Version>> History(int64_t org, std::string_view ref);
  // What differs between the state after change `from` and after change `to`.
  StoreResult<std::vector<Difference>> Diff(int64_t org, int64_t from, int64_t to);

  // Problems with the stored data, none if it is whole: the database's own check (SQLite's
  // integrity_check), then every version must have been made, and ended, by changes of its own
  // organisation, in that order, and no row may have two current versions; and every published
  // file must still have the size and SHA-256 recorded when it was published.
  StoreResult<std::vector<std::string>> CheckIntegrity();

  // Records that the report for `period` was published as the data stands now. A period already
  // published is published again only in place of its latest publication, named by
  // `supersedes` (its change); otherwise, or if that is no longer the latest, kConflict. Every
  // publication is kept, with its files: those `files` (if given) makes, stored in the same
  // transaction with their size and SHA-256. Two files of one name are kInvalid.
  StoreResult<int64_t> Publish(int64_t org, std::string_view period, const ChangeInfo& info,
                               std::optional<int64_t> supersedes = std::nullopt,
                               const PublicationFiles& files = {});
  // The files stored with the period's publication at `change`, in the order they were given;
  // none if it has none (or there is no such publication).
  StoreResult<std::vector<PublishedFile>> PublishedFiles(int64_t org, std::string_view period,
                                                         int64_t change);
  // The change a period's report was last published at; kNotFound if it never was.
  StoreResult<int64_t> PublishedAt(int64_t org, std::string_view period);
  // Every publication of the period's report, the first first.
  StoreResult<std::vector<Publication>> Publications(int64_t org, std::string_view period);

 private:
  StoreResult<Snapshot> ReadSnapshot(int64_t org);
  StoreResult<int64_t> ApplyLocked(int64_t org, const ChangeInfo& info,
                                   const std::vector<RowChange>& changes,
                                   const std::function<void(size_t, size_t)>& progress = {},
                                   std::vector<int>* versions = nullptr);
  StoreResult<void> LockOrganisation(int64_t org);
  StoreResult<void> AddPublishedFiles(int64_t org, const Publication& publication,
                                      const std::vector<ReportFile>& files);
  StoreResult<std::vector<std::string>> CheckPublishedFiles();

  std::unique_ptr<Database> db_;
  const Clock& clock_;
};

}  // namespace scorecard
