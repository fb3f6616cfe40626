#pragma once
// The enrichment pipeline as stages:
//
//   Analyzer::analyze()   parse -> credits/dateline -> topics -> dedup fingerprint    (stateless,
//   per thread) DedupIndex::check_and_insert() (stateful, input order) write_enriched()      the
//   input bytes + the wirefeed fields                        (stateless)
//
// `enrich` and the daemon both run exactly these, so they produce the same records for the same
// input order.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"
#include "parsers/agencies.h"
#include "parsers/credits.h"
#include "parsers/ninjs.h"
#include "pipeline/dedup.h"
#include "pipeline/normalize.h"
#include "pipeline/topic_model.h"
#include "pipeline/topics.h"

namespace wirefeed {

// The data the stages share read-only: swapped as a whole on reload (SIGHUP).
struct PipelineResources {
  std::shared_ptr<const AgencyTable> agencies;
  std::shared_ptr<const TopicTagger> topics;
  // Set when a supervised model is configured: it tags instead of `topics` (rules + model).
  std::shared_ptr<const TopicBlend> topic_blend;
  std::shared_ptr<const BoilerplatePatterns> boilerplate;  // null = the embedded patterns
};

struct PipelineOptions {
  ParserLimits limits;
  DedupConfig dedup;
  bool dedup_enabled = true;
};

// What the stages after analyze() read of the parsed story: the daemon keys records by the uri,
// and write_enriched() names fields by the ninjs generation. The story itself, its text the
// largest part, stays in the Analyzer (Analyzer::story()).
struct StoryFacts {
  std::string uri;
  NinjsGeneration generation = NinjsGeneration::kUnknown;
  bool has_subject = false;  // ninjs 1.x/2.x `subject` present
};

// One story's way through the stages. Reused across stories: clear() keeps capacity.
struct Analysis {
  StoryFacts story;
  StoryLayout layout;
  CreditResult credits;
  std::vector<TopicScore> topics;
  Fingerprint fingerprint;
  DedupResult dedup;
  Status status;  // not ok: the story goes to the dead-letter output with status.code()
  // Keeps the resources the views in `topics` point into alive until the record is written.
  std::shared_ptr<const PipelineResources> resources;
};

class Analyzer {
 public:
  Analyzer(std::shared_ptr<const PipelineResources> resources, const PipelineOptions& options);

  // Runs the stateless stages; the result (or the error) is left in `a`. Returns a.status.ok().
  bool analyze(std::string_view raw, int64_t arrival_ms, Analysis& a);

  void set_resources(std::shared_ptr<const PipelineResources> resources);

  // The story of the last analyze() call, text included (as far as it was read when parsing
  // failed), until the next call.
  [[nodiscard]] const Story& story() const { return story_; }
  // The tokens of the last analyze() call: empty when neither topic tagging nor dedup runs.
  [[nodiscard]] const NormalizedText& normalized() const { return norm_; }

  // Whether `r` tags topics at all (its max_topics is not 0).
  static bool tagging_enabled(const PipelineResources& r);

 private:
  static Fingerprinter make_fingerprinter(const DedupConfig& cfg, const PipelineResources& r);

  std::shared_ptr<const PipelineResources> resources_;
  PipelineOptions options_;
  StoryParser parser_;
  CreditExtractor credits_;
  Fingerprinter fingerprinter_;
  // The story's text and tokens live here, not in the Analysis: `enrich` and the daemon keep
  // hundreds of Analysis slots in flight (two batches), so a story written into its slot went
  // into memory that had left the caches since the slot's previous story, and the text was
  // read again by every stage. One Story per Analyzer stays in cache: `enrich --threads 1`
  // 35.2k -> 36.9k stories/s (medians of 5 alternating runs, 2026-12-01).
  Story story_;
  NormalizedText norm_;  // the story's tokens, read by topic tagging and fingerprinting
  bool needs_tokens_;    // tagging or dedup runs (set with the resources)
};

// Appends the enriched record for `raw` (the exact bytes analysed) to `out`.
void write_enriched(std::string_view raw, const Analysis& a, std::string& out);

// Builds the resources from files (empty path: the embedded defaults; no topic model: the rules
// alone).
Result<std::shared_ptr<const PipelineResources>> load_resources(
    const std::string& agencies_file, const std::string& topics_dir,
    const TopicConfig& topic_config, const std::string& boilerplate_file = "",
    const std::string& topic_model_file = "");

}  // namespace wirefeed
