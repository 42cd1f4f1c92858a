#pragma once
// The seed councils in data/seeds, for tests: found through SCORECARD_SOURCE_DIR (which
// scorecard_test sets for every test) or else from the working directory.

#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

// "<source>/data/seeds/<slug>".
std::string SeedDir(std::string_view slug);
// Every seed folder's name, sorted.
std::vector<std::string> SeedSlugs();

}  // namespace scorecard
