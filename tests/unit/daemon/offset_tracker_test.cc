#include "daemon/offset_tracker.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

TEST(OffsetTrackerTest, CommitsOnlyAfterEveryRecordIsAcknowledged) {
  OffsetTracker t;
  auto* a = t.begin("in", 0, 10, 2, 0);
  EXPECT_EQ(t.in_flight(), 1);
  EXPECT_FALSE(OffsetTracker::complete(a, true));
  EXPECT_TRUE(t.collect().empty());
  EXPECT_TRUE(OffsetTracker::complete(a, true));
  auto commits = t.collect();
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0].offset, 11);
  EXPECT_EQ(t.in_flight(), 0);
}

TEST(OffsetTrackerTest, PeakInFlightIsTheMostEntriesPendingAtOnce) {
  OffsetTracker t;
  auto* a = t.begin("in", 0, 1, 1, 0);
  auto* b = t.begin("in", 0, 2, 2, 0);
  t.begin("in", 0, 3, 0, 0);  // nothing to acknowledge: never in flight
  EXPECT_EQ(t.peak_in_flight(), 2);
  EXPECT_TRUE(OffsetTracker::complete(a, true));
  EXPECT_FALSE(OffsetTracker::complete(b, true));
  t.begin("in", 0, 4, 1, 0);  // in flight again: b and this one
  EXPECT_EQ(t.peak_in_flight(), 2);
  t.begin("in", 0, 5, 1, 0);
  EXPECT_EQ(t.peak_in_flight(), 3);
}

TEST(OffsetTrackerTest, LaterOffsetWaitsForEarlierOne) {
  OffsetTracker t;
  auto* a = t.begin("in", 0, 1, 1, 0);
  auto* b = t.begin("in", 0, 2, 1, 0);
  OffsetTracker::complete(b, true);
  EXPECT_TRUE(t.collect().empty());
  OffsetTracker::complete(a, true);
  auto commits = t.collect();
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0].offset, 3);
}

TEST(OffsetTrackerTest, PartitionsAreIndependent) {
  OffsetTracker t;
  t.begin("in", 0, 5, 1, 0);
  auto* b = t.begin("in", 1, 7, 1, 0);
  OffsetTracker::complete(b, true);
  auto commits = t.collect();
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0].partition, 1);
  EXPECT_EQ(commits[0].offset, 8);
}

TEST(OffsetTrackerTest, EntryWithoutRecordsIsImmediatelyDone) {
  OffsetTracker t;
  t.begin("in", 0, 3, 0, 0);
  auto commits = t.collect();
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0].offset, 4);
}

TEST(OffsetTrackerTest, FailedDeliveryBlocksThePartition) {
  OffsetTracker t;
  auto* a = t.begin("in", 0, 1, 1, 0);
  auto* b = t.begin("in", 0, 2, 1, 0);
  OffsetTracker::complete(a, false);
  OffsetTracker::complete(b, true);
  EXPECT_TRUE(t.collect().empty());
  EXPECT_TRUE(t.has_failure());
}

TEST(OffsetTrackerTest, DroppedPartitionIsForgotten) {
  OffsetTracker t;
  t.begin("in", 0, 1, 1, 0);
  t.drop("in", 0);
  EXPECT_TRUE(t.collect().empty());
}

}  // namespace
}  // namespace wirefeed
