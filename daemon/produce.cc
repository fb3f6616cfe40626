#include "daemon/produce.h"

#include <simdjson.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "core/kafka.h"

namespace wirefeed {

namespace {

struct DeliveryCounts {
  std::atomic<uint64_t> ok{0};
  std::atomic<uint64_t> failed{0};
};

void dr_cb(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
  auto* c = static_cast<DeliveryCounts*>(opaque);
  if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    c->ok.fetch_add(1, std::memory_order_relaxed);
  } else {
    c->failed.fetch_add(1, std::memory_order_relaxed);
  }
}

// The story's uri for the message key; empty when the line has none (malformed lines included).
std::string_view uri_of(simdjson::ondemand::parser& parser, std::string& padded,
                        std::string_view line) {
  padded.assign(line);
  padded.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::ondemand::document doc;
  if (parser.iterate(padded.data(), line.size(), padded.size()).get(doc)) return {};
  std::string_view uri;
  if (doc.find_field_unordered("uri").get_string().get(uri)) return {};
  return uri;
}

}  // namespace

Result<ProduceSummary> run_produce(const ProduceOptions& o, const std::atomic<bool>& stop) {
  ProduceSummary summary;
  DeliveryCounts counts;
  std::vector<RdProperty> defaults = {
      {"bootstrap.servers", o.brokers, ""},
      {"enable.idempotence", "true", ""},
      {"acks", "all", ""},
      {"linger.ms", "5", ""},
      {"batch.size", "1000000", ""},
      {"message.max.bytes", "16777216", ""},
  };
  std::vector<RdProperty> extra;
  for (const auto& p : o.properties) extra.push_back({p.name, p.value, p.origin});
  auto conf = make_rd_conf(defaults, extra);
  if (!conf) return conf.status();
  rd_kafka_conf_set_dr_msg_cb(conf->get(), dr_cb);
  rd_kafka_conf_set_opaque(conf->get(), &counts);
  char err[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf->get(), err, sizeof err);
  if (rk == nullptr) return Status("kafka", std::string("cannot create producer: ") + err);
  conf->release();
  RdKafkaPtr producer(rk);

  FILE* in = o.input == "-" ? stdin : std::fopen(o.input.c_str(), "rb");
  if (in == nullptr) return Status("io", "cannot open " + o.input + ": " + std::strerror(errno));
  simdjson::ondemand::parser parser;
  std::string padded;
  char* line = nullptr;
  size_t cap = 0;
  const auto t0 = std::chrono::steady_clock::now();
  ssize_t len;
  Status result;
  while (!stop.load() && (o.limit < 0 || static_cast<int64_t>(summary.lines) < o.limit) &&
         (len = getline(&line, &cap, in)) >= 0) {
    std::string_view v(line, static_cast<size_t>(len));
    if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    if (v.empty()) continue;
    const std::string_view key = o.key == "uri" ? uri_of(parser, padded, v) : std::string_view();
    for (;;) {
      const auto e = rd_kafka_producev(
          rk, RD_KAFKA_V_TOPIC(o.topic.c_str()), RD_KAFKA_V_PARTITION(o.partition),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_VALUE(const_cast<char*>(v.data()), v.size()),
          RD_KAFKA_V_KEY(key.empty() ? nullptr : key.data(), key.size()), RD_KAFKA_V_END);
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR) break;
      if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        result = Status("kafka", std::string("produce failed: ") + rd_kafka_err2str(e));
        break;
      }
      rd_kafka_poll(rk, 10);
    }
    if (!result.is_ok()) break;
    ++summary.lines;
    summary.bytes += v.size();
    rd_kafka_poll(rk, 0);
    if (o.rate > 0) {
      const auto due =
          t0 + std::chrono::duration<double>(static_cast<double>(summary.lines) / o.rate);
      std::this_thread::sleep_until(due);  // pacing the load, not synchronising
    }
  }
  std::free(line);
  if (in != stdin) std::fclose(in);
  while (rd_kafka_outq_len(rk) > 0 && !stop.load()) rd_kafka_flush(rk, 100);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  summary.failed = counts.failed.load();
  if (!result.is_ok()) return result;
  if (summary.failed > 0) {
    return Status("kafka", std::to_string(summary.failed) + " of " + std::to_string(summary.lines) +
                               " stories were not delivered");
  }
  return summary;
}

}  // namespace wirefeed
