#pragma once
// Word tokens for the supervised topic model (pipeline/topic_model.cc). The rule tagger
// (pipeline/topics.cc) read them too until it moved to the normalisation's tokens
// (pipeline/normalize.h), which the pipeline makes anyway for dedup; the model keeps this
// tokenizer so that trained model files stay valid. The rule tagger still shares plural_stem().
//
// Text is split into runs of letters/digits, ASCII and Latin-1 capitals are folded, and a light
// plural stemmer ("-ies" -> "-y", "-s" dropped unless "-ss", "-us", "-is") lets an editor write
// "bank" and match "banks". No token is ever materialised: only its 64-bit hash.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace wirefeed::word_tokens {

// Words are read with unaligned little-endian loads (hash_token).
static_assert(std::endian::native == std::endian::little,
              "word_tokens.h assumes a little-endian target");

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

// Hashes the normalised bytes b[0..n) (end: where the text ends, for safe 8-byte loads): 8 at a
// time in registers, one multiply per word, then a final mix. `y_last` replaces the last byte by
// 'y' (the "-ies" stem). Building words in registers, not in a buffer, avoids store-forwarding
// stalls that cost more than the whole lookup.
__attribute__((always_inline)) inline uint64_t hash_token(const uint8_t* b, const uint8_t* end,
                                                          size_t n, bool y_last) {
  constexpr uint64_t kFold = 0x2020202020202020ULL;
  uint64_t h = kFnvOffset * (n + 1);
  size_t i = 0;
  for (; n - i > 8; i += 8) {
    uint64_t w;
    std::memcpy(&w, b + i, 8);
    h = (h ^ (w | kFold)) * kFnvPrime;
    h ^= h >> 29;
  }
  size_t rem = n - i;  // 1..8
  uint64_t w = 0;
  if (b + i + 8 <= end) [[likely]] {
    std::memcpy(&w, b + i, 8);
  } else {
    for (size_t k = 0; k < rem; ++k) w |= uint64_t{b[i + k]} << (8 * k);
  }
  uint64_t mask = ~uint64_t{0} >> (64 - 8 * rem);  // rem 1..8: the low `rem` bytes
  w = (w | kFold) & mask;
  if (y_last) {
    unsigned shift = static_cast<unsigned>(8 * (rem - 1));
    w = (w & ~(uint64_t{0xFF} << shift)) | (uint64_t{'y'} << shift);
  }
  h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
  // The high bits of a product are well mixed (the table and the filter index by them); for
  // tokens of up to 8 bytes the whole map is a bijection, so distinct short words never collide.
  return h ^ (h >> 29);
}

// Byte classes of a 64-byte window as bit masks (bit i = byte i): `word` for ASCII letters and
// digits, `other` for every byte that is not an ASCII separator (word bytes and bytes >= 0x80).
// Token boundaries then come from count-trailing-zeros on the masks: one classification per 64
// bytes instead of a branch per byte, which was the largest cost of tagging (a story averages
// 5-6 bytes per token, so a branchy byte loop mispredicted at almost every token end).
struct ByteMasks {
  uint64_t word = 0;
  uint64_t other = 0;
};

#if defined(__AVX2__)
inline ByteMasks classify64(const uint8_t* p) {
  ByteMasks m;
  for (int half = 0; half < 2; ++half) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half));
    // Signed compares: bytes >= 0x80 are negative, so they are neither letters nor digits.
    __m256i lower = _mm256_or_si256(x, _mm256_set1_epi8(0x20));
    __m256i letter = _mm256_and_si256(_mm256_cmpgt_epi8(lower, _mm256_set1_epi8('a' - 1)),
                                      _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), lower));
    __m256i digit = _mm256_and_si256(_mm256_cmpgt_epi8(x, _mm256_set1_epi8('0' - 1)),
                                     _mm256_cmpgt_epi8(_mm256_set1_epi8('9' + 1), x));
    auto word = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(letter, digit)));
    auto high = static_cast<uint32_t>(_mm256_movemask_epi8(x));
    m.word |= uint64_t{word} << (32 * half);
    m.other |= uint64_t{word | high} << (32 * half);
  }
  return m;
}
// For a block with bytes >= 0x80 (bit i = byte i of p[0..64)): `c2` the lead bytes C2, `e2_break`
// the bytes E2 followed by 80 or 81 (so p[64] must be readable), `cont` the bytes 80..C1 (they
// continue a token but cannot start one).
struct Utf8Masks {
  uint64_t c2 = 0;
  uint64_t e2_break = 0;
  uint64_t cont = 0;
};
inline Utf8Masks classify_utf8(const uint8_t* p) {
  Utf8Masks m;
  for (int half = 0; half < 2; ++half) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half));
    __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * half + 1));
    __m256i c2 = _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xC2)));
    __m256i e2 = _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(0xE2)));
    // next is 80 or 81: (next & FE) == 80.
    __m256i n80 =
        _mm256_cmpeq_epi8(_mm256_and_si256(next, _mm256_set1_epi8(static_cast<char>(0xFE))),
                          _mm256_set1_epi8(static_cast<char>(0x80)));
    // Signed: 80..C1 are -128..-63.
    __m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8(-62), x);
    const unsigned shift = 32 * static_cast<unsigned>(half);
    m.c2 |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(c2))} << shift;
    m.e2_break |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(e2, n80)))}
                  << shift;
    m.cont |= uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(cont))} << shift;
  }
  return m;
}
#else
// Portable version: the same classes eight bytes at a time (no carries cross bytes because the
// high bit of each byte is handled separately).
inline ByteMasks classify64(const uint8_t* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  ByteMasks m;
  for (int k = 0; k < 8; ++k) {
    uint64_t x;
    std::memcpy(&x, p + 8 * k, 8);
    uint64_t high = x & kHighBits;
    uint64_t a = x & ~kHighBits;  // low 7 bits of each byte
    uint64_t y = a | 0x2020202020202020ULL;
    uint64_t letter = (y + (0x80 - 'a') * kOnes) & ~(y + (0x7F - 'z') * kOnes);
    uint64_t digit = (a + (0x80 - '0') * kOnes) & ~(a + (0x7F - '9') * kOnes);
    uint64_t word = (letter | digit) & ~high & kHighBits;
    auto pack = [](uint64_t hb) { return ((hb >> 7) * 0x0102040810204080ULL) >> 56; };
    m.word |= pack(word) << (8 * k);
    m.other |= pack(word | high) << (8 * k);
  }
  return m;
}
#endif

// The plural rule: "companies" -> "company", "banks" -> "bank"; not "-ss", "-us", "-is"; words of
// up to 3 bytes unchanged; ASCII case-insensitive. Returns the length of the stem of w[0..len);
// when y_last is set, the stem's last byte stands for 'y' ("compani" for "company"). The rule
// tagger (pipeline/topics.cc) applies it to lexicon words, to enter every form it folds together.
// (Branch-free versions measured no faster: fewer mispredictions, as many more instructions.)
__attribute__((always_inline)) inline size_t plural_stem(const uint8_t* w, size_t len,
                                                         bool& y_last) {
  y_last = false;
  if (len > 3 && (w[len - 1] | 0x20) == 's') {
    const uint8_t prev = w[len - 2] | 0x20;
    if (prev == 'e' && (w[len - 3] | 0x20) == 'i' && len > 4) {
      y_last = true;
      return len - 2;
    }
    if (prev != 's' && prev != 'u' && prev != 'i') return len - 1;
  }
  return len;
}

// Calls emit(token_hash) for every token of `text`, in order.
//
// A token is a run of ASCII letters/digits and bytes >= 0x80, except that UTF-8 punctuation
// separates words: U+0080..U+00BF (lead byte C2: nbsp, guillemets) and U+2000..U+207F (E2 80 / E2
// 81: curly quotes, dashes), so that "Trump’s" yields "trump" like "Trump's" does. A byte 80..C1
// continues a token but does not start one.
//
// Case folding is "OR 0x20" on every token byte: exact for ASCII letters (digits are unchanged)
// and for the Latin-1 capitals À..Þ (C3 80..9E -> C3 A0..BE). It also merges a few other UTF-8
// continuation bytes, which only matters if two lexicon terms differ in just those bytes: the
// tokens are hashed, never shown, and both text and lexicon go through this same function.
//
// The text is classified 64 bytes at a time into a bit mask of letters/digits. In a block without
// bytes >= 0x80 (most of agency copy) token starts and ends are the mask's 0->1 and 1->0 edges,
// walked with count-trailing-zeros: no branch per byte, and none that depends on word lengths
// beyond one per token. A block with non-ASCII bytes in well-formed UTF-8 gets its punctuation
// sequences as masks too (AVX2 builds); anything else (malformed sequences, the last block) is
// walked byte by byte, the reference for the UTF-8 rules. The paths hand over an open token
// (`open`, `tok_begin`) and the end of a skipped punctuation sequence (`skip_to`) at block
// boundaries. Always inlined: as a call, the caller's batch state lived in memory (-1% Ir).
template <typename Emit>
__attribute__((always_inline)) inline void for_each_token(std::string_view text, Emit&& emit) {
  constexpr size_t kMaxToken = 48;  // longer runs (URLs, hashes) cannot be lexicon words
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const uint8_t* end = s + n;

  auto token = [&](size_t b, size_t e) __attribute__((always_inline)) {
    size_t len = e - b;
    if (len > kMaxToken) {
      emit(uint64_t{0x5bd1e995});  // matches nothing, still breaks phrases
      return;
    }
    const uint8_t* w = s + b;
    bool y_last = false;
    len = plural_stem(w, len, y_last);
    emit(hash_token(w, end, len, y_last));
  };
  auto is_break = [&](size_t i) __attribute__((always_inline)) {  // UTF-8 punctuation lead at i
    uint8_t c = s[i];
    return c == 0xC2 || (c == 0xE2 && i + 1 < n && (s[i + 1] == 0x80 || s[i + 1] == 0x81));
  };

  bool open = false;     // a token started before this block and has not ended
  size_t tok_begin = 0;  // where it started
  size_t skip_to = 0;    // bytes before this are inside a punctuation sequence already skipped
  for (size_t base = 0; base < n; base += 64) {
    ByteMasks m;
    const size_t avail = n - base;
    if (avail >= 64) [[likely]] {
      m = classify64(s + base);
    } else {
      alignas(32) uint8_t tail[64] = {};  // zeros are separators: the last token ends at n
      std::memcpy(tail, s + base, avail);
      m = classify64(tail);
    }
    uint64_t word = m.word;
    bool runs = m.other == m.word;  // ASCII only: tokens are the runs of set bits
#if defined(__AVX2__)
    size_t next_skip = 0;
    if (!runs && avail > 64) {
      // Non-ASCII bytes in well-formed text (about 5% of the blocks of agency copy, and each
      // cost as much as a dozen ASCII blocks byte by byte): a punctuation sequence (C2 xx,
      // E2 80 xx, E2 81 xx) is a separator, every other byte >= 0x80 belongs to a word, so the
      // tokens are again runs of bits. The byte loop below stays the reference for what this
      // cannot express: a sequence lead inside another sequence, or a byte 80..C1 that would
      // start a token.
      const Utf8Masks u = classify_utf8(s + base);
      const uint64_t allowed = skip_to > base ? ~uint64_t{0} << (skip_to - base) : ~uint64_t{0};
      const uint64_t c2 = u.c2 & allowed, e2 = u.e2_break & allowed;
      const uint64_t tails = ((c2 | e2) << 1) | (e2 << 2);
      const uint64_t skip = c2 | e2 | tails | ~allowed;
      const uint64_t t = (m.other & ~skip);
      const uint64_t t_starts = t & ~((t << 1) | uint64_t{open});
      if (((c2 | e2) & tails) == 0 && (t_starts & u.cont) == 0) {
        runs = true;
        word = t;
        // A sequence that runs past the block: E2 at 63 skips two bytes of the next, E2 at 62 or
        // C2 at 63 one (both at once would overlap, excluded above).
        next_skip = base + 64 + ((e2 >> 63) ? 2 : ((e2 >> 62) | (c2 >> 63)) & 1);
      }
    }
#endif
    if (runs) [[likely]] {
      if (skip_to > base)
        word &= ~uint64_t{0} << (skip_to - base);      // < 64: sequences are <= 3 bytes
      uint64_t before = (word << 1) | uint64_t{open};  // bit i: byte i-1 is in a token
      uint64_t starts = word & ~before;
      uint64_t ends = ~word & before;
      if (open && ends) {
        token(tok_begin, base + static_cast<size_t>(std::countr_zero(ends)));
        ends &= ends - 1;
        open = false;
      }
      while (starts) {
        size_t b = base + static_cast<size_t>(std::countr_zero(starts));
        starts &= starts - 1;
        if (!ends) {  // runs into the next block
          open = true;
          tok_begin = b;
          break;
        }
        token(b, base + static_cast<size_t>(std::countr_zero(ends)));
        ends &= ends - 1;
      }
#if defined(__AVX2__)
      if (next_skip) skip_to = next_skip;
#endif
      continue;
    }
    // Non-ASCII bytes: the byte-by-byte rules.
    const size_t stop = base + std::min<size_t>(64, avail);
    size_t i = std::max(base, skip_to);
    while (i < stop) {
      uint8_t c = s[i];
      bool word = (m.word >> (i - base)) & 1;
      if (open) {
        if (word || (c >= 0x80 && !is_break(i))) {
          ++i;
          continue;
        }
        token(tok_begin, i);
        open = false;
      }
      if (word || (c >= 0xC3 && !is_break(i))) {
        open = true;
        tok_begin = i++;
      } else if (c == 0xC2) {
        i += 2;
      } else if (c == 0xE2 && is_break(i)) {
        i += 3;  // a truncated sequence at the very end ends the text
      } else {
        ++i;  // ASCII separator, or a UTF-8 continuation byte outside a word
      }
    }
    skip_to = i;
  }
  if (open) token(tok_begin, n);
}

}  // namespace wirefeed::word_tokens
