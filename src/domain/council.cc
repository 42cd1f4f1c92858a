#include "domain/council.h"

namespace scorecard {

Council::Council() {
  for (int i = 0; i < kActionRatingCount; ++i) {
    auto r = static_cast<ActionRating>(i);
    action_labels[i] = StatusLabel{std::string(ToString(r)), std::string(DefaultLabel(r)), "", ""};
  }
}

const StatusScheme* Council::FindScheme(std::string_view name) const {
  if (auto it = schemes.find(name); it != schemes.end()) return &it->second;
  return BuiltInScheme(name);
}

const StatusScheme& Council::SchemeFor(const Measure& measure) const {
  const StatusScheme* s =
      FindScheme(measure.scheme.empty() ? organisation.scheme : std::string_view(measure.scheme));
  return *s;
}

const Measure* Council::FindMeasure(std::string_view ref) const {
  auto it = measure_index_.find(std::string(ref));
  return it == measure_index_.end() ? nullptr : &measures[it->second];
}

Measure* Council::FindMeasure(std::string_view ref) {
  auto it = measure_index_.find(std::string(ref));
  return it == measure_index_.end() ? nullptr : &measures[it->second];
}

const ReportLayoutText* Council::FindLayout(std::string_view name) const {
  for (const ReportLayoutText& layout : layouts) {
    if (layout.name == name) return &layout;
  }
  return nullptr;
}

std::vector<const Measure*> Council::PartsOf(std::string_view ref) const {
  std::vector<const Measure*> out;
  if (auto it = parts_index_.find(std::string(ref)); it != parts_index_.end()) {
    for (size_t i : it->second) out.push_back(&measures[i]);
  }
  return out;
}

bool Council::IsHeading(const Measure& measure) const {
  return measure.values.empty() && !measure.rollup && parts_index_.contains(measure.ref);
}

bool Council::RollsUp(const Measure& measure) const {
  return measure.rollup && *measure.rollup != Rollup::kOwn && parts_index_.contains(measure.ref);
}

bool Council::IsCountedInSummaries(const Measure& measure) const {
  if (IsHeading(measure)) return false;
  if (measure.parent.empty()) return true;
  const Measure* parent = FindMeasure(measure.parent);
  return !parent || IsHeading(*parent);
}

void Council::Index() {
  measure_index_.clear();
  parts_index_.clear();
  for (size_t i = 0; i < measures.size(); ++i) {
    measure_index_.emplace(measures[i].ref, i);
    if (!measures[i].parent.empty()) parts_index_[measures[i].parent].push_back(i);
  }
}

}  // namespace scorecard
