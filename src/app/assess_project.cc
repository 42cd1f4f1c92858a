#include "app/assess_project.h"

#include <fmt/format.h>

namespace scorecard {

Result<Saved> AssessProject(Store& store, const ProjectAssessmentEntry& e) {
  RecordEdit edit(store, SpecOf("project_assessments"), e.basis,
                  {{"ref", e.ref},
                   {"period", e.period},
                   {"time", e.time},
                   {"cost", e.cost},
                   {"scope", e.scope},
                   {"benefits", e.benefits},
                   {"rag", e.rag},
                   {"dca", e.dca},
                   {"dca_end", e.dca_end},
                   {"commentary", e.commentary}});
  if (auto found = edit.FindOrganisation(); !found) return std::unexpected(found.error());
  auto project = edit.ReadItem(SpecOf("projects"), "a project");
  if (!project) return std::unexpected(project.error());
  auto config = edit.ReadConfig();
  if (!config) return std::unexpected(config.error());
  if (auto read = edit.ReadCurrent(); !read) return std::unexpected(read.error());
  EditSource source(std::move(*config), {std::move(*project), edit.FormTable()});
  if (auto checked = edit.Check(source); !checked) return std::unexpected(checked.error());
  return edit.Save(
      fmt::format("the assessment of {} for {}", edit.Field("ref"), edit.Field("period")));
}

}  // namespace scorecard
