#pragma once
// Strategic risks: threats and opportunities scored likelihood x impact on 1-4 scales.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/period.h"

namespace scorecard {

enum class RiskKind : uint8_t { kThreat, kOpportunity };
std::string_view ToString(RiskKind kind);
// Names of the levels 1-4 of each scale ("remote", "possible", ...).
std::string_view LikelihoodName(RiskKind kind, int level);
std::string_view ImpactName(RiskKind kind, int level);

struct RiskScore {
  Period period;
  RiskKind kind = RiskKind::kThreat;
  std::optional<int> likelihood, impact;  // 1..4 each, where given
  int score = 0;                          // 1..16
  std::string commentary;
};

struct RiskBand {
  std::string key, label;
  int at_least = 0;  // the last band has 0
};
// The default bands: high 12-16, medium 6-9, low 1-4.
std::vector<RiskBand> DefaultRiskBands();
const RiskBand& BandFor(const std::vector<RiskBand>& bands, int score);

struct Risk {
  std::string ref, title, node, owner, director, directorate, portfolio, note;
  RiskKind kind = RiskKind::kThreat;
  int order = 0;
  std::vector<RiskScore> scores;  // sorted by period

  // The score of this kind for the period, or null.
  const RiskScore* ScoreFor(const Period& period, RiskKind kind) const;
  // The latest score of this kind before the period, or null.
  const RiskScore* ScoreBefore(const Period& period, RiskKind kind) const;
};

// The 4x4 matrix: cell [impact-1][likelihood-1] lists the refs of risks scored there.
struct RiskMatrix {
  std::vector<std::string> cells[4][4];
};

}  // namespace scorecard
