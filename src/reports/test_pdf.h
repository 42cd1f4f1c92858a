#pragma once
// What poppler-utils read from a PDF (pdfinfo, pdffonts, pdftotext), for tests of printed
// reports. Each throws std::runtime_error, saying what the tool said, when the tool fails.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

// pdfinfo's "Key: value" lines, of the whole file or, with `page`, of that page too.
std::string PdfInfo(const std::filesystem::path& pdf, int page = 0);
// The value of pdfinfo's line `key` ("Tagged" -> "yes"), or empty when there is no such line.
std::string PdfInfoField(std::string_view info, std::string_view key);
int PdfPages(const std::filesystem::path& pdf);

// A page's size in points, as pdfinfo gives it.
struct PdfPageSize {
  double width = 0, height = 0;
  bool landscape() const { return width > height; }
};
PdfPageSize PdfPageSizeOf(const std::filesystem::path& pdf, int page);

// One line of pdffonts.
struct PdfFont {
  std::string name;  // "AAAAAA+LiberationSans", or "[none]" (a Type 3 font)
  std::string type;  // "CID TrueType"
  bool embedded = false;
};
std::vector<PdfFont> PdfFonts(const std::filesystem::path& pdf);

// pdftotext's text of the pages `first` to `last` (0 and 0: every page). By default in the
// order pdftotext reads it, which may give a table column by column; with `layout`, laid out as
// on the page (pdftotext -layout), a table row on a line.
enum class PdfTextOrder { kReading, kLayout };
std::string PdfText(const std::filesystem::path& pdf, int first = 0, int last = 0,
                    PdfTextOrder order = PdfTextOrder::kReading);

// The PDF's structure tree with its text (pdfinfo -struct-text): what a screen reader reads.
std::string PdfStructureText(const std::filesystem::path& pdf);

}  // namespace scorecard
