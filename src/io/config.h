#pragma once
// Reads scorecard.toml: the organisation, its status schemes, action-rating labels, risk bands
// and default report layout.

#include <string>
#include <string_view>

#include "domain/council.h"
#include "domain/issue.h"

namespace scorecard {

// Fills council->organisation, schemes, action_labels, risk_bands and default_layout from the
// text of scorecard.toml. Appends located issues (file, line, key) for anything wrong.
// REQUIRES: council->layouts read first: [reports] default must name one of them.
void ReadConfig(std::string_view text, const std::string& file, Council* council, Issues* issues);

}  // namespace scorecard
