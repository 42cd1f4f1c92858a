#pragma once
// How a command was asked for: the issues with its options, found before anything is read.

#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "domain/issue.h"

namespace scorecard {

// An issue with how the command was given: an option ("period") or the command as a whole ("").
Issue RequestIssue(std::string_view code, std::string option, IssueParams params = {});

// The first thing wrong with where a command is to read a council from: a folder (or workbook),
// or --db and --org with --as-at or --published; options that do not go together are refused
// rather than one of them passed over.
std::optional<Issue> SourceRequestIssue(const Options& o);

}  // namespace scorecard
