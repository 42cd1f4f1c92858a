#pragma once
// Use case: compare what Scorecard computes for a seed folder with what the council published
// (expected.csv, expected_counts.csv), and with the differences already explained
// (known_differences.csv). See docs/interchange.md, "Seed folders only".

#include <expected>
#include <string>
#include <vector>

#include "app/result.h"
#include "domain/issue.h"
#include "io/file_source.h"

namespace scorecard {

// One published figure and what Scorecard computes for it.
struct Comparison {
  std::string subject;  // a ref, or "group/key" for a count
  std::string period, field, expected, computed;
  std::string reason;  // from known_differences.csv, when explained
  int line = 0;        // in expected.csv or expected_counts.csv
};

struct Verification {
  int checked = 0, agreed = 0;
  std::vector<Comparison> agreeing;     // the same as published (the golden report tests' figures)
  std::vector<Comparison> explained;    // differ, and known_differences.csv says why
  std::vector<Comparison> unexplained;  // differ, and nothing says why
  std::vector<Comparison> stale;        // known differences that no longer differ
  std::vector<Comparison> unchecked;    // published figures Scorecard does not compute
};

// Fails when the folder has nothing to compare (no expected.csv or expected_counts.csv).
std::expected<Verification, Issues> VerifyFolder(const FileSource& source);
Result<Verification> VerifyPath(const std::string& dir);

}  // namespace scorecard
