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

// The table's rows with their fields in spec.columns() order, each written one way. A row's
// trailing empty fields are left off (most of a million values' are: commentary, overrides).
// REQUIRES: the table was read without issues (every field reads as its column expects;
// a field that does not, such as a text measure's value, is kept as written).
std::vector<Row> CanonicalRows(const CsvTable& table, const TableSpec& spec);

// Whether two rows have the same fields, counting missing trailing fields as empty.
bool SameFields(const Row& a, const Row& b);

// Writes rows under the spec's header as RFC 4180 CSV (missing trailing fields empty).
std::string CsvText(const TableSpec& spec, const std::vector<Row>& rows);

}  // namespace scorecard
