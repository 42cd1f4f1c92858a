#pragma once
// The warning for figures a report finds no target for (values.no-target), internal to src/io:
// a forgotten target row would otherwise take a measure out of the exceptions without a word.

#include <optional>
#include <string>
#include <vector>

#include "domain/council.h"
#include "domain/issue.h"

namespace scorecard {

// Collects, while values.csv is read, each measure's figures with no target row for their
// period or its year, and warns once per measure, at the line of the first. Figures for periods
// over before the measure's first target begins (last year's outturn, last quarter's progress)
// are shown for comparison and are not counted; nor are the figures of a measure not assessed
// against targets (no good or bad performance, words, a parent rolled up from its parts).
// REQUIRES: the council's targets are read.
class MissingTargets {
 public:
  explicit MissingTargets(const Council& council);

  // A figure recorded on `line` for the measure and period.
  // REQUIRES: `m` is one of the council's measures.
  void Add(const Measure& m, const Period& period, int line);
  // One warning per measure with figures counted, in the order of their lines.
  void Warn(const std::string& file, Issues* issues) const;

 private:
  struct Figures {
    bool counted = false;              // the measure is assessed against targets
    std::optional<Date> first_target;  // when its first target's period begins; none if none
    std::vector<Period> periods;       // with no target
    int first_line = 0;
  };

  const Council& council_;
  std::vector<Figures> measures_;  // by position in council_.measures
};

}  // namespace scorecard
