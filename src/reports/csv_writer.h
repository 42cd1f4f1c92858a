#pragma once
// A report's tables as CSV files in a folder, one file per table (a chart's data included), for
// those who take the figures elsewhere. A file is UTF-8 without a byte order mark, RFC 4180
// quoted, each line ending "\n". Its first row names the columns, a grouped column as
// "Group: Label" ("Quarterly: Q1 2017/18"); a first column "Group" holds each row's group when
// any row has one, and a last column "Highlighted" each row's highlight when any row has one.
// A cell is its text as the report shows it, except a figure, which is its plain number
// ("1234.5", not "£1,234.50": the number's shortest form, to 9 decimal places), and a date, which
// is yyyy-mm-dd. A cell spanning columns is its text and an empty field for each further column;
// a row with fewer cells than columns ends in empty fields. A table without rows is its header
// alone (its `empty` words are the report's, not data). The same document gives the same bytes.

#include <string>
#include <vector>

#include "app/result.h"
#include "reports/document.h"

namespace scorecard {

struct CsvFile {
  std::string name;  // "scorecard.csv"
  std::string text;
};

// The CSV text of one table.
std::string CsvText(const ReportTable& table);

// The files a document's tables make, in the document's order. A file is named by its table:
// its name's letters, digits, ".", "_" and "-" kept and each run of other characters made one
// "-" ("table" if none is left), then ".csv"; a name already given (whatever its case) takes
// "-2", "-3", ... ("scorecard-2.csv").
std::vector<CsvFile> CsvFiles(const ReportDocument& document);

// Writes the document's files into `folder`, created if it is not there, and returns their
// names. The folder must hold nothing but files of those names (which are replaced) and hidden
// files (".DS_Store"): a folder holding other files is refused, so that two reports' files are
// never mixed and no one's file is removed. The files are written beside their names and only
// renamed into place once every one is whole, so a failure leaves the folder as it was.
Result<std::vector<std::string>> WriteCsv(const ReportDocument& document,
                                          const std::string& folder);

}  // namespace scorecard
