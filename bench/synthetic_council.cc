#include "synthetic_council.h"

#include <cmath>
#include <limits>

#include "random.h"

namespace scorecard::bench {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// What a measure counts decides the size and precision of its figures.
enum class Kind { kPercentage, kCount, kAmount, kZeroTarget };

struct MeasureShape {
  Kind kind;
  Polarity polarity;
  double base_target;
  double growth;  // per quarter, as a fraction of the base
};

double RoundTo(double x, Kind kind) {
  switch (kind) {
    case Kind::kPercentage:
      return std::round(x * 10) / 10;
    case Kind::kAmount:
      return std::round(x * 100) / 100;
    default:
      return std::round(x);
  }
}

MeasureShape MakeShape(Random& random) {
  MeasureShape shape;
  double k = random.Uniform();
  shape.kind = k < 0.35   ? Kind::kPercentage
               : k < 0.70 ? Kind::kCount
               : k < 0.97 ? Kind::kAmount
                          : Kind::kZeroTarget;
  double p = random.Uniform();
  shape.polarity = p < 0.03    ? Polarity::kNone
                   : p < 0.515 ? Polarity::kHigherIsBetter
                               : Polarity::kLowerIsBetter;
  switch (shape.kind) {
    case Kind::kPercentage:
      shape.base_target = random.Between(40, 98);
      break;
    case Kind::kCount:
      shape.base_target = std::round(random.Between(10, 5000));
      break;
    case Kind::kAmount:
      shape.base_target = std::pow(10, random.Between(3, 7));
      break;
    case Kind::kZeroTarget:
      shape.base_target = 0;
      break;
  }
  shape.growth = random.Between(-0.01, 0.01);
  return shape;
}

// A value near the target: exactly on it, repeating the previous quarter, exactly on a band edge
// of derby-2012, or scattered across all four bands.
double MakeValue(Random& random, const MeasureShape& shape, double target, double previous) {
  if (shape.kind == Kind::kZeroTarget) return std::floor(std::pow(random.Uniform(), 3) * 4);
  double better = shape.polarity == Polarity::kLowerIsBetter ? -1 : 1;
  double r = random.Uniform();
  if (r < 0.08) return target;
  if (r < 0.16 && !std::isnan(previous)) return previous;
  if (r < 0.20) return target * (1 + better * (random.Chance(0.5) ? 0.02 : -0.05));
  return RoundTo(target * (1 + better * random.Between(-0.12, 0.10)), shape.kind);
}

void FillMeasure(Random& random, SyntheticCouncil& council, int measure) {
  MeasureShape shape = MakeShape(random);
  council.polarity[measure] = shape.polarity;
  double previous = kMissing;
  for (int p = 0; p < council.periods; ++p) {
    double target = RoundTo(shape.base_target * (1 + shape.growth * p), shape.kind);
    double value = MakeValue(random, shape, target, previous);
    if (random.Chance(0.03)) value = kMissing;
    if (random.Chance(0.04)) target = kMissing;
    council.values[council.Index(measure, p)] = value;
    council.targets[council.Index(measure, p)] = target;
    previous = value;
  }
}

}  // namespace

SeriesView SyntheticCouncil::Series(int measure) const {
  size_t first = Index(measure, 0);
  return {.values = std::span(values).subspan(first, periods),
          .targets = std::span(targets).subspan(first, periods),
          .polarity = polarity[measure]};
}

SyntheticCouncil MakeSyntheticCouncil(int measures, int periods, uint64_t seed) {
  SyntheticCouncil council;
  council.measures = measures;
  council.periods = periods;
  council.polarity.resize(measures);
  council.values.resize(static_cast<size_t>(measures) * periods);
  council.targets.resize(council.values.size());
  Random random(seed);
  for (int m = 0; m < measures; ++m) FillMeasure(random, council, m);
  return council;
}

}  // namespace scorecard::bench
