#pragma once
// The daemon's configuration: every section of wirefeed.toml as a plain struct, the built-in
// defaults (wirefeed runs with no file at all), strict loading and effective-config rendering.
//
// Loading is strict on purpose: a typo in a config key silently falling back to a default is the
// kind of mistake that only shows up in production. Unknown keys, wrong types and out-of-range
// values all stop start-up with "FILE:LINE:COL: what is wrong" (every problem found, one per
// line). Values of librdkafka properties that look like secrets never appear in any output.
// See docs/configuration.md for the reference of every key.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace wirefeed {

// One librdkafka property from [kafka.consumer] / [kafka.producer], passed through verbatim.
struct KafkaProperty {
  std::string name;   // e.g. "sasl.mechanism"
  std::string value;  // strings as written (after ${VAR} interpolation); 42 -> "42"; true -> "true"
  std::string origin;  // "FILE:LINE:COL" of the value, so a property librdkafka rejects at start-up
                       // can be reported where it was written; "" when not from a file
};

struct KafkaConfig {
  std::string brokers = "localhost:9092";  // "embedded" = librdkafka's in-process mock cluster
  std::string group_id = "wirefeed";
  std::vector<std::string> input_topics{"wire.raw"};
  std::string enriched_topic = "wire.enriched";
  std::string duplicates_topic = "wire.duplicates";
  std::string dead_letter_topic = "wire.dlq";
  std::string changelog_topic = "wirefeed.dedup-changelog";
  std::string instance_id;  // "" = derived from the host name, see effective_instance_id()
  std::vector<KafkaProperty> consumer;  // sorted by name, names unique
  std::vector<KafkaProperty> producer;  // sorted by name, names unique

  [[nodiscard]] bool embedded() const { return brokers == "embedded"; }
};

enum class Delivery : uint8_t { kAtLeastOnce, kExactlyOnce };
enum class OutputKey : uint8_t { kUri, kInput, kNone };
enum class LogFormat : uint8_t { kText, kJson };

std::string_view to_string(Delivery d);   // "at-least-once" | "exactly-once"
std::string_view to_string(OutputKey k);  // "uri" | "input" | "none"
std::string_view to_string(LogFormat f);  // "text" | "json"

struct PipelineConfig {
  Delivery delivery = Delivery::kAtLeastOnce;
  bool route_duplicates =
      true;  // duplicates and near-duplicates go to duplicates_topic; updates stay
  OutputKey output_key = OutputKey::kUri;
  int64_t max_message_bytes = 10 * 1024 * 1024;
  int64_t max_in_flight = 20000;  // stories
  int threads = 0;                // 0 = number of cores; see effective_threads()
  std::string agencies_file;      // "" = embedded config/data/agencies.toml
  std::string topics_dir;         // "" = embedded config/data/topics/
  std::string boilerplate_file;   // "" = embedded
};

// Named DedupSettings because pipeline/dedup.h owns DedupConfig (the algorithm's parameters);
// both live in namespace wirefeed and the daemon includes both.
struct DedupSettings {
  bool enabled = true;
  int64_t window_hours = 72;
  int64_t max_stories = 2000000;
  double near_duplicate_threshold = 0.6;  // keep equal to pipeline DedupConfig (tested)
  double containment_threshold = 0.8;
  std::string state_file;  // "" = no state file (used by `wirefeed enrich`)
  // The daemon: how far ahead in story time one input partition may read of the slowest one that
  // still has a backlog; 0 = no limit (daemon/partition_aligner.h).
  int64_t max_partition_skew_minutes = 72 * 60;
};

struct TopicsConfig {
  double threshold = 0.2;
  int max_topics = 5;
  bool keep_best =
      true;           // a story with any topical evidence keeps its best topic below the threshold
  std::string model;  // "" = rules only; else a `wirefeed train-topics` model blended with them
};

struct TransactionsConfig {  // exactly-once only
  int64_t commit_interval_ms = 100;
  int64_t commit_every = 1000;
};

struct ShutdownConfig {
  int64_t timeout_ms = 30000;
};

struct StatsConfig {
  int64_t interval_s = 10;  // 0 = no periodic stats line
  // Consume -> acknowledged objective: the stats lines count the stories slower than this.
  int64_t latency_slo_ms = 50;
};

struct LoggingConfig {
  std::string level = "info";  // trace|debug|info|warn|error|off (spdlog::level::from_str names)
  LogFormat format = LogFormat::kText;
  std::string file;  // "" = stderr only
  int64_t file_max_mb = 100;
  int64_t file_max_files = 5;
};

struct DemoConfig {          // used with kafka.brokers = "embedded"
  std::string samples_file;  // "" = embedded samples/stories.jsonl
  int64_t print_records = 3;
};

struct Config {
  KafkaConfig kafka;
  PipelineConfig pipeline;
  DedupSettings dedup;
  TopicsConfig topics;
  TransactionsConfig transactions;
  ShutdownConfig shutdown;
  StatsConfig stats;
  LoggingConfig logging;
  DemoConfig demo;
  std::string source;  // file name or source name the config came from; "" = built-in defaults
  // "FILE:LINE:COL: warning: ..." for settings that are valid but ignored or risky (e.g.
  // [transactions] with at-least-once delivery). Shown by render_effective_config as comments.
  std::vector<std::string> warnings;
};

// Built-in defaults: what runs when no file is given.
Config default_config();

// Parse and validate. Errors (Status code "config") carry one "FILE:LINE:COL: message" per line,
// FILE being `path` / `source_name` as given. Never throws.
Result<Config> load_config_file(const std::string& path);
Result<Config> load_config_string(std::string_view toml, const std::string& source_name);

// TOML of every effective value, loadable again with load_config_string. Values of secret-looking
// librdkafka properties (see is_secret_property) are replaced by "*****".
std::string render_effective_config(const Config& config);

// True when a librdkafka property name contains (case-insensitively) password, secret, sasl.jaas,
// ssl.key, token or credentials. Such values are masked in output and never quoted in errors.
bool is_secret_property(std::string_view name);

// pipeline.threads resolved: 0 -> hardware concurrency; always within 1..64.
int effective_threads(const PipelineConfig& pipeline);

// kafka.instance_id resolved: as configured, or "wirefeed-<hostname>" reduced to the characters
// Kafka allows in a transactional.id-friendly name ([A-Za-z0-9._-]).
std::string effective_instance_id(const KafkaConfig& kafka);

}  // namespace wirefeed
