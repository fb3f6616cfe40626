#pragma once
// Small byte-level text helpers shared by the credit and dateline scanners. ASCII-only case
// folding on purpose: triggers are ASCII words, and non-ASCII aliases are matched exactly.

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace wirefeed::credit_text {

constexpr char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
// A byte class table (true for each byte of `bytes`): one load where a chain of compares ran for
// every line end and item end.
constexpr std::array<bool, 256> byte_set(std::string_view bytes) {
  std::array<bool, 256> t{};
  for (char c : bytes) t[static_cast<unsigned char>(c)] = true;
  return t;
}
inline constexpr std::array<bool, 256> kSpaceBytes = byte_set(" \t\n\r\f\v");
inline bool is_space(char c) { return kSpaceBytes[static_cast<unsigned char>(c)]; }

// NBSP (C2 A0) is common in wire copy between a dateline and its dash.
inline std::string_view trim(std::string_view s) {
  while (!s.empty()) {
    if (is_space(s.front())) {
      s.remove_prefix(1);
      continue;
    }
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') {
      s.remove_prefix(2);
      continue;
    }
    break;
  }
  while (!s.empty()) {
    if (is_space(s.back())) {
      s.remove_suffix(1);
      continue;
    }
    if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
      s.remove_suffix(2);
      continue;
    }
    break;
  }
  return s;
}

// `prefix` must be lower case ASCII (other bytes compare exactly).
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

inline bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

inline bool equals_ci(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() && starts_with_ci(a, lower_b);
}

// Case-insensitive find of a lower-case ASCII needle; npos when absent.
inline size_t find_ci(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  const char first = needle[0];
  const char first_up = is_lower(first) ? static_cast<char>(first - 'a' + 'A') : first;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    const char c = hay[i];
    if ((c == first || c == first_up) && starts_with_ci(hay.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// Which (folded first byte, length) pairs a word list holds. A word outside the list is nearly
// always rejected by one load, before the per-entry comparisons that used to run for every word
// of every credit candidate.
struct WordShape {
  std::array<uint64_t, 256> lengths{};

  template <size_t N>
  static constexpr WordShape of(const std::array<std::string_view, N>& words) {
    WordShape shape;
    for (std::string_view w : words) {
      if (!w.empty() && w.size() < 64)
        shape.lengths[static_cast<unsigned char>(lower(w[0]))] |= uint64_t{1} << w.size();
    }
    return shape;
  }

  // False only when no entry can equal `w`, exactly or up to ASCII case.
  [[nodiscard]] constexpr bool may_hold(std::string_view w) const {
    return !w.empty() && w.size() < 64 &&
           ((lengths[static_cast<unsigned char>(lower(w[0]))] >> w.size()) & 1) != 0;
  }
};

// s.find(' ', from) as a plain loop: list items and names are a few dozen bytes, where a memchr
// call costs more than the bytes it looks at.
inline size_t find_space(std::string_view s, size_t from = 0) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == ' ') return i;
  }
  return std::string_view::npos;
}

// s.rfind(c, pos) through memrchr: string_view::rfind walks byte by byte.
inline size_t rfind_byte(std::string_view s, char c, size_t pos = std::string_view::npos) {
  if (s.empty()) return std::string_view::npos;
  const size_t n = pos < s.size() ? pos + 1 : s.size();
  const void* p = memrchr(s.data(), c, n);
  return p ? static_cast<size_t>(static_cast<const char*>(p) - s.data()) : std::string_view::npos;
}

// s.rfind("\n\n", pos) without string_view::rfind's byte-by-byte compare: the paragraph breaks
// before the tail of a 4 KB story were found that way.
inline size_t rfind_blank_line(std::string_view s, size_t pos = std::string_view::npos) {
  if (s.size() < 2) return std::string_view::npos;
  size_t i = pos < s.size() - 2 ? pos : s.size() - 2;
  while (true) {
    i = rfind_byte(s, '\n', i);
    if (i == std::string_view::npos) return i;
    if (s[i + 1] == '\n') return i;
    if (i == 0) return std::string_view::npos;
    --i;
  }
}

// The first position at or after `from` of the byte `a` or the byte `b`, or npos: one pass where
// two interleaved find() calls each scanned to their next hit (photo credits look at every '/'
// and ':' of the body, few a story, and most bodies have no ':' at all).
inline size_t find_either(std::string_view s, char a, char b, size_t from = 0) {
  size_t i = from;
#if defined(__AVX2__)
  const __m256i va = _mm256_set1_epi8(a);
  const __m256i vb = _mm256_set1_epi8(b);
  for (; i + 32 <= s.size(); i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s.data() + i));
    const auto mask = static_cast<uint32_t>(
        _mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(v, va), _mm256_cmpeq_epi8(v, vb))));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b) return i;
  }
  return std::string_view::npos;
}

// True when s[pos] begins a word (start of text or after a non-letter byte).
inline bool word_start(std::string_view s, size_t pos) {
  return pos == 0 || !(is_alpha(s[pos - 1]) || is_high(s[pos - 1]) || is_digit(s[pos - 1]));
}

// Calls hit(pos) for each byte of s that equals `a` or `b` (lower-case ASCII letters) up to ASCII
// case, in order, and stops at the first hit that returns true. Trigger words are rare in copy, so
// the whole-body passes look for one of their rarer letters 16 bytes at a time and do the exact
// comparisons only around the few hits.
template <typename Hit>
bool any_letter_ci(std::string_view s, char a, char b, Hit&& hit) {
  size_t i = 0;
#if defined(__SSE2__)
  // OR 0x20 maps only 'A'-'Z' (and the letters themselves) onto 'a'-'z', so the test is exact.
  const __m128i fold = _mm_set1_epi8(0x20);
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  auto block = [&](size_t at, unsigned keep) {
    const __m128i v =
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)), fold);
    auto mask = keep & static_cast<unsigned>(_mm_movemask_epi8(
                           _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb))));
    while (mask != 0) {
      if (hit(at + static_cast<size_t>(__builtin_ctz(mask)))) return true;
      mask &= mask - 1;
    }
    return false;
  };
  for (; i + 16 <= s.size(); i += 16) {
    if (block(i, 0xFFFF)) return true;
  }
  // The last partial block: the 16 bytes ending at s's end, less those already looked at.
  if (i < s.size() && s.size() >= 16) {
    const size_t at = s.size() - 16;
    return block(at, 0xFFFFu << (i - at) & 0xFFFFu);
  }
#endif
  for (; i < s.size(); ++i) {
    const char c = lower(s[i]);
    if ((c == a || c == b) && hit(i)) return true;
  }
  return false;
}

}  // namespace wirefeed::credit_text
