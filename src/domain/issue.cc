#include "domain/issue.h"

#include <fmt/format.h>

namespace scorecard {

std::string Issue::ToString() const {
  return fmt::format("{}{}: {}{}", file, line > 0 ? fmt::format(":{}", line) : "",
                     column.empty() ? "" : "column " + column + ": ", message);
}

}  // namespace scorecard
