#include "daemon/fetch_waker.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace wirefeed {

bool has_fetch_queue_backoff(int version) { return version >= 0x020200ff; }

namespace {

int64_t conf_int(const rd_kafka_conf_t* conf, const char* name, int64_t fallback) {
  char value[64];
  size_t size = sizeof value;
  if (rd_kafka_conf_get(conf, name, value, &size) != RD_KAFKA_CONF_OK) return fallback;
  char* end = nullptr;
  const long long v = std::strtoll(value, &end, 10);
  return end != value ? static_cast<int64_t>(v) : fallback;
}

}  // namespace

FetchWaker::Options FetchWaker::options_of(rd_kafka_t* rk) {
  const rd_kafka_conf_t* conf = rd_kafka_conf(rk);
  Options o;
  o.queue_max_bytes = conf_int(conf, "queued.max.messages.kbytes", 65536) * 1024;
  o.queue_max_messages = conf_int(conf, "queued.min.messages", 100000);
  return o;
}

void FetchWaker::add_native_backoff(std::vector<RdProperty>& defaults) {
  if (has_fetch_queue_backoff(rd_kafka_version())) {
    defaults.push_back({"fetch.queue.backoff.ms", "5", ""});
  }
}

std::unique_ptr<FetchWaker> FetchWaker::start_if_needed(rd_kafka_t* rk, rd_kafka_queue_t* queue) {
  if (has_fetch_queue_backoff(rd_kafka_version())) return nullptr;
  return std::make_unique<FetchWaker>(rk, queue, options_of(rk));
}

FetchWaker::FetchWaker(rd_kafka_t* rk, rd_kafka_queue_t* queue, Options options)
    : rk_(rk), queue_(queue), options_(options), thread_([this] { loop(); }) {}

FetchWaker::~FetchWaker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

size_t FetchWaker::full_length() const {
  const uint64_t n = messages_.load(std::memory_order_relaxed);
  const uint64_t b = bytes_.load(std::memory_order_relaxed);
  if (n == 0) return 0;  // no message seen yet: the queue's length cannot be judged
  const uint64_t mean = std::max<uint64_t>(1, b / n);
  const auto by_bytes =
      static_cast<uint64_t>(std::max<int64_t>(0, options_.queue_max_bytes)) / mean;
  const auto by_count = static_cast<uint64_t>(std::max<int64_t>(0, options_.queue_max_messages));
  return static_cast<size_t>(std::max<uint64_t>(1, std::min(by_bytes, by_count)));
}

void FetchWaker::loop() {
  FetchWakePolicy policy;
  FetchIdleGate gate(std::max(1, options_.idle_after_ms / std::max(1, options_.period_ms)));
  std::unique_lock lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, std::chrono::milliseconds(options_.period_ms), [this] { return stop_; });
    if (stop_) break;
    lock.unlock();
    const size_t queued = rd_kafka_queue_length(queue_);
    const uint64_t consumed = messages_.load(std::memory_order_seq_cst);
    samples_.fetch_add(1, std::memory_order_relaxed);
    if (policy.sample(queued, full_length())) wake();
    const bool go_idle = gate.sample(queued, consumed);
    lock.lock();
    if (!go_idle) continue;
    idle_waits_.fetch_add(1, std::memory_order_relaxed);
    idle_.store(true, std::memory_order_seq_cst);
    // Until the consuming thread reports a message (note_consumed notifies while idle_ is set),
    // with a look now and then in case a report is ever missed.
    while (!stop_ && messages_.load(std::memory_order_seq_cst) == consumed) {
      if (cv_.wait_for(lock, std::chrono::milliseconds(options_.idle_recheck_ms)) ==
              std::cv_status::timeout &&
          rd_kafka_queue_length(queue_) != 0) {
        break;
      }
    }
    idle_.store(false, std::memory_order_seq_cst);
  }
}

void FetchWaker::wake() {
  rd_kafka_topic_partition_list_t* raw = nullptr;
  if (rd_kafka_assignment(rk_, &raw) != RD_KAFKA_RESP_ERR_NO_ERROR || raw == nullptr) return;
  const RdPartitionsPtr parts(raw);  // destroyed on every path: rd_kafka_destroy waits for it
  if (parts->cnt == 0) return;
  // Timestamp -1: the latest offset. The answer is not used; the request is the wake-up.
  for (int i = 0; i < parts->cnt; ++i) parts->elems[i].offset = -1;
  const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(rk_, parts.get(), 1000);
  wakes_.fetch_add(1, std::memory_order_relaxed);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    spdlog::debug("Fetch wake-up request failed error=\"{}\"", rd_kafka_err2str(err));
  }
}

}  // namespace wirefeed
