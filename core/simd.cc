#include "core/simd.h"

#include <atomic>

namespace wirefeed {
namespace {

std::atomic<bool> g_switched_on{true};
std::atomic<bool> g_icl_switched_on{true};

}  // namespace

bool avx512_available() {
#if defined(__x86_64__)
  // Exactly the target of the paths that use it (normalize.cc's block_words(), sort.cc's
  // bitonic_sort_unique()).
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                          __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
  return has;
#else
  return false;
#endif
}

bool avx512_enabled() {
  return avx512_available() && g_switched_on.load(std::memory_order_relaxed);
}

void set_avx512_enabled(bool on) { g_switched_on.store(on, std::memory_order_relaxed); }

bool avx512_icl_available() {
#if defined(__x86_64__)
  // The targets of normalize.cc's lane_hash_words() and dedup.cc's lane_shingles().
  static const bool has = avx512_available() && __builtin_cpu_supports("avx512dq") &&
                          __builtin_cpu_supports("avx512vl") &&
                          __builtin_cpu_supports("avx512vbmi") &&
                          __builtin_cpu_supports("avx512vbmi2");
  return has;
#else
  return false;
#endif
}

bool avx512_icl_enabled() {
  return avx512_enabled() && avx512_icl_available() &&
         g_icl_switched_on.load(std::memory_order_relaxed);
}

void set_avx512_icl_enabled(bool on) { g_icl_switched_on.store(on, std::memory_order_relaxed); }

}  // namespace wirefeed
