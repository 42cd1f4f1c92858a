// The terminal table and the JSON are built from the one model of a council's position: for each
// seed, every section of the table shows exactly the items the JSON holds, in the same order,
// with the same statuses, figures and counts.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_support.h"
#include "io/test_seeds.h"

namespace scorecard {
namespace {

using nlohmann::json;

// The table's lines under each heading (a line that starts in the first column).
std::map<std::string, std::vector<std::string>> Sections(const std::string& table) {
  std::map<std::string, std::vector<std::string>> out;
  std::istringstream in(table);
  std::string line, heading = "(top)";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    bool indented = line[0] == ' ';
    bool measure_line = heading == "(top)";  // the measures table is not indented
    if (!indented && !measure_line) {
      heading =
          line.substr(0, line.find_first_of(":(") == std::string::npos ? line.size()
                                                                       : line.find_first_of(":("));
      while (!heading.empty() && heading.back() == ' ') heading.pop_back();
      continue;
    }
    if (measure_line && line.starts_with("(* officer override")) {
      heading = "(after measures)";
      continue;
    }
    out[heading].push_back(line);
  }
  return out;
}

std::string Shown(const json& figure) {
  return figure.is_null() ? "" : figure["shown"].get<std::string>();
}

std::string StatusText(const json& s) {
  std::string key = s["key"], symbol = s["symbol"];
  return (symbol.empty() ? key : symbol + " " + key) + (s["overridden"].get<bool>() ? "*" : "");
}

// Checks the counts under a group's "TITLE (N in all)" line.
void ExpectCounts(const std::vector<std::string>& lines, const json& group, const char* which) {
  int total = 0;
  for (const json& c : group[which]) total += c["count"].get<int>();
  std::string title =
      "  " + group["title"].get<std::string>() + " (" + std::to_string(total) + " in all)";
  auto at = std::find(lines.begin(), lines.end(), title);
  ASSERT_NE(at, lines.end()) << title;
  for (const json& c : group[which]) {
    ++at;
    ASSERT_NE(at, lines.end());
    for (const char* field : {"key", "label", "percent_shown"}) {
      EXPECT_NE(at->find(c[field].get<std::string>()), std::string::npos) << *at << " " << field;
    }
    EXPECT_NE(at->find(" " + std::to_string(c["count"].get<int>()) + " "), std::string::npos)
        << *at;
  }
}

// Each line starts "  REF" for each item of the list, in order, and holds `also`'s words.
void ExpectListed(const std::vector<std::string>& lines, const json& items,
                  const std::string& prefix_field, const std::vector<std::string>& also) {
  ASSERT_EQ(lines.size(), items.empty() ? 1u : items.size());
  if (items.empty()) {
    EXPECT_EQ(lines[0], "  none");
    return;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::string prefix = items[i][prefix_field];
    EXPECT_NE(lines[i].find(prefix), std::string::npos) << lines[i];
    for (const std::string& field : also) {
      EXPECT_NE(lines[i].find(items[i][field].get<std::string>()), std::string::npos)
          << lines[i] << " " << field;
    }
  }
}

class OutputsTest : public testing::TestWithParam<std::string> {};

TEST_P(OutputsTest, TheTableShowsWhatTheJsonHolds) {
  std::string seed = SeedDir(GetParam());
  SplitResult table = ScorecardSplit("assess " + seed);
  SplitResult json_out = ScorecardSplit("assess " + seed + " --format json");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
  json j = json::parse(json_out.out);
  auto sections = Sections(table.out);

  // The measures: one line each, in order, with their figures and statuses.
  std::vector<std::string> rows = sections["(top)"];
  ASSERT_GE(rows.size(), 3u);
  rows.erase(rows.begin(), rows.begin() + 3);  // "NAME: scorecard at", "from", the header
  ASSERT_EQ(rows.size(), j["measures"].size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const json& m = j["measures"][i];
    EXPECT_TRUE(rows[i].starts_with(m["ref"].get<std::string>() + " ")) << rows[i];
    std::string value = m["value"].is_string() ? m["value"].get<std::string>() : Shown(m["value"]);
    for (const std::string& part :
         {value, Shown(m["target"]), StatusText(m["status"]), m["dot"]["key"].get<std::string>(),
          Shown(m["forecast"]["value"]), StatusText(m["forecast_status"])}) {
      EXPECT_NE(rows[i].find(part), std::string::npos) << rows[i] << " lacks " << part;
    }
  }

  for (const json& g : j["groups"]) ExpectCounts(sections["Summary by status"], g, "status");
  ExpectCounts(sections["Direction of travel"], j["groups"][0], "dot");

  std::vector<std::string> headlines;
  for (const json& h : j["headlines"]) {
    if (h["denominator"].get<int>() == 0) continue;
    headlines.push_back("  " + h["percent_shown"].get<std::string>() + " of " +
                        h["text"].get<std::string>() + " (" +
                        std::to_string(h["numerator"].get<int>()) + " of " +
                        std::to_string(h["denominator"].get<int>()) + ")");
  }
  EXPECT_EQ(sections["Headline figures"], headlines);

  ExpectListed(sections["Red flags"], j["red_flags"], "ref", {"title"});
  ExpectListed(sections["Exceptions"], j["exceptions"], "ref", {"reason", "title"});
  ExpectListed(sections["Changes since " + j["previous_period"].get<std::string>()], j["changes"],
               "ref", {"kind", "words"});

  if (!j["actions"].empty()) {
    for (const json& g : j["groups"]) {
      ExpectCounts(
          sections["Actions and milestones by rating at " + j["period"].get<std::string>()], g,
          "ratings");
    }
    EXPECT_EQ(sections["Overdue actions"].size(), j["overdue"].size());
  }
  if (!j["projects"].empty()) {
    std::vector<std::string>& lines = sections["Projects at " + j["period"].get<std::string>()];
    ASSERT_EQ(lines.size(), j["projects"].size());
    for (size_t i = 0; i < lines.size(); ++i) {
      const json& p = j["projects"][i];
      EXPECT_TRUE(lines[i].starts_with("  " + p["ref"].get<std::string>())) << lines[i];
      std::string rag = p["rag"].is_null() ? "-" : p["rag"]["key"].get<std::string>();
      EXPECT_NE(lines[i].find("RAG " + rag), std::string::npos) << lines[i];
    }
  }
  if (!j["risks"].empty()) {
    std::vector<std::string>& lines =
        sections["Strategic risks at " + j["period"].get<std::string>()];
    ASSERT_EQ(lines.size(), j["risks"].size());
    for (size_t i = 0; i < lines.size(); ++i) {
      const json& r = j["risks"][i];
      std::string score = r["score"].is_null() ? "-" : std::to_string(r["score"].get<int>());
      EXPECT_NE(lines[i].find(r["kind"].get<std::string>() + " " + score), std::string::npos)
          << lines[i];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, OutputsTest, testing::ValuesIn(SeedSlugs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace scorecard
