// Readers of framework.csv and of the actions, projects and risks tables.

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "domain/text.h"
#include "io/readers.h"
#include "io/table.h"

namespace scorecard {
namespace {

void CheckNode(Table& t, const CsvRow& row, const Council& council) {
  std::string_view node = t.Text(row, "node");
  if (!node.empty() && !council.framework.Find(node)) {
    t.Report(row, "node", "items.unknown-node", {{"node", std::string(node)}});
  }
}

// Reads the ref and title every item table starts with; false (and an issue) if unusable.
bool RefAndTitle(Table& t, const CsvRow& row, std::set<std::string>& seen, std::string* ref,
                 std::string* title) {
  auto r = t.Required(row, "ref", "a reference");
  auto ti = t.Required(row, "title", "a title");
  if (!r || !ti) return false;
  if (!seen.insert(*r).second) {
    t.Report(row, "ref", "items.ref-twice", {{"ref", *r}});
    return false;
  }
  *ref = *r;
  *title = *ti;
  return true;
}

template <typename Item>
Item* FindByRef(std::vector<Item>& items, Table& t, const CsvRow& row, std::string_view file) {
  auto ref = t.Required(row, "ref", fmt::format("the ref of an item in {}", file));
  if (!ref) return nullptr;
  for (Item& item : items) {
    if (item.ref == *ref) return &item;
  }
  t.Report(row, "ref", "items.unknown-ref", {{"file", std::string(file)}, {"ref", *ref}});
  return nullptr;
}

template <typename Item>
void SortEntries(std::vector<Item>& items, auto member) {
  for (Item& item : items) {
    auto& v = item.*member;
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.period < b.period; });
  }
}

std::optional<Rag> RagColumn(Table& t, const CsvRow& row, std::string_view column) {
  std::string_view text = t.Text(row, column);
  if (text.empty()) return std::nullopt;
  auto rag = ParseRag(text);
  if (!rag) t.Report(row, column, "projects.rag", {{"text", std::string(text)}});
  return rag ? std::optional(*rag) : std::nullopt;
}

}  // namespace

bool ReadFramework(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("framework"))) return false;
  std::set<std::string> seen;
  for (const CsvRow& row : t.rows()) {
    auto id = t.Required(row, "id", "a short unique id such as cp1");
    auto level = t.Required(row, "level", "the level's name, such as theme or outcome");
    auto title = t.Required(row, "title", "the title as printed");
    if (!id || !level || !title) continue;
    if (!seen.insert(*id).second) {
      t.Report(row, "id", "framework.id-twice", {{"id", *id}});
      continue;
    }
    council->framework.Add({*id, std::string(t.Text(row, "parent")), *level, *title,
                            std::string(t.Text(row, "lead")), std::string(t.Text(row, "ref"))});
  }
  for (const CsvRow& row : t.rows()) {
    std::string_view parent = t.Text(row, "parent");
    if (!parent.empty() && !council->framework.Find(parent)) {
      t.Report(row, "parent", "framework.unknown-parent", {{"parent", std::string(parent)}});
    }
  }
  if (auto cycle = council->framework.FindCycle(); !cycle.empty()) {
    std::string path;
    for (const std::string& id : cycle) path += (path.empty() ? "" : " -> ") + id;
    issues->push_back(MakeIssue("framework.cycle", {csv.file, 0, "parent"}, {{"loop", path}}));
  }
  return true;
}

bool ReadActions(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("actions"))) return false;
  std::set<std::string> seen;
  for (const CsvRow& row : t.rows()) {
    Action a;
    if (!RefAndTitle(t, row, seen, &a.ref, &a.title)) continue;
    if (std::string_view kind = t.Text(row, "kind"); !kind.empty()) {
      if (kind != "action" && kind != "milestone" && kind != "commitment") {
        t.Report(row, "kind", "actions.kind");
      }
      a.kind = kind;
    }
    CheckNode(t, row, *council);
    a.node = t.Text(row, "node");
    a.planned = t.PeriodOf(row, "planned", false);
    if (auto due = t.PeriodOf(row, "due", false)) {
      if (due->kind() == PeriodKind::kDay) {
        a.due = due->end();
      } else {
        t.Report(row, "due", "actions.due-not-date");
      }
    }
    a.original_due = t.Text(row, "original_due");
    a.owner = t.Text(row, "owner");
    a.director = t.Text(row, "director");
    a.directorate = t.Text(row, "directorate");
    a.portfolio = t.Text(row, "portfolio");
    a.priority = t.YesNo(row, "priority");
    a.order = t.Integer(row, "order", -1000000, 1000000)
                  .value_or(static_cast<int>(council->actions.size()));
    council->actions.push_back(std::move(a));
  }
  return true;
}

bool ReadActionRatings(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("action_ratings"))) return false;
  for (const CsvRow& row : t.rows()) {
    Action* a = FindByRef(council->actions, t, row, "actions.csv");
    auto period = t.PeriodOf(row, "period", true);
    auto rating = ParseActionRating(t.Text(row, "rating"));
    if (!rating) t.Report(row, "rating", "actions.rating");
    if (!a || !period || !rating) continue;
    if (a->EntryFor(*period)) {
      t.Report(row, "period", "actions.rating-twice",
               {{"ref", a->ref}, {"period", period->ToString()}});
      continue;
    }
    a->ratings.push_back({*period, *rating, std::string(t.Text(row, "commentary"))});
  }
  SortEntries(council->actions, &Action::ratings);
  return true;
}

bool ReadProjects(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("projects"))) return false;
  std::set<std::string> seen;
  for (const CsvRow& row : t.rows()) {
    Project p;
    p.parent = t.Text(row, "parent");
    if (!RefAndTitle(t, row, seen, &p.ref, &p.title)) continue;
    CheckNode(t, row, *council);
    p.node = t.Text(row, "node");
    p.owner = t.Text(row, "owner");
    p.director = t.Text(row, "director");
    p.directorate = t.Text(row, "directorate");
    p.portfolio = t.Text(row, "portfolio");
    p.priority = t.YesNo(row, "priority");
    p.order = t.Integer(row, "order", -1000000, 1000000)
                  .value_or(static_cast<int>(council->projects.size()));
    council->projects.push_back(std::move(p));
  }
  for (const CsvRow& row : t.rows()) {
    std::string_view parent = t.Text(row, "parent");
    bool found = false;
    for (const Project& p : council->projects) found = found || p.ref == parent;
    if (!parent.empty() && (!found || parent == t.Text(row, "ref"))) {
      t.Report(row, "parent", "projects.unknown-parent", {{"parent", std::string(parent)}});
    }
  }
  return true;
}

bool ReadProjectAssessments(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("project_assessments"))) return false;
  for (const CsvRow& row : t.rows()) {
    Project* p = FindByRef(council->projects, t, row, "projects.csv");
    auto period = t.PeriodOf(row, "period", true);
    if (!p || !period) continue;
    ProjectAssessment a;
    a.period = *period;
    int given = 0;
    for (auto c : {"time", "cost", "scope", "benefits"}) given += !t.Text(row, c).empty();
    if (given == 4) {
      a.criteria = KeyCriteria{t.YesNo(row, "time"), t.YesNo(row, "cost"), t.YesNo(row, "scope"),
                               t.YesNo(row, "benefits")};
    } else if (given > 0) {
      t.Report(row, "time", "projects.some-criteria");
    }
    a.rag = RagColumn(t, row, "rag");
    a.dca = RagColumn(t, row, "dca");
    a.dca_end = RagColumn(t, row, "dca_end");
    a.commentary = t.Text(row, "commentary");
    if (a.criteria) {
      Rag computed = RagFromCriteria(*a.criteria);
      bool closed = a.rag && (*a.rag == Rag::kPreStart || *a.rag == Rag::kCompleted);
      if (a.rag && *a.rag != computed && !closed) {
        t.Report(row, "rag", "projects.rag-not-criteria",
                 {{"computed", std::string(ToString(computed))},
                  {"off_track", std::to_string(a.criteria->off_track())},
                  {"rag", std::string(ToString(*a.rag))}});
      }
      if (!closed) a.rag = computed;
    }
    if (p->AssessmentFor(*period)) {
      t.Report(row, "period", "projects.assessment-twice",
               {{"ref", p->ref}, {"period", period->ToString()}});
      continue;
    }
    p->assessments.push_back(std::move(a));
  }
  SortEntries(council->projects, &Project::assessments);
  return true;
}

bool ReadRisks(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("risks"))) return false;
  std::set<std::string> seen;
  for (const CsvRow& row : t.rows()) {
    Risk r;
    if (!RefAndTitle(t, row, seen, &r.ref, &r.title)) continue;
    std::string_view kind = t.Text(row, "kind");
    if (kind == "opportunity") {
      r.kind = RiskKind::kOpportunity;
    } else if (!kind.empty() && kind != "threat") {
      t.Report(row, "kind", "risks.kind");
    }
    CheckNode(t, row, *council);
    r.node = t.Text(row, "node");
    r.owner = t.Text(row, "owner");
    r.director = t.Text(row, "director");
    r.directorate = t.Text(row, "directorate");
    r.portfolio = t.Text(row, "portfolio");
    r.note = t.Text(row, "note");
    r.order = t.Integer(row, "order", -1000000, 1000000)
                  .value_or(static_cast<int>(council->risks.size()));
    council->risks.push_back(std::move(r));
  }
  return true;
}

bool ReadRiskScores(const CsvTable& csv, Council* council, Issues* issues) {
  Table t(csv, issues);
  if (!t.CheckColumns(SpecOf("risk_scores"))) return false;
  for (const CsvRow& row : t.rows()) {
    Risk* r = FindByRef(council->risks, t, row, "risks.csv");
    auto period = t.PeriodOf(row, "period", true);
    auto likelihood = t.Integer(row, "likelihood", 1, 4);
    auto impact = t.Integer(row, "impact", 1, 4);
    auto score = t.Integer(row, "score", 1, 16);
    if (!r || !period) continue;
    RiskScore s;
    s.period = *period;
    s.kind = r->kind;
    std::string_view kind = t.Text(row, "kind");
    if (kind == "opportunity") {
      s.kind = RiskKind::kOpportunity;
    } else if (kind == "threat") {
      s.kind = RiskKind::kThreat;
    } else if (!kind.empty()) {
      t.Report(row, "kind", "risks.kind");
    }
    bool has_likelihood = !t.Text(row, "likelihood").empty();
    if (has_likelihood && (!likelihood || (!impact && !t.Text(row, "impact").empty()))) continue;
    if (likelihood.has_value() != impact.has_value()) {
      t.Report(row, likelihood ? "impact" : "likelihood", "risks.half-score");
      continue;
    }
    if (likelihood && score && *likelihood * *impact != *score) {
      t.Report(row, "score", "risks.score-not-product",
               {{"likelihood", std::to_string(*likelihood)},
                {"impact", std::to_string(*impact)},
                {"product", std::to_string(*likelihood * *impact)},
                {"score", std::to_string(*score)}});
      continue;
    }
    if (!likelihood && !score) {
      if (t.Text(row, "score").empty() && t.Text(row, "likelihood").empty()) {
        t.Report(row, "score", "risks.no-score");
      }
      continue;
    }
    s.likelihood = likelihood;
    s.impact = impact;
    s.score = score ? *score : *likelihood * *impact;
    s.commentary = t.Text(row, "commentary");
    if (r->ScoreFor(*period, s.kind)) {
      t.Report(row, "period", "risks.score-twice",
               {{"kind", std::string(ToString(s.kind))},
                {"ref", r->ref},
                {"period", period->ToString()}});
      continue;
    }
    r->scores.push_back(std::move(s));
  }
  SortEntries(council->risks, &Risk::scores);
  return true;
}

}  // namespace scorecard
