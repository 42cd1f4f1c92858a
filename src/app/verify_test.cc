#include "app/verify.h"

#include <gtest/gtest.h>

namespace scorecard {
namespace {

MemoryFileSource Folder(std::string expected_counts) {
  MemoryFileSource f;
  f.files["scorecard.toml"] = R"([organisation]
name = "Test Council"
code = "test"
scheme = "derby-2012"
reporting_period = "2017/18 Q2"
)";
  f.files["measures.csv"] =
      "ref,title,unit,polarity,frequency\n"
      "M1,Calls answered,%,higher,quarterly\n"
      "M2,Days to process,days,lower,quarterly\n";
  f.files["targets.csv"] = "ref,period,target\nM1,2017/18,80\nM2,2017/18,10\n";
  f.files["values.csv"] = "ref,period,value\nM1,2017/18 Q2,80\nM2,2017/18 Q2,12\n";
  f.files["expected_counts.csv"] = std::move(expected_counts);
  return f;
}

TEST(VerifyTest, ChecksEachCountAKeyNoMeasureHasCountingZero) {
  auto v =
      VerifyFolder(Folder("period,group,field,key,count,source\n"
                          "2017/18 Q2,all,status,green,1,summary\n"
                          "2017/18 Q2,all,status,not-due,0,summary\n"
                          "2017/18 Q2,all,dot,improved,0,summary\n"
                          "2017/18 Q2,all,items,measure,2,summary\n"
                          "2017/18 Q2,all,headline,behind-schedule,35.7,summary\n"));
  ASSERT_TRUE(v.has_value()) << v.error().front().ToString();
  EXPECT_EQ(v->checked, 4);
  EXPECT_EQ(v->agreed, 4);
  ASSERT_EQ(v->unchecked.size(), 1u);  // a headline Scorecard does not compute
  EXPECT_EQ(v->unchecked[0].subject, "all/behind-schedule");
}

TEST(VerifyTest, RejectsACountKeyItDoesNotKnowNamingTheKeysItKnows) {
  auto v =
      VerifyFolder(Folder("period,group,field,key,count,source\n"
                          "2017/18 Q2,all,status,gren,1,summary\n"
                          "2017/18 Q2,all,dot,improvd,0,summary\n"
                          "2017/18 Q2,all,rating,not-due,0,summary\n"
                          "2017/18 Q2,all,items,measures,2,summary\n"));
  ASSERT_FALSE(v.has_value());
  std::vector<std::string> messages;
  for (const Issue& i : v.error()) messages.push_back(i.ToString());
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "expected_counts.csv:2: column key: expected a key Scorecard counts for status "
                "(blue, green, amber, red, no-target, baseline, tbc, under-development, "
                "not-available, not-due), not \"gren\"",
                "expected_counts.csv:3: column key: expected a key Scorecard counts for dot "
                "(improved, stable, worse, not-applicable), not \"improvd\"",
                "expected_counts.csv:4: column key: expected a key Scorecard counts for rating "
                "(completed, on-track, some-slippage, needs-attention, major-slippage, aborted, "
                "not-rated), not \"not-due\"",
                "expected_counts.csv:5: column key: expected a key Scorecard counts for items "
                "(measure, action, project, risk), not \"measures\"",
            }));
}

}  // namespace
}  // namespace scorecard
