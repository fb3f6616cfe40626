#pragma once
// Running `wirefeed` as a child process in integration tests, with unique topic names and a
// generated config file. Waits are on observable state (the process, its log, the group's
// committed offsets) with an upper bound after which they fail.

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wirefeed::testing {

std::string read_text_file(const std::string& path);
std::string wirefeed_binary();

class Process {
 public:
  // argv[0] is the program; stderr goes (appended) to `log`.
  Process(const std::vector<std::string>& argv, std::string log);
  ~Process();  // SIGKILL if still running
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  void signal(int sig) const;
  // Exit code (128 + signal when killed), or -1 when it did not exit within the bound.
  int wait_exit(int timeout_s = 120);
  bool running();
  // True once the log contains `needle`; false when the process exits first or time runs out.
  bool wait_log(const std::string& needle, int timeout_s = 120);
  [[nodiscard]] std::string log(size_t tail = 8000) const;
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_code_ = -1;
  std::string log_;
};

// The topics and group of one test, all unique so tests never see each other's data.
struct Names {
  explicit Names(const std::string& prefix);
  std::string input, enriched, duplicates, dlq, changelog, group;
};

// A config for the integration broker and `n`'s topics; `extra` is appended (TOML sections).
std::string write_config(const Names& n, const std::string& extra = "");

// Sum of the group's committed offsets on the input (-1 when they cannot be read).
int64_t committed_total(const Names& n);
// Waits until the group has committed `target` offsets in total: every story up to there has all
// its output acknowledged. False when `d` exits first or time runs out.
bool wait_committed(const Names& n, int64_t target, Process& d, int timeout_s = 600);

}  // namespace wirefeed::testing
