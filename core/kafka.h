#pragma once
// RAII owners and configuration helpers for librdkafka's C API, shared by sources/ and sinks/.

#include <librdkafka/rdkafka.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace wirefeed {

struct RdKafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
struct RdConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct RdPartitionsDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
struct RdMessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
using RdKafkaPtr = std::unique_ptr<rd_kafka_t, RdKafkaDeleter>;
using RdConfPtr = std::unique_ptr<rd_kafka_conf_t, RdConfDeleter>;
using RdPartitionsPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, RdPartitionsDeleter>;
using RdMessagePtr = std::unique_ptr<rd_kafka_message_t, RdMessageDeleter>;

// A property to set: name, value and where it came from ("FILE:LINE:COL", or "" for built-ins).
struct RdProperty {
  std::string name;
  std::string value;
  std::string origin;
};

// Builds a conf from `defaults` overridden by `overrides` (both applied in order). Errors name the
// property and its origin; values of secret-looking properties are never quoted.
Result<RdConfPtr> make_rd_conf(const std::vector<RdProperty>& defaults,
                               const std::vector<RdProperty>& overrides);

// True for property names whose values must never be printed (password, secret, sasl.jaas, ssl.key,
// token, credentials).
bool is_secret_name(std::string_view name);

}  // namespace wirefeed
