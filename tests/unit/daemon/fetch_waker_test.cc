#include "daemon/fetch_waker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/kafka.h"
#include "tests/unit/eventually.h"

namespace wirefeed {
namespace {

TEST(FetchWakePolicyTest, FiresOnceWhenAFullQueueHasDrainedToAQuarter) {
  FetchWakePolicy p;
  EXPECT_FALSE(p.sample(100, 100));  // full: arms
  EXPECT_FALSE(p.sample(40, 100));   // draining, still over a quarter
  EXPECT_TRUE(p.sample(25, 100));    // a quarter: wake
  EXPECT_FALSE(p.sample(10, 100));   // once per arming
  EXPECT_FALSE(p.sample(0, 100));
}

TEST(FetchWakePolicyTest, ANeverFilledQueueIsNeverWoken) {
  // A live tail: the queue stays short, a fetch is always in flight, nothing to wake.
  FetchWakePolicy p;
  for (size_t q : {0u, 3u, 49u, 10u, 0u, 0u}) EXPECT_FALSE(p.sample(q, 100));
}

TEST(FetchWakePolicyTest, HalfFullArmsSoThatAnEstimateTwiceTooLargeStillWorks) {
  // `full` is estimated from the mean message size; the real limit may be reached at half of it.
  FetchWakePolicy p;
  EXPECT_FALSE(p.sample(50, 100));
  EXPECT_TRUE(p.sample(20, 100));
  // Re-armed by the next fill, it fires again.
  EXPECT_FALSE(p.sample(60, 100));
  EXPECT_TRUE(p.sample(0, 100));
}

TEST(FetchWakePolicyTest, UnknownLimitNeverFires) {
  FetchWakePolicy p;
  EXPECT_FALSE(p.sample(1000, 0));
  EXPECT_FALSE(p.sample(0, 0));
}

TEST(FetchIdleGateTest, WaitsAfterEnoughEmptyUnconsumedLooks) {
  FetchIdleGate g(3);
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_TRUE(g.sample(0, 0));  // the third quiet look in a row
  // Counting starts again after a wait.
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_TRUE(g.sample(0, 0));
}

TEST(FetchIdleGateTest, AQueuedOrConsumedMessageRestartsTheCount) {
  FetchIdleGate g(3);
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(1, 0));  // something queued: not quiet
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(0, 0));
  EXPECT_FALSE(g.sample(0, 5));  // consumed since the last look: not quiet
  EXPECT_FALSE(g.sample(0, 5));
  EXPECT_FALSE(g.sample(0, 5));
  EXPECT_TRUE(g.sample(0, 5));
}

TEST(FetchIdleGateTest, ABacklogNeverWaits) {
  // A queue that is being consumed is never quiet, whatever its length.
  FetchIdleGate g(2);
  uint64_t consumed = 0;
  for (size_t q : {5000u, 0u, 3000u, 0u, 0u, 10u}) {
    consumed += 1024;
    EXPECT_FALSE(g.sample(q, consumed));
  }
}

TEST(FetchWakerTest, OnlyLibrdkafkaBefore220NeedsIt) {
  EXPECT_FALSE(has_fetch_queue_backoff(0x020002ff));  // Debian 12's 2.0.2
  EXPECT_FALSE(has_fetch_queue_backoff(0x020100ff));
  EXPECT_TRUE(has_fetch_queue_backoff(0x020200ff));  // fetch.queue.backoff.ms
  EXPECT_TRUE(has_fetch_queue_backoff(0x020a00ff));
  // The configuration side follows the same test for the librdkafka this runs with.
  std::vector<RdProperty> defaults;
  FetchWaker::add_native_backoff(defaults);
  EXPECT_EQ(defaults.empty(), !has_fetch_queue_backoff(rd_kafka_version()));
}

// A consumer handle needs no broker to exist; the waker reads its effective limits.
RdKafkaPtr offline_consumer(const std::string& kbytes, const std::string& min_messages) {
  auto conf = make_rd_conf({{"bootstrap.servers", "127.0.0.1:1", ""},
                            {"group.id", "fetch-waker-test", ""},
                            {"queued.max.messages.kbytes", kbytes, ""},
                            {"queued.min.messages", min_messages, ""},
                            {"log_level", "0", ""}},  // nothing listens on port 1
                           {});
  if (!conf) return nullptr;
  char err[256];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), err, sizeof err);
  if (rk != nullptr) conf->release();
  return RdKafkaPtr(rk);
}

TEST(FetchWakerTest, FullLengthComesFromTheByteLimitAndTheMeanMessage) {
  RdKafkaPtr rk = offline_consumer("16384", "100000");
  ASSERT_NE(rk, nullptr);
  const FetchWaker::Options o = FetchWaker::options_of(rk.get());
  EXPECT_EQ(o.queue_max_bytes, 16384 * 1024);
  EXPECT_EQ(o.queue_max_messages, 100000);
  rd_kafka_queue_t* q = rd_kafka_queue_get_consumer(rk.get());
  {
    FetchWaker w(rk.get(), q, o);
    EXPECT_EQ(w.full_length(), 0u) << "no message seen: unknown";
    w.note_consumed(10, 40960);  // 4 KB stories
    EXPECT_EQ(w.full_length(), 4096u);
    w.note_consumed(10, 0);  // the mean halves: twice as many fit
    EXPECT_EQ(w.full_length(), 8192u);
    // Cannot fail as written (an empty queue never arms the policy, and with no assignment a
    // wake-up sends nothing); it pins the count's start. FetchWakePolicyTest covers the policy.
    EXPECT_EQ(w.wakes(), 0u) << "an idle consumer with no assignment is never woken";
  }
  rd_kafka_queue_destroy(q);
}

TEST(FetchWakerTest, TheMessageCountLimitWinsWhenItIsSmaller) {
  RdKafkaPtr rk = offline_consumer("16384", "500");
  ASSERT_NE(rk, nullptr);
  rd_kafka_queue_t* q = rd_kafka_queue_get_consumer(rk.get());
  {
    FetchWaker w(rk.get(), q, FetchWaker::options_of(rk.get()));
    w.note_consumed(100, 100 * 200);  // 200-byte stories: 83,886 by bytes, 500 by count
    EXPECT_EQ(w.full_length(), 500u);
  }
  rd_kafka_queue_destroy(q);
}

using wirefeed::testing::eventually;

TEST(FetchWakerTest, AnIdleWakerStopsLookingUntilMessagesAreReported) {
  RdKafkaPtr rk = offline_consumer("16384", "100000");
  ASSERT_NE(rk, nullptr);
  rd_kafka_queue_t* q = rd_kafka_queue_get_consumer(rk.get());
  {
    FetchWaker::Options o = FetchWaker::options_of(rk.get());
    o.period_ms = 1;
    o.idle_after_ms = 3;
    o.idle_recheck_ms = 3600 * 1000;  // only a report can end the wait within the test
    FetchWaker w(rk.get(), q, o);
    ASSERT_TRUE(eventually([&] { return w.idle_waits() >= 1; })) << "never went idle";
    // With a re-check an hour away, only the report below can bring the next look.
    const uint64_t looks = w.samples();
    ASSERT_EQ(w.idle_waits(), 1u);
    w.note_consumed(1, 4096);
    ASSERT_TRUE(eventually([&] { return w.samples() > looks; })) << "a report did not end the wait";
    // Nothing more arrives: it goes idle again.
    ASSERT_TRUE(eventually([&] { return w.idle_waits() >= 2; }));
  }
  rd_kafka_queue_destroy(q);
}

}  // namespace
}  // namespace wirefeed
