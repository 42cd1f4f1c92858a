// Printing a report's HTML to PDF with Chromium: the hand-written fixture (testdata/report.html)
// printed for real and read back with poppler-utils, and the ways printing fails, with stand-ins
// for Chromium written as shell scripts.

#include "reports/pdf.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "reports/program.h"
#include "reports/test_fixtures.h"
#include "reports/test_pdf.h"

namespace scorecard {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A folder of the test's own, removed afterwards.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "scorecard-pdf-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  Scratch(Scratch&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    if (!path_.empty()) fs::remove_all(path_);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(std::string_view name) const { return path_ / name; }

 private:
  fs::path path_;
};

// A stand-in for Chromium: a shell script of `body`, made executable.
fs::path FakeChromium(const Scratch& scratch, std::string_view body) {
  fs::path script = scratch / "chromium";
  WriteTextFile(script, "#!/bin/sh\n" + std::string(body));
  ::chmod(script.c_str(), 0755);
  return script;
}

// The fixture printed once for all the tests that read it.
struct Printed {
  Scratch scratch;
  fs::path pdf = scratch / "fixture.pdf";
  Result<void> result;
};

const Printed& PrintedFixture() {
  static const Printed printed = [] {
    Printed p;
    fs::path html = p.scratch / "fixture.html";
    WriteTextFile(html, ReportFixture("report.html"));
    p.result = PrintPdf(html, p.pdf);
    return p;
  }();
  return printed;
}

// pdftotext's text with each run of spaces and line breaks as one space, so that words are
// found wherever the lines broke.
std::string Words(const std::string& text) {
  std::string words;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\f';
    if (!space) {
      words += c;
    } else if (!words.empty() && words.back() != ' ') {
      words += ' ';
    }
  }
  return words;
}

std::string FailureWords(const Result<void>& r) {
  return r ? "" : r.error().issues.at(0).ToString();
}

#define ASSERT_PRINTED(printed) ASSERT_TRUE((printed).result) << FailureWords((printed).result)

TEST(PdfTest, ChromiumIsGivenTheFlagsOfTheIssueAndAFreshProfile) {
  EXPECT_EQ(ChromiumPrintArguments("/r/report.html", "/out/q2.pdf", "/tmp/p"),
            (std::vector<std::string>{
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-pdf-header-footer", "--generate-pdf-document-outline",
                "--user-data-dir=/tmp/p", "--print-to-pdf=/out/q2.pdf", "file:///r/report.html"}));
}

TEST(PdfTest, TheHtmlIsGivenAsAFileUrlWithItsSpecialCharactersEncoded) {
  EXPECT_EQ(ChromiumPrintArguments("/r/Q2 report #1?.html", "/o.pdf", "/p").back(),
            "file:///r/Q2%20report%20%231%3F.html");
  EXPECT_EQ(ChromiumPrintArguments("/r/Gwynedd–Môn.html", "/o.pdf", "/p").back(),
            "file:///r/Gwynedd%E2%80%93M%C3%B4n.html");
}

TEST(PdfTest, DefaultChromiumIsDebiansUnlessScorecardChromiumNamesAnother) {
  ::unsetenv("SCORECARD_CHROMIUM");
  EXPECT_EQ(DefaultChromium(), "/usr/bin/chromium");
  ::setenv("SCORECARD_CHROMIUM", "", 1);
  EXPECT_EQ(DefaultChromium(), "/usr/bin/chromium");
  ::setenv("SCORECARD_CHROMIUM", "/opt/chromium/chrome", 1);
  EXPECT_EQ(DefaultChromium(), "/opt/chromium/chrome");
  ::unsetenv("SCORECARD_CHROMIUM");
}

TEST(PdfTest, PrintsATaggedPdf) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  EXPECT_EQ(PdfInfoField(PdfInfo(printed.pdf), "Tagged"), "yes");
}

TEST(PdfTest, EmbedsEveryFontAndLiberationSansIsTheText) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  std::set<std::string> families;
  for (const PdfFont& font : PdfFonts(printed.pdf)) {
    EXPECT_TRUE(font.embedded) << font.name << " (" << font.type << ") is not embedded";
    families.insert(font.name.substr(font.name.find('+') + 1));
  }
  EXPECT_EQ(families, (std::set<std::string>{"LiberationSans", "LiberationSans-Bold"}));
}

TEST(PdfTest, TheTablesWordsCanBeReadBack) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  std::string text = Words(PdfText(printed.pdf));
  for (const char* words :
       {"Quarterly performance report, 2017/18 Q2",
        "Figures have changed since this report was published on 20 November 2017.", "Scorecard",
        "Household waste recycled", "47.2%", "▲ On target", "Planning applications decided in time",
        "Leader", "● Within tolerance", "Days to process benefit claims", "▼ Off target",
        "Strategic risks: threats by likelihood and impact", "Fly-tipping incidents cleared",
        "2017/18 Q2"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words << " is not in:\n" << text;
  }
}

// Laid out as printed, each row of the scorecard reads across: its measure, figures and status.
TEST(PdfTest, TheTablesRowsReadAcross) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  std::string text = PdfText(printed.pdf, 0, 0, PdfTextOrder::kLayout);
  for (const char* row :
       {"Household waste recycled +45\\.0% +47\\.2% +▲ On target\n",
        "Days to process benefit claims +22 +31 +▼ Off target\n",
        "Fly-tipping incidents cleared +312 +298 +341 +327 +305 +289 +276 +264\n"}) {
    EXPECT_TRUE(std::regex_search(text, std::regex(row))) << row << " is not in:\n" << text;
  }
}

TEST(PdfTest, PrintsALinksWordsWithoutItsAddress) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  std::string text = PdfText(printed.pdf);
  EXPECT_NE(text.find("the council's performance pages"), std::string::npos) << text;
  EXPECT_EQ(text.find("https://www.anytown.example"), std::string::npos) << text;
}

// The wide section's page is A4 landscape (the named page `wide`); every other page A4 portrait.
TEST(PdfTest, PrintsTheWideSectionOnALandscapePage) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  int pages = PdfPages(printed.pdf);
  ASSERT_GE(pages, 2);
  for (int page = 1; page <= pages; ++page) {
    bool wide = PdfText(printed.pdf, page, page).find("Fly-tipping") != std::string::npos;
    EXPECT_EQ(wide, page == pages) << "page " << page << " of " << pages;
    PdfPageSize size = PdfPageSizeOf(printed.pdf, page);
    EXPECT_EQ(size.landscape(), wide) << "page " << page;
    EXPECT_NEAR(std::max(size.width, size.height), 841.9, 1) << "page " << page;
    EXPECT_NEAR(std::min(size.width, size.height), 595.0, 1) << "page " << page;
  }
}

TEST(PdfTest, NumbersEveryPageOfAllInTheMargin) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  int pages = PdfPages(printed.pdf);
  for (int page = 1; page <= pages; ++page) {
    std::string number = "Page " + std::to_string(page) + " of " + std::to_string(pages);
    EXPECT_NE(PdfText(printed.pdf, page, page).find(number), std::string::npos) << number;
  }
}

// Headings become the PDF's bookmarks (--generate-pdf-document-outline).
TEST(PdfTest, HasAnOutlineOfItsHeadings) {
  SCORECARD_NEEDS_PDF_TOOLS();
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  std::string pdf = ReadFile(printed.pdf);
  EXPECT_NE(pdf.find("/Outlines"), std::string::npos);
  EXPECT_NE(pdf.find("/StructTreeRoot"), std::string::npos);
}

// A status cell's colour, and a heat map cell's, is printed: each fills its cell.
TEST(PdfTest, PrintsTheStatusColours) {
  SCORECARD_NEEDS_PDF_TOOLS();
  if (::access("/usr/bin/pdftoppm", X_OK) != 0) GTEST_FAIL() << "no /usr/bin/pdftoppm";
  const Printed& printed = PrintedFixture();
  ASSERT_PRINTED(printed);
  auto run =
      RunProgram({"/usr/bin/pdftoppm", "-f", "1", "-l", "1", "-r", "36", printed.pdf.string()},
                 std::chrono::seconds(60));
  ASSERT_TRUE(run && run->ok());
  // A binary PPM: "P6\n<width> <height>\n255\n" then RGB.
  std::istringstream in(run->out);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  ASSERT_EQ(magic, "P6");
  std::string pixels = run->out.substr(static_cast<size_t>(in.tellg()));
  ASSERT_EQ(pixels.size(), static_cast<size_t>(width) * height * 3);
  auto count = [&](unsigned char r, unsigned char g, unsigned char b) {
    int n = 0;
    for (size_t i = 0; i + 2 < pixels.size(); i += 3) {
      n += static_cast<unsigned char>(pixels[i]) == r &&
           static_cast<unsigned char>(pixels[i + 1]) == g &&
           static_cast<unsigned char>(pixels[i + 2]) == b;
    }
    return n;
  };
  EXPECT_GT(count(0x00, 0x70, 0x3c), 50) << "green (#00703c)";
  EXPECT_GT(count(0xff, 0xdd, 0x00), 50) << "yellow (#ffdd00)";
  EXPECT_GT(count(0xaa, 0x2a, 0x16), 50) << "red (#aa2a16)";
}

// 45 rows run onto a second page, which repeats the table's header; no row is lost or doubled.
// The file's name has a space and a "#", which the file: URL must encode.
TEST(PdfTest, PrintsALongTableOnTwoPagesWithItsHeaderOnEach) {
  SCORECARD_NEEDS_PDF_TOOLS();
  std::string rows;
  for (int i = 1; i <= 45; ++i) {
    rows += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">Row " +
            std::to_string(i) + " of the table</th><td class=\"govuk-table__cell\">" +
            std::to_string(i * 7) + " units</td></tr>\n";
  }
  std::string html = ReportFixture("long_table.html");
  html.replace(html.find("<!-- rows -->"), 13, rows);
  Scratch scratch;
  WriteTextFile(scratch / "long table #2.html", html);
  Result<void> r = PrintPdf(scratch / "long table #2.html", scratch / "long.pdf");
  ASSERT_TRUE(r) << FailureWords(r);
  ASSERT_EQ(PdfPages(scratch / "long.pdf"), 2);
  std::string first = PdfText(scratch / "long.pdf", 1, 1);
  std::string second = PdfText(scratch / "long.pdf", 2, 2);
  EXPECT_NE(first.find("Page 1 of 2"), std::string::npos) << first;
  EXPECT_NE(second.find("Page 2 of 2"), std::string::npos) << second;
  EXPECT_NE(first.find("Indicator"), std::string::npos) << first;
  EXPECT_NE(second.find("Indicator"), std::string::npos) << "the header is not repeated:\n"
                                                         << second;
  for (int i = 1; i <= 45; ++i) {
    std::string row = "Row " + std::to_string(i) + " of the table";
    int seen = (first.find(row + "\n") != std::string::npos) +
               (second.find(row + "\n") != std::string::npos);
    EXPECT_EQ(seen, 1) << row;
  }
}

TEST(PdfTest, FailsClearlyWhenChromiumIsMissing) {
  Scratch scratch;
  WriteTextFile(scratch / "r.html", "<p>hello</p>");
  PdfOptions options;
  options.chromium = scratch / "no-chromium";
  Result<void> r = PrintPdf(scratch / "r.html", scratch / "r.pdf", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, Failure::Kind::kUnavailable);
  const Issue& issue = r.error().issues.at(0);
  EXPECT_EQ(issue.code, "report.pdf-no-chromium");
  EXPECT_EQ(issue.message,
            "cannot print the PDF: there is no Chromium at " + options.chromium.string());
  EXPECT_FALSE(fs::exists(scratch / "r.pdf"));
}

TEST(PdfTest, FailsClearlyWhenTheHtmlIsMissing) {
  Scratch scratch;
  Result<void> r = PrintPdf(scratch / "none.html", scratch / "r.pdf");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, Failure::Kind::kNotFound);
  EXPECT_EQ(r.error().issues.at(0).ToString(),
            (scratch / "none.html").string() +
                ": cannot print this file as a PDF: there is no such file");
}

// The stand-in writes a PDF where it is told to and notes what it was given, so that the path,
// the profile's removal and the file's move into place are seen.
TEST(PdfTest, WritesWhatChromiumPrintsAndRemovesItsProfile) {
  Scratch scratch;
  WriteTextFile(scratch / "r.html", "<p>hello</p>");
  PdfOptions options;
  options.chromium =
      FakeChromium(scratch, "printf '%s\\n' \"$@\" > '" + (scratch / "args").string() +
                                "'\n"
                                "for a; do case \"$a\" in --print-to-pdf=*) "
                                "printf '%%PDF-1.4 stand-in' > \"${a#*=}\";; "
                                "esac; done\n");
  Result<void> r = PrintPdf(scratch / "r.html", scratch / "r.pdf", options);
  ASSERT_TRUE(r) << FailureWords(r);
  EXPECT_EQ(ReadFile(scratch / "r.pdf"), "%PDF-1.4 stand-in");
  std::istringstream args(ReadFile(scratch / "args"));
  std::vector<std::string> given;
  for (std::string line; std::getline(args, line);) given.push_back(line);
  ASSERT_EQ(given.size(), 12u);
  EXPECT_EQ(given.back(), "file://" + (scratch / "r.html").string());  // nothing to encode
  ASSERT_TRUE(given[9].starts_with("--user-data-dir="));
  fs::path profile = given[9].substr(given[9].find('=') + 1);
  EXPECT_FALSE(fs::exists(profile)) << profile << " was left behind";
  EXPECT_FALSE(fs::exists(profile.parent_path())) << profile.parent_path() << " was left behind";
}

TEST(PdfTest, SaysWhatChromiumSaidWhenItFails) {
  Scratch scratch;
  WriteTextFile(scratch / "r.html", "<p>hello</p>");
  WriteTextFile(scratch / "r.pdf", "the previous PDF");
  PdfOptions options;
  options.chromium = FakeChromium(scratch,
                                  "echo '[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus' "
                                  ">&2\necho 'cannot open the page' >&2\nexit 3\n");
  Result<void> r = PrintPdf(scratch / "r.html", scratch / "r.pdf", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, Failure::Kind::kInternal);
  EXPECT_EQ(r.error().issues.at(0).message,
            "Chromium failed to print the PDF (exit status 3): cannot open the page");
  EXPECT_EQ(ReadFile(scratch / "r.pdf"), "the previous PDF");
}

TEST(PdfTest, FailsWhenChromiumFinishesWithoutAPdf) {
  Scratch scratch;
  WriteTextFile(scratch / "r.html", "<p>hello</p>");
  PdfOptions options;
  options.chromium = FakeChromium(scratch, "exit 0\n");
  Result<void> r = PrintPdf(scratch / "r.html", scratch / "r.pdf", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().issues.at(0).message,
            "Chromium finished without printing a PDF: it said nothing");
  EXPECT_FALSE(fs::exists(scratch / "r.pdf"));
}

// A Chromium that hangs is stopped at the timeout with the processes it started.
TEST(PdfTest, StopsChromiumAndWhatItStartedAtTheTimeout) {
  Scratch scratch;
  WriteTextFile(scratch / "r.html", "<p>hello</p>");
  PdfOptions options;
  options.chromium =
      FakeChromium(scratch, "sleep 60 &\necho $! > '" + (scratch / "child").string() + "'\nwait\n");
  options.timeout = std::chrono::milliseconds(500);
  auto start = std::chrono::steady_clock::now();
  Result<void> r = PrintPdf(scratch / "r.html", scratch / "r.pdf", options);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, Failure::Kind::kUnavailable);
  EXPECT_EQ(r.error().issues.at(0).message,
            "Chromium had not printed the PDF after 0.5 seconds, so it was stopped");
  EXPECT_LT(took, std::chrono::seconds(10));
  std::string child = ReadFile(scratch / "child");
  ASSERT_FALSE(child.empty());
  // Gone, or a zombie waiting for init to reap it, once the kill has landed.
  const std::string proc = "/proc/" + child.substr(0, child.find('\n')) + "/stat";
  std::string stat = ReadFile(proc);
  for (int i = 0; i < 100 && !stat.empty() && stat.find(") Z ") == std::string::npos; ++i) {
    ::usleep(20'000);
    stat = ReadFile(proc);
  }
  EXPECT_TRUE(stat.empty() || stat.find(") Z ") != std::string::npos) << stat;
}

}  // namespace
}  // namespace scorecard
