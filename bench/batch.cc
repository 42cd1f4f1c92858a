#include "batch.h"

namespace scorecard::bench {

void AssessSeries(const StatusScheme& scheme, const SeriesView& s, std::span<uint8_t> band,
                  std::span<Direction> dot) {
  const size_t n = s.values.size();
  if (s.polarity == Polarity::kNone) {
    for (size_t i = 0; i < n; ++i) band[i] = kNoBand, dot[i] = Direction::kNotApplicable;
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    double v = s.values[i], t = s.targets[i];
    band[i] = std::isnan(v) || std::isnan(t)
                  ? kNoBand
                  : static_cast<uint8_t>(scheme.BandFor(scheme.DeviationOf(v, t, s.polarity)));
    dot[i] = i == 0 || std::isnan(v) || std::isnan(s.values[i - 1])
                 ? Direction::kNotApplicable
                 : DirectionBetween(v, s.values[i - 1], s.polarity, scheme);
  }
}

}  // namespace scorecard::bench
