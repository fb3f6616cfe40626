#pragma once
// Keeps the input partitions close to each other in story time while a backlog is read.
//
// The dedup window is story time (versionCreated): a story is compared with the stories of the
// `window_hours` before the newest one seen. On a live tail every partition is at "now". On a
// backlog they are not: librdkafka hands out whatever it fetched, and a partition with fewer
// stories per day covers days of story time in a few batches. Measured on the bench corpus
// (300,000 stories over 70 days, 3 partitions): a sparse partition was 28 to 63 days ahead when
// first paused, the index evicted what the dense one still needed, and with each story on a random
// partition (85/10/5%) the daemon found 13,704 and 13,875 near-duplicates in two runs where the
// same stories in order give 21,961 (docs/dedup.md, "Partitions and story time", has the table).
//
// The aligner is the daemon's answer, as Kafka Streams synchronises a task's partitions by record
// timestamp and Flink aligns watermarks: a partition more than `max_skew` of story time ahead of
// the slowest partition that still has a backlog is paused, and resumed once that one is within
// half of it. Only partitions that have something left to read hold the others back, and only
// while they deliver: a partition whose end is an unreadable control record, or whose next fetch
// fails, stops holding anything back after `idle` of delivering nothing.
//
// It also tells the dedup index up to what story time it may count its window
// (eviction_limit(), DedupIndex::set_eviction_limit): the slowest partition's, so that what a
// partition read ahead does not push out what the slower ones still compare against.
//
// Pure bookkeeping: the daemon feeds it what it consumes and applies its decisions with
// rd_kafka_pause_partitions / rd_kafka_resume_partitions. Pausing drops the partition's prefetched
// messages (librdkafka refetches them from the next unconsumed offset on resume), which is why
// the bound is hours or days, not seconds: it protects against the skew that breaks the dedup
// window, not against ordinary jitter.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/offset_tracker.h"

namespace wirefeed {

class PartitionAligner {
 public:
  using TopicPartition = std::pair<std::string, int32_t>;

  // max_skew_ms <= 0: never pauses. idle_ns: how long a partition with a backlog may deliver
  // nothing and still hold the others back. first_delivery_ns: the same for an assigned partition
  // that has not delivered yet (the group join, the offset lookup and the first fetch come first:
  // over 2 s on a broker that had just started).
  PartitionAligner(int64_t max_skew_ms, int64_t idle_ns, int64_t first_delivery_ns);

  [[nodiscard]] bool enabled() const { return max_skew_ms_ > 0; }

  // The partition was assigned at `now_ns`. Until it delivers (or `first_delivery` passes) its
  // story time is unknown, and eviction_limit() keeps everything from the oldest story seen.
  void assign(std::string_view topic, int32_t partition, int64_t now_ns);

  // A message of (topic, partition) at `offset` was processed at `now_ns`; story_time_ms is its
  // versionCreated in ms, or nullopt-like kNoTime for a story without one (or one that could not
  // be parsed): it advances the position but not the partition's story time.
  static constexpr int64_t kNoTime = INT64_MIN;
  void observe(std::string_view topic, int32_t partition, int64_t offset, int64_t story_time_ms,
               int64_t now_ns);

  // The partition is no longer ours (revoked) or was rewound (exactly-once abort): forget it.
  void forget(std::string_view topic, int32_t partition);
  void clear();

  struct Decision {
    std::vector<TopicPartition> pause;
    std::vector<TopicPartition> resume;
    int64_t slowest_ms = kNoTime;  // story time of the slowest partition holding the others back
    [[nodiscard]] bool empty() const { return pause.empty() && resume.empty(); }
  };
  // What to pause and resume now. `high_watermark(tp)` is the partition's end offset as last seen
  // (librdkafka's cached value), or -1 when unknown. The decision is assumed applied: the paused
  // set is updated before returning.
  Decision decide(int64_t now_ns,
                  const std::function<int64_t(const TopicPartition&)>& high_watermark);

  // Up to what story time the dedup index may count its window (DedupIndex::set_eviction_limit),
  // after the messages observed so far: the slowest partition that holds the others back (as of
  // the last decide(), or since it first delivered), or the oldest story seen while an assigned
  // partition has not delivered yet; kNoLimit when nothing holds back (a live tail). One pass over
  // the partitions, and the daemon asks before every story: measured by hand (-O2, runs of 300
  // stories per partition) 10 ns a story with 3 partitions, 130 with 48, 600 with 192.
  static constexpr int64_t kNoLimit = INT64_MAX;
  [[nodiscard]] int64_t eviction_limit(int64_t now_ns) const;
  [[nodiscard]] bool paused(std::string_view topic, int32_t partition) const;
  // The latest dated story's time in the partition, or kNoTime.
  [[nodiscard]] int64_t time_ms(std::string_view topic, int32_t partition) const;
  [[nodiscard]] size_t paused_count() const;
  // Partitions paused so far (each pause counts once).
  [[nodiscard]] uint64_t pauses() const { return pauses_; }

 private:
  struct State {
    int64_t next_offset = -1;      // after the last message processed
    int64_t time_ms = kNoTime;     // the latest dated story's time
    int64_t last_delivery_ns = 0;  // when the last message was processed
    bool paused = false;
    bool holding = true;  // holds the others back (decide()); true until the first decide()
  };
  State& state(std::string_view topic, int32_t partition);

  int64_t max_skew_ms_;
  int64_t idle_ns_;
  int64_t first_delivery_ns_;
  std::map<TopicPartition, State, TopicPartitionLess> parts_;
  // The last partition observed: a batch holds runs of one partition, so most lookups hit it.
  State* last_ = nullptr;
  std::string_view last_topic_;
  int32_t last_partition_ = -1;
  uint64_t pauses_ = 0;
  int64_t oldest_ms_ = kNoLimit;  // the oldest dated story observed since clear()
};

}  // namespace wirefeed
