// The commands that read a council and assess or check it.

#include <fmt/format.h>

#include <cstdio>

#include "app/assess.h"
#include "app/system_clock.h"
#include "app/verify.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/render.h"

namespace scorecard {
namespace {

// The --period option, if given; exits 2 with the reason if it cannot be read.
std::expected<std::optional<Period>, int> PeriodOption(const Options& o, std::string_view command) {
  if (o.period.empty()) return std::optional<Period>();
  auto p = ParsePeriod(o.period);
  if (!p) {
    fmt::print(stderr, "scorecard {}: --period: expected {}\n", command, p.error());
    return std::unexpected(2);
  }
  return std::optional<Period>(*p);
}

}  // namespace

int RunAssess(const Options& o) {
  auto period = PeriodOption(o, "assess");
  if (!period) return period.error();
  Result<Position> assessed;
  PositionOptions options{.history = o.format == "json"};  // only the JSON shows history
  Where where{"assess", o.source};
  if (!o.org.empty()) {  // from the database, now or as at a moment
    if (o.published && !*period) {
      fmt::print(stderr, "scorecard assess: --published: give --period naming the report\n");
      return 2;
    }
    SystemClock clock;
    StoreAddress address{o.db, o.org};
    where.source = address.url_or_default();
    AsAt as_at{o.as_at, o.published ? *period : std::nullopt};
    assessed = AssessStored(address, as_at, *period, clock, options);
  } else if (o.source.empty()) {
    fmt::print(stderr, "scorecard assess: give a folder, or --db and --org\n");
    return 2;
  } else {
    assessed = AssessPath(o.source, *period, options);
  }
  if (!assessed) return PrintFailure(assessed.error(), where, "nothing was read");
  PrintWarnings(assessed->warnings, where);
  if (!o.explain.empty()) {
    if (const MeasureRow* m = assessed->FindMeasure(o.explain)) {
      RenderExplain(*assessed, *m, stdout);
      return 0;
    }
    fmt::print(stderr, "scorecard assess: --explain: no assessed measure has ref \"{}\"\n",
               o.explain);
    return 1;
  }
  if (o.format == "csv") {
    RenderCsv(*assessed, stdout);
  } else if (o.format == "json") {
    std::fputs(RenderJson(*assessed).c_str(), stdout);
  } else {
    RenderTable(*assessed, stdout);
  }
  return 0;
}

int RunCheck(const Options& o) {
  Where where{"check", o.source};
  auto checked = CheckPath(o.source);
  if (!checked) return PrintFailure(checked.error(), where, "nothing was read");
  PrintWarnings(checked->warnings, where);
  size_t warnings = checked->warnings.size();
  fmt::print("{}: {}: {} framework nodes, {} measures, {} actions, {} projects, {} risks; {}\n",
             o.source, checked->name, checked->nodes, checked->measures, checked->actions,
             checked->projects, checked->risks,
             warnings == 0
                 ? "no problems"
                 : fmt::format("no errors, {} warning{}", warnings, warnings == 1 ? "" : "s"));
  return 0;
}

int RunPeriods(const Options& o) {
  int status = 0;
  for (const std::string& s : o.spellings) {
    auto p = ParsePeriod(s);
    if (p) {
      fmt::print("{}\t{}\t{} to {}\n", s, p->ToString(), p->start().ToString(),
                 p->end().ToString());
    } else {
      fmt::print(stderr, "{}: expected {}\n", s, p.error());
      status = 1;
    }
  }
  return status;
}

int RunVerify(const Options& o) {
  auto v = VerifyPath(o.source);
  if (!v) return PrintFailure(v.error(), {"verify", o.source}, "nothing was read");
  auto print = [](const char* title, const std::vector<Comparison>& list, bool with_reason) {
    if (list.empty()) return;
    fmt::print("{} ({}):\n", title, list.size());
    for (const Comparison& c : list) {
      fmt::print("  {} {} {}: published {}, computed {}{}\n", c.subject, c.period, c.field,
                 c.expected.empty() ? "(none)" : c.expected,
                 c.computed.empty() ? "(none)" : c.computed,
                 with_reason && !c.reason.empty() ? " - " + c.reason : "");
    }
  };
  print("Differences not explained in known_differences.csv", v->unexplained, false);
  print("Known differences that no longer occur", v->stale, true);
  print("Explained differences", v->explained, o.format == "table");
  print("Published figures Scorecard does not compute", v->unchecked, false);
  fmt::print(
      "{}: {} published figures checked: {} agree, {} differ with a reason, {} differ "
      "without one; {} stale explanations; {} not computed\n",
      o.source, v->checked, v->agreed, v->explained.size(), v->unexplained.size(), v->stale.size(),
      v->unchecked.size());
  return v->unexplained.empty() && v->stale.empty() ? 0 : 1;
}

}  // namespace scorecard
