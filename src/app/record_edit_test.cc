// The edit use cases (a value, a rating, an assessment, a score) on both backends, over the
// Derby 2021/22 Q2 seed: each saves a new version that the council read back shows, refuses a
// stale base, an unknown record and bad input exactly as an import would, and leaves data that
// a re-import of its export finds unchanged.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "app/assess.h"
#include "app/assess_project.h"
#include "app/enter_value.h"
#include "app/import_council.h"
#include "app/rate_action.h"
#include "app/score_risk.h"
#include "app/stored_council.h"
#include "io/file_source.h"
#include "io/folder.h"
#include "io/test_seeds.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace scorecard {
namespace {

using ::testing::ElementsAre;

constexpr const char* kOrg = "derby-2021";
constexpr const char* kQ2 = "2021/22 Q2";
const ChangeInfo kAnn{"ann@derby.gov.uk", "figures from the service", ""};

// Each issue as the CLI prints it, with its code: "form: column value: expected ... [code]".
std::vector<std::string> Described(const Issues& issues) {
  std::vector<std::string> out;
  for (const Issue& i : issues) {
    out.push_back(i.ToString() + (i.code.empty() ? "" : " [" + i.code + "]"));
  }
  return out;
}
template <typename T>
std::vector<std::string> Described(const Result<T>& r) {
  return r ? std::vector<std::string>{"succeeded"} : Described(r.error().issues);
}
template <typename T>
std::string KindOf(const Result<T>& r) {
  if (r) return "succeeded";
  switch (r.error().kind) {
    case Failure::Kind::kInvalid:
      return "invalid";
    case Failure::Kind::kNotFound:
      return "not found";
    case Failure::Kind::kConflict:
      return "conflict";
    case Failure::Kind::kUnavailable:
      return "unavailable";
    case Failure::Kind::kInternal:
      break;
  }
  return "internal";
}

EditBasis Basis(int base_version) { return {kOrg, base_version, kAnn}; }

ValueEntry Value(int base, std::string value, std::string period = kQ2) {
  ValueEntry e;
  e.basis = Basis(base);
  e.ref = "PL-M02";
  e.period = std::move(period);
  e.value = std::move(value);
  return e;
}
ActionRatingEntry Rating(int base, std::string rating, std::string period = kQ2) {
  return {Basis(base), "PL-A01", std::move(period), std::move(rating), "Lease signed"};
}
ProjectAssessmentEntry Assessment(int base, std::string rag, std::string period = kQ2) {
  ProjectAssessmentEntry e;
  e.basis = Basis(base);
  e.ref = "PL-P01";
  e.period = std::move(period);
  e.rag = std::move(rag);
  e.commentary = "Roof finished";
  return e;
}
RiskScoreEntry Score(int base, std::string likelihood, std::string impact,
                     std::string period = kQ2) {
  RiskScoreEntry e;
  e.basis = Basis(base);
  e.ref = "SR 19";
  e.period = std::move(period);
  e.likelihood = std::move(likelihood);
  e.impact = std::move(impact);
  return e;
}

class RecordEditTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    RequireBackend(GetParam());
    if (IsSkipped() || HasFatalFailure()) return;
    auto db = TestDatabase::Create(GetParam());
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    auto store = OpenStore(db_->url(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    DiskFileSource seed(SeedDir("derby-2021-q2"));
    auto imported = Import(FolderTableSource(seed));
    ASSERT_TRUE(imported) << imported.error().issues.front().ToString();
    org_ = *store_->FindOrganisation(kOrg);
  }

  Result<ImportReport> Import(const TableSource& source) {
    clock_.Advance(1'000'000);
    return ImportCouncil(*store_, source, {kOrg, {"tester", "seed", "test"}, false, false, {}});
  }

  int64_t LatestChange() { return *store_->LatestChange(org_); }

  // The stored row's fields, "|"-separated, trailing empty fields left off; "absent" if none.
  std::string Stored(std::string_view table, std::vector<std::string> key) {
    std::string joined;
    for (const std::string& part : key) joined += (joined.empty() ? "" : "\x1F") + part;
    auto row = store_->CurrentRow(org_, SpecOf(table), joined);
    if (!row) return "error: " + row.error().message;
    if (!*row) return "absent";
    std::vector<std::string>& fields = (*row)->fields;
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    std::string out = "v" + std::to_string((*row)->version) + ":";
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : " ") + fields[i];
    return out;
  }

  Council Loaded() {
    auto council = LoadCouncil(*store_, kOrg);
    if (!council) throw std::runtime_error(council.error().front().ToString());
    return std::move(*council);
  }

  // Moves the clock on, so that each edit's change has a moment of its own.
  template <typename Entry, typename UseCase>
  Result<Saved> Edit(UseCase use_case, const Entry& entry) {
    clock_.Advance(1'000'000);
    return use_case(*store_, entry);
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Store> store_;
  int64_t org_ = 0;
};

TEST_P(RecordEditTest, EnteringAValueSavesTheNextVersionAndTheAssessmentUsesIt) {
  int64_t before = LatestChange();
  auto saved = Edit(EnterValue, Value(1, "150"));
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->change, before + 1);
  EXPECT_EQ(Stored("values", {"PL-M02", kQ2}), "v2: PL-M02|2021/22 Q2|150");

  auto assessed = AssessCouncil(LoadCouncil(*store_, kOrg), std::nullopt);
  ASSERT_TRUE(assessed);
  auto m = std::find_if(assessed->now.begin(), assessed->now.end(),
                        [](const MeasureAssessment& a) { return a.measure->ref == "PL-M02"; });
  ASSERT_NE(m, assessed->now.end());
  EXPECT_EQ(m->number, 150);
}

TEST_P(RecordEditTest, EnteringAValueForANewPeriodAddsItAfterTheOtherValues) {
  auto saved = Edit(EnterValue, Value(0, "210", "Q3 2021/22"));
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(Stored("values", {"PL-M02", "2021/22 Q3"}), "v1: PL-M02|2021/22 Q3|210");
  Council council = Loaded();
  const Measure* m = council.FindMeasure("PL-M02");
  ASSERT_NE(m->ValueFor(*ParsePeriod("2021/22 Q3")), nullptr);
  EXPECT_EQ(m->ValueFor(*ParsePeriod("2021/22 Q3"))->number, 210);
  auto exported = ExportFiles(*store_, kOrg);
  ASSERT_TRUE(exported);
  const std::string& values = exported->at("values.csv");
  EXPECT_TRUE(values.ends_with("\nPL-M02,2021/22 Q3,210,,,,,,,,,,,\n")) << values;
}

TEST_P(RecordEditTest, EveryFieldOfAValueIsSavedInCanonicalForm) {
  ValueEntry e = Value(1, " 1,234.50 ", "Q2 2021/22");
  e.numerator = "12";
  e.denominator = "3.0";
  e.flags = "estimated";
  e.forecast = "2,000";
  e.status = "red";
  e.status_reason = "the service's own view";
  e.forecast_status = "green";
  e.context = "Context";
  e.actions = "Actions";
  e.intervention = "Intervention";
  e.note = "Note";
  auto saved = Edit(EnterValue, e);
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(Stored("values", {"PL-M02", kQ2}),
            "v2: PL-M02|2021/22 Q2|1234.50|12|3.0|estimated|2000|red|the service's own view|green|"
            "Context|Actions|Intervention|Note");
  Council council = Loaded();
  const MeasureValue* v = council.FindMeasure("PL-M02")->ValueFor(*ParsePeriod(kQ2));
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->number, 1234.5);
  EXPECT_EQ(v->words().status, "red");
  EXPECT_EQ(v->words().note, "Note");
}

TEST_P(RecordEditTest, AFigureTheImportWouldWarnOfIsSavedWithTheWarning) {
  // PE-M05 is a % measure with a target of 61% for 2021/22.
  ValueEntry e = Value(0, "0.6", "2021/22 Q3");
  e.ref = "PE-M05";
  auto saved = Edit(EnterValue, e);
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(saved->version, 1);
  EXPECT_THAT(Described(saved->warnings),
              ElementsAre("warning: form: column value: 0.6 looks like a fraction beside the "
                          "target of 61%: if it is 60%, write 60 [values.looks-like-fraction]"));
}

// Regression: a measure that rolls up from its parts was read alone, and the import's rule that
// a roll-up needs parts refused every figure entered for it.
TEST_P(RecordEditTest, AMeasureRolledUpFromItsPartsAndItsPartsTakeFiguresAsAnImportWould) {
  DiskFileSource seed(SeedDir("south-derbyshire-2017-q2"));
  clock_.Advance(1'000'000);
  auto imported =
      ImportCouncil(*store_, FolderTableSource(seed),
                    {"south-derbyshire-2017", {"tester", "seed", "test"}, false, false, {}});
  ASSERT_TRUE(imported) << imported.error().issues.front().ToString();
  for (const char* ref : {"PE4.1", "PE4.1 (Rosliston)"}) {
    SCOPED_TRACE(ref);
    ValueEntry e = Value(0, "61000", "2017/18 Q3");
    e.basis.org_code = "south-derbyshire-2017";
    e.ref = ref;
    auto saved = Edit(EnterValue, e);
    ASSERT_TRUE(saved) << Described(saved).front();
    EXPECT_EQ(saved->version, 1);
  }
}

TEST_P(RecordEditTest, EnteringWhatIsStoredAlreadyWritesNothing) {
  ASSERT_TRUE(Edit(EnterValue, Value(1, "1500")));
  int64_t before = LatestChange();
  auto saved = Edit(EnterValue, Value(2, " 1,500 "));
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->change, 0);
  EXPECT_EQ(LatestChange(), before);
}

TEST_P(RecordEditTest, RatingAnActionSavesItForTheCouncil) {
  auto saved = Edit(RateAction, Rating(1, "some-slippage"));
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(Stored("action_ratings", {"PL-A01", kQ2}),
            "v2: PL-A01|2021/22 Q2|some-slippage|Lease signed");
  Council council = Loaded();
  const Action& a = *std::find_if(council.actions.begin(), council.actions.end(),
                                  [](const Action& a) { return a.ref == "PL-A01"; });
  EXPECT_EQ(a.RatingAt(*ParsePeriod(kQ2)), ActionRating::kSomeSlippage);
}

TEST_P(RecordEditTest, AssessingAProjectSavesItForTheCouncil) {
  ProjectAssessmentEntry e = Assessment(1, "");
  e.time = "yes";
  e.cost = "n";
  e.scope = "Y";
  e.benefits = "yes";
  e.dca = "amber-red";
  auto saved = Edit(AssessProject, e);
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(Stored("project_assessments", {"PL-P01", kQ2}),
            "v2: PL-P01|2021/22 Q2|yes|no|yes|yes||amber-red||Roof finished");
  Council council = Loaded();
  const Project& p = *std::find_if(council.projects.begin(), council.projects.end(),
                                   [](const Project& p) { return p.ref == "PL-P01"; });
  const ProjectAssessment* a = p.AssessmentFor(*ParsePeriod(kQ2));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->rag, Rag::kAmberGreen);  // one criterion not within tolerance
  EXPECT_EQ(a->dca, Rag::kAmberRed);
}

TEST_P(RecordEditTest, ScoringARiskSavesItForTheCouncil) {
  RiskScoreEntry e = Score(1, "2", "4");
  e.commentary = "Furlough has ended";
  auto saved = Edit(ScoreRisk, e);
  ASSERT_TRUE(saved) << Described(saved).front();
  EXPECT_EQ(Stored("risk_scores", {"SR 19", kQ2, ""}),
            "v2: SR 19|2021/22 Q2|2|4|||Furlough has ended");
  Council council = Loaded();
  const Risk& r = *std::find_if(council.risks.begin(), council.risks.end(),
                                [](const Risk& r) { return r.ref == "SR 19"; });
  const RiskScore* s = r.ScoreFor(*ParsePeriod(kQ2), RiskKind::kThreat);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->score, 8);
}

// Each use case, editing its record of 2021/22 Q2 (stored at version 1) or adding one for Q3,
// with a variant of the input (0, 1, ...) so that two edits differ.
struct UseCase {
  std::string name;
  std::function<Result<Saved>(Store&, int base, int variant, const std::string& period)> edit;
};
std::vector<UseCase> UseCases() {
  return {
      {"value",
       [](Store& s, int base, int v, const std::string& p) {
         return EnterValue(s, Value(base, std::to_string(130 + v), p));
       }},
      {"rating",
       [](Store& s, int base, int v, const std::string& p) {
         return RateAction(s, Rating(base, v % 2 ? "major-slippage" : "some-slippage", p));
       }},
      {"assessment",
       [](Store& s, int base, int v, const std::string& p) {
         return AssessProject(s, Assessment(base, v % 2 ? "green" : "amber-green", p));
       }},
      {"score",
       [](Store& s, int base, int v, const std::string& p) {
         return ScoreRisk(s, Score(base, std::to_string(1 + v % 4), "2", p));
       }},
  };
}

TEST_P(RecordEditTest, ASecondEditFromTheSameBaseIsAConflictAndWritesNothing) {
  const std::map<std::string, std::string> kRecords = {
      {"value", "the value of PL-M02 for 2021/22 Q2"},
      {"rating", "the rating of PL-A01 for 2021/22 Q2"},
      {"assessment", "the assessment of PL-P01 for 2021/22 Q2"},
      {"score", "the score of SR 19 for 2021/22 Q2"}};
  for (const UseCase& u : UseCases()) {
    SCOPED_TRACE(u.name);
    clock_.Advance(1'000'000);
    auto first = u.edit(*store_, 1, 0, kQ2);
    ASSERT_TRUE(first) << Described(first).front();
    EXPECT_EQ(first->version, 2);
    int64_t after_first = LatestChange();
    auto second = u.edit(*store_, 1, 1, kQ2);
    EXPECT_EQ(KindOf(second), "conflict");
    EXPECT_THAT(Described(second),
                ElementsAre("form: " + kRecords.at(u.name) +
                            " has been changed by someone else since you read it [edit.conflict]"));
    EXPECT_EQ(LatestChange(), after_first);
    // The first edit stands: its content again is no change.
    auto again = u.edit(*store_, 2, 0, kQ2);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->change, 0);
  }
}

// Regression: an edit checks the council with its stored layouts, which [reports] default
// names one of; without them every edit was refused.
TEST_P(RecordEditTest, EveryEditWorksForACouncilWithADefaultReportLayout) {
  DiskFileSource seed(SeedDir("derby-2021-q2"));
  MemoryFileSource files;
  for (const std::string& name : seed.List("")) {
    std::string error;
    if (auto text = seed.Read(name, &error)) files.files[name] = *text;
  }
  for (const std::string& name : seed.List("reports")) {
    std::string error;
    if (auto text = seed.Read("reports/" + name, &error)) files.files["reports/" + name] = *text;
  }
  // The seed names its own default layout (reports/highlights.toml).
  ASSERT_NE(files.files["scorecard.toml"].find("[reports]\ndefault = \"highlights\""),
            std::string::npos);
  auto imported = Import(FolderTableSource(files));
  ASSERT_TRUE(imported) << imported.error().issues.front().ToString();
  for (const UseCase& u : UseCases()) {
    SCOPED_TRACE(u.name);
    clock_.Advance(1'000'000);
    auto saved = u.edit(*store_, 1, 1, kQ2);
    ASSERT_TRUE(saved) << Described(saved).front();
    EXPECT_EQ(saved->version, 2);
  }
}

TEST_P(RecordEditTest, AStaleOrMadeUpBaseIsAConflict) {
  for (const UseCase& u : UseCases()) {
    SCOPED_TRACE(u.name);
    int64_t before = LatestChange();
    EXPECT_EQ(KindOf(u.edit(*store_, 0, 1, kQ2)), "conflict");  // there is one already
    EXPECT_EQ(KindOf(u.edit(*store_, 7, 1, kQ2)), "conflict");
    EXPECT_EQ(KindOf(u.edit(*store_, 1, 1, "2021/22 Q4")), "conflict");  // there is none yet
    EXPECT_EQ(LatestChange(), before);
    auto added = u.edit(*store_, 0, 1, "2021/22 Q4");
    ASSERT_TRUE(added) << Described(added).front();
    EXPECT_EQ(added->version, 1);
    EXPECT_EQ(KindOf(u.edit(*store_, 0, 2, "2021/22 Q4")), "conflict");
  }
}

TEST_P(RecordEditTest, AnUnknownRecordOrOrganisationIsNotFound) {
  ValueEntry value = Value(0, "1");
  value.ref = "PL-M99";
  ActionRatingEntry rating = Rating(0, "on-track");
  rating.ref = "PL-A99";
  ProjectAssessmentEntry assessment = Assessment(0, "green");
  assessment.ref = "PL-P99";
  RiskScoreEntry score = Score(0, "1", "1");
  score.ref = "SR 99";
  int64_t before = LatestChange();
  auto m = Edit(EnterValue, value);
  EXPECT_EQ(KindOf(m), "not found");
  EXPECT_THAT(Described(m), ElementsAre("form: column ref: expected the ref of a measure, not "
                                        "\"PL-M99\" [edit.unknown-ref]"));
  auto a = Edit(RateAction, rating);
  EXPECT_EQ(KindOf(a), "not found");
  EXPECT_THAT(Described(a), ElementsAre("form: column ref: expected the ref of an action or "
                                        "milestone, not \"PL-A99\" [edit.unknown-ref]"));
  auto p = Edit(AssessProject, assessment);
  EXPECT_EQ(KindOf(p), "not found");
  EXPECT_THAT(Described(p), ElementsAre("form: column ref: expected the ref of a project, not "
                                        "\"PL-P99\" [edit.unknown-ref]"));
  auto r = Edit(ScoreRisk, score);
  EXPECT_EQ(KindOf(r), "not found");
  EXPECT_THAT(Described(r), ElementsAre("form: column ref: expected the ref of a risk, not "
                                        "\"SR 99\" [edit.unknown-ref]"));
  value = Value(1, "1");
  value.basis.org_code = "derby";
  auto o = Edit(EnterValue, value);
  EXPECT_EQ(KindOf(o), "not found");
  EXPECT_THAT(Described(o), ElementsAre("form: column organisation: expected the code of an "
                                        "organisation in the database, not \"derby\" "
                                        "[edit.unknown-organisation]"));
  EXPECT_EQ(LatestChange(), before);
}

TEST_P(RecordEditTest, BadValuesGiveTheImportsIssuesNamingEachField) {
  int64_t before = LatestChange();
  ValueEntry e = Value(1, "lots");
  e.forecast = "more";
  e.flags = "guess";
  e.status = "purple";
  auto bad = Edit(EnterValue, e);
  EXPECT_EQ(KindOf(bad), "invalid");
  EXPECT_THAT(
      Described(bad),
      ElementsAre("form: column value: expected a number such as 82.5 or 17,931, not "
                  "\"lots\" [table.number]",
                  "form: column forecast: expected a number such as 82.5 or 17,931, not "
                  "\"more\" [table.number]",
                  "form: column flags: expected flags from provisional, estimated, "
                  "correction, awaiting, not-available, not-due, under-development, "
                  "separated by ; [values.flags]",
                  "form: column status: expected a status of scheme derby-2021 (blue, "
                  "green, amber, red, or a special status), not \"purple\" [values.status]"));

  e = Value(1, "12");
  e.status = "red";
  auto no_reason = Edit(EnterValue, e);
  EXPECT_EQ(KindOf(no_reason), "invalid");
  EXPECT_THAT(Described(no_reason),
              ElementsAre("form: column status_reason: expected the reason for the officer's "
                          "override [values.no-status-reason]"));

  auto bad_period = Edit(EnterValue, Value(0, "12", "2021/22 Q5"));
  EXPECT_EQ(KindOf(bad_period), "invalid");
  EXPECT_THAT(
      Described(bad_period),
      ElementsAre("form: column period: expected a period such as 2017/18, 2017/18 Q2, "
                  "2017-09, AY 2017/18, 2015 or 2017-09-30, not \"2021/22 Q5\" [table.period]"));
  auto empty = Edit(EnterValue, Value(1, ""));
  EXPECT_THAT(Described(empty),
              ElementsAre("form: column value: expected a value, or flags saying why there is "
                          "none [values.no-value]"));
  EXPECT_EQ(LatestChange(), before);
}

TEST_P(RecordEditTest, BadRatingsAssessmentsAndScoresGiveTheImportsIssues) {
  int64_t before = LatestChange();
  auto rating = Edit(RateAction, Rating(1, "brilliant"));
  EXPECT_EQ(KindOf(rating), "invalid");
  EXPECT_THAT(Described(rating),
              ElementsAre("form: column rating: expected a rating: completed, on-track, "
                          "some-slippage, needs-attention, major-slippage, aborted, not-rated or "
                          "not-due [actions.rating]"));

  ProjectAssessmentEntry a = Assessment(1, "green");
  a.time = "yes";
  auto assessment = Edit(AssessProject, a);
  EXPECT_EQ(KindOf(assessment), "invalid");
  EXPECT_THAT(Described(assessment),
              ElementsAre("form: column time: expected all four key criteria (time, cost, "
                          "scope, benefits) or none [projects.some-criteria]"));

  RiskScoreEntry s = Score(1, "2", "3");
  s.score = "7";
  auto score = Edit(ScoreRisk, s);
  EXPECT_EQ(KindOf(score), "invalid");
  EXPECT_THAT(Described(score),
              ElementsAre("form: column score: expected likelihood x impact = 2 x 3 = 6, not 7 "
                          "[risks.score-not-product]"));

  // SR 19 is a threat: its score for the period (kind left empty) is its threat score.
  s = Score(0, "2", "3");
  s.kind = "threat";
  auto twice = Edit(ScoreRisk, s);
  EXPECT_EQ(KindOf(twice), "invalid");
  EXPECT_THAT(Described(twice),
              ElementsAre("form: column period: expected one threat score per risk and period: "
                          "SR 19 2021/22 Q2 already has one [risks.score-twice]"));
  EXPECT_EQ(LatestChange(), before);
}

TEST_P(RecordEditTest, ReimportingTheExportAfterEditsChangesNothing) {
  for (const UseCase& u : UseCases()) {
    SCOPED_TRACE(u.name);
    clock_.Advance(1'000'000);
    ASSERT_TRUE(u.edit(*store_, 1, 3, kQ2));
    ASSERT_TRUE(u.edit(*store_, 0, 3, "Q3 2021/22"));
  }
  ValueEntry e = Value(0, "17,931.50", "Q3 2021/22");
  e.ref = "PL-M01";
  ASSERT_TRUE(Edit(EnterValue, e));
  auto exported = ExportFiles(*store_, kOrg);
  ASSERT_TRUE(exported);
  MemoryFileSource files;
  files.files = *exported;
  auto again = Import(FolderTableSource(files));
  ASSERT_TRUE(again) << again.error().issues.front().ToString();
  EXPECT_EQ(again->total_changes(), 0);
  EXPECT_EQ(again->change, 0);
}

TEST_P(RecordEditTest, HistoryShowsTheEditWithItsAuthorReasonAndSource) {
  ValueEntry e = Value(1, "150");
  e.basis.change = {"bob@derby.gov.uk", "corrected after audit", ""};
  auto saved = Edit(EnterValue, e);
  ASSERT_TRUE(saved);
  RiskScoreEntry s = Score(1, "1", "2");
  s.basis.change.source = "api";
  auto scored = Edit(ScoreRisk, s);
  ASSERT_TRUE(scored);

  auto history = store_->History(org_, "PL-M02");
  ASSERT_TRUE(history);
  std::vector<std::string> values;
  for (const Version& v : *history) {
    if (v.table != "values" || KeyText(v.key) != "PL-M02 2021/22 Q2") continue;
    values.push_back(
        fmt::format("v{} {} {} {} ended={}", v.version, v.change, v.author, v.reason, v.ended));
  }
  EXPECT_THAT(values, ElementsAre("v1 1 tester seed ended=true",
                                  fmt::format("v2 {} bob@derby.gov.uk corrected after audit "
                                              "ended=false",
                                              saved->change)));
  auto sources = store_->database().Query(
      "SELECT id, source FROM changes WHERE id >= $1 ORDER BY id", {saved->change});
  ASSERT_TRUE(sources);
  EXPECT_EQ(*sources, (std::vector<ResultRow>{{std::to_string(saved->change), "web edit"},
                                              {std::to_string(scored->change), "api"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordEditTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace scorecard
