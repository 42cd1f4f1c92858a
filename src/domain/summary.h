#pragma once
// What a quarterly report says about a set of assessments: counts and percentages by status and
// by direction of travel, red flags, the improvement (exception) report, status changes since
// the last period and headline figures; and the same counts for actions.

#include <optional>
#include <string>
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

struct Headline {
  std::string key, text;
  int numerator = 0, denominator = 0;  // of measures with a band status (or rated actions)
  double percent() const { return denominator ? 100.0 * numerator / denominator : 0; }
};

// Which items a summary covers: all, or those under a framework node.
struct Group {
  std::string id;  // "all" or a node id
  std::string title;
};

class Summariser {
 public:
  // `now` and `before` are AssessAll() for the reporting period and the one before it.
  Summariser(const Council& council, const std::vector<MeasureAssessment>& now,
             const std::vector<MeasureAssessment>& before, Period reporting);

  // The top-level groups of the framework, after "all".
  std::vector<Group> Groups() const;
  std::vector<Count> StatusCounts(const Group& group) const;
  std::vector<Count> DirectionCounts(const Group& group) const;
  std::vector<Count> RatingCounts(const Group& group) const;
  // The lists below name the measures where something happens: a parent rolled up from its
  // parts is left out (its status only repeats its parts'), and the parts are listed instead.
  // Counts and headlines count the parent in place of its parts.

  // Off track (the scheme's worst band) now and in the previous period.
  std::vector<const MeasureAssessment*> RedFlags() const;
  // Worst band now and/or forecast in a band below target.
  std::vector<Exception> Exceptions() const;
  std::vector<StatusChange> StatusChanges() const;
  std::vector<StatusChange> RatingChanges() const;
  std::vector<Headline> Headlines() const;

 private:
  bool InGroup(const std::string& node, const Group& group) const;
  bool Counted(const MeasureAssessment& a, const Group& group) const;
  bool Listed(const MeasureAssessment& a) const;
  const MeasureAssessment* Before(const Measure& m) const;

  const Council& council_;
  const std::vector<MeasureAssessment>& now_;
  const std::vector<MeasureAssessment>& before_;
  Period reporting_;
};

// True when a band-earned status is in the scheme's worst band.
bool IsWorstBand(const StatusScheme& scheme, const Status& status);
// True when a band-earned status is worse than the band a value exactly on target earns: "met
// target" in the council's own terms (Derby 2021's green starts 2% below target).
bool IsBelowTarget(const StatusScheme& scheme, const Status& status);

}  // namespace scorecard
