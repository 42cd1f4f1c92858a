// Input that is never silently dropped or misread: each way it once was, tried as a user would,
// with the exact words Scorecard now says and, where an import is refused, the database unchanged.

#include <gtest/gtest.h>

#include <filesystem>

#include "cli_support.h"

namespace scorecard {
namespace {

// A council imported into its own database, ready to be changed and imported again.
class ImportedSeed {
 public:
  explicit ImportedSeed(const std::string& slug) : dir_(f_.path() + "/in") {
    CopySeed(slug, dir_);
    db_ = " --db sqlite:" + f_.path() + "/t.db";
    first_ = Scorecard("import " + dir_ + db_);
  }
  const std::string& dir() const { return dir_; }
  const std::string& db() const { return db_; }
  const CliResult& first() const { return first_; }
  const TempFolder& folder() const { return f_; }
  void Rename(const std::string& from, const std::string& to) const {
    std::filesystem::rename(dir_ + "/" + from, dir_ + "/" + to);
  }
  // What changed in the database since its first import.
  std::string Changes() const {
    return Scorecard("diff --org " + org_ + " --from change:1" + db_).out;
  }
  void set_org(std::string org) { org_ = std::move(org); }

 private:
  TempFolder f_;
  std::string dir_, db_, org_ = "derby-2012";
  CliResult first_;
};

TEST(InputTest, AMisnamedFileIsAnErrorAndTheImportChangesNothing) {
  ImportedSeed seed("derby-2012-q2");
  ASSERT_EQ(seed.first().exit_code, 0) << seed.first().out;
  const std::string unchanged = "0 differences between change 1 and change 1\n";
  for (auto [from, to] : {std::pair{"values.csv", "Values.csv"},
                          {"values.csv", "value.csv"},
                          {"values.csv", "values.csv.txt"},
                          {"targets.csv", "targets.CSV"}}) {
    SCOPED_TRACE(to);
    seed.Rename(from, to);
    std::string message = seed.dir() + "/" + to +
                          ": expected only the files Scorecard reads: did you mean " + from +
                          "? (keep files of your own under names starting x_)\n";
    CliResult check = Scorecard("check " + seed.dir());
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_EQ(check.out, message + seed.dir() + ": 1 problem; nothing was read\n");
    SplitResult import = ScorecardSplit("import " + seed.dir() + seed.db());
    EXPECT_EQ(import.exit_code, 1);
    EXPECT_EQ(import.out, "");
    EXPECT_NE(import.err.find(message + seed.dir() + ": 1 problem; nothing was imported\n"),
              std::string::npos)
        << import.err;
    EXPECT_EQ(Scorecard("import --dry-run " + seed.dir() + seed.db()).exit_code, 1);
    EXPECT_EQ(seed.Changes(), unchanged);
    seed.Rename(to, from);
  }
}

TEST(InputTest, AnAbsentFileLeavesItsTableAsStored) {
  ImportedSeed seed("derby-2012-q2");
  ASSERT_EQ(seed.first().exit_code, 0) << seed.first().out;
  std::filesystem::remove(seed.dir() + "/values.csv");
  SplitResult import = ScorecardSplit("import " + seed.dir() + seed.db());
  EXPECT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("values                      66 kept as stored: the source has no "
                            "such table\nreport_layouts               0 added       0 changed   "
                            "    0 removed       1 unchanged\nnothing changed\n"),
            std::string::npos)
      << import.out;
  EXPECT_EQ(seed.Changes(), "0 differences between change 1 and change 1\n");
}

TEST(InputTest, RemovingMoreThanATenthOfATableMustBeAllowedAndEveryRemovalIsListed) {
  ImportedSeed seed("derby-2012-q2");
  ASSERT_EQ(seed.first().exit_code, 0) << seed.first().out;
  std::string values = seed.folder().Read("in/values.csv");
  seed.folder().Write("in/values.csv", values.substr(0, values.find('\n') + 1));
  CliResult emptied = Scorecard("import " + seed.dir() + seed.db());
  EXPECT_EQ(emptied.exit_code, 1);
  EXPECT_NE(emptied.out.find(seed.dir() +
                             "/values.csv: would remove 66 of the 66 stored rows (AHH 01C 2012/13 "
                             "Q2, AHH S1 2012/13 Q2, CM PM02 2012/13 Q2 and 63 more): more than a "
                             "tenth, so the import must allow removals (--allow-removals)\n"),
            std::string::npos)
      << emptied.out;
  EXPECT_EQ(seed.Changes(), "0 differences between change 1 and change 1\n");

  // One row of 66 may go unasked; it is listed, and the rows after it keep their versions.
  std::string without = values;
  size_t at = without.find("\nCM PM13,");
  without.erase(at, without.find('\n', at + 1) - at);
  seed.folder().Write("in/values.csv", without);
  SplitResult one = ScorecardSplit("import " + seed.dir() + seed.db());
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(
      one.out.find("values                       0 added       0 changed       1 removed      "
                   "65 unchanged\nreport_layouts               0 added       0 changed       0 "
                   "removed       1 unchanged\nremoved values: CM PM13 2012/13 Q2\nimported "
                   "derby-2012 as change 2 (1 rows)\n"),
      std::string::npos)
      << one.out;

  seed.folder().Write("in/values.csv", values.substr(0, values.find('\n') + 1));
  SplitResult allowed = ScorecardSplit("import --allow-removals " + seed.dir() + seed.db());
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(allowed.out.find("removed values: CM PM11a 2012/13 Q2\n"), std::string::npos);
  EXPECT_NE(allowed.out.find("imported derby-2012 as change 3 (65 rows)"), std::string::npos)
      << allowed.out;
}

TEST(InputTest, AMissingMeasuresFileIsOneError) {
  TempFolder f;
  CopySeed("derby-2012-q2", f.path());
  std::filesystem::remove(f.path() + "/measures.csv");
  CliResult r = Scorecard("check " + f.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, f.path() +
                       "/measures.csv: expected this table (the tables that name its rows are "
                       "read once it is there)\n" +
                       f.path() + ": 1 problem; nothing was read\n");
}

TEST(InputTest, ReadingNeverCreatesADatabase) {
  TempFolder f;
  std::string none = f.path() + "/none.db";
  CliResult r = Scorecard("assess --org x --db sqlite:" + none);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "database: there is no database at " + none +
                       " (only import creates one)\nsqlite:" + none +
                       ": 1 problem; nothing was read\n");
  for (const std::string& command : std::vector<std::string>{"history M1", "diff --from change:1",
                                                             "export " + f.path() + "/out"}) {
    EXPECT_EQ(Scorecard(command + " --org x --db sqlite:" + none).exit_code, 1) << command;
  }
  EXPECT_EQ(Scorecard("integrity --db sqlite:" + none).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(none));

  // From another folder, the default database is ./var/scorecard.db: not made by reading.
  CliResult elsewhere = ScorecardIn(f.path(), "assess --org x");
  EXPECT_EQ(elsewhere.out,
            "database: there is no database at var/scorecard.db (only import creates one)\n"
            "sqlite:var/scorecard.db: 1 problem; nothing was read\n");
  EXPECT_FALSE(std::filesystem::exists(f.path() + "/var"));

  // A dry run, failed or not, leaves nothing either.
  CopySeed("derby-2012-q2", f.path() + "/in");
  EXPECT_EQ(Scorecard("import --dry-run " + f.path() + "/in --db sqlite:" + none).exit_code, 0);
  f.Write("in/measures.csv", "ref,title,unit,polarity,frequency\nM1,A,%,sideways,quarterly\n");
  EXPECT_EQ(Scorecard("import --dry-run " + f.path() + "/in --db sqlite:" + none).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(none));
}

TEST(InputTest, AnUnknownChangeOrRefIsAnError) {
  ImportedSeed seed("derby-2012-q2");
  ASSERT_EQ(seed.first().exit_code, 0) << seed.first().out;
  std::string org = " --org derby-2012" + seed.db();
  std::string db = seed.db().substr(6);  // sqlite:...
  CliResult unknown = Scorecard("assess --as-at change:999" + org);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out,
            "scorecard assess: --as-at: expected a change of this organisation: it has no change "
            "999 (its latest is 1)\n" +
                db + ": 1 problem; nothing was read\n");
  CliResult junk = Scorecard("assess --as-at change:0junk" + org);
  EXPECT_EQ(junk.exit_code, 1);
  EXPECT_EQ(junk.out,
            "scorecard assess: --as-at: expected a moment such as 2017-11-20T09:30 (UTC) or "
            "change:N, not \"change:0junk\"\n" +
                db + ": 1 problem; nothing was read\n");
  CliResult early = Scorecard("export " + seed.folder().path() + "/out --as-at 2001-01-01" + org);
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_EQ(early.out,
            "scorecard export: --as-at: expected a moment after the organisation's first change: "
            "it had no data at 2001-01-01\n" +
                db + ": 1 problem; nothing was exported\n");
  CliResult nope = Scorecard("history NOPE" + org);
  EXPECT_EQ(nope.exit_code, 1);
  EXPECT_EQ(nope.out, "scorecard history: no record of derby-2012 has ref \"NOPE\"\n" + db +
                          ": 1 problem; nothing was read\n");
}

TEST(InputTest, VerifyWithNothingToCompareFails) {
  TempFolder f;
  CopySeed("derby-2012-q2", f.path());
  CliResult r = Scorecard("verify " + f.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, f.path() +
                       ": expected expected.csv or expected_counts.csv: there is nothing to "
                       "compare\n" +
                       f.path() + ": 1 problem; nothing was read\n");
}

TEST(InputTest, APublishedPeriodIsPublishedAgainOnlyWithAReasonAndBothAreKept) {
  ImportedSeed seed("derby-2012-q2");
  ASSERT_EQ(seed.first().exit_code, 0) << seed.first().out;
  std::string org = " --org derby-2012" + seed.db();
  std::string db = seed.db().substr(6);
  CliResult future = Scorecard("publish --period \"2090/91 Q1\"" + org);
  EXPECT_EQ(future.exit_code, 1);
  EXPECT_EQ(future.out,
            "scorecard publish: --period: expected a period that has ended: 2090/91 Q1 runs "
            "until 2090-06-30\n" +
                db + ": 1 problem; nothing was published\n");
  CliResult first =
      Scorecard("publish --period \"2012/13 Q2\" --reason Cabinet --format html" + org);
  EXPECT_TRUE(first.out.starts_with("published the 2012/13 Q2 report as at change 2\nkept "))
      << first.out;

  // Figures change after publication.
  std::string values = seed.folder().Read("in/values.csv");
  size_t at = values.find("CM PM11a,2012/13 Q2,20.6,");
  ASSERT_NE(at, std::string::npos);
  values.replace(at, 25, "CM PM11a,2012/13 Q2,21.6,");
  seed.folder().Write("in/values.csv", values);
  ASSERT_EQ(Scorecard("import " + seed.dir() + seed.db()).exit_code, 0);

  CliResult again = Scorecard("publish --period \"2012/13 Q2\" --author ann" + org);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("scorecard publish: --period: the 2012/13 Q2 report was published at "
                           "change 2 on "),
            std::string::npos)
      << again.out;
  EXPECT_NE(again.out.find(": to publish it again in its place, say why (--supersede "
                           "\"reason\")\n" +
                           db + ": 1 problem; nothing was published\n"),
            std::string::npos)
      << again.out;
  std::string as_published = " --published --period \"2012/13 Q2\" --format csv" + org;
  EXPECT_NE(Scorecard("assess" + as_published).out.find("CM PM11a,2012/13 Q2,20.6,"),
            std::string::npos);

  CliResult superseded = Scorecard(
      "publish --period \"2012/13 Q2\" --supersede \"figures corrected\" --format html" + org);
  EXPECT_TRUE(superseded.out.starts_with(
      "published the 2012/13 Q2 report again as at change 4, in place of change 2\nkept "))
      << superseded.out;
  EXPECT_NE(Scorecard("assess" + as_published).out.find("CM PM11a,2012/13 Q2,21.6,"),
            std::string::npos);
  CliResult history = Scorecard("diff --from change:2 --to change:4" + org);
  EXPECT_NE(history.out.find("changed values CM PM11a 2012/13 Q2"), std::string::npos);

  CliResult never = Scorecard("publish --period \"2012/13 Q1\" --supersede \"why not\"" + org);
  EXPECT_EQ(never.out,
            "scorecard publish: --supersede: the 2012/13 Q1 report has not been published, so "
            "there is nothing to supersede\n" +
                db + ": 1 problem; nothing was published\n");
}

}  // namespace
}  // namespace scorecard
