#pragma once
// Use case: record that a period's report was published as the data stands now, so that it can
// be seen "as published" later, whatever changes afterwards. A period that has not ended cannot
// be published; publishing a period again needs a reason, and both publications are kept.

#include <optional>
#include <string>

#include "app/result.h"
#include "app/store_session.h"

namespace scorecard {

struct PublishRequest {
  StoreAddress address;
  Period period;
  ChangeInfo info;                       // info.reason: the publication's note
  std::optional<std::string> supersede;  // why the period is published again
};

struct Published {
  int64_t change = 0;
  std::optional<Publication> superseded;  // the publication this one replaces
};

Result<Published> PublishReport(const PublishRequest& request, const Clock& clock);

}  // namespace scorecard
