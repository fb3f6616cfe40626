// Differential fuzzing of tokenize(): its AVX-512 block path (core/simd.h), with the words hashed
// in vector lanes (Ice Lake's extensions) and one at a time, and its portable 8-byte path must give
// the same tokens, key tokens and exact-text hash for any bytes. On a CPU without AVX-512 (or
// without the extensions) those calls take the same path and the check is trivially true.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/simd.h"
#include "pipeline/normalize.h"

namespace {

struct Tokens {
  std::vector<uint64_t> tokens;
  std::vector<uint64_t> keys;
  uint64_t full_hash = 0;
};

void run(std::string_view text, bool avx512, bool lanes, Tokens& out) {
  wirefeed::set_avx512_enabled(avx512);
  wirefeed::set_avx512_icl_enabled(lanes);
  out.tokens.clear();
  out.keys.clear();
  wirefeed::tokenize(text, out.tokens, &out.keys);
  // The exact hash folds every token of headline and body in order: the same text as both.
  static wirefeed::NormalizedText norm;
  wirefeed::normalize_story(text, text, wirefeed::CreditResult{},
                            wirefeed::BoilerplatePatterns::builtin(), norm);
  out.full_hash = norm.full_hash;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Tokens lanes;
  static Tokens block;
  static Tokens portable;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  run(text, true, true, lanes);
  run(text, true, false, block);
  run(text, false, false, portable);
  wirefeed::set_avx512_enabled(true);
  wirefeed::set_avx512_icl_enabled(true);
  const auto same = [](const Tokens& a, const Tokens& b) {
    return a.tokens == b.tokens && a.keys == b.keys && a.full_hash == b.full_hash;
  };
  if (!same(block, portable) || !same(lanes, portable)) {
    std::fprintf(stderr,
                 "tokenize: the AVX-512 and portable paths differ (%zu/%zu/%zu tokens: lanes, "
                 "block, portable)\n",
                 lanes.tokens.size(), block.tokens.size(), portable.tokens.size());
    std::abort();
  }
  return 0;
}
