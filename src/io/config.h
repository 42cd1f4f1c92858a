#pragma once
// Reads scorecard.toml: the organisation, its status schemes, action-rating labels, risk bands.

#include <string>
#include <string_view>

#include "domain/council.h"
#include "domain/issue.h"

namespace scorecard {

// Fills council->organisation, schemes, action_labels and risk_bands from the text of
// scorecard.toml. Appends located issues (file, line, key) for anything wrong.
void ReadConfig(std::string_view text, const std::string& file, Council* council, Issues* issues);

}  // namespace scorecard
