#pragma once
// Actions, milestones and commitments, rated each quarter.

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/period.h"

namespace scorecard {

enum class ActionRating : uint8_t {
  kCompleted,
  kOnTrack,
  kSomeSlippage,
  kNeedsAttention,
  kMajorSlippage,
  kAborted,
  kNotRated,
  kNotDue,
};
inline constexpr int kActionRatingCount = 8;
std::expected<ActionRating, std::string> ParseActionRating(std::string_view text);
std::string_view ToString(ActionRating rating);
std::string_view DefaultLabel(ActionRating rating);
// Completed and aborted ratings stand until replaced.
inline bool IsTerminal(ActionRating r) {
  return r == ActionRating::kCompleted || r == ActionRating::kAborted;
}

struct RatingEntry {
  Period period;
  ActionRating rating = ActionRating::kNotRated;
  std::string commentary;
};

struct Action {
  std::string ref, title, kind = "action", node;
  std::optional<Period> planned;
  std::optional<Date> due;
  std::string original_due;
  std::string owner, director, directorate, portfolio;
  bool priority = false;
  int order = 0;
  std::vector<RatingEntry> ratings;  // sorted by period

  // The rating in force at the end of `period`: its own rating for the period; else an earlier
  // completed/aborted one; else not-due if it is planned after the period, not-rated otherwise.
  ActionRating RatingAt(const Period& period) const;
  const RatingEntry* EntryFor(const Period& period) const;
  // True when the planned period or due date has passed by the end of `period` and the action
  // is neither completed nor aborted.
  bool IsOverdue(const Period& period) const;
};

}  // namespace scorecard
