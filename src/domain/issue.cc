#include "domain/issue.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace scorecard {
namespace {

// The words with each {name} replaced by its parameter.
std::string Fill(std::string_view words, const IssueParams& params, std::string_view code) {
  std::string out;
  out.reserve(words.size() + 32);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] != '{') {
      out.push_back(words[i]);
      continue;
    }
    size_t close = words.find('}', i);
    if (close == std::string_view::npos)
      throw std::logic_error(fmt::format("issue {}: no }}", code));
    std::string_view name = words.substr(i + 1, close - i - 1);
    auto it =
        std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
    if (it == params.end()) {
      throw std::logic_error(fmt::format("issue {}: no parameter {}", code, name));
    }
    out += it->second;
    i = close;
  }
  return out;
}

}  // namespace

std::string Issue::ToString() const {
  return fmt::format("{}{}{}: {}{}", is_warning() ? "warning: " : "", file,
                     line > 0 ? fmt::format(":{}", line) : "",
                     column.empty() ? "" : "column " + column + ": ", message);
}

std::string_view Issue::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

const IssueText* FindIssueText(std::string_view code) {
  for (const IssueText& t : IssueCatalogue()) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

Issue MakeIssue(std::string_view code, Place place, IssueParams params) {
  const IssueText* text = FindIssueText(code);
  if (!text) throw std::logic_error(fmt::format("no issue {} in the catalogue", code));
  Issue issue;
  issue.file = std::move(place.file);
  issue.line = place.line;
  issue.column = std::move(place.column);
  issue.message = Fill(text->words, params, code);
  issue.code = std::string(code);
  issue.severity = text->severity;
  issue.params = std::move(params);
  return issue;
}

bool HasErrors(const Issues& issues) {
  return std::any_of(issues.begin(), issues.end(), [](const Issue& i) { return !i.is_warning(); });
}

void SplitWarnings(Issues& issues, Issues* warnings) {
  auto first_warning = std::stable_partition(issues.begin(), issues.end(),
                                             [](const Issue& i) { return !i.is_warning(); });
  if (warnings) {
    warnings->insert(warnings->end(), std::make_move_iterator(first_warning),
                     std::make_move_iterator(issues.end()));
  }
  issues.erase(first_warning, issues.end());
}

}  // namespace scorecard
