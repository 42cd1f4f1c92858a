#pragma once
// A worksheet part read into text cells, each cell as a person sees it in Excel: numbers in
// their shortest form, dates as YYYY-MM-DD, percentages with %, booleans as yes or no. A cell
// that holds no value (a formula, an error) is a problem, located, instead of a cell.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "domain/issue.h"
#include "io/workbook_parts.h"

namespace scorecard {

// What a worksheet's cells need from the rest of the workbook.
struct CellContext {
  std::vector<std::string> shared_strings;
  std::vector<NumberShape> styles;  // by style index
  bool date1904 = false;
};

struct SheetCell {
  int column = 0;  // 0 is column A
  std::string text;
};

struct SheetRow {
  int number = 0;                // the row number Excel shows
  std::vector<SheetCell> cells;  // only cells with text, left to right, one per column
};

// A problem with the sheet, a row or a cell, and where it is.
struct CellProblem {
  int row = 0;      // 0: the sheet as a whole
  int column = -1;  // -1: the row as a whole
  Problem problem;
};

struct Sheet {
  std::vector<SheetRow> rows;  // rows with at least one cell, top to bottom, one per number
  std::vector<CellProblem> problems;
};

// Fails with what is wrong with the XML (for the caller to name the part); problems with single
// cells go in the sheet. Rows and the cells of a row may come in any order in the XML: they are
// placed by their numbers and references. A row number or a cell reference given twice is a
// problem, and only the first is kept.
std::expected<Sheet, Problem> ParseSheet(std::string xml, const CellContext& context);

// The text of a number cell of this shape: fails with the problem, e.g. a date before 1900.
std::expected<std::string, Problem> NumberText(std::string_view literal, NumberShape shape,
                                               bool date1904);

// "A" for column 0, "AB" for 27.
std::string ColumnLetters(int column);

}  // namespace scorecard
