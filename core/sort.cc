#include "core/sort.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>

#include "core/simd.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace wirefeed {
namespace detail {

// A counting pass into about one bucket per value, then an insertion sort that only moves values
// within their bucket. Linear where std::sort's comparisons took 11% of the fingerprint stage
// (perf, bench corpus). Buckets are monotonic in the value, so the result is exactly sorted
// whatever the distribution; an uneven one only makes the insertion sort slower.
namespace {

template <bool kUnique>
void sort_portable(std::vector<uint32_t>& v, uint32_t max) {
  const size_t n = v.size();
  if (n < 32) {
    std::sort(v.begin(), v.end());
    if constexpr (kUnique) v.erase(std::unique(v.begin(), v.end()), v.end());
    return;
  }
  thread_local std::vector<uint32_t> counts;
  thread_local std::vector<uint32_t> out;
  const size_t nb = std::min<size_t>(std::bit_ceil(n), 1 << 14);
  // bucket(x) = floor(x * mult / 2^32) < nb for x <= max, and non-decreasing in x.
  const uint64_t mult = (static_cast<uint64_t>(nb) << 32) / (static_cast<uint64_t>(max) + 1);
  const auto bucket = [mult](uint32_t x) { return static_cast<size_t>((x * mult) >> 32); };
  counts.assign(nb + 1, 0);
  for (uint32_t x : v) ++counts[bucket(x) + 1];
  for (size_t b = 1; b <= nb; ++b) counts[b] += counts[b - 1];
  out.resize(n);
  for (uint32_t x : v) out[counts[bucket(x)]++] = x;
  for (size_t i = 1; i < n; ++i) {
    const uint32_t x = out[i];
    size_t j = i;
    while (j > 0 && out[j - 1] > x) {
      out[j] = out[j - 1];
      --j;
    }
    out[j] = x;
  }
  if constexpr (kUnique) {
    size_t w = 0;
    for (size_t i = 0; i < n; ++i) {
      if (w == 0 || out[i] != v[w - 1]) v[w++] = out[i];
    }
    v.resize(w);
  } else {
    std::copy(out.begin(), out.end(), v.begin());
  }
}

}  // namespace

void sort_unique_hashes_portable(std::vector<uint32_t>& v, uint32_t max) {
  sort_portable<true>(v, max);
}

void sort_hashes_portable(std::vector<uint32_t>& v, uint32_t max) { sort_portable<false>(v, max); }

#if defined(__x86_64__)
// GCC 12 warns that the AVX-512 intrinsics' own "undefined" pass-through operand is uninitialised
// (it is, on purpose: every lane is written).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
namespace {

#define WIREFEED_AVX512 __attribute__((target("avx512f,avx512bw,bmi,bmi2")))

// Blend masks of the compare-exchange stages inside one 16-lane register. Stage (k, j) of a
// bitonic sort pairs element i with i ^ j; i keeps the larger of the two when (i & j) != 0 in a
// block sorted ascending, the smaller in one sorted descending, and a block of k elements is
// descending when (i & k) != 0.
struct LaneMasks {
  std::array<std::array<uint16_t, 4>, 4> within{};  // [log2 j][log2 k], k < 16: i's own bit k
  std::array<uint16_t, 4> ascending{};              // [log2 j], k >= 16: the register's direction
  constexpr LaneMasks() {
    for (unsigned lj = 0; lj < 4; ++lj) {
      const unsigned j = 1u << lj;
      for (unsigned i = 0; i < 16; ++i) {
        if ((i & j) != 0) ascending[lj] |= static_cast<uint16_t>(1u << i);
      }
      for (unsigned lk = 1; lk < 4; ++lk) {
        const unsigned k = 1u << lk;
        for (unsigned i = 0; i < 16; ++i) {
          if (((i & j) != 0) != ((i & k) != 0)) within[lj][lk] |= static_cast<uint16_t>(1u << i);
        }
      }
    }
  }
};
constexpr LaneMasks kLaneMasks;

// Sorts v[0..n), n <= 16 * R, in R registers (the rest padded with the largest value, which sorts
// last; only the first n sorted values are read back), and with kUnique drops repeats. Returns
// the new size. All loops run over compile-time bounds, so the network unrolls and the registers
// stay registers.
template <size_t R, bool kUnique>
WIREFEED_AVX512 size_t bitonic_sort(uint32_t* v, size_t n) {
  __m512i r[R];
  const __m512i pad = _mm512_set1_epi32(-1);
  for (size_t a = 0; a < R; ++a) {
    const size_t have = n > a * 16 ? std::min<size_t>(16, n - a * 16) : 0;
    r[a] = _mm512_mask_loadu_epi32(pad, static_cast<__mmask16>((1u << have) - 1), v + a * 16);
  }
  const __m512i lane = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
#pragma GCC unroll 8
  for (size_t k = 2, lk = 1; k <= R * 16; k <<= 1, ++lk) {
#pragma GCC unroll 8
    for (size_t j = k / 2, lj = lk - 1; j >= 1; j /= 2, --lj) {
      if (j >= 16) {  // between registers a and a ^ (j / 16)
#pragma GCC unroll 16
        for (size_t a = 0; a < R; ++a) {
          const size_t b = a ^ (j / 16);
          if (b < a) continue;
          const __m512i lo = _mm512_min_epu32(r[a], r[b]);
          const __m512i hi = _mm512_max_epu32(r[a], r[b]);
          const bool descending = ((a * 16) & k) != 0;
          r[a] = descending ? hi : lo;
          r[b] = descending ? lo : hi;
        }
      } else {  // within each register
        const __m512i partner = _mm512_xor_si512(lane, _mm512_set1_epi32(static_cast<int>(j)));
#pragma GCC unroll 16
        for (size_t a = 0; a < R; ++a) {
          __mmask16 take_max;
          if (k < 16) {
            take_max = kLaneMasks.within[lj][lk];
          } else {
            const bool descending = ((a * 16) & k) != 0;
            take_max = descending ? static_cast<__mmask16>(~kLaneMasks.ascending[lj])
                                  : kLaneMasks.ascending[lj];
          }
          const __m512i p = _mm512_permutexvar_epi32(partner, r[a]);
          r[a] = _mm512_mask_blend_epi32(take_max, _mm512_min_epu32(r[a], p),
                                         _mm512_max_epu32(r[a], p));
        }
      }
    }
  }
  if constexpr (!kUnique) {
    for (size_t a = 0; a < R && a * 16 < n; ++a) {
      const size_t have = std::min<size_t>(16, n - a * 16);
      _mm512_mask_storeu_epi32(v + a * 16, static_cast<__mmask16>((1u << have) - 1), r[a]);
    }
    return n;
  }
  // A value is kept when it differs from the one before it (the first always).
  const __m512i previous =
      _mm512_set_epi32(30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16,
                       15);  // lane i: i - 1, lane 0: the last register's 15
  __m512i last = _mm512_setzero_si512();
  size_t w = 0;
  for (size_t a = 0; a < R && a * 16 < n; ++a) {
    const __m512i prev = _mm512_permutex2var_epi32(last, previous, r[a]);
    const size_t have = std::min<size_t>(16, n - a * 16);
    auto keep = static_cast<__mmask16>(_mm512_cmpneq_epu32_mask(r[a], prev) & ((1u << have) - 1));
    if (a == 0) keep |= 1;
    _mm512_mask_compressstoreu_epi32(v + w, keep, r[a]);
    w += static_cast<size_t>(std::popcount(static_cast<unsigned>(keep)));
    last = r[a];
  }
  return w;
}

}  // namespace
#endif

namespace {

template <bool kUnique>
bool sort_avx512(std::vector<uint32_t>& v) {
#if defined(__x86_64__)
  if (!avx512_enabled()) return false;
  const size_t n = v.size();
  size_t w = n;
  if (n < 2) {
    return true;
  } else if (n <= 16) {
    w = bitonic_sort<1, kUnique>(v.data(), n);
  } else if (n <= 32) {
    w = bitonic_sort<2, kUnique>(v.data(), n);
  } else if (n <= 64) {
    w = bitonic_sort<4, kUnique>(v.data(), n);
  } else if (n <= 128) {
    w = bitonic_sort<8, kUnique>(v.data(), n);
  } else if (n <= 256) {
    w = bitonic_sort<16, kUnique>(v.data(), n);
  } else {
    return false;
  }
  v.resize(w);
  return true;
#else
  (void)v;
  return false;
#endif
}

}  // namespace

bool sort_unique_hashes_avx512(std::vector<uint32_t>& v) { return sort_avx512<true>(v); }

bool sort_hashes_avx512(std::vector<uint32_t>& v) { return sort_avx512<false>(v); }
#if defined(__x86_64__)
#pragma GCC diagnostic pop
#endif

}  // namespace detail

void sort_unique_hashes(std::vector<uint32_t>& v, uint32_t max) {
  if (!detail::sort_unique_hashes_avx512(v)) detail::sort_unique_hashes_portable(v, max);
}

void sort_hashes(std::vector<uint32_t>& v, uint32_t max) {
  if (!detail::sort_hashes_avx512(v)) detail::sort_hashes_portable(v, max);
}

}  // namespace wirefeed
