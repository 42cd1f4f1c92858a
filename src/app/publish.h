#pragma once
// Use case: publish a period's report: record that it went out as the data stands now, so that
// it can be seen "as published" later, whatever changes afterwards, and keep the report's
// rendered files with it. A period that has not ended cannot be published; publishing a period
// again needs a reason, and every publication is kept with its files.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/position.h"
#include "app/result.h"
#include "app/store_session.h"

namespace scorecard {

// Makes a publication's files from the council's position as the publication froze it (with
// every figure held, PositionOptions::history). It runs while the publication is being written,
// so its failure publishes nothing. The use case checks nothing of what the files hold.
using PublicationRenderer =
    std::function<Result<std::vector<ReportFile>>(const Position&, const Publication&)>;

struct PublishRequest {
  StoreAddress address;
  Period period;
  ChangeInfo info;                       // info.reason: the publication's note
  std::optional<std::string> supersede;  // why the period is published again
  PublicationRenderer render;            // the files to keep; none: the period is recorded alone
};

struct Published {
  int64_t change = 0;
  std::optional<Publication> superseded;  // the publication this one replaces
  std::vector<PublishedFile> files;       // as stored, with their size and SHA-256
};

Result<Published> PublishReport(const PublishRequest& request, const Clock& clock);

// A publication and its stored files, each checked: its bytes give the size and SHA-256
// recorded when it was published.
struct PublishedReport {
  Publication publication;
  std::vector<PublishedFile> files;
};

// The files of the period's latest publication, or of its publication at change `change`. Not
// found: the period was never published (publish.not-published), or not at that change
// (publish.not-published-at); internal: a stored file is not as it was published
// (publish.file-changed).
Result<PublishedReport> ReadPublishedReport(const StoreAddress& address, const Period& period,
                                            std::optional<int64_t> change, const Clock& clock);

// The publication of the period's report in force at `as_at` (now, as at a moment or change,
// or as a report was published): the latest made by then, if any.
Result<std::optional<Publication>> PublicationAt(const StoreAddress& address, const Period& period,
                                                 const AsAt& as_at, const Clock& clock);

}  // namespace scorecard
