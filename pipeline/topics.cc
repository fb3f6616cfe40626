#include "pipeline/topics.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <unordered_map>

#include "core/embedded.h"
#include "core/hash.h"
#include "pipeline/normalize.h"
#include "pipeline/word_tokens.h"

namespace wirefeed {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens: the pipeline's normalisation (pipeline/normalize.h) tokenizes a story once, and dedup and
// topic tagging both read its tokens; tagging its own copy of the text again cost about as much as
// the lookups. Lexicon phrases go through the very same tokenizer, so both sides agree. A phrase
// key extends the previous token's key.
//
// Plurals are matched on the lexicon's side: the tokenizer does not stem, so each lexicon word is
// entered in every form that the plural rule (stem_word) folds onto its stem ("bank": "bank" and
// "banks"; "company": also "companies"), and all forms of a term share its entry.

constexpr size_t kMaxPhraseTokens = 6;
inline uint64_t unigram_key(uint64_t tok) { return tok | 1; }  // token hashes are mixed already
inline uint64_t extend_key(uint64_t prev, uint64_t tok) {
  return fmix64(prev * 0x100000001b3ULL + tok) | 1;
}

// A word's stem by the plural rule the supervised model applies to text (word_tokens::plural_stem).
std::string stem_word(std::string_view w) {
  bool y_last = false;
  const size_t n =
      word_tokens::plural_stem(reinterpret_cast<const uint8_t*>(w.data()), w.size(), y_last);
  std::string stem(w.substr(0, n));
  if (y_last) stem.back() = 'y';
  return stem;
}

// Every word the plural rule folds onto stem_word(w), with w itself first.
std::vector<std::string> word_forms(std::string_view word) {
  // ASCII-lowered, as the tokenizer reads it: "FLY" has the form "flies" too.
  std::string w(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  const std::string stem = stem_word(w);
  std::vector<std::string> forms{w};
  std::vector<std::string> cands{stem, stem + "s"};
  if (!stem.empty() && (stem.back() | 0x20) == 'y')
    cands.push_back(stem.substr(0, stem.size() - 1) + "ies");
  for (std::string& c : cands) {
    if (stem_word(c) == stem && std::find(forms.begin(), forms.end(), c) == forms.end()) {
      forms.push_back(std::move(c));
    }
  }
  return forms;
}

// A phrase split into words (runs of ASCII letters and digits and of bytes >= 0x80) and what lies
// between them, kept verbatim so the tokenizer sees the phrase as written.
struct PhraseParts {
  std::vector<std::string> gaps;  // gaps[i] before word i; gaps.back() after the last word
  std::vector<std::string> words;
};
PhraseParts split_phrase(std::string_view phrase) {
  PhraseParts p;
  auto is_word = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  size_t i = 0;
  while (true) {
    size_t j = i;
    while (j < phrase.size() && !is_word(static_cast<unsigned char>(phrase[j]))) ++j;
    p.gaps.emplace_back(phrase.substr(i, j - i));
    if (j == phrase.size()) break;
    size_t k = j;
    while (k < phrase.size() && is_word(static_cast<unsigned char>(phrase[k]))) ++k;
    p.words.emplace_back(phrase.substr(j, k - j));
    i = k;
  }
  return p;
}

// The keys of every prefix of `phrase` as the tokenizer reads it (back() is the phrase's own key).
// `second`, when given, receives the unigram key of the phrase's second token (0 without one).
std::vector<uint64_t> phrase_keys(std::string_view phrase, uint64_t* second = nullptr) {
  std::vector<uint64_t> toks, keys;
  tokenize(phrase, toks, nullptr);
  uint64_t key = 0;
  for (uint64_t tok : toks) {
    key = keys.empty() ? unigram_key(tok) : extend_key(key, tok);
    keys.push_back(key);
  }
  if (second != nullptr) *second = toks.size() >= 2 ? unigram_key(toks[1]) : 0;
  return keys;
}

// Phrases that start with one of these words ("the accused", "to buy", "at stake") are matched
// from their second word, looking back one token, instead of keeping every occurrence of the
// word as a live phrase prefix: on the bench corpus "the", "a", "to" and "at" were 45% of the
// lexicon table's hits (~60 a story), each a probe and an extension of the next token, for 8
// phrases. A word that is a lexicon term itself keeps the forward way.
constexpr std::string_view kLookBackWords[] = {"the", "a",  "an",  "to", "at",  "of",
                                               "in",  "on", "for", "by", "and", "or"};

// ---------------------------------------------------------------------------------------------
// The lexicon index: one open-addressing table from n-gram key to entry. An entry says whether the
// n-gram is a complete lexicon term (with postings: topic, weight) and/or the prefix of a longer
// phrase (so the matcher keeps extending it). This is the "hash of token n-grams" equivalent of
// an Aho-Corasick automaton: one pass, a lookup per token, one more per live phrase prefix.

struct Posting {
  uint32_t topic;  // scored-topic index
  float weight;
};

struct Entry {
  uint32_t first = 0;  // into postings; the forms of one term share it (and identify it by it)
  uint16_t count = 0;
  bool prefix = false;
  // The second word of a phrase that starts with a kLookBackWords word: the previous token and
  // this one may make that phrase's first two words.
  bool lookback = false;
};

// The entry lives in its slot (16 bytes): a hit costs one cache line, not two.
struct Slot {
  uint64_t key = 0;  // 0 = empty (real keys have the low bit set)
  Entry e;
};

struct TaxNode {
  std::string qcode;
  std::string name;
  int parent = -1;
  int top = -1;
  int depth = 0;
};

}  // namespace

struct TopicTagger::Impl {
  TopicConfig cfg;
  std::vector<TaxNode> tax;
  std::unordered_map<std::string_view, int> by_qcode;

  // Scored topics: those with a lexicon plus every ancestor of them that is top level, in an
  // order where children come before parents (deepest first) so evidence flows up in one sweep.
  std::vector<int> scored_tax;     // scored index -> taxonomy index
  std::vector<int> scored_parent;  // scored index -> nearest scored ancestor, -1 at top level
  std::vector<bool> scored_is_top;

  std::vector<Slot> table;
  uint64_t mask = 0;
  unsigned shift = 0;  // slot index = key >> shift (the well-mixed high bits)
  // One bit per value of the key's top 18 bits: most tokens ("the", "said") are in no lexicon, and
  // this 32 KB filter answers that from L1 without touching the table. With every plural form
  // entered (~14,400 keys) a 16-bit filter passed 1 token in 8 that was in no lexicon, and tagging
  // cost 5.9 us a story on the bench corpus; 17 bits 4.8 us, 18 bits 4.5 us.
  static constexpr unsigned kFilterBits = 18;
  std::array<uint64_t, (size_t{1} << kFilterBits) / 64> filter{};
  static unsigned filter_bit(uint64_t key) {
    return static_cast<unsigned>(key >> (64 - kFilterBits));
  }
  // A second, independent bit (the first one also picks the table slot): two bits per key cut
  // the false positives from ~10% to ~1% (~14,400 keys set ~10% of the 262,144 bits).
  static unsigned filter_bit2(uint64_t key) {
    return static_cast<unsigned>(key >> 24) & ((1u << kFilterBits) - 1);
  }
  // The filter test and the table walk take the fields as arguments: the scan in tag_impl keeps
  // them in locals (read through `this`, they were reloaded for every token).
  __attribute__((always_inline)) static bool filter_test(const uint64_t* filter, uint64_t key) {
    const unsigned b = filter_bit(key), b2 = filter_bit2(key);
    return (filter[b >> 6] >> (b & 63)) & (filter[b2 >> 6] >> (b2 & 63)) & 1;
  }
  // The key's slot, or nullptr; for a key that passed the filter.
  __attribute__((always_inline)) static const Slot* probe_table(const Slot* table, uint64_t mask,
                                                                unsigned shift, uint64_t key) {
    uint64_t i = key >> shift;
    while (true) {
      const Slot& s = table[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask;
    }
  }
  std::vector<Posting> postings;
  std::vector<std::string> entry_text;  // per slot, the term as an editor wrote it (explain())
  // Unigram keys of the kLookBackWords that start a phrase and are no term themselves (few).
  std::vector<uint64_t> lookback_firsts;
};

namespace {

// How much a headline word counts against a body word: the headline is the editor's own summary.
// 2 was best on the AG News dev set (3 and 4 let one ambiguous headline word outvote the body).
constexpr double kHeadlineWeight = 2.0;
// Evidence at which confidence reaches 1 - 1/e; about two strong cues or one in the headline.
constexpr double kEvidenceScale = 6.0;
// Repeats of the same term count 1, 1/2, 1/3...: a long article repeating "bank" is still mostly
// one cue, while distinct cues add up.
constexpr size_t kMaxRepeat = 64;

struct Scratch {
  std::vector<double> evidence;   // per scored topic
  std::vector<uint16_t> seen;     // per term (by Entry::first): occurrences so far in this story
  std::vector<uint32_t> touched;  // terms to reset
  // Bit i: scored topic i has (or may have) evidence. Scoring visits only these, not every topic:
  // a brief touches a handful of the ~90.
  std::vector<uint64_t> topic_bits;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

Status error_at(std::string_view file, size_t line, std::string_view problem) {
  std::string msg(file);
  if (line > 0) msg += ":" + std::to_string(line);
  msg += ": ";
  msg += problem;
  return Status("topics_lexicon", std::move(msg));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

Status parse_taxonomy(std::string_view tsv, TopicTagger::Impl& im) {
  size_t line_no = 0;
  std::vector<std::string> parents;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return error_at("mediatopics.tsv", line_no, "expected qcode<TAB>parent<TAB>label");
    }
    TaxNode n;
    n.qcode = std::string(line.substr(0, t1));
    n.name = std::string(line.substr(t2 + 1));
    parents.emplace_back(line.substr(t1 + 1, t2 - t1 - 1));
    im.tax.push_back(std::move(n));
  }
  for (size_t i = 0; i < im.tax.size(); ++i)
    im.by_qcode.emplace(im.tax[i].qcode, static_cast<int>(i));
  for (size_t i = 0; i < im.tax.size(); ++i) {
    if (parents[i].empty()) continue;
    auto it = im.by_qcode.find(parents[i]);
    if (it == im.by_qcode.end()) {
      return error_at("mediatopics.tsv", 0,
                      "unknown parent " + parents[i] + " of " + im.tax[i].qcode);
    }
    im.tax[i].parent = it->second;
  }
  for (size_t i = 0; i < im.tax.size(); ++i) {
    int cur = static_cast<int>(i), depth = 0;
    while (im.tax[cur].parent >= 0 && depth <= 16) cur = im.tax[cur].parent, ++depth;
    if (depth > 16) return error_at("mediatopics.tsv", 0, "cycle through " + im.tax[i].qcode);
    im.tax[i].top = cur;
    im.tax[i].depth = depth;
  }
  if (im.tax.empty()) return error_at("mediatopics.tsv", 0, "no topics");
  return Status::ok();
}

struct RawTerm {
  std::vector<uint64_t> keys;  // key of each prefix of the stemmed term; back() is the term's key
  // The same for every form of the term (keys first): each word in each of its word_forms().
  std::vector<std::vector<uint64_t>> forms;
  std::vector<uint64_t> seconds;  // per form: its second token's unigram key (0 without one)
  std::string text;               // as written, for explain()
  int tax_topic;
  float weight;
};

// Parses one lexicon file into terms. Format (docs/topics.md):
//   # comment                       blank lines and comments anywhere
//   topic medtop:11000000           first directive; one topic per file
//   4   prime minister              weight (-10..10, not 0) then the word or phrase
//   -3  election of officers        negative weight: counter-evidence
Status parse_lexicon(const TopicTagger::SourceFile& file, const TopicTagger::Impl& im,
                     std::vector<RawTerm>& terms, std::vector<std::string>& topic_files) {
  std::string_view text = file.text;
  size_t line_no = 0;
  int topic = -1;
  std::unordered_map<uint64_t, size_t> first_line;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (line.starts_with("topic ") || line.starts_with("topic\t")) {
      if (topic >= 0)
        return error_at(file.name, line_no, "second 'topic' directive (one topic per file)");
      std::string_view code = trim(line.substr(6));
      auto it = im.by_qcode.find(code);
      if (it == im.by_qcode.end()) {
        return error_at(file.name, line_no,
                        "unknown topic '" + std::string(code) + "' (not in mediatopics.tsv)");
      }
      topic = it->second;
      if (!topic_files[topic].empty()) {
        return error_at(file.name, line_no,
                        "topic " + std::string(code) + " already defined in " + topic_files[topic]);
      }
      topic_files[topic] = file.name;
      continue;
    }
    if (topic < 0)
      return error_at(file.name, line_no, "expected 'topic medtop:NNNNNNNN' before any term");
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) {
      return error_at(file.name, line_no,
                      "expected '<weight> <word or phrase>', got '" + std::string(line) + "'");
    }
    std::string_view wtext = line.substr(0, sp);
    std::string_view phrase = trim(line.substr(sp + 1));
    double w = 0;
    auto [ptr, ec] = std::from_chars(wtext.data(), wtext.data() + wtext.size(), w);
    if (ec != std::errc() || ptr != wtext.data() + wtext.size()) {
      return error_at(file.name, line_no, "weight '" + std::string(wtext) + "' is not a number");
    }
    if (w == 0 || w < -10 || w > 10) {
      return error_at(file.name, line_no,
                      "weight " + std::string(wtext) + " out of range (-10..10, not 0)");
    }
    RawTerm t;
    t.text = std::string(phrase);
    t.tax_topic = topic;
    t.weight = static_cast<float>(w);
    const PhraseParts parts = split_phrase(phrase);
    std::string stemmed = parts.gaps[0];
    for (size_t i = 0; i < parts.words.size(); ++i) {
      stemmed += stem_word(parts.words[i]);
      stemmed += parts.gaps[i + 1];
    }
    uint64_t stemmed_second = 0;
    t.keys = phrase_keys(stemmed, &stemmed_second);
    if (t.keys.empty()) return error_at(file.name, line_no, "term has no letters or digits");
    if (t.keys.size() > kMaxPhraseTokens || parts.words.size() > kMaxPhraseTokens) {
      return error_at(file.name, line_no,
                      "phrase longer than " + std::to_string(kMaxPhraseTokens) + " words");
    }
    // Every combination of the words' forms (at most 3 per word, so 729 for the longest phrase).
    std::vector<std::vector<std::string>> forms;
    for (const std::string& w : parts.words) forms.push_back(word_forms(w));
    std::vector<size_t> pick(forms.size(), 0);
    t.forms.push_back(t.keys);
    t.seconds.push_back(stemmed_second);
    while (true) {
      std::string text = parts.gaps[0];
      for (size_t i = 0; i < forms.size(); ++i) {
        text += forms[i][pick[i]];
        text += parts.gaps[i + 1];
      }
      uint64_t second = 0;
      std::vector<uint64_t> keys = phrase_keys(text, &second);
      if (!keys.empty() && keys.size() <= kMaxPhraseTokens &&
          std::find(t.forms.begin(), t.forms.end(), keys) == t.forms.end()) {
        t.forms.push_back(std::move(keys));
        t.seconds.push_back(second);
      }
      size_t i = 0;
      while (i < pick.size() && ++pick[i] == forms[i].size()) pick[i++] = 0;
      if (i == pick.size()) break;
    }
    auto [it, fresh] = first_line.emplace(t.keys.back(), line_no);
    if (!fresh) {
      return error_at(file.name, line_no,
                      "duplicate term '" + std::string(phrase) + "' (first on line " +
                          std::to_string(it->second) + ")");
    }
    terms.push_back(std::move(t));
  }
  if (topic < 0) return error_at(file.name, 0, "no 'topic' directive");
  return Status::ok();
}

Status build_index(std::vector<RawTerm>& terms, TopicTagger::Impl& im) {
  // Which topics are scored: every lexicon topic, its top-level ancestor, and nothing between
  // (an intermediate node without a lexicon would only echo its child).
  std::vector<int> scored_of(im.tax.size(), -1);
  std::vector<int> chosen;
  for (const RawTerm& t : terms) {
    for (int x : {t.tax_topic, im.tax[t.tax_topic].top}) {
      if (scored_of[x] < 0) {
        scored_of[x] = 0;
        chosen.push_back(x);
      }
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](int a, int b) { return im.tax[a].depth > im.tax[b].depth; });
  for (size_t i = 0; i < chosen.size(); ++i) scored_of[chosen[i]] = static_cast<int>(i);
  im.scored_tax = chosen;
  im.scored_parent.assign(chosen.size(), -1);
  im.scored_is_top.assign(chosen.size(), false);
  for (size_t i = 0; i < chosen.size(); ++i) {
    int cur = im.tax[chosen[i]].parent;
    while (cur >= 0 && scored_of[cur] < 0) cur = im.tax[cur].parent;
    im.scored_parent[i] = cur >= 0 ? scored_of[cur] : -1;
    im.scored_is_top[i] = im.tax[chosen[i]].parent < 0;
  }

  // Group postings by term key (the stemmed term); every form of a term leads to its term key, so
  // that all forms share one entry's postings (and one repeat count); mark prefixes.
  std::unordered_map<uint64_t, std::vector<Posting>> by_key;
  std::unordered_map<uint64_t, uint64_t> term_of;  // form key -> term key
  std::unordered_map<uint64_t, bool> prefixes;
  std::unordered_map<uint64_t, bool> lookbacks;  // second words of look-back phrases
  std::unordered_map<uint64_t, std::string> texts;
  for (const RawTerm& t : terms) {
    by_key[t.keys.back()].push_back({static_cast<uint32_t>(scored_of[t.tax_topic]), t.weight});
    term_of[t.keys.back()] = t.keys.back();  // a term key is always its own term
  }
  std::vector<uint64_t> look_back_words;
  for (std::string_view w : kLookBackWords) {
    const std::vector<uint64_t> k = phrase_keys(w);
    if (k.size() == 1 && !term_of.count(k[0])) look_back_words.push_back(k[0]);
  }
  im.lookback_firsts.clear();
  for (const RawTerm& t : terms) {
    for (size_t fi = 0; fi < t.forms.size(); ++fi) {
      const std::vector<uint64_t>& f = t.forms[fi];
      term_of.emplace(f.back(), t.keys.back());  // a form two terms share goes to the first
      texts.emplace(f.back(), t.text);
      size_t from = 0;
      if (f.size() >= 2 && std::find(look_back_words.begin(), look_back_words.end(), f[0]) !=
                               look_back_words.end()) {
        lookbacks[t.seconds[fi]] = true;
        if (std::find(im.lookback_firsts.begin(), im.lookback_firsts.end(), f[0]) ==
            im.lookback_firsts.end()) {
          im.lookback_firsts.push_back(f[0]);
        }
        from = 1;  // the first word is no live prefix
      }
      for (size_t i = from; i + 1 < f.size(); ++i) prefixes[f[i]] = true;
    }
  }
  std::vector<uint64_t> keys;
  for (auto& [k, v] : term_of) keys.push_back(k);
  for (auto& [k, v] : prefixes) {
    if (!term_of.count(k)) keys.push_back(k);
  }
  for (auto& [k, v] : lookbacks) {
    if (!term_of.count(k) && !prefixes.count(k)) keys.push_back(k);
  }
  std::sort(keys.begin(), keys.end());
  size_t cap = 64;
  while (cap < keys.size() * 3) cap <<= 1;  // load factor <= 1/3 keeps probe chains short
  im.table.assign(cap, Slot{});
  im.mask = cap - 1;
  im.shift = 64 - static_cast<unsigned>(std::countr_zero(cap));
  im.filter.fill(0);
  im.postings.clear();
  im.entry_text.assign(cap, std::string());
  // Each term's postings once, in key order; its forms point at them.
  std::unordered_map<uint64_t, uint32_t> first_of;
  for (uint64_t k : keys) {
    if (auto it = by_key.find(k); it != by_key.end()) {
      if (it->second.size() > UINT16_MAX)
        return error_at("lexicons", 0, "one term in too many topics");
      first_of[k] = static_cast<uint32_t>(im.postings.size());
      im.postings.insert(im.postings.end(), it->second.begin(), it->second.end());
    }
  }
  for (uint64_t k : keys) {
    Entry e;
    if (auto it = term_of.find(k); it != term_of.end()) {
      e.first = first_of.at(it->second);
      e.count = static_cast<uint16_t>(by_key.at(it->second).size());
    }
    e.prefix = prefixes.count(k) > 0;
    e.lookback = lookbacks.count(k) > 0;
    for (unsigned fb : {TopicTagger::Impl::filter_bit(k), TopicTagger::Impl::filter_bit2(k)}) {
      im.filter[fb >> 6] |= uint64_t{1} << (fb & 63);
    }
    uint64_t i = k >> im.shift;
    while (im.table[i].key != 0) i = (i + 1) & im.mask;
    im.table[i] = Slot{k, e};
    if (auto tx = texts.find(k); tx != texts.end()) im.entry_text[i] = tx->second;
  }
  return Status::ok();
}

std::string read_file(const std::filesystem::path& p, bool& ok) {
  std::ifstream in(p, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TopicTagger::TopicTagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TopicTagger::~TopicTagger() = default;

Result<std::shared_ptr<const TopicTagger>> TopicTagger::load_sources(
    std::string_view taxonomy_tsv, const std::vector<SourceFile>& lexicons, TopicConfig cfg) {
  auto im = std::make_unique<Impl>();
  im->cfg = cfg;
  if (Status s = parse_taxonomy(taxonomy_tsv, *im); !s) return s;
  std::vector<RawTerm> terms;
  std::vector<std::string> topic_files(im->tax.size());
  for (const SourceFile& f : lexicons) {
    if (Status s = parse_lexicon(f, *im, terms, topic_files); !s) return s;
  }
  if (Status s = build_index(terms, *im); !s) return s;
  return std::shared_ptr<const TopicTagger>(std::make_shared<TopicTagger>(std::move(im)));
}

Result<std::shared_ptr<const TopicTagger>> TopicTagger::load_dir(const std::string& dir,
                                                                 TopicConfig cfg) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return error_at(dir, 0, "not a directory");
  std::vector<fs::path> paths;
  for (const auto& de : fs::directory_iterator(dir, ec)) {
    if (de.is_regular_file() && de.path().extension() == ".lex") paths.push_back(de.path());
  }
  if (ec) return error_at(dir, 0, ec.message());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) return error_at(dir, 0, "no *.lex lexicon files");
  std::vector<std::string> texts;
  texts.reserve(paths.size());
  std::vector<SourceFile> files;
  for (const auto& p : paths) {
    bool ok = false;
    texts.push_back(read_file(p, ok));
    if (!ok) return error_at(p.string(), 0, "cannot read");
  }
  for (size_t i = 0; i < paths.size(); ++i) files.push_back({paths[i].string(), texts[i]});
  std::string taxonomy;
  for (const fs::path& cand :
       {fs::path(dir) / "mediatopics.tsv", fs::path(dir) / ".." / "mediatopics.tsv"}) {
    bool ok = false;
    if (fs::is_regular_file(cand, ec)) {
      taxonomy = read_file(cand, ok);
      if (!ok) return error_at(cand.string(), 0, "cannot read");
      break;
    }
  }
  if (taxonomy.empty()) taxonomy = std::string(embedded_file("config/data/mediatopics.tsv"));
  return load_sources(taxonomy, files, cfg);
}

Result<std::shared_ptr<const TopicTagger>> TopicTagger::load_builtin(TopicConfig cfg) {
  std::vector<SourceFile> files;
  for (std::string_view n : embedded_names()) {
    if (n.starts_with("config/data/topics/") && n.ends_with(".lex"))
      files.push_back({std::string(n), embedded_file(n)});
  }
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return load_sources(embedded_file("config/data/mediatopics.tsv"), files, cfg);
}

std::shared_ptr<const TopicTagger> TopicTagger::builtin(TopicConfig cfg) {
  auto r = load_builtin(cfg);
  if (r) return r.value();
  spdlog::error("Built-in topic lexicons do not load; tagging disabled error={}",
                r.status().message());
  auto empty = load_sources("medtop:00000000\t\tnone\n", {}, cfg);
  return empty.value();
}

namespace {

// The whole of tag(); on_hit(entry index, field weight, repeat factor) lets explain() watch the
// matches while tag() passes a no-op that compiles away.
template <typename OnHit>
void tag_impl(const TopicTagger::Impl& im, std::span<const uint64_t> headline,
              std::span<const uint64_t> body, std::vector<TopicScore>& out, OnHit&& on_hit) {
  out.clear();
  if (im.scored_tax.empty()) return;
  Scratch& s = scratch();
  if (s.evidence.size() < im.scored_tax.size()) s.evidence.resize(im.scored_tax.size(), 0.0);
  if (s.seen.size() < im.postings.size()) s.seen.resize(im.postings.size(), 0);
  const size_t n_words = (im.scored_tax.size() + 63) / 64;
  if (s.topic_bits.size() < n_words) s.topic_bits.resize(n_words, 0);
  uint64_t* bits = s.topic_bits.data();

  auto scan = [&](std::span<const uint64_t> tokens, double field_weight) {
    // Live phrase prefixes ending at the previous token; bounded by the longest phrase.
    std::array<uint64_t, 16> a{}, b{};
    uint64_t* live = a.data();
    uint64_t* next = b.data();
    size_t n_live = 0;
    auto hit = [&](const Slot* slot) __attribute__((always_inline)) {
      const Entry* e = &slot->e;
      uint32_t idx = static_cast<uint32_t>(slot - im.table.data());
      uint16_t& seen = s.seen[e->first];
      if (seen == 0) s.touched.push_back(e->first);
      if (seen < kMaxRepeat) ++seen;
      double f = field_weight / seen;
      on_hit(idx, field_weight, f);
      for (uint32_t i = e->first, end = e->first + e->count; i < end; ++i) {
        const Posting& p = im.postings[i];
        s.evidence[p.topic] += f * p.weight;
        bits[p.topic >> 6] |= uint64_t{1} << (p.topic & 63);
      }
    };
    constexpr size_t kBatch = 64;
    const uint64_t* toks = nullptr;  // the chunk: a window on `tokens`, so toks[t - 1] is the token
    size_t n_toks = 0;               // before toks[t] also at t = 0 of every chunk but the first
    auto flush = [&] {
      // The loop's state in locals, written back at the end: read through this closure, every
      // store to a prefix array or to `bits` (uint64_t, like the counters) might alias it, so
      // n_live, the array pointers and the index fields were reloaded for every token.
      uint64_t* cur = live;
      uint64_t* nxt = next;
      size_t n_cur = n_live;
      const Slot* const table = im.table.data();
      const uint64_t table_mask = im.mask;
      const unsigned table_shift = im.shift;
      const uint64_t* const filter = im.filter.data();
      auto maybe = [filter](uint64_t key) __attribute__((always_inline)) {
        return TopicTagger::Impl::filter_test(filter, key);
      };
      auto probe = [=](uint64_t key) __attribute__((always_inline)) {
        return TopicTagger::Impl::probe_table(table, table_mask, table_shift, key);
      };
      const uint64_t* const lb_first = im.lookback_firsts.data();
      const size_t n_lb_first = im.lookback_firsts.size();
      // toks[t] is the token; its look-back phrase (if any) is matched right after its unigram,
      // where the forward way matched it (the first word's prefix was then the first live one).
      auto step = [&](size_t t, bool candidate) __attribute__((always_inline)) {
        const uint64_t tok = toks[t];
        size_t n_next = 0;
        uint64_t k = unigram_key(tok);
        if (candidate) {
          if (const Slot* e = probe(k)) {
            if (e->e.count) hit(e);
            if (e->e.prefix) nxt[n_next++] = k;
            if (e->e.lookback && toks + t > tokens.data()) [[unlikely]] {
              const uint64_t first = unigram_key(*(toks + t - 1));
              if (std::find(lb_first, lb_first + n_lb_first, first) != lb_first + n_lb_first) {
                const uint64_t k2 = extend_key(first, tok);
                if (const Slot* e2 = maybe(k2) ? probe(k2) : nullptr) {
                  if (e2->e.count) hit(e2);
                  if (e2->e.prefix && n_next < a.size()) nxt[n_next++] = k2;
                }
              }
            }
          }
        }
        for (size_t i = 0; i < n_cur; ++i) {
          k = extend_key(cur[i], tok);
          if (const Slot* e = maybe(k) ? probe(k) : nullptr) {
            if (e->e.count) hit(e);
            if (e->e.prefix && n_next < a.size()) nxt[n_next++] = k;
          }
        }
        std::swap(cur, nxt);
        n_cur = n_next;
      };
      uint64_t cand = 0;
      for (size_t t = 0; t < n_toks; ++t) cand |= uint64_t{maybe(unigram_key(toks[t]))} << t;
      size_t t = 0;
      while (true) {
        if (n_cur == 0) {
          uint64_t rest = t < 64 ? cand >> t << t : 0;
          if (!rest) break;
          t = static_cast<size_t>(std::countr_zero(rest));
        } else if (t == n_toks) {
          break;
        }
        step(t, (cand >> t) & 1);
        ++t;
      }
      live = cur;
      next = nxt;
      n_live = n_cur;
    };
    for (size_t i = 0; i < tokens.size(); i += kBatch) {
      toks = tokens.data() + i;
      n_toks = std::min(kBatch, tokens.size() - i);
      flush();
    }
  };
  scan(headline, kHeadlineWeight);
  scan(body, 1.0);

  for (uint32_t idx : s.touched) s.seen[idx] = 0;
  s.touched.clear();

  // Evidence flows up: a topic's total is its own evidence plus its children's, never below zero
  // (a negative cue can cancel evidence, not create evidence against a sibling). Scored topics are
  // ordered children first (a parent's index is above its children's), so one ascending walk over
  // the touched bits sees every child before its parent; a parent that only gets evidence from a
  // child is set ahead of the walk. Same additions in the same order as a walk over all topics.
  double total = 0;
  for (size_t w = 0; w < n_words; ++w) {
    for (uint64_t m = bits[w]; m; m &= m - 1) {
      const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(m));
      double& e = s.evidence[i];
      if (e < 0) e = 0;
      if (e == 0) continue;
      if (const int parent = im.scored_parent[i]; parent >= 0) {
        s.evidence[parent] += e;
        const uint64_t pbit = uint64_t{1} << (parent & 63);
        bits[parent >> 6] |= pbit;
        if (static_cast<size_t>(parent >> 6) == w) m |= pbit;  // above i: still ahead of the walk
      }
      if (im.scored_is_top[i]) total += e;
    }
  }
  // score = share of the story's topical evidence x confidence that there is enough of it.
  const double confidence = total > 0 ? 1.0 - std::exp(-total / kEvidenceScale) : 0.0;
  // Shallow topics first, so that the stable sort below keeps a parent ahead of a child that
  // carries all of its evidence: the broader claim is the safer one.
  size_t best = SIZE_MAX;
  double best_score = 0;
  for (size_t w = n_words; w-- > 0;) {
    for (uint64_t m = bits[w]; m; m &= ~(uint64_t{1} << (63 - std::countl_zero(m)))) {
      const size_t i = w * 64 + 63 - static_cast<size_t>(std::countl_zero(m));
      const double e = s.evidence[i];
      s.evidence[i] = 0;
      if (total <= 0 || e <= 0) continue;
      double score = std::min(1.0, e / total) * confidence;
      if (score >= im.cfg.threshold) {
        const TaxNode& n = im.tax[im.scored_tax[i]];
        out.push_back(TopicScore{n.qcode, n.name, score});
      } else if (score > best_score) {  // strictly greater: the shallower of equals wins
        best = i;
        best_score = score;
      }
    }
    bits[w] = 0;
  }
  if (out.empty() && im.cfg.keep_best && best != SIZE_MAX) {
    const TaxNode& n = im.tax[im.scored_tax[best]];
    out.push_back(TopicScore{n.qcode, n.name, best_score});
  }
  // Best first, ties in the order above. Insertion sort: stable like std::stable_sort, which
  // allocated a temporary buffer on every call; the list holds a few entries.
  for (size_t i = 1; i < out.size(); ++i) {
    TopicScore t = out[i];
    size_t j = i;
    for (; j > 0 && out[j - 1].score < t.score; --j) out[j] = out[j - 1];
    out[j] = t;
  }
  if (out.size() > im.cfg.max_topics) out.resize(im.cfg.max_topics);
}

// The story's tokens as the pipeline reads them, for callers that have not normalised it: no
// credits stage, so credit lines stay in; the built-in boilerplate patterns.
const NormalizedText& normalized(const Story& story) {
  thread_local NormalizedText norm;
  normalize_story(story.headline, story.body, CreditResult{}, BoilerplatePatterns::builtin(), norm);
  return norm;
}

}  // namespace

void TopicTagger::tag(const Story& story, std::vector<TopicScore>& out) const {
  if (impl_->cfg.max_topics == 0) {  // tagging off: not even the story's tokenization
    out.clear();
    return;
  }
  tag(normalized(story), out);
}

void TopicTagger::tag(const NormalizedText& text, std::vector<TopicScore>& out) const {
  if (impl_->cfg.max_topics == 0) {  // tagging off: the result would be cut to no topics
    out.clear();
    return;
  }
  tag_impl(*impl_, text.headline_tokens, text.tokens, out, [](uint32_t, double, double) {});
}

std::string TopicTagger::explain(const Story& story) const {
  const Impl& im = *impl_;
  std::string text;
  std::vector<TopicScore> out;
  const NormalizedText& norm = normalized(story);
  tag_impl(im, norm.headline_tokens, norm.tokens, out,
           [&](uint32_t idx, double field, double factor) {
             const Entry& e = im.table[idx].e;
             text += field > 1.0 ? "headline " : "body     ";
             text += '"' + im.entry_text[idx] + '"';
             for (uint32_t i = e.first; i < e.first + e.count; ++i) {
               const Posting& p = im.postings[i];
               char buf[64];
               std::snprintf(buf, sizeof buf, " %+.2f ", factor * p.weight);
               text += buf;
               text += im.tax[im.scored_tax[p.topic]].name;
             }
             text += '\n';
           });
  for (const TopicScore& t : out) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ", t.score);
    text += "=> ";
    text += buf;
    text += std::string(t.qcode) + " " + std::string(t.name) + "\n";
  }
  return text;
}

std::string_view TopicTagger::top_level(std::string_view qcode) const {
  auto it = impl_->by_qcode.find(qcode);
  if (it == impl_->by_qcode.end()) return {};
  return impl_->tax[impl_->tax[it->second].top].qcode;
}

std::string_view TopicTagger::name(std::string_view qcode) const {
  auto it = impl_->by_qcode.find(qcode);
  if (it == impl_->by_qcode.end()) return {};
  return impl_->tax[it->second].name;
}

size_t TopicTagger::lexicon_topics() const { return impl_->scored_tax.size(); }
const TopicConfig& TopicTagger::config() const { return impl_->cfg; }

std::string TopicTagger::uri(std::string_view qcode) {
  std::string_view code = qcode.starts_with("medtop:") ? qcode.substr(7) : qcode;
  return "http://cv.iptc.org/newscodes/mediatopic/" + std::string(code);
}

}  // namespace wirefeed
