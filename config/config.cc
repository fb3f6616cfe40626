#include "config/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <span>
#include <sstream>
#include <thread>
#include <utility>

namespace wirefeed {

std::string_view to_string(Delivery d) {
  return d == Delivery::kExactlyOnce ? "exactly-once" : "at-least-once";
}

std::string_view to_string(OutputKey k) {
  switch (k) {
    case OutputKey::kUri:
      return "uri";
    case OutputKey::kInput:
      return "input";
    case OutputKey::kNone:
      return "none";
  }
  return "uri";
}

std::string_view to_string(LogFormat f) { return f == LogFormat::kJson ? "json" : "text"; }

namespace {

constexpr std::string_view kMask = "*****";

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Edit distance, for "did you mean" hints. Names are short, so the quadratic table is fine.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string_view closest(std::string_view name, std::span<const std::string_view> allowed) {
  std::string_view best;
  size_t best_d = std::numeric_limits<size_t>::max();
  for (std::string_view a : allowed) {
    const size_t d = edit_distance(name, a);
    if (d < best_d) {
      best_d = d;
      best = a;
    }
  }
  // Allow roughly one typo per three characters, so "treads" finds "threads" but "x" finds nothing.
  const size_t limit = std::max<size_t>(1, std::min(name.size(), best.size()) / 3);
  return best_d <= limit ? best : std::string_view{};
}

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    default:
      return "nothing";
  }
}

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return fmt::format("{}.{}", parent, key);
}

bool valid_topic_name(std::string_view t) {
  // Kafka's own rule: 1..249 characters of [A-Za-z0-9._-], and not "." or "..".
  if (t.empty() || t.size() > 249 || t == "." || t == "..") return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// The keys of each section, in one place so that an unknown key can be looked up in the
// other sections too ("threads" under [dedup] belongs in [pipeline]).
constexpr std::string_view kRootKeys[] = {
    "kafka", "pipeline", "dedup", "topics", "transactions", "shutdown", "stats", "logging", "demo"};
constexpr std::string_view kKafkaKeys[] = {
    "brokers",           "group_id",        "input_topics", "enriched_topic", "duplicates_topic",
    "dead_letter_topic", "changelog_topic", "instance_id",  "consumer",       "producer"};
constexpr std::string_view kPipelineKeys[] = {
    "delivery", "route_duplicates", "output_key", "max_message_bytes", "max_in_flight",
    "threads",  "agencies_file",    "topics_dir", "boilerplate_file"};
constexpr std::string_view kDedupKeys[] = {"enabled",
                                           "window_hours",
                                           "max_stories",
                                           "near_duplicate_threshold",
                                           "containment_threshold",
                                           "state_file",
                                           "max_partition_skew_minutes"};
constexpr std::string_view kTopicsKeys[] = {"threshold", "max_topics", "keep_best", "model"};
constexpr std::string_view kTransactionsKeys[] = {"commit_interval_ms", "commit_every"};
constexpr std::string_view kShutdownKeys[] = {"timeout_ms"};
constexpr std::string_view kStatsKeys[] = {"interval_s", "latency_slo_ms"};
constexpr std::string_view kLoggingKeys[] = {"level", "format", "file", "file_max_mb",
                                             "file_max_files"};
constexpr std::string_view kDemoKeys[] = {"samples_file", "print_records"};

constexpr std::pair<std::string_view, std::span<const std::string_view>> kSectionKeys[] = {
    {"kafka", kKafkaKeys},   {"pipeline", kPipelineKeys},         {"dedup", kDedupKeys},
    {"topics", kTopicsKeys}, {"transactions", kTransactionsKeys}, {"shutdown", kShutdownKeys},
    {"stats", kStatsKeys},   {"logging", kLoggingKeys},           {"demo", kDemoKeys},
};

// The section other than `here` that has a key called `name`, or "".
std::string_view home_section(std::string_view name, std::string_view here) {
  for (const auto& [section, keys] : kSectionKeys) {
    if (section == here) continue;
    if (std::find(keys.begin(), keys.end(), name) != keys.end()) return section;
  }
  return {};
}

// Walks the parsed document section by section, collecting every problem rather than stopping
// at the first: an operator fixing a config file wants the whole list in one go.
class Loader {
 public:
  explicit Loader(std::string source) : source_(std::move(source)) {}

  [[nodiscard]] const std::vector<std::string>& errors() const { return errors_; }
  std::vector<std::string>& warnings() { return warnings_; }

  void warn_at(const toml::source_region* where, std::string_view msg) {
    if (where == nullptr || where->begin.line == 0) {
      warnings_.push_back(fmt::format("{}: warning: {}", source_, msg));
    } else {
      warnings_.push_back(fmt::format("{}:{}:{}: warning: {}", source_, where->begin.line,
                                      where->begin.column, msg));
    }
  }

  void error_at(const toml::source_region& where, std::string_view msg) {
    if (where.begin.line == 0) {
      errors_.push_back(fmt::format("{}: {}", source_, msg));
    } else {
      errors_.push_back(
          fmt::format("{}:{}:{}: {}", source_, where.begin.line, where.begin.column, msg));
    }
  }

  void error_at(const toml::source_region* where, std::string_view msg) {
    error_at(where != nullptr ? *where : toml::source_region{}, msg);
  }

  [[nodiscard]] std::string origin(const toml::source_region& where) const {
    return fmt::format("{}:{}:{}", source_, where.begin.line, where.begin.column);
  }

  // Every key of `t` must be in `allowed`; reports each stranger at its own position.
  void check_keys(const toml::table& t, std::string_view path,
                  std::span<const std::string_view> allowed) {
    for (auto&& [k, v] : t) {
      const std::string_view name = k.str();
      if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
      const std::string full = join_path(path, name);
      const char* what = v.is_table() ? "section" : "key";
      // A key spelled right but in the wrong section is the likelier mistake than a typo.
      const std::string_view home = home_section(name, path);
      const std::string_view hint = home.empty() ? closest(name, allowed) : std::string_view{};
      if (!home.empty()) {
        error_at(k.source(), fmt::format("unknown {} '{}' (it belongs in [{}])", what, full, home));
      } else if (hint.empty()) {
        error_at(k.source(), fmt::format("unknown {} '{}'", what, full));
      } else {
        error_at(k.source(), fmt::format("unknown {} '{}' (did you mean '{}'?)", what, full, hint));
      }
    }
  }

  // The sub-table `key` of `parent`, or nullptr when absent (or not a table: reported).
  const toml::table* section(const toml::table& parent, std::string_view path,
                             std::string_view key) {
    const toml::node* n = parent.get(key);
    if (n == nullptr) return nullptr;
    if (const toml::table* t = n->as_table()) {
      note(join_path(path, key), t->source());
      return t;
    }
    error_at(n->source(),
             fmt::format("'{}' must be a table, got {}", join_path(path, key), type_name(*n)));
    return nullptr;
  }

  // Expands ${VAR}, ${VAR:-default} and $$ in a string value. A lone '$' followed by anything
  // else is kept as written, so passwords containing '$' need no escaping unless they contain
  // "${" or "$$".
  bool interpolate(std::string_view in, const toml::node& where, std::string_view path,
                   std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      if (c != '$' || i + 1 >= in.size()) {
        out.push_back(c);
        continue;
      }
      if (in[i + 1] == '$') {
        out.push_back('$');
        ++i;
        continue;
      }
      if (in[i + 1] != '{') {
        out.push_back(c);
        continue;
      }
      const size_t close = in.find('}', i + 2);
      if (close == std::string_view::npos) {
        error_at(where.source(), fmt::format("'{}': unterminated '${{' (write '$$' for a literal "
                                             "dollar sign)",
                                             path));
        return false;
      }
      const std::string_view inner = in.substr(i + 2, close - i - 2);
      const size_t sep = inner.find(":-");
      const std::string_view var = inner.substr(0, sep);
      const bool valid_name =
          !var.empty() && std::isdigit(static_cast<unsigned char>(var[0])) == 0 &&
          std::all_of(var.begin(), var.end(), [](char ch) { return is_alnum(ch) || ch == '_'; });
      if (!valid_name) {
        // The text between the braces is not echoed: in a secret it could be part of the value.
        error_at(where.source(),
                 fmt::format("'{}': invalid environment variable reference (expected ${{NAME}} or "
                             "${{NAME:-default}} with NAME of letters, digits and '_')",
                             path));
        return false;
      }
      const std::string name(var);
      const char* env = std::getenv(name.c_str());
      if (sep != std::string_view::npos && (env == nullptr || *env == '\0')) {
        out.append(inner.substr(sep + 2));
      } else if (env == nullptr) {
        error_at(where.source(),
                 fmt::format("'{}': environment variable '{}' is not set (write ${{{}:-default}} "
                             "to give a default)",
                             path, name, name));
        return false;
      } else {
        out.append(env);
      }
      i = close;
    }
    return true;
  }

  bool string_value(const toml::node& n, std::string_view path, std::string& out) {
    const auto* s = n.as_string();
    if (s == nullptr) {
      error_at(n.source(), fmt::format("'{}' must be a string, got {}", path, type_name(n)));
      return false;
    }
    return interpolate(s->get(), n, path, out);
  }

  const toml::node* get(const toml::table* t, std::string_view key) {
    return t == nullptr ? nullptr : t->get(key);
  }

  void get_string(const toml::table* t, std::string_view path, std::string_view key,
                  std::string& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    std::string v;
    if (string_value(*n, join_path(path, key), v)) {
      out = std::move(v);
      note(join_path(path, key), n->source());
    }
  }

  // A string that must not be empty after interpolation.
  void get_required_string(const toml::table* t, std::string_view path, std::string_view key,
                           std::string& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    std::string v;
    const std::string full = join_path(path, key);
    if (!string_value(*n, full, v)) return;
    if (v.empty()) {
      error_at(n->source(), fmt::format("'{}' must not be empty", full));
      return;
    }
    out = std::move(v);
    note(full, n->source());
  }

  void get_topic(const toml::table* t, std::string_view path, std::string_view key,
                 std::string& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    std::string v;
    const std::string full = join_path(path, key);
    if (!string_value(*n, full, v)) return;
    if (!check_topic(v, *n, full)) return;
    out = std::move(v);
    note(full, n->source());
  }

  bool check_topic(std::string_view v, const toml::node& n, std::string_view path) {
    if (v.empty()) {
      error_at(n.source(), fmt::format("'{}' must not be empty", path));
      return false;
    }
    if (!valid_topic_name(v)) {
      error_at(n.source(), fmt::format("'{}' is not a valid Kafka topic name: '{}' (1 to 249 "
                                       "characters of A-Z a-z 0-9 . _ -)",
                                       path, v));
      return false;
    }
    return true;
  }

  void get_topic_list(const toml::table* t, std::string_view path, std::string_view key,
                      std::vector<std::string>& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    const std::string full = join_path(path, key);
    const toml::array* a = n->as_array();
    if (a == nullptr) {
      error_at(n->source(),
               fmt::format("'{}' must be an array of strings, got {}", full, type_name(*n)));
      return;
    }
    if (a->empty()) {
      error_at(n->source(), fmt::format("'{}' must name at least one topic", full));
      return;
    }
    std::vector<std::string> topics;
    bool ok = true;
    for (size_t i = 0; i < a->size(); ++i) {
      const toml::node& e = *a->get(i);
      const std::string elem = fmt::format("{}[{}]", full, i);
      std::string v;
      if (!string_value(e, elem, v) || !check_topic(v, e, elem)) {
        ok = false;
        continue;
      }
      if (std::find(topics.begin(), topics.end(), v) != topics.end()) {
        error_at(e.source(), fmt::format("'{}' lists topic '{}' twice", full, v));
        ok = false;
        continue;
      }
      topics.push_back(std::move(v));
    }
    if (ok) {
      out = std::move(topics);
      note(full, n->source());
    }
  }

  void get_bool(const toml::table* t, std::string_view path, std::string_view key, bool& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    if (const auto* b = n->as_boolean()) {
      out = b->get();
      note(join_path(path, key), n->source());
      return;
    }
    error_at(n->source(), fmt::format("'{}' must be a boolean (true or false), got {}",
                                      join_path(path, key), type_name(*n)));
  }

  template <typename Int>
  void get_int(const toml::table* t, std::string_view path, std::string_view key, int64_t lo,
               int64_t hi, Int& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    const std::string full = join_path(path, key);
    const auto* i = n->as_integer();
    if (i == nullptr) {
      error_at(n->source(), fmt::format("'{}' must be an integer, got {}", full, type_name(*n)));
      return;
    }
    const int64_t v = i->get();
    if (v < lo || v > hi) {
      error_at(n->source(), fmt::format("'{}' must be between {} and {}, got {}", full, lo, hi, v));
      return;
    }
    out = static_cast<Int>(v);
    note(full, n->source());
  }

  // Integers are accepted where a float is expected: "threshold = 1" is not a type error.
  void get_fraction(const toml::table* t, std::string_view path, std::string_view key, bool zero_ok,
                    double& out) {
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    const std::string full = join_path(path, key);
    double v = 0;
    if (const auto* f = n->as_floating_point()) {
      v = f->get();
    } else if (const auto* i = n->as_integer()) {
      v = static_cast<double>(i->get());
    } else {
      error_at(n->source(), fmt::format("'{}' must be a number, got {}", full, type_name(*n)));
      return;
    }
    const bool in_range = std::isfinite(v) && v <= 1.0 && (zero_ok ? v >= 0.0 : v > 0.0);
    if (!in_range) {
      error_at(n->source(),
               fmt::format("'{}' must be {} 1, got {}", full,
                           zero_ok ? "between 0 and" : "greater than 0 and at most", v));
      return;
    }
    out = v;
    note(full, n->source());
  }

  template <typename E, size_t N>
  void get_enum(const toml::table* t, std::string_view path, std::string_view key,
                const std::array<std::pair<std::string_view, E>, N>& choices, E& out) {
    std::string s;
    const toml::node* n = get(t, key);
    if (n == nullptr) return;
    const std::string full = join_path(path, key);
    if (!string_value(*n, full, s)) return;
    for (const auto& [name, value] : choices) {
      if (name == s) {
        out = value;
        note(full, n->source());
        return;
      }
    }
    std::string names;
    for (const auto& [name, value] : choices) {
      if (!names.empty()) names += ", ";
      names += fmt::format("'{}'", name);
    }
    error_at(n->source(), fmt::format("'{}' must be one of {}, got '{}'", full, names, s));
  }

  // librdkafka properties, flattened: `sasl.mechanism = "PLAIN"` is a dotted key that TOML turns
  // into nested tables, and `"sasl.mechanism" = "PLAIN"` is one quoted key; both mean the same.
  void get_properties(const toml::table* t, std::string_view path,
                      std::vector<KafkaProperty>& out) {
    if (t == nullptr) return;
    std::map<std::string, KafkaProperty> props;
    flatten(*t, path, "", props);
    out.clear();
    for (auto& [name, p] : props) out.push_back(std::move(p));
  }

  void note(const std::string& path, const toml::source_region& where) { seen_[path] = where; }
  [[nodiscard]] const toml::source_region* where(const std::string& path) const {
    auto it = seen_.find(path);
    return it == seen_.end() ? nullptr : &it->second;
  }

 private:
  void flatten(const toml::table& t, std::string_view path, const std::string& prefix,
               std::map<std::string, KafkaProperty>& props) {
    for (auto&& [k, v] : t) {
      const std::string name =
          prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      const std::string full = fmt::format("{}.{}", path, name);
      if (const toml::table* sub = v.as_table()) {
        flatten(*sub, path, name, props);
        continue;
      }
      KafkaProperty p;
      p.name = name;
      p.origin = origin(v.source());
      if (v.is_string()) {
        if (!string_value(v, full, p.value)) continue;
      } else if (const auto* i = v.as_integer()) {
        p.value = std::to_string(i->get());
      } else if (const auto* b = v.as_boolean()) {
        p.value = b->get() ? "true" : "false";
      } else {
        error_at(v.source(), fmt::format("'{}' must be a string, integer or boolean, got {}", full,
                                         type_name(v)));
        continue;
      }
      note(full, v.source());
      if (check_reserved(name, v, full) && !props.emplace(name, std::move(p)).second) {
        error_at(k.source(),
                 fmt::format("'{}' is set twice (once as a dotted key, once quoted)", full));
      }
    }
  }

  // Properties wirefeed derives from its own keys: setting them twice would let the two drift.
  bool check_reserved(std::string_view name, const toml::node& v, std::string_view full) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kReserved{{
        {"bootstrap.servers", "kafka.brokers"},
        {"metadata.broker.list", "kafka.brokers"},
        {"group.id", "kafka.group_id"},
        {"transactional.id", "kafka.instance_id"},
    }};
    for (const auto& [prop, instead] : kReserved) {
      if (name == prop) {
        error_at(v.source(),
                 fmt::format("'{}' is set by wirefeed: use '{}' instead", full, instead));
        return false;
      }
    }
    return true;
  }

  std::string source_;
  std::vector<std::string> errors_;
  std::vector<std::string> warnings_;
  std::map<std::string, toml::source_region> seen_;
};

constexpr std::array<std::pair<std::string_view, Delivery>, 2> kDeliveries{{
    {"at-least-once", Delivery::kAtLeastOnce},
    {"exactly-once", Delivery::kExactlyOnce},
}};
constexpr std::array<std::pair<std::string_view, OutputKey>, 3> kOutputKeys{{
    {"uri", OutputKey::kUri},
    {"input", OutputKey::kInput},
    {"none", OutputKey::kNone},
}};
constexpr std::array<std::pair<std::string_view, LogFormat>, 2> kLogFormats{{
    {"text", LogFormat::kText},
    {"json", LogFormat::kJson},
}};
// spdlog::level::from_str names, minus the aliases nobody writes in a config file.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kLogLevels{{
    {"trace", "trace"},
    {"debug", "debug"},
    {"info", "info"},
    {"warn", "warn"},
    {"error", "error"},
    {"off", "off"},
}};

constexpr int64_t kMaxInt32 = std::numeric_limits<int32_t>::max();

const KafkaProperty* find_property(const std::vector<KafkaProperty>& props, std::string_view name) {
  for (const KafkaProperty& p : props) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Settings that are valid one by one but contradict the delivery mode. Contradictions that would
// break the guarantee are errors; settings that are merely ignored are warnings.
void check_delivery(Loader& l, const Config& c) {
  const bool eos = c.pipeline.delivery == Delivery::kExactlyOnce;
  if (eos) {
    if (const KafkaProperty* p = find_property(c.kafka.producer, "enable.idempotence");
        p != nullptr && p->value == "false") {
      l.error_at(l.where("kafka.producer.enable.idempotence"),
                 "'kafka.producer.enable.idempotence' cannot be false with pipeline.delivery = "
                 "\"exactly-once\": transactions need the idempotent producer");
    }
    if (const KafkaProperty* p = find_property(c.kafka.consumer, "enable.auto.commit");
        p != nullptr && p->value == "true") {
      l.error_at(l.where("kafka.consumer.enable.auto.commit"),
                 "'kafka.consumer.enable.auto.commit' cannot be true with pipeline.delivery = "
                 "\"exactly-once\": offsets are committed inside each transaction");
    }
    if (const KafkaProperty* p = find_property(c.kafka.consumer, "isolation.level");
        p != nullptr && p->value == "read_uncommitted") {
      l.warn_at(l.where("kafka.consumer.isolation.level"),
                "'kafka.consumer.isolation.level' = read_uncommitted lets stories from aborted "
                "upstream transactions through");
    }
  }
  // Only changed values earn a warning: a file listing every key at its default (such as
  // render_effective_config output) is not a mistake.
  const TransactionsConfig tx;
  if (!eos && (c.transactions.commit_interval_ms != tx.commit_interval_ms ||
               c.transactions.commit_every != tx.commit_every)) {
    l.warn_at(l.where("transactions"),
              "[transactions] is ignored unless pipeline.delivery = \"exactly-once\"");
  }
  const DemoConfig demo;
  if (!c.kafka.embedded() &&
      (c.demo.samples_file != demo.samples_file || c.demo.print_records != demo.print_records)) {
    l.warn_at(l.where("demo"), "[demo] is ignored unless kafka.brokers = \"embedded\"");
  }
  if (!c.dedup.enabled && !c.dedup.state_file.empty()) {
    l.warn_at(l.where("dedup.state_file"), "'dedup.state_file' is ignored: dedup.enabled = false");
  }
}

void load_document(const toml::table& root, Loader& l, Config& c) {
  l.check_keys(root, "", kRootKeys);

  if (const toml::table* t = l.section(root, "", "kafka")) {
    l.check_keys(*t, "kafka", kKafkaKeys);
    KafkaConfig& k = c.kafka;
    l.get_required_string(t, "kafka", "brokers", k.brokers);
    l.get_required_string(t, "kafka", "group_id", k.group_id);
    l.get_topic_list(t, "kafka", "input_topics", k.input_topics);
    l.get_topic(t, "kafka", "enriched_topic", k.enriched_topic);
    l.get_topic(t, "kafka", "duplicates_topic", k.duplicates_topic);
    l.get_topic(t, "kafka", "dead_letter_topic", k.dead_letter_topic);
    l.get_topic(t, "kafka", "changelog_topic", k.changelog_topic);
    l.get_string(t, "kafka", "instance_id", k.instance_id);
    if (!k.instance_id.empty() && !valid_topic_name(k.instance_id)) {
      const toml::source_region* w = l.where("kafka.instance_id");
      l.error_at(w,
                 "'kafka.instance_id' may only contain A-Z a-z 0-9 . _ - (it becomes part of the "
                 "transactional.id)");
    }
    l.get_properties(l.section(*t, "kafka", "consumer"), "kafka.consumer", k.consumer);
    l.get_properties(l.section(*t, "kafka", "producer"), "kafka.producer", k.producer);
  }

  if (const toml::table* t = l.section(root, "", "pipeline")) {
    l.check_keys(*t, "pipeline", kPipelineKeys);
    PipelineConfig& p = c.pipeline;
    l.get_enum(t, "pipeline", "delivery", kDeliveries, p.delivery);
    l.get_bool(t, "pipeline", "route_duplicates", p.route_duplicates);
    l.get_enum(t, "pipeline", "output_key", kOutputKeys, p.output_key);
    // librdkafka's own ceiling for message.max.bytes is 1000000000.
    l.get_int(t, "pipeline", "max_message_bytes", 1024, 1000000000, p.max_message_bytes);
    l.get_int(t, "pipeline", "max_in_flight", 1, 10000000, p.max_in_flight);
    l.get_int(t, "pipeline", "threads", 0, 64, p.threads);
    l.get_string(t, "pipeline", "agencies_file", p.agencies_file);
    l.get_string(t, "pipeline", "topics_dir", p.topics_dir);
    l.get_string(t, "pipeline", "boilerplate_file", p.boilerplate_file);
  }

  if (const toml::table* t = l.section(root, "", "dedup")) {
    l.check_keys(*t, "dedup", kDedupKeys);
    DedupSettings& d = c.dedup;
    l.get_bool(t, "dedup", "enabled", d.enabled);
    l.get_int(t, "dedup", "window_hours", 1, int64_t{24} * 366, d.window_hours);
    l.get_int(t, "dedup", "max_stories", 1, 1000000000, d.max_stories);
    l.get_fraction(t, "dedup", "near_duplicate_threshold", false, d.near_duplicate_threshold);
    l.get_fraction(t, "dedup", "containment_threshold", false, d.containment_threshold);
    l.get_string(t, "dedup", "state_file", d.state_file);
    l.get_int(t, "dedup", "max_partition_skew_minutes", 0, int64_t{60} * 24 * 366,
              d.max_partition_skew_minutes);
  }

  if (const toml::table* t = l.section(root, "", "topics")) {
    l.check_keys(*t, "topics", kTopicsKeys);
    l.get_fraction(t, "topics", "threshold", true, c.topics.threshold);
    l.get_int(t, "topics", "max_topics", 0, 100, c.topics.max_topics);
    l.get_bool(t, "topics", "keep_best", c.topics.keep_best);
    l.get_string(t, "topics", "model", c.topics.model);
  }

  if (const toml::table* t = l.section(root, "", "transactions")) {
    l.check_keys(*t, "transactions", kTransactionsKeys);
    l.get_int(t, "transactions", "commit_interval_ms", 1, 600000,
              c.transactions.commit_interval_ms);
    l.get_int(t, "transactions", "commit_every", 1, 10000000, c.transactions.commit_every);
  }

  if (const toml::table* t = l.section(root, "", "shutdown")) {
    l.check_keys(*t, "shutdown", kShutdownKeys);
    l.get_int(t, "shutdown", "timeout_ms", 0, 3600000, c.shutdown.timeout_ms);
  }

  if (const toml::table* t = l.section(root, "", "stats")) {
    l.check_keys(*t, "stats", kStatsKeys);
    l.get_int(t, "stats", "interval_s", 0, 86400, c.stats.interval_s);
    l.get_int(t, "stats", "latency_slo_ms", 1, 3600000, c.stats.latency_slo_ms);
  }

  if (const toml::table* t = l.section(root, "", "logging")) {
    l.check_keys(*t, "logging", kLoggingKeys);
    LoggingConfig& g = c.logging;
    std::string_view level = g.level;
    l.get_enum(t, "logging", "level", kLogLevels, level);
    g.level = std::string(level);
    l.get_enum(t, "logging", "format", kLogFormats, g.format);
    l.get_string(t, "logging", "file", g.file);
    l.get_int(t, "logging", "file_max_mb", 1, int64_t{1024} * 1024, g.file_max_mb);
    l.get_int(t, "logging", "file_max_files", 1, 1000, g.file_max_files);
  }

  if (const toml::table* t = l.section(root, "", "demo")) {
    l.check_keys(*t, "demo", kDemoKeys);
    l.get_string(t, "demo", "samples_file", c.demo.samples_file);
    l.get_int(t, "demo", "print_records", 0, kMaxInt32, c.demo.print_records);
  }

  // Cross-key checks, reported at the output topic that closes the loop.
  const KafkaConfig& k = c.kafka;
  const std::array<std::pair<const char*, const std::string*>, 4> outputs{{
      {"kafka.enriched_topic", &k.enriched_topic},
      {"kafka.duplicates_topic", &k.duplicates_topic},
      {"kafka.dead_letter_topic", &k.dead_letter_topic},
      {"kafka.changelog_topic", &k.changelog_topic},
  }};
  for (const auto& [name, topic] : outputs) {
    if (std::find(k.input_topics.begin(), k.input_topics.end(), *topic) != k.input_topics.end()) {
      const toml::source_region* w = l.where(name);
      if (w == nullptr) w = l.where("kafka.input_topics");
      l.error_at(w, fmt::format("'{}' is also an input topic ('{}'): wirefeed would read its own "
                                "output",
                                name, *topic));
    }
  }
  if (k.changelog_topic == k.enriched_topic || k.changelog_topic == k.duplicates_topic ||
      k.changelog_topic == k.dead_letter_topic) {
    const toml::source_region* w = l.where("kafka.changelog_topic");
    l.error_at(w,
               "'kafka.changelog_topic' must differ from the output topics: the dedup state is "
               "rebuilt by reading it back");
  }

  check_delivery(l, c);
}

}  // namespace

Config default_config() { return Config{}; }

bool is_secret_property(std::string_view name) {
  const std::string n = lower(name);
  for (std::string_view word :
       {"password", "secret", "sasl.jaas", "ssl.key", "token", "credentials"}) {
    if (n.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace wirefeed

namespace wirefeed {
namespace {

// toml++ sometimes quotes the characters it choked on ("saw 'h'"). On a line that looks like it
// holds a secret, those fragments are dropped so a half-typed password never reaches a log.
std::string redact_parse_error(std::string_view description, std::string_view doc, size_t line) {
  size_t start = 0;
  for (size_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = doc.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > doc.size()) return std::string(description);
  const size_t end = doc.find('\n', start);
  const std::string_view text =
      doc.substr(start, end == std::string_view::npos ? doc.npos : end - start);
  if (!is_secret_property(text)) return std::string(description);
  // A quoted fragment that is itself a secret-looking name is the key, not the value: keep it.
  std::string out;
  size_t i = 0;
  while (i < description.size()) {
    const size_t open = description.find('\'', i);
    const size_t close = open == std::string_view::npos ? open : description.find('\'', open + 1);
    if (close == std::string_view::npos) {
      out.append(description.substr(i));
      break;
    }
    const std::string_view fragment = description.substr(open + 1, close - open - 1);
    out.append(description.substr(i, open - i));
    out += '\'';
    out += is_secret_property(fragment) ? fragment : kMask;
    out += '\'';
    i = close + 1;
  }
  return out;
}

void append_toml_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      // Loading interpolates ${VAR}, so a literal dollar must be written back as "$$".
      case '$':
        out += "$$";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string toml_string(std::string_view s) {
  std::string out;
  append_toml_string(out, s);
  return out;
}

std::string toml_double(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

// Bare keys need no quotes; librdkafka names contain dots, which would nest in TOML.
std::string toml_key(std::string_view k) {
  const bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return is_alnum(c) || c == '_' || c == '-';
  });
  return bare ? std::string(k) : toml_string(k);
}

void render_properties(std::string& out, std::string_view header,
                       const std::vector<KafkaProperty>& props) {
  out += fmt::format("\n[{}]\n", header);
  for (const KafkaProperty& p : props) {
    out += toml_key(p.name);
    out += " = ";
    out += is_secret_property(p.name) ? toml_string(kMask) : toml_string(p.value);
    out += '\n';
  }
}

}  // namespace

Result<Config> load_config_string(std::string_view toml_text, const std::string& source_name) {
  try {
    toml::table root;
    try {
      root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
      const auto& b = e.source().begin;
      return Status("config", fmt::format("{}:{}:{}: {}", source_name, b.line, b.column,
                                          redact_parse_error(e.description(), toml_text, b.line)));
    }
    Config config = default_config();
    config.source = source_name;
    Loader loader(source_name);
    load_document(root, loader, config);
    if (!loader.errors().empty()) {
      std::string msg;
      for (const std::string& e : loader.errors()) {
        if (!msg.empty()) msg.push_back('\n');
        msg += e;
      }
      return Status("config", std::move(msg));
    }
    config.warnings = std::move(loader.warnings());
    return config;
  } catch (const std::exception& e) {
    // Allocation failure and the like: still a value, never an exception across the API.
    return Status("config",
                  fmt::format("{}: cannot load configuration: {}", source_name, e.what()));
  }
}

Result<Config> load_config_file(const std::string& path) {
  // A directory opens fine as an ifstream and reads as empty, which would silently mean
  // "all defaults"; refuse it explicitly.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status("config", fmt::format("{}: cannot read: is a directory", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status("config", fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return Status("config", fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  }
  return load_config_string(buf.str(), path);
}

int effective_threads(const PipelineConfig& pipeline) {
  int n = pipeline.threads;
  if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(n, 1, 64);
}

std::string effective_instance_id(const KafkaConfig& kafka) {
  if (!kafka.instance_id.empty()) return kafka.instance_id;
  std::array<char, 256> host{};
  std::string id = "wirefeed";
  if (gethostname(host.data(), host.size() - 1) == 0 && host[0] != '\0') {
    id += '-';
    for (const char* p = host.data(); *p != '\0'; ++p) {
      const char c = *p;
      const bool ok = is_alnum(c) || c == '.' || c == '_' || c == '-';
      id.push_back(ok ? c : '_');
    }
  }
  return id;
}

std::string render_effective_config(const Config& c) {
  std::string out;
  out += fmt::format("# Effective wirefeed configuration ({})\n",
                     c.source.empty() ? "built-in defaults" : "from " + c.source);
  out += "# Secret-looking librdkafka values are shown as \"*****\".\n";
  for (const std::string& w : c.warnings) out += fmt::format("# {}\n", w);

  const KafkaConfig& k = c.kafka;
  out += "\n[kafka]\n";
  out += fmt::format("brokers = {}\n", toml_string(k.brokers));
  out += fmt::format("group_id = {}\n", toml_string(k.group_id));
  out += "input_topics = [";
  for (size_t i = 0; i < k.input_topics.size(); ++i) {
    if (i > 0) out += ", ";
    append_toml_string(out, k.input_topics[i]);
  }
  out += "]\n";
  out += fmt::format("enriched_topic = {}\n", toml_string(k.enriched_topic));
  out += fmt::format("duplicates_topic = {}\n", toml_string(k.duplicates_topic));
  out += fmt::format("dead_letter_topic = {}\n", toml_string(k.dead_letter_topic));
  out += fmt::format("changelog_topic = {}\n", toml_string(k.changelog_topic));
  out += fmt::format("instance_id = {}", toml_string(k.instance_id));
  if (k.instance_id.empty()) out += fmt::format("  # = {}", toml_string(effective_instance_id(k)));
  out += '\n';
  render_properties(out, "kafka.consumer", k.consumer);
  render_properties(out, "kafka.producer", k.producer);

  const PipelineConfig& p = c.pipeline;
  out += "\n[pipeline]\n";
  out += fmt::format("delivery = \"{}\"\n", to_string(p.delivery));
  out += fmt::format("route_duplicates = {}\n", p.route_duplicates);
  out += fmt::format("output_key = \"{}\"\n", to_string(p.output_key));
  out += fmt::format("max_message_bytes = {}\n", p.max_message_bytes);
  out += fmt::format("max_in_flight = {}\n", p.max_in_flight);
  out += fmt::format("threads = {}", p.threads);
  if (p.threads == 0) out += fmt::format("  # = {} on this machine", effective_threads(p));
  out += '\n';
  out += fmt::format("agencies_file = {}\n", toml_string(p.agencies_file));
  out += fmt::format("topics_dir = {}\n", toml_string(p.topics_dir));
  out += fmt::format("boilerplate_file = {}\n", toml_string(p.boilerplate_file));

  const DedupSettings& d = c.dedup;
  out += "\n[dedup]\n";
  out += fmt::format("enabled = {}\n", d.enabled);
  out += fmt::format("window_hours = {}\n", d.window_hours);
  out += fmt::format("max_stories = {}\n", d.max_stories);
  out += fmt::format("near_duplicate_threshold = {}\n", toml_double(d.near_duplicate_threshold));
  out += fmt::format("containment_threshold = {}\n", toml_double(d.containment_threshold));
  out += fmt::format("state_file = {}\n", toml_string(d.state_file));
  out += fmt::format("max_partition_skew_minutes = {}\n", d.max_partition_skew_minutes);

  out += "\n[topics]\n";
  out += fmt::format("threshold = {}\n", toml_double(c.topics.threshold));
  out += fmt::format("max_topics = {}\n", c.topics.max_topics);
  out += fmt::format("keep_best = {}\n", c.topics.keep_best ? "true" : "false");
  out += fmt::format("model = {}\n", toml_string(c.topics.model));

  out += "\n[transactions]\n";
  out += fmt::format("commit_interval_ms = {}\n", c.transactions.commit_interval_ms);
  out += fmt::format("commit_every = {}\n", c.transactions.commit_every);

  out += "\n[shutdown]\n";
  out += fmt::format("timeout_ms = {}\n", c.shutdown.timeout_ms);

  out += "\n[stats]\n";
  out += fmt::format("interval_s = {}\n", c.stats.interval_s);
  out += fmt::format("latency_slo_ms = {}\n", c.stats.latency_slo_ms);

  const LoggingConfig& g = c.logging;
  out += "\n[logging]\n";
  out += fmt::format("level = {}\n", toml_string(g.level));
  out += fmt::format("format = \"{}\"\n", to_string(g.format));
  out += fmt::format("file = {}\n", toml_string(g.file));
  out += fmt::format("file_max_mb = {}\n", g.file_max_mb);
  out += fmt::format("file_max_files = {}\n", g.file_max_files);

  out += "\n[demo]\n";
  out += fmt::format("samples_file = {}\n", toml_string(c.demo.samples_file));
  out += fmt::format("print_records = {}\n", c.demo.print_records);
  return out;
}

}  // namespace wirefeed
