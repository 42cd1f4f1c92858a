#pragma once
// A council's position at a reporting period: the one model every output reads. The terminal
// table, CSV and JSON, `verify`, the report sections and (later) the web pages only place what is
// here; none of them computes a status, a count or a figure of its own. Every figure is already
// formatted, every status carries its key, label, symbol and reason, in the council's own words.

#include <optional>
#include <string>
#include <vector>

#include "domain/council.h"
#include "domain/issue.h"
#include "domain/period.h"

namespace scorecard {

// A figure as every output shows it.
struct Figure {
  std::optional<double> number;  // rounded to the places shown; none when there is no figure
  std::string plain;             // "11127609.70": for CSV and JSON; empty when none
  std::string shown;             // "£11,127,609.70": for people; empty when none

  bool empty() const { return shown.empty(); }
};

// A status as shown: a key, a label and a symbol, never a colour alone, and why.
struct StatusView {
  std::string key, label, symbol, colour;
  std::string reason;
  bool band = false;         // earned by a band of the scheme (not a special status)
  bool overridden = false;   // an officer's judgement replaced what the rule gives
  std::string computed_key;  // what the rule gives, when overridden
};

struct DirectionView {
  std::string key;    // improved, stable, worse, not-applicable
  std::string label;  // "Improved"
  std::string symbol;
  std::string reason;
  std::string compared_with;  // the period compared with, if any
  Figure compared_value;
};

struct ForecastView {
  Figure value;
  std::string text;            // an officer's forecast in words ("On track")
  bool computed = false;       // false: the officer's own
  std::string method_key;      // officer, outturn, pro-rata, profile, trend, latest, none, parts
  std::string method;          // how it was made, in words
  bool held_at_bound = false;  // a computed forecast held at the measure's min or max
};

struct ComparatorView {
  std::string name, period;
  Figure value;
  std::string text;
};

// What the lead officer wrote with the figure.
struct Commentary {
  std::string context, actions, intervention, note;
  bool empty() const {
    return context.empty() && actions.empty() && intervention.empty() && note.empty();
  }
};

struct HistoryPoint {
  std::string period;
  Figure value;
};

struct MeasureRow {
  std::string ref, title, unit, description;
  std::string node;        // the framework node it hangs from
  std::string node_title;  // that node's title ("Children are safeguarded")
  std::string group;       // the top-level group (theme) it is counted in
  std::string parent;      // the measure it is a part of
  std::string rollup;      // how its status comes from its parts: worst, all-met; empty if not
  bool counted = true;     // counted in summaries (a part of a rolled-up parent is not)
  bool listed = true;  // listed in red flags, exceptions and changes (a rolled-up parent is not)
  std::string owner, director, directorate, portfolio;
  bool priority = false;
  std::string polarity;        // higher, lower, none
  std::string polarity_words;  // "higher is better"
  std::string frequency;       // quarterly
  std::string settings;        // "quarterly measure, lower (lower is better), cumulative, ..."
  std::string scheme;          // the status scheme it is assessed by
  std::string period;          // the measure's period this report shows
  Figure value;
  std::string value_text;  // a text measure's words
  Figure numerator, denominator;
  std::string flags;  // provisional;estimated
  Figure target;
  std::string target_reason;
  std::string deviation;  // "+2.4%", signed so that positive is better; empty if none
  StatusView status;
  DirectionView direction;
  std::string year;  // the year the forecast is for
  Figure annual_target;
  ForecastView forecast;
  StatusView forecast_status;
  std::vector<ComparatorView> comparators;
  std::vector<HistoryPoint> history;  // every figure held, oldest first (PositionOptions)
  Commentary commentary;
};

struct CountRow {
  std::string key, label, symbol;
  int count = 0;
  double percent = 0;         // of the group's total
  std::string percent_shown;  // "23.6%"
};

struct ItemCounts {
  int measures = 0, actions = 0, projects = 0, risks = 0;
};

// Counts for one group of items: all, a theme, a portfolio or a directorate.
struct GroupSummary {
  std::string id, title;
  std::vector<CountRow> statuses;    // by the council's default scheme's statuses
  std::vector<CountRow> directions;  // improved, stable, worse, not-applicable
  std::vector<CountRow> ratings;     // actions and milestones by rating
  ItemCounts items;
};

struct HeadlineView {
  std::string key;
  std::string text;  // "measures with a target for the period that met it"
  int numerator = 0, denominator = 0;
  std::string percent_shown;  // "78%"; empty when nothing was counted
};

struct FlagRow {
  std::string ref, title;
  StatusView now, before;
  std::string before_period;
};

// A measure in the exception report: its figures, statuses, forecast and commentary are those
// of its row, Position::measures[measure] (see Position::MeasureOf).
struct ExceptionRow {
  std::string ref, title;
  std::string reason;  // "red now and forecast amber"
  size_t measure = 0;  // its row in Position::measures
};

// A status, rating, RAG or risk score that changed since the previous period.
struct ChangeRow {
  std::string kind;  // measure, action, project, risk
  std::string ref, title;
  std::string before_key, before_label, after_key, after_label;
  bool improved = false;
  std::string words;  // "improved from 'Some slippage' to 'On track'"
};

struct RatingView {
  std::string key, label, symbol;
};

struct ActionRow {
  std::string ref, title, kind, node, group;
  std::string planned, due, original_due;
  std::string owner, director, directorate, portfolio;
  bool priority = false;
  RatingView rating;  // in force at the end of the period
  bool rated_this_period = false;
  std::string commentary;
  bool overdue = false;
};

struct ProjectRow {
  std::string ref, title, node, group, programme;
  std::string owner, director;
  RatingView rag, dca, dca_end;  // empty keys when not assessed
  RatingView previous_rag;
  std::string criteria;         // "time yes, cost no, scope yes, benefits yes"; empty if not given
  bool criteria_given = false;  // whether the four below were assessed
  bool time = false, cost = false, scope = false, benefits = false;  // each on track
  std::string commentary;
};

struct RiskRow {
  std::string ref, title, kind, node, group, owner;
  std::string note;
  int score = 0;                               // 0: not scored for the period
  std::string likelihood, impact;              // "3 probable", "4 very high"
  int likelihood_level = 0, impact_level = 0;  // 1..4; 0 when not given
  RatingView band;
  int previous_score = 0;
  std::string change;  // "reduced from 12", "increased from 6"; empty if none
  std::string commentary;
};

// How a status is earned, for the key printed with a report.
struct KeyRow {
  std::string key, label, symbol, colour;
  std::string rule;           // "deviation from 0% to +2%", "a baseline year: ..."
  bool band = false;          // earned by a band (not a special status)
  bool worst = false;         // the worst band: a measure in it now is an exception
  bool below_target = false;  // a band below what a figure exactly on target earns
};

struct SchemeKey {
  std::string name, label;
  std::string deviation;  // "relative deviation, positive is better"
  std::vector<KeyRow> rows;
};

struct Position {
  std::string organisation, code;
  Period reporting;
  std::string period;           // "2017/18 Q2"
  std::string previous_period;  // "2017/18 Q1"
  std::string source;           // what it was read from: a folder, "the database as at change 12"
  std::vector<MeasureRow> measures;        // in the council's order
  std::vector<GroupSummary> groups;        // "all" first, then the plan's themes
  std::vector<GroupSummary> portfolios;    // where the council names them
  std::vector<GroupSummary> directorates;  // likewise
  std::vector<HeadlineView> headlines;
  std::vector<FlagRow> red_flags;        // off track now and at the previous report
  std::vector<ExceptionRow> exceptions;  // worst band now and/or forecast below target
  std::vector<ChangeRow> changes;        // since the previous period
  std::vector<ActionRow> actions;
  std::vector<ActionRow> overdue;  // the actions above that are overdue
  std::vector<ProjectRow> projects;
  std::vector<RiskRow> risks;   // a row per risk and kind scored
  std::vector<SchemeKey> keys;  // the schemes in force, the default first
  // The council's report layouts, by name, as texts for the reports layer to read, and the one
  // scorecard.toml names as the default (empty if none).
  std::vector<ReportLayoutText> layouts;
  std::string default_layout;
  Issues warnings;  // from reading the council

  // The measure's row, or null.
  const MeasureRow* FindMeasure(std::string_view ref) const;
  // The exception's measure row. REQUIRES: `e` is one of this position's exceptions.
  const MeasureRow& MeasureOf(const ExceptionRow& e) const { return measures.at(e.measure); }
  // The group's summary ("all" or a node id), or null.
  const GroupSummary* FindGroup(std::string_view id) const;
};

}  // namespace scorecard
