#pragma once
// Replaces the global operator new/delete with versions that count allocations (a relaxed
// increment; timed loops that do not allocate pay nothing else). Include it from exactly one
// source file of a benchmark executable; read the count with bench::allocations().

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace bench {
namespace detail {
inline std::atomic<uint64_t> g_allocs{0};

inline void* counted_alloc(std::size_t n) noexcept {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n == 0 ? 1 : n);
}
// Out of line: inlined into a static initializer, GCC 12 warns -Wmismatched-new-delete on free().
[[gnu::noinline]] inline void release(void* p) noexcept { std::free(p); }
}  // namespace detail

// Allocations through operator new since the program started.
inline uint64_t allocations() { return detail::g_allocs.load(std::memory_order_relaxed); }
}  // namespace bench

void* operator new(std::size_t n) {
  if (void* p = bench::detail::counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = bench::detail::counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return bench::detail::counted_alloc(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return bench::detail::counted_alloc(n);
}
void operator delete(void* p) noexcept { bench::detail::release(p); }
void operator delete[](void* p) noexcept { bench::detail::release(p); }
void operator delete(void* p, std::size_t) noexcept { bench::detail::release(p); }
void operator delete[](void* p, std::size_t) noexcept { bench::detail::release(p); }
