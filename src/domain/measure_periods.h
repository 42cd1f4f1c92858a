#pragma once
// Which periods a measure's rows may be recorded for, and whether a figure has a target: the
// rules the readers apply so that no row is read and then never used by a report
// (docs/interchange.md, "Which periods fit a measure").

#include <string>

#include "domain/measure.h"
#include "domain/period.h"

namespace scorecard {

// What a row of values.csv or targets.csv holds, for the periods it may be recorded for.
enum class RowKind : uint8_t {
  kFigure,    // a value in values.csv
  kNoFigure,  // a values.csv row with only commentary, flags, overrides or a forecast
  kTarget,    // a row of targets.csv
};

// True when a report reads a row of this kind for the period:
// - any row: a period of the measure's frequency, or the year of its year basis (the year's
//   target, the year's outturn);
// - a figure also: for a monthly measure, a quarter (its quarter-end figure, which a report
//   reads for the quarter's last month and the previous report); for a rolling measure, the 12
//   months ending where one of those periods ends;
// - a row with no figure also: a quarter, which is how a report annotates a measure that is not
//   quarterly (its flags, overrides and forecast are read from the report's own row).
// Never a day, a period finer than the frequency, or a year of another basis.
bool FitsMeasure(const Measure& m, const Period& p, RowKind kind);

// What FitsMeasure accepts for a row of this kind, in words, with an example near the period
// `near`: "a quarter such as 2022/23 Q1, or a year".
std::string FittingPeriods(const Measure& m, const Period& near, RowKind kind);

// The period in words: "the month 2022-06", "the calendar year 2016".
std::string DescribePeriod(const Period& p);

// True when a report assesses the measure's figures against targets: it has good and bad
// performance and its figures are numbers.
bool AssessedAgainstTargets(const Measure& m);

// True when targets.csv has a row (of any kind: none, baseline, tbc and under-development say
// why there is no number) for the period, for the year of the measure's basis containing it, or
// for a period within it.
bool HasTargetRow(const Measure& m, const Period& p);

}  // namespace scorecard
