#pragma once
// The time, behind an interface so that "as at" moments and deadlines are testable.

#include <cstdint>
#include <string>

#include "domain/period.h"

namespace scorecard {

// Microseconds since 1970-01-01 00:00:00 UTC.
using Moment = int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Moment Now() const = 0;
};

// A clock tests move by hand.
class FakeClock : public Clock {
 public:
  explicit FakeClock(Moment start = 1'500'000'000'000'000) : now_(start) {}
  Moment Now() const override { return now_; }
  void Advance(Moment microseconds) { now_ += microseconds; }

 private:
  Moment now_;
};

// The day (UTC) the moment falls on.
Date DateOf(Moment moment);
// "2017-11-20T09:30:00.000000Z".
std::string FormatMoment(Moment moment);
// Reads "2017-11-20", "2017-11-20T09:30", "2017-11-20T09:30:15Z", "2017-11-20 09:30:15" (UTC).
bool ParseMoment(std::string_view text, Moment* moment);

}  // namespace scorecard
