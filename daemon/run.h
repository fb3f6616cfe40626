#pragma once
// `wirefeed run`: the daemon. Kafka in -> pipeline -> Kafka out, at-least-once by default.

#include <atomic>

#include "config/config.h"

namespace wirefeed {

struct RunControl {
  std::atomic<bool> stop{false};    // SIGTERM/SIGINT: drain, flush, commit, exit
  std::atomic<bool> reload{false};  // SIGHUP: reload agency aliases and topic lexicons
  bool exit_when_drained = false;   // demo: stop once every assigned partition is at its end
};

// Runs until control.stop (or, with exit_when_drained, until the input is drained). Returns the
// process exit code: 0 after a clean drain, 1 on a fatal Kafka error, 2 on a start-up error.
int run_daemon(const Config& config, RunControl& control);

// The embedded demo: starts librdkafka's in-process mock cluster, loads the sample stories into the
// input topic, runs the daemon until drained and prints a few enriched records.
int run_demo(Config config, RunControl& control);

}  // namespace wirefeed
