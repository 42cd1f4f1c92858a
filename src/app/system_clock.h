#pragma once
// The real time.

#include <chrono>

#include "domain/clock.h"

namespace scorecard {

class SystemClock : public Clock {
 public:
  Moment Now() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace scorecard
