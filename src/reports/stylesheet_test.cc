// The compiled report stylesheet: what it must hold and what it must not.

#include "reports/stylesheet.h"

#include <gtest/gtest.h>

#include <string>

namespace scorecard {
namespace {

bool Has(std::string_view text) { return ReportStylesheet().find(text) != std::string_view::npos; }

// GDS Transport is licensed only for GOV.UK services.
TEST(StylesheetTest, UsesLiberationSansAndNoFontFaceOfGdsTransport) {
  EXPECT_TRUE(Has("font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif"));
  EXPECT_FALSE(Has("@font-face"));
  EXPECT_FALSE(Has("GDS Transport"));
  EXPECT_FALSE(Has("url("));  // no fonts or images to fetch: the report is self-contained
}

TEST(StylesheetTest, HoldsTheGovukFrontendPartsAReportUses) {
  for (const char* rule :
       {".govuk-heading-l{", ".govuk-body,", ".govuk-list--bullet{", ".govuk-table{",
        ".govuk-table__caption--m{", ".govuk-summary-list{", ".govuk-tag{", ".govuk-inset-text{",
        ".govuk-warning-text{", ".govuk-section-break--l{", ".govuk-visually-hidden{",
        ".govuk-template{", ".govuk-width-container{", ".govuk-main-wrapper{"}) {
    EXPECT_TRUE(Has(rule)) << rule;
  }
  // Nothing a report has no use for: forms, buttons, the header and footer.
  for (const char* rule : {".govuk-button", ".govuk-input", ".govuk-header", ".govuk-footer"}) {
    EXPECT_FALSE(Has(rule)) << rule;
  }
}

TEST(StylesheetTest, HoldsOurOwnRules) {
  for (const char* rule :
       {".sc-report{", ".sc-status{", ".sc-row--highlight>:first-child{", ".sc-table-container{",
        ".sc-section--wide{page:wide}", ".sc-notice{", ".sc-chart{", ".sc-heatmap{"}) {
    EXPECT_TRUE(Has(rule)) << rule;
  }
  EXPECT_TRUE(Has("background-color:var(--sc-fill, transparent)"));
  EXPECT_TRUE(Has("color:var(--sc-ink, #0b0c0c)"));
}

TEST(StylesheetTest, PrintsOnA4WithPageNumbersAndALandscapePageForWideSections) {
  EXPECT_TRUE(
      Has("@page{size:A4;margin:15mm;@bottom-right{content:\"Page \" counter(page) \" of "
          "\" counter(pages);"));
  EXPECT_TRUE(Has("@page wide{size:A4 landscape}"));
  EXPECT_TRUE(Has("thead{display:table-header-group}"));
  EXPECT_TRUE(Has("a[href]::after{content:none !important}"));
}

// Inlined in a <style> element of an HTML page: no byte-order mark, no @charset.
TEST(StylesheetTest, IsPlainCssForAStyleElement) {
  std::string_view css = ReportStylesheet();
  ASSERT_FALSE(css.empty());
  EXPECT_NE(static_cast<unsigned char>(css.front()), 0xEF);
  EXPECT_FALSE(Has("@charset"));
  EXPECT_FALSE(Has("</style"));
  EXPECT_FALSE(Has("sourceMappingURL"));
}

// All of GOV.UK Frontend is about 130 KB; a report uses a fifth of it.
TEST(StylesheetTest, StaysSmall) { EXPECT_LT(ReportStylesheet().size(), 40'000u); }

}  // namespace
}  // namespace scorecard
