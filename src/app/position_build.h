#pragma once
// Building the Position model from the engine's assessments (internal to src/app).

#include <optional>

#include "app/position.h"
#include "domain/assessment.h"
#include "domain/council.h"
#include "domain/summary.h"

namespace scorecard {

// A figure of the measure: in its unit and places (see Measure::DecimalsFor).
Figure FigureOf(const Measure& measure, const std::optional<double>& value, int given_decimals);
// A figure with no unit, as few places as it needs (a numerator, a count).
Figure PlainFigure(double value);
Figure PlainFigureOf(const std::optional<double>& value);
StatusView StatusOf(Status status);
// The measure's row, taking the assessment's words (its reasons) rather than copying them.
MeasureRow MeasureRowOf(const Council& council, MeasureAssessment assessment, bool history);

// Fills the position's summaries, lists and items (position_lists.cc). The summariser's
// assessments for the period are `now`, whose order the position's measure rows keep.
void AddSummaries(const Council& council, const Summariser& summary,
                  const std::vector<MeasureAssessment>& now, Position* position);
void AddItems(const Council& council, const Period& reporting, Position* position);
void AddKeys(const Council& council, Position* position);

}  // namespace scorecard
