#pragma once
// Use cases: who changed what, when and why. A record's every version, and what differs between
// two moments.

#include <string_view>
#include <vector>

#include "app/result.h"
#include "app/store_session.h"

namespace scorecard {

// Every version of the records whose key is `ref` (a measure with its targets and values, an
// action with its ratings, ...), oldest first. kNotFound when no record has the ref.
Result<std::vector<Version>> RecordHistory(const StoreAddress& address, std::string_view ref,
                                           const Clock& clock);

struct ChangesBetween {
  int64_t from = 0, to = 0;
  std::vector<Difference> differences;
};
// What differs between the data as at `from` and as at `to` (each a moment or change:N; an
// empty `to` is now).
Result<ChangesBetween> DiffChanges(const StoreAddress& address, std::string_view from,
                                   std::string_view to, const Clock& clock);

}  // namespace scorecard
