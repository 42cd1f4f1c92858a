#include "domain/issue.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace scorecard {
namespace {

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Calls `text` with each run of plain text and `name` with each placeholder's name, in order; a
// doubled brace is plain text, one brace. Fails with what is wrong with the braces.
template <typename Text, typename Name>
std::expected<void, std::string> Scan(std::string_view words, Text text, Name name) {
  size_t start = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    bool doubled = i + 1 < words.size() && words[i + 1] == words[i];
    if ((words[i] == '{' || words[i] == '}') && doubled) {
      text(words.substr(start, i + 1 - start));  // up to and with the first brace
      start = ++i + 1;
      continue;
    }
    if (words[i] == '}') return std::unexpected(fmt::format("a }} at {} closes nothing", i));
    if (words[i] != '{') continue;
    size_t close = words.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || words[close] != '}') {
      return std::unexpected(fmt::format("the {{ at {} is not closed", i));
    }
    std::string_view n = words.substr(i + 1, close - i - 1);
    if (n.empty() || !std::all_of(n.begin(), n.end(), IsNameChar)) {
      return std::unexpected(fmt::format("{{{}}} is not a placeholder's name", n));
    }
    text(words.substr(start, i - start));
    name(n);
    i = close;
    start = close + 1;
  }
  text(words.substr(start));
  return {};
}

// The words with each {name} replaced by its parameter.
std::string Fill(std::string_view words, const IssueParams& params, std::string_view code) {
  std::string out;
  out.reserve(words.size() + 32);
  auto scanned = Scan(
      words, [&](std::string_view text) { out += text; },
      [&](std::string_view name) {
        auto it = std::find_if(params.begin(), params.end(),
                               [&](const auto& p) { return p.first == name; });
        if (it == params.end()) {
          throw std::logic_error(fmt::format("issue {}: no parameter {}", code, name));
        }
        out += it->second;
      });
  if (!scanned) throw std::logic_error(fmt::format("issue {}: {}", code, scanned.error()));
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

Issue MakeIssue(Problem problem, Place place) {
  return MakeIssue(problem.code, std::move(place), std::move(problem.params));
}

std::expected<std::vector<std::string>, std::string> Placeholders(std::string_view words) {
  std::vector<std::string> names;
  auto scanned = Scan(
      words, [](std::string_view) {},
      [&](std::string_view name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
      });
  if (!scanned) return std::unexpected(scanned.error());
  return names;
}

std::string ShownWords(std::string_view words) {
  std::string out;
  auto scanned = Scan(
      words, [&](std::string_view text) { out += text; },
      [&](std::string_view name) { out += fmt::format("{{{}}}", name); });
  if (!scanned) throw std::logic_error(scanned.error());
  return out;
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
