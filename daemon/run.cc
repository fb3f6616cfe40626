#include "daemon/run.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/embedded.h"
#include "core/kafka.h"
#include "core/simd.h"
#include "core/worker_pool.h"
#include "daemon/fetch_waker.h"
#include "daemon/latency_histogram.h"
#include "daemon/offset_tracker.h"
#include "daemon/partition_aligner.h"
#include "daemon/settings.h"
#include "pipeline/enricher.h"
#include "sinks/kafka_sink.h"

namespace wirefeed {

namespace {

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// 100 * part / whole, 0 for an empty whole.
double percent(uint64_t part, uint64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

struct Counters {
  std::atomic<uint64_t> consumed{0};
  std::atomic<uint64_t> consumed_bytes{0};
  std::atomic<uint64_t> produced{0};  // acknowledged output records (changelog excluded)
  std::atomic<uint64_t> enriched{0};
  std::atomic<uint64_t> duplicates{0};
  std::atomic<uint64_t> near_duplicates{0};
  std::atomic<uint64_t> updates{0};
  std::atomic<uint64_t> dead_lettered{0};
  std::atomic<uint64_t> delivery_failures{0};
  // When the last story had every record acknowledged: the summary's rate is over
  // first consumed -> last acknowledged, the span bench/tools/passthrough.cc measures too.
  std::atomic<int64_t> last_done_ns{0};
  // Stories with every record acknowledged, and when the kWarmupStories-th was: the steady rate
  // leaves out the first delivery round trips and topic creation, as bench/tools/passthrough.cc
  // does.
  std::atomic<uint64_t> done{0};
  std::atomic<int64_t> warm_ns{0};
};
constexpr uint64_t kWarmupStories = 10'000;
// The most messages taken in one batch. The two batches' reused Analysis slots each keep the
// capacity of the largest results they have held (until 2026-12-01 the largest story's text
// too, which the measurement below was made with), and a story waits for its whole batch to be
// analysed and then finished. Against 1024 (by hand, 2026-11-30): a 200k-story backlog peaked at
// 124-156 MB instead of 192-213, and on a 10k stories/s live tail the daemon's own p99 was 39-46
// ms instead of 110-185 (docs/PERFORMANCE.md).
constexpr size_t kMaxBatch = 256;
// At-least-once offsets are committed at most this often (asynchronously), backpressured or not.
constexpr int64_t kCommitIntervalNs = 1'000'000'000LL;
// A partition with a backlog that has delivered nothing for this long no longer holds the others
// back (daemon/partition_aligner.h): its end may be a control record it can never read.
constexpr int64_t kAlignIdleNs = 2'000'000'000LL;
// ...and for a newly assigned one, how long it may take to deliver its first story.
constexpr int64_t kAlignFirstDeliveryNs = 30'000'000'000LL;
static_assert(PartitionAligner::kNoLimit == DedupIndex::kNoEvictionLimit);

// The per-record opaque handed to librdkafka: which input entry it belongs to, and whether it
// counts as an output record for the stats.
struct RecordTag {
  OffsetTracker::Entry* entry;
  // A dedup changelog batch record: the stories it carries (entry is unused). The vector's
  // capacity stays with the pooled tag, so batches allocate nothing once warmed up.
  std::vector<OffsetTracker::Entry*> entries;
  int64_t produced_ns;  // handed to the producer: the delivery part of the latency starts here
  bool counts;
};

// Rate-limited warnings for bad records: at most one line per `interval` with the number
// suppressed.
class RateLimitedWarn {
 public:
  void warn(std::string_view topic, int32_t partition, int64_t offset, const Status& s) {
    const int64_t t = now_ns();
    if (t - last_ns_ < 1'000'000'000LL) {
      ++suppressed_;
      return;
    }
    spdlog::warn(
        "Dead-lettered story topic={} partition={} offset={} reason={} message=\"{}\" "
        "suppressed={}",
        topic, partition, offset, s.code(), s.message(), suppressed_);
    suppressed_ = 0;
    last_ns_ = t;
  }

 private:
  int64_t last_ns_ = 0;
  uint64_t suppressed_ = 0;
};

std::vector<RdProperty> to_rd(const std::vector<KafkaProperty>& props) {
  std::vector<RdProperty> out;
  out.reserve(props.size());
  for (const auto& p : props) out.push_back(RdProperty{p.name, p.value, p.origin});
  return out;
}

class Daemon {
 public:
  Daemon(const Config& config, RunControl& control)
      : config_(config),
        control_(control),
        aligner_(config.dedup.enabled ? config.dedup.max_partition_skew_minutes * 60 * 1000 : 0,
                 kAlignIdleNs, kAlignFirstDeliveryNs) {}
  ~Daemon() { teardown(); }
  int run();

 private:
  Status start();
  Status make_producer();
  void on_delivery(void* opaque, rd_kafka_resp_err_t err);
  void record_done(OffsetTracker::Entry* e, bool ok, int64_t t);
  // Exactly-once: the open transaction's input positions and bookkeeping.
  bool exactly_once() const { return config_.pipeline.delivery == Delivery::kExactlyOnce; }
  // Dead letters carry the original bytes in full up to this size; beyond it (a message far over
  // max_message_bytes) the value is cut and headers give the original size.
  int64_t dead_letter_limit() const {
    return std::max<int64_t>(1'000'000, 2 * config_.pipeline.max_message_bytes);
  }
  Status ensure_transaction();
  Status commit_transaction();
  void recover_from_abort();
  Status rewind_to_committed();
  void maybe_commit_transaction(bool force);
  Status make_consumer();
  Status ensure_changelog_topic();
  void warm_output_topics();
  Status replay_changelog();
  void apply_changelog_tail(int timeout_ms);
  bool changelog_caught_up(int64_t deadline_ns);
  bool sole_reader();
  void update_changelog_tail();
  void set_changelog_paused(bool paused);
  // A consumed batch: analysed on every core while the previous one goes through the in-order
  // stages, then finished (dedup, render, produce) on the main thread.
  struct InBatch {
    std::vector<rd_kafka_message_t*> msgs;
    std::vector<Analysis> analyses;
    size_t n = 0;
    int64_t consumed_ns = 0;  // latency is measured from here, not from when the batch is finished
  };
  void analyze_batch(InBatch& b, size_t worker, std::atomic<size_t>& cursor);
  void finish_batch(InBatch& b);
  void finish_pending();
  void discard_pending();
  void produce(const std::string& topic, std::string_view key, std::string_view value,
               rd_kafka_headers_t* headers, OffsetTracker::Entry* entry, bool counts);
  void send(const std::string& topic, std::string_view key, std::string_view value,
            rd_kafka_headers_t* headers, RecordTag* tag);
  void flush_changelog_batch();
  void commit_progress(bool sync);
  void on_rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts);
  void align_partitions();
  void resume_all_partitions();
  bool flush_producer(int64_t timeout_ms);
  void log_stats(bool final_line);
  bool drained();
  void reload_resources();
  void teardown();

  static void rebalance_cb(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                           rd_kafka_topic_partition_list_t* parts, void* opaque);

  const Config& config_;
  RunControl& control_;
  PipelineOptions popts_;
  std::shared_ptr<const PipelineResources> resources_;
  std::unique_ptr<DedupIndex> index_;
  std::unique_ptr<WorkerPool> pool_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
  InBatch batches_[2];
  InBatch* pending_ = nullptr;  // analysed, waiting for its in-order stages
  std::string rendered_;

  KafkaSink sink_;
  RdKafkaPtr consumer_;
  std::unique_ptr<FetchWaker> fetch_waker_;  // librdkafka < 2.2.0 only (daemon/fetch_waker.h)
  RdKafkaPtr changelog_;  // group-less consumer of the dedup changelog (replay, then tail)
  std::unique_ptr<FetchWaker> changelog_waker_;  // replay reads faster than it applies
  rd_kafka_queue_t* consumer_queue_ = nullptr;
  rd_kafka_queue_t* changelog_queue_ = nullptr;
  int changelog_partitions_ = 0;
  // The tail is paused while this instance is the group's only member and reads every input
  // partition: then every changelog record is its own, already in its index, and reading them
  // back cost ~10% of the backlog rate. Paused, the reader keeps its position; resumed (when the
  // group grows), it reads on from there, so other instances' records are late, never lost.
  bool tail_paused_ = false;
  bool tail_check_ = false;  // the assignment changed: decide again (in the main loop)
  uint64_t tail_pauses_ = 0;
  uint64_t tail_records_ = 0;      // changelog records read by the tail (stats)
  std::vector<int64_t> tail_eof_;  // per changelog partition: where the tail last reached its end
  bool txn_open_ = false;
  int64_t txn_started_ns_ = 0;
  int64_t txn_stories_ = 0;
  std::map<std::pair<std::string, int32_t>, int64_t, TopicPartitionLess>
      txn_offsets_;  // next offset to consume
  uint64_t transactions_ = 0, aborts_ = 0;

  OffsetTracker tracker_;
  std::vector<std::unique_ptr<RecordTag>> tag_pool_;
  std::mutex tag_mu_;
  std::vector<RecordTag*> free_tags_;
  Counters counters_;
  // Consume -> acknowledged of every story, with the count over [stats] latency_slo_ms.
  LatencyHistogram latency_{config_.stats.latency_slo_ms * 1'000'000};
  uint64_t over_slo_total_ = 0;  // stories over the objective, whole run (the stats line's thread)
  // Produce -> acknowledged of every record (producer linger, broker, acks): splits the latency
  // above into what the daemon spends and what delivery spends, for operators and tuning.
  LatencyHistogram ack_latency_;
  // Consume -> handed to the producer of every record: the time a story spends in the daemon
  // (waiting for its batch, enrichment, the in-order dedup stage).
  LatencyHistogram daemon_latency_;
  RateLimitedWarn warn_;
  std::set<std::pair<std::string, int32_t>> assigned_;
  PartitionAligner aligner_;
  std::set<std::pair<std::string, int32_t>, TopicPartitionLess> at_eof_;
  std::mutex wait_mu_;
  std::condition_variable wait_cv_;  // signalled by delivery reports: in-flight space freed
  // Set while the main loop waits for in-flight space; delivery reports wake it only once
  // in_flight has fallen to resume_at_ (hysteresis), not once per acknowledged story.
  std::atomic<bool> backpressured_{false};
  int64_t resume_at_ = 0;
  int64_t last_stats_ns_ = 0;
  int64_t first_consume_ns_ = 0;  // when the first story arrived
  int64_t last_commit_ns_ = 0;
  uint64_t stats_consumed_ = 0, stats_produced_ = 0, stats_bytes_ = 0, stats_dup_ = 0,
           stats_near_ = 0, stats_dlq_ = 0;
  std::string key_buf_;  // a changelog batch record's key
  // The dedup changelog records of the batch being finished, produced as one record at its end
  // (or every kChangelogBatchBytes), and the stories waiting for it.
  static constexpr size_t kChangelogBatchBytes = 512 * 1024;
  std::string changelog_batch_;
  std::vector<OffsetTracker::Entry*> changelog_entries_;
  // Batch records' keys: unique (instance, process start, sequence), so compaction never drops one.
  std::string changelog_key_prefix_;
  uint64_t changelog_seq_ = 0;
  bool torn_down_ = false;
  bool fatal_ = false;
};

RecordTag* acquire_tag(std::mutex& mu, std::vector<RecordTag*>& free_tags,
                       std::vector<std::unique_ptr<RecordTag>>& pool) {
  std::lock_guard lock(mu);
  if (!free_tags.empty()) {
    RecordTag* t = free_tags.back();
    free_tags.pop_back();
    return t;
  }
  pool.push_back(std::make_unique<RecordTag>());
  return pool.back().get();
}

void Daemon::on_delivery(void* opaque, rd_kafka_resp_err_t err) {
  auto* tag = static_cast<RecordTag*>(opaque);
  if (tag == nullptr) return;
  const bool ok = err == RD_KAFKA_RESP_ERR_NO_ERROR;
  if (!ok) {
    counters_.delivery_failures.fetch_add(1, std::memory_order_relaxed);
    spdlog::error("Delivery failed error=\"{}\": the input offset will not be committed",
                  rd_kafka_err2str(err));
  } else if (tag->counts) {
    counters_.produced.fetch_add(1, std::memory_order_relaxed);
  }
  const int64_t t = now_ns();
  const bool batch = !tag->entries.empty();
  OffsetTracker::Entry* const first = batch ? tag->entries.front() : tag->entry;
  if (ok) {
    ack_latency_.record(t - tag->produced_ns);
    daemon_latency_.record(tag->produced_ns - first->consumed_ns);
  }
  // The tag goes back to the pool before its stories complete (the last completion may let
  // shutdown proceed); a batch's entries move to this thread's list first, which takes the tag's
  // capacity in exchange for its own (no allocation once warmed up).
  thread_local std::vector<OffsetTracker::Entry*> batch_entries;
  batch_entries.clear();
  if (batch) batch_entries.swap(tag->entries);
  OffsetTracker::Entry* const single = tag->entry;
  {
    std::lock_guard lock(tag_mu_);
    free_tags_.push_back(tag);
  }
  if (batch) {
    for (OffsetTracker::Entry* e : batch_entries) record_done(e, ok, t);
  } else {
    record_done(single, ok, t);
  }
}

// One of a story's records was acknowledged (or failed for good); the story is done with its last.
void Daemon::record_done(OffsetTracker::Entry* e, bool ok, int64_t t) {
  const int64_t consumed_ns = e->consumed_ns;  // read before complete() may let it be reused
  if (OffsetTracker::complete(e, ok)) {
    latency_.record(t - consumed_ns);
    counters_.last_done_ns.store(t, std::memory_order_relaxed);
    if (counters_.done.fetch_add(1, std::memory_order_relaxed) + 1 == kWarmupStories)
      counters_.warm_ns.store(t, std::memory_order_relaxed);
    if (backpressured_.load(std::memory_order_acquire) && tracker_.in_flight() <= resume_at_) {
      std::lock_guard lock(wait_mu_);  // no lost wake-up between the check and the wait
      wait_cv_.notify_one();
    }
  }
}

void Daemon::rebalance_cb(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                          rd_kafka_topic_partition_list_t* parts, void* opaque) {
  static_cast<Daemon*>(opaque)->on_rebalance(err, parts);
  (void)rk;
}

void Daemon::on_rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* parts) {
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
    for (int i = 0; i < parts->cnt; ++i) {
      assigned_.insert({parts->elems[i].topic, parts->elems[i].partition});
      aligner_.assign(parts->elems[i].topic, parts->elems[i].partition, now_ns());
      spdlog::info("Partition assigned topic={} partition={}", parts->elems[i].topic,
                   parts->elems[i].partition);
    }
    rd_kafka_assign(consumer_.get(), parts);
    tail_check_ = true;
    // librdkafka keeps a partition's pause flag across a revoke and a new assignment: one the
    // aligner paused before it was revoked would never be read again.
    if (aligner_.enabled()) rd_kafka_resume_partitions(consumer_.get(), parts);
    return;
  }
  // Revoked: finish the batch already analysed, so what remains is in the producer. Wait for its
  // acknowledgements, commit, and only then give the partitions up, so the next owner starts
  // exactly after what we produced.
  finish_pending();
  if (exactly_once()) {
    if (Status s = commit_transaction(); !s) {
      spdlog::warn(
          "Rebalance: transaction not committed ({}); aborted, the next owner reprocesses it",
          s.message());
      if (s.code() == "txn_fatal") {
        fatal_ = true;
      } else {
        recover_from_abort();
      }
    }
  } else if (!flush_producer(config_.shutdown.timeout_ms)) {
    spdlog::warn(
        "Rebalance: producer did not drain in time; uncommitted stories will be reprocessed by the "
        "next owner");
  }
  if (!exactly_once()) commit_progress(true);
  for (int i = 0; i < parts->cnt; ++i) {
    tracker_.drop(parts->elems[i].topic, parts->elems[i].partition);
    assigned_.erase({parts->elems[i].topic, parts->elems[i].partition});
    aligner_.forget(parts->elems[i].topic, parts->elems[i].partition);
    at_eof_.erase({parts->elems[i].topic, parts->elems[i].partition});
    spdlog::info("Partition revoked topic={} partition={}", parts->elems[i].topic,
                 parts->elems[i].partition);
  }
  rd_kafka_assign(consumer_.get(), nullptr);
  tail_check_ = true;
}

Status Daemon::make_producer() {
  std::vector<RdProperty> defaults = {
      {"bootstrap.servers", config_.kafka.brokers, ""},
      {"enable.idempotence", "true", ""},
      {"acks", "all", ""},
      {"linger.ms", "5", ""},
      {"batch.size", "1000000", ""},
      {"queue.buffering.max.kbytes", "65536", ""},
      {"queue.buffering.max.messages", "200000", ""},
      // Room for an enriched record of a story at the limit, and for a dead letter up to twice it.
      {"message.max.bytes", std::to_string(dead_letter_limit() + (1 << 20)), ""},
      {"client.id", effective_instance_id(config_.kafka), ""},
  };
  std::string txn_id;
  if (exactly_once()) {
    // Stable per instance, so a restarted instance fences its crashed predecessor's transactions.
    txn_id = "wirefeed-" + config_.kafka.group_id + "-" + effective_instance_id(config_.kafka);
    defaults.push_back({"transaction.timeout.ms", "60000", ""});
  } else {
    // Never give up on a record: an outage is ridden out rather than turned into loss. Shutdown
    // has its own deadline. (Transactions bound it by transaction.timeout.ms instead.)
    defaults.push_back({"message.timeout.ms", "0", ""});
  }
  return sink_.open(
      defaults, to_rd(config_.kafka.producer),
      [this](void* opaque, rd_kafka_resp_err_t err) { on_delivery(opaque, err); }, txn_id);
}

Status Daemon::make_consumer() {
  std::vector<RdProperty> defaults = {
      {"bootstrap.servers", config_.kafka.brokers, ""},
      {"group.id", config_.kafka.group_id, ""},
      {"enable.auto.commit", "false", ""},
      {"enable.auto.offset.store", "false", ""},
      {"auto.offset.reset", "earliest", ""},
      // 16 MiB: ~140 ms of processing at 40k stories/s of 3 KB (arithmetic). librdkafka stops
      // fetching while the queue is over it and, before 2.2.0, resumed only up to a second later:
      // FetchWaker (or fetch.queue.backoff.ms from 2.2.0) resumes it as soon as the queue drains.
      // It used to be 128 MiB, held in memory on any backlog (docs/operations.md, "Memory").
      {"queued.max.messages.kbytes", "16384", ""},
      {"fetch.max.bytes", "52428800", ""},
      {"max.partition.fetch.bytes",
       std::to_string(std::max<int64_t>(1 << 20, config_.pipeline.max_message_bytes + 1024)), ""},
      {"enable.partition.eof", control_.exit_when_drained ? "true" : "false", ""},
      {"client.id", effective_instance_id(config_.kafka), ""},
  };
  if (config_.kafka.embedded()) defaults.push_back({"fetch.wait.max.ms", "10", ""});
  FetchWaker::add_native_backoff(defaults);
  auto conf = make_rd_conf(defaults, to_rd(config_.kafka.consumer));
  if (!conf) return conf.status();
  rd_kafka_conf_set_rebalance_cb(conf->get(), &Daemon::rebalance_cb);
  rd_kafka_conf_set_opaque(conf->get(), this);
  char err[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), err, sizeof err);
  if (rk == nullptr) return Status("kafka", std::string("cannot create consumer: ") + err);
  conf->release();
  consumer_.reset(rk);
  rd_kafka_poll_set_consumer(rk);
  consumer_queue_ = rd_kafka_queue_get_consumer(rk);
  fetch_waker_ = FetchWaker::start_if_needed(rk, consumer_queue_);
  RdPartitionsPtr topics(
      rd_kafka_topic_partition_list_new(static_cast<int>(config_.kafka.input_topics.size())));
  for (const auto& t : config_.kafka.input_topics) {
    rd_kafka_topic_partition_list_add(topics.get(), t.c_str(), RD_KAFKA_PARTITION_UA);
  }
  if (auto e = rd_kafka_subscribe(rk, topics.get()); e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status("kafka", std::string("cannot subscribe: ") + rd_kafka_err2str(e));
  }
  return {};
}

bool topic_exists(rd_kafka_t* rk, const std::string& topic) {
  // All-topics metadata: asking for one topic by name could auto-create it uncompacted.
  const rd_kafka_metadata_t* md = nullptr;
  if (rd_kafka_metadata(rk, 1, nullptr, &md, 10000) != RD_KAFKA_RESP_ERR_NO_ERROR) return false;
  bool found = false;
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (topic == md->topics[i].topic && md->topics[i].err == RD_KAFKA_RESP_ERR_NO_ERROR)
      found = true;
  }
  rd_kafka_metadata_destroy(md);
  return found;
}

// Asks for the output topics' metadata before the first story, so that their first records do not
// wait for the topic to be looked up (or auto-created by the broker) and a leader elected: measured
// as a one-off ~2 s p99 stall on the first duplicate, and part of the first second's slow start.
// A topic that does not exist after this (auto-creation disabled) is only warned about: records
// for it wait in the producer until it is created.
void Daemon::warm_output_topics() {
  rd_kafka_t* rk = sink_.handle();
  std::vector<std::string> topics = {config_.kafka.enriched_topic, config_.kafka.dead_letter_topic};
  if (config_.pipeline.route_duplicates) topics.push_back(config_.kafka.duplicates_topic);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (const std::string& name : topics) {
    rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, name.c_str(), nullptr);
    if (rkt == nullptr) continue;
    bool ready = false;
    while (!ready && !control_.stop.load() && std::chrono::steady_clock::now() < deadline) {
      const rd_kafka_metadata_t* md = nullptr;
      if (rd_kafka_metadata(rk, 0, rkt, &md, 2000) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        ready = md->topic_cnt == 1 && md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR &&
                md->topics[0].partition_cnt > 0;
        for (int p = 0; ready && p < md->topics[0].partition_cnt; ++p)
          ready = md->topics[0].partitions[p].leader >= 0;
        rd_kafka_metadata_destroy(md);
      }
      if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(100));  // metadata retry
    }
    rd_kafka_topic_destroy(rkt);
    if (!ready) {
      spdlog::warn("Output topic {} is not available yet: its records wait until it is", name);
    }
  }
}

Status Daemon::ensure_changelog_topic() {
  if (topic_exists(sink_.handle(), config_.kafka.changelog_topic)) return {};
  // Deleted after the dedup window: the topic holds the window the index needs on start-up. Not
  // compacted: its records are batches of stories under unique keys, which compaction would
  // only copy (topics created before 2026-11-30 are "compact,delete", which works the same).
  const std::string retention =
      std::to_string(std::max<int64_t>(1, config_.dedup.window_hours) * 3600 * 1000);
  char err[512];
  rd_kafka_NewTopic_t* nt =
      rd_kafka_NewTopic_new(config_.kafka.changelog_topic.c_str(), 1, -1, err, sizeof err);
  if (nt == nullptr) return Status("kafka", std::string("changelog topic: ") + err);
  rd_kafka_NewTopic_set_config(nt, "cleanup.policy", "delete");
  rd_kafka_NewTopic_set_config(nt, "retention.ms", retention.c_str());
  rd_kafka_t* admin = sink_.handle();
  rd_kafka_queue_t* q = rd_kafka_queue_new(admin);
  rd_kafka_AdminOptions_t* opts = rd_kafka_AdminOptions_new(admin, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_AdminOptions_set_operation_timeout(opts, 10000, err, sizeof err);
  rd_kafka_CreateTopics(admin, &nt, 1, opts, q);
  Status result;
  rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 30000);
  if (ev == nullptr) {
    result =
        Status("kafka", "timed out creating the changelog topic " + config_.kafka.changelog_topic);
  } else {
    const rd_kafka_CreateTopics_result_t* res = rd_kafka_event_CreateTopics_result(ev);
    size_t cnt = 0;
    const rd_kafka_topic_result_t** tr =
        res != nullptr ? rd_kafka_CreateTopics_result_topics(res, &cnt) : nullptr;
    if (rd_kafka_event_error(ev) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      result = Status(
          "kafka", std::string("creating the changelog topic: ") + rd_kafka_event_error_string(ev));
    } else if (cnt == 1 && rd_kafka_topic_result_error(tr[0]) != RD_KAFKA_RESP_ERR_NO_ERROR &&
               rd_kafka_topic_result_error(tr[0]) != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
      result = Status("kafka", std::string("creating the changelog topic: ") +
                                   rd_kafka_topic_result_error_string(tr[0]));
    }
    rd_kafka_event_destroy(ev);
  }
  rd_kafka_AdminOptions_destroy(opts);
  rd_kafka_NewTopic_destroy(nt);
  rd_kafka_queue_destroy(q);
  return result;
}

Status Daemon::replay_changelog() {
  if (!changelog_) {
    std::vector<RdProperty> defaults = {
        {"bootstrap.servers", config_.kafka.brokers, ""},
        {"enable.auto.commit", "false", ""},
        {"enable.partition.eof", "true", ""},
        // The tail takes about one small record per story written: larger, rarer fetches cost the
        // broker less than one per round trip (a fetch waits at most 100 ms for them).
        {"fetch.min.bytes", "262144", ""},
        {"fetch.wait.max.ms", "100", ""},
        // Aborted transactions' changelog records must never enter the index.
        {"isolation.level", "read_committed", ""},
        {"client.id", effective_instance_id(config_.kafka) + "-changelog", ""},
    };
    FetchWaker::add_native_backoff(defaults);
    // Security settings of the consumer apply to this client too.
    auto conf = make_rd_conf(defaults, to_rd(config_.kafka.consumer));
    if (!conf) return conf.status();
    rd_kafka_conf_set(conf->get(), "group.id",
                      (config_.kafka.group_id + "-changelog-reader").c_str(), nullptr, 0);
    rd_kafka_conf_set(conf->get(), "enable.partition.eof", "true", nullptr, 0);
    rd_kafka_conf_set(conf->get(), "enable.auto.commit", "false", nullptr, 0);
    // A position that retention has passed (a tail paused for longer than the window) reads on
    // from the oldest record left, never from the end.
    rd_kafka_conf_set(conf->get(), "auto.offset.reset", "earliest", nullptr, 0);
    char err[512];
    rd_kafka_t* created = rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), err, sizeof err);
    if (created == nullptr)
      return Status("kafka", std::string("cannot create changelog reader: ") + err);
    conf.value().release();
    changelog_.reset(created);
  }
  rd_kafka_t* rk = changelog_.get();
  const rd_kafka_metadata_t* md = nullptr;
  rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, config_.kafka.changelog_topic.c_str(), nullptr);
  rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
  int partitions = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    e = rd_kafka_metadata(rk, 0, rkt, &md, 5000);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR && md->topic_cnt == 1 &&
        md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      partitions = md->topics[0].partition_cnt;
      rd_kafka_metadata_destroy(md);
      break;
    }
    if (md != nullptr) rd_kafka_metadata_destroy(md);
    md = nullptr;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // topic creation propagating
  }
  rd_kafka_topic_destroy(rkt);
  if (partitions == 0) {
    return Status("kafka",
                  "cannot read metadata of the changelog topic " + config_.kafka.changelog_topic);
  }
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(partitions));
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(list.get(), config_.kafka.changelog_topic.c_str(), p)
        ->offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  if (auto ae = rd_kafka_assign(rk, list.get()); ae != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status("kafka", std::string("cannot assign the changelog: ") + rd_kafka_err2str(ae));
  }
  changelog_partitions_ = partitions;
  tail_eof_.assign(static_cast<size_t>(partitions), -1);
  // librdkafka keeps a partition's pause flag across assignments: a replay after an abort must
  // read, and the main loop decides about the tail again afterwards.
  if (tail_paused_) {
    rd_kafka_resume_partitions(rk, list.get());
    tail_paused_ = false;
    tail_check_ = true;
  }
  if (changelog_queue_ == nullptr) {
    changelog_queue_ = rd_kafka_queue_get_consumer(rk);
    // The replay reads faster than it applies, so its prefetch queue fills: without the waker a
    // 898k-record replay took 6.6 s, with an unbounded queue 2.7 s (and a 564 MB peak).
    changelog_waker_ = FetchWaker::start_if_needed(rk, changelog_queue_);
  }
  // Read until every partition reports its end: the index then holds what every instance accepted.
  int eof = 0;
  uint64_t applied = 0;
  const int64_t t0 = now_ns();
  std::vector<rd_kafka_message_t*> msgs(1024);
  while (eof < partitions && !control_.stop.load()) {
    // What is fetched, without waiting; then (only when nothing is) up to 500 ms for the next
    // record or event. A blocking batch call waits for a full batch: an empty changelog's replay
    // took its whole 500 ms timeout to see the end-of-partition events.
    ssize_t n = rd_kafka_consume_batch_queue(changelog_queue_, 0, msgs.data(), msgs.size());
    if (n == 0) {
      if (rd_kafka_message_t* first = rd_kafka_consume_queue(changelog_queue_, 500)) {
        msgs[0] = first;
        n = 1 + std::max<ssize_t>(0, rd_kafka_consume_batch_queue(
                                         changelog_queue_, 0, msgs.data() + 1, msgs.size() - 1));
      }
    }
    uint64_t bytes = 0;
    for (ssize_t i = 0; i < n; ++i) {
      rd_kafka_message_t* m = msgs[i];
      bytes += m->len + m->key_len;
      if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        ++eof;
      } else if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        spdlog::warn("Changelog read error=\"{}\"", rd_kafka_message_errstr(m));
      } else if (m->key != nullptr) {
        const Status s =
            index_->apply_changelog(std::string_view(static_cast<const char*>(m->key), m->key_len),
                                    std::string_view(static_cast<const char*>(m->payload), m->len));
        if (s.is_ok()) ++applied;
      }
      rd_kafka_message_destroy(m);
    }
    if (changelog_waker_ && n > 0) changelog_waker_->note_consumed(static_cast<uint64_t>(n), bytes);
  }
  spdlog::info(
      "Dedup state restored from changelog topic={} records={} stories={} seconds={:.2f} "
      "fetch_wakes={}",
      config_.kafka.changelog_topic, applied, index_->size(), (now_ns() - t0) / 1e9,
      changelog_waker_ ? changelog_waker_->wakes() : 0);
  return {};
}

void Daemon::apply_changelog_tail(int timeout_ms) {
  if (changelog_queue_ == nullptr) return;
  rd_kafka_message_t* msgs[256];
  // Everything fetched so far, up to 32 rounds: the tail receives about one record per story this
  // instance writes, so one round per consumed batch (up to 1024 stories) let it fall behind and
  // its prefetch queue fill to librdkafka's 100,000-message limit.
  for (int round = 0; round < 32; ++round) {
    const ssize_t n =
        rd_kafka_consume_batch_queue(changelog_queue_, round == 0 ? timeout_ms : 0, msgs, 256);
    uint64_t bytes = 0;
    for (ssize_t i = 0; i < n; ++i) {
      rd_kafka_message_t* m = msgs[i];
      bytes += m->len + m->key_len;
      if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->key != nullptr) {
        // Records of other instances (and our own, which replay idempotently).
        (void)index_->apply_changelog(
            std::string_view(static_cast<const char*>(m->key), m->key_len),
            std::string_view(static_cast<const char*>(m->payload), m->len));
      } else if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF && m->partition >= 0 &&
                 static_cast<size_t>(m->partition) < tail_eof_.size()) {
        tail_eof_[static_cast<size_t>(m->partition)] = m->offset;
      }
      rd_kafka_message_destroy(m);
    }
    if (n > 0) tail_records_ += static_cast<uint64_t>(n);
    if (changelog_waker_ && n > 0) changelog_waker_->note_consumed(static_cast<uint64_t>(n), bytes);
    if (n < 256) break;
  }
}

// True when no other instance can be writing changelog records that matter to this one: the group
// has one member (this one) and it is assigned every partition of every input topic. Anything
// unknown (a metadata or group request failing) counts as "not alone".
bool Daemon::sole_reader() {
  rd_kafka_t* rk = consumer_.get();
  if (rk == nullptr || assigned_.empty()) return false;
  for (const std::string& topic : config_.kafka.input_topics) {
    rd_kafka_topic_t* rkt = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
    const rd_kafka_metadata_t* md = nullptr;
    const rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, rkt, &md, 5000);
    rd_kafka_topic_destroy(rkt);
    int partitions = -1;
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR && md->topic_cnt == 1 &&
        md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      partitions = md->topics[0].partition_cnt;
    }
    if (md != nullptr) rd_kafka_metadata_destroy(md);
    if (partitions <= 0) return false;
    for (int p = 0; p < partitions; ++p) {
      if (assigned_.count({topic, p}) == 0) return false;
    }
  }
  const struct rd_kafka_group_list* groups = nullptr;
  if (const rd_kafka_resp_err_t e =
          rd_kafka_list_groups(rk, config_.kafka.group_id.c_str(), &groups, 5000);
      e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    spdlog::debug("Changelog tail: the group's members are unknown ({}): it keeps reading",
                  rd_kafka_err2str(e));
    return false;
  }
  const bool alone = groups->group_cnt == 1 && groups->groups[0].member_cnt == 1;
  spdlog::debug("Changelog tail: the group has {} member(s)",
                groups->group_cnt == 1 ? groups->groups[0].member_cnt : -1);
  rd_kafka_group_list_destroy(groups);
  return alone;
}

// Reads the tail up to the changelog's end as of now (its high watermarks), applying what it
// reads. An instance that has just left the group flushed its records before it gave its
// partitions up, so they are below these marks: pausing only after them loses none of them.
bool Daemon::changelog_caught_up(int64_t deadline_ns) {
  const auto n = static_cast<size_t>(changelog_partitions_);
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(changelog_partitions_));
  std::vector<int64_t> low(n), high(n);
  for (size_t p = 0; p < n; ++p) {
    if (rd_kafka_query_watermark_offsets(changelog_.get(), config_.kafka.changelog_topic.c_str(),
                                         static_cast<int32_t>(p), &low[p], &high[p],
                                         5000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return false;
    }
    rd_kafka_topic_partition_list_add(list.get(), config_.kafka.changelog_topic.c_str(),
                                      static_cast<int32_t>(p));
  }
  while (true) {
    if (rd_kafka_position(changelog_.get(), list.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) return false;
    bool done = true;
    for (size_t p = 0; p < n; ++p) {
      // The next offset to read (invalid before the first record), or where the tail last reached
      // the end: after a transaction's commit marker the position stays below the high watermark.
      const int64_t pos = std::max(list->elems[p].offset, tail_eof_[p]);
      if (high[p] > low[p] && pos < high[p]) done = false;
    }
    if (done) return true;
    if (now_ns() > deadline_ns) return false;
    apply_changelog_tail(100);
  }
}

void Daemon::set_changelog_paused(bool paused) {
  if (!changelog_ || changelog_partitions_ <= 0 || paused == tail_paused_) return;
  const uint64_t before = tail_records_;
  if (paused && !changelog_caught_up(now_ns() + 10'000'000'000LL)) {
    spdlog::warn("Changelog tail not paused: could not read it to its end within 10 s");
    return;
  }
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(changelog_partitions_));
  for (int p = 0; p < changelog_partitions_; ++p) {
    rd_kafka_topic_partition_list_add(list.get(), config_.kafka.changelog_topic.c_str(), p);
  }
  const rd_kafka_resp_err_t e = paused ? rd_kafka_pause_partitions(changelog_.get(), list.get())
                                       : rd_kafka_resume_partitions(changelog_.get(), list.get());
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    spdlog::warn("Changelog tail: cannot {} ({})", paused ? "pause" : "resume",
                 rd_kafka_err2str(e));
    return;
  }
  tail_paused_ = paused;
  if (paused) {
    ++tail_pauses_;
    spdlog::info(
        "Changelog tail paused pause={} caught_up_records={}: this instance is its group's only "
        "member and reads every input partition ({})",
        tail_pauses_, tail_records_ - before, assigned_.size());
  } else {
    spdlog::info(
        "Changelog tail resumed: other instances may be writing to it (this one reads {} input "
        "partitions)",
        assigned_.size());
  }
}

// The tail is paused only with at-least-once delivery: with transactions, this instance's own open
// transaction holds the changelog's readable end (read_committed) below its high watermark.
void Daemon::update_changelog_tail() {
  tail_check_ = false;
  if (!changelog_) return;
  set_changelog_paused(!exactly_once() && sole_reader());
}

Status Daemon::start() {
  popts_ = pipeline_options(config_);
  auto res = load_pipeline_resources(config_);
  if (!res) return res.status();
  resources_ = res.value();
  index_ = std::make_unique<DedupIndex>(popts_.dedup);
  const int threads = effective_threads(config_.pipeline);
  pool_ = std::make_unique<WorkerPool>(static_cast<size_t>(threads));
  for (int i = 0; i < threads; ++i)
    analyzers_.push_back(std::make_unique<Analyzer>(resources_, popts_));
  if (Status s = make_producer(); !s) return s;
  if (config_.dedup.enabled) {
    changelog_key_prefix_ =
        fmt::format("wirefeed-batch/{}/{}/", effective_instance_id(config_.kafka),
                    std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count());
    if (Status s = ensure_changelog_topic(); !s) return s;
    if (Status s = replay_changelog(); !s) return s;
  }
  warm_output_topics();
  if (Status s = make_consumer(); !s) return s;
  spdlog::info(
      "Started brokers={} group={} input={} enriched={} duplicates={} dead_letter={} delivery={} "
      "threads={} "
      "max_in_flight={} avx512={} avx512_lanes={} librdkafka={} fetch_resume={}",
      config_.kafka.brokers, config_.kafka.group_id, fmt::join(config_.kafka.input_topics, ","),
      config_.kafka.enriched_topic, config_.kafka.duplicates_topic, config_.kafka.dead_letter_topic,
      to_string(config_.pipeline.delivery), threads, config_.pipeline.max_in_flight,
      avx512_enabled() ? "on" : "off", avx512_icl_enabled() ? "on" : "off", rd_kafka_version_str(),
      fetch_waker_ ? "waker" : "fetch.queue.backoff.ms");
  return {};
}

void Daemon::produce(const std::string& topic, std::string_view key, std::string_view value,
                     rd_kafka_headers_t* headers, OffsetTracker::Entry* entry, bool counts) {
  RecordTag* tag = acquire_tag(tag_mu_, free_tags_, tag_pool_);
  tag->entry = entry;
  tag->entries.clear();
  tag->counts = counts;
  send(topic, key, value, headers, tag);
}

void Daemon::send(const std::string& topic, std::string_view key, std::string_view value,
                  rd_kafka_headers_t* headers, RecordTag* tag) {
  tag->produced_ns = now_ns();
  if (Status s = sink_.produce(topic, key, value, headers, tag); !s) {
    spdlog::error("Produce failed topic={} bytes={} error=\"{}\"", topic, value.size(),
                  s.message());
    counters_.delivery_failures.fetch_add(1, std::memory_order_relaxed);
    OffsetTracker::Entry* const single = tag->entry;
    const bool batch = !tag->entries.empty();
    for (OffsetTracker::Entry* e : tag->entries) OffsetTracker::complete(e, false);
    tag->entries.clear();
    if (!batch) OffsetTracker::complete(single, false);
    std::lock_guard lock(tag_mu_);
    free_tags_.push_back(tag);
  }
}

// The batch's changelog records, gathered by finish_batch(), as one Kafka record: with one record
// per story the daemon used 3-6 us of CPU a story more than with none, and the broker more too
// (session 11's runs in docs/PERFORMANCE.md). Its stories' input offsets wait for its
// acknowledgement, as they waited for their own records'.
void Daemon::flush_changelog_batch() {
  if (changelog_entries_.empty()) return;
  RecordTag* tag = acquire_tag(tag_mu_, free_tags_, tag_pool_);
  tag->entry = nullptr;
  tag->entries.clear();
  tag->entries.swap(changelog_entries_);
  tag->counts = false;
  key_buf_.assign(changelog_key_prefix_);
  fmt::format_to(std::back_inserter(key_buf_), "{}", changelog_seq_++);
  send(config_.kafka.changelog_topic, key_buf_, changelog_batch_, nullptr, tag);
  changelog_batch_.clear();
}

void Daemon::analyze_batch(InBatch& b, size_t worker, std::atomic<size_t>& cursor) {
  // Whichever worker is free takes the next story: every Analyzer gives the same result for a
  // story.
  for (size_t i = cursor.fetch_add(1, std::memory_order_relaxed); i < b.n;
       i = cursor.fetch_add(1, std::memory_order_relaxed)) {
    rd_kafka_message_t* m = b.msgs[i];
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
    analyzers_[worker]->analyze(std::string_view(static_cast<const char*>(m->payload), m->len),
                                rd_kafka_message_timestamp(m, nullptr), b.analyses[i]);
  }
}

void Daemon::finish_pending() {
  if (pending_ == nullptr) return;
  InBatch* b = pending_;
  pending_ = nullptr;
  finish_batch(*b);
}

// After an abort the input is rewound: an analysed batch will be consumed again.
void Daemon::discard_pending() {
  if (pending_ == nullptr) return;
  for (size_t i = 0; i < pending_->n; ++i) rd_kafka_message_destroy(pending_->msgs[i]);
  pending_->n = 0;
  pending_ = nullptr;
}

void Daemon::finish_batch(InBatch& b) {
  rd_kafka_message_t** msgs = b.msgs.data();
  const size_t n = b.n;
  auto payload = [&](size_t i) {
    return std::string_view(static_cast<const char*>(msgs[i]->payload), msgs[i]->len);
  };
  // Dedup in consumption order (deterministic for a given input order).
  const int64_t finished_ns = aligner_.enabled() ? now_ns() : 0;
  for (size_t i = 0; i < n; ++i) {
    if (msgs[i]->err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
    const Analysis& a = b.analyses[i];
    const bool ok = a.status.is_ok();
    if (aligner_.enabled()) {
      aligner_.observe(rd_kafka_topic_name(msgs[i]->rkt), msgs[i]->partition, msgs[i]->offset,
                       ok && a.fingerprint.time_from_version_created ? a.fingerprint.time_ms
                                                                     : PartitionAligner::kNoTime,
                       finished_ns);
    }
    if (ok && popts_.dedup_enabled) {
      if (aligner_.enabled()) index_->set_eviction_limit(aligner_.eviction_limit(finished_ns));
      index_->check_and_insert(b.analyses[i].fingerprint, b.analyses[i].dedup);
    }
  }
  const int64_t t = b.consumed_ns;
  const bool any_story = std::any_of(msgs, msgs + n, [](const rd_kafka_message_t* m) {
    return m->err == RD_KAFKA_RESP_ERR_NO_ERROR;
  });
  if (exactly_once() && any_story) {
    if (Status s = ensure_transaction(); !s) {
      spdlog::error("Cannot begin a transaction: {}", s.message());
      fatal_ = true;
      for (size_t i = 0; i < n; ++i) rd_kafka_message_destroy(msgs[i]);
      b.n = 0;
      return;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    rd_kafka_message_t* m = msgs[i];
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
    const std::string_view topic = rd_kafka_topic_name(m->rkt);
    if (exactly_once()) {
      const std::pair<std::string_view, int32_t> tp(topic, m->partition);
      if (auto it = txn_offsets_.find(tp); it != txn_offsets_.end()) {
        it->second = m->offset + 1;
      } else {
        txn_offsets_.emplace(std::pair<std::string, int32_t>(std::string(topic), m->partition),
                             m->offset + 1);
      }
      ++txn_stories_;
    }
    counters_.consumed.fetch_add(1, std::memory_order_relaxed);
    counters_.consumed_bytes.fetch_add(m->len, std::memory_order_relaxed);
    Analysis& a = b.analyses[i];
    if (!a.status.is_ok()) {
      OffsetTracker::Entry* e = tracker_.begin(topic, m->partition, m->offset, 1, t);
      rd_kafka_headers_t* h = rd_kafka_headers_new(5);
      rd_kafka_header_add(h, "wirefeed.reason", -1, a.status.code().data(),
                          static_cast<ssize_t>(a.status.code().size()));
      rd_kafka_header_add(h, "wirefeed.message", -1, a.status.message().data(),
                          static_cast<ssize_t>(a.status.message().size()));
      rd_kafka_header_add(h, "wirefeed.source.topic", -1, topic.data(),
                          static_cast<ssize_t>(topic.size()));
      const std::string part = std::to_string(m->partition);
      const std::string off = std::to_string(m->offset);
      rd_kafka_header_add(h, "wirefeed.source.partition", -1, part.data(),
                          static_cast<ssize_t>(part.size()));
      rd_kafka_header_add(h, "wirefeed.source.offset", -1, off.data(),
                          static_cast<ssize_t>(off.size()));
      std::string_view value = payload(i);
      if (static_cast<int64_t>(value.size()) > dead_letter_limit()) {
        const std::string size = std::to_string(value.size());
        rd_kafka_header_add(h, "wirefeed.original_size", -1, size.data(),
                            static_cast<ssize_t>(size.size()));
        rd_kafka_header_add(h, "wirefeed.truncated", -1, "true", 4);
        value = value.substr(0, static_cast<size_t>(dead_letter_limit()));
      }
      counters_.dead_lettered.fetch_add(1, std::memory_order_relaxed);
      warn_.warn(topic, m->partition, m->offset, a.status);
      produce(
          config_.kafka.dead_letter_topic,
          std::string_view(static_cast<const char*>(m->key), m->key != nullptr ? m->key_len : 0),
          value, h, e, true);
      continue;
    }
    const DedupStatus st = a.dedup.status;
    const bool write_changelog = popts_.dedup_enabled && st != DedupStatus::kDuplicate;
    OffsetTracker::Entry* e =
        tracker_.begin(topic, m->partition, m->offset, write_changelog ? 2 : 1, t);
    std::string_view key;
    switch (config_.pipeline.output_key) {
      case OutputKey::kUri:
        key = a.story.uri;
        break;
      case OutputKey::kInput:
        key =
            std::string_view(static_cast<const char*>(m->key), m->key != nullptr ? m->key_len : 0);
        break;
      case OutputKey::kNone:
        break;
    }
    const bool repeat = st == DedupStatus::kDuplicate || st == DedupStatus::kNearDuplicate;
    if (st == DedupStatus::kDuplicate) counters_.duplicates.fetch_add(1, std::memory_order_relaxed);
    if (st == DedupStatus::kNearDuplicate)
      counters_.near_duplicates.fetch_add(1, std::memory_order_relaxed);
    if (st == DedupStatus::kUpdate) counters_.updates.fetch_add(1, std::memory_order_relaxed);
    counters_.enriched.fetch_add(1, std::memory_order_relaxed);
    const std::string& out_topic = repeat && config_.pipeline.route_duplicates
                                       ? config_.kafka.duplicates_topic
                                       : config_.kafka.enriched_topic;
    rendered_.clear();
    write_enriched(payload(i), a, rendered_);
    produce(out_topic, key, rendered_, nullptr, e, true);
    if (write_changelog) {
      index_->changelog_batch_add(changelog_batch_, a.fingerprint);
      changelog_entries_.push_back(e);
      if (changelog_batch_.size() >= kChangelogBatchBytes) flush_changelog_batch();
    }
  }
  flush_changelog_batch();
  for (size_t i = 0; i < n; ++i) rd_kafka_message_destroy(msgs[i]);
  b.n = 0;
}

bool Daemon::flush_producer(int64_t timeout_ms) {
  const int64_t deadline = now_ns() + timeout_ms * 1'000'000;
  while (tracker_.in_flight() > 0 || sink_.outq_len() > 0) {
    const int64_t left = (deadline - now_ns()) / 1'000'000;
    if (left <= 0) return false;
    sink_.flush(std::min<int64_t>(left, 100));
  }
  return true;
}

Status Daemon::ensure_transaction() {
  if (txn_open_) return {};
  if (Status s = sink_.begin_transaction(); !s) return s;
  txn_open_ = true;
  txn_started_ns_ = now_ns();
  txn_stories_ = 0;
  return {};
}

// Sends the consumed positions into the transaction and commits it: the output records, the dedup
// changelog records and the input offsets become visible together, or not at all.
Status Daemon::commit_transaction() {
  if (!txn_open_) return {};
  Status result;
  if (!txn_offsets_.empty()) {
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(txn_offsets_.size())));
    for (const auto& [tp, off] : txn_offsets_) {
      rd_kafka_topic_partition_list_add(list.get(), tp.first.c_str(), tp.second)->offset = off;
    }
    result = sink_.send_offsets(consumer_.get(), list.get(), 30000);
  }
  for (int attempt = 0; result.is_ok(); ++attempt) {
    result = sink_.commit_transaction(60000);
    if (result.code() != "txn_retriable" || attempt >= 5) break;
    result = Status();
  }
  if (result.is_ok()) {
    txn_open_ = false;
    txn_offsets_.clear();
    ++transactions_;
    tracker_.collect();  // entries are only bookkeeping for latency and backpressure here
    return {};
  }
  return result;
}

void Daemon::maybe_commit_transaction(bool force) {
  if (!txn_open_) return;
  const bool due =
      force || txn_stories_ >= config_.transactions.commit_every ||
      now_ns() - txn_started_ns_ >= config_.transactions.commit_interval_ms * 1'000'000;
  if (!due) return;
  Status s = commit_transaction();
  if (s.is_ok()) return;
  if (s.code() == "txn_fatal") {
    // Fenced (another instance took our transactional.id) or a fatal producer error: stop.
    spdlog::error("Transaction failed fatally: {}", s.message());
    fatal_ = true;
    return;
  }
  spdlog::warn("Transaction failed, aborting and reprocessing from the committed offsets: {}",
               s.message());
  recover_from_abort();
}

// After an abort nothing of the transaction is visible: rewind the input to the committed offsets
// and rebuild the dedup index from the (read_committed) changelog, which no longer holds the
// aborted stories, so reprocessing classifies them exactly as the first attempt should have.
void Daemon::recover_from_abort() {
  if (Status s = sink_.abort_transaction(60000); !s) {
    spdlog::error("Abort failed: {}", s.message());
    fatal_ = true;
    return;
  }
  ++aborts_;
  discard_pending();
  txn_open_ = false;
  txn_offsets_.clear();
  tracker_.clear();
  if (config_.dedup.enabled) {
    index_ = std::make_unique<DedupIndex>(popts_.dedup);
    if (Status s = replay_changelog(); !s) {
      spdlog::error("Dedup state rebuild failed: {}", s.message());
      fatal_ = true;
      return;
    }
  }
  if (Status s = rewind_to_committed(); !s) {
    spdlog::error("Rewind failed: {}", s.message());
    fatal_ = true;
  }
  // Rewound: the positions and story times the aligner knew are gone.
  resume_all_partitions();
}

void Daemon::resume_all_partitions() {
  if (!aligner_.enabled()) return;
  aligner_.clear();
  if (assigned_.empty()) return;
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(assigned_.size())));
  for (const auto& [t, p] : assigned_) rd_kafka_topic_partition_list_add(list.get(), t.c_str(), p);
  rd_kafka_resume_partitions(consumer_.get(), list.get());
}

void Daemon::align_partitions() {
  if (!aligner_.enabled() || assigned_.size() < 2) return;
  rd_kafka_t* rk = consumer_.get();
  const PartitionAligner::Decision d =
      aligner_.decide(now_ns(), [rk](const PartitionAligner::TopicPartition& tp) {
        int64_t low = -1;
        int64_t high = -1;
        // librdkafka's cached end offset from the last fetch response: no request is sent.
        if (rd_kafka_get_watermark_offsets(rk, tp.first.c_str(), tp.second, &low, &high) !=
            RD_KAFKA_RESP_ERR_NO_ERROR) {
          return int64_t{-1};
        }
        return high;
      });
  if (d.empty()) return;
  const auto apply = [&](const std::vector<PartitionAligner::TopicPartition>& tps, bool pause) {
    if (tps.empty()) return;
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(tps.size())));
    for (const auto& [t, p] : tps) {
      rd_kafka_topic_partition_list_add(list.get(), t.c_str(), p);
      if (spdlog::should_log(spdlog::level::debug)) {
        const int64_t at = aligner_.time_ms(t, p);
        spdlog::debug(
            "Partition {} topic={} partition={} story_time_ms={} ahead_of_slowest_min={} "
            "(story-time alignment)",
            pause ? "paused" : "resumed", t, p, at,
            d.slowest_ms == PartitionAligner::kNoTime || at == PartitionAligner::kNoTime
                ? std::string("-")
                : std::to_string((at - d.slowest_ms) / 60000));
      }
    }
    const rd_kafka_resp_err_t e = pause ? rd_kafka_pause_partitions(rk, list.get())
                                        : rd_kafka_resume_partitions(rk, list.get());
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
      spdlog::warn("Cannot {} partitions: {}", pause ? "pause" : "resume", rd_kafka_err2str(e));
    }
  };
  apply(d.pause, true);
  apply(d.resume, false);
}

Status Daemon::rewind_to_committed() {
  if (assigned_.empty()) return {};
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(assigned_.size())));
  for (const auto& [t, p] : assigned_) rd_kafka_topic_partition_list_add(list.get(), t.c_str(), p);
  if (auto e = rd_kafka_committed(consumer_.get(), list.get(), 30000);
      e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status("kafka", std::string("committed offsets: ") + rd_kafka_err2str(e));
  }
  for (int i = 0; i < list->cnt; ++i) {
    if (list->elems[i].offset < 0) list->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  rd_kafka_error_t* err = rd_kafka_seek_partitions(consumer_.get(), list.get(), 30000);
  if (err != nullptr) {
    Status s("kafka", std::string("seek: ") + rd_kafka_error_string(err));
    rd_kafka_error_destroy(err);
    return s;
  }
  return {};
}

void Daemon::commit_progress(bool sync) {
  const auto commits = tracker_.collect();
  if (commits.empty()) return;
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(commits.size())));
  for (const auto& c : commits) {
    rd_kafka_topic_partition_list_add(list.get(), c.topic.c_str(), c.partition)->offset = c.offset;
  }
  const rd_kafka_resp_err_t e = rd_kafka_commit(consumer_.get(), list.get(), sync ? 0 : 1);
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR__NO_OFFSET) {
    spdlog::warn("Offset commit failed error=\"{}\"", rd_kafka_err2str(e));
  }
  last_commit_ns_ = now_ns();
}

bool Daemon::drained() {
  if (assigned_.empty() || at_eof_.size() < assigned_.size()) return false;
  return tracker_.in_flight() == 0;
}

int64_t consumer_lag(rd_kafka_t* rk, const std::set<std::pair<std::string, int32_t>>& assigned) {
  if (assigned.empty()) return 0;
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(assigned.size())));
  for (const auto& [t, p] : assigned) rd_kafka_topic_partition_list_add(list.get(), t.c_str(), p);
  if (rd_kafka_position(rk, list.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) return -1;
  int64_t lag = 0;
  for (int i = 0; i < list->cnt; ++i) {
    int64_t lo = 0, hi = 0;
    if (rd_kafka_get_watermark_offsets(rk, list->elems[i].topic, list->elems[i].partition, &lo,
                                       &hi) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      continue;
    }
    const int64_t pos = list->elems[i].offset >= 0 ? list->elems[i].offset : lo;
    if (hi > pos) lag += hi - pos;
  }
  return lag;
}

void Daemon::log_stats(bool final_line) {
  const int64_t t = now_ns();
  const double secs = std::max(1e-9, (t - last_stats_ns_) / 1e9);
  const uint64_t consumed = counters_.consumed.load(), produced = counters_.produced.load(),
                 bytes = counters_.consumed_bytes.load(), dup = counters_.duplicates.load(),
                 near = counters_.near_duplicates.load(), dlq = counters_.dead_lettered.load();
  const uint64_t d_consumed = consumed - stats_consumed_;
  const LatencyHistogram::Snapshot lat = latency_.take();
  const LatencyHistogram::Snapshot ack = ack_latency_.take();
  const LatencyHistogram::Snapshot in_daemon = daemon_latency_.take();
  over_slo_total_ += lat.over_objective;
  if (final_line) {
    // Active: first story consumed -> last story acknowledged (idle time before and after is not
    // throughput).
    const int64_t last_done = counters_.last_done_ns.load(std::memory_order_relaxed);
    const double active = first_consume_ns_ > 0 && last_done > first_consume_ns_
                              ? (last_done - first_consume_ns_) / 1e9
                              : 0.0;
    const uint64_t done = counters_.done.load(std::memory_order_relaxed);
    const int64_t warm = counters_.warm_ns.load(std::memory_order_relaxed);
    const double steady =
        warm > 0 && last_done > warm && done > kWarmupStories
            ? static_cast<double>(done - kWarmupStories) / ((last_done - warm) / 1e9)
            : 0.0;
    spdlog::info(
        "Summary consumed={} produced={} enriched={} duplicates={} near_duplicates={} updates={} "
        "dead_lettered={} delivery_failures={} dedup_index={} transactions={} aborts={} "
        "active_seconds={:.2f} stories_per_s={:.0f} mb_per_s={:.2f} steady_stories_per_s={:.0f} "
        "peak_in_flight={} over_slo={} over_slo_pct={:.2f} fetch_wakes={} partition_pauses={} "
        "changelog_tail_records={} changelog_tail_pauses={}",
        consumed, produced, counters_.enriched.load(), dup, near, counters_.updates.load(), dlq,
        counters_.delivery_failures.load(), index_ ? index_->size() : 0, transactions_, aborts_,
        active, active > 0 ? consumed / active : 0.0, active > 0 ? bytes / active / 1e6 : 0.0,
        steady, tracker_.peak_in_flight(), over_slo_total_, percent(over_slo_total_, done),
        fetch_waker_ ? fetch_waker_->wakes() : 0, aligner_.pauses(), tail_records_, tail_pauses_);
  } else {
    spdlog::info(
        "Throughput consumed_per_s={:.0f} produced_per_s={:.0f} mb_per_s={:.2f} "
        "duplicate_pct={:.1f} "
        "near_duplicate_pct={:.1f} dead_lettered={} lag={} p50_ms={:.2f} p99_ms={:.2f} "
        "daemon_p50_ms={:.2f} daemon_p99_ms={:.2f} ack_p50_ms={:.2f} ack_p99_ms={:.2f} "
        "over_slo_pct={:.2f} in_flight={} paused_partitions={} changelog_tail={}",
        d_consumed / secs, (produced - stats_produced_) / secs, (bytes - stats_bytes_) / secs / 1e6,
        percent(dup - stats_dup_, d_consumed), percent(near - stats_near_, d_consumed),
        dlq - stats_dlq_, consumer_lag(consumer_.get(), assigned_), lat.p50_ms, lat.p99_ms,
        in_daemon.p50_ms, in_daemon.p99_ms, ack.p50_ms, ack.p99_ms,
        percent(lat.over_objective, lat.count), tracker_.in_flight(), aligner_.paused_count(),
        !changelog_ ? "off" : (tail_paused_ ? "paused" : "reading"));
  }
  stats_consumed_ = consumed;
  stats_produced_ = produced;
  stats_bytes_ = bytes;
  stats_dup_ = dup;
  stats_near_ = near;
  stats_dlq_ = dlq;
  last_stats_ns_ = t;
}

void Daemon::reload_resources() {
  auto res = load_pipeline_resources(config_);
  if (!res) {
    spdlog::error("Reload failed, keeping the previous data files: {}", res.status().message());
    return;
  }
  resources_ = res.value();
  for (auto& a : analyzers_) a->set_resources(resources_);
  spdlog::info("Reloaded agency aliases and topic lexicons");
}

int Daemon::run() {
  if (Status s = start(); !s) {
    if (control_.stop.load()) {
      spdlog::info("Stopped during start-up");
      return 0;
    }
    spdlog::error("Start-up failed: {}", s.message());
    return 2;
  }
  last_stats_ns_ = last_commit_ns_ = now_ns();
  const int64_t stats_ns = config_.stats.interval_s * 1'000'000'000LL;
  const int64_t max_in_flight = std::max<int64_t>(1, config_.pipeline.max_in_flight);
  resume_at_ = max_in_flight - std::max<int64_t>(1, max_in_flight / 4);
  for (InBatch& b : batches_) b.msgs.resize(kMaxBatch);
  while (!control_.stop.load()) {
    if (control_.reload.exchange(false)) reload_resources();
    if (fatal_) break;
    if (!exactly_once() && tracker_.has_failure()) {
      spdlog::error("A record could not be delivered: stopping without committing past it");
      fatal_ = true;
      break;
    }
    const int64_t room =
        max_in_flight - tracker_.in_flight() - static_cast<int64_t>(pending_ ? pending_->n : 0);
    if (room <= 0) {
      // Backpressure: wait for acknowledgements instead of consuming more, until in_flight is
      // down to resume_at_. Offsets are committed on the usual schedule: committing on every
      // wake-up sent an OffsetCommit request per acknowledged batch of stories.
      finish_pending();
      if (exactly_once()) {
        maybe_commit_transaction(true);
      } else if (now_ns() - last_commit_ns_ > kCommitIntervalNs) {
        commit_progress(false);
      }
      std::unique_lock lock(wait_mu_);
      backpressured_.store(true, std::memory_order_release);
      wait_cv_.wait_for(lock, std::chrono::milliseconds(20),
                        [&] { return tracker_.in_flight() <= resume_at_; });
      backpressured_.store(false, std::memory_order_relaxed);
      continue;
    }
    InBatch& next = pending_ == &batches_[0] ? batches_[1] : batches_[0];
    rd_kafka_message_t** msgs = next.msgs.data();
    const size_t want =
        static_cast<size_t>(std::min<int64_t>(room, static_cast<int64_t>(next.msgs.size())));
    // Take what is already fetched without waiting; block (briefly) only when nothing is fetched
    // and nothing is pending. A blocking batch call would wait for a full batch and add up to its
    // timeout to every story's latency.
    ssize_t n = rd_kafka_consume_batch_queue(consumer_queue_, 0, msgs, want);
    if (n == 0 && pending_ == nullptr) {
      if (rd_kafka_message_t* first = rd_kafka_consume_queue(consumer_queue_, 100)) {
        msgs[0] = first;
        const ssize_t more =
            want > 1 ? rd_kafka_consume_batch_queue(consumer_queue_, 0, msgs + 1, want - 1) : 0;
        n = 1 + std::max<ssize_t>(0, more);
      }
    }
    next.n = n > 0 ? static_cast<size_t>(n) : 0;
    next.consumed_ns = now_ns();
    // Events (EOF, errors) stay in place and are skipped by the stages.
    uint64_t batch_bytes = 0;
    for (size_t i = 0; i < next.n; ++i) {
      rd_kafka_message_t* m = msgs[i];
      batch_bytes += m->len + m->key_len;
      if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        at_eof_.insert({rd_kafka_topic_name(m->rkt), m->partition});
      } else if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        spdlog::warn("Consumer error=\"{}\"", rd_kafka_message_errstr(m));
      } else {
        // Looked up by view: no string is built per message.
        if (!at_eof_.empty()) {
          const auto it = at_eof_.find(
              std::pair<std::string_view, int32_t>(rd_kafka_topic_name(m->rkt), m->partition));
          if (it != at_eof_.end()) at_eof_.erase(it);
        }
      }
    }
    if (next.n > 0 && first_consume_ns_ == 0) first_consume_ns_ = now_ns();
    if (fetch_waker_ && next.n > 0) fetch_waker_->note_consumed(next.n, batch_bytes);
    if (next.n > 0 || pending_ != nullptr) {
      if (batches_[0].analyses.size() < next.msgs.size()) {
        for (InBatch& b : batches_) b.analyses.resize(b.msgs.size());
      }
      // The main thread finishes the pending batch (in order) while the other workers analyse the
      // new one, then joins them.
      InBatch* const finish = pending_;
      pending_ = nullptr;
      std::atomic<size_t> cursor{0};
      pool_->run([&](size_t w) {
        if (w == 0 && finish != nullptr) finish_batch(*finish);
        analyze_batch(next, w, cursor);
      });
      if (next.n > 0) pending_ = &next;
    }
    if (tail_check_) update_changelog_tail();
    apply_changelog_tail(0);
    align_partitions();
    const int64_t t = now_ns();
    if (exactly_once()) {
      maybe_commit_transaction(false);
    } else if (t - last_commit_ns_ > kCommitIntervalNs) {
      commit_progress(false);
    }
    if (stats_ns > 0 && t - last_stats_ns_ >= stats_ns) log_stats(false);
    if (control_.exit_when_drained && pending_ == nullptr && drained()) {
      log_stats(false);
      spdlog::info("Input drained");
      break;
    }
  }
  if (!fatal_) finish_pending();
  discard_pending();
  spdlog::info("Stopping: finishing in-flight stories in_flight={}", tracker_.in_flight());
  if (!flush_producer(config_.shutdown.timeout_ms)) {
    spdlog::warn(
        "Shutdown deadline reached with in_flight={}: those stories will be reprocessed on restart",
        tracker_.in_flight());
  }
  if (exactly_once()) {
    if (!fatal_) maybe_commit_transaction(true);
  } else {
    commit_progress(true);
  }
  log_stats(true);
  teardown();
  return fatal_ ? 1 : 0;
}

void Daemon::teardown() {
  if (torn_down_) return;
  torn_down_ = true;
  if (consumer_) {
    fetch_waker_.reset();  // before the queue it watches
    if (consumer_queue_ != nullptr) rd_kafka_queue_destroy(consumer_queue_);
    consumer_queue_ = nullptr;
    rd_kafka_consumer_close(consumer_.get());  // revokes: the callback commits what is done
    consumer_.reset();
  }
  if (changelog_) {
    changelog_waker_.reset();  // before the queue it watches
    if (changelog_queue_ != nullptr) rd_kafka_queue_destroy(changelog_queue_);
    changelog_queue_ = nullptr;
    rd_kafka_consumer_close(changelog_.get());
    changelog_.reset();
  }
  sink_.close();
}

}  // namespace

int run_daemon(const Config& config, RunControl& control) {
  Daemon d(config, control);
  return d.run();
}

int run_demo(Config config, RunControl& control) {
  // A producer that owns the in-process mock cluster (librdkafka's test.mock.num.brokers).
  char err[512];
  RdConfPtr conf(rd_kafka_conf_new());
  rd_kafka_conf_set(conf.get(), "test.mock.num.brokers", "1", err, sizeof err);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), err, sizeof err);
  if (rk == nullptr) {
    spdlog::error("Cannot start the embedded Kafka: {}", err);
    return 2;
  }
  conf.release();
  RdKafkaPtr owner(rk);
  rd_kafka_mock_cluster_t* mc = rd_kafka_handle_mock_cluster(rk);
  const std::string bootstraps = rd_kafka_mock_cluster_bootstraps(mc);
  // One input partition keeps the feed's order (resends after their originals); the samples are far
  // below the mock's 5 MiB-per-partition limit.
  const std::string input =
      config.kafka.input_topics.empty() ? "wire.raw" : config.kafka.input_topics.front();
  rd_kafka_mock_topic_create(mc, input.c_str(), 1, 1);
  for (const auto* t : {&config.kafka.enriched_topic, &config.kafka.duplicates_topic,
                        &config.kafka.dead_letter_topic, &config.kafka.changelog_topic}) {
    rd_kafka_mock_topic_create(mc, t->c_str(), 1, 1);
  }
  spdlog::info("Embedded Kafka (librdkafka mock cluster) listening bootstrap={}", bootstraps);

  // Load the sample stories.
  std::string samples_owned;
  std::string_view samples;
  if (config.demo.samples_file.empty()) {
    samples = embedded_file("samples/stories.jsonl");
  } else {
    FILE* f = std::fopen(config.demo.samples_file.c_str(), "rb");
    if (f == nullptr) {
      spdlog::error("Cannot open samples file {}", config.demo.samples_file);
      return 2;
    }
    char buf[65536];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) samples_owned.append(buf, got);
    std::fclose(f);
    samples = samples_owned;
  }
  {
    RdConfPtr pconf(rd_kafka_conf_new());
    rd_kafka_conf_set(pconf.get(), "bootstrap.servers", bootstraps.c_str(), err, sizeof err);
    rd_kafka_conf_set(pconf.get(), "linger.ms", "5", err, sizeof err);
    rd_kafka_t* prk = rd_kafka_new(RD_KAFKA_PRODUCER, pconf.get(), err, sizeof err);
    if (prk == nullptr) {
      spdlog::error("Cannot create the demo loader: {}", err);
      return 2;
    }
    pconf.release();
    RdKafkaPtr loader(prk);
    size_t pos = 0, loaded = 0;
    while (pos < samples.size()) {
      size_t eol = samples.find('\n', pos);
      if (eol == std::string_view::npos) eol = samples.size();
      const std::string_view line = samples.substr(pos, eol - pos);
      pos = eol + 1;
      while (rd_kafka_producev(prk, RD_KAFKA_V_TOPIC(input.c_str()), RD_KAFKA_V_PARTITION(0),
                               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                               RD_KAFKA_V_VALUE(const_cast<char*>(line.data()), line.size()),
                               RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(prk, 10);
      }
      ++loaded;
    }
    rd_kafka_flush(prk, 30000);
    spdlog::info("Loaded sample stories topic={} stories={}", input, loaded);
  }

  config.kafka.brokers = bootstraps;
  config.kafka.input_topics = {input};
  control.exit_when_drained = true;
  // The group's first join on the mock cluster takes ~3 s; the stats line every second shows
  // progress.
  if (config.stats.interval_s > 1) config.stats.interval_s = 1;
  Config run_config = config;
  run_config.kafka.brokers = bootstraps;
  const int rc = run_daemon(run_config, control);
  if (rc != 0) return rc;
  spdlog::info(
      "Demo done: rates above are bounded by librdkafka's in-process mock broker, not by the "
      "pipeline; "
      "docs/PERFORMANCE.md has figures on a real broker");

  // Print a few enriched records, read back from the output topic.
  RdConfPtr cconf(rd_kafka_conf_new());
  rd_kafka_conf_set(cconf.get(), "bootstrap.servers", bootstraps.c_str(), err, sizeof err);
  rd_kafka_conf_set(cconf.get(), "enable.partition.eof", "true", err, sizeof err);
  rd_kafka_conf_set(cconf.get(), "group.id", "wirefeed-demo-reader", err, sizeof err);
  rd_kafka_t* crk = rd_kafka_new(RD_KAFKA_CONSUMER, cconf.get(), err, sizeof err);
  if (crk == nullptr) return 0;
  cconf.release();
  RdKafkaPtr reader(crk);
  RdPartitionsPtr list(rd_kafka_topic_partition_list_new(1));
  rd_kafka_topic_partition_list_add(list.get(), config.kafka.enriched_topic.c_str(), 0)->offset =
      RD_KAFKA_OFFSET_BEGINNING;
  rd_kafka_assign(crk, list.get());
  int64_t printed = 0;
  std::printf("\n--- %lld enriched records from topic %s ---\n",
              static_cast<long long>(config.demo.print_records),
              config.kafka.enriched_topic.c_str());
  while (printed < config.demo.print_records) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(crk, 5000);
    if (m == nullptr) break;
    const bool eof = m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      std::printf("%.*s\n\n", static_cast<int>(m->len), static_cast<const char*>(m->payload));
      ++printed;
    }
    rd_kafka_message_destroy(m);
    if (eof) break;
  }
  std::fflush(stdout);
  rd_kafka_consumer_close(crk);
  return 0;
}

}  // namespace wirefeed
