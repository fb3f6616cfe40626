#include "daemon/partition_aligner.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace wirefeed {
namespace {

constexpr int64_t kHour = 3600 * 1000;
constexpr int64_t kSecond = 1'000'000'000;  // ns
constexpr int64_t kIdle = 2 * kSecond;
constexpr int64_t kFirst = 30 * kSecond;
constexpr int64_t kT0 = 1'709'287'200'000;  // 2024-03-01T10:00:00Z

using TP = PartitionAligner::TopicPartition;

// End offsets as librdkafka would report them; -1 = unknown.
struct Ends {
  std::map<TP, int64_t> high;
  int64_t operator()(const TP& tp) const {
    auto it = high.find(tp);
    return it == high.end() ? -1 : it->second;
  }
};

class PartitionAlignerTest : public ::testing::Test {
 protected:
  PartitionAligner aligner_{6 * 60 * 60 * 1000, kIdle, kFirst};  // 6 h
  Ends ends_;
  int64_t now_ = 100 * kSecond;

  PartitionAligner::Decision decide() {
    return aligner_.decide(now_, [this](const TP& tp) { return ends_(tp); });
  }
};

TEST_F(PartitionAlignerTest, PausesAPartitionAheadOfTheSlowestBacklogAndResumesAtHalf) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + 7 * kHour, now_);
  PartitionAligner::Decision d = decide();
  ASSERT_EQ(d.pause.size(), 1u);
  EXPECT_EQ(d.pause[0], TP("in", 1));
  EXPECT_TRUE(d.resume.empty());
  EXPECT_EQ(d.slowest_ms, kT0);
  EXPECT_TRUE(aligner_.paused("in", 1));
  EXPECT_EQ(aligner_.pauses(), 1u);

  // Within the bound but not within half of it: stays paused.
  aligner_.observe("in", 0, 11, kT0 + 3 * kHour, now_);
  EXPECT_TRUE(decide().empty());
  aligner_.observe("in", 0, 12, kT0 + 4 * kHour, now_);
  d = decide();
  ASSERT_EQ(d.resume.size(), 1u);
  EXPECT_EQ(d.resume[0], TP("in", 1));
  EXPECT_FALSE(aligner_.paused("in", 1));
  EXPECT_EQ(aligner_.paused_count(), 0u);
}

TEST_F(PartitionAlignerTest, OneStoryDatedAYearAheadDoesNotKeepItsPartitionAhead) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + 365 * 24 * kHour, now_);  // a wrong year
  ASSERT_EQ(decide().pause.size(), 1u);
  // Paused, it delivers nothing more, so it is resumed once nothing holds it back; its next story
  // is of today again and it is not paused for the old one.
  ends_.high[{"in", 0}] = 11;
  ASSERT_EQ(decide().resume.size(), 1u);
  aligner_.observe("in", 1, 11, kT0 + kHour, now_);
  ends_.high[{"in", 0}] = 1000;
  aligner_.observe("in", 0, 11, kT0 + kHour, now_);
  EXPECT_TRUE(decide().empty());
  EXPECT_EQ(aligner_.time_ms("in", 1), kT0 + kHour);
}

TEST_F(PartitionAlignerTest, APartitionAtItsEndHoldsNothingBack) {
  // Partition 0 is old but has read everything: a live tail with an archive feed.
  ends_.high = {{{"in", 0}, 11}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + 100 * kHour, now_);
  EXPECT_TRUE(decide().empty());
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + 100 * kHour);
}

TEST_F(PartitionAlignerTest, APartitionThatStoppedDeliveringHoldsNothingBackAfterIdle) {
  // Its end may be a transaction marker it can never read, or its fetches may fail.
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + 7 * kHour, now_);
  ASSERT_EQ(decide().pause.size(), 1u);
  now_ += kIdle + 1;
  const PartitionAligner::Decision d = decide();
  ASSERT_EQ(d.resume.size(), 1u);
  EXPECT_EQ(d.resume[0], TP("in", 1));
  EXPECT_EQ(d.slowest_ms, PartitionAligner::kNoTime);
}

TEST_F(PartitionAlignerTest, UndatedStoriesNeitherHoldBackNorGetPaused) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, PartitionAligner::kNoTime, now_);
  aligner_.observe("in", 1, 10, kT0 + 7 * kHour, now_);
  EXPECT_TRUE(decide().empty());
  EXPECT_EQ(aligner_.time_ms("in", 0), PartitionAligner::kNoTime);
}

TEST_F(PartitionAlignerTest, EvictionLimitIsTheSlowestPartitionStillReading) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}, {{"in", 2}, 1000}};
  aligner_.observe("in", 0, 10, kT0 + 2 * kHour, now_);
  aligner_.observe("in", 1, 10, kT0 + 1 * kHour, now_);
  aligner_.observe("in", 2, 10, kT0 + 3 * kHour, now_);
  // Before any decision every dated partition counts.
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + 1 * kHour);
  ends_.high[{"in", 1}] = 11;  // partition 1 has read everything
  decide();
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + 2 * kHour);
  // A newer story moves its partition's time, and with it the limit.
  aligner_.observe("in", 0, 11, kT0 + 4 * kHour, now_);
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + 3 * kHour);
}

TEST_F(PartitionAlignerTest, AnAssignedPartitionNotYetReadKeepsTheOldestStory) {
  aligner_.assign("in", 0, now_);
  aligner_.assign("in", 1, now_);
  aligner_.observe("in", 1, 10, kT0 + 50 * kHour, now_);
  aligner_.observe("in", 1, 11, kT0 + 60 * kHour, now_);
  // Partition 0's first story may be older than anything seen: nothing newer than the oldest
  // story may push the window.
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + 50 * kHour);
  // Slower to start than a delivering partition may be idle: the group join and the first fetch.
  EXPECT_EQ(aligner_.eviction_limit(now_ + kIdle + 1), kT0 + 50 * kHour);
  // Once it has said nothing for the first-delivery time it no longer counts.
  EXPECT_EQ(aligner_.eviction_limit(now_ + kFirst + 1), kT0 + 60 * kHour);
}

// The order a backlog start gave on the real broker: the small partition is read to its end
// before the large one delivers anything, and a decision falls in between.
TEST_F(PartitionAlignerTest, APartitionThatDeliversAfterADecisionHoldsAtOnce) {
  aligner_.assign("in", 0, now_);
  aligner_.assign("in", 1, now_);
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 21}};
  for (int i = 0; i < 21; ++i) aligner_.observe("in", 1, i, kT0 + i * 24 * kHour, now_);
  EXPECT_TRUE(decide().empty());  // partition 0 has no story time yet: nothing to align to
  aligner_.observe("in", 0, 0, kT0 + kHour, now_);
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + kHour);
  const PartitionAligner::Decision d = decide();
  ASSERT_EQ(d.pause.size(), 1u);
  EXPECT_EQ(d.pause[0], TP("in", 1));
  EXPECT_EQ(aligner_.eviction_limit(now_), kT0 + kHour);
}

TEST_F(PartitionAlignerTest, NothingHeldOnALiveTail) {
  ends_.high = {{{"in", 0}, 11}, {{"in", 1}, 11}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + kHour, now_);
  decide();
  EXPECT_EQ(aligner_.eviction_limit(now_), PartitionAligner::kNoLimit);
}

TEST_F(PartitionAlignerTest, ForgottenPartitionsAndClearLetGo) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, kT0, now_);
  aligner_.observe("in", 1, 10, kT0 + 7 * kHour, now_);
  ASSERT_EQ(decide().pause.size(), 1u);
  aligner_.forget("in", 0);  // revoked: it no longer holds partition 1 back
  const PartitionAligner::Decision d = decide();
  ASSERT_EQ(d.resume.size(), 1u);
  aligner_.clear();
  EXPECT_EQ(aligner_.paused_count(), 0u);
  EXPECT_EQ(aligner_.time_ms("in", 1), PartitionAligner::kNoTime);
  EXPECT_EQ(aligner_.eviction_limit(now_), PartitionAligner::kNoLimit);
}

TEST(PartitionAlignerOff, ZeroBoundNeverPausesOrLimits) {
  PartitionAligner aligner(0, kIdle, kFirst);
  EXPECT_FALSE(aligner.enabled());
  aligner.observe("in", 0, 10, kT0, 0);
  aligner.observe("in", 1, 10, kT0 + 1000 * kHour, 0);
  EXPECT_TRUE(aligner.decide(0, [](const TP&) { return int64_t{1000}; }).empty());
  EXPECT_EQ(aligner.eviction_limit(0), PartitionAligner::kNoLimit);
}

// Story times come from the input: the bound must not overflow at the ends of the range.
TEST_F(PartitionAlignerTest, ExtremeStoryTimesDoNotOverflow) {
  ends_.high = {{{"in", 0}, 1000}, {{"in", 1}, 1000}};
  aligner_.observe("in", 0, 10, INT64_MAX - 1, now_);
  aligner_.observe("in", 1, 10, INT64_MIN + 1, now_);
  const PartitionAligner::Decision d = decide();
  ASSERT_EQ(d.pause.size(), 1u);
  EXPECT_EQ(d.pause[0], TP("in", 0));

  // The slowest near the top of the range: slowest + bound must saturate, not wrap below the
  // other partition's time (which would pause it, 9 ms ahead).
  PartitionAligner near_max(6 * 60 * 60 * 1000, kIdle, kFirst);
  near_max.observe("in", 0, 10, INT64_MAX - 10, now_);
  near_max.observe("in", 1, 10, INT64_MAX - 1, now_);
  EXPECT_TRUE(near_max.decide(now_, [this](const TP& tp) { return ends_(tp); }).pause.empty());
}

}  // namespace
}  // namespace wirefeed
