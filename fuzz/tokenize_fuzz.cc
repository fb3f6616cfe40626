// Differential fuzzing of tokenize(): its AVX-512 block path (core/simd.h) and its portable 8-byte
// path must give the same tokens, key tokens and exact-text hash for any bytes. On a CPU without
// AVX-512 both calls take the portable path and the check is trivially true.
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

void run(std::string_view text, bool avx512, Tokens& out) {
  wirefeed::set_avx512_enabled(avx512);
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
  static Tokens block;
  static Tokens portable;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  run(text, true, block);
  run(text, false, portable);
  wirefeed::set_avx512_enabled(true);
  if (block.tokens != portable.tokens || block.keys != portable.keys ||
      block.full_hash != portable.full_hash) {
    std::fprintf(stderr, "tokenize: the AVX-512 and portable paths differ (%zu/%zu tokens)\n",
                 block.tokens.size(), portable.tokens.size());
    std::abort();
  }
  return 0;
}
