#include "io/workbook_zip.h"

#include <fmt/format.h>
#include <zip.h>

#include <stdexcept>

namespace scorecard {
namespace {

std::string ErrorText(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

std::expected<ZipArchive, std::string> ZipArchive::Open(std::string_view bytes, size_t budget) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return std::unexpected(ErrorText(&error));
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    return std::unexpected(ErrorText(&error));
  }
  zip_error_fini(&error);
  return ZipArchive(archive, budget);
}

std::expected<std::optional<std::string>, std::string> ZipArchive::Read(std::string_view name) {
  zip_int64_t index = zip_name_locate(archive_.get(), std::string(name).c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_file_t* file = zip_fopen_index(archive_.get(), index, 0);
  if (file == nullptr) return std::unexpected(zip_strerror(archive_.get()));
  // The sizes in the archive's directory are claims, so count what actually comes out.
  std::string out;
  char chunk[64 * 1024];
  zip_int64_t n;
  while ((n = zip_fread(file, chunk, sizeof chunk)) > 0) {
    if (static_cast<size_t>(n) > budget_) {
      zip_fclose(file);
      over_budget_ = true;
      return std::unexpected("larger than the budget for uncompressed bytes");
    }
    budget_ -= static_cast<size_t>(n);
    out.append(chunk, static_cast<size_t>(n));
  }
  std::string failure = n < 0 ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (n < 0) return std::unexpected(failure);
  return out;
}

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& parts,
                    ZipCompression compression) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("MakeZip: " + ErrorText(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    throw std::runtime_error("MakeZip: " + ErrorText(&error));
  }
  zip_error_fini(&error);
  zip_source_keep(buffer);  // to read the archive back after closing it
  auto fail = [&](std::string reason) {
    zip_discard(archive);
    zip_source_free(buffer);
    throw std::runtime_error("MakeZip: " + reason);
  };
  for (const auto& [name, bytes] : parts) {
    zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (part == nullptr) fail(zip_strerror(archive));
    zip_int64_t index =
        zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(part);
      fail(zip_strerror(archive));
    }
    if (compression == ZipCompression::kStore &&
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) < 0) {
      fail(zip_strerror(archive));
    }
  }
  if (zip_close(archive) < 0) fail(zip_strerror(archive));
  std::string out;
  if (zip_source_open(buffer) == 0) {
    char chunk[64 * 1024];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) {
      out.append(chunk, static_cast<size_t>(n));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

}  // namespace scorecard
