#include "core/kafka.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace wirefeed {

bool is_secret_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (std::string_view needle :
       {"password", "secret", "sasl.jaas", "ssl.key", "token", "credentials"}) {
    if (lower.find(needle) != std::string::npos) return true;
  }
  return false;
}

namespace {

// librdkafka's own log lines go through spdlog, so they share the daemon's format (text or JSON),
// sinks and level instead of being printed straight to stderr.
void log_cb(const rd_kafka_t* rk, int level, const char* fac, const char* buf) {
  spdlog::level::level_enum lv = spdlog::level::debug;
  if (level <= 3) {
    lv = spdlog::level::err;
  } else if (level == 4) {
    lv = spdlog::level::warn;
  } else if (level <= 6) {
    lv = spdlog::level::info;
  }
  spdlog::log(lv, "librdkafka client={} facility={} {}", rk != nullptr ? rd_kafka_name(rk) : "-",
              fac, buf);
}

}  // namespace

Result<RdConfPtr> make_rd_conf(const std::vector<RdProperty>& defaults,
                               const std::vector<RdProperty>& overrides) {
  RdConfPtr conf(rd_kafka_conf_new());
  rd_kafka_conf_set_log_cb(conf.get(), log_cb);
  char err[512];
  for (const auto* list : {&defaults, &overrides}) {
    for (const RdProperty& p : *list) {
      if (rd_kafka_conf_set(conf.get(), p.name.c_str(), p.value.c_str(), err, sizeof err) !=
          RD_KAFKA_CONF_OK) {
        std::string msg = p.origin.empty() ? std::string() : p.origin + ": ";
        msg += "librdkafka property '" + p.name + "'";
        if (!is_secret_name(p.name)) msg += " = '" + p.value + "'";
        msg += ": ";
        // librdkafka's message may quote the value: never show it for secrets.
        msg += is_secret_name(p.name) ? std::string("rejected by librdkafka") : std::string(err);
        return Status("config", msg);
      }
    }
  }
  return conf;
}

}  // namespace wirefeed
