#pragma once
// The parts of an .xlsx workbook (ECMA-376 SpreadsheetML) other than its worksheets, read into
// plain data: relationships, the workbook part's list of sheets, shared strings and the number
// formats of cell styles. Each parser fails with what is wrong with the part's XML, as an issue
// of the catalogue whose {part} its caller names.

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "domain/issue.h"

namespace scorecard {

struct Relationship {
  std::string id, type, target;  // type is a URI; target is relative to the source part
};

struct SheetEntry {
  std::string name;          // as on the sheet's tab
  std::string relationship;  // the id of the relationship to its part
};

struct WorkbookPart {
  std::vector<SheetEntry> sheets;  // in tab order
  bool date1904 = false;           // dates count days from 1904-01-01, not 1900
};

// How a cell's number format shows a number.
enum class NumberShape : uint8_t { kPlain, kDate, kPercent };

std::expected<std::vector<Relationship>, Problem> ParseRelationships(std::string xml);
std::expected<WorkbookPart, Problem> ParseWorkbookPart(std::string xml);
std::expected<std::vector<std::string>, Problem> ParseSharedStrings(std::string xml);
// The shape of each cell style, by index (a cell's s attribute).
std::expected<std::vector<NumberShape>, Problem> ParseStyles(std::string xml);

// Where a part's relationships are: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; the
// package's own, for "", are "_rels/.rels".
std::string RelationshipsPart(std::string_view part);
// The part a relationship of `source` points at: ("xl/workbook.xml", "worksheets/sheet1.xml")
// -> "xl/worksheets/sheet1.xml"; a target starting with / is from the package root.
std::string ResolveTarget(std::string_view source, std::string_view target);

// The shape a number format code gives: a date if it shows a day, month or year; a percentage if
// it has a %; else plain. "[h]:mm" and "mm:ss" are times, shown plain.
NumberShape ShapeOfFormat(std::string_view code);
NumberShape ShapeOfBuiltInFormat(int id);

// Undoes SpreadsheetML's escapes of characters XML cannot hold: "_x000D_" is a carriage return.
std::string DecodeEscapes(std::string_view text);

}  // namespace scorecard
