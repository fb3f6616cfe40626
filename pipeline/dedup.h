#pragma once
// Duplicate, near-duplicate and update detection over a window of recent stories.
//
// Split in two so the daemon can run the expensive part on worker threads:
//   fingerprint()  - stateless, const, thread-safe: normalise + hash the story text;
//   DedupIndex::check_and_insert() - the stateful lookup, called in input order.
//
// Design (docs/dedup.md has the measurements): the normalised body becomes word 3-gram shingles,
// each hashed to 32 bits. A Fingerprint keeps every shingle hash below a size-dependent cutoff
// (about 128 of them, sorted). The index keeps per story only a bottom-k sketch (the 24 smallest
// shingle hashes, compressed) and indexes the 6 smallest for candidate lookup. Comparing a full
// sample against a bottom-k sketch estimates Jaccard and containment in both directions, so a short
// version inside a long story is caught whichever arrives first. A small Bloom filter of numbers
// and names vetoes template stories that share wording but not facts.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

class BoilerplatePatterns;
struct NormalizedText;

struct DedupConfig {
  int64_t window_ms = 72LL * 3600 * 1000;  // by versionCreated (or arrival when absent)
  size_t max_stories = 2'000'000;          // by count
  // Estimated Jaccard similarity of the stripped bodies at or above which a story is a
  // near-duplicate.
  double near_duplicate_threshold = 0.6;
  // Estimated containment of the shorter body in the longer one at or above which it is a
  // near-duplicate (abridged versions, write-throughs that add paragraphs).
  double containment_threshold = 0.8;
  // Key tokens (numbers, names) of the shorter story missing from the longer one that veto a match:
  // vetoed when missing >= key_veto_min and missing >= key_veto_fraction * keys of the shorter.
  uint32_t key_veto_min = 2;
  double key_veto_fraction = 0.12;
  // Numbers of the shorter story missing from the longer one that veto a match by themselves: a
  // template story (a monthly inflation figure, a results table) keeps the wording and changes the
  // figures, and in German every noun is capitalised, which dilutes the fraction above. 0 = off.
  uint32_t number_veto_min = 2;
  // ...or when at least this share of the shorter story's numbers is missing (one of two).
  double number_veto_fraction = 0.5;
  size_t max_candidates = 48;  // candidates re-scored per story
};

// A 128-bit, one-hash Bloom filter of 32-bit key hashes: bit b = the hash's top 7 bits.
struct KeyBloom {
  uint64_t w[2] = {0, 0};
  void add(uint32_t k) { w[k >> 31] |= uint64_t{1} << ((k >> 25) & 63); }
  [[nodiscard]] bool may_contain(uint32_t k) const {
    return ((w[k >> 31] >> ((k >> 25) & 63)) & 1) != 0;
  }
  void clear() { w[0] = w[1] = 0; }
};

// Everything the index needs to know about one story; reusable (clear keeps capacity).
struct Fingerprint {
  std::string uri;
  std::string version;
  int64_t time_ms = 0;  // versionCreated in ms since epoch, else arrival
  bool time_from_version_created = false;
  int64_t version_num = -1;  // numeric version, -1 when absent or not a number
  uint64_t uri_hash = 0;
  uint64_t exact_hash = 0;       // hash of the lightly normalised headline + body
  uint32_t n_shingles = 0;       // shingles of the stripped body (with repeats)
  uint32_t cutoff = 0;           // `sample` holds every distinct shingle hash <= cutoff
  std::vector<uint32_t> sample;  // sorted, distinct
  std::vector<uint32_t> keys;    // sorted distinct hashes of numbers and names
  KeyBloom key_bloom;            // Bloom filter of `keys`
  KeyBloom number_bloom;         // the same of the numbers among them
  uint32_t n_numbers = 0;        // how many of `keys` are numbers
  uint32_t lead_key = 0;         // hash of the opening words of the stripped body; 0 if short
  void clear();
};

class Fingerprinter {
 public:
  explicit Fingerprinter(const DedupConfig& cfg);
  // Uses `patterns` instead of the embedded config/data/boilerplate.txt.
  Fingerprinter(const DedupConfig& cfg, std::shared_ptr<const BoilerplatePatterns> patterns);
  // `credits` lets normalisation strip the dateline and credit lines. arrival_ms is used when the
  // story has no parseable versionCreated.
  void fingerprint(const Story& story, const CreditResult& credits, int64_t arrival_ms,
                   Fingerprint& out) const;
  // The same in two steps, for a caller that also tags topics on the normalised text: normalize()
  // with this fingerprinter's boilerplate patterns, then fingerprint() from its result.
  void normalize(const Story& story, const CreditResult& credits, NormalizedText& out) const;
  void fingerprint(const Story& story, const NormalizedText& norm, int64_t arrival_ms,
                   Fingerprint& out) const;

 private:
  std::shared_ptr<const BoilerplatePatterns> patterns_;
};

// Milliseconds since the epoch of an ISO 8601 date-time ("2024-03-01T12:00:00Z", offsets and
// fractions allowed; a bare date is midnight UTC); -1 when it does not parse.
int64_t parse_iso8601_ms(std::string_view s);

class DedupIndex {
 public:
  explicit DedupIndex(DedupConfig cfg);
  ~DedupIndex();
  DedupIndex(const DedupIndex&) = delete;
  DedupIndex& operator=(const DedupIndex&) = delete;

  DedupResult check_and_insert(const Fingerprint& fp);
  // The same into `out`, reusing out.of's capacity (no allocation per flagged story).
  void check_and_insert(const Fingerprint& fp, DedupResult& out);

  // Stories leave the window `window_ms` before the window's clock: the newest story time seen,
  // except that stories dated more than half a window ahead of it move it only when 8 come in a
  // row (one mis-dated story must not empty the window; docs/dedup.md). While a limit is set,
  // they leave it `window_ms` before min(clock, limit) instead: the daemon sets the story time of
  // its slowest input partition with a backlog, so that a partition that read ahead does not
  // evict what the slower ones still compare against.
  // kNoEvictionLimit (the default) = no limit. Only when stories leave changes; not how they match.
  static constexpr int64_t kNoEvictionLimit = INT64_MAX;
  void set_eviction_limit(int64_t story_time_ms);
  // The window's clock (above): the newest story time seen, stories dated far ahead of it aside;
  // kNoClock before the first story. `enrich` dates undated stories by it.
  static constexpr int64_t kNoClock = INT64_MIN;
  [[nodiscard]] int64_t clock_ms() const;

  [[nodiscard]] size_t size() const;
  // Bytes held by the index (entries, URIs, hash tables), for the memory-per-story budget.
  [[nodiscard]] size_t memory_bytes() const;
  // The most hash-table slots one insert has moved while a table grows (diagnostics). Tables grow
  // incrementally, a bounded number of slots per insert, so no single story waits for a whole
  // table to be rehashed.
  [[nodiscard]] size_t max_slots_moved_at_once() const;

  // Persistence: a file for `enrich`, and per-story changelog records for the daemon's compacted
  // topic.
  Status save(const std::string& path) const;
  Status load(const std::string& path);

  // The record to produce after check_and_insert(fp): key = the story URI (so compaction keeps the
  // newest version of each story), value = the compact encoding of what the index stores for it,
  // including its family's root URI. Both strings are overwritten (capacity reused).
  void changelog_record(const Fingerprint& fp, std::string& key, std::string& value) const;
  // Replay: inserts without classifying. Idempotent: a record whose URI is already present at the
  // same or a newer version is ignored. An empty value (a compaction tombstone) is ignored. A
  // batch value (below) applies each of its stories' records in order, its own key aside. A
  // record that is rejected (its status is not ok) changes nothing: a batch with one bad story,
  // or cut short, is rejected whole.
  Status apply_changelog(std::string_view key, std::string_view value);

  // Many stories' changelog records in one value, for one Kafka record per batch of stories
  // instead of one per story: the first byte is kChangelogBatch (a single record's first byte is
  // its format, 1-3), then for each story its key and value, each after its length (uint32,
  // little-endian). Appends to `batch` (starts it when empty).
  static constexpr uint8_t kChangelogBatch = 0xB7;
  static void changelog_batch_add(std::string& batch, std::string_view key, std::string_view value);
  // The same for changelog_record(fp)'s key and value, encoded straight into `batch` (the
  // daemon's per-story path: no copy through a separate key and value).
  void changelog_batch_add(std::string& batch, const Fingerprint& fp) const;

 private:
  void append_record(const Fingerprint& fp, std::string& out) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
