#pragma once
// Helpers for integration tests against the real broker that the ctest fixture `kafka` starts
// (scripts/kafka-broker.sh start it-<build dir name>). Everything goes over TCP through librdkafka,
// like the daemon.
//
// The helpers return Status/Result so a test can ASSERT on them with the broker's own error
// message. Their timeouts are upper bounds after which they fail; they never sleep to synchronise:
// completion is signalled by delivery reports, partition EOF events and admin results.

#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace wirefeed::testing {

// The bootstrap address of the integration broker: $WIREFEED_KAFKA_BOOTSTRAP when set, else
// <repo>/.kafka/<instance>/bootstrap with <instance> = $WIREFEED_KAFKA_INSTANCE (ctest sets it to
// the fixture's instance), default "it". A missing broker is an error, never a reason to skip.
Result<std::string> read_bootstrap();
// As read_bootstrap(), but ends the process with a clear message when there is no broker, so a test
// run without the fixture fails loudly instead of timing out in every test.
const std::string& bootstrap();

// A name no earlier run or other test used (the broker outlives single tests):
// prefix-pid-counter-time.
std::string unique_name(std::string_view prefix);

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using KafkaPtr = std::unique_ptr<rd_kafka_t, KafkaDeleter>;
using Settings = std::initializer_list<std::pair<const char*, std::string>>;

// A librdkafka client of the integration broker (bootstrap.servers preset) with extra settings, for
// tests that drive the C API themselves (consumer groups, transactions).
Result<KafkaPtr> make_client(rd_kafka_type_t type, Settings settings = {});

// Creates a topic with replication factor 1 and waits until every partition has a leader.
Status create_topic(const std::string& topic, int partitions, int timeout_ms = 30000);
Result<int> partition_count(const std::string& topic, int timeout_ms = 10000);

struct Message {
  std::string topic;
  int32_t partition = -1;
  int64_t offset = -1;
  std::optional<std::string> key;
  std::string value;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Produces with an idempotent acks=all producer and waits for every delivery report; fails on the
// first failed delivery. A message's partition of -1 lets the partitioner choose (by key when set).
Status produce(const std::string& topic, const std::vector<Message>& messages,
               int timeout_ms = 30000);
Status produce_lines(const std::string& topic, const std::vector<std::string>& lines,
                     int timeout_ms = 30000);

struct ConsumeOptions {
  // Stop once this many messages arrived and every partition reached its end; -1: stop when every
  // partition reached its end (the topic is idle).
  int64_t expected_count = -1;
  // read_committed ends partitions at the last stable offset: aborted and open transactions are
  // hidden.
  bool read_committed = false;
  int timeout_ms = 30000;
};

// Reads a topic from the beginning of every partition without a consumer group (manual assignment),
// in per-partition offset order.
Result<std::vector<Message>> consume_all(const std::string& topic,
                                         const ConsumeOptions& options = {});

// Committed offsets of a group on a topic, by partition; partitions without a commit are absent.
Result<std::map<int32_t, int64_t>> committed_offsets(const std::string& group,
                                                     const std::string& topic,
                                                     int timeout_ms = 10000);

}  // namespace wirefeed::testing
