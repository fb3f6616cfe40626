#include "core/call_watchdog.h"

#include <spdlog/spdlog.h>

#include <cstdlib>

namespace wirefeed {

namespace {

void exit_stuck(const std::string& what, std::chrono::milliseconds ran) {
  spdlog::critical(
      "Stuck librdkafka call call={} seconds={:.1f}: still running past its own timeout "
      "(librdkafka issues #5456, #5511). Exiting with status {} so that the service manager "
      "restarts the daemon; the open transaction is aborted and its input read again",
      what, static_cast<double>(ran.count()) / 1000.0, kExitStuck);
  spdlog::default_logger()->flush();
  // No destructors: they would wait on the librdkafka handle that is stuck.
  std::_Exit(kExitStuck);
}

}  // namespace

CallWatchdog::CallWatchdog(OnStuck on_stuck)
    : on_stuck_(on_stuck ? std::move(on_stuck) : OnStuck(exit_stuck)),
      thread_([this] { loop(); }) {}

CallWatchdog::~CallWatchdog() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

CallWatchdog::Guard CallWatchdog::watch(std::string_view what, std::chrono::milliseconds limit) {
  {
    std::lock_guard lock(mu_);
    what_.assign(what);
    started_ = std::chrono::steady_clock::now();
    deadline_ = started_ + limit;
    armed_ = true;
    ++generation_;
  }
  cv_.notify_all();
  return Guard(*this);
}

void CallWatchdog::disarm() {
  std::lock_guard lock(mu_);
  armed_ = false;
}

uint64_t CallWatchdog::stuck() const {
  std::lock_guard lock(mu_);
  return stuck_;
}

void CallWatchdog::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    if (!armed_) {
      cv_.wait(lock, [this] { return stop_ || armed_; });
      continue;
    }
    const uint64_t gen = generation_;
    if (cv_.wait_until(lock, deadline_, [&] { return stop_ || !armed_ || generation_ != gen; })) {
      continue;  // stopped, returned in time, or a new call
    }
    // The same call, still running at its limit.
    ++stuck_;
    armed_ = false;
    const std::string what = what_;
    const auto ran = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started_);
    lock.unlock();
    on_stuck_(what, ran);
    lock.lock();
  }
}

}  // namespace wirefeed
