// Runs the rule cases in tests/rules/*.rules: plain-text cases a performance officer can read,
// one rule each. Each case runs as its own test, named after its file and line.
//
//   period "Sep-17" => 2017-09                    how a spelling is read (or => error)
//   current quarterly lag=3 at "2017/18 Q2" => 2017/18 Q1
//   status derby-2012 higher target=100 actual=102 => green
//   dot derby-2012 lower then=10 now=9 => improved   (stable=0.05 absolute: custom tolerance)
//   case <name>                                    a measure, its data, and what to expect
//     measure frequency=quarterly polarity=higher unit=% [accumulation= lag= year= scheme= dot=]
//     target "2017/18 Q2" 90 | target 2017/18 none | target 2017/18 comparator national
//     value "2017/18 Q2" 82 [flags=..] [forecast=..] [status=.. reason=".."]
//     comparator "2017/18 Q2" national 85
//     expect "2017/18 Q2" => status=green dot=improved forecast=90 forecast_status=green

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/assessment.h"
#include "domain/direction.h"
#include "domain/text.h"

namespace scorecard {
namespace {

struct RuleCase {
  std::string file;
  int line = 0;
  std::vector<std::string> lines;  // the case's lines (one, or a case block)
};

// Splits on spaces, keeping "quoted text" together (without the quotes).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    std::string w;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
      if (s[i] == '"') {
        size_t close = s.find('"', i + 1);
        w += s.substr(i + 1, close - i - 1);
        i = close == std::string_view::npos ? s.size() : close + 1;
      } else {
        w += s[i++];
      }
    }
    out.push_back(w);
  }
  return out;
}

std::map<std::string, std::string> KeyValues(const std::vector<std::string>& words, size_t from) {
  std::map<std::string, std::string> kv;
  for (size_t i = from; i < words.size(); ++i) {
    size_t eq = words[i].find('=');
    if (eq != std::string::npos) kv[words[i].substr(0, eq)] = words[i].substr(eq + 1);
  }
  return kv;
}

Period MustPeriod(const std::string& s) {
  auto p = ParsePeriod(s);
  EXPECT_TRUE(p.has_value()) << "bad period in case: " << s;
  return p.value_or(Period());
}

double MustNumber(const std::string& s) {
  auto n = ParseNumber(s);
  EXPECT_TRUE(n.has_value()) << "bad number in case: " << s;
  return n.value_or(0);
}

// Splits "lhs => rhs".
std::pair<std::string, std::string> Arrow(const std::string& line) {
  size_t at = line.find("=>");
  if (at == std::string::npos) return {line, ""};
  return {std::string(Trim(line.substr(0, at))), std::string(Trim(line.substr(at + 2)))};
}

void RunPeriod(const std::string& line) {
  auto [lhs, expected] = Arrow(line);
  std::string spelling = Words(lhs).at(1);
  auto p = ParsePeriod(spelling);
  if (expected == "error") {
    EXPECT_FALSE(p.has_value()) << spelling << " was read as " << p->ToString();
  } else {
    ASSERT_TRUE(p.has_value()) << spelling << ": " << p.error();
    // => CANONICAL [START END]: the canonical form may itself contain a space.
    std::vector<std::string> parts = Words(expected);
    bool dated = parts.size() >= 3 && parts[parts.size() - 1].size() == 10 &&
                 parts[parts.size() - 2].size() == 10 && parts.back()[4] == '-';
    std::string canonical;
    for (size_t i = 0; i < parts.size() - (dated ? 2 : 0); ++i) {
      canonical += (i ? " " : "") + parts[i];
    }
    EXPECT_EQ(p->ToString(), canonical) << spelling;
    if (dated) {
      EXPECT_EQ(p->start().ToString(), parts[parts.size() - 2]) << spelling;
      EXPECT_EQ(p->end().ToString(), parts.back()) << spelling;
    }
    auto again = ParsePeriod(p->ToString());  // the canonical form reads back as itself
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *p);
  }
}

void RunCurrent(const std::string& line) {
  auto [lhs, expected] = Arrow(line);
  std::vector<std::string> w = Words(lhs);
  auto kv = KeyValues(w, 2);
  auto frequency = ParseFrequency(w.at(1));
  ASSERT_TRUE(frequency.has_value());
  auto basis = ParseYearBasis(kv["year"]);
  ASSERT_TRUE(basis.has_value());
  auto lag = ParseLag(kv["lag"]);
  ASSERT_TRUE(lag.has_value());
  std::string at;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == "at") at = w[i + 1];
  }
  EXPECT_EQ(CurrentPeriod(*frequency, *basis, *lag, MustPeriod(at)).ToString(), expected);
}

Measure MeasureFrom(const std::map<std::string, std::string>& kv) {
  Measure m;
  m.ref = "M1";
  m.title = "test measure";
  auto get = [&](const char* k, const char* d) {
    auto it = kv.find(k);
    return it == kv.end() ? std::string(d) : it->second;
  };
  m.unit = get("unit", "");
  m.polarity = ParsePolarity(get("polarity", "higher")).value();
  m.frequency = ParseFrequency(get("frequency", "quarterly")).value();
  m.accumulation = ParseAccumulation(get("accumulation", "discrete")).value();
  m.year = ParseYearBasis(get("year", "financial")).value();
  m.lag_months = ParseLag(get("lag", "0")).value();
  m.scheme = get("scheme", "derby-2012");
  if (kv.contains("dot")) m.dot = ParseDotBasis(kv.at("dot")).value();
  return m;
}

void RunStatus(const std::string& line) {
  auto [lhs, expected] = Arrow(line);
  std::vector<std::string> w = Words(lhs);
  auto kv = KeyValues(w, 3);
  Council council;
  council.organisation.scheme = w.at(1);
  ASSERT_NE(council.FindScheme(w[1]), nullptr) << "unknown scheme " << w[1];
  council.measures.push_back(MeasureFrom({{"polarity", w.at(2)}, {"scheme", w[1]}}));
  council.Index();
  ResolvedTarget target;
  target.value = MustNumber(kv["target"]);
  Status s =
      Assessor(council).StatusOf(council.measures[0], MustNumber(kv["actual"]), target, nullptr);
  EXPECT_EQ(s.key, expected) << s.reason;
}

void RunDot(const std::string& line) {
  auto [lhs, expected] = Arrow(line);
  std::vector<std::string> w = Words(lhs);
  auto kv = KeyValues(w, 3);
  const StatusScheme* builtin = BuiltInScheme(w.at(1));
  ASSERT_NE(builtin, nullptr);
  StatusScheme scheme = *builtin;
  if (kv.contains("stable")) scheme.stable_within = MustNumber(kv["stable"]);
  if (std::find(w.begin(), w.end(), "absolute") != w.end()) {
    scheme.deviation = DeviationKind::kAbsolute;
  }
  Polarity polarity = ParsePolarity(w.at(2)).value();
  Direction d = DirectionBetween(MustNumber(kv["now"]), MustNumber(kv["then"]), polarity, scheme);
  EXPECT_EQ(ToString(d), expected);
}

void AddTarget(Measure& m, const std::vector<std::string>& w) {
  Target t;
  t.period = MustPeriod(w.at(1));
  std::string what = w.at(2);
  if (auto kind = ParseTargetKind(what); kind && what != "value") {
    t.kind = *kind;
    if (t.kind == TargetKind::kComparator) t.comparator = w.at(3);
    if (t.kind == TargetKind::kChange) {
      t.baseline = MustPeriod(w.at(3));
      t.change_is_fraction = w.at(4).back() == '%';
      t.change = MustNumber(w[4]) / (t.change_is_fraction ? 100 : 1);
    }
  } else {
    t.value = MustNumber(what);
  }
  m.targets.push_back(t);
}

void AddValue(Measure& m, const std::vector<std::string>& w) {
  MeasureValue v;
  v.period = MustPeriod(w.at(1));
  if (w.size() > 2 && w[2] != "-" && w[2].find('=') == std::string::npos) {
    if (m.is_text()) {
      v.text = w[2];
    } else {
      v.number = MustNumber(w[2]);
    }
  }
  auto kv = KeyValues(w, 2);
  if (kv.contains("flags")) v.flags = ParseValueFlags(kv["flags"]).value();
  if (kv.contains("forecast")) v.forecast = MustNumber(kv["forecast"]);
  v.status = kv["status"];
  v.forecast_status = kv["forecast_status"];
  v.status_reason = kv["reason"];
  m.values.push_back(v);
}

void Expect(const MeasureAssessment& a, const std::string& key, const std::string& want) {
  std::string got;
  if (key == "status") {
    got = a.status.key;
  } else if (key == "overridden") {
    got = a.status.overridden ? "yes" : "no";
  } else if (key == "dot") {
    got = std::string(ToString(a.dot.direction));
  } else if (key == "forecast") {
    got = a.forecast.value ? FormatNumber(*a.forecast.value) : "none";
  } else if (key == "computed") {
    got = a.forecast.computed ? "yes" : "no";
  } else if (key == "forecast_status") {
    got = a.forecast_status.key;
  } else if (key == "period") {
    got = a.period.ToString();
  } else if (key == "target") {
    got = a.target.value ? FormatNumber(*a.target.value) : "none";
  } else {
    ADD_FAILURE() << "unknown expectation " << key;
  }
  EXPECT_EQ(got, want) << key << " | status: " << a.status.reason << " | dot: " << a.dot.reason
                       << " | forecast: " << a.forecast.method
                       << " | forecast status: " << a.forecast_status.reason;
}

void RunMeasureCase(const std::vector<std::string>& lines) {
  Council council;
  council.organisation.scheme = "derby-2012";
  Measure m;
  std::vector<std::string> expectations;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> w = Words(lines[i]);
    if (w.empty()) continue;
    if (w[0] == "measure") {
      m = MeasureFrom(KeyValues(w, 1));
      council.organisation.scheme = m.scheme;
    } else if (w[0] == "target") {
      AddTarget(m, w);
    } else if (w[0] == "value") {
      AddValue(m, w);
    } else if (w[0] == "comparator") {
      m.comparators.push_back({MustPeriod(w.at(1)), w.at(2), MustNumber(w.at(3)), -1, ""});
    } else if (w[0] == "expect") {
      expectations.push_back(lines[i]);
    } else {
      ADD_FAILURE() << "unknown line in case: " << lines[i];
    }
  }
  m.SortByPeriod();
  council.measures.push_back(m);
  council.Index();
  Assessor assessor(council);
  ASSERT_FALSE(expectations.empty()) << "a case needs an expect line";
  for (const std::string& e : expectations) {
    auto [lhs, rhs] = Arrow(e);
    MeasureAssessment a = assessor.Assess(council.measures[0], MustPeriod(Words(lhs).at(1)));
    for (const auto& [key, want] : KeyValues(Words(rhs), 0)) Expect(a, key, want);
  }
}

void RunCase(const RuleCase& c) {
  std::vector<std::string> w = Words(c.lines[0]);
  const std::string& verb = w.at(0);
  if (verb == "period") return RunPeriod(c.lines[0]);
  if (verb == "current") return RunCurrent(c.lines[0]);
  if (verb == "status") return RunStatus(c.lines[0]);
  if (verb == "dot") return RunDot(c.lines[0]);
  if (verb == "case") return RunMeasureCase(c.lines);
  FAIL() << "unknown rule verb: " << verb;
}

std::vector<RuleCase> LoadCases() {
  std::vector<RuleCase> cases;
  const char* root = std::getenv("SCORECARD_SOURCE_DIR");
  std::filesystem::path dir = std::filesystem::path(root ? root : ".") / "tests" / "rules";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".rules") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string text;
    int n = 0;
    while (std::getline(in, text)) {
      ++n;
      std::string_view line = Trim(text);
      if (line.empty() || line[0] == '#') continue;
      bool indented = text[0] == ' ' || text[0] == '\t';
      if (indented && !cases.empty() && Words(cases.back().lines[0]).at(0) == "case") {
        cases.back().lines.emplace_back(line);
      } else {
        cases.push_back({path.stem().string(), n, {std::string(line)}});
      }
    }
  }
  return cases;
}

class RulesTest : public testing::TestWithParam<RuleCase> {};

TEST_P(RulesTest, Holds) {
  SCOPED_TRACE(GetParam().file + ".rules:" + std::to_string(GetParam().line) + ": " +
               GetParam().lines[0]);
  RunCase(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Rules, RulesTest, testing::ValuesIn(LoadCases()),
                         [](const testing::TestParamInfo<RuleCase>& info) {
                           return info.param.file + "_line" + std::to_string(info.param.line);
                         });

}  // namespace
}  // namespace scorecard
