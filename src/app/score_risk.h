#pragma once
// Use case: score a risk for a period (a row of risk_scores.csv). Steps: find the organisation;
// read the risk (not found if none), the configuration, the score as stored now and the risk's
// other scores for the period (a risk has one score of each kind a period); check the score by
// the import's rules for risk_scores.csv; save it in canonical form on top of the version the
// officer read, as one change saying who, why and from where.

#include <string>

#include "app/record_edit.h"
#include "app/result.h"
#include "store/store.h"

namespace scorecard {

struct RiskScoreEntry {
  EditBasis basis;  // base_version: the score's version as read; 0 if the period had none
  std::string ref, period;
  std::string likelihood, impact, score;  // 1-4, 1-4, and 1-16 (likelihood x impact)
  std::string kind;                       // threat or opportunity; empty: the risk's own
  std::string commentary;
};

Result<Saved> ScoreRisk(Store& store, const RiskScoreEntry& entry);

}  // namespace scorecard
