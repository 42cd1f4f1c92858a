// The issues of measures.csv, targets.csv, values.csv and comparators.csv: each mistake in a field
// has a code of its own, and the words a performance officer has always seen.

#include <gtest/gtest.h>

#include "io/folder.h"

namespace scorecard {
namespace {

constexpr const char* kToml = R"([organisation]
name = "Test Council"
code = "test"
scheme = "derby-2012"
reporting_period = "2017/18 Q2"
)";

// A folder whose four measure tables are as given, each after its header.
MemoryFileSource Folder(std::string measures, std::string targets, std::string values,
                        std::string comparators) {
  MemoryFileSource f;
  f.files["scorecard.toml"] = kToml;
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency,accumulation,year,lag,dot,scheme,node,parent\n" + measures;
  f.files["targets.csv"] = "ref,period,target,kind,comparator,baseline_period,change\n" + targets;
  f.files["values.csv"] = "ref,period,value,flags,status,status_reason\n" + values;
  f.files["comparators.csv"] = "ref,period,comparator,value\n" + comparators;
  return f;
}

// Each issue of a refused folder, its code first: "measures.no-ref measures.csv:2: ...".
std::vector<std::string> CodesAndMessages(const MemoryFileSource& f) {
  auto council = ReadFolder(f);
  std::vector<std::string> out;
  if (council) return out;
  for (const Issue& i : council.error()) out.push_back(i.code + " " + i.ToString());
  return out;
}

const std::string kM2 = "M2,Part,%,higher,quarterly,,,,,,,\n";

TEST(MeasureTablesTest, EachMistakeInMeasuresHasItsCode) {
  EXPECT_EQ(
      CodesAndMessages(Folder(",No ref,%,higher,quarterly,,,,,,,\n"
                              "M0,,%,higher,quarterly,,,,,,,\n"
                              "M1,Calls,%,upwards,fortnightly,yearly,fiscal,soon,sideways,ours,"
                              "nowhere,M1\n"
                              "M2,Part,%,higher,quarterly,,,,,,,M9\n"
                              "M1,Again,%,higher,quarterly,,,,,,,\n",
                              "", "", "")),
      (std::vector<std::string>{
          "measures.no-ref measures.csv:2: column ref: expected a reference such as CP 08b",
          "measures.no-title measures.csv:3: column title: expected the measure's title",
          "measures.polarity measures.csv:4: column polarity: expected a polarity: higher, lower "
          "or none",
          "measures.frequency measures.csv:4: column frequency: expected a frequency: monthly, "
          "quarterly, termly, half-yearly, annual or biennial",
          "measures.accumulation measures.csv:4: column accumulation: expected an accumulation: "
          "discrete, cumulative, snapshot, rolling or average",
          "measures.year measures.csv:4: column year: expected a year basis: financial, "
          "academic or calendar",
          "measures.lag measures.csv:4: column lag: expected a reporting lag such as 0, 2 months "
          "or 1 quarter",
          "measures.dot measures.csv:4: column dot: expected a direction-of-travel basis: "
          "previous-period, previous-report, same-period-last-year or last-year-outturn",
          "measures.unknown-scheme measures.csv:4: column scheme: expected a scheme defined in "
          "scorecard.toml or built in, not \"ours\"",
          "items.unknown-node measures.csv:4: column node: expected the id of a node in "
          "framework.csv, not \"nowhere\"",
          "measures.ref-twice measures.csv:6: column ref: expected a unique ref: \"M1\" is "
          "already used",
          "measures.own-parent measures.csv:4: column parent: expected another measure: a "
          "measure cannot be a part of itself",
          "measures.unknown-parent measures.csv:5: column parent: expected the ref of another "
          "measure, or a group named by two or more parts, not \"M9\"",
      }));
}

TEST(MeasureTablesTest, EachMistakeInTargetsHasItsCode) {
  EXPECT_EQ(CodesAndMessages(Folder(kM2,
                                    ",2017/18,80,,,,\n"
                                    "M9,2017/18,80,,,,\n"
                                    "M2,2017/18,,goal,,,\n"
                                    "M2,2017/18,,,,,\n"
                                    "M2,2017/18 Q1,,comparator,,,\n"
                                    "M2,2017/18 Q2,,change,,2016/17,lots\n"
                                    "M2,2017/18 Q3,50,,,,\n"
                                    "M2,2017/18 Q3,51,,,,\n",
                                    "", "")),
            (std::vector<std::string>{
                "targets.no-ref targets.csv:2: column ref: expected the ref of a measure in "
                "measures.csv",
                "targets.unknown-ref targets.csv:3: column ref: expected the ref of a measure in "
                "measures.csv, not \"M9\"",
                "targets.kind targets.csv:4: column kind: expected a target kind: value, none, "
                "baseline, tbc, under-development, comparator or change",
                "targets.no-target targets.csv:5: column target: expected a target, or a kind "
                "(none, baseline, tbc, under-development, comparator, change) saying why there "
                "is none",
                "targets.no-comparator targets.csv:6: column comparator: expected the "
                "comparator's name with kind comparator",
                "targets.change targets.csv:7: column change: expected a change such as -5% or "
                "+10",
                "targets.target-twice targets.csv:9: column period: expected one target per "
                "measure and period: M2 2017/18 Q3 already has one",
            }));
}

TEST(MeasureTablesTest, EachMistakeInValuesHasItsCode) {
  EXPECT_EQ(CodesAndMessages(Folder(kM2, "M2,2017/18,50,,,,\n",
                                    ",2017/18 Q1,5,,,\n"
                                    "M9,2017/18 Q1,5,,,\n"
                                    "M2,2017/18 Q1,5,late,,\n"
                                    "M2,2017/18 Q2,5,,purple,x\n"
                                    "M2,2017/18 Q3,5,,red,\n"
                                    "M2,2017/18 Q4,,,,\n"
                                    "M2,2017/18 Q1,6,,,\n",
                                    "")),
            (std::vector<std::string>{
                "values.no-ref values.csv:2: column ref: expected the ref of a measure in "
                "measures.csv",
                "values.unknown-ref values.csv:3: column ref: expected the ref of a measure in "
                "measures.csv, not \"M9\"",
                "values.flags values.csv:4: column flags: expected flags from provisional, "
                "estimated, correction, awaiting, not-available, not-due, under-development, "
                "separated by ;",
                "values.status values.csv:5: column status: expected a status of scheme "
                "derby-2012 (blue, green, amber, red, or a special status), not \"purple\"",
                "values.no-status-reason values.csv:6: column status_reason: expected the reason "
                "for the officer's override",
                "values.no-value values.csv:7: column value: expected a value, or flags saying "
                "why there is none",
                "values.row-twice values.csv:8: column period: expected one row per measure and "
                "period: M2 2017/18 Q1 already has one",
            }));
}

TEST(MeasureTablesTest, EachMistakeInComparatorsHasItsCode) {
  EXPECT_EQ(CodesAndMessages(Folder(kM2, "M2,2017/18,50,,,,\n", "",
                                    ",2017/18,national,5\n"
                                    "M9,2017/18,national,5\n"
                                    "M2,2017/18,,5\n"
                                    "M2,2017/18,national,\n"
                                    "M2,2017/18,national,lots\n")),
            (std::vector<std::string>{
                "comparators.no-ref comparators.csv:2: column ref: expected the ref of a measure "
                "in measures.csv",
                "comparators.unknown-ref comparators.csv:3: column ref: expected the ref of a "
                "measure in measures.csv, not \"M9\"",
                "comparators.no-name comparators.csv:4: column comparator: expected the "
                "comparator's name, such as national or WM",
                "comparators.no-value comparators.csv:5: column value: expected the comparator's "
                "figure",
                "table.number comparators.csv:6: column value: expected a number such as 82.5 or "
                "17,931, not \"lots\"",
            }));
}

}  // namespace
}  // namespace scorecard
