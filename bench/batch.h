#pragma once
// Status by band and direction of travel by previous period over many measure-periods at once,
// in columns. Uses the same rules as Assessor (StatusScheme::DeviationOf/BandFor and
// DirectionBetween), for the engine benchmark.

#include <cstddef>
#include <cstdint>
#include <span>

#include "domain/direction.h"
#include "domain/measure.h"
#include "domain/status_scheme.h"

namespace scorecard::bench {

inline constexpr uint8_t kNoBand = 255;

// One measure's figures for consecutive periods. NaN marks a missing value or target.
struct SeriesView {
  std::span<const double> values;
  std::span<const double> targets;
  Polarity polarity;
};

// Writes, for each period, the band index (kNoBand when there is no figure or target, or no
// polarity) and the direction against the previous period (not applicable for the first).
// REQUIRES: band.size() == dot.size() == values.size() == targets.size().
void AssessSeries(const StatusScheme& scheme, const SeriesView& series, std::span<uint8_t> band,
                  std::span<Direction> dot);

}  // namespace scorecard::bench
