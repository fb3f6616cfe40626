#pragma once
// The Kafka producer side of the daemon: an idempotent (optionally transactional) librdkafka
// producer whose delivery reports are served by a dedicated thread, off the processing path.
//
// Unlike spdlog's kafka_sink, nothing is fire-and-forget: every record carries an opaque that comes
// back in exactly one delivery callback (success or final failure), and a full local queue makes
// produce() wait for room instead of dropping or growing without bound.

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/call_watchdog.h"
#include "core/kafka.h"
#include "core/status.h"

namespace wirefeed {

class KafkaSink {
 public:
  // Called on the poll thread for every record: its opaque and whether the broker acknowledged it.
  using DeliveryCallback = std::function<void(void* opaque, rd_kafka_resp_err_t err)>;

  KafkaSink() = default;
  ~KafkaSink();
  KafkaSink(const KafkaSink&) = delete;
  KafkaSink& operator=(const KafkaSink&) = delete;

  // `properties` are applied over the built-in idempotent defaults. A non-empty transactional_id
  // makes the producer transactional (init_transactions is done here).
  Status open(const std::vector<RdProperty>& defaults, const std::vector<RdProperty>& properties,
              DeliveryCallback on_delivery, const std::string& transactional_id = "");

  // Enqueues a record (the bytes are copied). `headers` ownership passes to librdkafka on success
  // and is destroyed here on failure. Waits while the local queue is full. A non-retriable error is
  // returned (and no delivery callback will come for this record).
  Status produce(const std::string& topic, std::string_view key, std::string_view value,
                 rd_kafka_headers_t* headers, void* opaque);

  // Waits until every record has its delivery report, or the deadline passes (returns false).
  bool flush(int64_t timeout_ms);
  [[nodiscard]] int outq_len() const;

  // Transactions (only with a transactional_id). Errors say whether they are retriable,
  // abortable or fatal in their code: "txn_retriable", "txn_abortable", "txn_fatal". Each blocking
  // call (and init_transactions in open()) runs under a CallWatchdog: still running
  // kStuckGraceMs past its own timeout, it ends the process with kExitStuck
  // (core/call_watchdog.h: librdkafka's send_offsets_to_transaction can hang for good).
  Status begin_transaction();
  Status send_offsets(rd_kafka_t* consumer, const rd_kafka_topic_partition_list_t* offsets,
                      int timeout_ms);
  Status commit_transaction(int timeout_ms);
  // Flushes first: librdkafka 2.0.2 can fail an abort with records still unsent (issue 4849).
  Status abort_transaction(int timeout_ms);

  [[nodiscard]] rd_kafka_t* handle() const { return rk_.get(); }
  void close();

 private:
  static void dr_cb(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque);
  static Status txn_status(rd_kafka_error_t* error, std::string_view what);
  static constexpr int kStuckGraceMs = 30000;
  // Watches one transactional call that may block for up to `timeout_ms` (on the calling thread:
  // one at a time).
  CallWatchdog::Guard watch(std::string_view what, int64_t timeout_ms);
  std::unique_ptr<CallWatchdog> watchdog_;  // made by the first watch(): transactional only

  RdKafkaPtr rk_;
  DeliveryCallback on_delivery_;
  std::thread poll_thread_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable room_cv_;
};

}  // namespace wirefeed
