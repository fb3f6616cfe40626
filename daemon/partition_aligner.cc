#include "daemon/partition_aligner.h"

#include <algorithm>
#include <limits>

namespace wirefeed {

PartitionAligner::PartitionAligner(int64_t max_skew_ms, int64_t idle_ns, int64_t first_delivery_ns)
    : max_skew_ms_(max_skew_ms), idle_ns_(idle_ns), first_delivery_ns_(first_delivery_ns) {}

PartitionAligner::State& PartitionAligner::state(std::string_view topic, int32_t partition) {
  if (last_ != nullptr && partition == last_partition_ && topic == last_topic_) return *last_;
  auto it = parts_.find(std::pair<std::string_view, int32_t>(topic, partition));
  if (it == parts_.end()) {
    it = parts_.emplace(TopicPartition(std::string(topic), partition), State{}).first;
  }
  last_ = &it->second;
  last_topic_ = it->first.first;  // the map's own string: stable while the entry lives
  last_partition_ = partition;
  return it->second;
}

void PartitionAligner::assign(std::string_view topic, int32_t partition, int64_t now_ns) {
  if (!enabled()) return;
  State& s = state(topic, partition);
  s.last_delivery_ns = now_ns;
}

void PartitionAligner::observe(std::string_view topic, int32_t partition, int64_t offset,
                               int64_t story_time_ms, int64_t now_ns) {
  if (!enabled()) return;
  State& s = state(topic, partition);
  s.next_offset = std::max(s.next_offset, offset + 1);
  s.last_delivery_ns = now_ns;
  if (story_time_ms != kNoTime) {
    // Its first dated story: it holds the others back until decide() knows better (decide() found
    // it undated and cleared the flag).
    if (s.time_ms == kNoTime) s.holding = true;
    // The latest story's time, not the newest: one story dated a year ahead (a wrong year) would
    // otherwise keep its partition "ahead", and paused whenever another partition has a backlog.
    s.time_ms = story_time_ms;
    oldest_ms_ = std::min(oldest_ms_, story_time_ms);
  }
}

int64_t PartitionAligner::eviction_limit(int64_t now_ns) const {
  if (!enabled()) return kNoLimit;
  int64_t limit = kNoLimit;
  for (const auto& [tp, s] : parts_) {
    if (s.time_ms == kNoTime) {
      // Assigned and not delivered yet: its first story may be older than anything seen.
      if (s.next_offset < 0 && now_ns - s.last_delivery_ns <= first_delivery_ns_) return oldest_ms_;
      continue;
    }
    if (s.holding && !s.paused) limit = std::min(limit, s.time_ms);
  }
  return limit;
}

void PartitionAligner::forget(std::string_view topic, int32_t partition) {
  auto it = parts_.find(std::pair<std::string_view, int32_t>(topic, partition));
  if (it == parts_.end()) return;
  if (last_ == &it->second) last_ = nullptr;
  parts_.erase(it);
}

void PartitionAligner::clear() {
  parts_.clear();
  oldest_ms_ = kNoLimit;
  last_ = nullptr;
}

PartitionAligner::Decision PartitionAligner::decide(
    int64_t now_ns, const std::function<int64_t(const TopicPartition&)>& high_watermark) {
  Decision d;
  if (!enabled()) return d;
  // The slowest partition that holds the others back: not paused, dated, something left to read,
  // and delivering.
  int64_t slowest = std::numeric_limits<int64_t>::max();
  for (auto& [tp, s] : parts_) {
    s.holding = false;
    if (s.paused || s.time_ms == kNoTime || s.next_offset < 0) continue;
    if (now_ns - s.last_delivery_ns > idle_ns_) continue;
    const int64_t high = high_watermark(tp);
    if (high < 0 || s.next_offset >= high) continue;
    s.holding = true;
    slowest = std::min(slowest, s.time_ms);
  }
  const bool anchored = slowest != std::numeric_limits<int64_t>::max();
  if (anchored) d.slowest_ms = slowest;
  // Saturating: story times come from the input and may be anywhere in int64 range.
  const auto plus = [](int64_t t, int64_t d) {
    return t > std::numeric_limits<int64_t>::max() - d ? std::numeric_limits<int64_t>::max()
                                                       : t + d;
  };
  for (auto& [tp, s] : parts_) {
    if (s.paused) {
      if (!anchored || s.time_ms <= plus(slowest, max_skew_ms_ / 2)) {
        s.paused = false;
        // Paused while away: the time it stopped at is not a delivery.
        s.last_delivery_ns = now_ns;
        d.resume.push_back(tp);
      }
    } else if (anchored && s.time_ms != kNoTime && s.time_ms > plus(slowest, max_skew_ms_)) {
      s.paused = true;
      ++pauses_;
      d.pause.push_back(tp);
    }
  }
  return d;
}

bool PartitionAligner::paused(std::string_view topic, int32_t partition) const {
  auto it = parts_.find(std::pair<std::string_view, int32_t>(topic, partition));
  return it != parts_.end() && it->second.paused;
}

int64_t PartitionAligner::time_ms(std::string_view topic, int32_t partition) const {
  auto it = parts_.find(std::pair<std::string_view, int32_t>(topic, partition));
  return it == parts_.end() ? kNoTime : it->second.time_ms;
}

size_t PartitionAligner::paused_count() const {
  return static_cast<size_t>(
      std::count_if(parts_.begin(), parts_.end(), [](const auto& kv) { return kv.second.paused; }));
}

}  // namespace wirefeed
