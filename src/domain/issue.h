#pragma once
// A problem a user can fix, located where they can find it. Readers collect every issue rather
// than stopping at the first; one catalogue of words (the messages) serves CLI and web alike.

#include <string>
#include <vector>

namespace scorecard {

struct Issue {
  std::string file;     // "measures.csv", or a sheet name
  int line = 0;         // 1-based; 0 when the issue is about the whole file
  std::string column;   // the column name, or the TOML key
  std::string message;  // what was expected / what is wrong

  // "measures.csv:12: column polarity: expected a polarity: higher, lower or none"
  std::string ToString() const;
  bool operator==(const Issue&) const = default;
};

using Issues = std::vector<Issue>;

}  // namespace scorecard
