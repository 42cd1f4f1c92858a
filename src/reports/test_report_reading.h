#pragma once
// For tests: reading a written report back into its tables and lists, so that what a report
// prints can be checked against figures transcribed from the seeds, in each format.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

// A table as a report prints it: its leaf column labels and its rows' cell texts (group heading
// rows left out).
struct ReadTable {
  std::string section;  // the id of the section it is in
  std::string id;       // the HTML table's id, or the spreadsheet's sheet
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> groups;  // the group headings between rows

  // The column's index, or -1.
  int Column(std::string_view label) const;
  // The first row holding a cell exactly `key`, or null.
  const std::vector<std::string>* Row(std::string_view key) const;
};

struct ReadReport {
  std::vector<ReadTable> tables;
  // Each section's list items, by the section's id ("red-flags", "headlines").
  std::map<std::string, std::vector<std::string>> lists;
  // Each section's id, in order, and the number of lists in it.
  std::vector<std::pair<std::string, int>> sections;
  // Text read from a PDF loses its spaces where lines wrap: then every text is compared with
  // its white space taken out (Squeezed).
  bool squeezed = false;

  // The tables whose id starts with `prefix` ("scorecard" finds scorecard-1, scorecard-2-1).
  std::vector<const ReadTable*> TablesStartingWith(std::string_view prefix) const;
  // `text` as this report's texts are held: squeezed if they are.
  std::string Text(std::string_view text) const;
};

// `text` without white space.
std::string Squeezed(std::string_view text);

// The tables and lists of a report written by HtmlWriter, its text unescaped.
ReadReport ReadHtmlReport(const std::string& html);

// The tables and lists of a workbook written by WriteXlsx, as ReadXlsxText gives its sheets
// (`sheets`: each section's sheet, by the section's id), found where the HTML report's are.
ReadReport ReadXlsxReport(const std::map<std::string, std::vector<std::vector<std::string>>>& text,
                          const std::map<std::string, std::string>& sheets, const ReadReport& html);

// The tables and lists of a tagged PDF, from its structure tree as `pdfinfo -struct-text`
// (poppler-utils) prints it; tables and lists are named after the HTML report's, in order.
ReadReport ReadPdfStructure(const std::string& struct_text, const ReadReport& html);

}  // namespace scorecard
