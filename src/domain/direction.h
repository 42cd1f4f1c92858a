#pragma once
// Direction of travel between two figures, read through the polarity, with the scheme's
// "stable" tolerance. The one place this comparison is made.

#include <cmath>
#include <cstdint>
#include <string_view>

#include "domain/status_scheme.h"

namespace scorecard {

enum class Direction : uint8_t { kImproved, kStable, kWorse, kNotApplicable };
std::string_view ToString(Direction direction);

// REQUIRES: polarity is not kNone.
inline Direction DirectionBetween(double now, double then, Polarity polarity,
                                  const StatusScheme& scheme) {
  double change = std::fabs(now - then);
  if (scheme.deviation == DeviationKind::kRelative) {
    change = then == 0 ? (now == 0 ? 0 : INFINITY) : change / std::fabs(then);
  }
  double better = polarity == Polarity::kHigherIsBetter ? now - then : then - now;
  if (better == 0 || change <= scheme.stable_within + kEdgeTolerance) return Direction::kStable;
  return better > 0 ? Direction::kImproved : Direction::kWorse;
}

}  // namespace scorecard
