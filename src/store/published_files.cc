// The files of published reports: written with their publication (Store::Publish), read
// back, and checked against the size and SHA-256 recorded when they were published.

#include <fmt/format.h>

#include <set>

#include "domain/sha256.h"
#include "store/store.h"

namespace scorecard {
namespace {

int64_t ToInt(const Cell& c) { return c ? std::stoll(*c) : 0; }

}  // namespace

StoreResult<void> Store::AddPublishedFiles(int64_t org, const Publication& publication,
                                           const std::vector<ReportFile>& files) {
  std::set<std::string_view> names;
  for (size_t i = 0; i < files.size(); ++i) {
    const ReportFile& f = files[i];
    if (f.name.empty() || !names.insert(f.name).second) {
      return Fail(StoreError::Kind::kInvalid,
                  f.name.empty() ? "a published file needs a name"
                                 : fmt::format("two published files are named {}", f.name));
    }
    std::string sha256 = Sha256Hex(f.content);
    auto r = db_->Query(
        "INSERT INTO published_files (org_id, period, change_id, seq, name, format, size, sha256, "
        "content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {org, std::string_view(publication.period), publication.change, static_cast<int64_t>(i),
         std::string_view(f.name), std::string_view(f.format),
         static_cast<int64_t>(f.content.size()), std::string_view(sha256), Blob{f.content}});
    if (!r) return std::unexpected(r.error());
  }
  return {};
}

StoreResult<std::vector<PublishedFile>> Store::PublishedFiles(int64_t org, std::string_view period,
                                                              int64_t change) {
  auto rows = db_->Query(
      "SELECT name, format, size, sha256, content FROM published_files WHERE org_id = $1 AND "
      "period = $2 AND change_id = $3 ORDER BY seq",
      {org, period, change});
  if (!rows) return std::unexpected(rows.error());
  std::vector<PublishedFile> out;
  for (ResultRow& r : *rows) {
    out.push_back({r.at(0).value_or(""), r.at(1).value_or(""), ToInt(r.at(2)), r.at(3).value_or(""),
                   std::move(r.at(4)).value_or("")});
  }
  return out;
}

StoreResult<std::vector<std::string>> Store::CheckPublishedFiles() {
  // One file at a time: a report's files may be large, and there may be many.
  auto keys = db_->Query(
      "SELECT org_id, period, change_id, name FROM published_files ORDER BY org_id, period, "
      "change_id, seq");
  if (!keys) return std::unexpected(keys.error());
  std::vector<std::string> problems;
  for (const ResultRow& k : *keys) {
    auto rows = db_->Query(
        "SELECT size, sha256, content FROM published_files WHERE org_id = $1 AND period = $2 AND "
        "change_id = $3 AND name = $4",
        {ToInt(k.at(0)), std::string_view(*k.at(1)), ToInt(k.at(2)), std::string_view(*k.at(3))});
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) continue;  // (cannot be deleted; a concurrent reader sees it or not)
    const ResultRow& r = rows->front();
    std::string content = r.at(2).value_or("");
    std::string sha256 = Sha256Hex(content);
    std::string_view recorded = r.at(1) ? std::string_view(*r.at(1)) : "";
    if (sha256 == recorded && static_cast<int64_t>(content.size()) == ToInt(r.at(0))) continue;
    problems.push_back(fmt::format(
        "published file {} of the {} report published at change {} (organisation {}): its {} "
        "bytes give SHA-256 {}, not the {} bytes and SHA-256 {} recorded when it was published",
        *k.at(3), *k.at(1), *k.at(2), *k.at(0), content.size(), sha256, ToInt(r.at(0)), recorded));
  }
  return problems;
}

}  // namespace scorecard
