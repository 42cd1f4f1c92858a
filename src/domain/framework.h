#pragma once
// The plan's tree: plan -> theme -> outcome -> ..., of any depth.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scorecard {

struct FrameworkNode {
  std::string id, parent, level, title, lead, ref;
};

class Framework {
 public:
  // REQUIRES: ids are unique (the reader checks).
  void Add(FrameworkNode node);
  const FrameworkNode* Find(std::string_view id) const;
  const std::vector<FrameworkNode>& nodes() const { return nodes_; }
  // True when `id` is `ancestor` or lies below it.
  bool IsWithin(std::string_view id, std::string_view ancestor) const;
  // The top-level node above `id` (itself if it is top-level); empty if unknown.
  std::string TopOf(std::string_view id) const;
  // The theme `id` is counted in: its top-level node or, where a single plan is the only
  // top-level node, the plan's child above `id` (the groups Summariser::Groups counts by).
  std::string ThemeOf(std::string_view id) const;
  // The id of the first node on the path from the root whose level is `level`, or empty.
  std::string AncestorAtLevel(std::string_view id, std::string_view level) const;
  // A cycle in the parent links, as a list of ids; empty if none.
  std::vector<std::string> FindCycle() const;

 private:
  std::vector<FrameworkNode> nodes_;
  std::unordered_map<std::string, size_t> index_;
  int roots_ = 0;  // nodes with no parent
};

}  // namespace scorecard
