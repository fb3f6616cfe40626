#pragma once
// Consume -> acknowledged latency for the stats lines: log-spaced buckets (4 per power of two of
// microseconds, so a quantile is its bucket's upper edge, at most 19% above the true value) and an
// exact count of the records over a latency objective. Written by the producer's delivery-report
// thread, read and reset by the stats line; lock-free.
//
// The objective's count is exact where the quantiles are not: "p99 <= 50 ms over a span" holds
// exactly when at most 1% of the span's stories were over 50 ms, which a sum of the per-interval
// counts tells, while per-interval p99s only bound it.

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace wirefeed {

class LatencyHistogram {
 public:
  // objective_ns: a record slower than this counts in Snapshot::over_objective (0 = none counts).
  explicit LatencyHistogram(int64_t objective_ns = 0) : objective_ns_(objective_ns) {}

  struct Snapshot {
    double p50_ms = 0;  // 0 when nothing was recorded
    double p99_ms = 0;
    uint64_t count = 0;
    uint64_t over_objective = 0;
  };

  void record(int64_t ns) {
    const double us = std::max(1.0, static_cast<double>(ns) / 1000.0);
    const auto b = std::min<size_t>(kBuckets - 1, static_cast<size_t>(std::log2(us) * 4));
    buckets_[b].fetch_add(1, std::memory_order_relaxed);
    if (objective_ns_ > 0 && ns > objective_ns_) over_.fetch_add(1, std::memory_order_relaxed);
  }

  // What was recorded since the last take(), which resets it.
  Snapshot take() {
    std::array<uint64_t, kBuckets> c{};
    Snapshot s;
    for (size_t i = 0; i < kBuckets; ++i) {
      c[i] = buckets_[i].exchange(0, std::memory_order_relaxed);
      s.count += c[i];
    }
    s.over_objective = over_.exchange(0, std::memory_order_relaxed);
    if (s.count == 0) return s;
    const auto pct = [&](double p) {
      const auto target = static_cast<uint64_t>(std::ceil(p * static_cast<double>(s.count)));
      uint64_t seen = 0;
      for (size_t i = 0; i < kBuckets; ++i) {
        seen += c[i];
        if (seen >= target)
          return std::exp2(static_cast<double>(i + 1) / 4.0) / 1000.0;  // bucket's upper edge
      }
      return 0.0;
    };
    s.p50_ms = pct(0.50);
    s.p99_ms = pct(0.99);
    return s;
  }

 private:
  static constexpr size_t kBuckets = 128;
  int64_t objective_ns_;
  std::array<std::atomic<uint64_t>, kBuckets> buckets_{};
  std::atomic<uint64_t> over_{0};
};

}  // namespace wirefeed
