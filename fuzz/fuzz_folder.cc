// A whole interchange folder from one input, then the engine over it. The input is the folder's
// files in kFiles order, separated by kMarker lines; an empty or missing piece is an absent file.
// A folder that reads cleanly is assessed for its reporting period (or 2017/18 Q2) and the period
// before, and summarised, as `scorecard assess` does.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/assessment.h"
#include "domain/summary.h"
#include "io/file_source.h"
#include "io/folder.h"

namespace {

constexpr std::string_view kMarker = "\n%%\n";
constexpr const char* kFiles[] = {
    "scorecard.toml", "measures.csv",    "targets.csv",     "values.csv",
    "framework.csv",  "comparators.csv", "actions.csv",     "action_ratings.csv",
    "projects.csv",   "risks.csv",       "risk_scores.csv", "project_assessments.csv",
};

scorecard::MemoryFileSource Split(std::string_view input) {
  scorecard::MemoryFileSource source;
  for (const char* name : kFiles) {
    size_t end = input.find(kMarker);
    std::string_view piece = input.substr(0, end);
    if (!piece.empty()) source.files[name] = std::string(piece);
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kMarker.size());
  }
  return source;
}

void Summarise(const scorecard::Council& council, scorecard::Period reporting) {
  scorecard::Assessor assessor(council);
  auto now = assessor.AssessAll(reporting);
  auto before = assessor.AssessAll(reporting.Previous());
  scorecard::Summariser summary(council, now, before, reporting);
  for (const scorecard::Group& group : summary.Groups()) {
    summary.StatusCounts(group);
    summary.DirectionCounts(group);
    summary.RatingCounts(group);
  }
  summary.RedFlags();
  summary.Exceptions();
  summary.StatusChanges();
  summary.RatingChanges();
  summary.Headlines();
  for (const scorecard::MeasureAssessment& a : now) {
    if (a.number) scorecard::FormatValue(*a.measure, *a.number);
    if (a.forecast.value) scorecard::FormatValue(*a.measure, *a.forecast.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto council = scorecard::ReadFolder(Split(input));
  if (!council) return 0;
  Summarise(*council,
            council->organisation.reporting_period.value_or(scorecard::Period::Quarter(2017, 2)));
  return 0;
}
