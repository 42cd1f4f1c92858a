#pragma once
// The canonical form of an interchange table's rows: the table's own columns in order (x_ and
// unknown columns dropped), periods, numbers and yes/no in one spelling each. Stored and
// exported rows are canonical, so re-importing the same data finds nothing changed.

#include <string>
#include <vector>

#include "io/csv.h"
#include "io/interchange.h"

namespace scorecard {

using Row = std::vector<std::string>;

// REQUIRES: the table was read without issues (every field reads as its column expects;
// a field that does not, such as a text measure's value, is kept as written).
std::vector<Row> CanonicalRows(const CsvTable& table, const TableSpec& spec);

// Writes rows under the spec's header as RFC 4180 CSV.
std::string CsvText(const TableSpec& spec, const std::vector<Row>& rows);

}  // namespace scorecard
