#include "io/missing_targets.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/measure_periods.h"

namespace scorecard {
namespace {

// "2017/18 Q1, 2017/18 Q2 and 2017/18 Q3"; past three, "... and 4 more".
std::string ListPeriods(std::vector<Period> periods) {
  constexpr size_t kListed = 3;
  std::sort(periods.begin(), periods.end());
  size_t listed = periods.size() > kListed + 1 ? kListed : periods.size();
  std::string out;
  for (size_t i = 0; i < listed; ++i) {
    if (i > 0) out += i + 1 == listed && listed == periods.size() ? " and " : ", ";
    out += periods[i].ToString();
  }
  if (listed < periods.size()) out += fmt::format(" and {} more", periods.size() - listed);
  return out;
}

}  // namespace

MissingTargets::MissingTargets(const Council& council)
    : council_(council), measures_(council.measures.size()) {
  for (size_t i = 0; i < measures_.size(); ++i) {
    const Measure& m = council.measures[i];
    Figures& f = measures_[i];
    f.counted = AssessedAgainstTargets(m) && !council.RollsUp(m);
    for (const Target& t : m.targets) {
      if (!f.first_target || t.period.start() < *f.first_target) f.first_target = t.period.start();
    }
  }
}

void MissingTargets::Add(const Measure& m, const Period& period, int line) {
  Figures& f = measures_[static_cast<size_t>(&m - council_.measures.data())];
  if (!f.counted) return;
  if (f.first_target && period.end() < *f.first_target) return;
  if (HasTargetRow(m, period)) return;
  if (f.periods.empty()) f.first_line = line;
  f.periods.push_back(period);
}

void MissingTargets::Warn(const std::string& file, Issues* issues) const {
  std::vector<const Figures*> warned;
  for (const Figures& f : measures_) {
    if (!f.periods.empty()) warned.push_back(&f);
  }
  std::sort(warned.begin(), warned.end(),
            [](const Figures* a, const Figures* b) { return a->first_line < b->first_line; });
  for (const Figures* f : warned) {
    const Measure& m = council_.measures[static_cast<size_t>(f - measures_.data())];
    size_t n = f->periods.size();
    issues->push_back(MakeIssue("values.no-target", {file, f->first_line, "period"},
                                {{"ref", m.ref},
                                 {"figures", fmt::format("{} figure{}", n, n == 1 ? "" : "s")},
                                 {"periods", ListPeriods(f->periods)}}));
  }
}

}  // namespace scorecard
