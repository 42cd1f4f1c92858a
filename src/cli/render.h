#pragma once
// How `scorecard assess` prints an assessed council: a table for people, CSV and JSON for tools.

#include <cstdio>
#include <string>

#include "app/assess_folder.h"

namespace scorecard {

void RenderTable(const AssessedCouncil& a, std::FILE* out);
void RenderCsv(const AssessedCouncil& a, std::FILE* out);
std::string RenderJson(const AssessedCouncil& a);  // in render_json.cc
// The reasoning behind one measure's status, direction of travel and forecast.
void RenderExplain(const AssessedCouncil& a, const MeasureAssessment& m, std::FILE* out);

// The plain-text value of a figure for CSV and JSON: the number in full, no unit.
std::string PlainNumber(const std::optional<double>& value);

}  // namespace scorecard
