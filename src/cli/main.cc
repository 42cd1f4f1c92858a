// The scorecard command: a thin main over one table of subcommands.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/assess_folder.h"
#include "app/verify.h"
#include "cli/render.h"
#include "io/file_source.h"
#include "io/folder.h"

namespace scorecard {
namespace {

struct Options {
  std::string dir;
  std::string period;
  std::string format = "table";
  std::string explain;
  std::vector<std::string> spellings;
};

int PrintIssues(const Issues& issues, const std::string& where) {
  for (const Issue& i : issues) fmt::print(stderr, "{}/{}\n", where, i.ToString());
  fmt::print(stderr, "{}: {} problem{}; nothing was read\n", where, issues.size(),
             issues.size() == 1 ? "" : "s");
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
  auto assessed = AssessFolder(DiskFileSource(o.dir), period);
  if (!assessed) return PrintIssues(assessed.error(), o.dir);
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
  auto council = ReadFolder(DiskFileSource(o.dir));
  if (!council) return PrintIssues(council.error(), o.dir);
  fmt::print(
      "{}: {}: {} framework nodes, {} measures, {} actions, {} projects, {} risks; no problems\n",
      o.dir, council->organisation.name, council->framework.nodes().size(),
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
  auto v = VerifyFolder(DiskFileSource(o.dir));
  if (!v) return PrintIssues(v.error(), o.dir);
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
      o.dir, v->checked, v->agreed, v->explained.size(), v->unexplained.size(), v->stale.size(),
      v->unchecked.size());
  return v->unexplained.empty() && v->stale.empty() ? 0 : 1;
}

void DefineVerify(CLI::App& c, Options& o) {
  c.add_option("dir", o.dir, "a seed folder with expected.csv / expected_counts.csv")->required();
}

void DefineAssess(CLI::App& c, Options& o) {
  c.add_option("dir", o.dir, "the council's interchange folder")->required();
  c.add_option("--period", o.period,
               "the reporting period, e.g. \"2017/18 Q2\" (default: the "
               "folder's reporting_period)");
  c.add_option("--format", o.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  c.add_option("--explain", o.explain, "print the reasoning for one measure's status");
}
void DefineCheck(CLI::App& c, Options& o) {
  c.add_option("dir", o.dir, "the council's interchange folder")->required();
}
void DefinePeriods(CLI::App& c, Options& o) {
  c.add_option("spellings", o.spellings, "period spellings, e.g. \"Sep-17\" \"Q2 2017/18\"")
      ->required();
}

struct Command {
  const char* name;
  const char* help;
  void (*define)(CLI::App&, Options&);
  int (*run)(const Options&);
};

constexpr Command kCommands[] = {
    {"assess", "assess a council's folder for a reporting period and print its scorecard",
     DefineAssess, RunAssess},
    {"check", "read a council's folder and list every problem in it", DefineCheck, RunCheck},
    {"periods", "show how period spellings are read", DefinePeriods, RunPeriods},
    {"verify", "compare a seed folder's assessment with what the council published", DefineVerify,
     RunVerify},
};

}  // namespace
}  // namespace scorecard

int main(int argc, char** argv) {
  using namespace scorecard;
  CLI::App app{"Scorecard: performance management for UK councils"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "scorecard 0.1.0");
  Options options;
  const Command* chosen = nullptr;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    c.define(*sub, options);
    sub->callback([&chosen, &c] { chosen = &c; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return chosen ? chosen->run(options) : 2;
  } catch (const std::exception& e) {  // a bug, not bad input: say so plainly
    fmt::print(stderr, "scorecard: internal error: {}\n", e.what());
    return 70;
  }
}
