#include "daemon/cli.h"

#include <fmt/format.h>
#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "config/config.h"
#include "daemon/enrich.h"
#include "daemon/logging.h"
#include "daemon/produce.h"
#include "daemon/run.h"
#include "pipeline/topic_model.h"

namespace wirefeed {

namespace {

constexpr const char* kUsage =
    R"(wirefeed - enriches news-wire stories: credits, datelines, duplicates, IPTC topics

Usage:
  wirefeed run [--config FILE]            Kafka in -> pipeline -> Kafka out (the daemon)
  wirefeed demo                           the daemon on an embedded Kafka with the sample stories
  wirefeed enrich [--input FILE|-] [--output FILE|-] [--config FILE] [--dead-letter FILE]
                  [--dedup-state FILE] [--threads N] [--topic-model FILE]
                                          JSON Lines in, enriched JSON Lines out
  wirefeed produce --brokers LIST --topic T [--input FILE|-] [--rate N] [--key uri|none]
                   [--partition N] [--limit N] [--config FILE]
                                          load a JSON Lines file into a topic
  wirefeed check-config FILE              validate a config file and print the effective config
  wirefeed train-topics --input FILE --output MODEL [--epochs N] [--bits 18..20]
                        [--blend-weight X] [--learning-rate X] [--headline-weight X] [--l2 X]
                                          train a topic model on labelled JSON Lines
                                          ({"headline","body","topics":["medtop:..."]})
  wirefeed version
)";

void usage_error(const std::string& msg) {
  std::fprintf(stderr, "wirefeed: %s\n\n%s", msg.c_str(), kUsage);
}

// Minimal "--name value" parsing with the list of names each command accepts.
class Args {
 public:
  Args(const std::vector<std::string>& args, size_t start) : args_(args), pos_(start) {}
  // Returns false with `error` set on an unknown option or a missing value.
  bool parse(const std::vector<std::string>& known, std::string& error) {
    for (size_t i = pos_; i < args_.size(); ++i) {
      const std::string& a = args_[i];
      if (a.rfind("--", 0) != 0) {
        positional_.push_back(a);
        continue;
      }
      std::string name = a.substr(2);
      std::string value;
      const size_t eq = name.find('=');
      bool has_value = false;
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_value = true;
      }
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        error = "unknown option --" + name;
        return false;
      }
      if (!has_value) {
        if (i + 1 >= args_.size()) {
          error = "option --" + name + " needs a value";
          return false;
        }
        value = args_[++i];
      }
      values_.emplace_back(name, value);
    }
    return true;
  }
  [[nodiscard]] std::optional<std::string> get(const std::string& name) const {
    for (auto it = values_.rbegin(); it != values_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    return std::nullopt;
  }
  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }

 private:
  const std::vector<std::string>& args_;
  size_t pos_;
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> positional_;
};

bool parse_int(const std::string& s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Loads --config or the built-in defaults; prints the error and returns nullopt on failure.
std::optional<Config> config_from(const Args& args) {
  if (auto path = args.get("config")) {
    auto c = load_config_file(*path);
    if (!c) {
      std::fprintf(stderr, "wirefeed: invalid config:\n%s\n", c.status().message().c_str());
      return std::nullopt;
    }
    return c.value();
  }
  return default_config();
}

int cmd_enrich(const std::vector<std::string>& argv) {
  Args args(argv, 1);
  std::string err;
  if (!args.parse({"input", "output", "config", "dead-letter", "dedup-state", "threads", "batch",
                   "topic-model"},
                  err)) {
    usage_error(err);
    return 2;
  }
  if (!args.positional().empty()) {
    usage_error("unexpected argument " + args.positional().front());
    return 2;
  }
  auto config = config_from(args);
  if (!config) return 2;
  EnrichOptions o;
  o.input = args.get("input").value_or("-");
  o.output = args.get("output").value_or("-");
  o.dead_letter = args.get("dead-letter").value_or("");
  o.dedup_state = args.get("dedup-state").value_or(config->dedup.state_file);
  if (auto m = args.get("topic-model")) config->topics.model = *m;
  if (auto t = args.get("threads")) {
    if (!parse_int(*t, o.threads) || o.threads < 1 || o.threads > 64) {
      usage_error("--threads takes a number from 1 to 64");
      return 2;
    }
  }
  if (auto b = args.get("batch")) {
    int v = 0;
    if (!parse_int(*b, v) || v < 1) {
      usage_error("--batch takes a positive number");
      return 2;
    }
    o.batch = static_cast<size_t>(v);
  }
  auto r = run_enrich(o, *config);
  if (!r) {
    std::fprintf(stderr, "wirefeed enrich: %s\n", r.status().message().c_str());
    return 1;
  }
  std::fprintf(stderr, "%s\n", format_summary(r.value()).c_str());
  return 0;
}

int cmd_check_config(const std::vector<std::string>& argv) {
  Args args(argv, 1);
  std::string err;
  if (!args.parse({"config"}, err)) {
    usage_error(err);
    return 2;
  }
  std::optional<std::string> path = args.get("config");
  if (!path && !args.positional().empty()) path = args.positional().front();
  if (!path) {
    usage_error("check-config needs a FILE");
    return 2;
  }
  auto c = load_config_file(*path);
  if (!c) {
    std::fprintf(stderr, "wirefeed: invalid config:\n%s\n", c.status().message().c_str());
    return 2;
  }
  std::fprintf(stdout, "# %s is valid; effective configuration (secrets masked):\n%s",
               path->c_str(), render_effective_config(c.value()).c_str());
  return 0;
}

int cmd_train_topics(const std::vector<std::string>& argv) {
  Args args(argv, 1);
  std::string err;
  if (!args.parse({"input", "output", "epochs", "bits", "blend-weight", "learning-rate",
                   "headline-weight", "l2"},
                  err)) {
    usage_error(err);
    return 2;
  }
  const auto input = args.get("input");
  const auto output = args.get("output");
  if (!input || !output || !args.positional().empty()) {
    usage_error("train-topics needs --input FILE and --output MODEL");
    return 2;
  }
  TopicModelTrainOptions o;
  if (auto e = args.get("epochs")) {
    if (!parse_int(*e, o.epochs) || o.epochs < 1 || o.epochs > 1000) {
      usage_error("--epochs takes a number from 1 to 1000");
      return 2;
    }
  }
  if (auto b = args.get("bits")) {
    int v = 0;
    if (!parse_int(*b, v) || v < 18 || v > 20) {
      usage_error("--bits takes 18, 19 or 20");
      return 2;
    }
    o.bucket_bits = static_cast<unsigned>(v);
  }
  // The number options; TopicModel::train() checks their ranges.
  for (auto [name, dst] :
       {std::pair{"blend-weight", &o.blend_weight}, std::pair{"learning-rate", &o.learning_rate},
        std::pair{"headline-weight", &o.headline_weight}, std::pair{"l2", &o.l2}}) {
    if (auto w = args.get(name)) {
      char* end = nullptr;
      *dst = std::strtof(w->c_str(), &end);
      if (w->empty() || end != w->c_str() + w->size()) {
        usage_error(std::string("--") + name + " takes a number");
        return 2;
      }
    }
  }
  auto examples = TopicModel::read_training_file(*input);
  if (!examples) {
    std::fprintf(stderr, "wirefeed train-topics: %s\n", examples.status().message().c_str());
    return 1;
  }
  std::string progress;
  auto model = TopicModel::train(examples.value(), o, &progress);
  if (!model) {
    std::fprintf(stderr, "wirefeed train-topics: %s\n", model.status().message().c_str());
    return 1;
  }
  std::fputs(progress.c_str(), stderr);
  if (Status s = model.value()->save(*output); !s) {
    std::fprintf(stderr, "wirefeed train-topics: %s\n", s.message().c_str());
    return 1;
  }
  const TopicModel& m = *model.value();
  std::fprintf(stderr, "Trained stories=%zu topics=%zu other_class=%s buckets=2^%u model=%s\n",
               examples.value().size(), m.labels().size(), m.has_other() ? "yes" : "no",
               m.bucket_bits(), output->c_str());
  return 0;
}

// Signals: the first SIGTERM/SIGINT asks for a graceful stop, a second one exits at once; SIGHUP
// asks for a reload of the data files. Handlers only touch lock-free atomics.
RunControl* g_control = nullptr;
std::atomic<int> g_stop_signals{0};

extern "C" void on_stop_signal(int) {
  if (g_stop_signals.fetch_add(1) >= 1) _exit(130);
  if (g_control != nullptr) g_control->stop.store(true);
}
extern "C" void on_hup_signal(int) {
  if (g_control != nullptr) g_control->reload.store(true);
}

void install_signals(RunControl& control) {
  g_control = &control;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  struct sigaction hup {};
  hup.sa_handler = on_hup_signal;
  sigemptyset(&hup.sa_mask);
  sigaction(SIGHUP, &hup, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

int cmd_run(const std::vector<std::string>& argv, bool demo) {
  // First thing: a stop signal during start-up must still mean a graceful stop.
  static RunControl control;
  install_signals(control);
  Args args(argv, 1);
  std::string err;
  if (!args.parse({"config"}, err)) {
    usage_error(err);
    return 2;
  }
  auto config = config_from(args);
  if (!config) return 2;
  if (demo) config->kafka.brokers = "embedded";
  if (Status s = setup_logging(config->logging); !s) {
    std::fprintf(stderr, "wirefeed: %s\n", s.message().c_str());
    return 2;
  }
  if (config->kafka.embedded()) return run_demo(*config, control);
  return run_daemon(*config, control);
}

int cmd_produce(const std::vector<std::string>& argv) {
  Args args(argv, 1);
  std::string err;
  if (!args.parse(
          {"brokers", "topic", "input", "rate", "key", "partition", "limit", "config", "property"},
          err)) {
    usage_error(err);
    return 2;
  }
  ProduceOptions o;
  std::optional<Config> config;
  if (args.get("config")) {
    config = config_from(args);
    if (!config) return 2;
    o.brokers = config->kafka.brokers;
    o.topic = config->kafka.input_topics.empty() ? "" : config->kafka.input_topics.front();
    o.properties = config->kafka.producer;
  }
  if (auto b = args.get("brokers")) o.brokers = *b;
  if (auto t = args.get("topic")) o.topic = *t;
  o.input = args.get("input").value_or("-");
  o.key = args.get("key").value_or("uri");
  if (o.brokers.empty() || o.topic.empty()) {
    usage_error("produce needs --brokers and --topic (or --config)");
    return 2;
  }
  if (o.key != "uri" && o.key != "none") {
    usage_error("--key takes uri or none");
    return 2;
  }
  if (auto r = args.get("rate")) {
    int v = 0;
    if (!parse_int(*r, v) || v < 0) {
      usage_error("--rate takes stories per second");
      return 2;
    }
    o.rate = v;
  }
  if (auto p = args.get("partition")) {
    if (!parse_int(*p, o.partition)) {
      usage_error("--partition takes a number");
      return 2;
    }
  }
  if (auto l = args.get("limit")) {
    int v = 0;
    if (!parse_int(*l, v) || v < 0) {
      usage_error("--limit takes a number");
      return 2;
    }
    o.limit = v;
  }
  static RunControl control;
  install_signals(control);
  auto r = run_produce(o, control.stop);
  if (!r) {
    std::fprintf(stderr, "wirefeed produce: %s\n", r.status().message().c_str());
    return 1;
  }
  const auto& s = r.value();
  std::fprintf(stderr,
               "Produce done topic=%s stories=%llu bytes=%llu seconds=%.3f stories_per_s=%.0f\n",
               o.topic.c_str(), static_cast<unsigned long long>(s.lines),
               static_cast<unsigned long long>(s.bytes), s.seconds,
               s.seconds > 0 ? static_cast<double>(s.lines) / s.seconds : 0.0);
  return 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string& cmd = args[0];
  if (cmd == "enrich") return cmd_enrich(args);
  if (cmd == "check-config") return cmd_check_config(args);
  if (cmd == "train-topics") return cmd_train_topics(args);
  if (cmd == "run") return cmd_run(args, false);
  if (cmd == "demo") return cmd_run(args, true);
  if (cmd == "produce") return cmd_produce(args);
  if (cmd == "version" || cmd == "--version") {
    // The librdkafka loaded at run time, which may be newer than the one it was built with.
    std::printf("wirefeed 0.1.0 (librdkafka %s)\n", rd_kafka_version_str());
    return 0;
  }
  usage_error("unknown command '" + cmd + "'");
  return 2;
}

}  // namespace wirefeed
