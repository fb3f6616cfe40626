// passthrough: the ceiling the daemon is measured against. Copies N records from an input topic to
// an output topic with nothing in between: a consumer group member and an idempotent acks=all
// producer, librdkafka's C API, one thread. Offsets are committed (async, every --commit-every
// deliveries) only for records whose copy was acknowledged, as the daemon's at-least-once mode
// does.
//
// The consumed message is handed to the producer without a copy (no RD_KAFKA_MSG_F_COPY) and freed
// in the delivery report: the fastest variant measured (docs librdkafka-notes).
//
//   passthrough --brokers 127.0.0.1:9092 --input wire.raw --output wire.copy --count 100000
//               [--group G] [--commit-every 1000] [--timeout-s 300]
//               [-X consumer.NAME=VALUE]... [-X producer.NAME=VALUE]...
//
// Prints one line of key=value figures; stories_per_s excludes the warm-up (the first tenth, at
// most 10000 records), because the first delivery report can take about a second to arrive.

#include <librdkafka/rdkafka.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string brokers;
  std::string input;
  std::string output;
  std::string group = "wirefeed-passthrough";
  int64_t count = 0;
  int64_t commit_every = 1000;
  int timeout_s = 300;
  std::vector<std::pair<std::string, std::string>> consumer_props;
  std::vector<std::pair<std::string, std::string>> producer_props;
};

// Defaults meant to match the daemon's, so the two are compared like for like. The consumer queue
// is large because librdkafka 2.0.2 backs off for a hard-wired second whenever it is full.
const std::vector<std::pair<std::string, std::string>> kConsumerDefaults = {
    {"enable.auto.commit", "false"},   {"enable.auto.offset.store", "false"},
    {"auto.offset.reset", "earliest"}, {"queued.max.messages.kbytes", "1048576"},
    {"fetch.wait.max.ms", "10"},
};
const std::vector<std::pair<std::string, std::string>> kProducerDefaults = {
    {"enable.idempotence", "true"},
    {"acks", "all"},
    {"linger.ms", "5"},
    {"batch.size", "1000000"},
    {"queue.buffering.max.messages", "1000000"},
    {"queue.buffering.max.kbytes", "2097151"},
};

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using KafkaPtr = std::unique_ptr<rd_kafka_t, KafkaDeleter>;
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

// State of the delivery report callback. It runs on one thread at a time: the producer's poll
// thread, then (after that thread is joined) the main thread inside rd_kafka_flush().
struct Copier {
  rd_kafka_t* consumer = nullptr;
  std::string input;
  int64_t commit_every = 1000;
  std::atomic<int64_t> delivered{0};
  std::atomic<int64_t> failed{0};
  int64_t commits = 0;
  int64_t warmup = 0;
  Clock::time_point warm_at;
  Clock::time_point last_at;
  // Next offset to commit per input partition (-1: nothing delivered yet). Delivery reports of one
  // partition arrive in order with idempotence, so the latest one is the position to commit.
  std::vector<int64_t> next_offset;
  bool dirty = false;

  void commit(bool async) {
    if (!dirty) return;
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(next_offset.size())));
    for (size_t p = 0; p < next_offset.size(); ++p) {
      if (next_offset[p] >= 0) {
        rd_kafka_topic_partition_list_add(list.get(), input.c_str(), static_cast<int32_t>(p))
            ->offset = next_offset[p];
      }
    }
    rd_kafka_resp_err_t err = rd_kafka_commit(consumer, list.get(), async ? 1 : 0);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      std::fprintf(stderr, "passthrough: commit failed: %s\n", rd_kafka_err2str(err));
    }
    ++commits;
    dirty = false;
  }
};

void on_delivery(rd_kafka_t* /*rk*/, const rd_kafka_message_t* m, void* opaque) {
  auto* copier = static_cast<Copier*>(opaque);
  auto* consumed = static_cast<rd_kafka_message_t*>(m->_private);
  if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    // Not committed, so a restart would copy it again: at-least-once, like the daemon.
    if (copier->failed++ == 0) {
      std::fprintf(stderr, "passthrough: delivery failed: %s\n", rd_kafka_err2str(m->err));
    }
  } else {
    const auto p = static_cast<size_t>(consumed->partition);
    if (p >= copier->next_offset.size()) copier->next_offset.resize(p + 1, -1);
    copier->next_offset[p] = consumed->offset + 1;
    copier->dirty = true;
    const int64_t delivered = copier->delivered.fetch_add(1, std::memory_order_relaxed) + 1;
    copier->last_at = Clock::now();
    if (delivered == copier->warmup) copier->warm_at = copier->last_at;
    // rd_kafka_commit is thread-safe; async keeps this callback from waiting on the coordinator.
    if (delivered % copier->commit_every == 0) copier->commit(true);
  }
  rd_kafka_message_destroy(consumed);
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(
      stderr,
      "passthrough: %s\nusage: passthrough --brokers B --input T --output T --count N "
      "[--group G] [--commit-every N] [--timeout-s S] [-X consumer.K=V] [-X producer.K=V]\n",
      why);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value after " + a).c_str());
      return argv[++i];
    };
    if (a == "--brokers") {
      o.brokers = value();
    } else if (a == "--input") {
      o.input = value();
    } else if (a == "--output") {
      o.output = value();
    } else if (a == "--group") {
      o.group = value();
    } else if (a == "--count") {
      o.count = std::strtoll(value().c_str(), nullptr, 10);
    } else if (a == "--commit-every") {
      o.commit_every = std::strtoll(value().c_str(), nullptr, 10);
    } else if (a == "--timeout-s") {
      o.timeout_s = std::atoi(value().c_str());
    } else if (a == "-X") {
      std::string kv = value();
      auto dot = kv.find('.');
      auto eq = kv.find('=');
      if (dot == std::string::npos || eq == std::string::npos || eq < dot)
        usage("-X wants consumer.K=V");
      std::string scope = kv.substr(0, dot);
      std::pair<std::string, std::string> prop{kv.substr(dot + 1, eq - dot - 1), kv.substr(eq + 1)};
      if (scope == "consumer") {
        o.consumer_props.push_back(prop);
      } else if (scope == "producer") {
        o.producer_props.push_back(prop);
      } else {
        usage("-X scope must be consumer or producer");
      }
    } else {
      usage(("unknown argument " + a).c_str());
    }
  }
  if (o.brokers.empty() || o.input.empty() || o.output.empty() || o.count <= 0 ||
      o.commit_every <= 0) {
    usage("--brokers, --input, --output and a positive --count are required");
  }
  return o;
}

KafkaPtr make_client(rd_kafka_type_t type, const Options& o,
                     const std::vector<std::pair<std::string, std::string>>& defaults,
                     const std::vector<std::pair<std::string, std::string>>& overrides,
                     Copier* copier) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char errstr[512];
  auto set = [&](const std::string& k, const std::string& v) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
      std::fprintf(stderr, "passthrough: %s=%s: %s\n", k.c_str(), v.c_str(), errstr);
      std::exit(2);
    }
  };
  set("bootstrap.servers", o.brokers);
  if (type == RD_KAFKA_CONSUMER) set("group.id", o.group);
  for (const auto& [k, v] : defaults) set(k, v);
  for (const auto& [k, v] : overrides) set(k, v);
  if (type == RD_KAFKA_PRODUCER) {
    rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
    rd_kafka_conf_set_opaque(conf, copier);
  }
  rd_kafka_t* rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
  if (rk == nullptr) {
    rd_kafka_conf_destroy(conf);  // rd_kafka_new owns the conf only on success
    std::fprintf(stderr, "passthrough: creating client: %s\n", errstr);
    std::exit(1);
  }
  return KafkaPtr(rk);
}

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  Copier copier;
  copier.input = o.input;
  copier.commit_every = o.commit_every;
  copier.warmup = std::min<int64_t>(o.count / 10, 10000);

  KafkaPtr consumer =
      make_client(RD_KAFKA_CONSUMER, o, kConsumerDefaults, o.consumer_props, nullptr);
  KafkaPtr producer =
      make_client(RD_KAFKA_PRODUCER, o, kProducerDefaults, o.producer_props, &copier);
  copier.consumer = consumer.get();
  rd_kafka_poll_set_consumer(consumer.get());

  PartitionListPtr topics(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(topics.get(), o.input.c_str(), RD_KAFKA_PARTITION_UA);
  if (auto err = rd_kafka_subscribe(consumer.get(), topics.get());
      err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    std::fprintf(stderr, "passthrough: subscribe %s: %s\n", o.input.c_str(), rd_kafka_err2str(err));
    return 1;
  }

  // Delivery reports are served by their own thread (as the daemon's sink does), so the consume
  // loop can block in consumer_poll instead of alternating short polls of two handles.
  std::atomic<bool> stop_polling{false};
  std::thread poller([&] {
    while (!stop_polling.load(std::memory_order_relaxed)) rd_kafka_poll(producer.get(), 100);
  });

  const auto deadline = Clock::now() + std::chrono::seconds(o.timeout_s);
  int64_t consumed = 0;
  Clock::time_point first_at;
  double cpu_at_first = 0;
  int rc = 0;
  while (consumed < o.count) {
    if (Clock::now() > deadline) {
      std::fprintf(stderr, "passthrough: timed out after %d s: consumed=%lld delivered=%lld\n",
                   o.timeout_s, static_cast<long long>(consumed),
                   static_cast<long long>(copier.delivered.load()));
      rc = 1;
      break;
    }
    rd_kafka_message_t* m = rd_kafka_consumer_poll(consumer.get(), 100);
    if (m == nullptr) continue;
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        std::fprintf(stderr, "passthrough: consume: %s\n", rd_kafka_message_errstr(m));
      }
      rd_kafka_message_destroy(m);
      continue;
    }
    if (consumed == 0) {
      first_at = Clock::now();
      cpu_at_first = cpu_seconds();
    }
    ++consumed;
    // The producer reads the consumed buffers in place; the delivery report frees them.
    void* payload = m->payload;
    const size_t len = m->len;
    const void* key = m->key;
    const size_t key_len = m->key_len;
    while (true) {
      rd_kafka_resp_err_t err =
          rd_kafka_producev(producer.get(), RD_KAFKA_V_TOPIC(o.output.c_str()),
                            RD_KAFKA_V_VALUE(payload, len), RD_KAFKA_V_KEY(key, key_len),
                            RD_KAFKA_V_MSGFLAGS(0), RD_KAFKA_V_OPAQUE(m), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        std::fprintf(stderr, "passthrough: produce: %s\n", rd_kafka_err2str(err));
        rd_kafka_message_destroy(m);
        copier.failed.fetch_add(1);
        break;
      }
      // The poll thread drains delivery reports; wait for it to make room.
      std::this_thread::yield();
    }
  }
  // The poll thread must be gone before flush(): flush() serves delivery reports itself, and two
  // threads running the callback at once race on the offsets (a crash seen in testing).
  stop_polling.store(true);
  poller.join();
  if (rd_kafka_flush(producer.get(), 30000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    std::fprintf(stderr, "passthrough: flush timed out\n");
    rc = 1;
  }
  copier.commit(false);
  const double cpu = cpu_seconds() - cpu_at_first;
  rd_kafka_consumer_close(consumer.get());

  const double total_s = std::chrono::duration<double>(copier.last_at - first_at).count();
  const double steady_s = std::chrono::duration<double>(copier.last_at - copier.warm_at).count();
  const int64_t delivered = copier.delivered.load();
  const int64_t failed = copier.failed.load();
  const int64_t steady_n = delivered - copier.warmup;
  std::printf(
      "passthrough count=%lld delivered=%lld failed=%lld commits=%lld total_s=%.3f "
      "stories_per_s=%.0f overall_stories_per_s=%.0f cpu_us_per_story=%.2f\n",
      static_cast<long long>(o.count), static_cast<long long>(delivered),
      static_cast<long long>(failed), static_cast<long long>(copier.commits), total_s,
      steady_s > 0 ? static_cast<double>(steady_n) / steady_s : 0.0,
      total_s > 0 ? static_cast<double>(delivered) / total_s : 0.0,
      delivered > 0 ? cpu * 1e6 / static_cast<double>(delivered) : 0.0);
  if (failed != 0 || delivered != o.count) rc = 1;
  return rc;
}
