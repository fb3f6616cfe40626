#include "daemon/offset_tracker.h"

namespace wirefeed {

OffsetTracker::Entry* OffsetTracker::begin(std::string_view topic, int32_t partition,
                                           int64_t offset, int records, int64_t consumed_ns) {
  auto it = partitions_.find(std::pair<std::string_view, int32_t>(topic, partition));
  if (it == partitions_.end()) {
    it = partitions_
             .emplace(std::pair<std::string, int32_t>(std::string(topic), partition), Partition{})
             .first;
  }
  Partition& p = it->second;
  Entry& e = p.entries.emplace_back();
  e.offset = offset;
  e.consumed_ns = consumed_ns;
  e.pending.store(records, std::memory_order_relaxed);
  e.owner = this;
  if (records > 0) {
    const int64_t now = in_flight_.fetch_add(1, std::memory_order_relaxed) + 1;
    if (now > peak_in_flight_) peak_in_flight_ = now;
  }
  return &e;
}

bool OffsetTracker::complete(Entry* e, bool ok) {
  if (!ok) {
    if (!e->failed.exchange(true)) e->owner->failures_.fetch_add(1, std::memory_order_relaxed);
  }
  if (e->pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    e->owner->in_flight_.fetch_sub(1, std::memory_order_relaxed);
    return true;
  }
  return false;
}

std::vector<OffsetTracker::Commit> OffsetTracker::collect() {
  std::vector<Commit> out;
  for (auto& [key, p] : partitions_) {
    int64_t next = -1;
    while (!p.entries.empty()) {
      Entry& e = p.entries.front();
      if (e.pending.load(std::memory_order_acquire) != 0 ||
          e.failed.load(std::memory_order_acquire))
        break;
      next = e.offset + 1;
      p.entries.pop_front();
    }
    if (next >= 0) out.push_back(Commit{key.first, key.second, next});
  }
  return out;
}

void OffsetTracker::drop(std::string_view topic, int32_t partition) {
  if (auto it = partitions_.find(std::pair<std::string_view, int32_t>(topic, partition));
      it != partitions_.end()) {
    partitions_.erase(it);
  }
}

void OffsetTracker::clear() { partitions_.clear(); }

}  // namespace wirefeed
