#include "reports/pdf.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "reports/program.h"

namespace scorecard {
namespace {

namespace fs = std::filesystem;

// A fresh folder for one Chromium run (its profile, the PDF it prints), removed with everything
// in it when it goes.
class ScratchFolder {
 public:
  static std::expected<ScratchFolder, std::string> Make() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) return std::unexpected(ec.message());
    std::string pattern = (base / "scorecard-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return std::unexpected(std::strerror(errno));
    return ScratchFolder(pattern);
  }
  ScratchFolder(ScratchFolder&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit ScratchFolder(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

std::unexpected<Failure> PdfFails(Failure::Kind kind, std::string_view code, const fs::path& file,
                                  IssueParams params = {}) {
  return Fails(kind, {MakeIssue(code, Place{file.string(), 0, ""}, std::move(params))});
}

// The last few lines Chromium wrote to standard error, less the complaints about D-Bus that it
// makes at every start on a machine without a desktop session.
std::string ChromiumSaid(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.find("dbus") == std::string::npos) lines.push_back(line);
  }
  if (lines.empty()) return "it said nothing";
  std::string said;
  for (size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) {
    said += (said.empty() ? "" : " / ") + lines[i];
  }
  return said;
}

std::string HowItEnded(const ProgramRun& run) {
  return run.signal != 0 ? "ended by signal " + std::to_string(run.signal)
                         : "exit status " + std::to_string(run.exit_code);
}

// True when `path` is a file that starts as a PDF does.
bool IsPdf(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) == "%PDF-";
}

// Moves the printed PDF from the scratch folder to `to`, by copying when they are on different
// file systems; a file at `to` is replaced only by a whole PDF.
std::error_code MoveInto(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec != std::errc::cross_device_link) return ec;
  fs::path part = to;
  part += ".part";
  ec.clear();
  fs::copy_file(from, part, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(part, to, ec);
  std::error_code ignored;
  if (ec) fs::remove(part, ignored);
  return ec;
}

// The file: URL of an absolute path, each byte but letters, digits, "-._~" and "/" encoded
// as %XX, so that a space, "#" or "?" in a folder's name is not read as part of the URL.
std::string FileUrl(const fs::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      url += static_cast<char>(c);
    } else {
      url += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return url;
}

}  // namespace

fs::path DefaultChromium() {
  const char* chosen = std::getenv("SCORECARD_CHROMIUM");
  return chosen != nullptr && *chosen != '\0' ? chosen : "/usr/bin/chromium";
}

std::vector<std::string> ChromiumPrintArguments(const fs::path& html, const fs::path& pdf,
                                                const fs::path& profile) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-pdf-header-footer",
          "--generate-pdf-document-outline",
          "--user-data-dir=" + profile.string(),
          "--print-to-pdf=" + pdf.string(),
          FileUrl(html)};
}

Result<void> PrintPdf(const fs::path& html, const fs::path& pdf, const PdfOptions& options) {
  std::error_code ec;
  const fs::path page = fs::absolute(html, ec);
  if (ec || !fs::is_regular_file(page, ec)) {
    return PdfFails(Failure::Kind::kNotFound, "report.pdf-no-html", html);
  }
  if (::access(options.chromium.c_str(), X_OK) != 0) {
    return PdfFails(Failure::Kind::kUnavailable, "report.pdf-no-chromium", options.chromium,
                    {{"chromium", options.chromium.string()}});
  }
  auto scratch = ScratchFolder::Make();
  if (!scratch) {
    return PdfFails(Failure::Kind::kUnavailable, "report.pdf-no-scratch", pdf,
                    {{"why", scratch.error()}});
  }
  const fs::path printed = scratch->path() / "printed.pdf";
  std::vector<std::string> argv = {options.chromium.string()};
  for (std::string& a : ChromiumPrintArguments(page, printed, scratch->path() / "profile")) {
    argv.push_back(std::move(a));
  }
  auto run = RunProgram(argv, options.timeout);
  if (!run) {
    return PdfFails(Failure::Kind::kUnavailable, "report.pdf-not-started", options.chromium,
                    {{"why", run.error()}});
  }
  if (run->timed_out) {
    auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(options.timeout);
    std::ostringstream shown;
    shown << seconds.count();
    return PdfFails(Failure::Kind::kUnavailable, "report.pdf-timeout", pdf,
                    {{"seconds", shown.str()}});
  }
  if (!run->ok()) {
    return PdfFails(Failure::Kind::kInternal, "report.pdf-chromium-failed", pdf,
                    {{"how", HowItEnded(*run)}, {"said", ChromiumSaid(run->err)}});
  }
  if (!IsPdf(printed)) {
    return PdfFails(Failure::Kind::kInternal, "report.pdf-not-printed", pdf,
                    {{"said", ChromiumSaid(run->err)}});
  }
  if (std::error_code moved = MoveInto(printed, pdf)) {
    return PdfFails(Failure::Kind::kUnavailable, "report.pdf-not-written", pdf,
                    {{"why", moved.message()}});
  }
  return {};
}

}  // namespace scorecard
