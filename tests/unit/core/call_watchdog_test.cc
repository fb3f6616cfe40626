#include "core/call_watchdog.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/unit/eventually.h"

namespace wirefeed {
namespace {

using std::chrono::milliseconds;

// Records what the watchdog reports instead of ending the process.
struct Reports {
  std::mutex mu;
  std::vector<std::string> calls;
  std::atomic<int> count{0};
  CallWatchdog::OnStuck hook() {
    return [this](const std::string& what, milliseconds) {
      std::lock_guard lock(mu);
      calls.push_back(what);
      count.fetch_add(1);
    };
  }
};

using wirefeed::testing::eventually;

TEST(CallWatchdogTest, ACallStillRunningAtItsLimitIsReportedByName) {
  Reports r;
  CallWatchdog dog(r.hook());
  {
    const auto guard = dog.watch("send_offsets_to_transaction", milliseconds(1));
    ASSERT_TRUE(eventually([&] { return r.count.load() == 1; })) << "never reported";
  }
  std::lock_guard lock(r.mu);
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0], "send_offsets_to_transaction");
  EXPECT_EQ(dog.stuck(), 1u);
}

TEST(CallWatchdogTest, ACallThatReturnedIsNotReportedWhenTheNextOneHangs) {
  Reports r;
  CallWatchdog dog(r.hook());
  { const auto returned = dog.watch("commit_transaction", std::chrono::hours(1)); }
  {
    const auto hangs = dog.watch("abort_transaction", milliseconds(1));
    ASSERT_TRUE(eventually([&] { return r.count.load() == 1; }));
  }
  std::lock_guard lock(r.mu);
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0], "abort_transaction") << "only the call that overstayed";
}

TEST(CallWatchdogTest, OneReportPerCall) {
  Reports r;
  CallWatchdog dog(r.hook());
  {
    const auto guard = dog.watch("first", milliseconds(1));
    ASSERT_TRUE(eventually([&] { return r.count.load() == 1; }));
  }
  {
    const auto guard = dog.watch("second", milliseconds(1));
    ASSERT_TRUE(eventually([&] { return r.count.load() == 2; }));
  }
  std::lock_guard lock(r.mu);
  EXPECT_EQ(r.calls, (std::vector<std::string>{"first", "second"}));
}

// The default action ends the process with kExitStuck, after saying what hung.
TEST(CallWatchdogDeathTest, TheDefaultEndsTheProcessWithTheStuckStatus) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        spdlog::set_default_logger(
            spdlog::stderr_logger_st("watchdog-death-test"));  // as the daemon
        CallWatchdog dog;
        const auto guard = dog.watch("send_offsets_to_transaction", milliseconds(1));
        for (;;) std::this_thread::sleep_for(milliseconds(100));  // the stuck call
      },
      ::testing::ExitedWithCode(kExitStuck),
      "Stuck librdkafka call call=send_offsets_to_transaction");
}

}  // namespace
}  // namespace wirefeed
