// Proves that the test broker (scripts/kafka-broker.sh) and the client library the daemon uses
// (Debian's librdkafka 2.0.2) agree over real TCP on everything the daemon relies on: topic
// creation, produce/consume with keys and headers, consumer-group commits, and transactions with
// read_committed, including consume-transform-produce with offsets sent to the transaction. The
// librdkafka mock cluster cannot prove the last two: it accepts transaction calls but does not
// implement them.

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "tests/integration/broker_env.h"

namespace wirefeed::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kTimeoutMs = 60000;

// Empty on success; the message of (and ownership over) a librdkafka error object otherwise.
std::string take_error(rd_kafka_error_t* error) {
  if (error == nullptr) return {};
  std::string msg = rd_kafka_error_string(error);
  rd_kafka_error_destroy(error);
  return msg.empty() ? "unknown error" : msg;
}

std::vector<std::string> numbered(const std::string& prefix, int n) {
  std::vector<std::string> v;
  for (int i = 0; i < n; ++i) v.push_back(prefix + std::to_string(i));
  return v;
}

std::vector<std::string> values_of(const std::vector<Message>& messages) {
  std::vector<std::string> v;
  for (const Message& m : messages) v.push_back(m.value);
  return v;
}

int64_t sum_offsets(const std::map<int32_t, int64_t>& offsets) {
  return std::accumulate(offsets.begin(), offsets.end(), int64_t{0},
                         [](int64_t acc, const auto& kv) { return acc + kv.second; });
}

// A group member: subscribes, then reads until `expected` messages arrived and every assigned
// partition reported its end (so extra messages would be seen too). Commits nothing by itself.
class GroupConsumer {
 public:
  GroupConsumer(const std::string& group, const std::string& topic) {
    auto rk = make_client(RD_KAFKA_CONSUMER, {{"group.id", group},
                                              {"enable.auto.commit", "false"},
                                              {"auto.offset.reset", "earliest"},
                                              {"enable.partition.eof", "true"}});
    if (!rk) {
      error_ = rk.status().message();
      return;
    }
    rk_ = std::move(*rk);
    rd_kafka_poll_set_consumer(rk_.get());
    std::unique_ptr<rd_kafka_topic_partition_list_t,
                    decltype(&rd_kafka_topic_partition_list_destroy)>
        topics(rd_kafka_topic_partition_list_new(1), &rd_kafka_topic_partition_list_destroy);
    rd_kafka_topic_partition_list_add(topics.get(), topic.c_str(), RD_KAFKA_PARTITION_UA);
    if (auto err = rd_kafka_subscribe(rk_.get(), topics.get()); err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      error_ = rd_kafka_err2str(err);
    }
  }
  ~GroupConsumer() {
    if (rk_) rd_kafka_consumer_close(rk_.get());
  }
  GroupConsumer(const GroupConsumer&) = delete;
  GroupConsumer& operator=(const GroupConsumer&) = delete;

  [[nodiscard]] const std::string& error() const { return error_; }
  rd_kafka_t* get() { return rk_.get(); }

  // Next offset to read per partition, as a consumer group commits it.
  const std::map<int32_t, int64_t>& next_offsets() const { return next_; }

  Result<std::vector<Message>> read(int64_t expected, int partitions) {
    std::vector<Message> out;
    std::set<int32_t> at_end;
    const auto deadline = Clock::now() + std::chrono::milliseconds(kTimeoutMs);
    while (static_cast<int64_t>(out.size()) < expected ||
           static_cast<int>(at_end.size()) < partitions) {
      if (Clock::now() > deadline) {
        return Status{"timeout", "group read " + std::to_string(out.size()) + "/" +
                                     std::to_string(expected) + ", partitions at end " +
                                     std::to_string(at_end.size())};
      }
      rd_kafka_message_t* m = rd_kafka_consumer_poll(rk_.get(), 100);
      if (m == nullptr) continue;
      if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        at_end.insert(m->partition);
      } else if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        at_end.erase(m->partition);
        next_[m->partition] = m->offset + 1;
        Message msg;
        msg.partition = m->partition;
        msg.offset = m->offset;
        msg.value.assign(static_cast<const char*>(m->payload), m->len);
        out.push_back(std::move(msg));
      }
      rd_kafka_message_destroy(m);
    }
    return out;
  }

 private:
  KafkaPtr rk_;
  std::string error_;
  std::map<int32_t, int64_t> next_;
};

TEST(BrokerSmoke, MetadataNamesTheBrokerAtTheBootstrapAddress) {
  auto rk = make_client(RD_KAFKA_PRODUCER);
  ASSERT_TRUE(rk) << rk.status().message();
  const rd_kafka_metadata_t* md = nullptr;
  ASSERT_EQ(rd_kafka_metadata(rk->get(), 1, nullptr, &md, kTimeoutMs), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(md->broker_cnt, 1);
  EXPECT_EQ(std::string(md->brokers[0].host) + ":" + std::to_string(md->brokers[0].port),
            bootstrap());
  rd_kafka_metadata_destroy(md);
}

TEST(BrokerSmoke, CreatedTopicHasTheRequestedPartitions) {
  const std::string topic = unique_name("smoke-create");
  ASSERT_TRUE(create_topic(topic, 4)) << create_topic(topic, 4).message();
  auto count = partition_count(topic);
  ASSERT_TRUE(count) << count.status().message();
  EXPECT_EQ(*count, 4);
}

TEST(BrokerSmoke, CreatingAnExistingTopicFails) {
  const std::string topic = unique_name("smoke-twice");
  ASSERT_TRUE(create_topic(topic, 1));
  Status again = create_topic(topic, 1);
  EXPECT_FALSE(again);
  EXPECT_NE(again.message().find("exists"), std::string::npos) << again.message();
}

TEST(BrokerSmoke, LinesComeBackInOrderWithConsecutiveOffsets) {
  const std::string topic = unique_name("smoke-lines");
  ASSERT_TRUE(create_topic(topic, 1));
  const auto lines = numbered("story-", 200);
  Status produced = produce_lines(topic, lines);
  ASSERT_TRUE(produced) << produced.message();

  auto got = consume_all(topic, {.expected_count = 200});
  ASSERT_TRUE(got) << got.status().message();
  EXPECT_EQ(values_of(*got), lines);
  for (size_t i = 0; i < got->size(); ++i) EXPECT_EQ((*got)[i].offset, static_cast<int64_t>(i));
}

TEST(BrokerSmoke, KeysHeadersAndExplicitPartitionsRoundTrip) {
  const std::string topic = unique_name("smoke-headers");
  ASSERT_TRUE(create_topic(topic, 3));
  std::vector<Message> sent(3);
  for (int p = 0; p < 3; ++p) {
    sent[p].partition = p;
    sent[p].key = "key-" + std::to_string(p);
    sent[p].value = "value-" + std::to_string(p);
    sent[p].headers = {{"wirefeed-reason", "dup"}, {"empty", ""}};
  }
  Status produced = produce(topic, sent);
  ASSERT_TRUE(produced) << produced.message();

  auto got = consume_all(topic, {.expected_count = 3});
  ASSERT_TRUE(got) << got.status().message();
  ASSERT_EQ(got->size(), 3u);
  for (int p = 0; p < 3; ++p) {
    const Message& m = (*got)[p];
    EXPECT_EQ(m.partition, p);
    EXPECT_EQ(m.key, sent[p].key);
    EXPECT_EQ(m.value, sent[p].value);
    EXPECT_EQ(m.headers, sent[p].headers);
  }
}

TEST(BrokerSmoke, EmptyTopicEndsWhenEveryPartitionReportsItsEnd) {
  const std::string topic = unique_name("smoke-empty");
  ASSERT_TRUE(create_topic(topic, 2));
  auto got = consume_all(topic);
  ASSERT_TRUE(got) << got.status().message();
  EXPECT_TRUE(got->empty());
}

TEST(BrokerSmoke, ConsumerGroupResumesFromItsCommittedOffsets) {
  const std::string topic = unique_name("smoke-group");
  const std::string group = unique_name("smoke-group");
  ASSERT_TRUE(create_topic(topic, 3));
  ASSERT_TRUE(produce_lines(topic, numbered("first-", 30)));
  {
    GroupConsumer consumer(group, topic);
    ASSERT_EQ(consumer.error(), "");
    auto got = consumer.read(30, 3);
    ASSERT_TRUE(got) << got.status().message();
    EXPECT_EQ(got->size(), 30u);
    ASSERT_EQ(rd_kafka_commit(consumer.get(), nullptr, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
  }
  auto committed = committed_offsets(group, topic);
  ASSERT_TRUE(committed) << committed.status().message();
  EXPECT_EQ(sum_offsets(*committed), 30);

  // A new member of the same group sees only what came after the commit.
  const auto second = numbered("second-", 12);
  ASSERT_TRUE(produce_lines(topic, second));
  GroupConsumer consumer(group, topic);
  ASSERT_EQ(consumer.error(), "");
  auto got = consumer.read(12, 3);
  ASSERT_TRUE(got) << got.status().message();
  auto values = values_of(*got);
  std::sort(values.begin(), values.end());
  auto expected = second;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(values, expected);
}

TEST(BrokerSmoke, ReadCommittedSeesCommittedTransactionsOnly) {
  const std::string topic = unique_name("smoke-txn");
  ASSERT_TRUE(create_topic(topic, 2));
  auto rk = make_client(RD_KAFKA_PRODUCER, {{"transactional.id", unique_name("smoke-txn")}});
  ASSERT_TRUE(rk) << rk.status().message();
  rd_kafka_t* p = rk->get();
  ASSERT_EQ(take_error(rd_kafka_init_transactions(p, kTimeoutMs)), "");

  auto send = [&](const std::string& value) {
    return rd_kafka_producev(
        p, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()), RD_KAFKA_V_END);
  };
  ASSERT_EQ(take_error(rd_kafka_begin_transaction(p)), "");
  const auto committed = numbered("committed-", 10);
  for (const auto& v : committed) ASSERT_EQ(send(v), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(take_error(rd_kafka_commit_transaction(p, kTimeoutMs)), "");

  ASSERT_EQ(take_error(rd_kafka_begin_transaction(p)), "");
  for (const auto& v : numbered("aborted-", 5)) ASSERT_EQ(send(v), RD_KAFKA_RESP_ERR_NO_ERROR);
  // Delivered first, so the aborted records really are in the log (abort would purge unsent ones).
  ASSERT_EQ(rd_kafka_flush(p, kTimeoutMs), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(take_error(rd_kafka_abort_transaction(p, kTimeoutMs)), "");

  auto seen = consume_all(topic, {.read_committed = true});
  ASSERT_TRUE(seen) << seen.status().message();
  auto values = values_of(*seen);
  std::sort(values.begin(), values.end());
  auto expected = committed;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(values, expected);

  // The aborted records are in the log all the same: read_uncommitted shows them.
  auto everything = consume_all(topic, {.expected_count = 15, .read_committed = false});
  ASSERT_TRUE(everything) << everything.status().message();
  EXPECT_EQ(everything->size(), 15u);
}

TEST(BrokerSmoke, OffsetsSentToATransactionAreCommittedWithIt) {
  const std::string input = unique_name("smoke-eos-in");
  const std::string output = unique_name("smoke-eos-out");
  const std::string group = unique_name("smoke-eos");
  ASSERT_TRUE(create_topic(input, 2));
  ASSERT_TRUE(create_topic(output, 2));
  ASSERT_TRUE(produce_lines(input, numbered("in-", 20)));

  GroupConsumer consumer(group, input);
  ASSERT_EQ(consumer.error(), "");
  auto got = consumer.read(20, 2);
  ASSERT_TRUE(got) << got.status().message();

  auto rk = make_client(RD_KAFKA_PRODUCER, {{"transactional.id", unique_name("smoke-eos")}});
  ASSERT_TRUE(rk) << rk.status().message();
  rd_kafka_t* p = rk->get();
  ASSERT_EQ(take_error(rd_kafka_init_transactions(p, kTimeoutMs)), "");
  ASSERT_EQ(take_error(rd_kafka_begin_transaction(p)), "");
  for (const Message& m : *got) {
    const std::string out = "out-" + m.value;
    ASSERT_EQ(rd_kafka_producev(
                  p, RD_KAFKA_V_TOPIC(output.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                  RD_KAFKA_V_VALUE(const_cast<char*>(out.data()), out.size()), RD_KAFKA_V_END),
              RD_KAFKA_RESP_ERR_NO_ERROR);
  }
  std::unique_ptr<rd_kafka_topic_partition_list_t, decltype(&rd_kafka_topic_partition_list_destroy)>
      offsets(rd_kafka_topic_partition_list_new(2), &rd_kafka_topic_partition_list_destroy);
  for (const auto& [partition, next] : consumer.next_offsets()) {
    rd_kafka_topic_partition_list_add(offsets.get(), input.c_str(), partition)->offset = next;
  }
  std::unique_ptr<rd_kafka_consumer_group_metadata_t,
                  decltype(&rd_kafka_consumer_group_metadata_destroy)>
      cgmd(rd_kafka_consumer_group_metadata(consumer.get()),
           &rd_kafka_consumer_group_metadata_destroy);
  ASSERT_EQ(
      take_error(rd_kafka_send_offsets_to_transaction(p, offsets.get(), cgmd.get(), kTimeoutMs)),
      "");
  ASSERT_EQ(take_error(rd_kafka_commit_transaction(p, kTimeoutMs)), "");

  auto committed = committed_offsets(group, input);
  ASSERT_TRUE(committed) << committed.status().message();
  EXPECT_EQ(sum_offsets(*committed), 20);
  auto out = consume_all(output, {.expected_count = 20, .read_committed = true});
  ASSERT_TRUE(out) << out.status().message();
  EXPECT_EQ(out->size(), 20u);
}

}  // namespace
}  // namespace wirefeed::testing
