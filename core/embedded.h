#pragma once
// Data files compiled into the binary (see cmake/Wirefeed.cmake): names are paths relative to the
// repository root, e.g. "config/data/agencies.toml" or "samples/stories.jsonl".

#include <string_view>
#include <vector>

namespace wirefeed {
std::string_view embedded_file(std::string_view name);  // empty when unknown
std::vector<std::string_view> embedded_names();
}  // namespace wirefeed
