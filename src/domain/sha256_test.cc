#include "domain/sha256.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace scorecard {
namespace {

// The examples of FIPS 180-4 (NIST's "SHA256.pdf" and the long-message vector).
TEST(Sha256Test, GivesTheStandardsExampleDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, GivesTheSameDigestWhateverPiecesTheBytesComeIn) {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += static_cast<char>(i * 7);  // every byte, NULs too
  std::string whole = Sha256Hex(message);
  // Pieces that straddle the 64-byte blocks and the 55/56-byte padding boundary.
  for (size_t piece : {1, 3, 55, 56, 63, 64, 65, 200}) {
    Sha256 hash;
    for (size_t at = 0; at < message.size(); at += piece) {
      hash.Update(std::string_view(message).substr(at, piece));
    }
    std::string hex;
    for (uint8_t b : hash.Finish()) hex += fmt::format("{:02x}", b);
    EXPECT_EQ(hex, whole) << "in pieces of " << piece;
  }
}

}  // namespace
}  // namespace scorecard
