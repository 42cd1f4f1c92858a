// The five seed councils: what Scorecard computes must agree with what each council published,
// except where data/seeds/<slug>/known_differences.csv explains why (a symbol lost in the PDF,
// a published status its own rule does not give). A new difference fails, and so does an
// explanation for a difference that no longer occurs.

#include <gtest/gtest.h>

#include <filesystem>

#include "app/verify.h"
#include "io/file_source.h"
#include "io/test_seeds.h"

namespace scorecard {
namespace {

std::string Describe(const Comparison& c) {
  return c.subject + " " + c.period + " " + c.field + ": published " + c.expected + ", computed " +
         c.computed;
}

class SeedTest : public testing::TestWithParam<std::string> {};

TEST_P(SeedTest, AgreesWithWhatTheCouncilPublished) {
  auto v = VerifyFolder(DiskFileSource(SeedDir(GetParam())));
  ASSERT_TRUE(v.has_value()) << v.error().front().ToString();
  for (const Comparison& c : v->unexplained) ADD_FAILURE() << "unexplained: " << Describe(c);
  for (const Comparison& c : v->stale) ADD_FAILURE() << "no longer differs: " << Describe(c);
  EXPECT_GT(v->checked, 0);
  std::cout << GetParam() << ": " << v->checked << " published figures, " << v->agreed << " agree, "
            << v->explained.size() << " explained differences, " << v->unchecked.size()
            << " not computed\n";
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, testing::ValuesIn(SeedSlugs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace scorecard
