// The position's summaries, lists of measures, actions, projects and risks, and keys.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "app/position_build.h"
#include "domain/text.h"

namespace scorecard {
namespace {

std::string Percent(double percent, int places) { return FormatDecimal(percent, places) + "%"; }

std::string_view DirectionLabel(std::string_view key) {
  if (key == "improved") return "Improved";
  if (key == "stable") return "Stable";
  if (key == "worse") return "Worse";
  return "Not applicable";
}

std::vector<CountRow> Rows(const std::vector<Count>& counts) {
  std::vector<CountRow> out;
  for (const Count& c : counts) {
    out.push_back({c.key, c.label, c.symbol, c.count, c.percent, Percent(c.percent, 1)});
  }
  return out;
}

GroupSummary SummaryOf(const Summariser& summary, const Group& group) {
  GroupSummary g;
  g.id = group.id;
  g.title = group.title;
  g.statuses = Rows(summary.StatusCounts(group));
  g.directions = Rows(summary.DirectionCounts(group));
  for (CountRow& d : g.directions) d.label = std::string(DirectionLabel(d.key));
  g.ratings = Rows(summary.RatingCounts(group));
  ItemTally n = summary.Items(group);
  g.items = {n.measures, n.actions, n.projects, n.risks};
  return g;
}

// A status key's label in the measure's scheme (the key itself if the scheme has none).
std::string LabelIn(const Council& council, const Measure* m, const std::string& key) {
  if (!m) return key;
  const StatusLabel* l = council.SchemeFor(*m).Find(key);
  return l ? l->label : key;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

ChangeRow MeasureChange(const Council& council, const StatusChange& c) {
  const Measure* m = council.FindMeasure(c.ref);
  ChangeRow r{"measure",
              c.ref,
              c.title,
              c.before,
              LabelIn(council, m, c.before),
              c.after,
              LabelIn(council, m, c.after),
              c.improved,
              ""};
  r.words = fmt::format("{} from {} to {}", c.improved ? "improved" : "declined",
                        Quoted(r.before_label), Quoted(r.after_label));
  return r;
}

ChangeRow RatingChange(const Council& council, const StatusChange& c) {
  auto label = [&](const std::string& key) {
    auto rating = ParseActionRating(key);
    return rating ? council.action_labels[static_cast<int>(*rating)].label : key;
  };
  ChangeRow r{"action", c.ref,          c.title,    c.before, label(c.before),
              c.after,  label(c.after), c.improved, ""};
  r.words = fmt::format("{} from {} to {}", c.improved ? "improved" : "declined",
                        Quoted(r.before_label), Quoted(r.after_label));
  return r;
}

ChangeRow RagChange(const StatusChange& c) {
  auto label = [](const std::string& key) {
    auto rag = ParseRag(key);
    return rag ? std::string(Label(*rag)) : key;
  };
  ChangeRow r{"project", c.ref,          c.title,    c.before, label(c.before),
              c.after,   label(c.after), c.improved, ""};
  r.words = fmt::format("RAG {} from {} to {}", c.improved ? "improved" : "declined",
                        Quoted(r.before_label), Quoted(r.after_label));
  return r;
}

ChangeRow RiskChange(const StatusChange& c) {
  bool reduced = std::stoi(c.after) < std::stoi(c.before);
  ChangeRow r{"risk", c.ref, c.title, c.before, c.before, c.after, c.after, c.improved, ""};
  r.words =
      fmt::format("score {} from {} to {}", reduced ? "reduced" : "increased", c.before, c.after);
  return r;
}

RatingView RatingOf(const StatusLabel& l) { return {l.key, l.label, l.symbol}; }

RatingView RagOf(const std::optional<Rag>& rag) {
  if (!rag) return {};
  return {std::string(ToString(*rag)), std::string(Label(*rag)), ""};
}

std::string Criteria(const KeyCriteria& c) {
  auto yes = [](bool b) { return b ? "yes" : "no"; };
  return fmt::format("time {}, cost {}, scope {}, benefits {}", yes(c.time), yes(c.cost),
                     yes(c.scope), yes(c.benefits));
}

ActionRow ActionRowOf(const Council& council, const Action& a, const Period& reporting) {
  ActionRow r;
  r.ref = a.ref;
  r.title = a.title;
  r.kind = a.kind;
  r.node = a.node;
  r.group = council.framework.ThemeOf(a.node);
  if (a.planned) r.planned = a.planned->ToString();
  if (a.due) r.due = a.due->ToString();
  r.original_due = a.original_due;
  r.owner = a.owner;
  r.director = a.director;
  r.directorate = a.directorate;
  r.portfolio = a.portfolio;
  r.priority = a.priority;
  r.rating = RatingOf(council.action_labels[static_cast<int>(a.RatingAt(reporting))]);
  if (const RatingEntry* e = a.EntryFor(reporting)) {
    r.rated_this_period = true;
    r.commentary = e->commentary;
  }
  r.overdue = a.IsOverdue(reporting);
  return r;
}

ProjectRow ProjectRowOf(const Council& council, const Project& p, const Period& reporting) {
  ProjectRow r;
  r.ref = p.ref;
  r.title = p.title;
  r.node = p.node;
  r.group = council.framework.ThemeOf(p.node);
  r.programme = p.parent;
  r.owner = p.owner;
  r.director = p.director;
  if (const ProjectAssessment* now = p.AssessmentFor(reporting)) {
    r.rag = RagOf(now->rag);
    r.dca = RagOf(now->dca);
    r.dca_end = RagOf(now->dca_end);
    if (now->criteria) {
      r.criteria = Criteria(*now->criteria);
      r.criteria_given = true;
      r.time = now->criteria->time;
      r.cost = now->criteria->cost;
      r.scope = now->criteria->scope;
      r.benefits = now->criteria->benefits;
    }
    r.commentary = now->commentary;
  }
  if (const ProjectAssessment* before = p.AssessmentBefore(reporting)) {
    r.previous_rag = RagOf(before->rag);
  }
  return r;
}

std::string Level(int level, std::string_view name) { return fmt::format("{} {}", level, name); }

RiskRow RiskRowOf(const Council& council, const Risk& risk, RiskKind kind, const RiskScore* now,
                  const RiskScore* before) {
  RiskRow r;
  r.ref = risk.ref;
  r.title = risk.title;
  r.kind = std::string(ToString(kind));
  r.node = risk.node;
  r.group = council.framework.ThemeOf(risk.node);
  r.owner = risk.owner;
  r.note = risk.note;
  if (now) {
    r.score = now->score;
    if (now->likelihood) {
      r.likelihood = Level(*now->likelihood, LikelihoodName(kind, *now->likelihood));
      r.likelihood_level = *now->likelihood;
    }
    if (now->impact) {
      r.impact = Level(*now->impact, ImpactName(kind, *now->impact));
      r.impact_level = *now->impact;
    }
    const RiskBand& band = BandFor(council.risk_bands, now->score);
    r.band = {band.key, band.label, ""};
    r.commentary = now->commentary;
  }
  if (before) {
    r.previous_score = before->score;
    if (now && before->score != now->score) {
      r.change = fmt::format("{} from {}", now->score < before->score ? "reduced" : "increased",
                             before->score);
    }
  }
  return r;
}

// The deviations a band covers: "deviation more than +2%", "deviation from 0% to +2%",
// "deviation under -5%" (positive is better than target, whatever the polarity).
std::string BandRule(const StatusScheme& s, size_t i) {
  auto amount = [&](double v) {
    std::string d = FormatDeviation(v, s.deviation);
    return d == "+0%" || d == "+0" ? d.substr(1) : d;
  };
  const Band& b = s.bands[i];
  std::string lower = b.bound == BoundKind::kAbove ? "over " + amount(b.limit) : amount(b.limit);
  if (i == 0) {
    return b.bound == BoundKind::kNone    ? "any deviation"
           : b.bound == BoundKind::kAbove ? "deviation more than " + amount(b.limit)
                                          : "deviation " + amount(b.limit) + " or more";
  }
  const Band& above = s.bands[i - 1];
  std::string upper =
      above.bound == BoundKind::kAbove ? amount(above.limit) : "under " + amount(above.limit);
  if (b.bound == BoundKind::kNone) {
    return above.bound == BoundKind::kAbove ? "deviation " + amount(above.limit) + " or less"
                                            : "deviation under " + amount(above.limit);
  }
  return fmt::format("deviation from {} to {}", lower, upper);
}

SchemeKey KeyOf(const StatusScheme& s) {
  SchemeKey k;
  k.name = s.name;
  k.label = s.label.empty() ? s.name : s.label;
  k.deviation = s.deviation == DeviationKind::kRelative
                    ? "deviation relative to the target, read through the polarity"
                    : "deviation in the measure's own units, read through the polarity";
  for (size_t i = 0; i < s.bands.size(); ++i) {
    const StatusLabel& l = s.bands[i].status;
    Status band;
    band.key = l.key;
    band.is_band = true;
    k.rows.push_back({l.key, l.label, l.symbol, l.colour, BandRule(s, i), true,
                      IsWorstBand(s, band), IsBelowTarget(s, band)});
  }
  for (int i = 0; i < kSpecialStatusCount; ++i) {
    const StatusLabel& l = s.special[i];
    bool folded =
        std::any_of(k.rows.begin(), k.rows.end(), [&](const KeyRow& r) { return r.key == l.key; });
    if (!folded) {
      k.rows.push_back({l.key, l.label, l.symbol, l.colour,
                        std::string(SpecialMeaning(static_cast<SpecialStatus>(i))), false});
    }
  }
  return k;
}

}  // namespace

void AddSummaries(const Council& council, const Summariser& summary,
                  const std::vector<MeasureAssessment>& now, Position* p) {
  for (const Group& g : summary.Groups()) p->groups.push_back(SummaryOf(summary, g));
  for (const Group& g : summary.PortfolioGroups()) p->portfolios.push_back(SummaryOf(summary, g));
  for (const Group& g : summary.DirectorateGroups()) {
    p->directorates.push_back(SummaryOf(summary, g));
  }
  for (const Headline& h : summary.Headlines()) {
    p->headlines.push_back(
        {h.key, h.text, h.numerator, h.denominator, h.denominator ? Percent(h.percent(), 0) : ""});
  }
  for (const MeasureAssessment* a : summary.RedFlags()) {
    const MeasureAssessment* before = summary.Before(*a->measure);
    p->red_flags.push_back({a->measure->ref, a->measure->title, StatusOf(a->status),
                            before ? StatusOf(before->status) : StatusView(),
                            before ? before->period.ToString() : ""});
  }
  for (const Exception& e : summary.Exceptions()) {
    const Measure& m = *e.assessment->measure;
    p->exceptions.push_back(
        {m.ref, m.title, e.reason, static_cast<size_t>(e.assessment - now.data())});
  }
  for (const StatusChange& c : summary.StatusChanges()) {
    p->changes.push_back(MeasureChange(council, c));
  }
  for (const StatusChange& c : summary.RatingChanges()) {
    p->changes.push_back(RatingChange(council, c));
  }
  for (const StatusChange& c : summary.RagChanges()) p->changes.push_back(RagChange(c));
  for (const StatusChange& c : summary.RiskScoreChanges()) p->changes.push_back(RiskChange(c));
}

void AddItems(const Council& council, const Period& reporting, Position* p) {
  for (const Action& a : council.actions) {
    p->actions.push_back(ActionRowOf(council, a, reporting));
    if (p->actions.back().overdue) p->overdue.push_back(p->actions.back());
  }
  for (const Project& project : council.projects) {
    p->projects.push_back(ProjectRowOf(council, project, reporting));
  }
  for (const Risk& r : council.risks) {
    for (RiskKind kind : {RiskKind::kThreat, RiskKind::kOpportunity}) {
      const RiskScore* now = r.ScoreFor(reporting, kind);
      if (!now && kind != r.kind) continue;  // a threat with no opportunity score, say
      p->risks.push_back(RiskRowOf(council, r, kind, now, r.ScoreBefore(reporting, kind)));
    }
  }
}

void AddKeys(const Council& council, Position* p) {
  std::vector<const StatusScheme*> schemes;
  if (const StatusScheme* s = council.FindScheme(council.organisation.scheme)) {
    schemes.push_back(s);
  }
  for (const Measure& m : council.measures) {
    const StatusScheme* s = &council.SchemeFor(m);
    if (std::find(schemes.begin(), schemes.end(), s) == schemes.end()) schemes.push_back(s);
  }
  for (const StatusScheme* s : schemes) p->keys.push_back(KeyOf(*s));
}

}  // namespace scorecard
