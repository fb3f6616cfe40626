#pragma once
// Hash finalisers shared by the stages that hash tokens and shingles.

#include <cstdint>

namespace wirefeed {

// MurmurHash3's 64-bit finaliser: every input bit affects every output bit. Its multipliers are
// named for the vector paths that compute it in 64-bit lanes.
constexpr uint64_t kFmixMul1 = 0xff51afd7ed558ccdULL;
constexpr uint64_t kFmixMul2 = 0xc4ceb9fe1a85ec53ULL;
inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= kFmixMul1;
  k ^= k >> 33;
  k *= kFmixMul2;
  k ^= k >> 33;
  return k;
}

}  // namespace wirefeed
