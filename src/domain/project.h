#pragma once
// Projects and programmes: present-state RAG from the four key criteria, and the future-state
// Delivery Confidence Assessment (Derby 2021's guidance).

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/period.h"

namespace scorecard {

enum class Rag : uint8_t { kGreen, kAmberGreen, kAmberRed, kRed, kPreStart, kCompleted };
std::expected<Rag, std::string> ParseRag(std::string_view text);
std::string_view ToString(Rag rag);
std::string_view Label(Rag rag);

// The four key criteria: each true when deliverable within tolerance.
struct KeyCriteria {
  bool time = true, cost = true, scope = true, benefits = true;
  int off_track() const { return !time + !cost + !scope + !benefits; }
};
// All on track: green; one not: amber/green; two or three: amber/red; all four: red.
Rag RagFromCriteria(const KeyCriteria& criteria);

struct ProjectAssessment {
  Period period;
  std::optional<KeyCriteria> criteria;
  std::optional<Rag> rag;  // as assessed, or computed from criteria by the reader
  std::optional<Rag> dca, dca_end;
  std::string commentary;
};

struct Project {
  std::string ref, title, node, owner, director, directorate, portfolio;
  std::string parent;  // the programme this project belongs to, if any
  bool priority = false;
  int order = 0;
  std::vector<ProjectAssessment> assessments;  // sorted by period

  const ProjectAssessment* AssessmentFor(const Period& period) const;
  // The latest assessment before `period`, or null.
  const ProjectAssessment* AssessmentBefore(const Period& period) const;
};

}  // namespace scorecard
