#pragma once
// Keeps a consumer fetching when its prefetch queue is small, on librdkafka before 2.2.0.
//
// librdkafka stops fetching a partition while the consumer's prefetch queue is over
// queued.max.messages.kbytes (or queued.min.messages), and decides again only when the broker
// thread wakes up. Nothing wakes it when the application drains the queue: with no fetch in flight
// it sleeps until its next timeout, about a second (librdkafka-notes.md; librdkafka's CHANGELOG for
// 2.2.0, which made that wait fetch.queue.backoff.ms). On a backlog the queue fills every cycle, so
// before this the queue had to hold more than a second of processing (128 MiB at 40k stories/s of
// 3 KB) or throughput collapsed: 7.8k stories/s with 16 MiB against 31.9k with 128 MiB
// (docs/operations.md, "Memory").
//
// A FetchWaker watches the queue's length from its own thread. Once the queue has been at least
// half full and has drained to a quarter, it asks every partition leader for its latest offsets
// (rd_kafka_offsets_for_times): the request is an operation on each leader's broker thread, which
// wakes it, and the thread decides the fetch again. librdkafka 2.2.0 added fetch.queue.backoff.ms
// for exactly this; there the waker is not needed (has_fetch_queue_backoff).
//
// When nothing arrives it stops looking: after a second with an empty queue and nothing consumed it
// waits until the consuming thread reports messages (note_consumed), so an idle daemon's wakers do
// not wake 200 times a second each (FetchIdleGate).

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/kafka.h"

namespace wirefeed {

// True when this librdkafka (rd_kafka_version() format) has fetch.queue.backoff.ms (2.2.0 on).
bool has_fetch_queue_backoff(int version);

// When to wake: a pure function of the queue's length over time, so that it can be tested alone.
class FetchWakePolicy {
 public:
  // `queued`: messages in the queue now; `full`: the length at which librdkafka stops fetching
  // (estimated; 0 when unknown). True when the broker threads should be woken now. Armed by a
  // queue at least half full, so that a wrong estimate of `full` by up to 2x still arms it; fires
  // once per arming, when the queue is down to a quarter.
  bool sample(size_t queued, size_t full) {
    if (full == 0) return false;
    if (queued * 2 >= full) {
      armed_ = true;
      return false;
    }
    if (armed_ && queued * 4 <= full) {
      armed_ = false;
      return true;
    }
    return false;
  }

 private:
  bool armed_ = false;
};

// When to stop looking at the queue: a pure function of what each look saw, tested alone. A
// queue only fills from empty through messages the consuming thread takes and reports, so the
// waker may sleep through an empty, unconsumed stretch and resume at the next report: it then sees
// the queue while it drains, in time to arm the policy (a full 16 MiB queue drains in ~140 ms at
// 40k stories/s of 3 KB, by arithmetic; the waker looks every 5 ms).
class FetchIdleGate {
 public:
  explicit FetchIdleGate(int idle_after_samples) : idle_after_(idle_after_samples) {}
  // `queued`: the queue's length now; `consumed`: messages reported so far (a running total).
  // True when the waker should wait for the next report instead of looking again.
  bool sample(size_t queued, uint64_t consumed) {
    const bool quiet = queued == 0 && consumed == last_consumed_;
    last_consumed_ = consumed;
    streak_ = quiet ? streak_ + 1 : 0;
    if (streak_ < idle_after_) return false;
    streak_ = 0;
    return true;
  }

 private:
  int idle_after_;
  int streak_ = 0;
  uint64_t last_consumed_ = 0;
};

class FetchWaker {
 public:
  struct Options {
    int period_ms = 5;                    // how often the queue's length is looked at
    int idle_after_ms = 1000;             // empty and unconsumed this long: wait for a report
    int idle_recheck_ms = 1000;           // a look now and then while waiting, should one be missed
    int64_t queue_max_bytes = 0;          // queued.max.messages.kbytes * 1024
    int64_t queue_max_messages = 100000;  // queued.min.messages
  };
  // Starts the thread. `rk` and `queue` (the consumer queue) must outlive the waker.
  FetchWaker(rd_kafka_t* rk, rd_kafka_queue_t* queue, Options options);
  ~FetchWaker();
  FetchWaker(const FetchWaker&) = delete;
  FetchWaker& operator=(const FetchWaker&) = delete;

  // The consuming thread reports what it took, for the mean message size that turns the queue's
  // byte limit into a length.
  void note_consumed(uint64_t messages, uint64_t bytes) {
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
    // Sequentially consistent with the waker's store of idle_ and its load of messages_: either
    // it sees these messages and does not wait, or this sees it waiting and wakes it. Per batch
    // this adds one atomic load (a plain load on x86); the notify only happens while idle.
    messages_.fetch_add(messages, std::memory_order_seq_cst);
    if (idle_.load(std::memory_order_seq_cst)) {
      std::lock_guard lock(mu_);
      cv_.notify_all();
    }
  }
  // Wake-ups sent so far (for the Summary line).
  [[nodiscard]] uint64_t wakes() const { return wakes_.load(std::memory_order_relaxed); }
  // Looks at the queue's length so far, and times the waker has waited for a report (tests).
  [[nodiscard]] uint64_t samples() const { return samples_.load(std::memory_order_relaxed); }
  [[nodiscard]] uint64_t idle_waits() const { return idle_waits_.load(std::memory_order_relaxed); }
  // The queue length at which fetching stops, from the limits and the mean message so far.
  [[nodiscard]] size_t full_length() const;

  // The options librdkafka's consumer `rk` runs with (its effective configuration).
  static Options options_of(rd_kafka_t* rk);
  // Either way of resuming fetches, for one consumer: add_native_backoff() to its configuration
  // before it is created (adds fetch.queue.backoff.ms = 5 where this librdkafka has it), then
  // start_if_needed() with it and its consumer queue (a waker where it has not, else none).
  static void add_native_backoff(std::vector<RdProperty>& defaults);
  static std::unique_ptr<FetchWaker> start_if_needed(rd_kafka_t* rk, rd_kafka_queue_t* queue);

 private:
  void loop();
  void wake();

  rd_kafka_t* rk_;
  rd_kafka_queue_t* queue_;
  Options options_;
  std::atomic<uint64_t> messages_{0};
  std::atomic<uint64_t> bytes_{0};
  std::atomic<uint64_t> wakes_{0};
  std::atomic<uint64_t> samples_{0};
  std::atomic<uint64_t> idle_waits_{0};
  std::atomic<bool> idle_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace wirefeed
