#include "reports/test_fixtures.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "reports/pdf.h"
#include "reports/stylesheet.h"

namespace scorecard {

std::filesystem::path ReportTestdata() {
  const char* root = std::getenv("SCORECARD_SOURCE_DIR");
  return std::filesystem::path(root != nullptr ? root : ".") / "src" / "reports" / "testdata";
}

std::string ReportFixture(std::string_view name) {
  const std::filesystem::path path = ReportTestdata() / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  std::string html = text.str();
  const std::string placeholder = "/* ReportStylesheet() */";
  size_t at = html.find(placeholder);
  if (at == std::string::npos) throw std::runtime_error(path.string() + " has no " + placeholder);
  return html.replace(at, placeholder.size(), ReportStylesheet());
}

void WriteTextFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::string MissingPdfTools() {
  std::string missing;
  for (const std::filesystem::path& tool :
       {DefaultChromium(), std::filesystem::path("/usr/bin/pdfinfo"),
        std::filesystem::path("/usr/bin/pdffonts"), std::filesystem::path("/usr/bin/pdftotext")}) {
    if (::access(tool.c_str(), X_OK) != 0) missing += (missing.empty() ? "" : ", ") + tool.string();
  }
  return missing.empty() ? "" : "missing " + missing + " (scripts/install-deps.sh installs them)";
}

bool OnCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

}  // namespace scorecard
