// Times the report writers on a document holding one table of 1,000 rows and 25 columns (text,
// figures in four formats, statuses, dates; groups of rows, highlighted rows, grouped columns):
// the workbook (WriteXlsx) and the CSV files (WriteCsv), each written whole to a file, medians
// of several runs. The goal for the workbook is under 50 ms.

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <exception>
#include <vector>

#include "reports/csv_writer.h"
#include "reports/xlsx_writer.h"
#include "temp_dir.h"

namespace scorecard::bench {
namespace {

constexpr int kRows = 1'000;
constexpr int kQuarters = 20;  // 2 text, 20 figures, status, direction, date: 25 columns
constexpr int kRuns = 5;
constexpr Moment kCreated = 1'511'170'200'000'000;

using Clock = std::chrono::steady_clock;

// The process's processor time (user and system), in milliseconds: on a machine shared with
// other work it varies less than the wall time.
double CpuMs() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Timing {
  double wall_ms, cpu_ms;  // medians
};

double Median(std::vector<double> ms) {
  std::ranges::sort(ms);
  return ms[ms.size() / 2];
}

// Runs `run` `runs` times, prints each wall and processor time and returns the medians.
template <typename Run>
Timing Time(const char* name, int runs, Run run) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    Clock::time_point start = Clock::now();
    double cpu_start = CpuMs();
    run();
    cpu.push_back(CpuMs() - cpu_start);
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  fmt::print("{}: {} runs, wall ms:", name, runs);
  for (double m : wall) fmt::print(" {:.1f}", m);
  fmt::print("; cpu ms:");
  for (double m : cpu) fmt::print(" {:.1f}", m);
  Timing t{Median(wall), Median(cpu)};
  fmt::print("; medians {:.1f} and {:.1f}\n", t.wall_ms, t.cpu_ms);
  return t;
}

ReportTable LargeTable() {
  static const char* kFormats[] = {"#,##0", "0.0", "£#,##0.00", "0.0%"};
  static const Colour kColours[] = {
      {"#00703c", "#ffffff"}, {"#ffdd00", "#0b0c0c"}, {"#d4351c", "#ffffff"}};
  static const char* kWords[] = {"On track", "Some slippage", "Off track"};
  static const char* kSymbols[] = {"✓", "▲", "✗"};
  ReportTable t;
  t.name = "scorecard";
  t.caption = "Every measure, by theme";
  t.filter = true;
  t.columns.push_back({"Ref", "", false, 8});
  t.columns.push_back({"Measure", "", false, 40});
  for (int q = 0; q < kQuarters; ++q) {
    t.columns.push_back({fmt::format("Q{} {}/{}", q % 4 + 1, 2013 + q / 4, 14 + q / 4),
                         fmt::format("{}/{}", 2013 + q / 4, 14 + q / 4), true, 10});
  }
  t.columns.push_back({"Status", "", false, 16});
  t.columns.push_back({"Direction", "", false, 12});
  t.columns.push_back({"Due", "", false, 14});
  uint64_t state = 2012;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 33) / static_cast<double>(1ULL << 31);
  };
  for (int r = 0; r < kRows; ++r) {
    ReportRow row;
    row.group = fmt::format("Theme {}", r / 50 + 1);
    if (r % 10 == 3) row.highlight = "Portfolio: Housing";
    row.cells.push_back(ReportCell::Text(fmt::format("M{:04}", r + 1)));
    row.cells.push_back(
        ReportCell::Text(fmt::format("Measure number {} of the synthetic plan", r)));
    const char* format = kFormats[r % 4];
    for (int q = 0; q < kQuarters; ++q) {
      double v = std::round(next() * 100'000) / 10;  // figures as councils give them
      row.cells.push_back(ReportCell::Number(v, fmt::format("{:.1f}", v), format));
    }
    int s = r % 3;
    row.cells.push_back(ReportCell::Status("s", kSymbols[s], kWords[s], kColours[s]));
    row.cells.push_back(ReportCell::Text(r % 2 ? "Improving" : "Declining"));
    row.cells.push_back(
        ReportCell::DateCell(Date::FromCivil(2018, r % 12 + 1, r % 28 + 1), "a date"));
    t.rows.push_back(std::move(row));
  }
  return t;
}

int Run() {
  ReportDocument document;
  document.title = "Quarterly performance report";
  document.organisation = "Synthetic Council";
  document.period = "2017/18 Q2";
  ReportSection section;
  section.type = section.id = "scorecard";
  section.title = "Scorecard";
  section.blocks.emplace_back(LargeTable());
  document.sections.push_back(std::move(section));

  TempDir dir("scorecard_report_bench");
  const std::string xlsx = dir.path() + "/report.xlsx", csv = dir.path() + "/csv";
  auto fail = [](const Failure& f) {
    std::fprintf(stderr, "%s\n", f.issues.at(0).ToString().c_str());
    return 1;
  };
  Timing x = Time("xlsx", kRuns, [&] {
    if (auto r = WriteXlsx(document, xlsx, kCreated); !r) std::exit(fail(r.error()));
  });
  Timing c = Time("csv", kRuns, [&] {
    if (auto r = WriteCsv(document, csv); !r) std::exit(fail(r.error()));
  });
  fmt::print(
      "report-writers-bench: xlsx {:.0f} ms (cpu {:.0f}), csv {:.0f} ms (cpu {:.0f}) "
      "({} rows x {} columns)\n",
      x.wall_ms, x.cpu_ms, c.wall_ms, c.cpu_ms, kRows, kQuarters + 5);
  return 0;
}

}  // namespace
}  // namespace scorecard::bench

int main() {
  try {
    return scorecard::bench::Run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "report_writers_bench: %s\n", e.what());
    return 1;
  }
}
