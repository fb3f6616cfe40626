#pragma once
// Duplicate, near-duplicate and update detection over a window of recent stories.
//
// Split in two so the daemon can run the expensive part on worker threads:
//   fingerprint()  - stateless, const, thread-safe: normalise + hash the story text;
//   DedupIndex::check_and_insert() - the stateful lookup, called in input order.

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

struct DedupConfig {
  int64_t window_ms = 72LL * 3600 * 1000;  // by versionCreated (or arrival when absent)
  size_t max_stories = 2'000'000;          // by count
  double near_duplicate_threshold = 0.8;
  double containment_threshold = 0.9;
};

// Everything the index needs to know about one story; reusable (clear keeps capacity).
struct Fingerprint {
  std::string uri;
  std::string version;
  int64_t time_ms = 0;         // versionCreated in ms since epoch, else arrival
  uint64_t exact_hash = 0;     // hash of the fully normalised text
  std::vector<uint64_t> sketch;  // implementation-defined (e.g. MinHash / shingle hashes)
  void clear();
};

class Fingerprinter {
 public:
  explicit Fingerprinter(const DedupConfig& cfg);
  // `credits` lets normalisation strip the dateline and credit lines. arrival_ms is used when the
  // story has no parseable versionCreated.
  void fingerprint(const Story& story, const CreditResult& credits, int64_t arrival_ms,
                   Fingerprint& out) const;
};

class DedupIndex {
 public:
  explicit DedupIndex(DedupConfig cfg);
  ~DedupIndex();
  DedupResult check_and_insert(const Fingerprint& fp);

  [[nodiscard]] size_t size() const;
  // Persistence: a file for `enrich`, and per-story changelog records for the daemon's compacted topic.
  Status save(const std::string& path) const;
  Status load(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
