// The commands that read a council and assess or check it.

#include <fmt/format.h>

#include <cstdio>

#include "app/assess_folder.h"
#include "app/stored_council.h"
#include "app/verify.h"
#include "cli/commands.h"
#include "cli/render.h"
#include "cli/store_access.h"
#include "io/file_source.h"
#include "io/folder.h"
#include "io/open_source.h"

namespace scorecard {

int PrintIssues(const Issues& issues, const std::string& where, std::string_view outcome) {
  for (const Issue& i : issues) {
    bool located_already = i.file == where || i.file == "database" || i.file == "command line";
    fmt::print(stderr, "{}{}\n", located_already ? "" : where + "/", i.ToString());
  }
  fmt::print(stderr, "{}: {} problem{}; {}\n", where, issues.size(), issues.size() == 1 ? "" : "s",
             outcome);
  return 1;
}

int RunAssess(const Options& o) {
  std::optional<Period> period;
  if (!o.period.empty()) {
    auto p = ParsePeriod(o.period);
    if (!p) {
      fmt::print(stderr, "scorecard assess: --period: expected {}\n", p.error());
      return 2;
    }
    period = *p;
  }
  std::expected<AssessedCouncil, Issues> assessed;
  std::string where = o.source;
  if (!o.org.empty()) {  // from the database, now or as at a moment
    SystemClock clock;
    auto store = OpenStoreFor(o, clock);
    if (!store) return PrintIssues({StoreIssue(store.error())}, o.db, "nothing was read");
    where = "database";
    auto as_at = ResolveAsAt(**store, o);
    if (!as_at) return PrintIssues(as_at.error(), "database", "nothing was read");
    assessed = AssessCouncil(LoadCouncil(**store, o.org, *as_at), period);
  } else if (o.source.empty()) {
    fmt::print(stderr, "scorecard assess: give a folder, or --db and --org\n");
    return 2;
  } else {
    auto source = OpenTableSource(o.source);
    if (!source) return PrintIssues(source.error(), o.source, "nothing was read");
    assessed = AssessCouncil(ReadCouncil(**source), period);
  }
  if (!assessed) return PrintIssues(assessed.error(), where, "nothing was read");
  if (!o.explain.empty()) {
    for (const MeasureAssessment& m : assessed->now) {
      if (m.measure->ref == o.explain) {
        RenderExplain(*assessed, m, stdout);
        return 0;
      }
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
  auto source = OpenTableSource(o.source);
  if (!source) return PrintIssues(source.error(), o.source, "nothing was read");
  auto council = ReadCouncil(**source);
  if (!council) return PrintIssues(council.error(), o.source, "nothing was read");
  fmt::print(
      "{}: {}: {} framework nodes, {} measures, {} actions, {} projects, {} risks; no problems\n",
      o.source, council->organisation.name, council->framework.nodes().size(),
      council->measures.size(), council->actions.size(), council->projects.size(),
      council->risks.size());
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
  auto v = VerifyFolder(DiskFileSource(o.source));
  if (!v) return PrintIssues(v.error(), o.source, "nothing was read");
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
