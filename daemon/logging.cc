#include "daemon/logging.h"

#include <spdlog/formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

#include "core/json.h"

namespace wirefeed {

namespace {

// One JSON object per line: {"ts":"...","level":"info","logger":"wirefeed","msg":"..."}.
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    scratch_.clear();
    const auto t = std::chrono::system_clock::to_time_t(msg.time);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[64];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms));
    scratch_.append("{\"ts\":\"");
    scratch_.append(ts);
    scratch_.append("\",\"level\":\"");
    const auto lv = spdlog::level::to_string_view(msg.level);
    scratch_.append(lv.data(), lv.size());
    scratch_.append("\",\"logger\":");
    append_json_string(scratch_, std::string_view(msg.logger_name.data(), msg.logger_name.size()));
    scratch_.append(",\"msg\":");
    append_json_string(scratch_, std::string_view(msg.payload.data(), msg.payload.size()));
    scratch_.append("}\n");
    dest.append(scratch_.data(), scratch_.data() + scratch_.size());
  }
  [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }

 private:
  std::string scratch_;
};

}  // namespace

Status setup_logging(const LoggingConfig& config) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (!config.file.empty()) {
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          config.file, static_cast<size_t>(config.file_max_mb) * 1024 * 1024,
          static_cast<size_t>(config.file_max_files)));
    } catch (const spdlog::spdlog_ex& e) {
      return Status("logging",
                    std::string("cannot open log file ") + config.file + ": " + e.what());
    }
  }
  auto logger = std::make_shared<spdlog::logger>("wirefeed", sinks.begin(), sinks.end());
  if (config.format == LogFormat::kJson) {
    logger->set_formatter(std::make_unique<JsonFormatter>());
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  }
  logger->set_level(spdlog::level::from_str(config.level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
  return {};
}

}  // namespace wirefeed
