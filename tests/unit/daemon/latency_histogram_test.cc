#include "daemon/latency_histogram.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

constexpr int64_t kMs = 1'000'000;

TEST(LatencyHistogramTest, EmptyTakeIsAllZero) {
  LatencyHistogram h(50 * kMs);
  const auto s = h.take();
  EXPECT_EQ(s.count, 0u);
  EXPECT_EQ(s.over_objective, 0u);
  EXPECT_EQ(s.p50_ms, 0.0);
  EXPECT_EQ(s.p99_ms, 0.0);
}

TEST(LatencyHistogramTest, QuantilesAreBucketUpperEdgesWithinAQuarterOctave) {
  LatencyHistogram h;
  for (int i = 0; i < 98; ++i) h.record(10 * kMs);
  h.record(200 * kMs);
  h.record(200 * kMs);
  const auto s = h.take();
  EXPECT_EQ(s.count, 100u);
  // Never below the true value, at most 2^(1/4) above it.
  EXPECT_GE(s.p50_ms, 10.0);
  EXPECT_LE(s.p50_ms, 10.0 * 1.19);
  EXPECT_GE(s.p99_ms, 200.0);
  EXPECT_LE(s.p99_ms, 200.0 * 1.19);
}

TEST(LatencyHistogramTest, CountsExactlyTheRecordsOverTheObjective) {
  LatencyHistogram h(50 * kMs);
  h.record(50 * kMs);  // at the objective: not over it
  h.record(50 * kMs + 1);
  h.record(49 * kMs);
  h.record(51 * kMs);  // in the same bucket as 49 ms would be for a coarser count
  h.record(3'000 * kMs);
  const auto s = h.take();
  EXPECT_EQ(s.count, 5u);
  EXPECT_EQ(s.over_objective, 3u);
}

TEST(LatencyHistogramTest, TakeResetsBothTheBucketsAndTheCount) {
  LatencyHistogram h(1 * kMs);
  h.record(5 * kMs);
  EXPECT_EQ(h.take().over_objective, 1u);
  const auto s = h.take();
  EXPECT_EQ(s.count, 0u);
  EXPECT_EQ(s.over_objective, 0u);
}

TEST(LatencyHistogramTest, NoObjectiveCountsNothing) {
  LatencyHistogram h;
  h.record(10'000 * kMs);
  EXPECT_EQ(h.take().over_objective, 0u);
}

}  // namespace
}  // namespace wirefeed
