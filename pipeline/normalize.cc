#include "pipeline/normalize.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "core/embedded.h"
#include "core/hash.h"
#include "core/simd.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace wirefeed {
namespace {

inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
inline bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
inline unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }
inline bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Order-sensitive fold of a token into the exact-text hash.
inline uint64_t fold(uint64_t h, uint64_t t) {
  return (std::rotl(h, 27) ^ t) * 0x9e3779b97f4a7c15ULL;
}

bool starts_with_ci(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (to_lower(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(lower_prefix[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<BoilerplatePatterns> BoilerplatePatterns::parse(std::string_view text) {
  BoilerplatePatterns p;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return Status("boilerplate_syntax", "line " + std::to_string(line_no) +
                                              ": expected 'prefix: TEXT' or 'contains: TEXT'");
    }
    std::string_view kind = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    // A pattern may be quoted to keep leading/trailing spaces significant.
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (value.empty()) {
      return Status("boilerplate_syntax", "line " + std::to_string(line_no) + ": empty pattern");
    }
    std::string lower(value);
    for (char& c : lower) c = static_cast<char>(to_lower(static_cast<unsigned char>(c)));
    if (kind == "prefix") {
      p.prefixes_.push_back(std::move(lower));
    } else if (kind == "contains") {
      p.contains_.push_back(std::move(lower));
    } else {
      return Status("boilerplate_syntax", "line " + std::to_string(line_no) + ": unknown kind '" +
                                              std::string(kind) + "'");
    }
  }
  p.build_index();
  return p;
}

namespace {

constexpr size_t kContainsFilterBits = 4096;

// The 4 bytes at p with ASCII case folded by `| 0x20`: bytes equal under to_lower() stay equal, so
// the filter never rejects a line that matches (other bytes may collide, which verify() settles).
inline uint32_t folded4(const char* p) {
  uint32_t k;
  std::memcpy(&k, p, 4);
  return k | 0x20202020u;
}

inline size_t filter_bit(uint32_t k) { return (k * 0x9E3779B1u) >> (32 - 12); }

// `s` starts with the lower-cased `lower`, ASCII case-insensitively (s has at least its length).
inline bool equal_ci(const char* s, std::string_view lower) {
  for (size_t i = 0; i < lower.size(); ++i) {
    if (to_lower(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(lower[i]))
      return false;
  }
  return true;
}

}  // namespace

void BoilerplatePatterns::build_index() {
  prefix_order_.clear();
  prefix_begin_.assign(257, 0);
  for (size_t b = 0; b < 256; ++b) {
    prefix_begin_[b] = static_cast<uint16_t>(prefix_order_.size());
    for (size_t i = 0; i < prefixes_.size(); ++i) {
      if (static_cast<unsigned char>(prefixes_[i][0]) == b)
        prefix_order_.push_back(static_cast<uint16_t>(i));
    }
  }
  prefix_begin_[256] = static_cast<uint16_t>(prefix_order_.size());

  contains_filter_.assign(kContainsFilterBits / 64, 0);
  contains_grams_.clear();
  gram_begin_.assign(kContainsFilterBits + 1, 0);
  contains_short_ = false;
  size_t min_len = std::numeric_limits<size_t>::max();
  for (const auto& c : contains_) min_len = std::min(min_len, c.size());
  if (contains_.empty() || min_len < 4) {
    contains_short_ = !contains_.empty();
    contains_stride_ = 1;
    return;
  }
  // Any stride up to m - 3 finds every occurrence; the cap bounds the grams for long patterns.
  contains_stride_ = std::min<size_t>(min_len - 3, 32);
  std::vector<ContainsGram> grams;
  for (size_t j = 0; j < contains_.size(); ++j) {
    for (size_t q = 0; q < contains_stride_; ++q) {
      grams.push_back(ContainsGram{folded4(contains_[j].data() + q), static_cast<uint16_t>(j),
                                   static_cast<uint16_t>(q)});
    }
  }
  // Bucket by filter bit, patterns in file order within a bucket.
  std::stable_sort(grams.begin(), grams.end(), [](const ContainsGram& a, const ContainsGram& b) {
    return filter_bit(a.key) < filter_bit(b.key);
  });
  for (const ContainsGram& g : grams) {
    const size_t bit = filter_bit(g.key);
    contains_filter_[bit / 64] |= 1ULL << (bit % 64);
    ++gram_begin_[bit + 1];
  }
  for (size_t b = 0; b < kContainsFilterBits; ++b) gram_begin_[b + 1] += gram_begin_[b];
  contains_grams_ = std::move(grams);
}

bool BoilerplatePatterns::contains_any(std::string_view line) const {
  if (contains_short_) {
    for (const auto& p : contains_) {
      for (size_t i = 0; i + p.size() <= line.size(); ++i) {
        if (equal_ci(line.data() + i, p)) return true;
      }
    }
    return false;
  }
  if (line.size() < 4) return false;
  const char* s = line.data();
  const size_t n = line.size();
  for (size_t i = 0; i + 4 <= n; i += contains_stride_) {
    const uint32_t k = folded4(s + i);
    const size_t bit = filter_bit(k);
    if ((contains_filter_[bit / 64] >> (bit % 64) & 1) == 0) continue;
    for (size_t g = gram_begin_[bit]; g < gram_begin_[bit + 1]; ++g) {
      const ContainsGram& cg = contains_grams_[g];
      if (cg.key != k || cg.offset > i) continue;
      const std::string& p = contains_[cg.pattern];
      const size_t start = i - cg.offset;
      if (p.size() <= n - start && equal_ci(s + start, p)) return true;
    }
  }
  return false;
}

const BoilerplatePatterns& BoilerplatePatterns::builtin() {
  static const BoilerplatePatterns kBuiltin = [] {
    auto r = parse(embedded_file("config/data/boilerplate.txt"));
    return r ? std::move(r.value()) : BoilerplatePatterns{};
  }();
  return kBuiltin;
}

bool BoilerplatePatterns::matches(std::string_view line) const {
  // Promo and credit lines are often wrapped: "(Reporting by ...)", "[SEE ALSO: ...]", "* READ
  // MORE".
  while (!line.empty() && (line.front() == '(' || line.front() == '[' || line.front() == '*' ||
                           line.front() == '>' || line.front() == '-' || line.front() == ' ')) {
    line.remove_prefix(1);
  }
  if (line.empty()) return false;
  if (line.size() <= 400) {
    const unsigned char first = to_lower(static_cast<unsigned char>(line.front()));
    for (size_t k = prefix_begin_[first]; k < prefix_begin_[first + 1]; ++k) {
      if (starts_with_ci(line, prefixes_[prefix_order_[k]])) return true;
    }
  }
  if (line.size() <= contains_max_len_ && !contains_.empty()) return contains_any(line);
  return false;
}

size_t detect_dateline(std::string_view para) {
  const size_t limit = std::min<size_t>(para.size(), 120);
  size_t delim = std::string_view::npos;
  size_t after = 0;
  for (size_t i = 1; i + 1 < limit; ++i) {
    if (para[i] != ' ') continue;
    std::string_view rest = para.substr(i + 1);
    size_t dl = 0;
    if (rest.starts_with("-- ")) {
      dl = 3;
    } else if (rest.starts_with("- ")) {
      dl = 2;
    } else if (rest.starts_with("\xE2\x80\x94") ||
               rest.starts_with("\xE2\x80\x93")) {  // em/en dash
      dl = 3;
    }
    if (dl != 0) {
      delim = i;
      after = i + 1 + dl;
      break;
    }
  }
  if (delim == std::string_view::npos) return 0;
  std::string_view prefix = trim(para.substr(0, delim));
  if (prefix.empty()) return 0;
  bool ok = prefix.back() == ')';  // "... (Reuters)", "... (AP)"
  if (!ok) {
    // First word in capitals, as wire datelines print the place: "SEOUL", "NEW YORK",
    // "GENEVA/ERBIL".
    size_t letters = 0;
    bool all_caps = true;
    for (unsigned char c : prefix) {
      if (c == ',' || c == ' ' || c == '(') break;
      if (is_lower(c)) {
        all_caps = false;
        break;
      }
      if (is_upper(c)) ++letters;
    }
    ok = all_caps && letters >= 2;
  }
  if (!ok) return 0;
  while (after < para.size() && para[after] == ' ') ++after;
  return after;
}

namespace {

// Character classes for the tokenizer's fast path.
constexpr uint8_t kLower = 1, kUpper = 2, kDigit = 4;
constexpr std::array<uint8_t, 128> make_classes() {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}
constexpr std::array<uint8_t, 128> kClasses = make_classes();

// Words are gathered into a small buffer and hashed 8 bytes at a time: a per-byte hash chain was
// most of the fingerprinting time.
constexpr size_t kMaxWord = 64;  // longer "words" (URLs, junk) are hashed on their first 64 bytes

constexpr uint64_t kOnes8 = 0x0101010101010101ULL;
constexpr uint64_t kHigh8 = 0x8080808080808080ULL;

// High bit of each byte of x set when that byte is ASCII [A-Za-z0-9] (SWAR: for bytes below 0x80,
// t + (0x80 - lo) sets the byte's top bit iff t >= lo, and t + (0x7f - hi) iff t > hi, without
// carrying into the next byte).
inline uint64_t word_bytes8(uint64_t x) {
  const uint64_t t = x & ~kHigh8;
  const uint64_t digit = (t + (0x80 - '0') * kOnes8) & ~(t + (0x7f - '9') * kOnes8);
  const uint64_t f = t | 0x2020202020202020ULL;
  const uint64_t alpha = (f + (0x80 - 'a') * kOnes8) & ~(f + (0x7f - 'z') * kOnes8);
  return (digit | alpha) & ~x & kHigh8;
}

// The word hash, in pieces: every path that hashes a word (byte at a time through the copy
// buffer, straight from the text, the fast path's one- and two-chunk words) must give the same
// value, so they all use these. A word is hashed as seed(len), then step() per 8-byte chunk of
// its (lowered, zero-padded) first kMaxWord bytes, then fmix64.
inline uint64_t word_seed(uint64_t len) { return 0x9ae16a3b2f90404fULL ^ len; }
constexpr uint64_t kWordStepMul = 0x9fb21c651e98df25ULL;
inline uint64_t word_step(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * kWordStepMul;
  return h ^ (h >> 29);
}
constexpr uint64_t kLower8 = 0x2020202020202020ULL;  // `| kLower8` lowers ASCII letters and digits

// The hash of the len-byte word at p. `lower` is ORed into every chunk: kLower8 when p is the
// text itself (ASCII letters and digits only), 0 when p is the copy buffer (already lowered). The
// caller guarantees 8 readable bytes from every chunk start below min(len, kMaxWord).
inline uint64_t hash_word(const unsigned char* p, uint32_t len, uint64_t lower = 0) {
  const uint32_t n = std::min<uint32_t>(len, kMaxWord);
  uint64_t h = word_seed(len);
  for (uint32_t i = 0; i < n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    w |= lower;
    const uint32_t rem = n - i;
    if (rem < 8) w &= ~0ULL >> (8 * (8 - rem));
    h = word_step(h, w);
  }
  return fmix64(h);
}

// A key token: the word's hash with the low bit 1 for a number, 0 for a name.
inline uint64_t key_token(uint64_t t, bool number) { return number ? (t | 1) : (t & ~uint64_t{1}); }

// Length of the run of ASCII letters and digits at s[i..n), or 0 when the run reaches the last 8
// bytes (the caller then takes the byte-at-a-time path, which knows the end of the text).
inline size_t ascii_word_len(const unsigned char* s, size_t i, size_t n) {
  size_t j = i;
  while (j + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, s + j, 8);
    const uint64_t stop = ~word_bytes8(x) & kHigh8;
    if (stop != 0) return j - i + static_cast<size_t>(std::countr_zero(stop)) / 8;
    j += 8;
  }
  return 0;
}

// Tokens and key tokens on their way into the caller's vectors, appended in bulk: push_back's
// capacity check per word kept the vectors' pointers in memory through the loops.
struct TokenBatch {
  static constexpr size_t kSize = 128;
  // Leaves t and k uninitialised: zeroing 2 KB per call cost more than the batching saved.
  TokenBatch(std::vector<uint64_t>& tokens_out, std::vector<uint64_t>* keys_out)
      : tokens(tokens_out), keys(keys_out) {}
  std::vector<uint64_t>& tokens;
  std::vector<uint64_t>* keys;
  size_t nt = 0;
  size_t nk = 0;
  // Every token folded into normalize_story()'s exact-text hash as it is made: a separate pass
  // was a chain of dependent multiplies, one per token, that nothing else overlapped.
  uint64_t full = 0;
  uint64_t t[kSize];
  uint64_t k[kSize];

  void spill() {
    tokens.insert(tokens.end(), t, t + nt);
    if (keys != nullptr) keys->insert(keys->end(), k, k + nk);
    nt = 0;
    nk = 0;
  }
  // The same for the word loops, which keep the counts in locals (registers) while they run.
  void spill(size_t& nt_local, size_t& nk_local) {
    nt = nt_local;
    nk = nk_local;
    spill();
    nt_local = 0;
    nk_local = 0;
  }
};

// The fast path of tokenize(), for the commonest text: ASCII words each ended by an ASCII byte
// that cannot continue it. From s[p], an ASCII letter or digit with no word pending, hashes words
// straight from the text (no copy into a word buffer; one 8-byte step for a word under 8 bytes)
// and steps over the ASCII separators between them. Stops before a word that may continue past
// its ASCII run (an apostrophe, "1,000", "2.5", a UTF-8 byte), at '&' or a UTF-8 byte between
// words, and near the end of the text. Returns where tokenize() resumes: with no word pending,
// the byte there is handled exactly as it would have been after the word.
size_t fast_words(const unsigned char* s, size_t p, size_t n, bool& sentence_start,
                  TokenBatch& out) {
  // The batch's counts live in registers through the loop.
  uint64_t* const tb = out.t;
  uint64_t* const kb = out.k;
  size_t nt = out.nt;
  size_t nk = out.nk;
  uint64_t full = out.full;
  const bool want_keys = out.keys != nullptr;
  bool start = sentence_start;
  while (p + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, s + p, 8);
    const uint64_t stop = ~word_bytes8(x) & kHigh8;
    if ((stop & 0x80) != 0) break;  // after a space: not a word
    size_t wl;
    uint64_t t;
    if (stop != 0) {  // hash_word() of a word under 8 bytes
      wl = static_cast<size_t>(std::countr_zero(stop)) / 8;
      const uint64_t mask = ((stop & (0 - stop)) >> 7) - 1;  // the bytes below the first stop
      t = fmix64(word_step(word_seed(wl), (x | kLower8) & mask));
    } else if (uint64_t y;
               p + 16 <= n && (std::memcpy(&y, s + p + 8, 8), (~word_bytes8(y) & kHigh8) != 0)) {
      // hash_word() of a word of 8 to 15 bytes, the next commonest.
      const uint64_t stop2 = ~word_bytes8(y) & kHigh8;
      wl = 8 + static_cast<size_t>(std::countr_zero(stop2)) / 8;
      const uint64_t mask = ((stop2 & (0 - stop2)) >> 7) - 1;
      uint64_t h = word_step(word_seed(wl), x | kLower8);
      if (wl > 8) h = word_step(h, (y | kLower8) & mask);  // an 8-byte word is one chunk
      t = fmix64(h);
    } else {
      wl = ascii_word_len(s, p, n);
      if (wl == 0) break;
      t = hash_word(s + p, static_cast<uint32_t>(wl), kLower8);
    }
    const size_t e = p + wl;
    const unsigned char term = s[e];
    if (term != ' ') {
      if (term >= 0x80) break;
      if (term == '\'' && e + 1 < n && is_alpha(s[e + 1])) break;
      if ((term == ',' || term == '.') && is_digit(s[e - 1]) && e + 1 < n && is_digit(s[e + 1])) {
        break;
      }
    }
    const auto first = static_cast<unsigned char>(x);
    tb[nt++] = t;
    full = fold(full, t);
    if (want_keys && (is_digit(first) || (is_upper(first) && !start))) {
      kb[nk++] = key_token(t, is_digit(first));
    }
    start = false;
    if (nt == TokenBatch::kSize) out.spill(nt, nk);
    if (term == ' ') {
      p = e + 1;
    } else {
      p = e;
      if (term == '&') break;  // may open an entity: tokenize() decides
      // The word's terminator and the ASCII separators after it (but '&'): with no word
      // pending they only mark a sentence end.
      while (p < n && s[p] < 0x80 && kClasses[s[p]] == 0 && s[p] != '&') {
        const unsigned char c = s[p];
        if (c == '.' || c == '!' || c == '?' || c == '\n') start = true;
        ++p;
      }
    }
  }
  out.nt = nt;
  out.nk = nk;
  out.full = full;
  sentence_start = start;
  return p;
}

#if defined(__x86_64__)
// The hashes of a block's m taken words (m > 0) into t[0..m) and, for the words that are key
// tokens, their key tokens into k in order, as the word loop of block_words<false>() makes them;
// folds the hashes into `full` in order; returns the number of key tokens. Eight words a round, one
// per 64-bit lane: each lane takes its word's first 16 bytes out of the block with a byte permute
// (zero past the word's end) and hashes them with 64-bit lane multiplies; the rare word over 16
// bytes is hashed again after, from the text. Writes up to 32 hashes and 8 keys past the last
// one it keeps: the caller has room. Needs Ice Lake's AVX-512 (VBMI2 compresses the words'
// offsets, VBMI permutes bytes, DQ multiplies 64-bit lanes).
// Against the word-at-a-time loop (block_words<false>, kept for CPUs without them), alternating
// runs: BM_Normalize faster in 6 of 6 pairs (medians 8.07 -> 7.18 us), BM_Analyzer in 4 of 5
// (25.0 against 26.9 us), `enrich --threads 1` in 4 of 5 (39.6k against 35.1k stories/s).
#pragma GCC diagnostic push
// GCC 12 reports the masked intrinsics' undefined pass-through operands.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f,avx512bw,avx512dq,avx512vbmi,avx512vbmi2,bmi,bmi2"))) size_t
lane_hash_words(const unsigned char* src, __m512i x, uint64_t taken, uint64_t ends, uint64_t digit,
                uint64_t keys, size_t m, uint64_t* t, uint64_t* k, uint64_t& full) {
  // For the word hashes: byte i of kIota is i; kLaneOf repeats lane j's index j in its 8 bytes,
  // kByteOf counts 0..7 in every lane.
  const __m512i kIota = _mm512_set_epi64(0x3f3e3d3c3b3a3938, 0x3736353433323130, 0x2f2e2d2c2b2a2928,
                                         0x2726252423222120, 0x1f1e1d1c1b1a1918, 0x1716151413121110,
                                         0x0f0e0d0c0b0a0908, 0x0706050403020100);
  const __m512i kLaneOf = _mm512_set_epi64(
      0x0707070707070707, 0x0606060606060606, 0x0505050505050505, 0x0404040404040404,
      0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0x0000000000000000);
  const __m512i kByteOf = _mm512_set1_epi64(0x0706050403020100);
  const __m512i k20 = _mm512_set1_epi8(0x20);
  const __m512i k8b = _mm512_set1_epi8(8);
  const __m512i kLow8q = _mm512_set1_epi64(0xff);
  const __m512i k8q = _mm512_set1_epi64(8);
  const __m512i k16q = _mm512_set1_epi64(16);
  const __m512i kOneq = _mm512_set1_epi64(1);
  const __m512i kSeed = _mm512_set1_epi64(static_cast<int64_t>(word_seed(0)));
  const __m512i kStep = _mm512_set1_epi64(static_cast<int64_t>(kWordStepMul));
  const __m512i kMix1 = _mm512_set1_epi64(static_cast<int64_t>(kFmixMul1));
  const __m512i kMix2 = _mm512_set1_epi64(static_cast<int64_t>(kFmixMul2));
  // The words' first and end offsets as byte vectors (word i in byte i).
  const __m512i firsts = _mm512_maskz_compress_epi8(taken, kIota);
  const __m512i lasts = _mm512_maskz_compress_epi8(ends, kIota);
  const __m512i xl = _mm512_or_si512(x, k20);
  const auto digits = static_cast<uint32_t>(_pext_u64(digit, taken));
  const auto key_bits = static_cast<uint32_t>(_pext_u64(keys, taken));
  size_t nk = 0;
  uint64_t long_words = 0;  // lanes of words over 16 bytes, hashed again below
  for (size_t g = 0; g < m; g += 8) {
    const __m512i sel = _mm512_add_epi8(kLaneOf, _mm512_set1_epi8(static_cast<char>(g)));
    const __m512i st = _mm512_permutexvar_epi8(sel, firsts);
    const __m512i en = _mm512_permutexvar_epi8(sel, lasts);
    const __m512i i0 = _mm512_add_epi8(st, kByteOf);
    const __m512i i1 = _mm512_add_epi8(i0, k8b);
    const __m512i c0 = _mm512_maskz_permutexvar_epi8(_mm512_cmplt_epu8_mask(i0, en), i0, xl);
    const __m512i c1 = _mm512_maskz_permutexvar_epi8(_mm512_cmplt_epu8_mask(i1, en), i1, xl);
    const __m512i wl = _mm512_and_si512(_mm512_sub_epi8(en, st), kLow8q);
    __m512i h = _mm512_mullo_epi64(_mm512_xor_si512(_mm512_xor_si512(kSeed, wl), c0), kStep);
    h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 29));
    __m512i h2 = _mm512_mullo_epi64(_mm512_xor_si512(h, c1), kStep);
    h2 = _mm512_xor_si512(h2, _mm512_srli_epi64(h2, 29));
    h = _mm512_mask_blend_epi64(_mm512_cmpgt_epu64_mask(wl, k8q), h, h2);
    h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 33));
    h = _mm512_mullo_epi64(h, kMix1);
    h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 33));
    h = _mm512_mullo_epi64(h, kMix2);
    h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 33));
    _mm512_storeu_si512(t + g, h);
    const auto lanes = static_cast<__mmask8>(m - g >= 8 ? 0xff : (1u << (m - g)) - 1);
    long_words |= uint64_t{_mm512_mask_cmpgt_epu64_mask(lanes, wl, k16q)} << g;
    // Key tokens: the hash with its low bit 1 for a number, 0 for a name (key_token()).
    const __m512i kt =
        _mm512_mask_or_epi64(_mm512_andnot_si512(kOneq, h), static_cast<__mmask8>(digits >> g),
                             _mm512_andnot_si512(kOneq, h), kOneq);
    const auto kmask = static_cast<__mmask8>((key_bits >> g) & lanes);
    _mm512_storeu_si512(k + nk, _mm512_maskz_compress_epi64(kmask, kt));
    nk += static_cast<size_t>(std::popcount(static_cast<unsigned>(kmask)));
  }
  if (long_words != 0) [[unlikely]] {
    alignas(64) unsigned char f[64];
    alignas(64) unsigned char l[64];
    _mm512_store_si512(f, firsts);
    _mm512_store_si512(l, lasts);
    for (uint64_t lw = long_words; lw != 0; lw &= lw - 1) {
      const auto i = static_cast<size_t>(std::countr_zero(lw));
      const uint64_t h = hash_word(src + f[i], static_cast<uint32_t>(l[i] - f[i]), kLower8);
      t[i] = h;
      if ((key_bits >> i) & 1) {  // the key token written for it is the i-th key's
        const auto before = static_cast<size_t>(std::popcount(key_bits & ((1u << i) - 1)));
        k[before] = key_token(h, ((digits >> i) & 1) != 0);
      }
    }
  }
  // In a local: `full` is a uint64_t like t[], so the loop would store it for every word.
  uint64_t f = full;
  for (size_t i = 0; i < m; ++i) f = fold(f, t[i]);
  full = f;
  return nk;
}
#pragma GCC diagnostic pop

// fast_words() for 64 bytes at a time, with AVX-512: the block's bytes are classified into bit
// masks at once, so a word costs its hash and a few mask operations, not a classify-and-branch
// step per 8 bytes and per separator. Same precondition and result as fast_words() (s[p] starts a
// word, no word pending; returns where tokenize() resumes, with no word pending). Words are
// taken only while they end before the block's first "hard" byte, one that the byte-at-a-time
// path treats specially: a UTF-8 byte, '&', an apostrophe inside a word, ',' or '.' between
// digits. A word that reaches the block's last byte waits for the next block, which starts at
// it. Returns p when it took no word, and the caller then tries fast_words(). kLaneHash: the
// block's words are hashed by lane_hash_words() (CPUs with Ice Lake's AVX-512), else one by one.
// (pipeline/word_tokens.h's classify64() classifies 64 bytes too, with AVX2, for the topic model's
// tokenizer: two masks, words and non-separators. This path needs seven, which AVX-512's byte
// compares give directly as 64-bit masks, so it has its own.)
template <bool kLaneHash>
__attribute__((target("avx512f,avx512bw,bmi,bmi2"))) size_t block_words(const unsigned char* s,
                                                                        size_t p, size_t n,
                                                                        bool& sentence_start,
                                                                        TokenBatch& out) {
  uint64_t* const tb = out.t;
  uint64_t* const kb = out.k;
  size_t nt = out.nt;
  size_t nk = out.nk;
  uint64_t full = out.full;
  const bool want_keys = out.keys != nullptr;
  bool start = sentence_start;
  // (Intrinsics inline only into functions of the same target: no lambdas here.)
  const __m512i k20 = _mm512_set1_epi8(0x20);
  const __m512i ka = _mm512_set1_epi8('a');
  const __m512i kA = _mm512_set1_epi8('A');
  const __m512i k0 = _mm512_set1_epi8('0');
  const __m512i k26 = _mm512_set1_epi8(26);
  const __m512i k10 = _mm512_set1_epi8(10);
  const __m512i kPeriod = _mm512_set1_epi8('.');
  const __m512i kComma = _mm512_set1_epi8(',');
  const __m512i kBang = _mm512_set1_epi8('!');
  const __m512i kQuestion = _mm512_set1_epi8('?');
  const __m512i kNewline = _mm512_set1_epi8('\n');
  const __m512i kAmp = _mm512_set1_epi8('&');
  const __m512i kApos = _mm512_set1_epi8('\'');
  alignas(64) unsigned char tail[128];
  while (p < n) {
    // A block holds at most 32 words (a byte and a separator each): room for them is made here,
    // so the word loop below calls nothing and keeps its state in registers.
    if (nt > TokenBatch::kSize - 32) out.spill(nt, nk);
    const size_t avail = n - p;
    // Words are hashed from src with 8-byte reads past their ends: a taken word starts at byte
    // 61 at the latest, and one of up to 16 bytes is read as two chunks whatever its length, so
    // reads reach byte 77 of the block. Near the end of the text (under 80 bytes left) the block
    // is a copy, with zeros (separators, not sentence ends) after the text.
    const unsigned char* src = s + p;
    __m512i x;
    if (avail >= 80) {
      x = _mm512_loadu_si512(src);
    } else {
      _mm512_store_si512(tail, _mm512_setzero_si512());
      _mm512_store_si512(tail + 64, _mm512_setzero_si512());
      std::memcpy(tail, src, std::min<size_t>(avail, 64));
      x = _mm512_load_si512(tail);
      src = tail;
    }
    const uint64_t alpha =
        _mm512_cmplt_epu8_mask(_mm512_sub_epi8(_mm512_or_si512(x, k20), ka), k26);
    const uint64_t upper = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, kA), k26);
    const uint64_t digit = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(x, k0), k10);
    const uint64_t word = alpha | digit;
    const uint64_t period = _mm512_cmpeq_epi8_mask(x, kPeriod);
    const uint64_t sentence_end = period | _mm512_cmpeq_epi8_mask(x, kBang) |
                                  _mm512_cmpeq_epi8_mask(x, kQuestion) |
                                  _mm512_cmpeq_epi8_mask(x, kNewline);
    const uint64_t hard =
        _mm512_movepi8_mask(x) | _mm512_cmpeq_epi8_mask(x, kAmp) |
        (_mm512_cmpeq_epi8_mask(x, kApos) & (word << 1) & (alpha >> 1)) |
        ((period | _mm512_cmpeq_epi8_mask(x, kComma)) & (digit << 1) & (digit >> 1));
    size_t cut = std::min<size_t>(63, static_cast<size_t>(std::countr_zero(hard)));
    // A word that ends where the text ends is taken: its terminator is the first zero.
    if (avail < 63) cut = std::min(cut, avail + 1);
    uint64_t starts = word & ~(word << 1) & ((uint64_t{1} << cut) - 1);
    const uint64_t not_word = ~word;
    // The words that open a sentence, for the whole block at once: a carry from each sentence-end
    // byte (a separator) runs up its run of separators into the next word's first byte. The
    // block's first word also opens one when the separators before the block held an end.
    uint64_t opens = (not_word + sentence_end) & word;
    if (start) opens |= starts & (0 - starts);
    // Key tokens: numbers, and capitalised words that do not open a sentence.
    const uint64_t keys = want_keys ? (digit | (upper & ~opens)) & starts : 0;
    // The words taken are those that end before the cut: ends are in order, so the first m
    // starts, m the number of word ends below the cut. At most one start (the last) is left, a
    // word that reaches the cut.
    const uint64_t ends = not_word & (word << 1) & ((uint64_t{1} << cut) - 1);
    const auto m = static_cast<size_t>(std::popcount(ends));
    const uint64_t taken = _pdep_u64((uint64_t{1} << m) - 1, starts);
    const size_t stop = starts != taken ? static_cast<size_t>(std::countr_zero(starts & ~taken))
                                        : cut;  // where the block's words end
    const bool took = m != 0;
    const size_t last_end = took ? 63 - static_cast<size_t>(std::countl_zero(ends)) : 0;
    if constexpr (kLaneHash) {
      if (took) nk += lane_hash_words(src, x, taken, ends, digit, keys, m, tb + nt, kb + nk, full);
      nt += m;
    } else {
      // The i-th taken start pairs with the i-th end below the cut.
      for (uint64_t left = taken, left_ends = ends; left != 0;
           left &= left - 1, left_ends &= left_ends - 1) {
        const auto st = static_cast<size_t>(std::countr_zero(left));
        const auto e = static_cast<size_t>(std::countr_zero(left_ends));
        const size_t wl = e - st;
        const unsigned char* w = src + st;
        // Word lengths vary from word to word, so the hash is computed without branching on
        // them (a mispredicted branch per few words cost more than hashing a second chunk every
        // time): both chunks are hashed and the one-chunk hash is kept for words of 8 bytes or
        // fewer.
        uint64_t t;
        if (wl <= 16) [[likely]] {
          uint64_t c0;
          uint64_t c1;
          std::memcpy(&c0, w, 8);
          std::memcpy(&c1, w + 8, 8);
          const auto bits = static_cast<unsigned>(wl * 8);
          const uint64_t h1 = word_step(word_seed(wl), _bzhi_u64(c0 | kLower8, bits));
          const uint64_t h2 = word_step(h1, _bzhi_u64(c1 | kLower8, bits > 64 ? bits - 64 : 0));
          t = fmix64(wl > 8 ? h2 : h1);
        } else {
          t = hash_word(w, static_cast<uint32_t>(wl), kLower8);
        }
        tb[nt++] = t;
        full = fold(full, t);
        // Key tokens are written always and kept when they are keys: no branch either.
        kb[nk] = key_token(t, ((digit >> st) & 1) != 0);
        nk += (keys >> st) & 1;
      }
    }
    // A sentence end after the block's last word (or, with no word taken, before the stop) opens
    // the next one.
    start = (start && !took) ||
            (sentence_end & ((uint64_t{1} << stop) - (uint64_t{1} << last_end))) != 0;
    p += std::min(stop, avail);
    // At a hard byte, or at a word of 63 bytes or more: tokenize() goes on from here. Otherwise
    // the next block starts at the word that reached this block's end, or at its last byte.
    if (stop == 0 || (cut < 63 && p < n)) break;
  }
  out.nt = nt;
  out.nk = nk;
  out.full = full;
  sentence_start = start;
  return p;
}

#endif

// tokenize(), also folding every token into `full` in order.
void tokenize_folded(std::string_view text, std::vector<uint64_t>& tokens,
                     std::vector<uint64_t>* keys, uint64_t& full) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  unsigned char buf[kMaxWord + 8];
  uint32_t len = 0;
  bool first_upper = false;
  bool first_digit = false;
  bool sentence_start = true;

  TokenBatch out(tokens, keys);
  out.full = full;
#if defined(__x86_64__)
  const bool use_blocks = avx512_enabled();
  const bool lane_hash = avx512_icl_enabled();
#endif
  // Called once per word: forced inline, as an out-of-line call it showed up in profiles.
  auto flush = [&]() __attribute__((always_inline)) {
    if (len == 0) return;
    const uint64_t t = hash_word(buf, len);
    out.t[out.nt++] = t;
    out.full = fold(out.full, t);
    if (keys != nullptr && (first_digit || (first_upper && !sentence_start))) {
      out.k[out.nk++] = key_token(t, first_digit);
    }
    if (out.nt == TokenBatch::kSize) out.spill();
    sentence_start = false;
    len = 0;
  };
  auto add = [&](unsigned char c) {
    if (len < kMaxWord) buf[len] = c;
    ++len;
  };

  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      const uint8_t cls = kClasses[c];
      if (cls != 0) {
        if (len == 0) {
          // Most words go the fast way (fast_words()); a word it leaves goes byte at a time.
          size_t p = i;
#if defined(__x86_64__)
          if (use_blocks) {
            p = lane_hash ? block_words<true>(s, i, n, sentence_start, out)
                          : block_words<false>(s, i, n, sentence_start, out);
          }
#endif
          if (p == i) p = fast_words(s, i, n, sentence_start, out);
          if (p != i) {
            i = p - 1;
            continue;
          }
          first_upper = cls == kUpper;
          first_digit = cls == kDigit;
        }
        // The whole ASCII run in one tight loop: most bytes of a story are here. `| 0x20`
        // lowercases A-Z and leaves a-z and 0-9 unchanged. Eight bytes at a time while they last:
        // most words end inside the first eight, so a word costs one classify-and-copy step, not
        // one per byte.
        size_t j = i;
        while (j + 8 <= n) {
          uint64_t x;
          std::memcpy(&x, s + j, 8);
          const uint64_t word = word_bytes8(x);
          const uint64_t stop = ~word & kHigh8;
          const size_t k = stop == 0 ? 8 : static_cast<size_t>(std::countr_zero(stop)) / 8;
          if (len < kMaxWord) {
            const uint64_t lowered = x | kLower8;
            std::memcpy(buf + len, &lowered, 8);
          }
          len += static_cast<uint32_t>(k);
          j += k;
          if (k < 8) break;
        }
        if (j > i && (j == n || s[j] >= 0x80 || kClasses[s[j]] == 0)) {
          i = j - 1;
          continue;
        }
        do {
          if (len < kMaxWord) buf[len] = s[j] | 0x20;
          ++len;
          ++j;
        } while (j < n && s[j] < 0x80 && kClasses[s[j]] != 0);
        i = j - 1;
        continue;
      }
      if (c == ' ') {  // the commonest separator, with none of the special cases below
        flush();
        continue;
      }
      // "don't" and "don’t" and "dont" are one token: apostrophes inside words are dropped.
      if (c == '\'' && len > 0 && i + 1 < n && is_alpha(s[i + 1])) continue;
      // "1,000" == "1000"; "2.5" keeps its point so it differs from "25".
      if ((c == ',' || c == '.') && len > 0 && is_digit(s[i - 1]) && i + 1 < n &&
          is_digit(s[i + 1])) {
        if (c == '.') add(c);
        continue;
      }
      // Stray HTML entities ("&quot;") are punctuation, like the characters they stand for.
      if (c == '&') {
        size_t j = i + 1;
        while (j < n && j - i <= 8 && (is_alnum(s[j]) || s[j] == '#')) ++j;
        if (j < n && s[j] == ';' && j > i + 1) {
          flush();
          i = j;
          continue;
        }
      }
      flush();
      if (c == '.' || c == '!' || c == '?' || c == '\n') sentence_start = true;
      continue;
    }
    // UTF-8: general punctuation (curly quotes, dashes, ellipsis) and Latin-1 punctuation
    // (no-break space, guillemets, ©) separate words; other code points are word characters.
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      const unsigned char third = s[i + 2];
      if (third == 0x99 && len > 0 && i + 3 < n && is_alpha(s[i + 3])) {  // ’ inside a word
        i += 2;
        continue;
      }
      flush();
      if (third == 0xA6) sentence_start = true;  // …
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0xA0 && s[i + 1] <= 0xBF) {
      flush();
      i += 1;
      continue;
    }
    if (len == 0) {
      first_upper = false;
      first_digit = false;
    }
    add(c);
  }
  flush();
  out.spill();
  full = out.full;
}

}  // namespace

void tokenize(std::string_view text, std::vector<uint64_t>& tokens, std::vector<uint64_t>* keys) {
  uint64_t unused = 0;
  tokenize_folded(text, tokens, keys, unused);
}

void normalize_story(std::string_view headline, std::string_view body, const CreditResult& credits,
                     const BoilerplatePatterns& patterns, NormalizedText& out) {
  out.clear();
  uint64_t full = 0x51ed270b27a5f3c1ULL;
  // The exact hash covers the headline and everything printed, so a new headline or a reworded
  // dateline makes a near-duplicate, not a duplicate.
  tokenize_folded(headline, out.headline_tokens, nullptr, full);
  full = fold(full, 0x1f);  // headline/body separator

  // Lines are tested one by one (dateline, boilerplate, credit lines), but tokenized in runs: the
  // lines between two stripped ones in one call, instead of a call per line (26 lines a story on
  // the bench corpus, half of them blank): BM_Normalize min 9.26 -> 8.43 us (da2ebb0). A run
  // tokenizes to the same tokens: a newline ends a word and starts a sentence either way.
  size_t pos = 0;
  bool first_line = true;
  size_t run_begin = 0;  // the kept lines not yet tokenized start here
  const auto tokenize_run = [&](size_t end) {
    if (end > run_begin) {
      tokenize_folded(body.substr(run_begin, end - run_begin), out.tokens, &out.key_tokens, full);
    }
  };
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const size_t line_start = pos;
    std::string_view line = body.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view trimmed = trim(line);
    if (trimmed.empty()) continue;

    bool strip = false;
    bool own_call = false;  // the first line is tokenized on its own: its dateline is cut off
    if (first_line) {
      first_line = false;
      own_call = true;
      size_t skip = 0;
      if (credits.dateline.present && credits.dateline.length > 0) {
        // The credits stage measured the dateline from the start of the body.
        skip = credits.dateline.length > line_start ? credits.dateline.length - line_start : 0;
        skip = std::min(skip, line.size());
      } else {
        skip = detect_dateline(trimmed);
        line = trimmed;
      }
      if (skip > 0) {
        const size_t tok_mark = out.tokens.size();
        tokenize_folded(line.substr(0, skip), out.tokens, nullptr, full);
        out.tokens.resize(tok_mark);
        trimmed = trim(line.substr(skip));
      }
    }
    if (patterns.matches(trimmed)) {
      strip = true;
    } else {
      for (const auto& cr : credits.credits) {
        if (!cr.text.empty() && trimmed.size() <= cr.text.size() + 24 &&
            trimmed.find(cr.text) != std::string_view::npos) {
          strip = true;
          break;
        }
      }
    }
    if (!strip && !own_call) continue;  // joins the run
    // A line of its own: the run before it, then the line (folded into the exact hash even when
    // stripped).
    tokenize_run(line_start);
    const size_t tok_mark = out.tokens.size();
    const size_t key_mark = out.key_tokens.size();
    tokenize_folded(trimmed, out.tokens, &out.key_tokens, full);
    if (strip) {
      out.tokens.resize(tok_mark);
      out.key_tokens.resize(key_mark);
    }
    run_begin = std::min(pos, body.size());
  }
  tokenize_run(body.size());
  out.full_hash = full;
}

}  // namespace wirefeed
