#include "sinks/kafka_sink.h"

#include <chrono>

namespace wirefeed {

KafkaSink::~KafkaSink() { close(); }

void KafkaSink::dr_cb(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
  auto* self = static_cast<KafkaSink*>(opaque);
  if (self->on_delivery_) self->on_delivery_(m->_private, m->err);
  self->room_cv_.notify_all();
}

Status KafkaSink::open(const std::vector<RdProperty>& defaults,
                       const std::vector<RdProperty>& properties, DeliveryCallback on_delivery,
                       const std::string& transactional_id) {
  on_delivery_ = std::move(on_delivery);
  std::vector<RdProperty> all = defaults;
  if (!transactional_id.empty()) all.push_back({"transactional.id", transactional_id, ""});
  auto conf = make_rd_conf(all, properties);
  if (!conf) return conf.status();
  rd_kafka_conf_set_dr_msg_cb(conf->get(), &KafkaSink::dr_cb);
  rd_kafka_conf_set_opaque(conf->get(), this);
  char err[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf->get(), err, sizeof err);
  if (rk == nullptr) return Status("kafka", std::string("cannot create producer: ") + err);
  conf.value().release();  // rd_kafka_new took ownership
  rk_.reset(rk);
  stop_ = false;
  poll_thread_ = std::thread([this] {
    while (!stop_.load(std::memory_order_relaxed)) rd_kafka_poll(rk_.get(), 50);
  });
  if (!transactional_id.empty()) {
    const auto guard = watch("init_transactions", 60000);
    if (Status s = txn_status(rd_kafka_init_transactions(rk, 60000), "init_transactions"); !s)
      return s;
  }
  return {};
}

Status KafkaSink::produce(const std::string& topic, std::string_view key, std::string_view value,
                          rd_kafka_headers_t* headers, void* opaque) {
  for (;;) {
    const rd_kafka_resp_err_t e = rd_kafka_producev(
        rk_.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
        RD_KAFKA_V_KEY(key.empty() ? nullptr : key.data(), key.size()), RD_KAFKA_V_HEADERS(headers),
        RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR) return {};
    if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      // The poll thread frees room as delivery reports arrive: wait for it rather than grow memory.
      std::unique_lock lock(mu_);
      room_cv_.wait_for(lock, std::chrono::milliseconds(5));
      continue;
    }
    if (headers != nullptr) rd_kafka_headers_destroy(headers);
    return Status(e == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE ? "too_large" : "kafka",
                  std::string("produce to ") + topic + " failed: " + rd_kafka_err2str(e));
  }
}

bool KafkaSink::flush(int64_t timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (rd_kafka_outq_len(rk_.get()) > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    rd_kafka_flush(rk_.get(), static_cast<int>(std::min<int64_t>(left.count(), 100)));
  }
  return true;
}

int KafkaSink::outq_len() const { return rk_ ? rd_kafka_outq_len(rk_.get()) : 0; }

Status KafkaSink::txn_status(rd_kafka_error_t* error, std::string_view what) {
  if (error == nullptr) return {};
  std::string code = "txn_fatal";
  if (rd_kafka_error_is_retriable(error)) {
    code = "txn_retriable";
  } else if (rd_kafka_error_txn_requires_abort(error)) {
    code = "txn_abortable";
  } else if (!rd_kafka_error_is_fatal(error)) {
    code = "txn_error";
  }
  Status s(code, std::string(what) + ": " + rd_kafka_error_string(error));
  rd_kafka_error_destroy(error);
  return s;
}

Status KafkaSink::begin_transaction() {
  return txn_status(rd_kafka_begin_transaction(rk_.get()), "begin_transaction");
}

Status KafkaSink::send_offsets(rd_kafka_t* consumer, const rd_kafka_topic_partition_list_t* offsets,
                               int timeout_ms) {
  rd_kafka_consumer_group_metadata_t* md = rd_kafka_consumer_group_metadata(consumer);
  const auto guard = watch("send_offsets_to_transaction", timeout_ms);
  Status s = txn_status(rd_kafka_send_offsets_to_transaction(rk_.get(), offsets, md, timeout_ms),
                        "send_offsets_to_transaction");
  rd_kafka_consumer_group_metadata_destroy(md);
  return s;
}

Status KafkaSink::commit_transaction(int timeout_ms) {
  const auto guard = watch("commit_transaction", timeout_ms);
  return txn_status(rd_kafka_commit_transaction(rk_.get(), timeout_ms), "commit_transaction");
}

Status KafkaSink::abort_transaction(int timeout_ms) {
  const auto guard =
      watch("abort_transaction", 2 * int64_t{timeout_ms});  // the flush, then the abort
  flush(timeout_ms);
  return txn_status(rd_kafka_abort_transaction(rk_.get(), timeout_ms), "abort_transaction");
}

CallWatchdog::Guard KafkaSink::watch(std::string_view what, int64_t timeout_ms) {
  if (!watchdog_) watchdog_ = std::make_unique<CallWatchdog>();  // a thread, for transactions only
  return watchdog_->watch(what, std::chrono::milliseconds(timeout_ms + kStuckGraceMs));
}

void KafkaSink::close() {
  if (!rk_) return;
  stop_ = true;
  if (poll_thread_.joinable()) poll_thread_.join();
  rd_kafka_flush(rk_.get(), 1000);
  rk_.reset();
  watchdog_.reset();
}

}  // namespace wirefeed
