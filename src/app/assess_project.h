#pragma once
// Use case: set a project's assessment for a period (a row of project_assessments.csv). Steps:
// find the organisation; read the project (not found if none), the configuration and the
// assessment as stored now; check it by the import's rules for project_assessments.csv; save it
// in canonical form on top of the version the officer read, as one change saying who, why and
// from where.

#include <string>

#include "app/record_edit.h"
#include "app/result.h"
#include "store/store.h"

namespace scorecard {

struct ProjectAssessmentEntry {
  EditBasis basis;  // base_version: the assessment's version as read; 0 if the period had none
  std::string ref, period;
  std::string time, cost, scope, benefits;  // the key criteria within tolerance: yes or no
  std::string rag, dca, dca_end;            // RAG, delivery confidence now and at the end
  std::string commentary;
};

Result<Saved> AssessProject(Store& store, const ProjectAssessmentEntry& entry);

}  // namespace scorecard
