#include "cli/request.h"

#include <utility>

namespace scorecard {

Issue RequestIssue(std::string_view code, std::string option, IssueParams params) {
  return MakeIssue(code, {"request", 0, std::move(option)}, std::move(params));
}

std::optional<Issue> SourceRequestIssue(const Options& o) {
  if (!o.org.empty()) {
    if (!o.source.empty()) return RequestIssue("request.folder-and-database", "org");
    if (o.published && o.period.empty()) {
      return RequestIssue("request.published-without-period", "published");
    }
    return std::nullopt;
  }
  if (o.source.empty()) return RequestIssue("request.no-source", "");
  if (!o.db.empty()) return RequestIssue("request.folder-and-database", "db");
  if (!o.as_at.empty()) {
    return RequestIssue("request.history-of-folder", "as-at", {{"option", "as-at"}});
  }
  if (o.published) {
    return RequestIssue("request.history-of-folder", "published", {{"option", "published"}});
  }
  return std::nullopt;
}

}  // namespace scorecard
