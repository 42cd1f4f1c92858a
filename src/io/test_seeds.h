#pragma once
// The seed councils in data/seeds, for tests: found through SCORECARD_SOURCE_DIR (which
// scorecard_test sets for every test) or else from the working directory.

#include <string>
#include <string_view>
#include <vector>

#include "io/file_source.h"

namespace scorecard {

// "<source>/data/seeds/<slug>".
std::string SeedDir(std::string_view slug);
// Every seed folder's name, sorted.
std::vector<std::string> SeedSlugs();
// A seed folder's files, in memory, so a test can change them: "reports/NAME.toml" for its
// layouts, and "reports/" for the folder itself.
MemoryFileSource SeedFiles(std::string_view slug);

}  // namespace scorecard
