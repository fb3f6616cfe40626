#pragma once
// Bounds the blocking librdkafka calls that can outlive their own timeout.
//
// librdkafka's rd_kafka_send_offsets_to_transaction() takes a timeout, but its coordinator request
// never checks it (librdkafka issue #5456), and since the change that decommissions brokers
// missing from metadata it can wait for a coordinator that will never come back (#5511). On
// librdkafka 2.16.0, a single-node broker restarted under an exactly-once daemon left the main
// thread in that call for good: no progress, no error, no exit. Nothing can cancel a call in
// progress, so the producer (sinks/kafka_sink.h) guards each such call: when one is still running
// well past its own timeout, the watchdog logs what hung and ends the process with kExitStuck. The
// service manager restarts it (Restart=on-failure); exactly-once still holds, since the next
// start's init_transactions() fences this producer and its open transaction is aborted, and the
// input is read again from the committed offsets.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace wirefeed {

// Exit status of a process ended by the watchdog (EX_TEMPFAIL: try again later).
inline constexpr int kExitStuck = 75;

class CallWatchdog {
 public:
  // Called on the watchdog's thread with the call's name and how long it has run; the default
  // logs at critical level, flushes the logs and ends the process with kExitStuck.
  using OnStuck = std::function<void(const std::string& what, std::chrono::milliseconds ran)>;
  explicit CallWatchdog(OnStuck on_stuck = {});
  ~CallWatchdog();
  CallWatchdog(const CallWatchdog&) = delete;
  CallWatchdog& operator=(const CallWatchdog&) = delete;

  // Watches one call while it lives: `limit` is the call's own timeout plus a grace period. One
  // call at a time (the daemon's transactional calls all run on its main thread).
  class Guard {
   public:
    ~Guard() { dog_.disarm(); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    friend class CallWatchdog;
    explicit Guard(CallWatchdog& dog) : dog_(dog) {}
    CallWatchdog& dog_;
  };
  [[nodiscard]] Guard watch(std::string_view what, std::chrono::milliseconds limit);

  // Calls that were still running at their limit so far (a test hook; the default action exits).
  [[nodiscard]] uint64_t stuck() const;

 private:
  void disarm();
  void loop();

  OnStuck on_stuck_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool armed_ = false;
  uint64_t generation_ = 0;  // a new value per watched call
  std::string what_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t stuck_ = 0;
  std::thread thread_;
};

}  // namespace wirefeed
