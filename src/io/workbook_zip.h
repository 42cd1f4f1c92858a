#pragma once
// The zip archive inside an .xlsx workbook, read from memory part by part. Every part read counts
// against one budget of uncompressed bytes, so a small file cannot expand without bound.

#include <cstddef>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct zip;  // libzip's zip_t, kept out of this header

namespace scorecard {

class ZipArchive {
 public:
  // Fails with the reason when `bytes` is not a zip archive. REQUIRES: `bytes` outlives the
  // archive.
  static std::expected<ZipArchive, std::string> Open(std::string_view bytes, size_t budget);

  // The part's bytes, nullopt if the archive has no such part (names compare without case, as
  // in OPC). Fails with the reason when the part is damaged or the budget is spent.
  std::expected<std::optional<std::string>, std::string> Read(std::string_view name);
  // True once a Read failed because the budget was spent.
  bool over_budget() const { return over_budget_; }

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipArchive(zip* archive, size_t budget) : archive_(archive), budget_(budget) {}

  std::unique_ptr<zip, Closer> archive_;
  size_t budget_;  // uncompressed bytes still allowed
  bool over_budget_ = false;
};

enum class ZipCompression { kDeflate, kStore };

// Packs (name, bytes) parts, in order, into a zip archive. For tests and fuzzing: storing the
// parts uncompressed spares the fuzzer zlib's setting up for every part of every input.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& parts,
                    ZipCompression compression = ZipCompression::kDeflate);

}  // namespace scorecard
