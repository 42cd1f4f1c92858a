// Parents rolled up from their parts (docs/adr/0008-parent-measures-roll-up.md): the status and
// direction of travel a parent with a `worst` or `all-met` rule takes from its parts'.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

#include "domain/assessment.h"

namespace scorecard {
namespace {

// "3.A4(a) on-track, 3.A4(b) on-track": each part but `except` with its status.
std::string PartStatuses(const std::vector<MeasureAssessment>& parts,
                         const MeasureAssessment* except, Status MeasureAssessment::*which) {
  std::string out;
  for (const MeasureAssessment& p : parts) {
    if (&p == except) continue;
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", p.measure->ref, (p.*which).key);
  }
  return out;
}

std::string OtherParts(const std::vector<MeasureAssessment>& parts, const MeasureAssessment* except,
                       Status MeasureAssessment::*which) {
  std::string others = PartStatuses(parts, except, which);
  return others.empty() ? "" : "; the others: " + others;
}

}  // namespace

Status Assessor::RolledUp(const Measure& parent, const std::vector<MeasureAssessment>& parts,
                          Status MeasureAssessment::*which) const {
  const StatusScheme& scheme = council_.SchemeFor(parent);
  const MeasureAssessment* worst = nullptr;     // the part with the worst band
  const MeasureAssessment* unbanded = nullptr;  // the first part with no band
  for (const MeasureAssessment& p : parts) {
    const Status& s = p.*which;
    if (!s.is_band) {
      if (!unbanded) unbanded = &p;
    } else if (!worst || scheme.Rank(s.key) > scheme.Rank((worst->*which).key)) {
      worst = &p;
    }
  }
  std::string count = fmt::format("{} part{}", parts.size(), parts.size() == 1 ? "" : "s");
  auto taken_from = [&](const MeasureAssessment& p, std::string_view rule) {
    const Status& s = p.*which;
    return Status{s.key,
                  s.label,
                  s.symbol,
                  s.colour,
                  fmt::format("{}: {} is {} ({}){}", rule, p.measure->ref, s.key, s.reason,
                              OtherParts(parts, &p, which)),
                  s.is_band,
                  false,
                  ""};
  };
  int on_target = static_cast<int>(scheme.BandFor(0.0));
  if (*parent.rollup == Rollup::kAllMet) {
    if (worst && scheme.Rank((worst->*which).key) > on_target) {
      return taken_from(*worst, fmt::format("not all of its {} meet their targets", count));
    }
    if (unbanded) {
      return taken_from(*unbanded,
                        fmt::format("not all of its {} can be judged against a target", count));
    }
    if (worst) {
      const StatusLabel& l = scheme.bands[on_target].status;
      return Status{
          l.key,
          l.label,
          l.symbol,
          l.colour,
          fmt::format("all {} meet their targets: {}", count, PartStatuses(parts, nullptr, which)),
          true,
          false,
          ""};
    }
  } else if (worst) {
    return taken_from(*worst, fmt::format("worst of its {}", count));
  } else if (unbanded) {
    return taken_from(
        *unbanded,
        fmt::format("none of its {} earned a band; it takes the first part's status", count));
  }
  return Special(scheme, SpecialStatus::kNotAvailable, "it has no parts to roll up");
}

DirectionOfTravel Assessor::DirectionFromParts(const std::vector<MeasureAssessment>& parts) {
  std::array<std::vector<std::string_view>, 4> refs;  // by Direction
  for (const MeasureAssessment& p : parts) {
    refs[static_cast<int>(p.dot.direction)].push_back(p.measure->ref);
  }
  auto count = [&](Direction d) { return refs[static_cast<int>(d)].size(); };
  std::string groups;
  for (Direction d :
       {Direction::kImproved, Direction::kStable, Direction::kWorse, Direction::kNotApplicable}) {
    if (count(d) == 0) continue;
    groups += fmt::format("{}{} {}", groups.empty() ? "" : "; ", ToString(d),
                          fmt::join(refs[static_cast<int>(d)], ", "));
  }
  DirectionOfTravel dot;
  size_t improved = count(Direction::kImproved), worse = count(Direction::kWorse);
  std::string rule;
  if (improved + worse + count(Direction::kStable) == 0) {
    rule = "none has a direction of travel";
  } else if (improved > worse) {
    dot.direction = Direction::kImproved;
    rule = "more improved than got worse";
  } else if (worse > improved) {
    dot.direction = Direction::kWorse;
    rule = "more got worse than improved";
  } else {
    dot.direction = Direction::kStable;
    rule = improved ? "as many improved as got worse" : "none moved";
  }
  dot.reason = fmt::format("from its {} part{}: {}: {}", parts.size(), parts.size() == 1 ? "" : "s",
                           groups, rule);
  return dot;
}

}  // namespace scorecard
