#pragma once
// The reader of each interchange table (internal to src/io). Each appends to the council what it
// could read and an issue for everything it could not; false when the table's columns could not
// be read (so that no row was).

#include "domain/council.h"
#include "domain/issue.h"
#include "io/csv.h"

namespace scorecard {

using TableReader = bool (*)(const CsvTable&, Council*, Issues*);

bool ReadFramework(const CsvTable& csv, Council* council, Issues* issues);
bool ReadMeasures(const CsvTable& csv, Council* council, Issues* issues);
// REQUIRES: measures read (rows name them by ref).
bool ReadTargets(const CsvTable& csv, Council* council, Issues* issues);
bool ReadValues(const CsvTable& csv, Council* council, Issues* issues);
bool ReadComparators(const CsvTable& csv, Council* council, Issues* issues);
bool ReadActions(const CsvTable& csv, Council* council, Issues* issues);
bool ReadActionRatings(const CsvTable& csv, Council* council, Issues* issues);
bool ReadProjects(const CsvTable& csv, Council* council, Issues* issues);
bool ReadProjectAssessments(const CsvTable& csv, Council* council, Issues* issues);
bool ReadRisks(const CsvTable& csv, Council* council, Issues* issues);
bool ReadRiskScores(const CsvTable& csv, Council* council, Issues* issues);

}  // namespace scorecard
