#pragma once
// A supervised topic model beside the lexicon rules (issue #6 item 2), and the blend of the two.
//
// TopicModel: multinomial logistic regression over hashed, normalised word unigrams and bigrams
// (headline occurrences weighted above body ones), trained by `wirefeed train-topics` on a
// labelled JSON Lines file. Its classes are the qcodes found in the training file, plus an
// optional "other" class for lines labelled with no topic (stories the model should leave to the
// rules). Training is deterministic: same input and options, byte-identical model file.
//
// TopicBlend: the rules' scores and the model's probabilities combined per top-level topic (see
// docs/topics.md, "Supervised model"). The rules stay the default; a blend is only built when
// `topics.model` / `enrich --topic-model` names a model file.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"
#include "pipeline/topics.h"

namespace wirefeed {

// Measured on held-out AG News rows (docs/topics.md): stored in each model file, overridable at
// training time with --blend-weight.
inline constexpr float kDefaultBlendWeight = 0.6f;

struct TopicModelTrainOptions {
  int epochs = 10;
  unsigned bucket_bits = 18;     // 2^bits hash buckets; 18..20
  float headline_weight = 2.0f;  // a headline occurrence counts this many body occurrences
  float learning_rate = 1.0f;    // initial SGD step, decaying linearly to 0 over the epochs
  float l2 = 0.0f;               // weight decay per update on the touched weights
  float blend_weight = kDefaultBlendWeight;
  uint64_t seed = 1;  // shuffling order of the examples in each epoch
};

// One labelled story. An empty `topics` list trains the "other" class.
struct TopicModelExample {
  std::string headline;
  std::string body;
  std::vector<std::string> topics;
};

class TopicModel {
 public:
  // 2: tokens hashed by pipeline/word_tokens.h (the rules' tokenizer); version 1 files hash
  // features differently and are refused.
  static constexpr uint32_t kVersion = 2;
  static constexpr unsigned kMinBucketBits = 18;
  static constexpr unsigned kMaxBucketBits = 20;
  static constexpr size_t kMaxLabels = 1024;

  // Reads the training file: one JSON object per line with "headline" (or "title"), "body" (or
  // "text", "description") and "topics": an array of qcode strings ("medtop:15000000"); [] means
  // "none of the model's topics" (the other class). Errors name file and line.
  static Result<std::vector<TopicModelExample>> read_training_file(const std::string& path);

  // Trains on the examples in their given order (shuffled by the seed). `progress`, when set,
  // receives one line per epoch (average loss, training accuracy).
  static Result<std::shared_ptr<const TopicModel>> train(
      const std::vector<TopicModelExample>& examples, const TopicModelTrainOptions& options,
      std::string* progress = nullptr);

  // Strict loading: every error is "FILE: what is wrong" (code "topic_model").
  static Result<std::shared_ptr<const TopicModel>> load(const std::string& path);
  static Result<std::shared_ptr<const TopicModel>> parse(std::string_view bytes,
                                                         const std::string& name);
  std::string serialize() const;
  Status save(const std::string& path) const;

  // Probabilities of every class (classes() floats: labels() in order, then "other" when
  // has_other()). Thread-safe; no heap allocation.
  void predict(const Story& story, std::span<float> probs) const;

  const std::vector<std::string>& labels() const { return labels_; }  // sorted qcodes
  bool has_other() const { return has_other_; }
  size_t classes() const { return labels_.size() + (has_other_ ? 1 : 0); }
  unsigned bucket_bits() const { return bucket_bits_; }
  float headline_weight() const { return headline_weight_; }
  float blend_weight() const { return blend_weight_; }

  TopicModel() = default;

 private:
  std::vector<std::string> labels_;
  bool has_other_ = false;
  unsigned bucket_bits_ = kMinBucketBits;
  float headline_weight_ = 2.0f;
  float blend_weight_ = kDefaultBlendWeight;
  size_t stride_ = 0;          // floats per bucket (classes(), the row of one bucket)
  std::vector<float> bias_;    // classes()
  std::vector<float> weight_;  // 2^bucket_bits * stride_
};

// Rules and model together. The rule tagger must be loaded with TopicBlend::rules_config() (every
// topic with evidence, no cut-off): the blend applies `output` (threshold, max_topics,
// keep_best) itself, after blending.
class TopicBlend {
 public:
  static TopicConfig rules_config();
  // Errors: a rules tagger not loaded with rules_config(), a model label unknown to the taxonomy.
  static Result<std::shared_ptr<const TopicBlend>> create(std::shared_ptr<const TopicTagger> rules,
                                                          std::shared_ptr<const TopicModel> model,
                                                          TopicConfig output);

  // Like TopicTagger::tag(): `out` cleared first, best first, views valid while `rules` lives.
  // Thread-safe; no heap allocation once warm. `weight` < 0 means the model's blend_weight();
  // 0 gives the rules' ranking, 1 the model's.
  void tag(const Story& story, std::vector<TopicScore>& out, float weight = -1.0f) const;
  // The same with the rules reading the story's normalised tokens (TopicTagger::tag()).
  void tag(const Story& story, const NormalizedText& text, std::vector<TopicScore>& out,
           float weight = -1.0f) const;

  const TopicTagger& rules() const { return *rules_; }
  const TopicModel& model() const { return *model_; }
  const TopicConfig& output_config() const { return output_; }

 private:
  TopicBlend() = default;
  void combine(const Story& story, std::vector<TopicScore>& out, float weight) const;
  std::shared_ptr<const TopicTagger> rules_;
  std::shared_ptr<const TopicModel> model_;
  TopicConfig output_;
  // Per model class (other excluded): index into model_tops_; and the distinct top-level qcodes
  // (views into the rules' taxonomy) with their names.
  std::vector<uint32_t> label_top_;
  std::vector<std::string_view> model_tops_;
  std::vector<std::string_view> model_top_names_;
};

}  // namespace wirefeed
