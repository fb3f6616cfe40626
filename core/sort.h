#pragma once
// Sorting the small arrays of 32-bit values that every story makes (its fingerprint's shingle
// sample, ~128 values, and its key tokens, ~60: ~5% of the per-story CPU before 2026-12-01; the
// dedup index's candidate hits, 17-64 for most stories, as ages in the window).

#include <cstdint>
#include <vector>

namespace wirefeed {

// Sorts `v` ascending and drops repeats. Every value must be at most `max`, and they are expected
// to be spread evenly over [0, max] (hashes, or hashes below a cutoff): the portable path buckets
// by it (a value above it would index past the buckets). An uneven spread gives the same result,
// only the portable path is slower. With
// AVX-512 (core/simd.h), up to 256 values are sorted in registers by a bitonic network. Never
// allocates when `v` holds at most 256 values.
void sort_unique_hashes(std::vector<uint32_t>& v, uint32_t max);

// The same, repeats kept (the dedup index counts them: how many of a story's probes found each
// candidate).
void sort_hashes(std::vector<uint32_t>& v, uint32_t max);

namespace detail {
// The two paths, for the tests that compare them.
void sort_unique_hashes_portable(std::vector<uint32_t>& v, uint32_t max);
// false when the CPU has no AVX-512 or v holds over 256 values (v is then unchanged).
bool sort_unique_hashes_avx512(std::vector<uint32_t>& v);
void sort_hashes_portable(std::vector<uint32_t>& v, uint32_t max);
bool sort_hashes_avx512(std::vector<uint32_t>& v);
}  // namespace detail

}  // namespace wirefeed
