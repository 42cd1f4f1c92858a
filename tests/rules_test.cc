// Runs the rule cases in tests/rules/*.rules: plain-text cases a performance officer can read,
// one rule each. Each case runs as its own test, named after its file and line. A word the
// driver does not understand fails the case, naming the file and line, so that a misspelt
// setting is never silently left out.
//
//   period "Sep-17" => 2017-09                    how a spelling is read (or => error)
//   current quarterly lag=3 at "2017/18 Q2" => 2017/18 Q1
//   status derby-2012 higher target=100 actual=102 => green
//   dot derby-2012 lower then=10 now=9 => improved   (stable=0.05 absolute: custom tolerance)
//   case <name>                                    measures, their data, and what to expect
//     council forecast=none                        the council's default forecast method
//     measure frequency=quarterly polarity=higher unit=% [ref= parent= rollup= accumulation=
//             lag= year= scheme= dot= forecast= min= max=]  (min=none: no bound)
//                                                  (the first measure is the one expected of)
//     target "2017/18 Q2" 90 | target 2017/18 none | target 2017/18 comparator national
//     value "2017/18 Q2" 82 [flags=..] [forecast=..] [status=.. forecast_status=.. reason=".."]
//     comparator "2017/18 Q2" national 85
//     expect "2017/18 Q2" [ref=M2] => status=green dot=improved forecast=90 forecast_status=green
//            (also period= target= overridden= computed= method= held= red_flag= counted=)
//   Target, value and comparator lines belong to the measure line above them.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include "domain/assessment.h"
#include "domain/direction.h"
#include "domain/summary.h"
#include "domain/text.h"

namespace scorecard {
namespace {

struct Line {
  int number = 0;
  std::string text;
};

struct RuleCase {
  std::string file;
  std::vector<Line> lines;  // the case's lines (one, or a case block)
};

// Splits on spaces, keeping "quoted text" together (without the quotes).
std::vector<std::string> Split(std::string_view s) {
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

// Splits "lhs => rhs"; rhs is nullopt without an arrow.
std::pair<std::string, std::optional<std::string>> Arrow(const std::string& line) {
  size_t at = line.find("=>");
  if (at == std::string::npos) return {line, std::nullopt};
  return {std::string(Trim(line.substr(0, at))), std::string(Trim(line.substr(at + 2)))};
}

// The words of one side of a fixture line. Each word must be taken by the runner; Finish() fails
// the test for any left, naming the file and line.
class Words {
 public:
  Words(std::string where, std::string_view text)
      : where_(std::move(where)), words_(Split(text)), used_(words_.size()) {}

  size_t size() const { return words_.size(); }
  const std::string& Peek(size_t i) const { return words_.at(i); }
  bool Taken(size_t i) const { return used_.at(i); }
  // The word at `i`, taken; empty (and a failure) if there is none.
  std::string At(size_t i, std::string_view what) {
    if (i >= words_.size()) {
      ADD_FAILURE() << where_ << ": expected " << what << " as word " << i + 1;
      return "";
    }
    used_[i] = true;
    return words_[i];
  }
  // The value of "key=value", taken; nullopt if the line has none.
  std::optional<std::string> Key(std::string_view key) {
    for (size_t i = 0; i < words_.size(); ++i) {
      if (words_[i].size() > key.size() && StartsWith(words_[i], key) &&
          words_[i][key.size()] == '=') {
        used_[i] = true;
        return words_[i].substr(key.size() + 1);
      }
    }
    return std::nullopt;
  }
  std::string Key(std::string_view key, std::string_view otherwise) {
    return Key(key).value_or(std::string(otherwise));
  }
  // True if the word is present, taking it.
  bool Flag(std::string_view word) {
    for (size_t i = 0; i < words_.size(); ++i) {
      if (words_[i] == word) return used_[i] = true;
    }
    return false;
  }
  // Every word not yet taken, as key=value pairs, taking them; a word without = fails.
  std::vector<std::pair<std::string, std::string>> RestAsKeys() {
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t i = 0; i < words_.size(); ++i) {
      size_t eq = words_[i].find('=');
      if (used_[i] || eq == std::string::npos) continue;
      used_[i] = true;
      out.emplace_back(words_[i].substr(0, eq), words_[i].substr(eq + 1));
    }
    return out;
  }
  void Finish() const {
    for (size_t i = 0; i < words_.size(); ++i) {
      if (!used_[i]) ADD_FAILURE() << where_ << ": word not understood: \"" << words_[i] << "\"";
    }
  }
  const std::string& where() const { return where_; }

 private:
  std::string where_;
  std::vector<std::string> words_;
  std::vector<bool> used_;
};

// The two sides of a line that must have an arrow.
struct Sides {
  Words lhs, rhs;
};

Sides MustArrow(const std::string& where, const std::string& line) {
  auto [lhs, rhs] = Arrow(line);
  if (!rhs) ADD_FAILURE() << where << ": expected \"=> what is expected\"";
  return {Words(where, lhs), Words(where, rhs.value_or(""))};
}

template <typename T>
T Must(const std::string& where, std::string_view what, std::expected<T, std::string> parsed) {
  if (!parsed) {
    ADD_FAILURE() << where << ": " << what << ": expected " << parsed.error();
    return T{};
  }
  return *parsed;
}

Period MustPeriod(const std::string& where, const std::string& s) {
  return Must(where, s, ParsePeriod(s));
}

double MustNumber(const std::string& where, const std::string& s) {
  auto n = ParseNumber(s);
  if (!n) ADD_FAILURE() << where << ": expected a number, not \"" << s << "\"";
  return n.value_or(0);
}

void RunPeriod(const std::string& where, const std::string& line) {
  auto [lhs_text, rhs_text] = Arrow(line);
  Words lhs(where, lhs_text);
  lhs.At(0, "period");
  std::string spelling = lhs.At(1, "a spelling");
  lhs.Finish();
  std::string expected = rhs_text.value_or("");
  if (!rhs_text) ADD_FAILURE() << where << ": expected \"=> CANONICAL\" or \"=> error\"";
  auto p = ParsePeriod(spelling);
  if (expected == "error") {
    EXPECT_FALSE(p.has_value()) << spelling << " was read as " << p->ToString();
    return;
  }
  ASSERT_TRUE(p.has_value()) << spelling << ": " << p.error();
  // => CANONICAL [START END]: the canonical form may itself contain a space.
  std::vector<std::string> parts = Split(expected);
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

void RunCurrent(const std::string& where, const std::string& line) {
  auto [lhs, rhs] = MustArrow(where, line);
  lhs.At(0, "current");
  Frequency frequency = Must(where, "frequency", ParseFrequency(lhs.At(1, "a frequency")));
  YearBasis basis = Must(where, "year", ParseYearBasis(lhs.Key("year", "")));
  int lag = Must(where, "lag", ParseLag(lhs.Key("lag", "")));
  std::string at;
  for (size_t i = 2; i + 1 < lhs.size(); ++i) {
    if (lhs.Peek(i) == "at") {
      lhs.At(i, "at");
      at = lhs.At(i + 1, "a reporting period");
      break;
    }
  }
  if (at.empty()) ADD_FAILURE() << where << ": expected at \"REPORTING PERIOD\"";
  lhs.Finish();
  std::string expected;
  for (size_t i = 0; i < rhs.size(); ++i) expected += (i ? " " : "") + rhs.At(i, "a period");
  EXPECT_EQ(CurrentPeriod(frequency, basis, lag, MustPeriod(where, at)).ToString(), expected);
}

// A measure from a line's settings; every setting not given takes its default.
Measure MeasureFrom(Words& w, const std::string& default_ref) {
  const std::string& where = w.where();
  Measure m;
  m.ref = w.Key("ref", default_ref);
  m.title = "test measure " + m.ref;
  m.parent = w.Key("parent", "");
  m.unit = w.Key("unit", "");
  m.polarity = Must(where, "polarity", ParsePolarity(w.Key("polarity", "higher")));
  m.frequency = Must(where, "frequency", ParseFrequency(w.Key("frequency", "quarterly")));
  m.accumulation =
      Must(where, "accumulation", ParseAccumulation(w.Key("accumulation", "discrete")));
  m.year = Must(where, "year", ParseYearBasis(w.Key("year", "financial")));
  m.lag_months = Must(where, "lag", ParseLag(w.Key("lag", "0")));
  m.scheme = w.Key("scheme", "");
  if (auto dot = w.Key("dot")) m.dot = Must(where, "dot", ParseDotBasis(*dot));
  if (auto rollup = w.Key("rollup")) m.rollup = Must(where, "rollup", ParseRollup(*rollup));
  if (auto method = w.Key("forecast")) {
    m.forecast = Must(where, "forecast", ParseForecastMethod(*method));
  }
  constexpr double kNoBound = std::numeric_limits<double>::infinity();
  if (auto min = w.Key("min")) m.min = *min == "none" ? -kNoBound : MustNumber(where, *min);
  if (auto max = w.Key("max")) m.max = *max == "none" ? kNoBound : MustNumber(where, *max);
  return m;
}

void RunStatus(const std::string& where, const std::string& line) {
  auto [lhs, rhs] = MustArrow(where, line);
  lhs.At(0, "status");
  Council council;
  council.organisation.scheme = lhs.At(1, "a scheme");
  ASSERT_NE(council.FindScheme(council.organisation.scheme), nullptr)
      << where << ": unknown scheme " << council.organisation.scheme;
  Measure m;
  m.ref = "M1";
  m.polarity = Must(where, "polarity", ParsePolarity(lhs.At(2, "a polarity")));
  council.measures.push_back(m);
  council.Index();
  ResolvedTarget target;
  target.value = MustNumber(where, lhs.Key("target", ""));
  double actual = MustNumber(where, lhs.Key("actual", ""));
  lhs.Finish();
  std::string expected = rhs.At(0, "a status key");
  rhs.Finish();
  Status s = Assessor(council).StatusOf(council.measures[0], actual, target, nullptr);
  EXPECT_EQ(s.key, expected) << s.reason;
}

void RunDot(const std::string& where, const std::string& line) {
  auto [lhs, rhs] = MustArrow(where, line);
  lhs.At(0, "dot");
  const StatusScheme* builtin = BuiltInScheme(lhs.At(1, "a scheme"));
  ASSERT_NE(builtin, nullptr) << where << ": unknown scheme";
  StatusScheme scheme = *builtin;
  Polarity polarity = Must(where, "polarity", ParsePolarity(lhs.At(2, "a polarity")));
  if (auto stable = lhs.Key("stable")) scheme.stable_within = MustNumber(where, *stable);
  if (lhs.Flag("absolute")) scheme.deviation = DeviationKind::kAbsolute;
  double now = MustNumber(where, lhs.Key("now", ""));
  double then = MustNumber(where, lhs.Key("then", ""));
  lhs.Finish();
  std::string expected = rhs.At(0, "a direction");
  rhs.Finish();
  EXPECT_EQ(ToString(DirectionBetween(now, then, polarity, scheme)), expected);
}

void AddTarget(Measure& m, Words& w) {
  const std::string& where = w.where();
  Target t;
  t.period = MustPeriod(where, w.At(1, "a period"));
  std::string what = w.At(2, "a target or a target kind");
  if (auto kind = ParseTargetKind(what); kind && what != "value") {
    t.kind = *kind;
    if (t.kind == TargetKind::kComparator) t.comparator = w.At(3, "a comparator's name");
    if (t.kind == TargetKind::kChange) {
      t.baseline = MustPeriod(where, w.At(3, "a baseline period"));
      std::string change = w.At(4, "a change");
      t.change_is_fraction = !change.empty() && change.back() == '%';
      t.change = MustNumber(where, change) / (t.change_is_fraction ? 100 : 1);
    }
  } else {
    t.value = MustNumber(where, what);
  }
  m.targets.push_back(t);
}

void AddValue(Measure& m, Words& w) {
  const std::string& where = w.where();
  MeasureValue v;
  v.period = MustPeriod(where, w.At(1, "a period"));
  if (auto flags = w.Key("flags")) v.flags = Must(where, "flags", ParseValueFlags(*flags));
  if (auto forecast = w.Key("forecast")) v.forecast = MustNumber(where, *forecast);
  v.mutable_words().status = w.Key("status", "");
  v.mutable_words().forecast_status = w.Key("forecast_status", "");
  v.mutable_words().status_reason = w.Key("reason", "");
  // The third word is the figure, or "-" for none, unless it is a setting.
  if (w.size() > 2 && !w.Taken(2)) {
    std::string figure = w.At(2, "a figure");
    if (figure == "-") {
      // no figure
    } else if (m.is_text()) {
      v.mutable_words().text = figure;
    } else {
      v.number = MustNumber(where, figure);
    }
  }
  m.values.push_back(v);
}

// Whether the report at `reporting` lists the measure as a red flag.
bool IsRedFlag(const Council& council, const Measure& m, const Period& reporting) {
  Assessor assessor(council);
  std::vector<MeasureAssessment> now = assessor.AssessAll(reporting);
  std::vector<MeasureAssessment> before = assessor.AssessAll(reporting.Previous());
  for (const MeasureAssessment* a : Summariser(council, now, before, reporting).RedFlags()) {
    if (a->measure == &m) return true;
  }
  return false;
}

void Expect(const std::string& where, const Council& council, const MeasureAssessment& a,
            const std::string& key, const std::string& want) {
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
  } else if (key == "method") {
    got = a.forecast.method_key.empty() ? "-" : a.forecast.method_key;
  } else if (key == "held") {
    got = a.forecast.held_at_bound ? "yes" : "no";
  } else if (key == "forecast_status") {
    got = a.forecast_status.key;
  } else if (key == "period") {
    got = a.period.ToString();
  } else if (key == "target") {
    got = a.target.value ? FormatNumber(*a.target.value) : "none";
  } else if (key == "red_flag") {
    got = IsRedFlag(council, *a.measure, a.reporting) ? "yes" : "no";
  } else if (key == "counted") {
    got = council.IsCountedInSummaries(*a.measure) ? "yes" : "no";
  } else {
    ADD_FAILURE() << where << ": word not understood: \"" << key << "=" << want << "\"";
    return;
  }
  EXPECT_EQ(got, want) << where << ": " << key << " | status: " << a.status.reason
                       << " | dot: " << a.dot.reason << " | forecast: " << a.forecast.method
                       << " | forecast status: " << a.forecast_status.reason;
}

void RunMeasureCase(const std::string& file, const std::vector<Line>& lines) {
  Council council;
  council.organisation.scheme = "derby-2012";
  std::vector<Line> expectations;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string where = file + ".rules:" + std::to_string(lines[i].number);
    Words w(where, lines[i].text);
    std::string verb = w.At(0, "a line kind");
    if (verb == "expect") {
      expectations.push_back(lines[i]);
      continue;
    }
    if (verb == "council") {
      council.organisation.forecast =
          Must(where, "forecast", ParseForecastMethod(w.Key("forecast", "")));
    } else if (verb == "measure") {
      council.measures.push_back(MeasureFrom(w, "M" + std::to_string(council.measures.size() + 1)));
      if (council.measures.size() == 1 && !council.measures[0].scheme.empty()) {
        council.organisation.scheme = council.measures[0].scheme;
      }
    } else if (council.measures.empty()) {
      ADD_FAILURE() << where << ": expected a measure line first";
      return;
    } else if (verb == "target") {
      AddTarget(council.measures.back(), w);
    } else if (verb == "value") {
      AddValue(council.measures.back(), w);
    } else if (verb == "comparator") {
      council.measures.back().comparators.push_back(
          {MustPeriod(where, w.At(1, "a period")), w.At(2, "a comparator's name"),
           MustNumber(where, w.At(3, "a figure")), -1, ""});
    } else {
      ADD_FAILURE() << where << ": word not understood: \"" << verb << "\"";
      continue;
    }
    w.Finish();
  }
  ASSERT_FALSE(council.measures.empty()) << file << ": a case needs a measure line";
  for (Measure& m : council.measures) m.SortByPeriod();
  council.Index();
  Assessor assessor(council);
  ASSERT_FALSE(expectations.empty()) << file << ": a case needs an expect line";
  for (const Line& e : expectations) {
    std::string where = file + ".rules:" + std::to_string(e.number);
    auto [lhs, rhs] = MustArrow(where, e.text);
    lhs.At(0, "expect");
    Period reporting = MustPeriod(where, lhs.At(1, "a reporting period"));
    const Measure* m = &council.measures[0];
    if (auto ref = lhs.Key("ref")) m = council.FindMeasure(*ref);
    lhs.Finish();
    ASSERT_NE(m, nullptr) << where << ": no such measure";
    MeasureAssessment a = assessor.Assess(*m, reporting);
    for (const auto& [key, want] : rhs.RestAsKeys()) Expect(where, council, a, key, want);
    rhs.Finish();
  }
}

void RunCase(const RuleCase& c) {
  const Line& first = c.lines[0];
  std::string where = c.file + ".rules:" + std::to_string(first.number);
  std::string verb = Split(first.text).at(0);
  if (verb == "period") return RunPeriod(where, first.text);
  if (verb == "current") return RunCurrent(where, first.text);
  if (verb == "status") return RunStatus(where, first.text);
  if (verb == "dot") return RunDot(where, first.text);
  if (verb == "case") return RunMeasureCase(c.file, c.lines);
  FAIL() << where << ": word not understood: \"" << verb << "\"";
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
      if (indented && !cases.empty() && Split(cases.back().lines[0].text).at(0) == "case") {
        cases.back().lines.push_back({n, std::string(line)});
      } else {
        cases.push_back({path.stem().string(), {{n, std::string(line)}}});
      }
    }
  }
  return cases;
}

void PrintTo(const RuleCase& c, std::ostream* os) {
  *os << c.file << ".rules:" << c.lines[0].number;
}

class RulesTest : public testing::TestWithParam<RuleCase> {};

TEST_P(RulesTest, Holds) {
  const RuleCase& c = GetParam();
  SCOPED_TRACE(c.file + ".rules:" + std::to_string(c.lines[0].number) + ": " + c.lines[0].text);
  RunCase(c);
}

INSTANTIATE_TEST_SUITE_P(Rules, RulesTest, testing::ValuesIn(LoadCases()),
                         [](const testing::TestParamInfo<RuleCase>& info) {
                           return info.param.file + "_line" +
                                  std::to_string(info.param.lines[0].number);
                         });

}  // namespace
}  // namespace scorecard
