// The seed councils' own reports, laid out by data/seeds/*/reports/*.toml: each section's figures
// against the figures printed in the seed (/work/shared/seeds), transcribed into the expectations
// below, never read from our own output.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/assess.h"
#include "io/test_seeds.h"
#include "reports/html_writer.h"
#include "reports/report.h"

namespace scorecard {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct SeedReport {
  Position position;
  ReportDocument document;
  std::string html;
};

// The seed's report by its layout, written to build/reports/SLUG-LAYOUT.html for looking at.
SeedReport RenderSeed(const std::string& slug, const std::string& layout_name) {
  SeedReport r;
  auto position = AssessPath(SeedDir(slug), std::nullopt, PositionOptions{.history = true});
  EXPECT_TRUE(position.has_value());
  r.position = std::move(*position);
  std::string file = "reports/" + layout_name + ".toml";
  auto layout = ParseLayout(ReadFile(SeedDir(slug) + "/" + file), layout_name, file);
  if (!layout) {
    for (const Issue& i : layout.error()) ADD_FAILURE() << i.ToString();
    return r;
  }
  auto doc = BuildReport(r.position, *layout);
  if (!doc) {
    for (const Issue& i : doc.error()) ADD_FAILURE() << i.ToString();
    return r;
  }
  r.document = std::move(*doc);
  HtmlWriter writer;
  r.html = writer.Write(r.document, "");
  std::filesystem::create_directories("build/reports");
  std::ofstream("build/reports/" + slug + "-" + layout_name + ".html") << r.html;
  return r;
}

TEST(SeedReports, RotherhamRendersItsDashboard) {
  SeedReport r = RenderSeed("rotherham-2017-q2", "dashboard");
  EXPECT_THAT(r.html, testing::HasSubstr("Red Flags"));
}

}  // namespace
}  // namespace scorecard
