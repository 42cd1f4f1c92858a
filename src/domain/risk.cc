#include "domain/risk.h"

namespace scorecard {

std::string_view ToString(RiskKind kind) {
  return kind == RiskKind::kThreat ? "threat" : "opportunity";
}

std::string_view LikelihoodName(RiskKind kind, int level) {
  static constexpr std::string_view kThreat[] = {"remote", "possible", "probable",
                                                 "highly probable"};
  static constexpr std::string_view kOpportunity[] = {"rare", "unlikely", "probable",
                                                      "highly probable"};
  if (level < 1 || level > 4) return "?";
  return kind == RiskKind::kThreat ? kThreat[level - 1] : kOpportunity[level - 1];
}

std::string_view ImpactName(RiskKind kind, int level) {
  static constexpr std::string_view kThreat[] = {"low", "medium", "high", "very high"};
  static constexpr std::string_view kOpportunity[] = {"insignificant", "minor", "moderate",
                                                      "significant"};
  if (level < 1 || level > 4) return "?";
  return kind == RiskKind::kThreat ? kThreat[level - 1] : kOpportunity[level - 1];
}

std::vector<RiskBand> DefaultRiskBands() {
  return {{"high", "High", 12}, {"medium", "Medium", 6}, {"low", "Low", 0}};
}

const RiskBand& BandFor(const std::vector<RiskBand>& bands, int score) {
  for (const RiskBand& b : bands) {
    if (score >= b.at_least) return b;
  }
  return bands.back();
}

const RiskScore* Risk::ScoreFor(const Period& period, RiskKind kind) const {
  for (const RiskScore& s : scores) {
    if (s.period == period && s.kind == kind) return &s;
  }
  return nullptr;
}

const RiskScore* Risk::ScoreBefore(const Period& period, RiskKind kind) const {
  const RiskScore* best = nullptr;
  for (const RiskScore& s : scores) {
    if (s.kind == kind && s.period.end() < period.start()) best = &s;
  }
  return best;
}

}  // namespace scorecard
