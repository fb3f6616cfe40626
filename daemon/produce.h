#pragma once
// `wirefeed produce`: loads a JSON Lines file into a topic, optionally at a given rate. Used by the
// demo, the tests, backfills and load tests.

#include <atomic>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/status.h"

namespace wirefeed {

struct ProduceOptions {
  std::string brokers;
  std::string topic;
  std::string input = "-";
  double rate = 0;                        // stories per second; 0 = as fast as possible
  std::string key = "uri";                // "uri": the story's uri (when it has one) | "none"
  int partition = -1;                     // -1 = by key (or librdkafka's default partitioner)
  int64_t limit = -1;                     // stop after this many lines; -1 = all
  std::vector<KafkaProperty> properties;  // extra producer properties
};

struct ProduceSummary {
  uint64_t lines = 0;
  uint64_t bytes = 0;
  uint64_t failed = 0;
  double seconds = 0;
};

Result<ProduceSummary> run_produce(const ProduceOptions& options, const std::atomic<bool>& stop);

}  // namespace wirefeed
