#include "domain/test_council.h"

#include <fmt/format.h>

#include <stdexcept>

#include "domain/text.h"

namespace scorecard {
namespace {

Period PeriodOf(std::string_view s, int year) {
  if (s.size() == 2 && s[0] == 'Q') return Period::Quarter(year, s[1] - '0');
  auto p = ParsePeriod(s);
  if (!p) throw std::invalid_argument(std::string(s) + ": " + p.error());
  return *p;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view w : Split(s, ' ')) {
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

}  // namespace

void AddMeasure(Council* c, std::string_view line, int year) {
  std::vector<std::string_view> parts = Split(line, '|');
  Measure m;
  std::vector<std::string_view> head = Words(parts.at(0));
  m.ref = head.at(0);
  m.title = "measure " + m.ref;
  for (size_t i = 1; i < head.size(); ++i) {
    std::string_view w = head[i];
    if (auto f = ParseFrequency(w)) {
      m.frequency = *f;
    } else if (auto p = ParsePolarity(w)) {
      m.polarity = *p;
    } else if (StartsWith(w, "node=")) {
      m.node = w.substr(5);
    } else if (StartsWith(w, "parent=")) {
      m.parent = w.substr(7);
    } else if (StartsWith(w, "rollup=")) {
      m.rollup = ParseRollup(w.substr(7)).value();
    } else if (StartsWith(w, "scheme=")) {
      m.scheme = w.substr(7);
    } else if (auto a = ParseAccumulation(w); a && w != "") {
      m.accumulation = *a;
    } else {
      m.unit = w;
    }
  }
  if (parts.size() > 1) {
    for (std::string_view t : Words(parts[1])) {
      size_t eq = t.find('=');
      Target target;
      target.period = PeriodOf(t.substr(0, eq), year);
      target.value = *ParseNumber(t.substr(eq + 1));
      m.targets.push_back(target);
    }
  }
  if (parts.size() > 2) {
    for (std::string_view v : Words(parts[2])) {
      size_t eq = v.find('=');
      std::string_view key = v.substr(0, eq), rest = v.substr(eq + 1);
      if (key == "status") {
        m.values.back().mutable_words().status = rest;
        m.values.back().mutable_words().status_reason = "test override";
        continue;
      }
      MeasureValue value;
      value.period = PeriodOf(key, year);
      value.number = *ParseNumber(rest);
      m.values.push_back(value);
    }
  }
  m.SortByPeriod();
  c->measures.push_back(std::move(m));
  c->Index();
}

void AddAction(Council* c, std::string_view ref, std::string_view node, std::string_view planned,
               std::string_view ratings) {
  Action a;
  a.ref = ref;
  a.title = "action " + a.ref;
  a.node = node;
  if (!planned.empty()) a.planned = PeriodOf(planned, 2017);
  for (std::string_view r : Words(ratings)) {
    size_t eq = r.find('=');
    a.ratings.push_back(
        {PeriodOf(r.substr(0, eq), 2017), *ParseActionRating(r.substr(eq + 1)), ""});
  }
  c->actions.push_back(std::move(a));
}

}  // namespace scorecard
