#include "daemon/offset_tracker.h"

namespace wirefeed {

OffsetTracker::Entry* OffsetTracker::begin(const std::string& topic, int32_t partition,
                                           int64_t offset, int records, int64_t consumed_ns) {
  Partition& p = partitions_[{topic, partition}];
  Entry& e = p.entries.emplace_back();
  e.offset = offset;
  e.consumed_ns = consumed_ns;
  e.pending.store(records, std::memory_order_relaxed);
  e.owner = this;
  if (records > 0) in_flight_.fetch_add(1, std::memory_order_relaxed);
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

void OffsetTracker::drop(const std::string& topic, int32_t partition) {
  partitions_.erase({topic, partition});
}

void OffsetTracker::clear() { partitions_.clear(); }

}  // namespace wirefeed
