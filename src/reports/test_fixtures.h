#pragma once
// The hand-written report fixtures in src/reports/testdata, for the PDF tests and the
// accessibility scan (tests/browser), and what tests that print need of the machine.

#include <filesystem>
#include <string>
#include <string_view>

namespace scorecard {

// "<source>/src/reports/testdata", found through SCORECARD_SOURCE_DIR (which scorecard_test
// sets) or else from the working directory.
std::filesystem::path ReportTestdata();

// The fixture `name` (a file of testdata) with ReportStylesheet() in place of its placeholder,
// the comment "/* ReportStylesheet() */". Throws std::runtime_error if the file cannot be read
// or has no placeholder.
std::string ReportFixture(std::string_view name);

// Writes `text` to `path`; throws std::runtime_error if it cannot.
void WriteTextFile(const std::filesystem::path& path, std::string_view text);

// What is missing of what printing and reading back a PDF needs (Chromium, as PdfOptions finds
// it; pdfinfo, pdffonts and pdftotext), in words; empty when nothing is.
std::string MissingPdfTools();

// True under CI=true (CI runs every test: a missing tool fails there rather than skipping).
bool OnCi();

}  // namespace scorecard

// In a test that prints: skips it when a tool is missing, but fails it under CI=true.
#define SCORECARD_NEEDS_PDF_TOOLS()                             \
  do {                                                          \
    std::string missing_tools = ::scorecard::MissingPdfTools(); \
    if (!missing_tools.empty()) {                               \
      if (::scorecard::OnCi()) FAIL() << missing_tools;         \
      GTEST_SKIP() << missing_tools;                            \
    }                                                           \
  } while (false)
