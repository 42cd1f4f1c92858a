#include "domain/project.h"

#include <array>

#include "domain/text.h"

namespace scorecard {
namespace {
constexpr std::array<std::string_view, 6> kKeys = {"green", "amber-green", "amber-red",
                                                   "red",   "pre-start",   "completed"};
constexpr std::array<std::string_view, 6> kLabels = {"Green", "Amber / Green", "Amber / Red",
                                                     "Red",   "Pre start",     "Completed"};
}  // namespace

std::expected<Rag, std::string> ParseRag(std::string_view text) {
  std::string s = ToLower(Trim(text));
  for (size_t i = 0; i < kKeys.size(); ++i) {
    if (kKeys[i] == s) return static_cast<Rag>(i);
  }
  return std::unexpected("a RAG: green, amber-green, amber-red, red, pre-start or completed");
}

std::string_view ToString(Rag rag) { return kKeys[static_cast<int>(rag)]; }
std::string_view Label(Rag rag) { return kLabels[static_cast<int>(rag)]; }

Rag RagFromCriteria(const KeyCriteria& c) {
  switch (c.off_track()) {
    case 0:
      return Rag::kGreen;
    case 1:
      return Rag::kAmberGreen;
    case 2:
    case 3:
      return Rag::kAmberRed;
    default:
      return Rag::kRed;
  }
}

const ProjectAssessment* Project::AssessmentFor(const Period& period) const {
  for (const ProjectAssessment& a : assessments) {
    if (a.period == period) return &a;
  }
  return nullptr;
}

const ProjectAssessment* Project::AssessmentBefore(const Period& period) const {
  const ProjectAssessment* best = nullptr;
  for (const ProjectAssessment& a : assessments) {
    if (a.period.end() < period.start()) best = &a;
  }
  return best;
}

}  // namespace scorecard
