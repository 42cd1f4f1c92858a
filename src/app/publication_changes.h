#pragma once
// What changed in a period's report since it was published: the position as the publication
// froze it against the position now, item by item. The report's notice and its
// "publication-changes" section show it.

#include <vector>

#include "app/position.h"

namespace scorecard {

// A row for each measure whose figure (its plain number or its words) or status changed, each
// action or milestone whose rating changed, each project whose RAG or DCA changed and each risk
// whose score changed (of each kind), in the order of `now`; then the items published but gone
// since, in the order they were published. A row's labels say what the report showed then and
// shows now ("81.5% (Green)"), its words what changed ("value 81.5% to 82.0%; status 'Green' to
// 'Amber'"). `improved` is not judged: a row says what changed, not whether for the better.
// REQUIRES: both positions are of the same council and period.
std::vector<ChangeRow> ChangesSincePublication(const Position& published, const Position& now);

}  // namespace scorecard
