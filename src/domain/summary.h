#pragma once
// What a quarterly report says about a set of assessments: counts and percentages by status and
// by direction of travel, red flags, the improvement (exception) report, status changes since
// the last period and headline figures; and the same counts for actions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/assessment.h"
#include "domain/council.h"

namespace scorecard {

struct Count {
  std::string key, label, symbol;
  int count = 0;
  double percent = 0;  // of the group's total
};

struct StatusChange {
  std::string ref, title;
  std::string before, after;  // keys
  bool improved = false;
};

struct Exception {
  const MeasureAssessment* assessment = nullptr;
  std::string reason;  // "red now" / "forecast amber" / both
};

// How many items of each kind a group holds, as its summaries count them.
struct ItemTally {
  int measures = 0, actions = 0, projects = 0, risks = 0;
};

struct Headline {
  std::string key, text;
  int numerator = 0, denominator = 0;  // of measures with a band status (or rated actions)
  double percent() const { return denominator ? 100.0 * numerator / denominator : 0; }
};

// Which items a summary covers: all, those under a framework node, or those of a portfolio or
// a directorate.
enum class GroupKind : uint8_t { kAll, kNode, kPortfolio, kDirectorate };
struct Group {
  std::string id;  // "all", a node id, or the portfolio's or directorate's name
  std::string title;
  GroupKind kind = GroupKind::kNode;
};
inline const Group kAllItems{"all", "All", GroupKind::kAll};

class Summariser {
 public:
  // `now` and `before` are AssessAll() for the reporting period and the one before it; `before`
  // may come from another council (the data as the previous report was published), so it is
  // matched to `now` by ref.
  Summariser(const Council& council, const std::vector<MeasureAssessment>& now,
             const std::vector<MeasureAssessment>& before, Period reporting);

  // The top-level groups of the framework, after "all".
  std::vector<Group> Groups() const;
  // The portfolios (or committees) and directorates the measures and actions name, in order.
  std::vector<Group> PortfolioGroups() const;
  std::vector<Group> DirectorateGroups() const;
  std::vector<Count> StatusCounts(const Group& group) const;
  std::vector<Count> DirectionCounts(const Group& group) const;
  std::vector<Count> RatingCounts(const Group& group) const;
  // Measures counted in summaries; actions; projects, a programme reported through its projects
  // counted as those projects; risks.
  ItemTally Items(const Group& group) const;
  // The same measure's assessment at the previous report, if it had one.
  const MeasureAssessment* Before(const Measure& m) const;
  // The lists below name the measures where something happens: a parent rolled up from its
  // parts is left out (its status only repeats its parts'), and the parts are listed instead.
  // Counts and headlines count the parent in place of its parts.

  // Off track (the scheme's worst band) now and in the previous period.
  std::vector<const MeasureAssessment*> RedFlags() const;
  // Worst band now and/or forecast in a band below target.
  std::vector<Exception> Exceptions() const;
  std::vector<StatusChange> StatusChanges() const;
  std::vector<StatusChange> RatingChanges() const;
  // Projects whose RAG differs from their latest earlier assessment's.
  std::vector<StatusChange> RagChanges() const;
  // Risks whose score (of a kind) differs from their latest earlier one's: keys are scores.
  std::vector<StatusChange> RiskScoreChanges() const;
  std::vector<Headline> Headlines() const;

 private:
  template <typename Item>
  bool InGroup(const Item& item, const Group& group) const;
  bool Counted(const MeasureAssessment& a, const Group& group) const;
  bool Listed(const MeasureAssessment& a) const;

  const Council& council_;
  const std::vector<MeasureAssessment>& now_;
  const std::vector<MeasureAssessment>& before_;
  std::unordered_map<std::string_view, const MeasureAssessment*> before_by_ref_;
  Period reporting_;
};

// True when a band-earned status is in the scheme's worst band.
bool IsWorstBand(const StatusScheme& scheme, const Status& status);
// True when a band-earned status is worse than the band a value exactly on target earns: "met
// target" in the council's own terms (Derby 2021's green starts 2% below target).
bool IsBelowTarget(const StatusScheme& scheme, const Status& status);

}  // namespace scorecard
