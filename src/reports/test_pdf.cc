#include "reports/test_pdf.h"

#include <sstream>
#include <stdexcept>

#include "reports/program.h"

namespace scorecard {
namespace {

std::string Run(std::vector<std::string> argv) {
  auto run = RunProgram(argv, std::chrono::seconds(60));
  if (!run) throw std::runtime_error("cannot start " + argv[0] + ": " + run.error());
  if (!run->ok()) throw std::runtime_error(argv[0] + " failed: " + run->err);
  return run->out;
}

std::string Trim(std::string_view s) {
  size_t first = s.find_first_not_of(' ');
  size_t last = s.find_last_not_of(" \r");
  return first == std::string_view::npos ? "" : std::string(s.substr(first, last - first + 1));
}

// The columns of a table that pdffonts underlines with a line of dashes for each column.
std::vector<std::pair<size_t, size_t>> Columns(const std::string& dashes) {
  std::vector<std::pair<size_t, size_t>> columns;
  for (size_t at = dashes.find('-'); at != std::string::npos;) {
    size_t end = dashes.find(' ', at);
    columns.emplace_back(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? end : dashes.find('-', end);
  }
  return columns;
}

}  // namespace

std::string PdfInfo(const std::filesystem::path& pdf, int page) {
  if (page == 0) return Run({"/usr/bin/pdfinfo", pdf.string()});
  return Run(
      {"/usr/bin/pdfinfo", "-f", std::to_string(page), "-l", std::to_string(page), pdf.string()});
}

std::string PdfInfoField(std::string_view info, std::string_view key) {
  std::istringstream lines{std::string(info)};
  for (std::string line; std::getline(lines, line);) {
    size_t colon = line.find(':');
    if (colon != std::string::npos && Trim(std::string_view(line).substr(0, colon)) == key) {
      return Trim(std::string_view(line).substr(colon + 1));
    }
  }
  return "";
}

int PdfPages(const std::filesystem::path& pdf) {
  return std::stoi(PdfInfoField(PdfInfo(pdf), "Pages"));
}

PdfPageSize PdfPageSizeOf(const std::filesystem::path& pdf, int page) {
  // "Page    2 size: 841.92 x 594.96 pts (A4)"
  std::istringstream lines(PdfInfo(pdf, page));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream in(line);
    std::string word, size_word;
    int number = 0;
    char x = 0;
    PdfPageSize s;
    if (in >> word >> number >> size_word && word == "Page" && number == page &&
        size_word == "size:" && in >> s.width >> x >> s.height && x == 'x') {
      return s;
    }
  }
  throw std::runtime_error("pdfinfo gave no size for page " + std::to_string(page));
}

std::vector<PdfFont> PdfFonts(const std::filesystem::path& pdf) {
  std::istringstream lines(Run({"/usr/bin/pdffonts", pdf.string()}));
  std::string header, dashes;
  std::getline(lines, header);
  std::getline(lines, dashes);
  auto columns = Columns(dashes);
  if (columns.size() < 4 || header.substr(columns[3].first, 3) != "emb") {
    throw std::runtime_error("pdffonts printed an unexpected table: " + header);
  }
  std::vector<PdfFont> fonts;
  for (std::string line; std::getline(lines, line);) {
    auto field = [&](size_t i) {
      return columns[i].first < line.size() ? Trim(line.substr(columns[i].first, columns[i].second))
                                            : "";
    };
    fonts.push_back({field(0), field(1), field(3) == "yes"});
  }
  return fonts;
}

std::string PdfText(const std::filesystem::path& pdf, int first, int last, PdfTextOrder order) {
  std::vector<std::string> argv = {"/usr/bin/pdftotext"};
  if (order == PdfTextOrder::kLayout) argv.push_back("-layout");
  if (first > 0) argv.insert(argv.end(), {"-f", std::to_string(first)});
  if (last > 0) argv.insert(argv.end(), {"-l", std::to_string(last)});
  argv.insert(argv.end(), {pdf.string(), "-"});
  return Run(argv);
}

std::string PdfStructureText(const std::filesystem::path& pdf) {
  return Run({"/usr/bin/pdfinfo", "-struct-text", pdf.string()});
}

}  // namespace scorecard
