// Fuzzes the whole stateless story path: StoryParser::parse through Analyzer (credits, dateline,
// topics, dedup fingerprint) and write_enriched. Whatever the input, a story either ends with a
// reason code or yields a record that is valid JSON; anything else aborts the run.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "parsers/ninjs.h"
#include "pipeline/enricher.h"

namespace {

using wirefeed::Analysis;
using wirefeed::Analyzer;

struct Harness {
  Harness() {
    auto r = wirefeed::load_resources("", "", wirefeed::TopicConfig{});
    if (!r) {
      std::fprintf(stderr, "load_resources: %s\n", r.status().message().c_str());
      std::abort();
    }
    wirefeed::PipelineOptions options;
    // A small limit keeps the too_large branch reachable with libFuzzer's input sizes.
    options.limits.max_message_bytes = 64 * 1024;
    analyzer = std::make_unique<Analyzer>(r.value(), options);
  }
  std::unique_ptr<Analyzer> analyzer;
  Analysis analysis;
  std::string out;
  simdjson::dom::parser checker;
};

bool known_reason(const std::string& code) {
  using namespace wirefeed;
  for (std::string_view r :
       {kReasonEmpty, kReasonTooLarge, kReasonNullByte, kReasonInvalidUtf8, kReasonBadJson,
        kReasonNotObject, kReasonTooDeep, kReasonWrongType, kReasonNoBody}) {
    if (code == r) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness h;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  if (!h.analyzer->analyze(raw, 0, h.analysis)) {
    if (!known_reason(h.analysis.status.code())) {
      std::fprintf(stderr, "unknown reason code '%s'\n", h.analysis.status.code().c_str());
      std::abort();
    }
    return 0;
  }
  h.out.clear();
  wirefeed::write_enriched(raw, h.analysis, h.out);
  simdjson::dom::element e;
  if (auto err = h.checker.parse(h.out).get(e)) {
    std::fprintf(stderr, "enriched record is not valid JSON (%s):\n%s\n",
                 simdjson::error_message(err), h.out.c_str());
    std::abort();
  }
  if (!e.is_object() || e["wirefeed"].error()) {
    std::fprintf(stderr, "enriched record lacks the wirefeed object:\n%s\n", h.out.c_str());
    std::abort();
  }
  return 0;
}
