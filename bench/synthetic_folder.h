#pragma once
// A synthetic council written as an interchange folder (docs/interchange.md), for the import
// benchmark: scorecard.toml, measures.csv, targets.csv (annual targets for the last two years)
// and values.csv (one row per measure and quarter, from 2012/13 Q1), with the flags, forecasts,
// overrides and commentary a council's return has. Deterministic for a given seed.

#include <cstddef>
#include <cstdint>
#include <string>

namespace scorecard::bench {

struct FolderCounts {
  size_t measures = 0, targets = 0, values = 0;
};

// The label of quarter `quarter` of the folder: 0 is "2012/13 Q1".
std::string QuarterLabel(int quarter);

// REQUIRES: `dir` exists; quarters >= 8.
FolderCounts WriteSyntheticFolder(const std::string& dir, int measures, int quarters,
                                  uint64_t seed);

}  // namespace scorecard::bench
