#pragma once
// How `scorecard assess` prints a council's position: a table for people, CSV and JSON for
// tools. Each only places what the Position holds.

#include <cstdio>
#include <string>

#include "app/position.h"

namespace scorecard {

void RenderTable(const Position& p, std::FILE* out);
void RenderCsv(const Position& p, std::FILE* out);
std::string RenderJson(const Position& p);  // in render_json.cc
// The reasoning behind one measure's status, direction of travel and forecast.
void RenderExplain(const Position& p, const MeasureRow& m, std::FILE* out);

}  // namespace scorecard
