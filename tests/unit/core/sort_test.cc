#include "core/sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "core/simd.h"

namespace wirefeed {
namespace {

std::vector<uint32_t> reference(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Inputs of every size the two paths treat differently (the register counts 1..16, the edges
// between them, beyond 256), with few and many repeats, the extreme values (the largest is the
// in-register sort's padding) and values bunched under a cutoff or not.
std::vector<std::vector<uint32_t>> inputs() {
  std::mt19937 rng(20261201);
  std::vector<std::vector<uint32_t>> out;
  for (size_t n = 0; n <= 300; ++n) {
    for (uint32_t range : {3u, 1000u, std::numeric_limits<uint32_t>::max()}) {
      std::vector<uint32_t> v(n);
      for (uint32_t& x : v) {
        const uint32_t r = static_cast<uint32_t>(rng());
        x = range == std::numeric_limits<uint32_t>::max() ? r : r % range;
        if (r % 17 == 0) x = std::numeric_limits<uint32_t>::max();
        if (r % 19 == 0) x = 0;
      }
      out.push_back(std::move(v));
    }
  }
  out.push_back(std::vector<uint32_t>(200, std::numeric_limits<uint32_t>::max()));
  out.push_back(std::vector<uint32_t>(129, 7));
  return out;
}

TEST(SortUniqueHashes, PortablePathSortsAndDropsRepeats) {
  for (const auto& in : inputs()) {
    std::vector<uint32_t> v = in;
    detail::sort_unique_hashes_portable(v, std::numeric_limits<uint32_t>::max());
    ASSERT_EQ(v, reference(in)) << "size " << in.size();
  }
}

TEST(SortUniqueHashes, PortablePathSortsValuesBunchedFarBelowTheirBound) {
  // `max` is the values' bound and the spread expected; values bunched far below it (all in the
  // first bucket) must still come out sorted.
  std::vector<uint32_t> v = {5,  3,  9,  3,  1,  8,  2,  2,  7,  6,  4,  0,
                             11, 10, 13, 12, 15, 14, 17, 16, 19, 18, 21, 20,
                             23, 22, 25, 24, 27, 26, 29, 28, 31, 30, 33, 32};
  const auto want = reference(v);
  detail::sort_unique_hashes_portable(v, std::numeric_limits<uint32_t>::max() / 2);
  EXPECT_EQ(v, want);
}

TEST(SortUniqueHashes, InRegisterPathGivesThePortableResult) {
  if (!avx512_available()) GTEST_SKIP() << "this CPU has no AVX-512";
  for (const auto& in : inputs()) {
    std::vector<uint32_t> v = in;
    const bool took = detail::sort_unique_hashes_avx512(v);
    ASSERT_EQ(took, in.size() <= 256) << "size " << in.size();
    if (took) {
      ASSERT_EQ(v, reference(in)) << "size " << in.size();
    } else {
      ASSERT_EQ(v, in) << "left unchanged, size " << in.size();
    }
  }
}

TEST(SortUniqueHashes, InRegisterPathIsOffWhenSwitchedOff) {
  set_avx512_enabled(false);
  std::vector<uint32_t> v = {3, 1, 2};
  EXPECT_FALSE(detail::sort_unique_hashes_avx512(v));
  EXPECT_EQ(v, (std::vector<uint32_t>{3, 1, 2}));
  sort_unique_hashes(v, std::numeric_limits<uint32_t>::max());
  EXPECT_EQ(v, (std::vector<uint32_t>{1, 2, 3}));
  set_avx512_enabled(true);
}

TEST(SortUniqueHashes, DoesNotAllocateWithinCapacity) {
  // The per-story path reuses its vectors: resize() down never reallocates.
  std::vector<uint32_t> v(256);
  std::iota(v.begin(), v.end(), 0u);
  std::reverse(v.begin(), v.end());
  const uint32_t* data = v.data();
  sort_unique_hashes(v, std::numeric_limits<uint32_t>::max());
  EXPECT_EQ(v.data(), data);
  EXPECT_EQ(v.size(), 256u);
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
}

// sort_hashes() keeps repeats (the dedup index counts them): both paths give std::sort's order.
TEST(SortHashes, BothPathsSortAndKeepRepeats) {
  for (const auto& in : inputs()) {
    std::vector<uint32_t> want = in;
    std::sort(want.begin(), want.end());
    std::vector<uint32_t> portable = in;
    detail::sort_hashes_portable(portable, std::numeric_limits<uint32_t>::max());
    ASSERT_EQ(portable, want) << "size " << in.size();
    std::vector<uint32_t> v = in;
    sort_hashes(v, std::numeric_limits<uint32_t>::max());
    ASSERT_EQ(v, want) << "size " << in.size();
    if (avx512_available()) {
      std::vector<uint32_t> r = in;
      const bool took = detail::sort_hashes_avx512(r);
      ASSERT_EQ(took, in.size() <= 256) << "size " << in.size();
      ASSERT_EQ(r, took ? want : in) << "size " << in.size();
    }
  }
}

TEST(SortHashes, PortablePathSortsAgesBunchedAtTheLowEnd) {
  // The dedup index sorts candidate ages against the window's size: mostly recent stories.
  std::vector<uint32_t> v;
  for (uint32_t i = 0; i < 200; ++i) v.push_back((i * 7919u) % 40u);
  std::vector<uint32_t> want = v;
  std::sort(want.begin(), want.end());
  detail::sort_hashes_portable(v, 999999);
  EXPECT_EQ(v, want);
}

}  // namespace
}  // namespace wirefeed
