#pragma once
// For tests: builds a council from readable lines, e.g.
//   AddMeasure(c, "M1 node=t1 quarterly higher % | 2017/18=80 | Q1=79 Q2=82");
// The first part is the ref and settings; then targets ("PERIOD=N"); then values ("PERIOD=N",
// with Q1..Q4 meaning quarters of the council's year and "status=KEY" an override of the last).

#include <string_view>

#include "domain/council.h"

namespace scorecard {

// Q1..Q4 in the line are quarters of the financial year starting in `year`.
void AddMeasure(Council* c, std::string_view line, int year = 2017);
void AddAction(Council* c, std::string_view ref, std::string_view node, std::string_view planned,
               std::string_view ratings);  // "Q1=on-track Q2=completed"

}  // namespace scorecard
