#include "synthetic_folder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "random.h"
#include "synthetic_council.h"

namespace scorecard::bench {
namespace {

constexpr int kFirstYear = 2012;  // quarter 0 is 2012/13 Q1

// Commentary as officers write it: some with commas, quotes or a line break, so fields need
// quoting.
constexpr std::string_view kCommentary[] = {
    "Performance remains below target due to staff vacancies, now filled",
    "\"Recovery plan\" agreed at DMT; improvement expected next quarter",
    "Seasonal pattern: winter demand is higher",
    "Data from the new case management system, not comparable with earlier quarters",
    "Two teams merged in the quarter.\nFigures cover both",
    "On track",
};

class File {
 public:
  File(const std::string& dir, const char* name)
      : f_(std::fopen((dir + "/" + name).c_str(), "w"), &std::fclose) {
    if (!f_) throw std::runtime_error(fmt::format("cannot write {}/{}", dir, name));
  }
  void Line(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), f_.get());
    std::fputc('\n', f_.get());
  }

 private:
  std::unique_ptr<FILE, decltype(&std::fclose)> f_;
};

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string Ref(int measure) { return fmt::format("PI {:05}", measure + 1); }

std::string Year(int year) { return fmt::format("{}/{:02}", year, (year + 1) % 100); }

std::string Number(double x) { return std::isnan(x) ? "" : fmt::format("{}", x); }

const char* PolarityText(Polarity p) {
  switch (p) {
    case Polarity::kHigherIsBetter:
      return "higher";
    case Polarity::kLowerIsBetter:
      return "lower";
    default:
      return "none";
  }
}

void WriteConfig(const std::string& dir) {
  File f(dir, "scorecard.toml");
  f.Line(
      "[organisation]\n"
      "name = \"Synthetic Borough Council\"\n"
      "code = \"synthetic\"\n"
      "scheme = \"derby-2012\"\n"
      "reporting_period = \"2021/22 Q4\"");
}

constexpr const char* kUnits[] = {"%", "number", "£", "days"};

// A % measure's figures and targets are scaled into 0-90 (a % measure's values live in 0-100);
// statuses and directions, which compare ratios, are as the council's figures give them.
double ScaleOf(const SyntheticCouncil& council, int m) {
  if (m % 4 != 0) return 1;
  double largest = 0;
  for (int q = 0; q < council.periods; ++q) {
    for (double x : {council.values[council.Index(m, q)], council.targets[council.Index(m, q)]}) {
      if (!std::isnan(x)) largest = std::max(largest, std::fabs(x));
    }
  }
  return largest > 90 ? 90 / largest : 1;
}

// The figure as written: scaled, to 2 places where scaled.
std::string Scaled(double x, double scale) {
  return scale == 1 ? Number(x) : Number(std::round(x * scale * 100) / 100);
}

void WriteMeasures(const std::string& dir, const SyntheticCouncil& council) {
  static constexpr const char* kDirectorates[] = {"Adults", "Children", "Neighbourhoods",
                                                  "Resources", "Regeneration"};
  File f(dir, "measures.csv");
  f.Line("ref,title,unit,polarity,frequency,directorate,owner,priority,order");
  for (int m = 0; m < council.measures; ++m) {
    f.Line(
        fmt::format("{},\"Measure {}, as reported to Cabinet\",{},{},quarterly,{},Officer {},{},{}",
                    Ref(m), m + 1, kUnits[m % 4], PolarityText(council.polarity[m]),
                    kDirectorates[m % 5], m % 97, m % 10 == 0 ? "yes" : "", m + 1));
  }
}

size_t WriteTargets(const std::string& dir, const SyntheticCouncil& council) {
  File f(dir, "targets.csv");
  f.Line("ref,period,target,kind");
  size_t rows = 0;
  for (int m = 0; m < council.measures; ++m) {
    double scale = ScaleOf(council, m);
    for (int year = council.periods / 4 - 2; year < council.periods / 4; ++year) {
      double target = council.targets[council.Index(m, year * 4 + 3)];
      f.Line(fmt::format("{},{},{},{}", Ref(m), Year(kFirstYear + year), Scaled(target, scale),
                         std::isnan(target) ? "tbc" : ""));
      ++rows;
    }
  }
  return rows;
}

size_t WriteValues(const std::string& dir, const SyntheticCouncil& council, uint64_t seed) {
  File f(dir, "values.csv");
  f.Line("ref,period,value,flags,forecast,status,status_reason,context,note");
  Random random(seed);
  size_t rows = 0;
  for (int m = 0; m < council.measures; ++m) {
    std::string ref = Ref(m);
    double scale = ScaleOf(council, m);
    for (int q = 0; q < council.periods; ++q) {
      double value = council.values[council.Index(m, q)];
      bool latest = q == council.periods - 1;
      std::string flags = std::isnan(value)              ? "not-available"
                          : latest && random.Chance(0.3) ? "provisional"
                          : random.Chance(0.01)          ? "estimated;correction"
                                                         : "";
      std::string forecast = q % 4 == 1 && random.Chance(0.2) ? Scaled(value, scale) : "";
      bool overridden = random.Chance(0.002);
      std::string context;
      if (random.Chance(0.1)) {
        context = Quoted(kCommentary[random.Next() % std::size(kCommentary)]);
      }
      std::string note = std::isnan(value) ? "Figure not yet supplied by the service" : "";
      f.Line(fmt::format("{},{},{},{},{},{},{},{},{}", ref, QuarterLabel(q), Scaled(value, scale),
                         flags, forecast, overridden ? "green" : "",
                         overridden ? "Officer's judgement: the quarter's figure is distorted" : "",
                         context, note));
      ++rows;
    }
  }
  return rows;
}

}  // namespace

std::string QuarterLabel(int q) {
  return fmt::format("{} Q{}", Year(kFirstYear + q / 4), q % 4 + 1);
}

FolderCounts WriteSyntheticFolder(const std::string& dir, int measures, int quarters,
                                  uint64_t seed) {
  SyntheticCouncil council = MakeSyntheticCouncil(measures, quarters, seed);
  WriteConfig(dir);
  WriteMeasures(dir, council);
  FolderCounts counts;
  counts.measures = static_cast<size_t>(measures);
  counts.targets = WriteTargets(dir, council);
  counts.values = WriteValues(dir, council, seed + 1);
  return counts;
}

}  // namespace scorecard::bench
