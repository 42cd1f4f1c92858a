#include "app/publish.h"

#include "app/assess.h"
#include "domain/sha256.h"

namespace scorecard {
namespace {

std::unexpected<Failure> RequestIssue(Failure::Kind kind, std::string_view code, std::string field,
                                      IssueParams params) {
  return Fails(kind, {MakeIssue(code, {"request", 0, std::move(field)}, std::move(params))});
}

// The files of the publication being written, made from the position as it froze it.
Result<std::vector<ReportFile>> MakeFiles(Store& store, int64_t org, const PublishRequest& request,
                                          const Publication& publication) {
  PositionOptions options;
  options.history = true;
  auto position =
      AssessOpened(store, org, request.address.org, publication.change, request.period, options);
  if (!position) return std::unexpected(position.error());
  return request.render(*position, publication);
}

// The period's latest publication, or its publication at `change`.
Result<Publication> Chosen(const std::vector<Publication>& all, const Period& period,
                           std::optional<int64_t> change) {
  if (all.empty()) {
    return RequestIssue(Failure::Kind::kNotFound, "publish.not-published", "period",
                        {{"period", period.ToString()}});
  }
  if (!change) return all.back();
  std::string changes;
  for (const Publication& p : all) {
    if (p.change == *change) return p;
    changes += (changes.empty() ? "" : ", ") + std::to_string(p.change);
  }
  return RequestIssue(
      Failure::Kind::kNotFound, "publish.not-published-at", "as-at",
      {{"period", period.ToString()}, {"change", std::to_string(*change)}, {"changes", changes}});
}

// The file, if its bytes are still those published; else what is wrong with it.
Result<void> Checked(const PublishedFile& f, const Publication& publication) {
  std::string sha256 = Sha256Hex(f.content);
  if (sha256 == f.sha256 && static_cast<int64_t>(f.content.size()) == f.size) return {};
  return Fails(Failure::Kind::kInternal, {MakeIssue("publish.file-changed", {"database", 0, f.name},
                                                    {{"file", f.name},
                                                     {"period", publication.period},
                                                     {"change", std::to_string(publication.change)},
                                                     {"size", std::to_string(f.content.size())},
                                                     {"sha256", sha256},
                                                     {"recorded_size", std::to_string(f.size)},
                                                     {"recorded_sha256", f.sha256}})});
}

}  // namespace

Result<Published> PublishReport(const PublishRequest& request, const Clock& clock) {
  const Period& period = request.period;
  if (!(period.end() < DateOf(clock.Now()))) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.not-ended", "period",
                        {{"period", period.ToString()}, {"end", period.end().ToString()}});
  }
  if (request.supersede && request.supersede->empty()) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.supersede-reason", "supersede", {});
  }
  auto opened = OpenOrganisation(request.address, Access::kWrite, clock);
  if (!opened) return std::unexpected(opened.error());
  Store& store = *opened->store;
  auto earlier = store.Publications(opened->org, period.ToString());
  if (!earlier) return FromStore(earlier.error());
  Published out;
  if (!earlier->empty()) out.superseded = earlier->back();
  if (out.superseded && !request.supersede) {
    const Publication& last = *out.superseded;
    return RequestIssue(Failure::Kind::kConflict, "publish.already", "period",
                        {{"period", period.ToString()},
                         {"change", std::to_string(last.change)},
                         {"at", FormatMoment(last.at).substr(0, 10)},
                         {"author", last.author}});
  }
  if (!out.superseded && request.supersede) {
    return RequestIssue(Failure::Kind::kInvalid, "publish.nothing-to-supersede", "supersede",
                        {{"period", period.ToString()}});
  }
  ChangeInfo info = request.info;
  if (request.supersede) {
    info.reason = *request.supersede + (info.reason.empty() ? "" : "; " + info.reason);
  }
  std::optional<Failure> not_made;  // why the files could not be made, if they could not
  PublicationFiles files;
  if (request.render) {
    files = [&](const Publication& publication) -> StoreResult<std::vector<ReportFile>> {
      auto made = MakeFiles(store, opened->org, request, publication);
      if (made) return std::move(*made);
      not_made = std::move(made.error());
      return Fail(StoreError::Kind::kInvalid, "the report's files could not be made");
    };
  }
  auto change =
      store.Publish(opened->org, period.ToString(), info,
                    out.superseded ? std::optional(out.superseded->change) : std::nullopt, files);
  if (!change) return not_made ? std::unexpected(*not_made) : FromStore(change.error());
  out.change = *change;
  auto stored = store.PublishedFiles(opened->org, period.ToString(), *change);
  if (!stored) return FromStore(stored.error());
  out.files = std::move(*stored);
  return out;
}

Result<PublishedReport> ReadPublishedReport(const StoreAddress& address, const Period& period,
                                            std::optional<int64_t> change, const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  Store& store = *opened->store;
  auto all = store.Publications(opened->org, period.ToString());
  if (!all) return FromStore(all.error());
  auto chosen = Chosen(*all, period, change);
  if (!chosen) return std::unexpected(chosen.error());
  PublishedReport out{*chosen, {}};
  auto files = store.PublishedFiles(opened->org, period.ToString(), chosen->change);
  if (!files) return FromStore(files.error());
  for (const PublishedFile& f : *files) {
    if (auto checked = Checked(f, *chosen); !checked) return std::unexpected(checked.error());
  }
  out.files = std::move(*files);
  return out;
}

Result<std::optional<Publication>> PublicationAt(const StoreAddress& address, const Period& period,
                                                 const AsAt& as_at, const Clock& clock) {
  auto opened = OpenOrganisation(address, Access::kRead, clock);
  if (!opened) return std::unexpected(opened.error());
  auto change = ResolveAsAt(*opened->store, opened->org, as_at);
  if (!change) return std::unexpected(change.error());
  auto all = opened->store->Publications(opened->org, period.ToString());
  if (!all) return FromStore(all.error());
  std::optional<Publication> out;
  for (const Publication& p : *all) {
    if (!*change || p.change <= **change) out = p;
  }
  return out;
}

}  // namespace scorecard
