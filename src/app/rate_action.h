#pragma once
// Use case: rate an action or milestone for a period (a row of action_ratings.csv). Steps: find
// the organisation; read the action (not found if none), the configuration and the rating as
// stored now; check the rating by the import's rules for action_ratings.csv; save it in
// canonical form on top of the version the officer read, as one change saying who, why and
// from where.

#include <string>

#include "app/record_edit.h"
#include "app/result.h"
#include "store/store.h"

namespace scorecard {

struct ActionRatingEntry {
  EditBasis basis;  // base_version: the rating's version as read; 0 if the period had none
  std::string ref, period;
  std::string rating;  // completed, on-track, some-slippage, ...
  std::string commentary;
};

Result<Saved> RateAction(Store& store, const ActionRatingEntry& entry);

}  // namespace scorecard
