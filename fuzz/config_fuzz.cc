// Fuzzes load_config_string: any text gives a Config or a Status, never a crash or an escaping
// exception, and an accepted config renders to TOML that loads again.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cfg = wirefeed::load_config_string(text, "fuzz.toml");
  if (!cfg) return 0;
  const std::string rendered = wirefeed::render_effective_config(cfg.value());
  auto again = wirefeed::load_config_string(rendered, "rendered.toml");
  if (!again) {
    std::fprintf(stderr, "rendered config does not load again: %s\n---\n%s\n",
                 again.status().message().c_str(), rendered.c_str());
    std::abort();
  }
  return 0;
}
