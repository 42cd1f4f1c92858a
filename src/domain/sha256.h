#pragma once
// SHA-256 (FIPS 180-4), for the fingerprints of published report files: a stored file whose
// bytes no longer give the fingerprint stored with it has been changed or damaged.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace scorecard {

// Hashes bytes given in pieces; Finish() gives the digest of all of them.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest. REQUIRES: called once; Update is not called after it.
  std::array<uint8_t, 32> Finish();

 private:
  void Compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;  // bytes of buffer_ in use
  uint64_t length_ = 0;  // bytes hashed so far
};

// The digest of `bytes` as 64 lower-case hexadecimal digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace scorecard
