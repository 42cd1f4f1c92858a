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
StatusView StatusOf(const Status& status);
MeasureRow MeasureRowOf(const Council& council, const MeasureAssessment& assessment, bool history);

// Fills the position's summaries, lists and items (position_lists.cc).
void AddSummaries(const Council& council, const Summariser& summary, Position* position);
void AddItems(const Council& council, const Period& reporting, Position* position);
void AddKeys(const Council& council, Position* position);

}  // namespace scorecard
