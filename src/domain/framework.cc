#include "domain/framework.h"

#include <algorithm>

namespace scorecard {

void Framework::Add(FrameworkNode node) {
  index_.emplace(node.id, nodes_.size());
  roots_ += node.parent.empty() ? 1 : 0;
  nodes_.push_back(std::move(node));
}

const FrameworkNode* Framework::Find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &nodes_[it->second];
}

bool Framework::IsWithin(std::string_view id, std::string_view ancestor) const {
  const FrameworkNode* n = Find(id);
  for (size_t steps = 0; n && steps <= nodes_.size(); ++steps) {
    if (n->id == ancestor) return true;
    n = n->parent.empty() ? nullptr : Find(n->parent);
  }
  return false;
}

std::string Framework::TopOf(std::string_view id) const {
  const FrameworkNode* n = Find(id);
  for (size_t steps = 0; n && !n->parent.empty() && steps <= nodes_.size(); ++steps) {
    const FrameworkNode* up = Find(n->parent);
    if (!up) break;
    n = up;
  }
  return n ? n->id : "";
}

std::string Framework::ThemeOf(std::string_view id) const {
  const FrameworkNode* n = Find(id);
  const FrameworkNode* below = nullptr;  // the node under n on the path up from id
  for (size_t steps = 0; n && !n->parent.empty() && steps <= nodes_.size(); ++steps) {
    const FrameworkNode* up = Find(n->parent);
    if (!up) break;
    below = n;
    n = up;
  }
  if (!n) return "";
  return roots_ == 1 && below ? below->id : n->id;
}

std::string Framework::AncestorAtLevel(std::string_view id, std::string_view level) const {
  std::string found;
  const FrameworkNode* n = Find(id);
  for (size_t steps = 0; n && steps <= nodes_.size(); ++steps) {
    if (n->level == level) found = n->id;  // keeps the one nearest the root
    n = n->parent.empty() ? nullptr : Find(n->parent);
  }
  return found;
}

std::vector<std::string> Framework::FindCycle() const {
  for (const FrameworkNode& start : nodes_) {
    std::vector<std::string> path;
    const FrameworkNode* n = &start;
    while (n && !n->parent.empty()) {
      if (std::find(path.begin(), path.end(), n->id) != path.end()) {
        path.push_back(n->id);
        return path;
      }
      path.push_back(n->id);
      n = Find(n->parent);
    }
  }
  return {};
}

}  // namespace scorecard
