#pragma once
// A council's status scheme: named statuses with colours and symbols, each earned by a band of
// the signed deviation from target. Rules are data: the built-in schemes are defined the same way
// a council defines its own in scorecard.toml.

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/issue.h"
#include "domain/measure.h"

namespace scorecard {

enum class DeviationKind : uint8_t { kRelative, kAbsolute };
enum class BoundKind : uint8_t { kNone, kAbove, kAtLeast };

// Tolerance for band edges, so that 1.02 against 1.00 is exactly 2% above.
inline constexpr double kEdgeTolerance = 1e-9;

// The statuses that are not earned by a band.
enum class SpecialStatus : uint8_t {
  kNoTarget,
  kBaseline,
  kTbc,
  kUnderDevelopment,
  kNotAvailable,
  kNotDue,
};
inline constexpr int kSpecialStatusCount = 6;
std::string_view SpecialKey(SpecialStatus status);
std::optional<SpecialStatus> ParseSpecialKey(std::string_view key);

// What a status looks like: never told by colour alone.
struct StatusLabel {
  std::string key, label, symbol, colour;
};

struct Band {
  StatusLabel status;
  BoundKind bound = BoundKind::kNone;
  double limit = 0;
};

class StatusScheme {
 public:
  std::string name;
  std::string label;
  DeviationKind deviation = DeviationKind::kRelative;
  std::vector<Band> bands;  // best first; the last has no bound
  DotBasis dot = DotBasis::kPreviousPeriod;
  double stable_within = 0;
  std::array<StatusLabel, kSpecialStatusCount> special;  // as printed, after any folding

  // The signed deviation, positive when better than target whatever the polarity.
  // REQUIRES: polarity is not kNone.
  double DeviationOf(double actual, double target, Polarity polarity) const {
    double diff = polarity == Polarity::kLowerIsBetter ? target - actual : actual - target;
    if (deviation == DeviationKind::kAbsolute) return diff;
    if (target == 0) {
      return diff > 0   ? std::numeric_limits<double>::infinity()
             : diff < 0 ? -std::numeric_limits<double>::infinity()
                        : 0.0;
    }
    return diff / std::fabs(target);
  }
  // The index of the first band whose bound the deviation meets.
  size_t BandFor(double d) const {
    for (size_t i = 0; i + 1 < bands.size(); ++i) {
      const Band& b = bands[i];
      if (b.bound == BoundKind::kAbove ? d > b.limit + kEdgeTolerance
                                       : d >= b.limit - kEdgeTolerance) {
        return i;
      }
    }
    return bands.size() - 1;
  }
  const StatusLabel& Special(SpecialStatus s) const { return special[static_cast<int>(s)]; }
  // The label for a status key: a band's or a special status's. Null if the scheme has none.
  const StatusLabel* Find(std::string_view key) const;
  // The position of a key from best (0) to worst; special statuses rank after every band.
  int Rank(std::string_view key) const;
  // Describes a band's rule in words: "above 2%", "at least -5%".
  std::string DescribeBand(size_t index) const;
  // Checks the scheme is usable: what is wrong (a config.* issue for its caller to place), or
  // nothing.
  std::optional<Problem> Validate() const;
};

// A signed deviation as people read it: "+2.4%" (relative) or "-3" (absolute), "+infinity".
std::string FormatDeviation(double deviation, DeviationKind kind);
// What a special status means, for a report's key: "no figure is held though one is due".
std::string_view SpecialMeaning(SpecialStatus status);

// Built-in labels and symbols for the special statuses.
std::array<StatusLabel, kSpecialStatusCount> DefaultSpecialLabels();

// The three seed schemes: derby-2012, derby-2021, rotherham-2017. Null for any other name.
const StatusScheme* BuiltInScheme(std::string_view name);
std::vector<std::string_view> BuiltInSchemeNames();

}  // namespace scorecard
