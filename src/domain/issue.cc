#include "domain/issue.h"

namespace scorecard {

std::string Issue::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!column.empty()) out += "column " + column + ": ";
  out += message;
  return out;
}

}  // namespace scorecard
