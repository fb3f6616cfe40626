#pragma once
// IPTC Media Topics tagging from editor-maintained lexicons (config/data/topics/).
//
// Each *.lex file names one topic and lists weighted words and phrases (negative weights are
// counter-evidence); docs/topics.md describes the format and how scores are computed. The
// taxonomy (codes, parents, labels) comes from config/data/mediatopics.tsv, extracted from the
// IPTC Media Topics release by tools/extract_mediatopics.py.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

struct NormalizedText;

struct TopicConfig {
  double threshold = 0.2;  // topics scoring below are dropped...
  size_t max_topics = 5;
  // ...except the best one when nothing reaches the threshold: a story with any topical evidence
  // gets its most likely topic (with its low score, so a consumer can still filter on it).
  bool keep_best = true;
};

class TopicTagger {
 public:
  // From a directory of lexicon files (*.lex); errors name the file, line and problem. The
  // taxonomy is read from <dir>/mediatopics.tsv or <dir>/../mediatopics.tsv when present, else
  // the embedded copy is used.
  static Result<std::shared_ptr<const TopicTagger>> load_dir(const std::string& dir,
                                                             TopicConfig cfg);
  // From the embedded config/data/topics/ files; an error means a broken build.
  static Result<std::shared_ptr<const TopicTagger>> load_builtin(TopicConfig cfg = {});
  // As load_builtin(), but never fails: a broken embedded lexicon is logged and yields a tagger
  // that tags nothing, so the daemon still runs.
  static std::shared_ptr<const TopicTagger> builtin(TopicConfig cfg = {});
  // From in-memory files (name used in error messages, contents); for tests and tools.
  struct SourceFile {
    std::string name;
    std::string_view text;
  };
  static Result<std::shared_ptr<const TopicTagger>> load_sources(
      std::string_view taxonomy_tsv, const std::vector<SourceFile>& lexicons, TopicConfig cfg);

  // Scores the story (headline weighted above body); `out` cleared first, best first.
  // Thread-safe (const). TopicScore's qcode/name views stay valid while the tagger lives.
  // Normalises the story itself (pipeline/normalize.h: built-in boilerplate patterns, no credits).
  void tag(const Story& story, std::vector<TopicScore>& out) const;
  // The same from a story already normalised (the pipeline's path: one tokenization of a story
  // serves dedup and topics). Reads headline_tokens and tokens.
  void tag(const NormalizedText& text, std::vector<TopicScore>& out) const;
  // For editors tuning lexicons: every match (field, term, contribution, topic) and the result, one
  // per line. Slow; not for the hot path.
  std::string explain(const Story& story) const;

  // The top-level ancestor of any known topic ("medtop:20000639" -> "medtop:11000000"); the
  // topic itself when it is top level; empty when the code is unknown. Views into the tagger.
  std::string_view top_level(std::string_view qcode) const;
  // The label of a known topic; empty when unknown.
  std::string_view name(std::string_view qcode) const;
  // How many topics have a lexicon (the ones tag() can return, plus their top-level ancestors).
  size_t lexicon_topics() const;
  const TopicConfig& config() const;

  // "medtop:15000000" -> "http://cv.iptc.org/newscodes/mediatopic/15000000".
  static std::string uri(std::string_view qcode);

  struct Impl;
  explicit TopicTagger(std::unique_ptr<Impl> impl);
  ~TopicTagger();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
