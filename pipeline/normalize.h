#pragma once
// Text normalisation for duplicate detection: turns a story body into a sequence of 64-bit token
// hashes with the parts that vary between copies of the same story removed (dateline, credit and
// promo lines), case folded, punctuation and quote styles ignored, numbers kept.
//
// Works on bytes without allocating per word: the caller owns the output vectors and reuses them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

// Line patterns from config/data/boilerplate.txt (see the comments in that file for the syntax).
// Matching is ASCII case-insensitive; patterns are stored lower-cased.
class BoilerplatePatterns {
 public:
  static Result<BoilerplatePatterns> parse(std::string_view text);
  // The embedded config/data/boilerplate.txt (empty set if it fails to parse, which a unit test
  // guards against).
  static const BoilerplatePatterns& builtin();

  // `line` is one line of body text, already trimmed of surrounding whitespace.
  [[nodiscard]] bool matches(std::string_view line) const;
  [[nodiscard]] size_t size() const { return prefixes_.size() + contains_.size(); }

 private:
  // Builds the lookup structures below from prefixes_/contains_ (parse() calls it once).
  void build_index();
  [[nodiscard]] bool contains_any(std::string_view line) const;

  std::vector<std::string> prefixes_;  // line starts with (after "(", "[", "*" and spaces)
  std::vector<std::string> contains_;  // line contains, only for short lines
  size_t contains_max_len_ = 240;      // a long paragraph mentioning "newsletter" is still news

  // Every line is tested against every pattern, so the tests must not cost per pattern:
  // prefixes are grouped by their first byte (prefix_begin_[b]..prefix_begin_[b+1] in
  // prefix_order_), and the "contains" patterns are found by sampling the line: with the shortest
  // pattern m bytes long, any occurrence covers a position that is a multiple of the stride m - 3
  // with a whole 4-byte gram of its first m bytes, so only those positions are looked up, in a
  // filter of the case-folded 4-byte grams at offsets 0..m-4 of every pattern (a bit per hashed
  // gram), whose hits are verified through grams bucketed by the same hash.
  struct ContainsGram {
    uint32_t key;      // folded 4 bytes of the pattern at `offset`
    uint16_t pattern;  // index into contains_
    uint16_t offset;
  };
  std::vector<uint16_t> prefix_order_;
  std::vector<uint16_t> prefix_begin_ = std::vector<uint16_t>(257, 0);
  std::vector<uint64_t> contains_filter_;     // kContainsFilterBits bits
  std::vector<ContainsGram> contains_grams_;  // by filter bit: gram_begin_[b]..gram_begin_[b+1]
  std::vector<uint32_t> gram_begin_;
  size_t contains_stride_ = 1;
  bool contains_short_ = false;  // a pattern under 4 bytes: the filter cannot be used
};

struct NormalizedText {
  std::vector<uint64_t> headline_tokens;  // the headline's tokens (topic tagging weights them)
  std::vector<uint64_t> tokens;           // content tokens, in order (what shingles are built from)
  // Hashes of numbers and mid-sentence capitalised words; the low bit is 1 for a number, 0 for a
  // name (the hash is otherwise the token's).
  std::vector<uint64_t> key_tokens;
  uint64_t full_hash = 0;  // hash of every token of headline + whole body, nothing stripped
  void clear() {
    headline_tokens.clear();
    tokens.clear();
    key_tokens.clear();
    full_hash = 0;
  }
};

// Length of a dateline-looking prefix ("SEOUL, June 21 (Reuters) - ", "WASHINGTON (AP) -- ") at the
// start of `para`, or 0. Used when the credits stage found none, so dedup does not depend on it.
size_t detect_dateline(std::string_view para);

// Appends the token hashes of `text` to `tokens`; when `keys` is given also appends the hashes of
// key tokens (numbers, and capitalised words that do not start a sentence; low bit 1 for numbers).
// Reads ASCII text 64 bytes at a time with AVX-512 where the CPU has it (core/simd.h), else 8 bytes
// at a time; the tokens are the same either way.
void tokenize(std::string_view text, std::vector<uint64_t>& tokens, std::vector<uint64_t>* keys);

// The whole normalisation: headline+body for full_hash, the headline's tokens, and the stripped
// body for tokens/key_tokens. Topic tagging reads the same tokens (pipeline/topics.h).
void normalize_story(std::string_view headline, std::string_view body, const CreditResult& credits,
                     const BoilerplatePatterns& patterns, NormalizedText& out);

}  // namespace wirefeed
