// The commands that read a council and assess or check it.

#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "app/assess.h"
#include "app/system_clock.h"
#include "app/verify.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/render.h"
#include "cli/request.h"

namespace scorecard {
namespace {

// The first thing wrong with how assess was asked, found before anything is read, or nothing.
// Options that do not go together are refused rather than one of them passed over.
std::optional<Issue> AssessRequestIssue(const Options& o) {
  if (o.format != "table" && o.format != "csv" && o.format != "json") {
    return RequestIssue("request.format", "format", {{"text", o.format}});
  }
  if (!o.explain.empty() && o.format != "table") {
    return RequestIssue("request.explain-format", "explain", {{"format", o.format}});
  }
  return SourceRequestIssue(o);
}

// The --period option, if given; if it cannot be read, says why and fails with the exit code.
std::expected<std::optional<Period>, int> PeriodOption(const Options& o, const Where& where) {
  if (o.period.empty()) return std::optional<Period>();
  auto p = ParsePeriod(o.period);
  if (!p) {
    return std::unexpected(PrintUsageError(
        RequestIssue("request.period", "period", {{"text", o.period}}), where, "nothing was read"));
  }
  return std::optional<Period>(*p);
}

}  // namespace

int RunAssess(const Options& o) {
  StoreAddress address{o.db, o.org};
  Where where{"assess", o.org.empty() ? o.source : address.url_or_default()};
  if (auto issue = AssessRequestIssue(o)) return PrintUsageError(*issue, where, "nothing was read");
  auto period = PeriodOption(o, where);
  if (!period) return period.error();
  Result<Position> assessed;
  PositionOptions options{.history = o.format == "json"};  // only the JSON shows history
  if (!o.org.empty()) {  // from the database, now or as at a moment
    SystemClock clock;
    AsAt as_at{o.as_at, o.published ? *period : std::nullopt};
    assessed = AssessStored(address, as_at, *period, clock, options);
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
    return PrintIssues({RequestIssue("assess.unknown-explain", "explain", {{"ref", o.explain}})},
                       where, "nothing was explained");
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

// Each spelling as it is read, or, on stderr, why it cannot be read: "Q5: expected ...". Fails
// (1) if any cannot be read.
int RunPeriods(const Options& o) {
  int status = 0;
  for (const std::string& s : o.spellings) {
    auto p = ParsePeriod(s);
    if (p) {
      fmt::print("{}\t{}\t{} to {}\n", s, p->ToString(), p->start().ToString(),
                 p->end().ToString());
    } else {
      Issue unread = MakeIssue("periods.spelling", {s, 0, ""}, {{"text", s}});
      fmt::print(stderr, "{}\n", Located(unread, {"periods", ""}));
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
