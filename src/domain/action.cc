#include "domain/action.h"

#include <array>

#include "domain/text.h"

namespace scorecard {
namespace {
constexpr std::array<std::string_view, kActionRatingCount> kKeys = {
    "completed",      "on-track", "some-slippage", "needs-attention",
    "major-slippage", "aborted",  "not-rated",     "not-due"};
constexpr std::array<std::string_view, kActionRatingCount> kLabels = {
    "Completed",      "On track",         "Some slippage", "Needs attention",
    "Major slippage", "Aborted / closed", "Not rated",     "Not due"};
}  // namespace

std::expected<ActionRating, std::string> ParseActionRating(std::string_view text) {
  std::string s = ToLower(Trim(text));
  for (int i = 0; i < kActionRatingCount; ++i) {
    if (kKeys[i] == s) return static_cast<ActionRating>(i);
  }
  if (s == "on-target") return ActionRating::kOnTrack;
  if (s == "minor-slippage") return ActionRating::kSomeSlippage;
  if (s == "closed") return ActionRating::kAborted;
  return std::unexpected(
      "a rating: completed, on-track, some-slippage, needs-attention, major-slippage, aborted, "
      "not-rated or not-due");
}

std::string_view ToString(ActionRating r) { return kKeys[static_cast<int>(r)]; }
std::string_view DefaultLabel(ActionRating r) { return kLabels[static_cast<int>(r)]; }

const RatingEntry* Action::EntryFor(const Period& period) const {
  for (const RatingEntry& e : ratings) {
    if (e.period == period) return &e;
  }
  return nullptr;
}

ActionRating Action::RatingAt(const Period& period) const {
  if (const RatingEntry* e = EntryFor(period)) return e->rating;
  const RatingEntry* latest = nullptr;
  for (const RatingEntry& e : ratings) {
    if (e.period.end() <= period.end()) latest = &e;
  }
  if (latest && IsTerminal(latest->rating)) return latest->rating;
  bool planned_later =
      (planned && planned->end() > period.end()) || (!planned && due && *due > period.end());
  if (planned_later || (!planned && !due && !latest)) return ActionRating::kNotDue;
  return ActionRating::kNotRated;
}

bool Action::IsOverdue(const Period& period) const {
  if (IsTerminal(RatingAt(period))) return false;
  if (due) return *due < period.end();
  return planned && planned->end() < period.end();
}

}  // namespace scorecard
