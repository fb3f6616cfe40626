#pragma once
// IPTC Media Topics tagging from editor-maintained lexicons (config/data/topics/).

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

struct TopicConfig {
  double threshold = 0.2;  // topics scoring below are dropped
  size_t max_topics = 5;
};

class TopicTagger {
 public:
  // From a directory of lexicon files; errors name the file, line and problem.
  static Result<std::shared_ptr<const TopicTagger>> load_dir(const std::string& dir, TopicConfig cfg);
  // From the embedded config/data/topics/ files.
  static std::shared_ptr<const TopicTagger> builtin(TopicConfig cfg = {});

  // Scores the story (headline weighted above body); `out` cleared first, best first.
  // Thread-safe (const). TopicScore's qcode/name views stay valid while the tagger lives.
  void tag(const Story& story, std::vector<TopicScore>& out) const;

  struct Impl;
  explicit TopicTagger(std::unique_ptr<Impl> impl);
  ~TopicTagger();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
