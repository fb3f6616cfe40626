#pragma once
// `wirefeed enrich`: JSON Lines in, enriched JSON Lines out, malformed lines to a dead-letter file.

#include <cstdint>
#include <map>
#include <string>

#include "config/config.h"
#include "core/status.h"

namespace wirefeed {

struct EnrichOptions {
  std::string input = "-";
  std::string output = "-";
  std::string dead_letter;  // "" = "<output>.dlq.jsonl", or "wirefeed-dlq.jsonl" for stdout
  std::string dedup_state;  // "" = none; else loaded when present and saved at the end
  int threads = 1;
  // Stories analysed in parallel between two in-order dedup passes. Each of the 2 x batch reused
  // Analysis slots keeps the capacity of the largest results it has held (the story's text
  // stays in the Analyzer since 2026-12-01; before, a slot held ~20 KB on the bench corpus and
  // 2048 held ~85 MB, running no faster than 256: docs/PERFORMANCE.md).
  size_t batch = 256;
};

struct EnrichSummary {
  uint64_t lines = 0;
  uint64_t bytes = 0;
  uint64_t enriched = 0;
  uint64_t unique = 0;
  uint64_t duplicate = 0;
  uint64_t near_duplicate = 0;
  uint64_t update = 0;
  uint64_t dead_lettered = 0;
  std::map<std::string, uint64_t> reasons;
  double seconds = 0;
  std::string dead_letter_path;
};

// Runs the pipeline over the input. Input/output failures are the only errors; bad stories are
// dead-lettered and counted.
Result<EnrichSummary> run_enrich(const EnrichOptions& options, const Config& config);

std::string format_summary(const EnrichSummary& s);

}  // namespace wirefeed
