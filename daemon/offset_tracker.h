#pragma once
// At-least-once bookkeeping: an input offset may be committed only when every record produced for
// it, and for every earlier offset of its partition, has been acknowledged by the broker.
//
// The consuming thread opens an entry per input message (begin), the producer's delivery-report
// thread closes its records (complete), and the consuming thread collects the committable offsets
// (collect). Entries live in a per-partition std::deque, whose push_back/pop_front never move the
// other elements, so the pointer handed to librdkafka as the message opaque stays valid.

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wirefeed {

// Orders (topic, partition) keys; transparent, so a map keyed by (std::string, partition) can be
// searched with a (std::string_view, partition) without allocating.
struct TopicPartitionLess {
  using is_transparent = void;
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return std::pair<std::string_view, int32_t>(a.first, a.second) <
           std::pair<std::string_view, int32_t>(b.first, b.second);
  }
};

class OffsetTracker {
 public:
  struct Entry {
    int64_t offset = 0;
    int64_t consumed_ns = 0;      // steady-clock time the message was consumed
    std::atomic<int> pending{0};  // records not yet acknowledged
    std::atomic<bool> failed{false};
    OffsetTracker* owner = nullptr;
  };

  struct Commit {
    std::string topic;
    int32_t partition;
    int64_t offset;  // the next offset to consume (last done + 1), Kafka's commit convention
  };

  // Opens an entry with `records` records to acknowledge; `records` may be 0 (nothing produced).
  // Allocates only for a partition's first entry: the per-story path stays allocation-free.
  Entry* begin(std::string_view topic, int32_t partition, int64_t offset, int records,
               int64_t consumed_ns);
  // Adds one more record to an open entry (before its records can all have completed).
  static void add_record(Entry* e) { e->pending.fetch_add(1, std::memory_order_relaxed); }
  // A record was acknowledged (ok) or failed for good. Returns true when it was the entry's last.
  static bool complete(Entry* e, bool ok);

  // Removes finished entries from the front of every partition and returns the offsets that moved.
  // A failed entry stops its partition: nothing at or after it is committed.
  std::vector<Commit> collect();
  // Forgets a partition (revoked): its in-flight entries must have completed first.
  void drop(std::string_view topic, int32_t partition);
  void clear();

  [[nodiscard]] int64_t in_flight() const { return in_flight_.load(std::memory_order_relaxed); }
  // The most entries ever in flight at once (read by the thread that calls begin()).
  [[nodiscard]] int64_t peak_in_flight() const { return peak_in_flight_; }
  [[nodiscard]] bool has_failure() const { return failures_.load(std::memory_order_relaxed) > 0; }

 private:
  struct Partition {
    std::deque<Entry> entries;
  };
  std::map<std::pair<std::string, int32_t>, Partition, TopicPartitionLess> partitions_;
  std::atomic<int64_t> in_flight_{0};  // entries with records pending
  int64_t peak_in_flight_ = 0;         // written by begin() only
  std::atomic<int64_t> failures_{0};
};

}  // namespace wirefeed
