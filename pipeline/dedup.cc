#include "pipeline/dedup.h"

#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <limits>
#include <new>
#include <type_traits>

#include "core/hash.h"
#include "core/simd.h"
#include "core/sort.h"
#include "pipeline/normalize.h"

namespace wirefeed {
namespace {

// Sizes chosen for the 256 bytes/story budget (docs/dedup.md has the arithmetic).
constexpr size_t kSketch = 24;           // bottom-k shingle hashes kept per story
constexpr size_t kHead = 6;              // of which the smallest are kept in full
constexpr size_t kIndexedHead = 5;       // and indexed, with the lead key
constexpr size_t kQueryProbes = 16;      // smallest query hashes looked up in the candidate index
constexpr uint64_t kSampleTarget = 128;  // expected size of a Fingerprint's sample
constexpr size_t kMinContainSamples = 3;
constexpr size_t kLeadTokens = 10;
constexpr size_t kMaxPostings =
    12;  // live stories per indexed hash before it counts as a stock phrase
// Stories in a row dated more than half a window ahead of the window's clock that move it there
// (DedupIndex::Impl::advance_clock): a resend of a mis-dated story is one or two, a feed that
// comes back after a gap is all of its stories.
constexpr uint32_t kClockJumpRun = 8;
// An empty hash-table slot's seq (so an all-zero slot is empty) and "no story". Story seqs start
// at 1; the one story in 2^32 whose seq wraps to 0 is left unindexed.
constexpr uint32_t kEmpty = 0;
// Slots of a growing table moved per inserted story (DedupIndex::Impl::Migration). The URI and
// exact tables take one key per story and grow to twice the live stories at 3/4 load: the old
// table (at most ~2.7x the stories) is moved long before the new one fills. The candidate table
// takes up to kIndexedHead + 1 postings per story, is sized to 1.6x the live postings and grows
// at 4/5 load, leaving room for ~0.28x the live postings (~0.047x in stories, at 6 a story):
// 128 slots a story move a table of 1.6x the live postings in ~0.0125x, about a quarter of that.
// (Arithmetic; the dedup unit test checks that no move had to be finished at once.)
constexpr size_t kMigrateSlots = 64;
constexpr size_t kMigrateCandSlots = 128;
constexpr uint8_t kFlagVersionCreated = 1;
// A format 1 record (the flag is kept when such an entry is written again in a later format): the
// exact hash's high half and the story's numbers are unknown, so it is not in the exact-text table
// and its numbers never veto a match.
constexpr uint8_t kFlagFormat1 = 2;
// A format 1 or 2 record: its key filters had 64 bits (bit = key >> 26), held here widened (bit i
// set as bits 2i and 2i+1, exactly the 128-bit bits of the keys that set bit i). Comparisons of
// whole filters with such an entry are made at 64 bits.
constexpr uint8_t kFlagBloom64 = 4;
// Changelog / state file record format. 2 added the numbers' Bloom filter; 3 widened both key
// filters from 64 to 128 bits. Formats 1 and 2 are still read (format 1: numbers unknown, they
// never veto a match by numbers).
constexpr uint8_t kRecordFormat = 3;

// A 64-bit filter of a format 1/2 record as 128 bits, and back.
KeyBloom widen(uint64_t f) {
  auto spread = [](uint64_t x) {  // bit i of the low 32 bits -> bits 2i and 2i+1
    x &= 0xFFFFFFFFULL;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFULL;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFULL;
    x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FULL;
    x = (x | (x << 2)) & 0x3333333333333333ULL;
    x = (x | (x << 1)) & 0x5555555555555555ULL;
    return x | (x << 1);
  };
  KeyBloom k;
  k.w[0] = spread(f);
  k.w[1] = spread(f >> 32);
  return k;
}
uint64_t narrow(const KeyBloom& k) {
  auto pack = [](uint64_t x) {  // bit i of the result: bit 2i or 2i+1 of x
    x = (x | (x >> 1)) & 0x5555555555555555ULL;
    x = (x | (x >> 1)) & 0x3333333333333333ULL;
    x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0FULL;
    x = (x | (x >> 4)) & 0x00FF00FF00FF00FFULL;
    x = (x | (x >> 8)) & 0x0000FFFF0000FFFFULL;
    x = (x | (x >> 16)) & 0x00000000FFFFFFFFULL;
    return x;
  };
  return pack(k.w[0]) | (pack(k.w[1]) << 32);
}
// Bits of `a` not in `b`: at 64 bits when `a` came from a format 1/2 record (at 128 bits a key
// of `b` sets one bit of the pair that `a`'s widened bit stands for, and the other would count).
uint32_t bits_missing(const KeyBloom& a, const KeyBloom& b, bool at_64) {
  if (at_64) return static_cast<uint32_t>(std::popcount(narrow(a) & ~narrow(b)));
  return static_cast<uint32_t>(std::popcount(a.w[0] & ~b.w[0]) + std::popcount(a.w[1] & ~b.w[1]));
}
uint32_t bits_set(const KeyBloom& a, bool at_64) { return bits_missing(a, KeyBloom{}, at_64); }

// t - d without overflow: times come from stories, Kafka timestamps and changelog records, any of
// which a producer can set to the ends of the int64 range (found by fuzz/changelog_fuzz).
int64_t time_minus(int64_t t, int64_t d) {
  return t < std::numeric_limits<int64_t>::min() + d ? std::numeric_limits<int64_t>::min() : t - d;
}

int64_t time_plus(int64_t t, int64_t d) {
  return t > std::numeric_limits<int64_t>::max() - d ? std::numeric_limits<int64_t>::max() : t + d;
}

uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return fmix64(h ^ s.size());
}

inline uint16_t quantize(uint32_t v, uint32_t tau) {
  return static_cast<uint16_t>((static_cast<uint64_t>(v) << 16) / (static_cast<uint64_t>(tau) + 1));
}

// The smallest v with quantize(v, tau) >= q, where d = tau + 1 (q <= 65536, so q * d < 2^49).
inline uint64_t quantum_start(uint32_t q, uint64_t d) {
  return (static_cast<uint64_t>(q) * d + 65535) >> 16;
}

// Indexed hashes are the smallest of each story, so they crowd the bottom of the 32-bit range:
// re-mix before placing them or they would all pile into the first slots of the table.
inline uint64_t cand_home(uint32_t v) { return fmix64(static_cast<uint64_t>(v) | (1ULL << 40)); }

inline size_t range_of(uint64_t h, size_t n) {
  return static_cast<size_t>(((h >> 32) * static_cast<uint64_t>(n)) >> 32);
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t parse_version(std::string_view v) {
  if (v.empty() || v.size() > 9) return -1;
  int64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The compact per-story record: 144 bytes (the static_assert below keeps it there).
struct Entry {
  int64_t time_ms = 0;
  uint64_t arena_pos = 0;  // own URI, then the family root URI when different
  KeyBloom key_bloom;
  KeyBloom number_bloom;  // the numbers among the keys; unknown for kFlagFormat1
  uint32_t exact32 = 0;   // the exact hash's low half...
  uint32_t exact_hi = 0;  // ...and its high half (the exact-text table's key)
  uint32_t tau = 0;       // the sketch holds every shingle hash <= tau
  int32_t version_num = -1;
  uint32_t lead_key = 0;                // hash of the story's opening words (0: none)
  uint32_t head[kHead] = {};            // smallest hashes, in full (indexed)
  uint16_t tail[kSketch - kHead] = {};  // the next ones, quantized relative to tau
  uint16_t uri_len = 0;
  uint16_t root_len = 0;
  uint16_t n_shingles = 0;
  uint8_t n_sample = 0;
  uint8_t n_keys = 0;
  uint8_t flags = 0;
};

static_assert(sizeof(Entry) == 144, "Entry grew: recheck the 400 MB / 1M stories budget");

Entry make_entry(const Fingerprint& fp) {
  Entry e;
  e.time_ms = fp.time_ms;
  e.key_bloom = fp.key_bloom;
  e.number_bloom = fp.number_bloom;
  e.exact32 = static_cast<uint32_t>(fp.exact_hash);
  e.exact_hi = static_cast<uint32_t>(fp.exact_hash >> 32);
  e.lead_key = fp.lead_key;
  const size_t n = std::min(kSketch, fp.sample.size());
  e.n_sample = static_cast<uint8_t>(n);
  e.tau = fp.sample.size() >= kSketch ? fp.sample[kSketch - 1] : fp.cutoff;
  for (size_t i = 0; i < n; ++i) {
    if (i < kHead) {
      e.head[i] = fp.sample[i];
    } else {
      e.tail[i - kHead] = quantize(fp.sample[i], e.tau);
    }
  }
  e.version_num = fp.version_num > std::numeric_limits<int32_t>::max()
                      ? std::numeric_limits<int32_t>::max()
                      : static_cast<int32_t>(fp.version_num);
  e.n_shingles = static_cast<uint16_t>(std::min<uint32_t>(fp.n_shingles, 65535));
  e.n_keys = static_cast<uint8_t>(std::min<size_t>(fp.keys.size(), 255));
  e.flags = fp.time_from_version_created ? kFlagVersionCreated : 0;
  return e;
}

// >0 when a is a newer version than b, <0 older, 0 the same (or not comparable).
int compare_versions(int64_t a_ver, bool a_vc, int64_t a_time, int64_t b_ver, bool b_vc,
                     int64_t b_time) {
  if (a_ver >= 0 && b_ver >= 0 && a_ver != b_ver) return a_ver > b_ver ? 1 : -1;
  if (a_vc && b_vc && a_time != b_time) return a_time > b_time ? 1 : -1;
  return 0;
}

int compare_versions(const Entry& a, const Entry& b) {
  return compare_versions(a.version_num, (a.flags & kFlagVersionCreated) != 0, a.time_ms,
                          b.version_num, (b.flags & kFlagVersionCreated) != 0, b.time_ms);
}

// URIs live in FIFO chunks: stories are evicted oldest first, so whole chunks free at once and
// no URI needs its own allocation.
class UriArena {
 public:
  static constexpr size_t kChunk = 1 << 18;
  static constexpr size_t kMaxUri = 4096;

  uint64_t append(std::string_view a, std::string_view b) {
    const size_t need = a.size() + b.size();
    if (end_ % kChunk + need > kChunk) end_ = (end_ / kChunk + 1) * kChunk;
    const uint64_t idx = end_ / kChunk;
    while (first_ + chunks_.size() <= idx) chunks_.emplace_back(new char[kChunk]);
    char* p = chunks_[idx - first_].get() + end_ % kChunk;
    if (!a.empty()) std::memcpy(p, a.data(), a.size());
    if (!b.empty()) std::memcpy(p + a.size(), b.data(), b.size());
    const uint64_t pos = end_;
    end_ += need;
    return pos;
  }
  [[nodiscard]] const char* at(uint64_t pos) const {
    return chunks_[pos / kChunk - first_].get() + pos % kChunk;
  }
  void release_before(uint64_t pos) {
    while (!chunks_.empty() && (first_ + 1) * kChunk <= pos) {
      chunks_.pop_front();
      ++first_;
    }
  }
  [[nodiscard]] uint64_t end() const { return end_; }
  [[nodiscard]] size_t bytes() const { return chunks_.size() * kChunk; }

 private:
  std::deque<std::unique_ptr<char[]>> chunks_;
  uint64_t first_ = 0;  // chunk number of chunks_.front()
  uint64_t end_ = 0;
};

}  // namespace

void Fingerprint::clear() {
  uri.clear();
  version.clear();
  time_ms = 0;
  time_from_version_created = false;
  version_num = -1;
  uri_hash = 0;
  exact_hash = 0;
  n_shingles = 0;
  cutoff = 0;
  sample.clear();
  keys.clear();
  key_bloom.clear();
  number_bloom.clear();
  n_numbers = 0;
  lead_key = 0;
}

int64_t parse_iso8601_ms(std::string_view s) {
  size_t i = 0;
  auto num = [&](size_t digits, int64_t& out) {
    if (i + digits > s.size()) return false;
    out = 0;
    for (size_t k = 0; k < digits; ++k) {
      const char c = s[i + k];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    i += digits;
    return true;
  };
  auto lit = [&](char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  if (!num(4, y) || !lit('-') || !num(2, mo) || !lit('-') || !num(2, d)) return -1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return -1;
  int64_t offset_min = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!num(2, h) || !lit(':') || !num(2, mi)) return -1;
    if (lit(':')) {
      if (!num(2, sec)) return -1;
      if (lit('.') || lit(',')) {
        int64_t scale = 100;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
          ms += (s[i] - '0') * scale;
          scale /= 10;
          ++i;
        }
      }
    }
    if (lit('Z') || lit('z')) {
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      const int sign = s[i] == '-' ? -1 : 1;
      ++i;
      int64_t oh = 0, om = 0;
      if (!num(2, oh)) return -1;
      lit(':');
      if (i < s.size() && !num(2, om)) return -1;
      offset_min = sign * (oh * 60 + om);
    }
  }
  if (i != s.size() || h > 23 || mi > 59 || sec > 60) return -1;
  const int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi - offset_min) * 60000 + sec * 1000 + ms;
}

Fingerprinter::Fingerprinter(const DedupConfig& cfg)
    : Fingerprinter(cfg, std::shared_ptr<const BoilerplatePatterns>(
                             &BoilerplatePatterns::builtin(), [](const BoilerplatePatterns*) {})) {}

Fingerprinter::Fingerprinter(const DedupConfig& /*cfg*/,
                             std::shared_ptr<const BoilerplatePatterns> patterns)
    : patterns_(std::move(patterns)) {}

void Fingerprinter::fingerprint(const Story& story, const CreditResult& credits, int64_t arrival_ms,
                                Fingerprint& out) const {
  // Per-thread scratch keeps the hot path allocation-free once warmed up.
  thread_local NormalizedText norm;
  normalize(story, credits, norm);
  fingerprint(story, norm, arrival_ms, out);
}

void Fingerprinter::normalize(const Story& story, const CreditResult& credits,
                              NormalizedText& out) const {
  normalize_story(story.headline, story.body, credits, *patterns_, out);
}

namespace {

// A shingle of tokens (a, b, c) hashes as fmix64(a ^ rotl(b, 23) * kShingleMid ^ rotl(c, 46) *
// kShingleNext), the low 32 bits kept.
constexpr uint64_t kShingleMid = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kShingleNext = 0xc2b2ae3d27d4eb4fULL;

#if defined(__x86_64__)
// The shingle loop of Fingerprinter::fingerprint() 8 shingles at a time, in 64-bit lanes (vpmullq,
// AVX-512 DQ): hashes shingles [0, m) of the n, m the largest multiple of 8 <= n, appends those
// at or below `cutoff` to kp[k..] in order (writing up to 8 entries past them: the caller's buffer
// holds n + 1) and returns m; the caller's scalar loop does the rest.
// Alternating runs against the scalar loop alone: BM_Fingerprint faster in 9 of 12 pairs,
// BM_Analyzer in 6 of 6 (medians 22.98 -> 22.35 us). (A version tried on 2026-11-30, when this
// was the only 64-bit lane multiply of the story's path, measured slower: see core/simd.h.)
#pragma GCC diagnostic push
// GCC 12 reports the masked intrinsics' undefined pass-through operands.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,bmi,bmi2"))) size_t lane_shingles(
    const uint64_t* tp, size_t n, uint32_t cutoff, uint32_t* kp, size_t& k) {
  const __m512i kMid = _mm512_set1_epi64(static_cast<int64_t>(kShingleMid));
  const __m512i kNext = _mm512_set1_epi64(static_cast<int64_t>(kShingleNext));
  const __m512i kM1 = _mm512_set1_epi64(static_cast<int64_t>(kFmixMul1));
  const __m512i kM2 = _mm512_set1_epi64(static_cast<int64_t>(kFmixMul2));
  const __m256i kCut = _mm256_set1_epi32(static_cast<int>(cutoff));
  size_t i = 0;
  size_t kk = k;
  for (; i + 8 <= n; i += 8) {
    const __m512i a = _mm512_loadu_si512(tp + i);
    const __m512i b = _mm512_loadu_si512(tp + i + 1);
    const __m512i c = _mm512_loadu_si512(tp + i + 2);
    __m512i s = _mm512_xor_si512(a, _mm512_mullo_epi64(_mm512_rol_epi64(b, 23), kMid));
    s = _mm512_xor_si512(s, _mm512_mullo_epi64(_mm512_rol_epi64(c, 46), kNext));
    s = _mm512_xor_si512(s, _mm512_srli_epi64(s, 33));
    s = _mm512_mullo_epi64(s, kM1);
    s = _mm512_xor_si512(s, _mm512_srli_epi64(s, 33));
    s = _mm512_mullo_epi64(s, kM2);
    s = _mm512_xor_si512(s, _mm512_srli_epi64(s, 33));
    const __m256i v = _mm512_cvtepi64_epi32(s);  // the low 32 bits, as the scalar cast
    const __mmask8 keep = _mm256_cmple_epu32_mask(v, kCut);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(kp + kk), _mm256_maskz_compress_epi32(keep, v));
    kk += static_cast<size_t>(std::popcount(static_cast<unsigned>(keep)));
  }
  k = kk;
  return i;
}
#pragma GCC diagnostic pop
#endif

}  // namespace

void Fingerprinter::fingerprint(const Story& story, const NormalizedText& norm, int64_t arrival_ms,
                                Fingerprint& out) const {
  out.clear();
  out.uri = story.uri;
  out.version = story.version;
  out.uri_hash = hash_bytes(story.uri);
  out.version_num = parse_version(story.version);
  const int64_t vc = story.version_created.empty() ? -1 : parse_iso8601_ms(story.version_created);
  out.time_from_version_created = vc >= 0;
  out.time_ms = vc >= 0 ? vc : arrival_ms;

  out.exact_hash = norm.full_hash;
  // A headline-only story is still worth matching on its headline.
  const std::vector<uint64_t>* toks = norm.tokens.empty() ? &norm.headline_tokens : &norm.tokens;
  const auto& t = *toks;

  const size_t n = t.empty() ? 0 : (t.size() < 3 ? 1 : t.size() - 2);
  out.n_shingles = static_cast<uint32_t>(n);
  out.cutoff = n <= kSampleTarget ? std::numeric_limits<uint32_t>::max()
                                  : static_cast<uint32_t>((kSampleTarget << 32) / n);
  out.sample.reserve(2 * kSampleTarget);
  if (t.size() < 3) {
    if (n != 0) {
      const uint64_t s = t[0] ^ (t.size() == 2 ? std::rotl(t[1], 23) * kShingleMid : 0);
      const auto v = static_cast<uint32_t>(fmix64(s));
      if (v <= out.cutoff) out.sample.push_back(v);
    }
  } else {
    // Each token's two rotated products are computed once, when it enters the 3-token window.
    // About one shingle in five is kept, at random: a branch on it mispredicted often enough to
    // cost more than writing every hash and advancing the end only past the kept ones.
    const uint64_t* tp = t.data();
    const uint32_t cutoff = out.cutoff;
    thread_local std::vector<uint32_t> kept;
    if (kept.size() < n + 1) kept.resize(n + 1);
    uint32_t* const kp = kept.data();
    size_t k = 0;
    size_t i = 0;
#if defined(__x86_64__)
    if (avx512_icl_enabled()) i = lane_shingles(tp, n, cutoff, kp, k);
#endif
    uint64_t mid = std::rotl(tp[i + 1], 23) * kShingleMid;
    for (; i < n; ++i) {
      const uint64_t next = tp[i + 2];
      const uint64_t s = tp[i] ^ mid ^ (std::rotl(next, 46) * kShingleNext);
      mid = std::rotl(next, 23) * kShingleMid;
      const auto v = static_cast<uint32_t>(fmix64(s));
      kp[k] = v;
      k += v <= cutoff;
    }
    out.sample.assign(kp, kp + k);
  }
  // Abridged versions keep a story's opening, and its hashes need not be among the indexed
  // smallest ones: the opening words get their own index key.
  if (t.size() >= kLeadTokens) {
    uint64_t lead = 0x2545f4914f6cdd1dULL;
    for (size_t i = 0; i < kLeadTokens; ++i) lead = fmix64(lead ^ t[i]) + i;
    out.lead_key = static_cast<uint32_t>(lead) | 1;  // never 0, which means "none"
  }
  sort_unique_hashes(out.sample, out.cutoff);

  for (uint64_t k : norm.key_tokens) out.keys.push_back(static_cast<uint32_t>(k));
  sort_unique_hashes(out.keys, std::numeric_limits<uint32_t>::max());
  for (uint32_t k : out.keys) {
    out.key_bloom.add(k);
    if ((k & 1) != 0) {  // a number (normalize.h)
      out.number_bloom.add(k);
      ++out.n_numbers;
    }
  }
}

// ---------------------------------------------------------------------------------------------

namespace {

// A hash table's slots, zero-filled (an all-zero slot is empty). A table of 1 MB or more is
// mapped straight from the kernel, which hands out zero pages as they are first touched: a new
// table costs nothing up front. (Allocating and filling the new table was what was left of the
// stall when a table grew: 12.6 ms for the candidate table at 500k stories.)
template <typename T>
class ZeroArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ZeroArray() = default;
  ZeroArray(const ZeroArray&) = delete;
  ZeroArray& operator=(const ZeroArray&) = delete;
  ~ZeroArray() { release(); }
  // n zeroed elements; the previous contents are freed.
  void reset(size_t n) {
    release();
    if (n == 0) return;
    const size_t bytes = n * sizeof(T);
    if (bytes >= kMapBytes) {
      void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) throw std::bad_alloc();
      p_ = static_cast<T*>(p);
      mapped_ = true;
    } else {
      p_ = static_cast<T*>(std::calloc(n, sizeof(T)));
      if (p_ == nullptr) throw std::bad_alloc();
      mapped_ = false;
    }
    n_ = n;
  }
  void clear() { release(); }
  void swap(ZeroArray& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    std::swap(mapped_, o.mapped_);
  }
  [[nodiscard]] size_t size() const { return n_; }
  [[nodiscard]] bool empty() const { return n_ == 0; }
  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }

 private:
  static constexpr size_t kMapBytes = size_t{1} << 20;
  void release() {
    if (p_ == nullptr) return;
    if (mapped_) {
      munmap(p_, n_ * sizeof(T));
    } else {
      std::free(p_);
    }
    p_ = nullptr;
    n_ = 0;
  }
  T* p_ = nullptr;
  size_t n_ = 0;
  bool mapped_ = false;
};

}  // namespace

struct DedupIndex::Impl {
  explicit Impl(DedupConfig c)
      : cfg(std::move(c)), clock_jump_ms(std::max<int64_t>(cfg.window_ms / 2, 1)) {
    build_need_tables();
  }

  struct Slot {
    uint32_t v;
    uint32_t seq;
  };
  struct Score {
    bool near = false;
    double similarity = 0.0;
  };

  DedupConfig cfg;
  // Half a window: how far ahead of the window's clock a story is "far ahead" (advance_clock()).
  int64_t clock_jump_ms;
  std::deque<Entry> entries;
  size_t live_count = 0;  // entries.size(), kept apart: deque::size() is arithmetic on every probe
  uint64_t head_seq = 1;  // seq of entries.front(); 0 is kEmpty
  // The window's clock: the newest story time seen, except that a story dated far ahead of it
  // (more than half a window) moves it only when kClockJumpRun such stories come in a row. One
  // story dated a year ahead (a typo in versionCreated) would otherwise evict the whole window at
  // once, and its entry, which never ages, would stop eviction by time behind it for good.
  int64_t max_time = DedupIndex::kNoClock;
  // False until a second story lands within half a window of the clock: a first story (of the
  // index, or after a restore) may itself be the one dated far off, so until then the clock goes
  // to whichever story is far from it, back or ahead.
  bool clock_confirmed = false;
  uint32_t ahead_run = 0;  // stories in a row dated more than half a window ahead of the clock
  int64_t ahead_min = 0;   // the earliest of them: where the clock goes when the run confirms
  int64_t eviction_limit = DedupIndex::kNoEvictionLimit;  // set_eviction_limit()
  UriArena arena;
  ZeroArray<Slot> uri_slots;  // (URI hash tag, seq of its newest entry); open addressing
  size_t uri_used = 0;
  // (high half of the exact hash, seq of the newest entry with that text); open addressing. Exact
  // copies under another URI are found here whatever their shingles: a story made of stock
  // phrases has no indexed sketch hash left to be found by.
  ZeroArray<Slot> exact_slots;
  size_t exact_used = 0;
  ZeroArray<Slot> cand_slots;  // (shingle hash, seq) multimap; open addressing
  size_t cand_used = 0;
  // Growing a table is incremental: rehashing a table in one go stalled the story that crossed
  // its load limit (and every story queued behind it in the daemon) for 35 ms at 100k stories,
  // 300 ms at 500k and about 60 ms every ~100k stories once a 150k window was full (dead slots
  // are only cleared by a rehash). Instead the full table becomes `old`, read-only; evict(), the
  // first step of every insert, moves kMigrateSlots of its slots per story into the current
  // table, in index order. Slots of `old` below `moved` are already moved; at and above it they
  // are still live there, so a lookup looks in both. Every key is in exactly one of the two.
  struct Migration {
    ZeroArray<Slot> old;
    size_t moved = 0;
    [[nodiscard]] bool active() const { return !old.empty(); }
    void end() {
      old.clear();
      moved = 0;
    }
  };
  Migration uri_mig, exact_mig, cand_mig;
  // Moves up to n slots of m.old (the rest when n is SIZE_MAX) with place(slot).
  template <typename Place>
  void migrate(Migration& m, size_t n, Place place) {
    if (!m.active()) return;
    const size_t end = n >= m.old.size() - m.moved ? m.old.size() : m.moved + n;
    max_moved = std::max(max_moved, end - m.moved);
    for (size_t p = m.moved; p < end; ++p) {
      const Slot& s = m.old[p];
      if (s.seq != kEmpty && alive(s.seq)) place(s);
    }
    m.moved = end;
    if (end == m.old.size()) m.end();
  }
  // Makes `table` a fresh one of `size` slots and its previous contents m.old. A migration still
  // running is finished first by the caller (rare: kMigrateSlots keeps ahead of the load limit).
  static void start_migration(ZeroArray<Slot>& table, Migration& m, size_t& used, size_t size) {
    m.old.swap(table);
    m.moved = 0;
    table.reset(size);
    used = 0;
  }
  size_t max_moved = 0;           // the most slots one migrate() call moved
  uint64_t stories_inserted = 0;  // for the mean number of postings per story (sizing)
  uint64_t postings_inserted = 0;
  std::vector<uint32_t> hits;     // candidate seqs, one per probe that found them
  std::vector<uint32_t> scratch;  // distinct candidates, oldest first
  std::vector<uint32_t> counts;   // hits per scratch entry
  std::vector<uint32_t> order;    // indices into scratch of the candidates to re-score

  [[nodiscard]] bool alive(uint32_t seq) const {
    return static_cast<uint32_t>(seq - static_cast<uint32_t>(head_seq)) < live_count;
  }
  Entry& at(uint32_t seq) {
    return entries[static_cast<uint32_t>(seq - static_cast<uint32_t>(head_seq))];
  }
  [[nodiscard]] std::string_view uri_of(const Entry& e) const {
    return {arena.at(e.arena_pos), e.uri_len};
  }
  [[nodiscard]] std::string_view root_of(const Entry& e) const {
    return e.root_len == 0 ? uri_of(e)
                           : std::string_view(arena.at(e.arena_pos) + e.uri_len, e.root_len);
  }

  // --- URI table ---
  // The slot holding the live entry with this URI, in `slots` at or above `from` (nullptr: none).
  Slot* uri_find_in(ZeroArray<Slot>& slots, size_t from, std::string_view uri, uint64_t h) {
    if (slots.empty()) return nullptr;
    const auto tag = static_cast<uint32_t>(h);
    size_t p = range_of(h, slots.size());
    for (;;) {
      Slot& s = slots[p];
      if (s.seq == kEmpty) return nullptr;
      // The tag spares a visit to the entry and its URI for all but true matches.
      if (s.v == tag && p >= from && alive(s.seq)) {
        const Entry& e = at(s.seq);
        if (e.uri_len == uri.size() &&
            std::memcmp(arena.at(e.arena_pos), uri.data(), uri.size()) == 0) {
          return &s;
        }
      }
      if (++p == slots.size()) p = 0;
    }
  }
  Slot* uri_find(std::string_view uri, uint64_t h) {
    if (Slot* s = uri_find_in(uri_slots, 0, uri, h)) return s;
    return uri_mig.active() ? uri_find_in(uri_mig.old, uri_mig.moved, uri, h) : nullptr;
  }
  void uri_place(ZeroArray<Slot>& slots, uint64_t h, uint32_t seq, size_t& used) {
    size_t p = range_of(h, slots.size());
    for (;;) {
      Slot& s = slots[p];
      if (s.seq == kEmpty) ++used;
      if (s.seq == kEmpty || !alive(s.seq)) {
        s = Slot{static_cast<uint32_t>(h), seq};
        return;
      }
      if (++p == slots.size()) p = 0;
    }
  }
  void uri_migrate(size_t n) {
    migrate(uri_mig, n, [&](const Slot& s) {
      uri_place(uri_slots, hash_bytes(uri_of(at(s.seq))), s.seq, uri_used);
    });
  }
  // `found` is uri_find()'s answer when the caller already has it.
  void uri_set(std::string_view uri, uint64_t h, uint32_t seq, Slot* found) {
    if (uri_slots.empty() || (uri_used + 1) * 4 > uri_slots.size() * 3) {
      uri_migrate(SIZE_MAX);
      start_migration(uri_slots, uri_mig, uri_used, std::max<size_t>(1024, entries.size() * 2));
      found = uri_find(uri, h);
    }
    if (found != nullptr) {
      found->seq = seq;  // in place, in whichever table holds it
    } else {
      uri_place(uri_slots, h, seq, uri_used);
    }
  }

  // --- exact-text table ---
  [[nodiscard]] static size_t exact_home(uint32_t hi, uint32_t lo, size_t n) {
    return range_of(fmix64((static_cast<uint64_t>(hi) << 32) | lo), n);
  }
  // The slot of the live entry whose exact hash is (hi, lo), in `slots` at or above `from`.
  Slot* exact_find_in(ZeroArray<Slot>& slots, size_t from, uint32_t hi, uint32_t lo) {
    if (slots.empty()) return nullptr;
    size_t p = exact_home(hi, lo, slots.size());
    for (;;) {
      Slot& s = slots[p];
      if (s.seq == kEmpty) return nullptr;
      if (s.v == hi && p >= from && alive(s.seq) && at(s.seq).exact32 == lo) return &s;
      if (++p == slots.size()) p = 0;
    }
  }
  Slot* exact_find(uint32_t hi, uint32_t lo) {
    if (Slot* s = exact_find_in(exact_slots, 0, hi, lo)) return s;
    return exact_mig.active() ? exact_find_in(exact_mig.old, exact_mig.moved, hi, lo) : nullptr;
  }
  void exact_place(ZeroArray<Slot>& slots, uint32_t hi, uint32_t lo, uint32_t seq, size_t& used) {
    size_t p = exact_home(hi, lo, slots.size());
    for (;;) {
      Slot& s = slots[p];
      if (s.seq == kEmpty) ++used;
      if (s.seq == kEmpty || !alive(s.seq)) {
        s = Slot{hi, seq};
        return;
      }
      if (++p == slots.size()) p = 0;
    }
  }
  void exact_migrate(size_t n) {
    migrate(exact_mig, n, [&](const Slot& s) {
      exact_place(exact_slots, s.v, at(s.seq).exact32, s.seq, exact_used);
    });
  }
  void exact_set(const Entry& e, uint32_t seq) {
    if ((e.flags & kFlagFormat1) != 0) return;
    if (exact_slots.empty() || (exact_used + 1) * 4 > exact_slots.size() * 3) {
      exact_migrate(SIZE_MAX);
      start_migration(exact_slots, exact_mig, exact_used,
                      std::max<size_t>(1024, entries.size() * 2));
    }
    if (Slot* p = exact_find(e.exact_hi, e.exact32); p != nullptr) {
      p->seq = seq;
    } else {
      exact_place(exact_slots, e.exact_hi, e.exact32, seq, exact_used);
    }
  }

  // --- candidate index ---
  // Robin Hood linear probing: along a run, slots are ordered by home position, so a lookup stops
  // at the first slot whose home lies past its own instead of walking to the next empty slot.
  // Runs here are long (up to kMaxPostings equal keys per stock phrase, dead postings until the
  // next rehash): walking them whole cost ~75 slots per probe on the bench corpus.
  [[nodiscard]] static size_t cand_home_slot(uint32_t v, size_t n) {
    return range_of(cand_home(v), n);
  }
  // Distance of slot p from the home of the key it holds.
  [[nodiscard]] static size_t cand_dist(size_t p, uint32_t v, size_t n) {
    const size_t h = cand_home_slot(v, n);
    return p >= h ? p - h : p + n - h;
  }
  // Places x; `dead_ok`: a dead posting met where x may go is overwritten instead of shifted.
  void cand_place(ZeroArray<Slot>& slots, Slot x, size_t& used, bool dead_ok) {
    const size_t n = slots.size();
    size_t p = cand_home_slot(x.v, n);
    size_t dist = 0;
    for (;;) {
      Slot& s = slots[p];
      if (s.seq == kEmpty) {
        s = x;
        ++used;
        return;
      }
      const size_t sd = s.v == x.v ? dist : cand_dist(p, s.v, n);
      if (sd <= dist && dead_ok && !alive(s.seq)) {
        // Homes before p are <= x's and from p on >= s's >= x's: the order holds.
        s = x;
        return;
      }
      if (sd < dist) {
        std::swap(s, x);
        dist = sd;
      }
      if (++p == n) p = 0;
      ++dist;
    }
  }
  void cand_migrate(size_t n) {
    migrate(cand_mig, n, [&](const Slot& s) { cand_place(cand_slots, s, cand_used, false); });
  }
  void cand_insert(uint32_t v, uint32_t seq) {
    if (cand_slots.empty() || (cand_used + 1) * 5 > cand_slots.size() * 4) {
      cand_migrate(SIZE_MAX);
      // Sized for the live postings, estimated from the live stories and the mean postings per
      // story (counting them would walk the whole table: the stall this avoids).
      const auto live =
          static_cast<size_t>(static_cast<double>(live_count) *
                              (stories_inserted == 0 ? kHead
                                                     : static_cast<double>(postings_inserted) /
                                                           static_cast<double>(stories_inserted)));
      start_migration(cand_slots, cand_mig, cand_used,
                      std::max<size_t>(4096, (live + kHead) * 16 / 10));
    }
    // A shingle already posted for many live stories is a stock phrase ("said in a statement"):
    // it finds nothing useful and would grow one probe run without bound, so it is not posted.
    if (cand_postings(v) >= kMaxPostings) return;
    cand_place(cand_slots, Slot{v, seq}, cand_used, true);
  }
  // Calls f(seq) for every live story posted under v in `slots` at or above `from`.
  template <typename F>
  void cand_for_each_in(const ZeroArray<Slot>& slots, size_t from, uint32_t v, F&& f) const {
    const size_t n = slots.size();
    if (n == 0) return;
    size_t p = cand_home_slot(v, n);
    for (size_t dist = 0;; ++dist) {
      const Slot& s = slots[p];
      if (s.seq == kEmpty) return;
      if (s.v == v) {
        if (p >= from && alive(s.seq)) f(s.seq);
      } else if (cand_dist(p, s.v, n) < dist) {
        return;  // past every slot v could be in
      }
      if (++p == n) p = 0;
    }
  }
  // Calls f(seq) for every live story posted under v.
  template <typename F>
  void cand_for_each(uint32_t v, F&& f) const {
    cand_for_each_in(cand_slots, 0, v, f);
    if (cand_mig.active()) cand_for_each_in(cand_mig.old, cand_mig.moved, v, f);
  }
  [[nodiscard]] size_t cand_postings(uint32_t v) const {
    size_t count = 0;
    cand_for_each(v, [&](uint32_t) { ++count; });
    return count;
  }
  // Adds the live stories posted under v to `hits`, counting how many probes found each.
  void cand_lookup(uint32_t v) {
    const size_t mark = hits.size();
    cand_for_each(v, [&](uint32_t seq) { hits.push_back(seq); });
    if (hits.size() - mark >= kMaxPostings) hits.resize(mark);  // a stock phrase: no evidence
  }

  // --- window ---
  void advance_clock(int64_t t) {
    if (max_time == DedupIndex::kNoClock) {
      max_time = t;
      return;
    }
    const bool far_ahead = t > time_plus(max_time, clock_jump_ms);
    const bool far_behind = t < time_minus(max_time, clock_jump_ms);
    if (!far_ahead) {
      ahead_run = 0;
      if (!far_behind) {
        max_time = std::max(max_time, t);
        clock_confirmed = true;
      } else if (!clock_confirmed) {
        max_time = t;
      }
      return;
    }
    if (!clock_confirmed) {
      max_time = t;
      return;
    }
    ahead_min = ahead_run == 0 ? t : std::min(ahead_min, t);
    if (++ahead_run == kClockJumpRun) {  // not one odd story: the feed's time has moved on
      max_time = ahead_min;
      ahead_run = 0;
    }
  }
  void evict(int64_t time_ms) {
    advance_clock(time_ms);
    const int64_t horizon = time_minus(std::min(max_time, eviction_limit), cfg.window_ms);
    // An entry dated far ahead of the clock leaves when it reaches the front, that is with the
    // stories stored around it: by its own date it would never leave, and nothing behind it either.
    const int64_t far_ahead = time_plus(max_time, clock_jump_ms);
    while (!entries.empty() &&
           (entries.size() >= cfg.max_stories || entries.front().time_ms < horizon ||
            entries.front().time_ms > far_ahead)) {
      entries.pop_front();
      live_count = entries.size();
      ++head_seq;
    }
    arena.release_before(entries.empty() ? arena.end() : entries.front().arena_pos);
    // A story's share of any table growth under way (see Migration). Before the lookups, so that
    // no slot pointer is held while slots move.
    uri_migrate(kMigrateSlots);
    exact_migrate(kMigrateSlots);
    cand_migrate(kMigrateCandSlots);
  }

  void insert(Entry e, std::string_view uri, std::string_view root, uint64_t uri_hash,
              Slot* found) {
    if (uri.size() > UriArena::kMaxUri) {
      uri = uri.substr(0, UriArena::kMaxUri);
      uri_hash = hash_bytes(uri);
      found = uri_find(uri, uri_hash);
    }
    root = root == uri ? std::string_view{} : root.substr(0, UriArena::kMaxUri);
    // Family-aware posting: a hash the family already has posted (its root, or for a new version
    // the previous one) is not posted again. A syndicated story's edited copies would otherwise
    // post the same hashes once per copy, and at kMaxPostings the hash counts as a stock phrase and
    // finds nothing: the 24th edited copy of one story was called unique. A family member more
    // than half a window older than the story does not count, so that a long-lived family is
    // re-posted before its first members leave the window.
    uint32_t fam_head[kIndexedHead] = {};
    size_t fam_n = 0;
    uint32_t fam_lead = 0;
    {
      const Slot* fs = !root.empty() ? uri_find(root, hash_bytes(root)) : found;
      if (fs != nullptr) {
        const Entry& f = at(fs->seq);
        if (f.time_ms >= time_minus(e.time_ms, cfg.window_ms / 2)) {
          fam_n = std::min<size_t>(kIndexedHead, f.n_sample);
          std::copy(f.head, f.head + fam_n, fam_head);
          fam_lead = f.lead_key;
        }
      }
    }
    e.uri_len = static_cast<uint16_t>(uri.size());
    e.root_len = static_cast<uint16_t>(root.size());
    e.arena_pos = arena.append(uri, root);
    const auto seq = static_cast<uint32_t>(head_seq + entries.size());
    entries.push_back(e);
    live_count = entries.size();
    if (seq == kEmpty) return;  // the sentinel value: once in 2^32 stories, left unindexed
    uri_set(uri, uri_hash, seq, found);
    exact_set(e, seq);
    ++stories_inserted;
    for (size_t i = 0; i < std::min<size_t>(kIndexedHead, e.n_sample); ++i) {
      if (std::find(fam_head, fam_head + fam_n, e.head[i]) == fam_head + fam_n) {
        cand_insert(e.head[i], seq);
        ++postings_inserted;
      }
    }
    if (e.lead_key != 0 && e.lead_key != fam_lead) {
      cand_insert(e.lead_key, seq);
      ++postings_inserted;
    }
  }

  // --- the fewest matches that make a pair similar ---
  // score() needs, per candidate, the smallest m with similar_at(m); a binary search cost ~10
  // floating-point divisions per candidate. similar_at(m) is jaccard_ok(m) || contain_ok(m), both
  // monotonic in m, so that m is the smaller of the two predicates' own first m, which depend only
  // on na + nb and on n_small: tabled once, with the same expressions.
  static constexpr size_t kNeedTable = 1024;
  static constexpr uint16_t kNever = 0xFFFF;
  std::vector<uint16_t> need_jaccard;  // by na + nb: first m in [0, (na + nb) / 2], else kNever
  std::vector<uint16_t> need_contain;  // by n_small: first m in [0, n_small], else kNever
  // The first m in [lo, hi] where the monotonic `ok` holds (hi + 1 if none), walking from a
  // guess: a few evaluations each, so that building the tables costs microseconds per index.
  template <typename Ok>
  static size_t first_true(Ok ok, size_t lo, size_t hi, double guess) {
    size_t m = lo;
    if (guess > static_cast<double>(lo) && guess <= static_cast<double>(hi)) {
      m = static_cast<size_t>(guess);
    }
    while (m > lo && ok(m - 1)) --m;
    while (m <= hi && !ok(m)) ++m;
    return m;
  }
  void build_need_tables() {
    need_jaccard.assign(kNeedTable, kNever);
    need_contain.assign(kNeedTable, kNever);
    const double tj = cfg.near_duplicate_threshold;
    const double tc = cfg.containment_threshold;
    for (size_t u = 1; u < kNeedTable; ++u) {
      const size_t m = first_true(
          [&](size_t mm) { return static_cast<double>(mm) / static_cast<double>(u - mm) >= tj; }, 0,
          u / 2, tj * static_cast<double>(u) / (1.0 + tj));
      if (m <= u / 2) need_jaccard[u] = static_cast<uint16_t>(m);
    }
    for (size_t ns = kMinContainSamples; ns < kNeedTable; ++ns) {
      const size_t m = first_true(
          [&](size_t mm) { return static_cast<double>(mm) / static_cast<double>(ns) >= tc; }, 0, ns,
          tc * static_cast<double>(ns));
      if (m <= ns) need_contain[ns] = static_cast<uint16_t>(m);
    }
  }

  // need_similarity = false: only a near verdict matters, similarity is unspecified otherwise.
  //
  // Compares fp's sample with e's bottom-k sketch over the hashes both hold in full: those <= t.
  // e's head hashes are exact and match by equality; its tail hashes are quantized relative to
  // e.tau and match a value of fp in the same quantum. Runs for every candidate of every story
  // (~40 on the bench corpus), so it avoids divisions in the loop and gives up as soon as even a
  // match for every remaining value could not make the pair similar.
  Score score(const Fingerprint& fp, const Entry& e, bool need_similarity = true) const {
    Score r;
    const bool a_small = fp.n_shingles <= e.n_shingles;
    if (!need_similarity && bloom_veto(fp, e, a_small)) return r;
    const uint32_t t = std::min(fp.cutoff, e.tau);
    const size_t n_head = std::min<size_t>(kHead, e.n_sample);
    size_t nh = 0;
    while (nh < n_head && e.head[nh] <= t) ++nh;
    size_t nb = nh;
    if (nh == kHead) {
      const uint16_t qt = quantize(t, e.tau);
      while (nb < e.n_sample && e.tail[nb - kHead] <= qt) ++nb;
    }
    // fp.sample is sorted: the values taking part are its first na.
    const size_t na = static_cast<size_t>(std::upper_bound(fp.sample.begin(), fp.sample.end(), t) -
                                          fp.sample.begin());
    if (na + nb == 0) return r;
    const size_t n_small = a_small ? na : nb;
    const auto similar_at = [&](size_t mm) {
      const double jac = static_cast<double>(mm) / static_cast<double>(na + nb - mm);
      const double contain =
          n_small == 0 ? 0.0 : static_cast<double>(mm) / static_cast<double>(n_small);
      return jac >= cfg.near_duplicate_threshold ||
             (n_small >= kMinContainSamples && contain >= cfg.containment_threshold);
    };
    // The fewest matches that make the pair similar (similar_at is monotonic in m); past the
    // largest possible m means never.
    const size_t m_max = std::min(na, nb);
    size_t need = m_max + 1;
    if (!need_similarity && na + nb < kNeedTable && n_small < kNeedTable) {
      need = std::min<size_t>({need, need_jaccard[na + nb], need_contain[n_small]});
      if (need > m_max) return r;
    } else if (!need_similarity) {
      size_t lo = 0;
      size_t hi = m_max + 1;
      while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (similar_at(mid)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      need = lo;
      if (need > m_max) return r;
    }
    const uint32_t* a = fp.sample.data();
    size_t m = 0;
    size_t i = 0;
    size_t j = 0;
    // Head: exact values.
    while (i < na && j < nh) {
      if (!need_similarity && m + std::min(na - i, nb - j) < need) return r;
      const uint32_t v = a[i];
      const uint32_t h = e.head[j];
      m += v == h;
      i += v <= h;
      j += h <= v;
    }
    // Tail: quantum [lo, hi) of each quantized value.
    if (j < nb && i < na) {
      const uint64_t d = static_cast<uint64_t>(e.tau) + 1;
      uint64_t lo = quantum_start(e.tail[j - kHead], d);
      uint64_t hi = quantum_start(e.tail[j - kHead] + 1u, d);
      while (i < na) {
        if (!need_similarity && m + std::min(na - i, nb - j) < need) return r;
        const uint32_t v = a[i];
        if (v >= hi) {
          if (++j == nb) break;
          lo = quantum_start(e.tail[j - kHead], d);
          hi = quantum_start(e.tail[j - kHead] + 1u, d);
          continue;
        }
        ++i;
        if (v >= lo) {
          ++m;
          if (++j == nb) break;
          lo = quantum_start(e.tail[j - kHead], d);
          hi = quantum_start(e.tail[j - kHead] + 1u, d);
        }
      }
    }
    const size_t uni = na + nb - m;
    if (uni == 0 || m == 0) return r;
    const double jac = static_cast<double>(m) / static_cast<double>(uni);
    const double contain =
        n_small == 0 ? 0.0 : static_cast<double>(m) / static_cast<double>(n_small);
    r.similarity = std::max(jac, n_small >= kMinContainSamples ? contain : 0.0);
    const bool similar = jac >= cfg.near_duplicate_threshold ||
                         (n_small >= kMinContainSamples && contain >= cfg.containment_threshold);
    if (!similar) return r;

    // Numbers and names of the shorter story must appear in the longer one. (When the entry is
    // the shorter one, bloom_veto() is this test, already passed when need_similarity is false.)
    if (a_small) {
      uint32_t missing = 0;
      uint32_t missing_numbers = 0;
      for (uint32_t k : fp.keys) {
        missing += !e.key_bloom.may_contain(k);
        missing_numbers += (k & 1) != 0 && !e.number_bloom.may_contain(k);
      }
      r.near =
          !veto(e, missing, missing_numbers, fp.n_numbers, static_cast<uint32_t>(fp.keys.size()));
    } else {
      r.near = need_similarity ? !bloom_veto(fp, e, false) : true;
    }
    return r;
  }

  // The key-token veto, from the counts of the shorter story's keys (and numbers among them) and
  // of those missing from the longer story.
  [[nodiscard]] bool veto(const Entry& e, uint32_t missing, uint32_t missing_numbers,
                          uint32_t numbers_small, uint32_t keys_small) const {
    // A format 1 story's numbers are unknown: they veto nothing, whichever side is shorter.
    if ((e.flags & kFlagFormat1) != 0) missing_numbers = 0;
    return (missing >= cfg.key_veto_min &&
            static_cast<double>(missing) >= cfg.key_veto_fraction * keys_small) ||
           (cfg.number_veto_min > 0 && missing_numbers >= cfg.number_veto_min) ||
           (missing_numbers > 0 &&
            static_cast<double>(missing_numbers) >= cfg.number_veto_fraction * numbers_small);
  }
  // The veto from the Bloom filters alone. When the entry is the shorter story this is the exact
  // test (the entry keeps only its filters). When the query is, its filter's bits missing from
  // the entry's are a lower bound of its keys missing there (each such bit stands for at least
  // one), and the veto only grows with them: a veto here is a veto of the exact test, at the cost
  // of a few popcounts instead of a walk over the query's keys. Most candidates end here: on the
  // bench corpus 98.6% of those re-scored share a stock phrase and differ in names and numbers.
  [[nodiscard]] bool bloom_veto(const Fingerprint& fp, const Entry& e, bool a_small) const {
    if (a_small) {
      return veto(e, bits_missing(fp.key_bloom, e.key_bloom, false),
                  bits_missing(fp.number_bloom, e.number_bloom, false), fp.n_numbers,
                  static_cast<uint32_t>(fp.keys.size()));
    }
    const bool at_64 = (e.flags & kFlagBloom64) != 0;
    return veto(e, bits_missing(e.key_bloom, fp.key_bloom, at_64),
                bits_missing(e.number_bloom, fp.number_bloom, at_64),
                bits_set(e.number_bloom, at_64), e.n_keys);
  }

  // `r` is overwritten; r.of keeps its capacity, so a flagged story costs no allocation.
  void check_and_insert(const Fingerprint& fp, DedupResult& r) {
    r.status = DedupStatus::kUnique;
    r.of.clear();
    r.similarity = 0.0;
    evict(fp.time_ms);
    const auto exact32 = static_cast<uint32_t>(fp.exact_hash);

    Slot* const up = uri_find(fp.uri, fp.uri_hash);
    if (up != nullptr) {
      const uint32_t seq = up->seq;
      const Entry& prev = at(seq);
      const int cmp =
          compare_versions(fp.version_num, fp.time_from_version_created, fp.time_ms,
                           prev.version_num, (prev.flags & kFlagVersionCreated) != 0, prev.time_ms);
      r.of.assign(root_of(prev));
      r.similarity = prev.exact32 == exact32 ? 1.0 : score(fp, prev).similarity;
      if (cmp > 0) {
        r.status = DedupStatus::kUpdate;
        insert(make_entry(fp), fp.uri, r.of, fp.uri_hash, up);
      } else {
        r.status = DedupStatus::kDuplicate;  // a resend, or an older version arriving late
        if (r.similarity == 0.0) r.similarity = 1.0;
      }
      return;
    }

    // The same text under another URI.
    const int64_t horizon = time_minus(fp.time_ms, cfg.window_ms);
    if (const Slot* xp = exact_find(static_cast<uint32_t>(fp.exact_hash >> 32), exact32);
        xp != nullptr && at(xp->seq).time_ms >= horizon) {
      r.status = DedupStatus::kDuplicate;
      r.similarity = 1.0;
      r.of.assign(root_of(at(xp->seq)));
      insert(make_entry(fp), fp.uri, r.of, fp.uri_hash, nullptr);
      return;
    }

    hits.clear();
    const size_t probes = std::min(kQueryProbes, fp.sample.size());
    // The probes land on unrelated cache lines of a table larger than the caches: ask for all of
    // them before walking the first.
    if (!cand_slots.empty()) {
      for (size_t i = 0; i < probes; ++i) {
        __builtin_prefetch(&cand_slots[range_of(cand_home(fp.sample[i]), cand_slots.size())]);
      }
      if (fp.lead_key != 0)
        __builtin_prefetch(&cand_slots[range_of(cand_home(fp.lead_key), cand_slots.size())]);
    }
    for (size_t i = 0; i < probes; ++i) cand_lookup(fp.sample[i]);
    if (fp.lead_key != 0) {
      // The same opening words count as two shared hashes: abridged versions and rewrites keep
      // the lede while their sketches share little (measured: recall 0.9978 -> 0.9996 on the
      // seed 21 dedup_eval stream, nothing else changed).
      const size_t mark = hits.size();
      cand_lookup(fp.lead_key);
      const size_t end = hits.size();
      for (size_t i = mark; i < end; ++i) hits.push_back(hits[i]);
    }
    // Most shared hashes first, then oldest first, so the cap keeps the likeliest candidates and
    // ties go to the earliest story whatever the hash order.
    // Sorted by age (seq - head_seq, below live_count: hits are live), in registers for the usual
    // 17-64 hits (std::sort with an age comparator was ~1.5% of `enrich`).
    const auto head = static_cast<uint32_t>(head_seq);
    for (uint32_t& h : hits) h -= head;
    if (!hits.empty()) sort_hashes(hits, static_cast<uint32_t>(live_count - 1));
    scratch.clear();
    counts.clear();
    for (size_t i = 0; i < hits.size();) {
      size_t j = i;
      while (j < hits.size() && hits[j] == hits[i]) ++j;
      scratch.push_back(hits[i] + head);
      counts.push_back(static_cast<uint32_t>(j - i));
      i = j;
    }
    order.resize(scratch.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    // Ties by position: the order a stable sort would give, without its temporary buffer (an
    // allocation per story).
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return counts[a] > counts[b] || (counts[a] == counts[b] && a < b);
    });
    if (order.size() > cfg.max_candidates) order.resize(cfg.max_candidates);
    std::sort(order.begin(), order.end());  // back to oldest first
    // Each candidate's entry (two cache lines) is a miss in an index larger than the caches:
    // request them all before scoring the first.
    for (uint32_t oi : order) {
      const char* ep = reinterpret_cast<const char*>(&at(scratch[oi]));
      __builtin_prefetch(ep);
      __builtin_prefetch(ep + 64);
    }
    uint32_t best = kEmpty;
    double best_sim = -1.0;
    bool best_exact = false;
    for (uint32_t oi : order) {
      const uint32_t seq = scratch[oi];
      const Entry& e = at(seq);
      if (e.time_ms < horizon) continue;
      if (e.exact32 == exact32) {
        best = seq;
        best_exact = true;
        break;
      }
      const Score s = score(fp, e, /*need_similarity=*/false);
      if (s.near && s.similarity > best_sim) {
        best = seq;
        best_sim = s.similarity;
      }
    }
    if (best != kEmpty) {
      const Entry& e = at(best);
      r.status = best_exact ? DedupStatus::kDuplicate : DedupStatus::kNearDuplicate;
      r.similarity = best_exact ? 1.0 : std::min(1.0, best_sim);
      r.of.assign(root_of(e));
    }
    insert(make_entry(fp), fp.uri, r.of, fp.uri_hash, nullptr);
  }

  // --- encoding shared by save/load and the changelog ---
  template <typename T>
  static void put(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
  }
  template <typename T>
  static bool get(std::string_view& in, T& v) {
    if (in.size() < sizeof(T)) return false;
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return true;
  }

  // Appends the record to `out`.
  static void encode(const Entry& e, std::string_view uri, std::string_view root,
                     std::string& out) {
    put<uint8_t>(out, kRecordFormat);
    put(out, e.time_ms);
    put(out, e.key_bloom.w[0]);
    put(out, e.key_bloom.w[1]);
    put(out, e.number_bloom.w[0]);
    put(out, e.number_bloom.w[1]);
    put(out, e.exact32);
    put(out, e.exact_hi);
    put(out, e.tau);
    put(out, e.version_num);
    put(out, e.lead_key);
    put(out, e.n_shingles);
    put(out, e.n_sample);
    put(out, e.n_keys);
    put(out, e.flags);
    for (size_t i = 0; i < e.n_sample; ++i) {
      if (i < kHead) {
        put(out, e.head[i]);
      } else {
        put(out, e.tail[i - kHead]);
      }
    }
    put(out, static_cast<uint16_t>(uri.size()));
    out.append(uri);
    put(out, static_cast<uint16_t>(root == uri ? 0 : root.size()));
    if (root != uri) out.append(root);
  }

  static bool decode(std::string_view in, Entry& e, std::string_view& uri, std::string_view& root) {
    uint8_t format = 0;
    if (!get(in, format) || format < 1 || format > kRecordFormat) return false;
    if (!get(in, e.time_ms)) return false;
    if (format >= 3) {
      if (!get(in, e.key_bloom.w[0]) || !get(in, e.key_bloom.w[1]) ||
          !get(in, e.number_bloom.w[0]) || !get(in, e.number_bloom.w[1])) {
        return false;
      }
    } else {
      uint64_t keys = 0;
      uint64_t numbers = 0;  // format 1: unknown (kFlagFormat1)
      if (!get(in, keys)) return false;
      if (format >= 2 && !get(in, numbers)) return false;
      e.key_bloom = widen(keys);
      e.number_bloom = widen(numbers);
    }
    if (!get(in, e.exact32)) return false;
    if (format >= 2 && !get(in, e.exact_hi)) return false;
    if (!get(in, e.tau) || !get(in, e.version_num) || !get(in, e.lead_key) ||
        !get(in, e.n_shingles) || !get(in, e.n_sample) || !get(in, e.n_keys) || !get(in, e.flags)) {
      return false;
    }
    if (format == 1) e.flags |= kFlagFormat1;
    if (format <= 2) e.flags |= kFlagBloom64;
    if (e.n_sample > kSketch) return false;
    for (size_t i = 0; i < e.n_sample; ++i) {
      if (!(i < kHead ? get(in, e.head[i]) : get(in, e.tail[i - kHead]))) return false;
    }
    uint16_t len = 0;
    if (!get(in, len) || in.size() < len) return false;
    uri = in.substr(0, len);
    in.remove_prefix(len);
    if (!get(in, len) || in.size() != len) return false;
    root = len == 0 ? uri : in.substr(0, len);
    return true;
  }

  // Whether apply() would take the record (it decodes, and its key is its URI).
  static Status check(std::string_view key, std::string_view value, Entry& e, std::string_view& uri,
                      std::string_view& root) {
    if (!decode(value, e, uri, root)) {
      return Status("dedup_changelog_corrupt",
                    "undecodable dedup record for key " + std::string(key.substr(0, 200)));
    }
    if (uri != key.substr(0, UriArena::kMaxUri)) {
      return Status("dedup_changelog_corrupt", "dedup record key does not match its URI");
    }
    return Status::ok();
  }

  Status apply(std::string_view key, std::string_view value) {
    if (value.empty()) return Status::ok();
    Entry e;
    std::string_view uri;
    std::string_view root;
    if (Status s = check(key, value, e, uri, root); !s) return s;
    const uint64_t h = hash_bytes(uri);
    // A record no newer than the live entry for its URI changes nothing. Most records the daemon's
    // changelog tail reads are its own, already in the index: they return here, before evict(),
    // whose steps of any table migration under way are a stored story's share of that work.
    // (Their times never move the window: the index saw each one when it stored the story.)
    const Slot* const live = uri_find(uri, h);
    if (live != nullptr && compare_versions(e, at(live->seq)) <= 0) return Status::ok();
    evict(e.time_ms);
    // evict() may have moved that slot or dropped its entry, so a found URI is looked up again.
    // One not found stays not found (evict() only moves and drops): a replay of new stories
    // looks each up once.
    Slot* const up = live == nullptr ? nullptr : uri_find(uri, h);
    insert(e, uri, root, h, up);
    return Status::ok();
  }
};

DedupIndex::DedupIndex(DedupConfig cfg) : impl_(std::make_unique<Impl>(std::move(cfg))) {}
DedupIndex::~DedupIndex() = default;

DedupResult DedupIndex::check_and_insert(const Fingerprint& fp) {
  DedupResult r;
  impl_->check_and_insert(fp, r);
  return r;
}

void DedupIndex::check_and_insert(const Fingerprint& fp, DedupResult& out) {
  impl_->check_and_insert(fp, out);
}

void DedupIndex::set_eviction_limit(int64_t story_time_ms) {
  impl_->eviction_limit = story_time_ms;
}

int64_t DedupIndex::clock_ms() const { return impl_->max_time; }

size_t DedupIndex::size() const { return impl_->entries.size(); }

size_t DedupIndex::memory_bytes() const {
  const Impl& m = *impl_;
  // std::deque allocates blocks of 512/sizeof(Entry) entries plus one map pointer per block.
  constexpr size_t kPerBlock = 512 / sizeof(Entry);
  const size_t blocks = m.entries.size() / kPerBlock + 1;
  return blocks * (kPerBlock * sizeof(Entry) + sizeof(void*)) + m.arena.bytes() +
         (m.uri_slots.size() + m.exact_slots.size() + m.cand_slots.size() + m.uri_mig.old.size() +
          m.exact_mig.old.size() + m.cand_mig.old.size()) *
             sizeof(Impl::Slot);
}

size_t DedupIndex::max_slots_moved_at_once() const { return impl_->max_moved; }

// Appends fp's record (as the index stores it, with its family root) to `out`.
void DedupIndex::append_record(const Fingerprint& fp, std::string& out) const {
  Impl& m = *impl_;
  if (const Impl::Slot* up = m.uri_find(fp.uri, fp.uri_hash); up != nullptr) {
    const Entry& e = m.at(up->seq);
    if (e.exact32 == static_cast<uint32_t>(fp.exact_hash) && e.time_ms == fp.time_ms) {
      Impl::encode(e, m.uri_of(e), m.root_of(e), out);
      return;
    }
  }
  Impl::encode(make_entry(fp), fp.uri, fp.uri, out);
}

void DedupIndex::changelog_record(const Fingerprint& fp, std::string& key,
                                  std::string& value) const {
  key.assign(fp.uri);
  value.clear();
  append_record(fp, value);
}

Status DedupIndex::apply_changelog(std::string_view key, std::string_view value) {
  if (value.empty() || static_cast<uint8_t>(value.front()) != kChangelogBatch) {
    return impl_->apply(key, value);
  }
  // Each story of the batch in order. A batch with any story that does not decode, or cut short,
  // is rejected whole and changes nothing, like a single bad record.
  auto for_each = [&value](auto&& fn) {
    std::string_view in = value.substr(1);
    auto take = [&in](std::string_view& out) {
      uint32_t len = 0;
      if (in.size() < sizeof len) return false;
      std::memcpy(&len, in.data(), sizeof len);
      in.remove_prefix(sizeof len);
      if (in.size() < len) return false;
      out = in.substr(0, len);
      in.remove_prefix(len);
      return true;
    };
    while (!in.empty()) {
      std::string_view k;
      std::string_view v;
      if (!take(k) || !take(v)) return false;
      if (!fn(k, v)) return false;
    }
    return true;
  };
  Status bad;
  size_t n = 0;
  const bool whole = for_each([&](std::string_view k, std::string_view v) {
    ++n;
    if (v.empty()) return true;
    Entry e;
    std::string_view uri;
    std::string_view root;
    bad = Impl::check(k, v, e, uri, root);
    return bad.is_ok();
  });
  if (!whole) {
    if (bad.is_ok()) {
      return Status("dedup_changelog_corrupt",
                    "truncated dedup batch record " + std::string(key.substr(0, 200)));
    }
    return Status(bad.code(), bad.message() + " (story " + std::to_string(n) + " of batch record " +
                                  std::string(key.substr(0, 200)) + ")");
  }
  for_each([&](std::string_view k, std::string_view v) {
    (void)impl_->apply(k, v);  // checked above
    return true;
  });
  return Status::ok();
}

void DedupIndex::changelog_batch_add(std::string& batch, std::string_view key,
                                     std::string_view value) {
  if (batch.empty()) batch.push_back(static_cast<char>(kChangelogBatch));
  for (std::string_view part : {key, value}) {
    Impl::put(batch, static_cast<uint32_t>(part.size()));
    batch.append(part);
  }
}

void DedupIndex::changelog_batch_add(std::string& batch, const Fingerprint& fp) const {
  if (batch.empty()) batch.push_back(static_cast<char>(kChangelogBatch));
  Impl::put(batch, static_cast<uint32_t>(fp.uri.size()));
  batch.append(fp.uri);
  // The record is encoded in place, its length written once it is known.
  const size_t at = batch.size();
  Impl::put(batch, uint32_t{0});
  append_record(fp, batch);
  const auto len = static_cast<uint32_t>(batch.size() - at - sizeof(uint32_t));
  std::memcpy(batch.data() + at, &len, sizeof len);
}

Status DedupIndex::save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status("dedup_state_io", "cannot write " + tmp);
    out.write("WFDEDUP1", 8);
    const uint64_t n = impl_->entries.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    std::string rec;
    for (const Entry& e : impl_->entries) {
      rec.clear();
      Impl::encode(e, impl_->uri_of(e), impl_->root_of(e), rec);
      const auto len = static_cast<uint32_t>(rec.size());
      out.write(reinterpret_cast<const char*>(&len), sizeof len);
      out.write(rec.data(), static_cast<std::streamsize>(rec.size()));
    }
    out.flush();
    if (!out) return Status("dedup_state_io", "write failed for " + tmp);
  }
  // Rename so a crash mid-save never leaves a truncated state file behind.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status("dedup_state_io", "cannot rename " + tmp + " to " + path);
  }
  return Status::ok();
}

Status DedupIndex::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status("dedup_state_io", "cannot read " + path);
  char magic[8];
  uint64_t n = 0;
  if (!in.read(magic, 8) || std::memcmp(magic, "WFDEDUP1", 8) != 0 ||
      !in.read(reinterpret_cast<char*>(&n), sizeof n)) {
    return Status("dedup_state_corrupt", path + " is not a wirefeed dedup state file");
  }
  auto fresh = std::make_unique<Impl>(impl_->cfg);
  std::string rec;
  for (uint64_t i = 0; i < n; ++i) {
    uint32_t len = 0;
    if (!in.read(reinterpret_cast<char*>(&len), sizeof len) || len > (1u << 16)) {
      return Status("dedup_state_corrupt", path + " is truncated");
    }
    rec.resize(len);
    if (!in.read(rec.data(), len)) return Status("dedup_state_corrupt", path + " is truncated");
    Entry e;
    std::string_view uri;
    std::string_view root;
    if (!Impl::decode(rec, e, uri, root))
      return Status("dedup_state_corrupt", path + ": bad record");
    // Not apply(): a state file may hold several versions of one URI, all worth keeping.
    fresh->evict(e.time_ms);
    const uint64_t h = hash_bytes(uri);
    fresh->insert(e, uri, root, h, fresh->uri_find(uri, h));
  }
  impl_ = std::move(fresh);
  return Status::ok();
}

}  // namespace wirefeed
