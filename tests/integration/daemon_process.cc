#include "tests/integration/daemon_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/integration/broker_env.h"

namespace wirefeed::testing {

using Clock = std::chrono::steady_clock;

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string wirefeed_binary() { return std::string(WIREFEED_BINARY_DIR) + "/wirefeed"; }

Process::Process(const std::vector<std::string>& argv, std::string log) : log_(std::move(log)) {
  pid_ = ::fork();
  if (pid_ == 0) {
    if (std::freopen(log_.c_str(), "a", stderr) == nullptr) std::_Exit(126);
    std::vector<std::string> copy = argv;
    std::vector<char*> args;
    for (auto& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    std::_Exit(127);
  }
}

Process::~Process() {
  if (!exited_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_exit(30);
  }
}

void Process::signal(int sig) const { ::kill(pid_, sig); }

int Process::wait_exit(int timeout_s) {
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_s);
  while (Clock::now() < deadline) {
    if (!running()) return exit_code_;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling the child's state
  }
  return -1;
}

bool Process::running() {
  if (exited_) return false;
  int st = 0;
  if (::waitpid(pid_, &st, WNOHANG) == pid_) {
    // Reaped here or in wait_exit(), whichever sees it first: the status is kept for both.
    exited_ = true;
    exit_code_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
  return !exited_;
}

bool Process::wait_log(const std::string& needle, int timeout_s) {
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_s);
  while (Clock::now() < deadline) {
    if (read_text_file(log_).find(needle) != std::string::npos) return true;
    if (!running()) return read_text_file(log_).find(needle) != std::string::npos;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling the child's log
  }
  return false;
}

std::string Process::log(size_t tail) const {
  const std::string all = read_text_file(log_);
  return all.size() > tail ? all.substr(all.size() - tail) : all;
}

Names::Names(const std::string& prefix)
    : input(unique_name(prefix)),
      enriched(input + ".enriched"),
      duplicates(input + ".duplicates"),
      dlq(input + ".dlq"),
      changelog(input + ".changelog"),
      group(input + "-group") {}

std::string write_config(const Names& n, const std::string& extra) {
  const std::string path = "/tmp/" + n.input + ".toml";
  std::ofstream out(path);
  out << "[kafka]\n"
      << "brokers = \"" << bootstrap() << "\"\n"
      << "group_id = \"" << n.group << "\"\n"
      << "input_topics = [\"" << n.input << "\"]\n"
      << "enriched_topic = \"" << n.enriched << "\"\n"
      << "duplicates_topic = \"" << n.duplicates << "\"\n"
      << "dead_letter_topic = \"" << n.dlq << "\"\n"
      << "changelog_topic = \"" << n.changelog << "\"\n"
      << extra;
  return path;
}

int64_t committed_total(const Names& n) {
  auto c = committed_offsets(n.group, n.input);
  if (!c) return -1;
  int64_t sum = 0;
  for (const auto& [p, o] : c.value()) sum += o;
  return sum;
}

bool wait_committed(const Names& n, int64_t target, Process& d, int timeout_s) {
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_s);
  while (Clock::now() < deadline) {
    if (committed_total(n) >= target) return true;
    if (!d.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling the broker's state
  }
  return false;
}

}  // namespace wirefeed::testing
