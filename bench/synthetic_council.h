#pragma once
// A made-up council for benchmarks: many measures over consecutive quarters, in columns laid out
// measure by measure. Deterministic for a given seed.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "batch.h"
#include "domain/measure.h"

namespace scorecard::bench {

struct SyntheticCouncil {
  int measures = 0;
  int periods = 0;
  std::vector<Polarity> polarity;  // one per measure
  std::vector<double> values;      // measures * periods; NaN when missing
  std::vector<double> targets;     // measures * periods; NaN when missing

  size_t cells() const { return values.size(); }
  size_t Index(int measure, int period) const {
    return static_cast<size_t>(measure) * periods + period;
  }
  SeriesView Series(int measure) const;
};

// Both polarities and a few measures without one; values scattered around their targets so every
// band is earned, some exactly on target or on a band edge, some repeating the previous quarter;
// some values and targets missing, some targets zero.
SyntheticCouncil MakeSyntheticCouncil(int measures, int periods, uint64_t seed);

}  // namespace scorecard::bench
