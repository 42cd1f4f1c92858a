#include "app/score_risk.h"

#include <fmt/format.h>

namespace scorecard {

Result<Saved> ScoreRisk(Store& store, const RiskScoreEntry& e) {
  RecordEdit edit(store, SpecOf("risk_scores"), e.basis,
                  {{"ref", e.ref},
                   {"period", e.period},
                   {"likelihood", e.likelihood},
                   {"impact", e.impact},
                   {"score", e.score},
                   {"kind", e.kind},
                   {"commentary", e.commentary}});
  if (auto found = edit.FindOrganisation(); !found) return std::unexpected(found.error());
  auto risk = edit.ReadItem(SpecOf("risks"), "a risk");
  if (!risk) return std::unexpected(risk.error());
  auto config = edit.ReadConfig();
  if (!config) return std::unexpected(config.error());
  if (auto read = edit.ReadCurrent(); !read) return std::unexpected(read.error());
  // The import allows one score of each kind a period, the risk's own kind for an empty one.
  auto others =
      edit.ReadOthers({std::string(edit.Field("ref")), std::string(edit.Field("period"))});
  if (!others) return std::unexpected(others.error());
  EditSource source(std::move(*config), {std::move(*risk), edit.FormTable(*others)});
  if (auto checked = edit.Check(source); !checked) return std::unexpected(checked.error());
  std::string kind = edit.Field("kind").empty() ? "" : std::string(edit.Field("kind")) + " ";
  return edit.Save(
      fmt::format("the {}score of {} for {}", kind, edit.Field("ref"), edit.Field("period")));
}

}  // namespace scorecard
