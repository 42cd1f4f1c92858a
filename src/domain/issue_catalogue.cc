// The catalogue of issues: every code, its words and how to put it right. The CLI, imports and
// (later) the web's forms all take their words from here; docs/interchange.md lists each code.
// Words may hold {placeholders}, filled from the issue's parameters.

#include "domain/issue.h"

namespace scorecard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kWarning = Severity::kWarning;

constexpr IssueText kCatalogue[] = {
    // --- Reading a folder or a workbook --------------------------------------------------------
    {"folder.no-config", kError, "expected this file: the organisation and its status rules",
     "Every interchange folder needs scorecard.toml (see docs/interchange.md, scorecard.toml)."},
    {"workbook.no-config", kError,
     "expected a sheet named scorecard holding scorecard.toml, one line per row in column A",
     "Add the sheet, or export a council from Scorecard to see one."},
    {"folder.no-table", kError,
     "expected this table (the tables that name its rows are read once it is there)",
     "measures.csv is required: every folder has at least one measure."},
    {"folder.needs-table", kError, "expected {needs} too: this table names its rows",
     "Add the table whose items this one rates or scores, or remove this one."},
    {"folder.unreadable", kError, "cannot be read: {why}",
     "Check the file's permissions, and that it is a file, not a folder."},
    {"folder.unexpected-file", kError,
     "expected only the files Scorecard reads: did you mean {nearest}? (keep files of your own "
     "under names starting x_)",
     "Rename the file to the name Scorecard expects (names are lower case and end .csv), or, if "
     "it is yours, start its name with x_. A misnamed file would otherwise be passed over, and "
     "an import would keep the table as stored."},
    {"folder.unknown-file", kError,
     "expected only the files Scorecard reads: scorecard.toml and the tables of "
     "docs/interchange.md (keep files of your own under names starting x_)",
     "Remove the file, or start its name with x_ if it is yours."},
    {"folder.unexpected-folder", kError,
     "expected no folders in an interchange folder but reports/, of report layouts (keep "
     "folders of your own under names starting x_)",
     "Move the folder out, or start its name with x_. The folder of report layouts is named "
     "reports, in lower case."},
    {"workbook.unexpected-sheet", kError,
     "expected only the sheets Scorecard reads: did you mean {nearest}? (keep sheets of your own "
     "under names starting x_)",
     "Rename the sheet to the table's name (measures, values, ...), or, if it is yours, start its "
     "name with x_."},
    {"workbook.unknown-sheet", kError,
     "expected only the sheets Scorecard reads: scorecard, the tables of docs/interchange.md "
     "and report layouts named report NAME (keep sheets of your own under names starting x_)",
     "Rename the sheet to start with x_ (x_Notes), or move it to another workbook."},
    {"workbook.chart-sheet", kError, "expected cells, not a chart, in a sheet named like a table",
     "Give the chart sheet another name (starting x_)."},
    {"folder.hidden-file", kWarning, "not read: a hidden file",
     "Nothing to do if the file is your system's (.DS_Store, say)."},
    {"folder.lock-file", kWarning,
     "not read: Excel's lock file, so {file} is open in Excel; Scorecard reads what was last "
     "saved",
     "Save and close the file in Excel, then run again."},

    // --- Opening a folder or a workbook: the path, the file and its parts ----------------------
    {"source.nothing-there", kError,
     "expected an interchange folder or an Excel workbook (.xlsx): there is nothing at this path",
     "Check the path's spelling, and which folder the command is run from."},
    {"source.other-file", kError,
     "expected an interchange folder or an Excel workbook (.xlsx), not this file",
     "Give the folder that holds scorecard.toml and the CSV files, not one of its files; a "
     "workbook's name ends .xlsx."},
    {"workbook.too-large", kError, "expected a workbook of at most {megabytes} MB",
     "Far more than any council's tables: remove what Scorecard does not read (pictures, other "
     "sheets), or give the tables as a folder of CSV files."},
    {"workbook.unreadable", kError, "expected a file that can be read: {why}",
     "Check the file's permissions, then run again."},
    {"workbook.empty", kError, "expected an Excel workbook (.xlsx): the file is empty",
     "A file of no bytes is often one still being copied or saved: save it again from Excel."},
    {"workbook.not-zip", kError,
     "expected an Excel workbook (.xlsx): the file is not a zip archive",
     "An .xlsx file is a zip archive: this one may be an older .xls, a CSV file renamed, or "
     "damaged. Save it from Excel as \"Excel Workbook (*.xlsx)\"."},
    {"workbook.too-large-uncompressed", kError,
     "expected a workbook of at most {megabytes} MB when uncompressed: this one holds more",
     "Far more than any council's tables: remove what Scorecard does not read (pictures, other "
     "sheets), or give the tables as a folder of CSV files."},
    {"workbook.part-unreadable", kError,
     "expected an Excel workbook (.xlsx): {part} cannot be read: {why}",
     "The zip archive is damaged: save the workbook again from Excel, or copy it again."},
    {"workbook.part-not-xml", kError,
     "expected an Excel workbook (.xlsx): {part} is not well-formed XML ({why} at byte {byte})",
     "The workbook is damaged, or was written by a program that does not follow the format: "
     "open it in a spreadsheet program and save it again."},
    {"workbook.no-workbook-element", kError,
     "expected an Excel workbook (.xlsx): {part} has no <workbook> element",
     "The workbook is damaged, or was written by a program that does not follow the format: "
     "open it in a spreadsheet program and save it again."},
    {"workbook.missing-part", kError,
     "expected an Excel workbook (.xlsx): the archive has no {part}",
     "The file is a zip archive but not an Excel workbook (a Word document, say), or a damaged "
     "one: save it from Excel as \"Excel Workbook (*.xlsx)\"."},
    {"workbook.sheet-without-part", kError,
     "expected an Excel workbook (.xlsx): the sheet {sheet} has no part",
     "The workbook is damaged: open it in a spreadsheet program and save it again."},
    {"workbook.sheet-twice", kError, "expected one sheet named {sheet}",
     "Sheet names are matched without regard to case (Values and values are the same table): "
     "rename one of the two, starting x_ if it is yours, or remove it."},
    {"workbook.no-header", kError, "expected a header row naming the columns",
     "The sheet's first row with anything in it names the columns (docs/interchange.md lists "
     "each table's)."},
    {"workbook.too-many-cells", kError,
     "expected at most {cells} cells (rows x columns) in a sheet: the rows from here on are not "
     "read",
     "Far more than any council's table: look for a stray cell far below the table or a stray "
     "column name far to its right, and clear it."},
    {"workbook.unnamed-column", kError, "expected a column name in the header row above this value",
     "Name the column in the header row, or clear the cell if it is stray."},
    {"workbook.config-column", kError, "expected scorecard.toml in column A only",
     "Put each line of scorecard.toml in column A, one line per row, and clear the other "
     "columns."},

    // --- Reading a workbook's cells -------------------------------------------------------------
    {"workbook.row-number", kError, "expected a row number, not \"{text}\" (the file is damaged)",
     "The sheet's XML numbers a row wrongly, which Excel never writes: open the workbook in a "
     "spreadsheet program and save it again."},
    {"workbook.too-many-rows", kError, "expected at most 1,048,576 rows, Excel's limit",
     "The sheet's XML numbers a row past Excel's last, which Excel never writes: open the "
     "workbook in a spreadsheet program and save it again."},
    {"workbook.cell-ref", kError,
     "expected a cell reference such as B2, not \"{ref}\" (the file is damaged)",
     "The sheet's XML names a cell wrongly, which Excel never writes: open the workbook in a "
     "spreadsheet program and save it again."},
    {"workbook.too-many-columns", kError, "expected at most 16,384 columns, Excel's limit",
     "The sheet's XML places a cell past column XFD, Excel's last, which Excel never writes: "
     "open the workbook in a spreadsheet program and save it again."},
    {"workbook.formula", kError, "expected a value, not a formula: paste values instead",
     "Copy the cells and paste them as values (Paste Special, Values). Keep the formulas, if "
     "you need them, in a sheet of your own (named x_...)."},
    {"workbook.error-value", kError, "expected a value, not the error {error}",
     "Correct what gives the error (#N/A, #DIV/0!, ...), or clear the cell, and paste values."},
    {"workbook.boolean", kError, "expected TRUE or FALSE, not \"{text}\"",
     "The cell's XML holds a damaged true-or-false value: type the cell again."},
    {"workbook.cell-type", kError, "expected a cell type Excel writes, not \"{type}\"",
     "The workbook was written by a program that does not follow the format: open it in a "
     "spreadsheet program and save it again."},
    {"workbook.shared-string", kError,
     "expected a shared string, not index \"{index}\" (the file is damaged)",
     "The cell's text is missing from the workbook: open it in a spreadsheet program and save it "
     "again, then check the cell."},
    {"workbook.number", kError, "expected a number, not \"{text}\" (the file is damaged)",
     "The cell's XML holds a damaged number: type the cell again."},
    {"workbook.date-range", kError, "expected a date from 1900 to 9999, not the number {number}",
     "The cell is formatted as a date but holds a number no date has: type the date again, or "
     "format the cell as a number or as text."},
    {"workbook.not-utf8", kError, "expected text in UTF-8",
     "The cell's text is damaged: type it again."},
    {"workbook.long-text", kError, "expected at most 32,767 characters",
     "Excel holds at most 32,767 characters in a cell: shorten the text."},

    // --- Importing, checking, assessing --------------------------------------------------------
    {"import.other-code", kError,
     "expected the organisation's code as given (\"{given}\"), not \"{code}\"",
     "Import into the organisation scorecard.toml names (leave out --org), or correct the code."},
    {"import.no-code", kError,
     "expected the organisation's code: give it with --org or as code in scorecard.toml",
     "Add code = \"your-council\" under [organisation]: lower-case letters, digits and hyphens."},
    {"import.removals", kError,
     "would remove {removed} of the {stored} stored rows ({rows}): more than a tenth, so the "
     "import must allow removals (--allow-removals)",
     "Check that the file is whole (not cut short, not saved from the wrong sheet). If the rows "
     "should go, import again allowing removals; every removed row is listed and kept in the "
     "history."},
    {"import.row-twice", kError, "expected one row for each {key}: line {line} has the same",
     "A row's key names the item (and period) it is for, so two rows with one key would say two "
     "things of it: remove one, or correct its key."},
    {"assess.no-period", kError,
     "expected a reporting period: give --period or set reporting_period",
     "Say which quarter the report is for."},
    {"verify.unknown-group", kError,
     "expected all or a group the report summarises ({known}), not \"{group}\"",
     "Groups are the plan's themes: the top-level nodes of framework.csv (or, under a single "
     "plan, its children)."},
    {"verify.nothing", kError,
     "expected expected.csv or expected_counts.csv: there is nothing to compare",
     "verify is for seed folders holding what a council published (docs/interchange.md)."},

    // --- CSV files -----------------------------------------------------------------------------
    {"csv.separator", kError,
     "expected columns separated by commas, but this file's are separated by {separator}s: "
     "nothing in it was read",
     "Save the file from Excel as \"CSV UTF-8 (Comma delimited)\". Where a comma is the "
     "decimal point, Excel separates columns with semicolons: Scorecard does not guess, so "
     "that 1,234 is never read as 1234 when 1.234 was meant."},

    {"csv.quote-in-field", kError,
     "expected no quote (\") inside an unquoted field: wrap the field in quotes and write the "
     "quote twice (\"\")",
     "Excel quotes such fields itself when it saves a CSV file, so the file was probably edited "
     "by hand or written by another program: write 5\" screen as \"5\"\" screen\"."},
    {"csv.unclosed-quote", kError, "expected a closing quote for the field opened on line {line}",
     "A field that starts with a quote runs, over line ends, to the next lone quote: add the "
     "closing quote, and write each quote inside the field twice (\"\")."},
    {"csv.text-after-quote", kError, "expected a comma or a line end after a closing quote",
     "Quote the whole field and write each quote inside it twice: \"\"\"Yes\"\", she said\", not "
     "\"Yes\", she said."},
    {"csv.not-utf8", kError, "expected text in UTF-8 (save the file as \"CSV UTF-8\")",
     "In Excel, Save As \"CSV UTF-8 (Comma delimited)\"; in other programs, choose the UTF-8 "
     "encoding. Only the first such character in a file is said."},
    {"csv.control-character", kError,
     "expected printable text, not the control character {character}",
     "Remove the character, which is invisible and often pasted in from another system. Only "
     "the first in a file is said."},
    {"csv.field-count", kError, "expected {expected} fields as in the header, found {found}",
     "Each row has as many fields as the header has columns: look for a missing or an extra "
     "comma, or a comma inside a field that is not in quotes. A row with too many fields is not "
     "read."},
    {"csv.no-header", kError, "expected a header row naming the columns",
     "The file's first row that is not empty names the columns (docs/interchange.md lists each "
     "table's)."},
    {"csv.too-large", kError, "expected a file of at most 2 GB, not {size} MB",
     "Split the table's rows over years, or keep older years in another organisation's folder: "
     "Scorecard reads a table's file whole."},

    // --- The columns and fields of every table -------------------------------------------------
    {"table.unnamed-column", kError, "expected a name for column {number}",
     "Name the column, or remove it: an empty column often comes from a stray cell to the right "
     "of the table."},
    {"table.unknown-column", kError,
     "unknown column; expected one of {columns} (or a name starting x_ for your own use)",
     "Correct the column's name (names are lower case), or start it with x_ if it is yours. A "
     "misspelt column would otherwise be passed over."},
    {"table.column-twice", kError, "column named twice",
     "Remove one of the two columns, or rename it (starting x_ if it is yours)."},
    {"table.no-column", kError, "expected this required column",
     "Add the column: docs/interchange.md lists each table's required columns."},
    {"table.required", kError, "expected {what}",
     "The field must not be empty: fill it in, or remove the row."},
    {"table.number", kError, "expected a number such as 82.5 or 17,931, not \"{text}\"",
     "Write the figure plainly: digits, a point for decimals, and commas only between groups of "
     "three digits. Leave the field empty where there is no figure."},
    {"table.no-period", kError, "expected a period such as 2017/18 Q2",
     "Give the period the row is for."},
    {"table.period", kError,
     "expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
     "not \"{text}\"",
     "docs/interchange.md (Periods) lists the spellings; scorecard periods \"{text}\" shows how "
     "a spelling is read."},
    {"table.yes-no", kError, "expected yes or no, not \"{text}\"",
     "Write yes or no (true, false, y, n, 1 and 0 do too), or leave the field empty for no."},
    {"table.whole-number", kError, "expected a whole number from {min} to {max}, not \"{text}\"",
     "Write a whole number in that range, without decimals."},

    // --- Items: the framework, actions, projects and risks --------------------------------------
    {"items.unknown-node", kError, "expected the id of a node in framework.csv, not \"{node}\"",
     "Use an id from framework.csv's id column, exactly as written there, or add the node."},
    {"items.ref-twice", kError, "expected a unique ref: \"{ref}\" is already used",
     "Each row of the table is an item of its own: give this one its own ref, or remove the "
     "repeated row."},
    {"items.unknown-ref", kError, "expected the ref of an item in {file}, not \"{ref}\"",
     "Use a ref from {file}, exactly as written there (case and spaces count), or add the item "
     "there."},
    {"framework.id-twice", kError, "expected a unique id: \"{id}\" is already used",
     "Give each node its own id."},
    {"framework.unknown-parent", kError, "expected the id of another node, not \"{parent}\"",
     "Use an id from the id column, or leave parent empty for a node at the top of the plan."},
    {"framework.cycle", kError, "expected a tree, but parents loop: {loop}",
     "Correct one parent in the loop, so that following parents from any node ends at the top "
     "of the plan."},
    {"actions.kind", kError, "expected action, milestone or commitment",
     "Write one of the three, or leave the field empty for an action."},
    {"actions.due-not-date", kError,
     "expected a date such as 2018-12-31 (use planned for a period)",
     "Give due as a day; a quarter or a year goes in planned."},
    {"actions.rating", kError,
     "expected a rating: completed, on-track, some-slippage, needs-attention, major-slippage, "
     "aborted, not-rated or not-due",
     "Write one of these keys; scorecard.toml's [action_ratings] gives them the council's own "
     "labels."},
    {"actions.rating-twice", kError,
     "expected one rating per action and period: {ref} {period} already has one",
     "Remove one of the two rows, or correct its period."},
    {"projects.unknown-parent", kError,
     "expected the ref of another project (the programme), not \"{parent}\"",
     "Use the ref of the programme, as written in projects.csv, or leave parent empty."},
    {"projects.some-criteria", kError,
     "expected all four key criteria (time, cost, scope, benefits) or none",
     "Give each of time, cost, scope and benefits (yes when within tolerance, no when not), or "
     "none of them and the rag."},
    {"projects.rag", kError,
     "expected a RAG: green, amber-green, amber-red, red, pre-start or completed",
     "Write one of these keys, or leave the field empty."},
    {"projects.rag-not-criteria", kError,
     "expected {computed} from the four key criteria ({off_track} not within tolerance), not "
     "{rag}",
     "The RAG follows from the key criteria: correct the criteria or the rag, or leave rag "
     "empty."},
    {"projects.assessment-twice", kError,
     "expected one assessment per project and period: {ref} {period} already has one",
     "Remove one of the two rows, or correct its period."},
    {"risks.kind", kError, "expected threat or opportunity",
     "Write threat or opportunity, or leave the field empty: a risk is then a threat, and a "
     "score is of its risk's kind."},
    {"risks.half-score", kError, "expected both likelihood and impact, or neither",
     "Give both (1-4 each), or neither and the score."},
    {"risks.score-not-product", kError,
     "expected likelihood x impact = {likelihood} x {impact} = {product}, not {score}",
     "Correct the likelihood, the impact or the score, or leave score empty."},
    {"risks.no-score", kError, "expected a score (1-16), or likelihood and impact (1-4 each)",
     "Give the score, or the likelihood and the impact it comes from."},
    {"risks.score-twice", kError,
     "expected one {kind} score per risk and period: {ref} {period} already has one",
     "Remove one of the two rows, or correct its period or kind."},

    // --- Figures -------------------------------------------------------------------------------
    {"values.percent-unit", kError,
     "expected a figure in {ref}'s unit ({unit}), not a percentage: \"{text}\"",
     "Write the figure without %, or, if the measure is a percentage, give it unit % in "
     "measures.csv."},
    {"values.pounds-unit", kError,
     "expected a figure in {ref}'s unit ({unit}), not an amount in pounds: \"{text}\"",
     "Write the figure without £, or give the measure unit £ (or £m) in measures.csv."},
    {"values.millions-unit", kError,
     "expected a figure in {ref}'s unit ({unit}), not millions of pounds: \"{text}\"",
     "Write the amount in full (1,370,000 for £1.37m), or give the measure unit £m."},
    {"values.pounds-not-millions", kError,
     "expected millions of pounds, as {ref}'s unit is £m, not \"{text}\"",
     "Write the amount in millions (0.85 or £0.85m for £850,000), or give the measure unit £."},
    {"values.looks-like-fraction", kWarning,
     "{value} looks like a fraction beside the target of {target}%: if it is {percent}%, write "
     "{percent}",
     "A % measure's figures are percentages: 19.03 for 19.03%, not 0.1903. Spreadsheets show a "
     "cell formatted as a percentage as 19.03% but hold 0.1903; copy what it shows."},

    // --- scorecard.toml ------------------------------------------------------------------------
    {"config.bound-fraction", kError,
     "expected a fraction of the target from -1 to 1 (-0.1 is 10% below target), not {value}: "
     "did you mean {fraction}, or \"{percent}\"?",
     "In a relative scheme, bounds are fractions of the target: write at_least = -0.1, or "
     "at_least = \"-10%\", for 10% below target."},
    {"config.bound-text", kError,
     "expected a number such as -0.05, or a percentage such as \"-5%\", not \"{text}\"",
     "Write the bound as a number, or as a percentage in quotes."},
    {"config.bound-absolute", kError,
     "expected a number in the measure's unit, as the scheme's deviation is absolute, not "
     "\"{text}\"",
     "An absolute scheme's bounds are in the measures' own units (percentage points for a % "
     "measure): write at_least = -2, not \"-2%\"."},

    // --- The database --------------------------------------------------------------------------
    {"store.not-found", kError, "{message}",
     "Check the organisation's code (--org) and the database (--db); import creates both."},
    {"store.conflict", kError, "{message}",
     "Someone else changed the data since it was read: read it again and redo the change."},
    {"store.unavailable", kError, "{message}",
     "The database cannot be reached or is busy: check it is running, then try again."},
    {"store.invalid", kError, "{message}", "The request cannot be carried out as asked."},
    {"store.internal", kError, "{message}", "Something unexpected: please report it."},
    {"store.no-config", kError, "expected the organisation's scorecard.toml",
     "Every import stores scorecard.toml, so the database is incomplete: run scorecard "
     "integrity, and import the organisation's folder again."},
    {"as-at.moment", kError,
     "expected a moment such as 2017-11-20T09:30 (UTC) or change:N, not \"{text}\"",
     "Give a date and time in UTC, or the number of a change (scorecard history lists them)."},
    {"as-at.unknown-change", kError,
     "expected a change of this organisation: it has no change {change} (its latest is {latest})",
     "scorecard history and diff name the changes that exist."},
    {"as-at.before-data", kError,
     "expected a moment after the organisation's first change: it "
     "had no data at {text}",
     "Give a later moment."},
    {"as-at.both", kError, "expected either a moment or the published report, not both",
     "Give --as-at or --published, not both."},
    {"history.no-record", kError, "no record of {org} has ref \"{ref}\"",
     "Refs are matched exactly, case and spaces included: copy the ref from scorecard assess."},
    {"backup.not-sqlite", kError,
     "expected an SQLite database, not {url}: back up PostgreSQL with pg_dump",
     "See docs/storage.md, Backups."},

    // --- Exporting -----------------------------------------------------------------------------
    {"export.no-folder", kError, "cannot create the folder: {why}",
     "Check the path and the permissions of the folders on it, or export somewhere else."},
    {"export.not-a-file", kError, "cannot write: something other than a file is there",
     "Move what is there (a folder, say) out of the way, or export somewhere else."},
    {"export.file-not-written", kError, "cannot write: {why}",
     "Check the folder's permissions and the free space, then export again."},
    {"export.workbook-not-written", kError, "cannot write {path}: {why}",
     "Check the folder's permissions and the free space, and close the workbook if it is open "
     "in Excel, then export again."},
    {"export.workbook-not-created", kError, "cannot create a workbook",
     "Check that the folder exists and can be written to, or export to a folder instead."},
    {"export.config-sheet-not-added", kError, "cannot add the sheet scorecard",
     "Export to a folder instead, and report the problem."},
    {"export.sheet-not-added", kError, "cannot add a sheet named {sheet}",
     "Export to a folder instead, and report the problem."},
    {"export.cell-too-long", kError,
     "sheet {sheet} row {row}: a cell of more than 32,767 characters, more than Excel can hold",
     "Export to a folder, whose CSV files have no such limit, or shorten the text and import it "
     "again."},
    {"export.cell-not-written", kError, "sheet {sheet} row {row}: {why}",
     "Export to a folder instead, and report the problem."},

    // --- Report layouts: reports/NAME.toml, sheets report NAME (h3-layout-store) --------------
    {"reports.name", kError,
     "expected a layout name of lower-case letters, digits and hyphens, not \"{name}\"",
     "Rename the layout (the file reports/NAME.toml, or the sheet report NAME): its name is what "
     "--layout and [reports] default give, such as quarterly or cabinet-2017."},
    {"reports.long-name", kError,
     "expected a layout name of at most {most} characters, not {length} (\"{name}\"), so that "
     "a workbook's sheet report NAME can hold it",
     "Shorten the name: Excel allows a sheet's name 31 characters, 7 of them \"report \"."},
    {"reports.unexpected-file", kError,
     "expected only report layouts, named NAME.toml, in reports/ (keep files of your own under "
     "names starting x_)",
     "Give a layout's file a name ending .toml (lower case), move the file or folder out of "
     "reports/, or start its name with x_ if it is yours. A misnamed layout would otherwise be "
     "passed over."},
    {"reports.sheet-column", kError, "expected the layout in column A only",
     "A layout's sheet holds its TOML one line per row in column A, as the scorecard sheet holds "
     "scorecard.toml: move the text into column A."},
    {"reports.unknown-default", kError,
     "expected the name of a report layout the council has ({layouts}), not \"{name}\"",
     "Correct the name, add the layout (reports/NAME.toml in the folder, the sheet report NAME "
     "in a workbook), or remove the key: a report then needs --layout."},
    {"config.reports", kError, "expected a table: [reports], then default = \"NAME\"",
     "Write [reports] on a line of its own, then default = \"quarterly\" naming the layout "
     "reports use when none is given."},
    {"export.layout-name", kError,
     "cannot write layout {name} as the sheet {sheet}: Excel allows a sheet's name 31 "
     "characters, and a layout's {most}",
     "Export to a folder, or rename the layout (reports/NAME.toml) and import it again."},

    // --- Publishing ----------------------------------------------------------------------------
    {"publish.not-ended", kError, "expected a period that has ended: {period} runs until {end}",
     "Publish a quarter's report once the quarter is over."},
    {"publish.already", kError,
     "the {period} report was published at change {change} on {at} by {author}: to publish it "
     "again in its place, say why (--supersede \"reason\")",
     "Both publications are kept; \"as published\" then shows the new one."},
    {"publish.supersede-reason", kError, "expected the reason the report is published again",
     "Say why, e.g. --supersede \"figures corrected after Cabinet\"."},
    {"publish.nothing-to-supersede", kError,
     "the {period} report has not been published, so there is nothing to supersede",
     "Publish it without --supersede."},

    // --- Publishing a report's files, reading them back (h4-publish) ---------------------------
    {"publish.not-published", kError, "the {period} report has not been published",
     "Publish it first (scorecard publish --period), or make the report of the figures as they "
     "are now."},
    {"publish.not-published-at", kError,
     "the {period} report was not published at change {change}: it was published at change "
     "{changes}",
     "Name one of those changes, or none for the latest publication."},
    {"publish.file-changed", kError,
     "the published file {file} of the {period} report (change {change}) is not as it was "
     "published: its {size} bytes give SHA-256 {sha256}, not the {recorded_size} bytes and "
     "SHA-256 {recorded_sha256} recorded when it was published",
     "The database has been altered or damaged: run scorecard integrity, and restore the "
     "database from a backup taken after the report was published. The report can be made "
     "again from the figures as they were published (--as-at change:N)."},
    {"publish.format", kError, "expected a format to publish ({formats}), not \"{format}\"",
     "Give one or more of those, repeated or separated by commas: --format html,csv."},
    {"publish.file-not-made", kError, "cannot make the {format} file: {why}",
     "Check the free space in the temporary folder ($TMPDIR), then publish again."},

    // --- Writing a report as a workbook or as CSV files (h2-xlsx) ------------------------------
    {"report.xlsx-not-a-file", kError, "cannot write the workbook: a folder is there",
     "Give a file's name ending .xlsx (q2.xlsx), or write the report as CSV files into the "
     "folder (--format csv)."},
    {"report.xlsx-no-folder", kError, "cannot write the workbook: there is no folder {folder}",
     "Create the folder first, or write the workbook somewhere else."},
    {"report.xlsx-not-written", kError, "cannot write the workbook: {why}",
     "Check the folder's permissions and the free space, and close the workbook if it is open "
     "in Excel, then run the report again."},
    {"report.xlsx-cell-too-long", kError,
     "sheet {sheet} row {row}: a cell of more than 32,767 characters, more than Excel can hold",
     "Write the report as CSV files or HTML, which have no such limit, or shorten the text."},
    {"report.xlsx-cell-not-written", kError, "sheet {sheet} row {row}: {why}",
     "Write the report as CSV files or HTML instead, and report the problem."},
    {"report.csv-not-a-folder", kError,
     "cannot write the CSV files: this is a file, and they go in a folder",
     "Give a folder's name (a new one is created), or write the report in another format "
     "(--format xlsx)."},
    {"report.csv-no-folder", kError, "cannot create the folder for the CSV files: {why}",
     "Check the path and the permissions of the folders on it, or write somewhere else."},
    {"report.csv-unreadable-folder", kError,
     "cannot see what the folder for the CSV files holds: {why}",
     "Check the folder's permissions, or write somewhere else."},
    {"report.csv-other-files", kError,
     "expected an empty folder, or one holding only this report's CSV files, not {files}",
     "Give a new or empty folder: a report's files are not mixed with others, and files this "
     "report does not write are never removed. To replace an older report, empty the folder "
     "first."},
    {"report.csv-not-written", kError, "cannot write {file}: {why}",
     "Check the folder's permissions and the free space, then run the report again."},

    // --- Parent measures and their parts; verifying a seed folder (engine) ---------------------
    {"measures.rollup", kError, "expected a roll-up rule: worst, all-met or own, not \"{value}\"",
     "Write worst (the parent takes its worst part's status), all-met (on target only when "
     "every part meets its target) or own (the parent's own figure), or leave it empty."},
    {"measures.rollup-without-parts", kError,
     "expected a measure with parts for rollup {rollup}: no measure names {ref} as its parent",
     "Name {ref} in the parent column of each of its parts, or leave its rollup empty."},
    {"measures.part-scheme", kError,
     "expected the status scheme of its parent {parent}, \"{parent_scheme}\", which rolls up "
     "its parts' statuses, not \"{scheme}\"",
     "Give the part the same scheme as {parent}, or leave {parent}'s rollup empty."},
    {"measures.part-cycle", kError,
     "expected a chain of parents that ends: {ref} is a part of itself through {chain}",
     "Correct the parent column so that following parents from {ref} ends at a measure that is "
     "no one's part."},
    {"verify.unknown-count-key", kError,
     "expected a key Scorecard counts for {field} ({known}), not \"{key}\"",
     "Correct the key's spelling: a misspelt key would count nothing and could never be "
     "checked."},

    // --- Reading a workbook's sheets: rows and cells as the XML places them --------------------
    {"workbook.row-twice", kError, "expected one row {row}, not two (the file is damaged)",
     "The sheet's XML gives the row twice, which Excel never writes: check the row in a "
     "spreadsheet program and save the workbook again from it, or correct the XML."},
    {"workbook.cell-twice", kError, "expected one cell {cell}, not two (the file is damaged)",
     "The sheet's XML gives the cell twice, which Excel never writes: check the cell in a "
     "spreadsheet program and save the workbook again from it, or correct the XML."},
    {"workbook.cell-in-other-row", kError,
     "expected a cell of row {row}, not {cell} (the file is damaged)",
     "The sheet's XML places the cell in another row than its reference names, which Excel never "
     "writes: check the row in a spreadsheet program and save the workbook again from it, or "
     "correct the XML."},
    // --- Periods that fit a measure; figures with no target -----------------------------------
    {"values.period-frequency", kError,
     "expected {expected}, for {frequency} measure {ref}, not {read}",
     "Write the period the figure is for as the measure's frequency has it: a quarterly "
     "measure's figure for April to June 2022 is 2022/23 Q1, not June 22 (a month) or "
     "30/06/2022 (a day). If the council reports the measure more often than its frequency says "
     "(quarterly figures of an annual measure), give it that frequency in measures.csv; a figure "
     "quoted only in commentary belongs in the note of the row it comments on; a figure for a "
     "year of another basis (a calendar year of a financial-year measure) needs the measure's "
     "year column. A row for a quarter of an annual, half-yearly or termly measure may hold "
     "commentary, flags, overrides or a forecast, but not a figure."},
    {"targets.period-frequency", kError,
     "expected {expected}, for {frequency} measure {ref}, not {read}",
     "A report looks up a measure's target for the period it shows (a quarter of a quarterly "
     "measure) and for the year: write the target for one of those. A target for a month of a "
     "quarterly measure, or for a quarter of a monthly or annual one, would never be used."},
    {"values.no-target", kWarning,
     "{ref} has no target for {figures} ({periods}): give a target in targets.csv for the "
     "period or its year, or a row of kind none, baseline, tbc or under-development saying why "
     "there is none",
     "A report shows a figure with no target as no-target, so a forgotten target row would take "
     "the measure out of the exceptions without a word. Figures for periods over before the "
     "measure's first target begins (last year's outturn, last quarter's progress, shown for "
     "comparison) are not counted, nor are those of a measure with polarity none, a text measure "
     "or a parent rolled up from its parts."},
    // --- Forecast methods and bounds (h5-forecasts) --------------------------------------------
    {"measures.forecast", kError,
     "expected a forecast method: none, pro-rata, profile, trend or latest (officer is another "
     "name for none), not \"{value}\"",
     "Write one of the methods (docs/interchange.md, Forecasts), or leave it empty for the "
     "council's default or the automatic choice."},
    {"measures.forecast-pro-rata", kError,
     "expected a forecast method that suits {ref}: pro rata scales a year-to-date total to the "
     "year, and {ref} is {why}",
     "Use profile, trend or latest, or leave forecast empty for the automatic choice. Pro rata "
     "suits only a sum: a cumulative or discrete count or amount. If {ref} is one, correct its "
     "unit or accumulation."},
    {"measures.forecast-rollup", kError,
     "expected no forecast method on {ref}, which rolls up its parts ({rollup}): its parts are "
     "forecast, not it",
     "Give the method to its parts, or leave {ref}'s forecast empty."},
    {"measures.text-setting", kError,
     "expected no {column} for a text measure: its figures are words",
     "Leave the column empty for a text measure (its forecast is only the officer's words), or "
     "give the measure a unit if its figures are numbers."},
    {"measures.bound", kError,
     "expected a {column} in the measure's unit, or none for no bound, not \"{text}\"",
     "Write the lowest (min) or highest (max) figure the measure can have, such as 0 or 100, or "
     "none. A percentage's are 0 and 100 unless declared."},
    {"measures.bounds-order", kError, "expected a min below the max: min {min}, max {max}",
     "Correct min or max. A percentage's are 0 and 100 unless declared; write none for no "
     "bound."},
    {"values.out-of-bounds", kError,
     "expected {what} {bounds} (the bounds of {ref}), not \"{text}\"",
     "Correct the figure (a percentage is from 0 to 100: 85.5 for 85.5%). If {ref}'s figures can "
     "truly lie beyond, declare its min or max in measures.csv (none for no bound)."},
    {"config.forecast", kError,
     "expected a forecast method: none, pro-rata, profile, trend or latest (officer is another "
     "name for none), not \"{value}\"",
     "Write one of the methods in quotes (forecast = \"none\" turns computed forecasts off), or "
     "leave the key out for the automatic choice (docs/interchange.md, Forecasts)."},

    // --- Editing one record (src/app: enter a value, rate an action, ...) -----------------------
    {"edit.unknown-organisation", kError,
     "expected the code of an organisation in the database, not \"{code}\"",
     "Check the organisation's code: it is organisation.code in its scorecard.toml."},
    {"edit.unknown-ref", kError, "expected the ref of {item}, not \"{ref}\"",
     "Choose one of the organisation's own: a new one comes with an import first."},
    {"edit.conflict", kError, "{record} has been changed by someone else since you read it",
     "Read it again to see what they changed, then make your change again if it is still "
     "needed."},

    // --- measures.csv, targets.csv, values.csv and comparators.csv: their fields (h9) ---------
    {"measures.no-ref", kError, "expected a reference such as CP 08b",
     "Give each measure the reference the council's reports print for it (CP 08b, NI 117, "
     "1.A1): the other tables name the measure by it. Where a report prints none, make up a "
     "short one."},
    {"measures.no-title", kError, "expected the measure's title",
     "Write the measure's description as the report prints it (\"Average days to process new "
     "benefit claims\")."},
    {"measures.ref-twice", kError, "expected a unique ref: \"{ref}\" is already used",
     "Each row is a measure of its own: give this one its own ref, or remove the repeated row."},
    {"measures.polarity", kError, "expected a polarity: higher, lower or none",
     "Write higher when a higher figure is better, lower when a lower one is, or none when "
     "neither is (high, low and n/a are read too)."},
    {"measures.frequency", kError,
     "expected a frequency: monthly, quarterly, termly, half-yearly, annual or biennial",
     "Write how often the measure's figure is reported (M, Q and A are read too): it decides "
     "which periods the measure's rows may name."},
    {"measures.accumulation", kError,
     "expected an accumulation: discrete, cumulative, snapshot, rolling or average",
     "Write how a figure builds over the year: discrete (each period on its own), cumulative "
     "(the year to date), snapshot (as at the period's end), rolling (the 12 months to the "
     "period's end) or average; leave it empty for discrete."},
    {"measures.year", kError, "expected a year basis: financial, academic or calendar",
     "Write the year the measure follows: financial (April to March), academic (September to "
     "August) or calendar; leave it empty for financial."},
    {"measures.lag", kError, "expected a reporting lag such as 0, 2 months or 1 quarter",
     "Write how far in arrears the measure is reported: a number of months, quarters or years, "
     "at most 36 (2 months, 1 quarter), or leave it empty for none."},
    {"measures.dot", kError,
     "expected a direction-of-travel basis: previous-period, previous-report, "
     "same-period-last-year or last-year-outturn",
     "Write what the measure's direction of travel compares its figure with, or leave dot empty "
     "for its scheme's."},
    {"measures.unknown-scheme", kError,
     "expected a scheme defined in scorecard.toml or built in, not \"{scheme}\"",
     "Use a scheme defined under [schemes.NAME] in scorecard.toml or a built-in one "
     "(derby-2012, derby-2021, rotherham-2017), or leave scheme empty for the organisation's."},
    {"measures.unknown-parent", kError,
     "expected the ref of another measure, or a group named by two or more parts, not "
     "\"{parent}\"",
     "Use the ref of the measure this one is a part of, exactly as written in the ref column, or "
     "leave parent empty. A parent with no row of its own is a group, which two or more parts "
     "name."},
    {"measures.own-parent", kError,
     "expected another measure: a measure cannot be a part of itself",
     "Name the measure this one is a part of, or leave parent empty."},
    {"targets.no-ref", kError, "expected the ref of a measure in measures.csv",
     "Write the ref of the measure the target is for, as measures.csv writes it."},
    {"targets.unknown-ref", kError, "expected the ref of a measure in measures.csv, not \"{ref}\"",
     "Use a ref from measures.csv, exactly as written there (case and spaces count), or add the "
     "measure there."},
    {"targets.kind", kError,
     "expected a target kind: value, none, baseline, tbc, under-development, comparator or "
     "change",
     "Write one of the kinds, or leave kind empty where the row gives a target."},
    {"targets.no-target", kError,
     "expected a target, or a kind (none, baseline, tbc, under-development, comparator, change) "
     "saying why there is none",
     "Write the target in the measure's unit, or the kind that says why there is none: none (no "
     "target is appropriate), baseline (a baseline year), tbc (to be confirmed) or "
     "under-development; kinds comparator and change take the target from a comparator's figure "
     "or from a baseline."},
    {"targets.no-comparator", kError, "expected the comparator's name with kind comparator",
     "Write the name of the comparator whose figure is the target, as comparators.csv names it "
     "(national, WM)."},
    {"targets.change", kError, "expected a change such as -5% or +10",
     "With kind change, write the change on the baseline period's figure: a percentage (-5% for "
     "a 5% reduction) or a signed number of the measure's units (+10)."},
    {"targets.target-twice", kError,
     "expected one target per measure and period: {ref} {period} already has one",
     "Remove one of the two rows, or correct its period (a quarter's target and its year's are "
     "two periods)."},
    {"values.no-ref", kError, "expected the ref of a measure in measures.csv",
     "Write the ref of the measure the figure is for, as measures.csv writes it."},
    {"values.unknown-ref", kError, "expected the ref of a measure in measures.csv, not \"{ref}\"",
     "Use a ref from measures.csv, exactly as written there (case and spaces count), or add the "
     "measure there."},
    {"values.flags", kError,
     "expected flags from provisional, estimated, correction, awaiting, not-available, not-due, "
     "under-development, separated by ;",
     "Write the flags that apply, separated by semicolons (provisional;estimated), or leave the "
     "field empty."},
    {"values.status", kError,
     "expected a status of scheme {scheme} ({keys}, or a special status), not \"{status}\"",
     "An officer's override is a status key of the measure's scheme, {scheme}, or a special "
     "status (no-target, baseline, tbc, under-development, not-available, not-due); leave the "
     "field empty to keep the computed status."},
    {"values.no-status-reason", kError, "expected the reason for the officer's override",
     "Say in status_reason why the officer's status stands in place of the computed one, or "
     "leave status and forecast_status empty."},
    {"values.no-value", kError, "expected a value, or flags saying why there is none",
     "Write the figure, or flags saying why there is none (not-available, not-due, awaiting), or "
     "remove the row."},
    {"values.row-twice", kError,
     "expected one row per measure and period: {ref} {period} already has one",
     "Remove one of the two rows, or correct its period: one row holds a period's figure, "
     "forecast and commentary together."},
    {"comparators.no-ref", kError, "expected the ref of a measure in measures.csv",
     "Write the ref of the measure the comparator's figure is for, as measures.csv writes it."},
    {"comparators.unknown-ref", kError,
     "expected the ref of a measure in measures.csv, not \"{ref}\"",
     "Use a ref from measures.csv, exactly as written there (case and spaces count), or add the "
     "measure there."},
    {"comparators.no-name", kError, "expected the comparator's name, such as national or WM",
     "Name whose figure it is: national, regional, WM, statistical-neighbours, top-quartile. A "
     "target of kind comparator names it the same way."},
    {"comparators.no-value", kError, "expected the comparator's figure",
     "Write the comparator's figure in the measure's unit, or remove the row."},

    // --- scorecard.toml: its keys and the status schemes (h9) ----------------------------------
    {"config.toml", kError, "expected valid TOML: {description} (column {column})",
     "Correct the line: a key is written key = value, text in double quotes, a table's heading "
     "in square brackets (docs/interchange.md, scorecard.toml). In a workbook, the line is the "
     "row of the scorecard sheet."},
    {"config.unknown-key", kError, "unknown key; expected one of {keys}",
     "Correct the key's spelling (keys are lower case), or remove it: a misspelt key would "
     "otherwise be passed over."},
    {"config.not-string", kError, "expected a string in quotes",
     "Write the value in double quotes: name = \"Derby City Council\"."},
    {"config.not-number", kError, "expected a number",
     "Write a number, without quotes: at_least = 12."},
    {"config.whole-number", kError, "expected a whole number",
     "A risk band's at_least is a risk score: write a whole number such as 12."},
    {"config.no-organisation", kError, "expected an [organisation] table",
     "Start scorecard.toml with the line [organisation], then the council's name and its status "
     "scheme: name = \"Derby City Council\" and scheme = \"derby-2012\"."},
    {"config.no-name", kError, "expected this required key",
     "Give the council's name as its reports print it: name = \"Derby City Council\"."},
    {"config.no-scheme", kError, "expected this required key",
     "Name the status scheme the council's measures use: a built-in one (scheme = "
     "\"derby-2012\") or one defined under [schemes.NAME]."},
    {"config.no-deviation", kError, "expected this required key",
     "Say how the scheme measures a figure against its target: deviation = \"relative\" (bounds "
     "are fractions of the target) or deviation = \"absolute\" (bounds are in the measure's "
     "unit)."},
    {"config.no-band-status", kError, "expected this required key",
     "Give the band the status key its figures earn, lower-case words joined by hyphens: status "
     "= \"green\"."},
    {"config.no-risk-band", kError, "expected this required key",
     "Give the risk band its key: band = \"high\"."},
    {"config.period", kError,
     "expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
     "not \"{text}\"",
     "Write the period the report is for, in quotes: reporting_period = \"2017/18 Q2\" "
     "(docs/interchange.md, Periods)."},
    {"config.code", kError, "expected lower-case letters, digits and hyphens only",
     "Write a short code that names the council in a database: code = \"derby\" or "
     "\"derby-city\"."},
    {"config.schemes", kError, "expected a table of schemes ([schemes.NAME])",
     "Define each scheme under a heading of its own, [schemes.NAME], followed by its deviation "
     "and bands."},
    {"config.scheme-not-table", kError, "expected a table",
     "Define the scheme under a heading of its own, [schemes.NAME], followed by its deviation "
     "and bands."},
    {"config.deviation", kError, "expected \"relative\" or \"absolute\"",
     "Write deviation = \"relative\" when bounds are fractions of the target (-0.05 is 5% below "
     "it), or deviation = \"absolute\" when they are in the measures' own units."},
    {"config.dot", kError,
     "expected a direction-of-travel basis: previous-period, previous-report, "
     "same-period-last-year or last-year-outturn",
     "Write one of the four in quotes (dot = \"previous-period\"), or leave the key out."},
    {"config.bands", kError, "expected an array of bands, best first",
     "Write bands = [ ... ], one band for each status, best first; the last band has no bound "
     "(docs/interchange.md, scorecard.toml)."},
    {"config.band", kError,
     "expected a band such as {{ status = \"green\", label = \"On target\", at_least = 0.0 }}",
     "Write each band in braces, the bands separated by commas, inside the square brackets of "
     "bands = [ ... ]."},
    {"config.band-both-bounds", kError, "expected either above or at_least, not both",
     "above is strictly greater, at_least greater or equal: keep the one the council's rule "
     "means."},
    {"config.no-band", kError, "expected at least one band",
     "Give the scheme its bands, best first, the last with no bound: bands = [ {{ status = "
     "\"green\", at_least = 0 }}, {{ status = \"red\" }} ]."},
    {"config.band-no-bound", kError,
     "band {band} (\"{status}\") needs a bound (above or at_least): only the last band has none",
     "Give the band above = ... or at_least = ..., or move it to the end: the last band takes "
     "every figure the bands before it do not."},
    {"config.bands-order", kError,
     "bands must run from best to worst: band {band} (\"{status}\") has a higher bound than the "
     "band before it",
     "List the bands best first, each bound no higher than the one before it (at_least = 0, then "
     "at_least = -0.05, then a last band with no bound)."},
    {"config.last-band-bound", kError, "the last band (\"{status}\") must have no bound",
     "Remove the last band's above or at_least: it takes every figure the bands before it do "
     "not. Add a band after it if figures below its bound need a status of their own."},
    {"config.band-no-status", kError, "band {band} needs a status key",
     "Give the band status = \"...\", the key its figures earn: lower-case words joined by "
     "hyphens."},
    {"config.band-special-status", kError, "band {band} uses the special status key \"{status}\"",
     "no-target, baseline, tbc, under-development, not-available and not-due are special "
     "statuses, given where there is no figure or no target: give the band a key of its own."},
    {"config.status-twice", kError, "status \"{status}\" is given to two bands",
     "Give each band a status key of its own; two bands may share a label."},
    {"config.special", kError,
     "expected a special status (no-target, baseline, tbc, under-development, not-available, "
     "not-due) = {{ label = \"...\", symbol = \"...\" }} or {{ as = \"...\" }}",
     "Under [schemes.NAME.special], each key is a special status, relabelled (not-due = {{ label "
     "= \"Annual\" }}) or folded into another (not-due = {{ as = \"not-available\" }})."},
    {"config.special-as", kError, "expected another special status to fold into",
     "as names the special status (no-target, baseline, tbc, under-development, not-available or "
     "not-due) whose label this one takes and with which it is counted."},
    {"config.action-rating", kError,
     "expected a rating key (completed, on-track, some-slippage, needs-attention, "
     "major-slippage, aborted, not-rated, not-due) = {{ label = \"...\" }}",
     "Under [action_ratings], each key is a rating, relabelled: on-track = {{ label = \"Milestone "
     "on target\" }}."},
    {"config.risk-band", kError, "expected {{ band = \"high\", label = \"High\", at_least = 12 }}",
     "Write each risk band in braces inside bands = [ ... ], the highest first; the last has no "
     "at_least."},
    {"config.unknown-scheme", kError,
     "expected a scheme defined under [schemes.{scheme}] or a built-in one (derby-2012, "
     "derby-2021, rotherham-2017), not \"{scheme}\"",
     "Define the scheme under [schemes.{scheme}], or name a built-in one, or correct the name's "
     "spelling."},

    // --- Report layouts (reports/NAME.toml) and making a report (docs/reports.md) ----------------
    {"layout.toml", kError, "expected valid TOML: {description} (column {column})",
     "docs/reports.md shows a whole layout; TOML needs words in quotes and one key a line."},
    {"layout.unknown-key", kError, "expected one of {keys}, not \"{key}\"",
     "Remove the key or correct its spelling (docs/reports.md lists what a layout may hold)."},
    {"layout.option-kind", kError, "expected {kind}",
     "Write the value as docs/reports.md shows for this option."},
    {"layout.option-value", kError, "expected {expected}, not \"{text}\"",
     "Use one of the values docs/reports.md lists for this option."},
    {"layout.no-title", kError, "expected a title: the report's heading",
     "Add title = \"...\" at the top of the layout."},
    {"layout.no-sections", kError, "expected at least one section",
     "Add a [[section]] with a type, such as type = \"scorecard\"."},
    {"layout.scope-twice", kError,
     "expected one of theme, portfolio or directorate in [scope], not two",
     "A report covers the whole plan, or one theme, portfolio or directorate: keep one."},
    {"layout.section-type", kError, "expected the section's type, one of {types}",
     "Add type = \"...\" to the section."},
    {"layout.unknown-section", kError, "expected a section type, one of {types}, not \"{type}\"",
     "Correct the type's spelling; docs/reports.md describes each type."},
    {"layout.unknown-option", kError, "a {type} section takes {options}, not \"{option}\"",
     "Remove the option or correct its spelling; docs/reports.md lists each section's options."},
    {"layout.missing-option", kError, "a {type} section needs {option}",
     "Add the option to the section (docs/reports.md)."},
    {"report.unknown-scope", kError, "no {kind} \"{value}\"; the council's are: {known}",
     "Name a theme by its framework id, a portfolio or directorate as the measures name it."},
    {"report.summary-priority", kError,
     "expected no summary in a report of priority measures only: the summaries count every "
     "measure in the scope",
     "Remove priority = true from [scope], or the summary section."},
    {"report.needs-data", kError, "this section needs {what}, which the council has none of",
     "Add the data to the council, or remove the section from the layout."},
    {"report.history-columns", kError,
     "expected history in columns and the history option together: one places the history "
     "columns, the other says which",
     "Add \"history\" to columns where the history columns go, and history = [\"quarter -1\", "
     "\"quarter 0\"], say, or remove both."},
    {"report.chart-subject", kError,
     "expected a chart of one measure (measure = \"REF\") or of a group's measures "
     "(group = \"THEME\"), one of the two",
     "Give measure or group, not both and not neither."},
    {"report.unknown-measure", kError, "no measure has ref \"{ref}\"",
     "Give a measure's ref exactly as scorecard assess prints it."},
    {"report.unknown-status", kError,
     "no status or rating \"{key}\" in the council's schemes; they are: {known}",
     "Name statuses by their keys, as scorecard.toml and the key to a report give them."},
    {"report.unknown-layout", kError, "no report layout \"{name}\"; the council has: {known}",
     "Give --layout one of the council's layouts (reports/NAME.toml), or add the layout."},
    {"report.no-layout", kError,
     "expected --layout: the council names no default layout in scorecard.toml ({known})",
     "Give --layout NAME, or set [reports] default = \"NAME\" in scorecard.toml."},
    {"report.not-published-as", kError,
     "the {period} report was published without a {format} file; it has: {formats}",
     "Ask for one of the formats it was published in, or make the report of the figures as "
     "published with --as-at change:N (the publication's change) in any format."},
    {"report.output", kError, "cannot write the report: {why}",
     "Check that the folder exists and can be written, and the name is not a folder."},
    // --- The command's options (h9) --------------------------------------------------------------
    {"request.period", kError,
     "expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
     "not \"{text}\"",
     "Give the period in quotes when it has a space: --period \"2017/18 Q2\". scorecard periods "
     "\"{text}\" shows how a spelling is read."},
    {"request.published-without-period", kError, "give --period naming the report",
     "--published shows the data as a period's report was published: name the period, as in "
     "--published --period \"2017/18 Q2\"."},
    {"request.no-source", kError, "give a folder, or --db and --org",
     "Name the council's interchange folder or workbook (scorecard assess data/my-council), or "
     "the database and the organisation in it (--db sqlite:var/scorecard.db --org derby)."},
    {"request.folder-and-database", kError, "expected a folder, or --db and --org, not both",
     "Give the folder (or workbook) to assess it as it is, or --org (with --db, if not the "
     "default database) to assess what the database holds; scorecard import puts a folder into "
     "the database."},
    {"request.history-of-folder", kError,
     "expected --org with --{option}: only the database keeps the history it looks back on, a "
     "folder holds only what it holds now",
     "Import the folder (scorecard import), then assess the organisation with --org and "
     "--{option}; or leave --{option} out to assess the folder as it is."},
    {"request.period-without-published", kError,
     "expected --published with --period, which names the published report to export",
     "Add --published to export the data as that period's report was published, or leave "
     "--period out to export the data as it stands now (or as at --as-at)."},
    {"request.report-format", kError, "expected html, pdf, xlsx or csv, not \"{text}\"",
     "Write --format html (the default), pdf, xlsx, or csv (a folder of files)."},
    {"request.format", kError, "expected table, csv or json, not \"{text}\"",
     "Write --format table (the default), --format csv or --format json."},
    {"request.explain-format", kError,
     "expected no --format {format} with --explain, which prints one measure's reasoning as text",
     "Leave --format out to read the reasoning, or --explain out for the whole scorecard as "
     "{format}."},
    {"assess.unknown-explain", kError, "no assessed measure has ref \"{ref}\"",
     "Give a measure's ref exactly as scorecard assess prints it (case and spaces count), in "
     "quotes when it has a space: --explain \"CP 08b\"."},
    {"periods.spelling", kError,
     "expected a period such as 2017/18, 2017/18 Q2, 2017-09, AY 2017/18, 2015 or 2017-09-30, "
     "not \"{text}\"",
     "docs/interchange.md (Periods) lists the spellings Scorecard reads."},

    // --- Reports: printing the PDF with Chromium (h1-assets-pdf) ---------------------------------
    {"report.pdf-no-html", kError, "cannot print this file as a PDF: there is no such file",
     "Write the report as HTML first, then print that file."},
    {"report.pdf-no-chromium", kError, "cannot print the PDF: there is no Chromium at {chromium}",
     "Install Debian's chromium package (scripts/install-deps.sh installs it), or set "
     "SCORECARD_CHROMIUM to the Chromium to run."},
    {"report.pdf-no-scratch", kError, "cannot make a temporary folder for Chromium: {why}",
     "Check the free space and the permissions of the temporary folder (TMPDIR, else /tmp)."},
    {"report.pdf-not-started", kError, "cannot start Chromium: {why}",
     "Check that this user may run it, or set SCORECARD_CHROMIUM to a Chromium that runs."},
    {"report.pdf-timeout", kError,
     "Chromium had not printed the PDF after {seconds} seconds, so it was stopped",
     "Try again when the machine is less busy; if a report always takes this long, please "
     "report it."},
    {"report.pdf-chromium-failed", kError, "Chromium failed to print the PDF ({how}): {said}",
     "Check that the report's HTML opens in a browser, then report the problem with these "
     "words."},
    {"report.pdf-not-printed", kError, "Chromium finished without printing a PDF: {said}",
     "Check that the report's HTML opens in a browser, then report the problem with these "
     "words."},
    {"report.pdf-not-written", kError, "cannot write the PDF: {why}",
     "Check the folder's permissions and the free space, and close the PDF if a viewer holds "
     "it, then try again."},
};

}  // namespace

std::span<const IssueText> IssueCatalogue() { return kCatalogue; }

}  // namespace scorecard
