#pragma once
// The PDF of a report: Debian's headless Chromium printing the report's HTML, with the print
// stylesheet's page size, margins and page numbers. Chromium tags the PDF (its structure, for
// screen readers) and embeds the fonts it used (docs/adr/0012-report-styles-and-pdf.md).

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "app/result.h"

namespace scorecard {

// The Chromium to run unless told otherwise: $SCORECARD_CHROMIUM when it is set and not empty,
// else Debian's /usr/bin/chromium.
std::filesystem::path DefaultChromium();

struct PdfOptions {
  std::filesystem::path chromium = DefaultChromium();
  // Chromium is stopped, with every process it started, after this long.
  std::chrono::milliseconds timeout = std::chrono::seconds(120);
};

// What Chromium is given, after its path, to print the HTML file `html` (an absolute path,
// given as a file: URL) to `pdf` with its profile in `profile`, a folder of its own that is
// removed afterwards.
std::vector<std::string> ChromiumPrintArguments(const std::filesystem::path& html,
                                                const std::filesystem::path& pdf,
                                                const std::filesystem::path& profile);

// Prints the HTML file `html` to the PDF file `pdf`, replacing any file there only once the PDF
// is printed. Fails with a report.pdf-* issue when the HTML file or Chromium is missing
// (kNotFound, kUnavailable), when Chromium fails, prints nothing or outruns the timeout
// (kInternal, kUnavailable), or when the PDF cannot be written (kUnavailable).
Result<void> PrintPdf(const std::filesystem::path& html, const std::filesystem::path& pdf,
                      const PdfOptions& options = {});

}  // namespace scorecard
