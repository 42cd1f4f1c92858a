// ReadConfig (scorecard.toml) on arbitrary bytes, into a fresh Council.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/council.h"
#include "io/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  scorecard::Council council;
  scorecard::Issues issues;
  scorecard::ReadConfig(text, "scorecard.toml", &council, &issues);
  if (issues.empty()) council.FindScheme(council.organisation.scheme);
  return 0;
}
