#include "app/rate_action.h"

#include <fmt/format.h>

namespace scorecard {

Result<Saved> RateAction(Store& store, const ActionRatingEntry& e) {
  RecordEdit edit(
      store, SpecOf("action_ratings"), e.basis,
      {{"ref", e.ref}, {"period", e.period}, {"rating", e.rating}, {"commentary", e.commentary}});
  if (auto found = edit.FindOrganisation(); !found) return std::unexpected(found.error());
  auto action = edit.ReadItem(SpecOf("actions"), "an action or milestone");
  if (!action) return std::unexpected(action.error());
  auto config = edit.ReadConfig();
  if (!config) return std::unexpected(config.error());
  if (auto read = edit.ReadCurrent(); !read) return std::unexpected(read.error());
  EditSource source(std::move(*config), {std::move(*action), edit.FormTable()});
  if (auto checked = edit.Check(source); !checked) return std::unexpected(checked.error());
  return edit.Save(fmt::format("the rating of {} for {}", edit.Field("ref"), edit.Field("period")));
}

}  // namespace scorecard
