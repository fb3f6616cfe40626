#include "core/kafka.h"

#include <algorithm>
#include <cctype>

namespace wirefeed {

bool is_secret_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::string_view needle : {"password", "secret", "sasl.jaas", "ssl.key", "token", "credentials"}) {
    if (lower.find(needle) != std::string::npos) return true;
  }
  return false;
}

Result<RdConfPtr> make_rd_conf(const std::vector<RdProperty>& defaults, const std::vector<RdProperty>& overrides) {
  RdConfPtr conf(rd_kafka_conf_new());
  char err[512];
  for (const auto* list : {&defaults, &overrides}) {
    for (const RdProperty& p : *list) {
      if (rd_kafka_conf_set(conf.get(), p.name.c_str(), p.value.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
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
