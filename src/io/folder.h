#pragma once
// Reads a whole interchange folder (docs/interchange.md) into a Council. A folder with any issue
// is rejected whole, with every issue listed.

#include <expected>

#include "domain/council.h"
#include "domain/issue.h"
#include "io/file_source.h"

namespace scorecard {

std::expected<Council, Issues> ReadFolder(const FileSource& source);

}  // namespace scorecard
