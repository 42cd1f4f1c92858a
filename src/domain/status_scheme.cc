#include "domain/status_scheme.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "domain/text.h"

namespace scorecard {
namespace {

constexpr std::array<std::string_view, kSpecialStatusCount> kSpecialKeys = {
    "no-target", "baseline", "tbc", "under-development", "not-available", "not-due"};

Band MakeBand(std::string key, std::string label, std::string colour, std::string symbol,
              BoundKind bound = BoundKind::kNone, double limit = 0) {
  return Band{StatusLabel{std::move(key), std::move(label), std::move(symbol), std::move(colour)},
              bound, limit};
}

std::string Percent(double fraction) { return FormatNumber(fraction * 100, -1) + "%"; }

StatusScheme MakeDerby2012() {
  StatusScheme s;
  s.name = "derby-2012";
  s.label = "Derby City Council 2012/13";
  s.bands = {
      MakeBand("blue", "Performance above 2% of target", "blue", "\xE2\x98\x85",  // ★
               BoundKind::kAbove, 0.02),
      MakeBand("green", "Performance meets target", "green", "\xE2\x9C\x93",  // ✓
               BoundKind::kAtLeast, 0.0),
      MakeBand("amber", "Performance within 5% of target", "amber", "!", BoundKind::kAtLeast,
               -0.05),
      MakeBand("red", "Performance more than 5% adverse of target", "red",
               "\xE2\x9C\x97"),  // ✗
  };
  s.special = DefaultSpecialLabels();
  return s;
}

StatusScheme MakeDerby2021() {
  StatusScheme s;
  s.name = "derby-2021";
  s.label = "Derby City Council Recovery Plan 2021/22";
  s.bands = {
      MakeBand("blue", "Completed: performance above the target by 10% or more", "blue",
               "\xE2\x98\x85", BoundKind::kAtLeast, 0.10),
      MakeBand("green", "On track: 2% below the target or exceeds it by up to 10%", "green",
               "\xE2\x9C\x93", BoundKind::kAtLeast, -0.02),
      MakeBand("amber", "Minor slippage: between 2% and 10% below the target", "amber", "!",
               BoundKind::kAtLeast, -0.10),
      MakeBand("red", "Major slippage: more than 10% adverse of target", "red", "\xE2\x9C\x97"),
  };
  s.special = DefaultSpecialLabels();
  return s;
}

StatusScheme MakeRotherham2017() {
  StatusScheme s;
  s.name = "rotherham-2017";
  s.label = "Rotherham MBC Council Plan 2017/18";
  s.dot = DotBasis::kPreviousReport;
  // Rotherham prints no numeric rule; "satisfactory but not fully reaching target" is taken as
  // within 5% of target (docs/adr/0004). Most Rotherham statuses are officer judgements.
  s.bands = {
      MakeBand("on-track", "Measure progressing above or in line with target set", "green",
               "\xE2\x9C\x93", BoundKind::kAtLeast, 0.0),  // ✓
      MakeBand("satisfactory",
               "Measure progress has been satisfactory but is not fully reaching target set",
               "amber", "\xE2\x97\x8F", BoundKind::kAtLeast, -0.05),  // ●
      MakeBand("off-track", "Measure has not progressed in accordance with target set", "red",
               "\xE2\x9C\x98"),  // ✘
  };
  s.special = DefaultSpecialLabels();
  auto& sp = s.special;
  sp[static_cast<int>(SpecialStatus::kNoTarget)] = {
      "no-target",
      "Measure not applicable for target (e.g. baseline year, or not appropriate to set a "
      "specific target)",
      "\xE2\x96\xA1", "grey"};  // □
  sp[static_cast<int>(SpecialStatus::kBaseline)] = sp[static_cast<int>(SpecialStatus::kNoTarget)];
  sp[static_cast<int>(SpecialStatus::kUnderDevelopment)] = {
      "under-development",
      "Measure under development (e.g. awaiting data collection or target-setting)", "\xE2\x97\x8B",
      "grey"};  // ○
  sp[static_cast<int>(SpecialStatus::kTbc)] =
      sp[static_cast<int>(SpecialStatus::kUnderDevelopment)];
  sp[static_cast<int>(SpecialStatus::kNotAvailable)] = {
      "not-available",
      "Measure information not yet available (e.g. due to infrequency or timing of "
      "information/data)",
      "\xE2\x96\xA0", "grey"};  // ■
  sp[static_cast<int>(SpecialStatus::kNotDue)] = sp[static_cast<int>(SpecialStatus::kNotAvailable)];
  return s;
}

}  // namespace

std::string_view SpecialKey(SpecialStatus status) { return kSpecialKeys[static_cast<int>(status)]; }

std::optional<SpecialStatus> ParseSpecialKey(std::string_view key) {
  for (int i = 0; i < kSpecialStatusCount; ++i) {
    if (kSpecialKeys[i] == key) return static_cast<SpecialStatus>(i);
  }
  return std::nullopt;
}

std::array<StatusLabel, kSpecialStatusCount> DefaultSpecialLabels() {
  return {{
      {"no-target", "No target", "\xE2\x80\x93", "grey"},  // –
      {"baseline", "Baseline year", "\xE2\x80\x93", "grey"},
      {"tbc", "Target to be confirmed", "?", "grey"},
      {"under-development", "Under development", "\xE2\x97\x8B", "grey"},          // ○
      {"not-available", "Information not yet available", "\xE2\x96\xA0", "grey"},  // ■
      {"not-due", "Not due", "\xE2\x80\xA6", "grey"},                              // …
  }};
}

const StatusLabel* StatusScheme::Find(std::string_view key) const {
  for (const Band& b : bands) {
    if (b.status.key == key) return &b.status;
  }
  for (const StatusLabel& l : special) {
    if (l.key == key) return &l;
  }
  return nullptr;
}

int StatusScheme::Rank(std::string_view key) const {
  for (size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].status.key == key) return static_cast<int>(i);
  }
  return static_cast<int>(bands.size());
}

std::string FormatDeviation(double d, DeviationKind kind) {
  if (std::isinf(d)) return d > 0 ? "+infinity" : "-infinity";
  std::string body = kind == DeviationKind::kRelative
                         ? FormatNumber(std::round(d * 10000) / 100, -1) + "%"
                         : FormatNumber(std::round(d * 1e6) / 1e6, -1);
  return d >= 0 ? "+" + body : body;
}

std::string_view SpecialMeaning(SpecialStatus status) {
  switch (status) {
    case SpecialStatus::kNoTarget:
      return "not applicable for target: no target is set, or none is appropriate";
    case SpecialStatus::kBaseline:
      return "a baseline year: the figure sets the level future targets build on";
    case SpecialStatus::kTbc:
      return "the target is to be confirmed";
    case SpecialStatus::kUnderDevelopment:
      return "under development: awaiting data collection or target-setting";
    case SpecialStatus::kNotAvailable:
      return "information not yet available: the figure is due but not held";
    case SpecialStatus::kNotDue:
      return "not due: the measure's period has not come round yet";
  }
  return "";
}

std::string StatusScheme::DescribeBand(size_t index) const {
  const Band& b = bands[index];
  auto amount = [&](double v) {
    return deviation == DeviationKind::kRelative ? Percent(v) : FormatNumber(v);
  };
  switch (b.bound) {
    case BoundKind::kAbove:
      return "more than " + amount(b.limit);
    case BoundKind::kAtLeast:
      return "at least " + amount(b.limit);
    case BoundKind::kNone:
      return index == 0 ? "any deviation" : "below " + amount(bands[index - 1].limit);
  }
  return "";
}

std::optional<Problem> StatusScheme::Validate() const {
  auto band = [](std::string_view code, size_t i, const std::string& status) {
    return Problem{std::string(code), {{"band", std::to_string(i + 1)}, {"status", status}}};
  };
  if (bands.empty()) return Problem{"config.no-band", {}};
  for (size_t i = 0; i + 1 < bands.size(); ++i) {
    if (bands[i].bound == BoundKind::kNone) {
      return band("config.band-no-bound", i, bands[i].status.key);
    }
    if (i > 0 && bands[i].limit > bands[i - 1].limit) {
      return band("config.bands-order", i, bands[i].status.key);
    }
  }
  if (bands.back().bound != BoundKind::kNone) {
    return band("config.last-band-bound", bands.size() - 1, bands.back().status.key);
  }
  for (size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].status.key.empty()) return band("config.band-no-status", i, "");
    if (ParseSpecialKey(bands[i].status.key)) {
      return band("config.band-special-status", i, bands[i].status.key);
    }
    for (size_t j = 0; j < i; ++j) {
      if (bands[j].status.key == bands[i].status.key) {
        return band("config.status-twice", i, bands[i].status.key);
      }
    }
  }
  return std::nullopt;
}

const StatusScheme* BuiltInScheme(std::string_view name) {
  static const StatusScheme kDerby2012 = MakeDerby2012();
  static const StatusScheme kDerby2021 = MakeDerby2021();
  static const StatusScheme kRotherham2017 = MakeRotherham2017();
  if (name == kDerby2012.name) return &kDerby2012;
  if (name == kDerby2021.name) return &kDerby2021;
  if (name == kRotherham2017.name) return &kRotherham2017;
  return nullptr;
}

std::vector<std::string_view> BuiltInSchemeNames() {
  return {"derby-2012", "derby-2021", "rotherham-2017"};
}

}  // namespace scorecard
