#pragma once
// Use case: enter a measure's figures and commentary for a period (a row of values.csv), as an
// officer does on the web. Steps: find the organisation; read the measure (not found if none) and
// its parts, the configuration (for its status schemes), the measure's targets (figures with
// none, or that look like fractions beside one, are warned of) and the value as stored now;
// check the entry by the import's rules for values.csv; save it in canonical form on top of the
// version the officer read, as one change saying who, why and from where. Fields are as typed,
// as in values.csv.

#include <string>

#include "app/record_edit.h"
#include "app/result.h"
#include "store/store.h"

namespace scorecard {

struct ValueEntry {
  EditBasis basis;  // base_version: the value's version as read; 0 if the period had none
  std::string ref, period;
  std::string value, numerator, denominator, flags, forecast;
  std::string status, status_reason, forecast_status;  // the officer's overrides, and why
  std::string context, actions, intervention, note;    // the commentary
};

Result<Saved> EnterValue(Store& store, const ValueEntry& entry);

}  // namespace scorecard
