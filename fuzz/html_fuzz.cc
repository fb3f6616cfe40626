// Fuzzes html_to_text: no crash, no read outside the input, and the output is valid UTF-8 whenever
// the input is (entities decode to UTF-8 and must never produce a broken sequence).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::string out;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  out.clear();
  wirefeed::html_to_text(html, out);
  if (simdjson::validate_utf8(html.data(), html.size()) &&
      !simdjson::validate_utf8(out.data(), out.size())) {
    std::fprintf(stderr, "valid UTF-8 in, invalid UTF-8 out\n");
    std::abort();
  }
  return 0;
}
