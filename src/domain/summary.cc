#include "domain/summary.h"

#include <algorithm>

namespace scorecard {
namespace {

void AddTo(std::vector<Count>& counts, const std::string& key, const std::string& label,
           const std::string& symbol) {
  for (Count& c : counts) {
    if (c.key == key) {
      ++c.count;
      return;
    }
  }
  counts.push_back(Count{key, label, symbol, 1, 0});
}

void Percentages(std::vector<Count>& counts) {
  int total = 0;
  for (const Count& c : counts) total += c.count;
  for (Count& c : counts) c.percent = total ? 100.0 * c.count / total : 0;
}

// Ranks ratings from best to worst for status changes; -1 for unranked ones.
int RatingRank(ActionRating r) {
  switch (r) {
    case ActionRating::kCompleted:
      return 0;
    case ActionRating::kOnTrack:
      return 1;
    case ActionRating::kSomeSlippage:
    case ActionRating::kNeedsAttention:
      return 2;
    case ActionRating::kMajorSlippage:
      return 3;
    default:
      return -1;
  }
}

// Ranks a project's RAG from best to worst; completed and pre-start rank as on track.
int RagRank(Rag rag) {
  switch (rag) {
    case Rag::kCompleted:
    case Rag::kGreen:
    case Rag::kPreStart:
      return 0;
    case Rag::kAmberGreen:
      return 1;
    case Rag::kAmberRed:
      return 2;
    case Rag::kRed:
      return 3;
  }
  return 0;
}

}  // namespace

bool IsWorstBand(const StatusScheme& scheme, const Status& status) {
  return status.is_band && scheme.Rank(status.key) == static_cast<int>(scheme.bands.size()) - 1;
}

bool IsBelowTarget(const StatusScheme& scheme, const Status& status) {
  if (!status.is_band) return false;
  int rank = scheme.Rank(status.key);
  return rank < static_cast<int>(scheme.bands.size()) &&
         rank > static_cast<int>(scheme.BandFor(0.0));
}

Summariser::Summariser(const Council& council, const std::vector<MeasureAssessment>& now,
                       const std::vector<MeasureAssessment>& before, Period reporting)
    : council_(council), now_(now), before_(before), reporting_(reporting) {
  before_by_ref_.reserve(before.size());
  for (const MeasureAssessment& a : before) before_by_ref_.emplace(a.measure->ref, &a);
}

std::vector<Group> Summariser::Groups() const {
  std::vector<Group> out{kAllItems};
  for (const FrameworkNode& n : council_.framework.nodes()) {
    if (n.parent.empty()) out.push_back({n.id, n.title});
  }
  // A single plan at the top says nothing "all" does not: show its children instead.
  if (out.size() == 2) {
    std::string plan = out[1].id;
    out.pop_back();
    for (const FrameworkNode& n : council_.framework.nodes()) {
      if (n.parent == plan) out.push_back({n.id, n.title});
    }
  }
  return out;
}

template <typename Item>
bool Summariser::InGroup(const Item& item, const Group& group) const {
  switch (group.kind) {
    case GroupKind::kAll:
      return true;
    case GroupKind::kNode:
      return group.id == "all" || council_.framework.IsWithin(item.node, group.id);
    case GroupKind::kPortfolio:
      return item.portfolio == group.id;
    case GroupKind::kDirectorate:
      return item.directorate == group.id;
  }
  return false;
}

bool Summariser::Counted(const MeasureAssessment& a, const Group& group) const {
  return council_.IsCountedInSummaries(*a.measure) && InGroup(*a.measure, group);
}

std::vector<Group> Summariser::PortfolioGroups() const {
  std::vector<Group> out;
  auto add = [&](const std::string& name) {
    if (!name.empty() &&
        std::none_of(out.begin(), out.end(), [&](const Group& g) { return g.id == name; })) {
      out.push_back({name, name, GroupKind::kPortfolio});
    }
  };
  for (const Measure& m : council_.measures) add(m.portfolio);
  for (const Action& a : council_.actions) add(a.portfolio);
  return out;
}

std::vector<Group> Summariser::DirectorateGroups() const {
  std::vector<Group> out;
  auto add = [&](const std::string& name) {
    if (!name.empty() &&
        std::none_of(out.begin(), out.end(), [&](const Group& g) { return g.id == name; })) {
      out.push_back({name, name, GroupKind::kDirectorate});
    }
  };
  for (const Measure& m : council_.measures) add(m.directorate);
  for (const Action& a : council_.actions) add(a.directorate);
  return out;
}

const MeasureAssessment* Summariser::Before(const Measure& m) const {
  auto it = before_by_ref_.find(m.ref);
  return it == before_by_ref_.end() ? nullptr : it->second;
}

std::vector<Count> Summariser::StatusCounts(const Group& group) const {
  std::vector<Count> counts;
  if (const StatusScheme* s = council_.FindScheme(council_.organisation.scheme)) {
    for (const Band& b : s->bands)
      counts.push_back({b.status.key, b.status.label, b.status.symbol});
    for (const StatusLabel& l : s->special) {
      if (std::none_of(counts.begin(), counts.end(),
                       [&](const Count& c) { return c.key == l.key; })) {
        counts.push_back({l.key, l.label, l.symbol});
      }
    }
  }
  for (const MeasureAssessment& a : now_) {
    if (Counted(a, group)) AddTo(counts, a.status.key, a.status.label, a.status.symbol);
  }
  // Bands always show, even at zero; special statuses only when some measure has one.
  const StatusScheme* scheme = council_.FindScheme(council_.organisation.scheme);
  size_t bands = scheme ? scheme->bands.size() : 0;
  for (size_t i = counts.size(); i-- > bands;) {
    if (counts[i].count == 0) counts.erase(counts.begin() + static_cast<long>(i));
  }
  Percentages(counts);
  return counts;
}

std::vector<Count> Summariser::DirectionCounts(const Group& group) const {
  std::vector<Count> counts;
  for (Direction d :
       {Direction::kImproved, Direction::kStable, Direction::kWorse, Direction::kNotApplicable}) {
    counts.push_back({std::string(ToString(d)), std::string(ToString(d)), ""});
  }
  for (const MeasureAssessment& a : now_) {
    if (Counted(a, group)) {
      std::string key(ToString(a.dot.direction));
      AddTo(counts, key, key, "");
    }
  }
  Percentages(counts);
  return counts;
}

std::vector<Count> Summariser::RatingCounts(const Group& group) const {
  std::vector<Count> counts;
  for (const StatusLabel& l : council_.action_labels) {
    if (l.key != "not-due") counts.push_back({l.key, l.label, l.symbol});
  }
  for (const Action& action : council_.actions) {
    if (!InGroup(action, group)) continue;
    ActionRating r = action.RatingAt(reporting_);
    if (r == ActionRating::kNotDue) continue;  // not yet due: outside the count
    const StatusLabel& l = council_.action_labels[static_cast<int>(r)];
    AddTo(counts, l.key, l.label, l.symbol);
  }
  Percentages(counts);
  return counts;
}

ItemTally Summariser::Items(const Group& group) const {
  ItemTally n;
  for (const Measure& m : council_.measures) {
    n.measures += council_.IsCountedInSummaries(m) && InGroup(m, group);
  }
  for (const Action& a : council_.actions) n.actions += InGroup(a, group);
  for (const Project& p : council_.projects) {
    bool programme = std::any_of(council_.projects.begin(), council_.projects.end(),
                                 [&](const Project& q) { return q.parent == p.ref; });
    n.projects += InGroup(p, group) && !programme;
  }
  for (const Risk& r : council_.risks) n.risks += InGroup(r, group);
  return n;
}

bool Summariser::Listed(const MeasureAssessment& a) const { return !council_.RollsUp(*a.measure); }

std::vector<const MeasureAssessment*> Summariser::RedFlags() const {
  std::vector<const MeasureAssessment*> out;
  for (const MeasureAssessment& a : now_) {
    if (!Listed(a)) continue;
    const StatusScheme& s = council_.SchemeFor(*a.measure);
    const MeasureAssessment* b = Before(*a.measure);
    if (b && IsWorstBand(s, a.status) && IsWorstBand(s, b->status)) out.push_back(&a);
  }
  return out;
}

std::vector<Exception> Summariser::Exceptions() const {
  std::vector<Exception> out;
  for (const MeasureAssessment& a : now_) {
    if (!Listed(a)) continue;
    const StatusScheme& s = council_.SchemeFor(*a.measure);
    bool now = IsWorstBand(s, a.status);
    bool forecast = IsBelowTarget(s, a.forecast_status);
    if (!now && !forecast) continue;
    std::string reason = now ? a.status.key + " now" : "";
    if (forecast) reason += (now ? " and " : "") + std::string("forecast ") + a.forecast_status.key;
    out.push_back({&a, reason});
  }
  return out;
}

std::vector<StatusChange> Summariser::StatusChanges() const {
  std::vector<StatusChange> out;
  for (const MeasureAssessment& a : now_) {
    const MeasureAssessment* b = Before(*a.measure);
    if (!Listed(a) || !b || !a.status.is_band || !b->status.is_band ||
        a.status.key == b->status.key)
      continue;
    const StatusScheme& s = council_.SchemeFor(*a.measure);
    out.push_back({a.measure->ref, a.measure->title, b->status.key, a.status.key,
                   s.Rank(a.status.key) < s.Rank(b->status.key)});
  }
  return out;
}

std::vector<StatusChange> Summariser::RatingChanges() const {
  std::vector<StatusChange> out;
  Period previous = reporting_.Previous();
  for (const Action& action : council_.actions) {
    const RatingEntry* now = action.EntryFor(reporting_);
    const RatingEntry* before = action.EntryFor(previous);
    if (!now || !before || now->rating == before->rating) continue;
    int rn = RatingRank(now->rating), rb = RatingRank(before->rating);
    if (rn < 0 || rb < 0) continue;
    out.push_back({action.ref, action.title, std::string(ToString(before->rating)),
                   std::string(ToString(now->rating)), rn < rb});
  }
  return out;
}

std::vector<StatusChange> Summariser::RagChanges() const {
  std::vector<StatusChange> out;
  for (const Project& p : council_.projects) {
    const ProjectAssessment* now = p.AssessmentFor(reporting_);
    const ProjectAssessment* before = p.AssessmentBefore(reporting_);
    if (!now || !before || !now->rag || !before->rag || *now->rag == *before->rag) continue;
    out.push_back({p.ref, p.title, std::string(ToString(*before->rag)),
                   std::string(ToString(*now->rag)), RagRank(*now->rag) < RagRank(*before->rag)});
  }
  return out;
}

std::vector<StatusChange> Summariser::RiskScoreChanges() const {
  std::vector<StatusChange> out;
  for (const Risk& r : council_.risks) {
    for (RiskKind kind : {RiskKind::kThreat, RiskKind::kOpportunity}) {
      const RiskScore* now = r.ScoreFor(reporting_, kind);
      const RiskScore* before = r.ScoreBefore(reporting_, kind);
      if (!now || !before || now->score == before->score) continue;
      // A threat improves as its score falls, an opportunity as it rises.
      bool improved =
          kind == RiskKind::kThreat ? now->score < before->score : now->score > before->score;
      out.push_back(
          {r.ref, r.title, std::to_string(before->score), std::to_string(now->score), improved});
    }
  }
  return out;
}

std::vector<Headline> Summariser::Headlines() const {
  Headline period{"period-target-met", "measures with a target for the period that met it"};
  Headline annual{"annual-target-forecast-met",
                  "measures with an annual target forecast to meet it"};
  Headline actions{"actions-completed-or-on-track", "rated actions completed or on track"};
  for (const MeasureAssessment& a : now_) {
    if (!Counted(a, kAllItems)) continue;
    const StatusScheme& scheme = council_.SchemeFor(*a.measure);
    if (a.status.is_band) {
      ++period.denominator;
      period.numerator += !IsBelowTarget(scheme, a.status);
    }
    if (a.forecast_status.is_band) {
      ++annual.denominator;
      annual.numerator += !IsBelowTarget(scheme, a.forecast_status);
    }
  }
  for (const Action& action : council_.actions) {
    ActionRating r = action.RatingAt(reporting_);
    if (RatingRank(r) < 0) continue;
    ++actions.denominator;
    actions.numerator += r == ActionRating::kCompleted || r == ActionRating::kOnTrack;
  }
  return {period, annual, actions};
}

}  // namespace scorecard
