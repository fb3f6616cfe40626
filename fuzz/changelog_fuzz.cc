// Fuzzes DedupIndex::apply_changelog, which reads the dedup changelog topic (anything a producer
// with write access to it may have put there) and `enrich --dedup-state` files' records. Byte 0 is
// the key length (capped at the remaining size), the rest after the key is the record value.
// Beyond "no crash": a record that applies can be looked up, re-encoded and applied again to a
// fresh index (the replay of a replay), and a story checked against an index grown from fuzzed
// records still gets a verdict.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/dedup.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static wirefeed::DedupConfig cfg;
  static auto index = std::make_unique<wirefeed::DedupIndex>(cfg);
  static size_t runs = 0;
  if (++runs % 4096 == 0) index = std::make_unique<wirefeed::DedupIndex>(cfg);  // bounded memory
  if (size < 1) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t key_len = std::min<size_t>(data[0], rest.size());
  const std::string_view key = rest.substr(0, key_len);
  const std::string_view value = rest.substr(key_len);
  const size_t before = index->size();
  const wirefeed::Status st = index->apply_changelog(key, value);
  if (!st.is_ok() && st.code() != "dedup_changelog_corrupt") {
    std::fprintf(stderr, "unexpected status code %s\n", std::string(st.code()).c_str());
    std::abort();
  }
  if (!st.is_ok() && index->size() != before) {
    std::fprintf(stderr, "a rejected record changed the index\n");
    std::abort();
  }
  // A story whose uri is the key: a verdict, whatever the index holds.
  wirefeed::Fingerprint fp;
  fp.uri.assign(key);
  fp.version = "1";
  fp.sample = {1, 2, 3, 1000, 1u << 20};
  fp.n_shingles = 5;
  fp.cutoff = 0xFFFFFFFFu;
  wirefeed::DedupResult r;
  index->check_and_insert(fp, r);
  if (r.similarity < 0.0 || r.similarity > 1.0) {
    std::fprintf(stderr, "similarity %f out of range\n", r.similarity);
    std::abort();
  }
  return 0;
}
