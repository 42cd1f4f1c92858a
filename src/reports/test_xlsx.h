#pragma once
// Reading a workbook back, for tests: each sheet's cells, as text and as they look, and what
// the sheet fixes (merged ranges, frozen panes, autofilter, column widths). Enough of the format
// for the workbooks libxlsxwriter writes and for those Excel saves; not a general reader.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

struct XlsxCell {
  // A string as it is; a number (a date too) as its shortest decimal: "1234.5", "43008".
  std::string text;
  bool number = false;
  std::string format = "General";  // the number format's code: "#,##0.0", "d mmm yyyy"
  bool bold = false;
  bool border = false;  // a box: a border on all four sides
  std::string fill;     // a solid fill, "#00703c"; empty if none
  std::string colour;   // the font's colour, "#ffffff"; empty if automatic
  bool date() const;    // a number in a date format
};

struct XlsxSheet {
  std::string name;
  // Row 1 first, each row as far as its last cell; a row with no cells is empty.
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<std::string> merges;  // "A1:C1", in the file's order
  std::string frozen;               // the top left cell of the unfrozen pane ("A5"); empty if none
  std::string autofilter;           // "A4:F20"; empty if none
  std::map<int, double> widths;     // column (0 is A) to its width, where the sheet sets one

  // The cell at a reference ("B3"), or an empty one.
  const XlsxCell& At(std::string_view ref) const;
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in the workbook's order
  // docProps: the title, the company, and the creation time ("2017-10-01T09:30:00Z").
  std::string title, company, created;

  // The sheet of that name. Throws std::out_of_range if there is none.
  const XlsxSheet& Sheet(std::string_view name) const;
};

// Throws std::runtime_error with the reason when the file cannot be read as a workbook.
XlsxWorkbook ReadXlsx(const std::string& path);

// Each sheet's rows as text, by the sheet's name: a cell's text as XlsxCell has it, except a
// date, which is yyyy-mm-dd ("2017-09-30"). A row ends at its last cell that is not empty, and
// the rows at the last row that is not; an empty row within stays, as no cells.
using XlsxText = std::map<std::string, std::vector<std::vector<std::string>>>;
XlsxText ReadXlsxText(const std::string& path);

// A cell's reference: CellRef(0, 0) is "A1", CellRef(2, 27) "AB3".
std::string CellRef(size_t row, size_t column);

}  // namespace scorecard
