#pragma once
// The reader of each interchange table (internal to src/io). Each appends to the council what it
// could read and an issue for everything it could not.

#include "domain/council.h"
#include "domain/issue.h"
#include "io/csv.h"

namespace scorecard {

void ReadFramework(const CsvTable& csv, Council* council, Issues* issues);
void ReadMeasures(const CsvTable& csv, Council* council, Issues* issues);
// REQUIRES: measures read (rows name them by ref).
void ReadTargets(const CsvTable& csv, Council* council, Issues* issues);
void ReadValues(const CsvTable& csv, Council* council, Issues* issues);
void ReadComparators(const CsvTable& csv, Council* council, Issues* issues);
void ReadActions(const CsvTable& csv, Council* council, Issues* issues);
void ReadActionRatings(const CsvTable& csv, Council* council, Issues* issues);
void ReadProjects(const CsvTable& csv, Council* council, Issues* issues);
void ReadProjectAssessments(const CsvTable& csv, Council* council, Issues* issues);
void ReadRisks(const CsvTable& csv, Council* council, Issues* issues);
void ReadRiskScores(const CsvTable& csv, Council* council, Issues* issues);

}  // namespace scorecard
