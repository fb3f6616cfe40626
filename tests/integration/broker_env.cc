#include "tests/integration/broker_env.h"

#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>

#ifndef WIREFEED_SOURCE_DIR
#error \
    "WIREFEED_SOURCE_DIR must point at the repository (tests/integration/CMakeLists.txt defines it)"
#endif

namespace wirefeed::testing {
namespace {

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
struct EventDeleter {
  void operator()(rd_kafka_event_t* e) const { rd_kafka_event_destroy(e); }
};
struct QueueDeleter {
  void operator()(rd_kafka_queue_t* q) const { rd_kafka_queue_destroy(q); }
};
struct AdminOptionsDeleter {
  void operator()(rd_kafka_AdminOptions_t* o) const { rd_kafka_AdminOptions_destroy(o); }
};
struct NewTopicDeleter {
  void operator()(rd_kafka_NewTopic_t* t) const { rd_kafka_NewTopic_destroy(t); }
};
struct MetadataDeleter {
  void operator()(const rd_kafka_metadata_t* m) const { rd_kafka_metadata_destroy(m); }
};

using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;
using EventPtr = std::unique_ptr<rd_kafka_event_t, EventDeleter>;
using QueuePtr = std::unique_ptr<rd_kafka_queue_t, QueueDeleter>;
using AdminOptionsPtr = std::unique_ptr<rd_kafka_AdminOptions_t, AdminOptionsDeleter>;
using NewTopicPtr = std::unique_ptr<rd_kafka_NewTopic_t, NewTopicDeleter>;
using MetadataPtr = std::unique_ptr<const rd_kafka_metadata_t, MetadataDeleter>;

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

Status kafka_error(std::string_view what, rd_kafka_resp_err_t err) {
  return {"kafka_error", std::string(what) + ": " + rd_kafka_err2str(err)};
}

Result<ConfPtr> make_conf(Settings settings) {
  auto bs = read_bootstrap();
  if (!bs) return bs.status();
  ConfPtr conf(rd_kafka_conf_new());
  char errstr[512];
  auto set = [&](const char* k, const std::string& v) -> Status {
    if (rd_kafka_conf_set(conf.get(), k, v.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
      return {"bad_config", std::string(k) + ": " + errstr};
    }
    return {};
  };
  if (auto s = set("bootstrap.servers", *bs); !s) return s;
  // Client logs go to stderr, which ctest keeps with the failing test's output.
  if (auto s = set("log_level", "4"); !s) return s;
  for (const auto& [k, v] : settings) {
    if (auto s = set(k, v); !s) return s;
  }
  return conf;
}

// rd_kafka_new() takes ownership of the conf only when it succeeds.
Result<KafkaPtr> make_client_with(rd_kafka_type_t type, ConfPtr conf) {
  char errstr[512];
  rd_kafka_t* rk = rd_kafka_new(type, conf.get(), errstr, sizeof errstr);
  if (rk == nullptr) return Status{"client_create_failed", errstr};
  conf.release();
  return KafkaPtr(rk);
}

// Partition count of a topic from a full metadata request: asking for the topic by name could
// auto-create it on this broker (auto.create.topics.enable=true), which a lookup must not do.
Result<int> partition_count_with(rd_kafka_t* rk, const std::string& topic, int timeout_ms,
                                 bool require_leaders) {
  const rd_kafka_metadata_t* raw = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 1, nullptr, &raw, timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return kafka_error("metadata", err);
  MetadataPtr md(raw);
  for (int i = 0; i < md->topic_cnt; ++i) {
    const rd_kafka_metadata_topic& t = md->topics[i];
    if (topic != t.topic) continue;
    if (t.err != RD_KAFKA_RESP_ERR_NO_ERROR) return kafka_error("topic " + topic, t.err);
    if (require_leaders) {
      for (int p = 0; p < t.partition_cnt; ++p) {
        if (t.partitions[p].leader < 0 || t.partitions[p].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
          return Status{"no_leader", "topic " + topic + " partition without leader"};
        }
      }
    }
    return t.partition_cnt;
  }
  return Status{"unknown_topic", "topic " + topic + " not in metadata"};
}

struct DeliveryTally {
  std::atomic<int64_t> delivered{0};
  std::atomic<int64_t> failed{0};
  rd_kafka_resp_err_t first_error = RD_KAFKA_RESP_ERR_NO_ERROR;
};

void on_delivery(rd_kafka_t* /*rk*/, const rd_kafka_message_t* m, void* opaque) {
  auto* tally = static_cast<DeliveryTally*>(opaque);
  if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    if (tally->failed.fetch_add(1) == 0) tally->first_error = m->err;
  } else {
    tally->delivered.fetch_add(1);
  }
}

}  // namespace

Result<std::string> read_bootstrap() {
  if (const char* env = std::getenv("WIREFEED_KAFKA_BOOTSTRAP"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  const char* instance_env = std::getenv("WIREFEED_KAFKA_INSTANCE");
  const std::string instance =
      instance_env != nullptr && *instance_env != '\0' ? instance_env : "it";
  const std::string path = std::string(WIREFEED_SOURCE_DIR) + "/.kafka/" + instance + "/bootstrap";
  std::ifstream in(path);
  std::string address;
  if (!in || !std::getline(in, address) || address.empty()) {
    return Status{"no_broker", "no integration broker: " + path +
                                   " is missing (run "
                                   "`scripts/kafka-broker.sh start " +
                                   instance +
                                   "`, or run these tests through ctest, whose `kafka` fixture "
                                   "starts one)"};
  }
  return address;
}

const std::string& bootstrap() {
  static const std::string address = [] {
    auto bs = read_bootstrap();
    if (!bs) {
      std::fprintf(stderr, "FATAL: %s\n", bs.status().message().c_str());
      std::exit(1);
    }
    return *bs;
  }();
  return address;
}

std::string unique_name(std::string_view prefix) {
  static std::atomic<int> counter{0};
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  return std::string(prefix) + "-" + std::to_string(::getpid()) + "-" +
         std::to_string(counter.fetch_add(1)) + "-" + std::to_string(now);
}

Result<KafkaPtr> make_client(rd_kafka_type_t type, Settings settings) {
  auto conf = make_conf(settings);
  if (!conf) return conf.status();
  return make_client_with(type, std::move(*conf));
}

Status create_topic(const std::string& topic, int partitions, int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  auto conf = make_conf({});
  if (!conf) return conf.status();
  auto rk = make_client_with(RD_KAFKA_PRODUCER, std::move(*conf));
  if (!rk) return rk.status();

  char errstr[512];
  NewTopicPtr nt(rd_kafka_NewTopic_new(topic.c_str(), partitions, 1, errstr, sizeof errstr));
  if (!nt) return Status{"bad_topic", errstr};
  AdminOptionsPtr opts(rd_kafka_AdminOptions_new(rk->get(), RD_KAFKA_ADMIN_OP_CREATETOPICS));
  // The operation timeout makes the controller answer only once the topic exists.
  if (rd_kafka_AdminOptions_set_operation_timeout(opts.get(), timeout_ms, errstr, sizeof errstr) !=
          RD_KAFKA_RESP_ERR_NO_ERROR ||
      rd_kafka_AdminOptions_set_request_timeout(opts.get(), timeout_ms, errstr, sizeof errstr) !=
          RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status{"bad_admin_options", errstr};
  }
  QueuePtr queue(rd_kafka_queue_new(rk->get()));
  rd_kafka_NewTopic_t* topics[] = {nt.get()};
  rd_kafka_CreateTopics(rk->get(), topics, 1, opts.get(), queue.get());

  EventPtr ev(rd_kafka_queue_poll(queue.get(), timeout_ms + 5000));
  if (!ev) return Status{"timeout", "CreateTopics " + topic + ": no result"};
  if (rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status{"kafka_error",
                  "CreateTopics " + topic + ": " + rd_kafka_event_error_string(ev.get())};
  }
  const rd_kafka_CreateTopics_result_t* res = rd_kafka_event_CreateTopics_result(ev.get());
  size_t n = 0;
  const rd_kafka_topic_result_t** results = rd_kafka_CreateTopics_result_topics(res, &n);
  for (size_t i = 0; i < n; ++i) {
    if (rd_kafka_topic_result_error(results[i]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      const char* msg = rd_kafka_topic_result_error_string(results[i]);
      return Status{"kafka_error",
                    "CreateTopics " + topic + ": " +
                        (msg ? msg : rd_kafka_err2str(rd_kafka_topic_result_error(results[i])))};
    }
  }

  // The controller has the topic; the broker's metadata catches up a moment later. Poll the state
  // (bounded by the deadline) rather than guessing a delay.
  Status last;
  while (true) {
    auto count = partition_count_with(rk->get(), topic, std::max(remaining_ms(deadline), 1), true);
    if (count && *count == partitions) return {};
    last = count ? Status{"partitions", "topic " + topic + " has " + std::to_string(*count) +
                                            " partitions, wanted " + std::to_string(partitions)}
                 : count.status();
    if (remaining_ms(deadline) == 0) return last;
    rd_kafka_poll(rk->get(), 50);
  }
}

Result<int> partition_count(const std::string& topic, int timeout_ms) {
  auto conf = make_conf({});
  if (!conf) return conf.status();
  auto rk = make_client_with(RD_KAFKA_PRODUCER, std::move(*conf));
  if (!rk) return rk.status();
  return partition_count_with(rk->get(), topic, timeout_ms, false);
}

Status produce(const std::string& topic, const std::vector<Message>& messages, int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  DeliveryTally tally;
  auto conf = make_conf({{"enable.idempotence", "true"},
                         {"acks", "all"},
                         {"linger.ms", "5"},
                         {"message.max.bytes", "33554432"}});
  if (!conf) return conf.status();
  rd_kafka_conf_set_dr_msg_cb(conf->get(), on_delivery);
  rd_kafka_conf_set_opaque(conf->get(), &tally);
  auto rk = make_client_with(RD_KAFKA_PRODUCER, std::move(*conf));
  if (!rk) return rk.status();

  for (const Message& m : messages) {
    // The producev macros cast their arguments without parentheses: pass plain variables.
    const void* key = m.key ? m.key->data() : nullptr;
    const size_t key_len = m.key ? m.key->size() : 0;
    void* value = const_cast<char*>(m.value.data());
    const size_t value_len = m.value.size();
    const int32_t partition = m.partition < 0 ? RD_KAFKA_PARTITION_UA : m.partition;
    while (true) {
      rd_kafka_headers_t* hdrs = nullptr;
      if (!m.headers.empty()) {
        hdrs = rd_kafka_headers_new(m.headers.size());
        for (const auto& [name, value] : m.headers) {
          rd_kafka_header_add(hdrs, name.data(), static_cast<ssize_t>(name.size()), value.data(),
                              static_cast<ssize_t>(value.size()));
        }
      }
      rd_kafka_resp_err_t err = rd_kafka_producev(
          rk->get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, key_len),
          RD_KAFKA_V_VALUE(value, value_len), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      // On failure the headers stay ours.
      if (hdrs != nullptr) rd_kafka_headers_destroy(hdrs);
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) return kafka_error("produce to " + topic, err);
      if (remaining_ms(deadline) == 0) return kafka_error("produce to " + topic, err);
      rd_kafka_poll(rk->get(), 10);
    }
    rd_kafka_poll(rk->get(), 0);
  }
  rd_kafka_resp_err_t err = rd_kafka_flush(rk->get(), std::max(remaining_ms(deadline), 1));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return kafka_error("flush to " + topic, err);
  if (tally.failed.load() != 0) {
    return kafka_error(std::to_string(tally.failed.load()) + " deliveries to " + topic + " failed",
                       tally.first_error);
  }
  if (tally.delivered.load() != static_cast<int64_t>(messages.size())) {
    return Status{"lost", "only " + std::to_string(tally.delivered.load()) + " of " +
                              std::to_string(messages.size()) + " delivered to " + topic};
  }
  return {};
}

Status produce_lines(const std::string& topic, const std::vector<std::string>& lines,
                     int timeout_ms) {
  std::vector<Message> messages;
  messages.reserve(lines.size());
  for (const std::string& line : lines) {
    Message m;
    m.value = line;
    messages.push_back(std::move(m));
  }
  return produce(topic, messages, timeout_ms);
}

Result<std::vector<Message>> consume_all(const std::string& topic, const ConsumeOptions& options) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(options.timeout_ms);
  // librdkafka 2.0.2 refuses assign() without a group.id ("Unknown group"); a fresh one that never
  // commits leaves no trace.
  auto conf = make_conf(
      {{"group.id", unique_name("consume-all")},
       {"enable.partition.eof", "true"},
       {"enable.auto.commit", "false"},
       {"enable.auto.offset.store", "false"},
       {"isolation.level", options.read_committed ? "read_committed" : "read_uncommitted"}});
  if (!conf) return conf.status();
  auto rk = make_client_with(RD_KAFKA_CONSUMER, std::move(*conf));
  if (!rk) return rk.status();
  rd_kafka_poll_set_consumer(rk->get());

  auto partitions = partition_count_with(rk->get(), topic, remaining_ms(deadline), false);
  if (!partitions) return partitions.status();
  PartitionListPtr assignment(rd_kafka_topic_partition_list_new(*partitions));
  for (int p = 0; p < *partitions; ++p) {
    rd_kafka_topic_partition_list_add(assignment.get(), topic.c_str(), p)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
  }
  if (auto err = rd_kafka_assign(rk->get(), assignment.get()); err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return kafka_error("assign " + topic, err);
  }

  std::vector<Message> out;
  std::set<int32_t> at_end;
  std::string last_error;
  auto done = [&] {
    return static_cast<int>(at_end.size()) == *partitions &&
           (options.expected_count < 0 ||
            static_cast<int64_t>(out.size()) >= options.expected_count);
  };
  while (!done()) {
    if (remaining_ms(deadline) == 0) {
      rd_kafka_consumer_close(rk->get());
      return Status{"timeout", "consume_all " + topic + ": " + std::to_string(out.size()) +
                                   " messages, " + std::to_string(at_end.size()) + "/" +
                                   std::to_string(*partitions) + " partitions at end after " +
                                   std::to_string(options.timeout_ms) + " ms" +
                                   (last_error.empty() ? "" : "; last error: " + last_error)};
    }
    MessagePtr m(rd_kafka_consumer_poll(rk->get(), std::min(remaining_ms(deadline), 100)));
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      at_end.insert(m->partition);
      continue;
    }
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      // Transient client errors (a reconnect) recover by themselves; keep the latest for the
      // report.
      last_error = rd_kafka_message_errstr(m.get());
      continue;
    }
    at_end.erase(m->partition);
    Message msg;
    msg.topic = topic;
    msg.partition = m->partition;
    msg.offset = m->offset;
    if (m->key != nullptr) msg.key.emplace(static_cast<const char*>(m->key), m->key_len);
    if (m->payload != nullptr) msg.value.assign(static_cast<const char*>(m->payload), m->len);
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m.get(), &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const char* name = nullptr;
      const void* value = nullptr;
      size_t size = 0;
      for (size_t i = 0;
           rd_kafka_header_get_all(hdrs, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
           ++i) {
        msg.headers.emplace_back(
            name, value ? std::string(static_cast<const char*>(value), size) : std::string());
      }
    }
    out.push_back(std::move(msg));
  }
  rd_kafka_consumer_close(rk->get());
  std::stable_sort(out.begin(), out.end(), [](const Message& a, const Message& b) {
    return a.partition != b.partition ? a.partition < b.partition : a.offset < b.offset;
  });
  return out;
}

Result<std::map<int32_t, int64_t>> committed_offsets(const std::string& group,
                                                     const std::string& topic, int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  auto conf = make_conf({{"group.id", group}, {"enable.auto.commit", "false"}});
  if (!conf) return conf.status();
  auto rk = make_client_with(RD_KAFKA_CONSUMER, std::move(*conf));
  if (!rk) return rk.status();
  auto partitions = partition_count_with(rk->get(), topic, remaining_ms(deadline), false);
  if (!partitions) return partitions.status();
  PartitionListPtr list(rd_kafka_topic_partition_list_new(*partitions));
  for (int p = 0; p < *partitions; ++p)
    rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
  // OffsetFetch goes to the group coordinator without joining the group.
  rd_kafka_resp_err_t err =
      rd_kafka_committed(rk->get(), list.get(), std::max(remaining_ms(deadline), 1));
  rd_kafka_consumer_close(rk->get());
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) return kafka_error("committed offsets of " + group, err);
  std::map<int32_t, int64_t> out;
  for (int i = 0; i < list->cnt; ++i) {
    const rd_kafka_topic_partition_t& tp = list->elems[i];
    if (tp.err != RD_KAFKA_RESP_ERR_NO_ERROR) return kafka_error("committed offset", tp.err);
    if (tp.offset >= 0) out[tp.partition] = tp.offset;
  }
  return out;
}

}  // namespace wirefeed::testing
