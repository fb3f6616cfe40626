// Fuzzes CreditExtractor::extract. The input is split into byline, language and body so that the
// fuzzer can steer each one: byte 0 is the byline length, byte 1 the language length (both capped
// at the remaining size), the rest is the body.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "parsers/credits.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const wirefeed::CreditExtractor extractor(wirefeed::AgencyTable::builtin());
  static wirefeed::Story story;
  static wirefeed::CreditResult result;
  if (size < 2) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t by_len = std::min<size_t>(data[0], rest.size());
  story.clear();
  story.byline.assign(rest.substr(0, by_len));
  rest.remove_prefix(by_len);
  const size_t lang_len = std::min<size_t>(data[1] % 8, rest.size());
  story.language.assign(rest.substr(0, lang_len));
  rest.remove_prefix(lang_len);
  story.body.assign(rest);
  extractor.extract(story, result);
  // Every dateline claims bytes of the body it was found in, never more.
  if (result.dateline.present && result.dateline.length > story.body.size()) {
    std::fprintf(stderr, "dateline length %zu beyond a body of %zu bytes\n", result.dateline.length,
                 story.body.size());
    std::abort();
  }
  return 0;
}
