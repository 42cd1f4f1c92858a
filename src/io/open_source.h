#pragma once
// Opens the table source a path names: an interchange folder, or an Excel workbook (.xlsx).

#include <expected>
#include <memory>
#include <string>

#include "domain/issue.h"
#include "io/interchange.h"

namespace scorecard {

// A directory is an interchange folder; a file ending .xlsx is a workbook, read whole now. Fails
// with an issue naming the path when nothing is there, it is neither, or it cannot be read.
std::expected<std::unique_ptr<TableSource>, Issues> OpenTableSource(const std::string& path);

}  // namespace scorecard
