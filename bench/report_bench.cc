// Times a whole report made from a council's position (the layout read, the sections made and the
// document written): as HTML, as XLSX and as PDF, and, as the PDF's floor, Chromium printing the
// same HTML from a file (PrintPdf alone). For a synthetic 1,000-measure council (20 quarters of
// figures, a scorecard of 12 columns with five quarters of history) and for Rotherham's seed
// report (data/seeds/rotherham-2017-q2, its own layout). Medians of several runs, PDF and floor
// taken in turn so that the machine's load falls on both alike. Goals: HTML and XLSX under
// 50 ms each; PDF within 1.3 times the floor.

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/assess.h"
#include "reports/html_writer.h"
#include "reports/make_report.h"
#include "reports/pdf.h"
#include "reports/report.h"
#include "reports/stylesheet.h"
#include "reports/xlsx_writer.h"
#include "synthetic_folder.h"
#include "temp_dir.h"

namespace scorecard::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMeasures = 1'000;
constexpr int kQuarters = 20;
constexpr uint64_t kSeed = 42;
constexpr int kFastRuns = 11;
constexpr int kPdfRuns = 5;
const bool kHtmlOnly = std::getenv("REPORT_BENCH_HTML_ONLY") != nullptr;  // for profiling

constexpr const char* kLayout = R"(
title = "Council Plan: quarterly performance report"
contact = ["Performance team"]

[[section]]
type = "summary"
title = "Summary"

[[section]]
type = "summary"
title = "Direction of travel"
show = "directions"

[[section]]
type = "headlines"

[[section]]
type = "red-flags"

[[section]]
type = "exceptions"
columns = ["ref", "title", "target", "value", "status", "forecast", "forecast-status", "context"]

[[section]]
type = "scorecard"
columns = ["ref", "title", "owner", "polarity", "target", "status", "direction", "history",
           "commentary"]
history = ["quarter -4", "quarter -3", "quarter -2", "quarter -1", "quarter 0"]

[[section]]
type = "key"
)";

double Median(std::vector<double> ms) {
  std::ranges::sort(ms);
  return ms[ms.size() / 2];
}

template <typename Run>
double TimeMs(Run run) {
  Clock::time_point start = Clock::now();
  run();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ReportDocument Document(const Position& position, const ReportLayout& layout) {
  auto doc = BuildReport(position, layout);
  if (!doc) throw std::runtime_error(doc.error().front().ToString());
  return std::move(*doc);
}

// Times the report of `position` by `layout` in each format, and prints one line.
void Bench(const std::string& name, const Position& position, const ReportLayout& layout,
           const std::string& dir) {
  std::vector<double> html, xlsx, pdf, floor;
  std::string file = "report-" + std::to_string(position.measures.size());  // no "/" in it
  std::string html_path = dir + "/" + file + ".html";
  HtmlWriter writer;
  for (int i = 0; i < kFastRuns; ++i) {
    html.push_back(TimeMs([&] {
      std::string text = writer.Write(Document(position, layout), ReportStylesheet());
      std::ofstream(html_path, std::ios::binary) << text;
    }));
    xlsx.push_back(TimeMs([&] {
      auto written = WriteReport(Document(position, layout), "xlsx", dir + "/" + file + ".xlsx");
      if (!written) throw std::runtime_error(written.error().issues.front().ToString());
    }));
  }
  if (kHtmlOnly) {
    fmt::print("report-bench: html {:.1f} ms ({})\n", Median(html), name);
    return;
  }
  std::filesystem::path pdf_path = std::filesystem::absolute(dir + "/" + file + ".pdf");
  std::filesystem::path floor_path = std::filesystem::absolute(dir + "/" + file + "-floor.pdf");
  for (int i = 0; i < kPdfRuns; ++i) {
    pdf.push_back(TimeMs([&] {
      auto written = WriteReport(Document(position, layout), "pdf", pdf_path.string());
      if (!written) throw std::runtime_error(written.error().issues.front().ToString());
    }));
    floor.push_back(TimeMs([&] {
      auto printed = PrintPdf(std::filesystem::absolute(html_path), floor_path);
      if (!printed) throw std::runtime_error(printed.error().issues.front().ToString());
    }));
  }
  double p = Median(pdf), f = Median(floor);
  fmt::print(
      "report-bench: html {:.1f} ms, xlsx {:.1f} ms, pdf {:.0f} ms, chromium-floor {:.0f} ms, "
      "pdf/floor {:.2f} ({}; medians of {} runs, pdf of {}; goals: html and xlsx under 50 ms, "
      "pdf within 1.3x the floor)\n",
      Median(html), Median(xlsx), p, f, p / f, name, kFastRuns, kPdfRuns);
}

int Main() {
  TempDir work("scorecard-report-bench");
  std::string folder = work.path() + "/council";
  std::filesystem::create_directory(folder);
  WriteSyntheticFolder(folder, kMeasures, kQuarters, kSeed);
  auto synthetic = AssessPath(folder, std::nullopt, PositionOptions{.history = true});
  if (!synthetic) throw std::runtime_error("the synthetic council cannot be assessed");
  auto layout = ParseLayout(kLayout, "bench", "reports/bench.toml");
  if (!layout) throw std::runtime_error(layout.error().front().ToString());
  Bench("1,000 measures", *synthetic, *layout, work.path());

  const std::string seed = "data/seeds/rotherham-2017-q2";
  auto rotherham = AssessPath(seed, std::nullopt, PositionOptions{.history = true});
  if (!rotherham) throw std::runtime_error("the Rotherham seed cannot be assessed");
  auto dashboard = ParseLayout(ReadText(seed + "/reports/dashboard.toml"), "dashboard",
                               "reports/dashboard.toml");
  if (!dashboard) throw std::runtime_error(dashboard.error().front().ToString());
  Bench("Rotherham 2017/18 Q2, 72 measures", *rotherham, *dashboard, work.path());
  return 0;
}

}  // namespace
}  // namespace scorecard::bench

int main() {
  try {
    return scorecard::bench::Main();
  } catch (const std::exception& e) {
    fmt::print(stderr, "report-bench: {}\n", e.what());
    return 1;
  }
}
