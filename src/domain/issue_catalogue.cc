// The catalogue of issues: every code, its words and how to put it right. The CLI, imports and
// (later) the web's forms all take their words from here; docs/interchange.md lists each code.
// Words may hold {placeholders}, filled from the issue's parameters.

#include "domain/issue.h"

namespace scorecard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kWarning = Severity::kWarning;

constexpr IssueText kCatalogue[] = {
    // --- Reading a folder or a workbook --------------------------------------------------------
    {"folder.unexpected-file", kError,
     "expected only the files Scorecard reads: did you mean {nearest}? (keep files of your own "
     "under names starting x_)",
     "Rename the file to the name Scorecard expects (names are lower case and end .csv), or, if "
     "it is yours, start its name with x_."},
    {"folder.unknown-file", kError,
     "expected only the files Scorecard reads: scorecard.toml and the tables of "
     "docs/interchange.md (keep files of your own under names starting x_)",
     "Remove the file, or start its name with x_ if it is yours."},

    // --- Parent measures and their parts; verifying a seed folder (engine) ---------------------
    {"measures.rollup", kError, "expected a roll-up rule: worst, all-met or own, not \"{value}\"",
     "Write worst (the parent takes its worst part's status), all-met (on target only when "
     "every part meets its target) or own (the parent's own figure), or leave it empty."},
    {"measures.rollup-without-parts", kError,
     "expected a measure with parts for rollup {rollup}: no measure names {ref} as its parent",
     "Name {ref} in the parent column of each of its parts, or leave its rollup empty."},
    {"measures.part-scheme", kError,
     "expected the status scheme of its parent {parent}, \"{parent_scheme}\", which rolls up "
     "its parts' statuses, not \"{scheme}\"",
     "Give the part the same scheme as {parent}, or leave {parent}'s rollup empty."},
    {"measures.part-cycle", kError,
     "expected a chain of parents that ends: {ref} is a part of itself through {chain}",
     "Correct the parent column so that following parents from {ref} ends at a measure that is "
     "no one's part."},
    {"verify.unknown-count-key", kError,
     "expected a key Scorecard counts for {field} ({known}), not \"{key}\"",
     "Correct the key's spelling: a misspelt key would count nothing and could never be "
     "checked."},
};

}  // namespace

std::span<const IssueText> IssueCatalogue() { return kCatalogue; }

}  // namespace scorecard
