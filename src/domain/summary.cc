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
    : council_(council), now_(now), before_(before), reporting_(reporting) {}

std::vector<Group> Summariser::Groups() const {
  std::vector<Group> out{{"all", "All"}};
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

bool Summariser::InGroup(const std::string& node, const Group& group) const {
  return group.id == "all" || council_.framework.IsWithin(node, group.id);
}

bool Summariser::Counted(const MeasureAssessment& a, const Group& group) const {
  return council_.IsCountedInSummaries(*a.measure) && InGroup(a.measure->node, group);
}

const MeasureAssessment* Summariser::Before(const Measure& m) const {
  for (const MeasureAssessment& a : before_) {
    if (a.measure == &m) return &a;
  }
  return nullptr;
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
    if (!InGroup(action.node, group)) continue;
    ActionRating r = action.RatingAt(reporting_);
    if (r == ActionRating::kNotDue) continue;  // not yet due: outside the count
    const StatusLabel& l = council_.action_labels[static_cast<int>(r)];
    AddTo(counts, l.key, l.label, l.symbol);
  }
  Percentages(counts);
  return counts;
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

std::vector<Headline> Summariser::Headlines() const {
  Headline period{"period-target-met", "measures with a target for the period that met it"};
  Headline annual{"annual-target-forecast-met",
                  "measures with an annual target forecast to meet it"};
  Headline actions{"actions-completed-or-on-track", "rated actions completed or on track"};
  for (const MeasureAssessment& a : now_) {
    if (!Counted(a, {"all", "All"})) continue;
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
