#include "parsers/html.h"

#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>

#include "parsers/html_entities.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Design notes (see docs/html.md):
// - One forward pass, no recursion and no element stack: block tags only ever ask for a paragraph
//   break, so nesting depth costs nothing and 10 000 nested <div>s are as cheap as one.
// - Every construct writes no more bytes than it consumes (a "\n\n" needs a tag of >= 2 bytes, an
//   entity never decodes to more bytes than its reference), so `out` is grown once up front and
//   written through a raw pointer; the unused tail is cut at the end.
// - Breaks and spaces are emitted lazily: a break is written only when text follows it (so there
// are
//   never leading or trailing breaks), and a trailing space is taken back when a break arrives.

namespace wirefeed {
namespace {

// Byte classes of the text scanner. Everything that is not kText interrupts a run of copied text.
enum ByteClass : uint8_t { kText = 0, kSpace, kNull, kLt, kAmp, kC2 };

constexpr std::array<uint8_t, 256> make_byte_classes() {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {'\t', '\n', '\v', '\f', '\r', ' '}) t[c] = kSpace;
  t[0] = kNull;
  t['<'] = kLt;
  t['&'] = kAmp;
  t[0xC2] = kC2;  // lead byte of U+00A0 NO-BREAK SPACE (folds like a space) and U+00AD SOFT HYPHEN
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = make_byte_classes();

constexpr bool is_alpha(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}
constexpr bool is_digit(unsigned char c) { return static_cast<unsigned char>(c - '0') < 10; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr unsigned char to_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }
// HTML's tag-name terminators; anything else (including bytes >= 0x80) belongs to the name.
constexpr bool ends_tag_name(unsigned char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
constexpr bool is_html_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// ---- Tag names -------------------------------------------------------------------------------

enum class TagKind : uint8_t {
  kInline,  // vanishes, text kept (also every unknown tag)
  kBlock,   // paragraph break
  kBreak,   // <br>: line break; two in a row make a paragraph break
  kCell,    // <td>/<th>: a space between cells of a row
  kSkip,    // contents dropped up to the matching end tag
  kHead,    // contents dropped up to </head> or <body>
};

// A tag name of up to 16 bytes packed into two words; longer names are never known tags.
struct PackedName {
  uint64_t lo = 0;
  uint64_t hi = 0;
  constexpr bool operator==(const PackedName&) const = default;
};
constexpr size_t kMaxTagName = 16;

constexpr PackedName pack_lower(const char* s, size_t n) {
  PackedName k;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t c = to_lower(static_cast<unsigned char>(s[i]));
    if (i < 8) {
      k.lo |= c << (8 * i);
    } else {
      k.hi |= c << (8 * (i - 8));
    }
  }
  return k;
}

struct TagEntry {
  std::string_view name;
  TagKind kind;
};

constexpr TagEntry kTags[] = {
    {"address", TagKind::kBlock},    {"article", TagKind::kBlock}, {"aside", TagKind::kBlock},
    {"blockquote", TagKind::kBlock}, {"body", TagKind::kBlock},    {"caption", TagKind::kBlock},
    {"center", TagKind::kBlock},     {"dd", TagKind::kBlock},      {"details", TagKind::kBlock},
    {"dialog", TagKind::kBlock},     {"dir", TagKind::kBlock},     {"div", TagKind::kBlock},
    {"dl", TagKind::kBlock},         {"dt", TagKind::kBlock},      {"fieldset", TagKind::kBlock},
    {"figcaption", TagKind::kBlock}, {"figure", TagKind::kBlock},  {"footer", TagKind::kBlock},
    {"form", TagKind::kBlock},       {"h1", TagKind::kBlock},      {"h2", TagKind::kBlock},
    {"h3", TagKind::kBlock},         {"h4", TagKind::kBlock},      {"h5", TagKind::kBlock},
    {"h6", TagKind::kBlock},         {"header", TagKind::kBlock},  {"hgroup", TagKind::kBlock},
    {"hr", TagKind::kBlock},         {"html", TagKind::kBlock},    {"legend", TagKind::kBlock},
    {"li", TagKind::kBlock},         {"main", TagKind::kBlock},    {"menu", TagKind::kBlock},
    {"nav", TagKind::kBlock},        {"ol", TagKind::kBlock},      {"p", TagKind::kBlock},
    {"pre", TagKind::kBlock},        {"section", TagKind::kBlock}, {"summary", TagKind::kBlock},
    {"table", TagKind::kBlock},      {"tbody", TagKind::kBlock},   {"tfoot", TagKind::kBlock},
    {"thead", TagKind::kBlock},      {"tr", TagKind::kBlock},      {"ul", TagKind::kBlock},
    {"br", TagKind::kBreak},         {"td", TagKind::kCell},       {"th", TagKind::kCell},
    {"script", TagKind::kSkip},      {"style", TagKind::kSkip},    {"noscript", TagKind::kSkip},
    {"template", TagKind::kSkip},    {"title", TagKind::kSkip},    {"iframe", TagKind::kSkip},
    {"svg", TagKind::kSkip},         {"head", TagKind::kHead},
};

constexpr size_t kTagSlots = 128;  // power of two, under half full

constexpr size_t tag_slot(const PackedName& k) {
  const uint64_t h =
      k.lo * 0x9E3779B97F4A7C15ull ^ (k.hi + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
  return static_cast<size_t>(h >> 57) & (kTagSlots - 1);
}

struct TagSlot {
  PackedName key;
  TagKind kind = TagKind::kInline;
  bool used = false;
};

constexpr std::array<TagSlot, kTagSlots> build_tag_slots() {
  std::array<TagSlot, kTagSlots> slots{};
  for (const TagEntry& e : kTags) {
    const PackedName k = pack_lower(e.name.data(), e.name.size());
    size_t s = tag_slot(k);
    while (slots[s].used) s = (s + 1) & (kTagSlots - 1);
    slots[s] = TagSlot{k, e.kind, true};
  }
  return slots;
}
constexpr std::array<TagSlot, kTagSlots> kTagSlotTable = build_tag_slots();
static_assert(sizeof(kTags) / sizeof(kTags[0]) < kTagSlots / 2);

TagKind classify_tag(const char* name, size_t n) {
  if (n == 0 || n > kMaxTagName) return TagKind::kInline;
  const PackedName k = pack_lower(name, n);
  for (size_t s = tag_slot(k);; s = (s + 1) & (kTagSlots - 1)) {
    const TagSlot& slot = kTagSlotTable[s];
    if (!slot.used) return TagKind::kInline;
    if (slot.key == k) return slot.kind;
  }
}

// ---- Numeric references ----------------------------------------------------------------------

constexpr char32_t kReplacement = 0xFFFD;

// HTML maps &#128;..&#159; through windows-1252, because that is what such pages meant.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

constexpr bool is_space_code_point(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0;
}

char32_t sanitize_numeric(uint32_t v) {
  if (v >= 0x80 && v <= 0x9F) {
    const char32_t mapped = kWindows1252[v - 0x80];
    return mapped != 0 ? mapped : kReplacement;
  }
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return kReplacement;
  // Other control characters have no business in story text and would only trouble consumers.
  if ((v < 0x20 && !is_space_code_point(v)) || v == 0x7F) return kReplacement;
  return v;
}

// ---- The converter ---------------------------------------------------------------------------

class Converter {
 public:
  Converter(const char* begin, const char* end, char* out)
      : p_(begin), begin_(begin), end_(end), w_(out), start_(out) {}

  char* run() {
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      switch (kByteClass[c]) {
        case kText:
          flush_break();
          copy_text_run();
          break;
        case kSpace:
          space();
          ++p_;
          break;
        case kNull:
          ++p_;  // dropped: NULs only ever come from broken or hostile input
          break;
        case kC2:
          if (p_ + 1 < end_ && static_cast<unsigned char>(p_[1]) == 0xA0) {
            space();
            p_ += 2;
          } else if (p_ + 1 < end_ && static_cast<unsigned char>(p_[1]) == 0xAD) {
            p_ += 2;  // soft hyphen, see put_code_point
          } else {
            flush_break();
            *w_++ = static_cast<char>(c);
            ++p_;
          }
          break;
        case kLt:
          markup();
          break;
        case kAmp:
          reference();
          break;
        default:
          break;
      }
    }
    trim_space();
    return w_;
  }

 private:
  // -- Output primitives --

  void space() {
    if (pending_break_ == 0 && w_ != start_ && w_[-1] != ' ') *w_++ = ' ';
  }
  void trim_space() {
    if (w_ != start_ && w_[-1] == ' ') --w_;
  }
  void block_break() {
    trim_space();
    pending_break_ = 2;
  }
  void line_break() {
    trim_space();
    if (pending_break_ < 2) ++pending_break_;
  }
  // Writes the pending break, if any, before text; breaks before the first text are dropped.
  void flush_break() {
    if (pending_break_ != 0) {
      if (w_ != start_) {
        *w_++ = '\n';
        if (pending_break_ == 2) *w_++ = '\n';
      }
      pending_break_ = 0;
    }
  }
  void put_char(char c) {
    flush_break();
    *w_++ = c;
  }
  void put_code_point(char32_t cp) {
    if (is_space_code_point(cp)) {
      space();
      return;
    }
    // A soft hyphen is invisible unless a line wraps there; left in, it splits words for the
    // tokenizers of dedup and topic tagging (German copy carries many).
    if (cp == 0xAD) return;
    flush_break();
    if (cp < 0x80) {
      *w_++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *w_++ = static_cast<char>(0xC0 | (cp >> 6));
      *w_++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *w_++ = static_cast<char>(0xE0 | (cp >> 12));
      *w_++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *w_++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *w_++ = static_cast<char>(0xF0 | (cp >> 18));
      *w_++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *w_++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *w_++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  // Text that is not markup (CDATA): whitespace still folds, NULs still go.
  void put_literal(const char* b, const char* e) {
    for (; b < e; ++b) {
      const auto c = static_cast<unsigned char>(*b);
      if (is_html_space(c) || c == '\v') {
        space();
      } else if (c == 0xC2 && b + 1 < e && static_cast<unsigned char>(b[1]) == 0xA0) {
        space();
        ++b;
      } else if (c == 0xC2 && b + 1 < e && static_cast<unsigned char>(b[1]) == 0xAD) {
        ++b;
      } else if (c != 0) {
        put_char(static_cast<char>(c));
      }
    }
  }

  // Copies text up to the next byte that needs a decision. A single space between words is plain
  // text here; only a second consecutive space stops the run, which keeps runs sentence-long.
  // Precondition: *p_ is kText and the pending break has been flushed.
  void copy_text_run() {
#if defined(__SSE2__)
    // 16 bytes at a time; the store may run past the end of the run, which is harmless because
    // output never overtakes input (the buffer holds html.size() bytes past start_).
    uint32_t carry = 0;  // was the previous chunk's last byte a space?
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i nul = _mm_setzero_si128();
    const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
    const __m128i sp = _mm_set1_epi8(' ');
    const __m128i nine = _mm_set1_epi8(9);
    const __m128i four = _mm_set1_epi8(4);
    while (end_ - p_ >= 16) {
      assert(w_ - start_ <= p_ - begin_);  // the invariant that makes the 16-byte store safe
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(w_), v);
      const __m128i t = _mm_sub_epi8(v, nine);  // \t..\r become 0..4
      const __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(t, four), t);
      const __m128i special = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, c2)), ctl));
      const auto spaces = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp)));
      const uint32_t stop =
          static_cast<uint32_t>(_mm_movemask_epi8(special)) | (spaces & ((spaces << 1) | carry));
      if (stop != 0) {
        const auto n = static_cast<size_t>(__builtin_ctz(stop));
        p_ += n;
        w_ += n;
        return;
      }
      carry = spaces >> 15;
      p_ += 16;
      w_ += 16;
    }
#endif
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (kByteClass[c] != kText && !(c == ' ' && w_[-1] != ' ')) return;
      *w_++ = static_cast<char>(c);
      ++p_;
    }
  }

  // -- Character references: *p_ == '&' --

  void reference() {
    const char* q = p_ + 1;
    if (q < end_ && *q == '#') {
      numeric_reference();
      return;
    }
    const char* r = q;
    while (r < end_ && static_cast<size_t>(r - q) <= html::kMaxEntityLength &&
           is_alnum(static_cast<unsigned char>(*r))) {
      ++r;
    }
    if (r == q) {  // "& " or "&&": a literal ampersand
      put_char('&');
      p_ = q;
      return;
    }
    if (r < end_ && *r == ';') {
      if (char32_t cp = html::lookup_entity({q, static_cast<size_t>(r - q)})) {
        put_code_point(cp);
        p_ = r + 1;
        return;
      }
    }
    // HTML still honours the old Latin-1 names without ';' ("&copy 2024", "&eacutee" -> "ée"):
    // take the longest such prefix of the letters.
    auto n = static_cast<size_t>(r - q);
    if (n > html::kMaxLegacyEntityLength) n = html::kMaxLegacyEntityLength;
    for (; n >= 2; --n) {
      if (char32_t cp = html::lookup_legacy_entity({q, n})) {
        put_code_point(cp);
        p_ = q + n;
        return;
      }
    }
    put_char('&');  // unknown name: left as text, the letters follow as ordinary text
    p_ = q;
  }

  void numeric_reference() {
    const char* q = p_ + 2;  // past "&#"
    const bool hex = q < end_ && (*q == 'x' || *q == 'X');
    if (hex) ++q;
    const char* digits = q;
    uint32_t v = 0;
    for (; q < end_; ++q) {
      const auto c = static_cast<unsigned char>(*q);
      uint32_t d;
      if (is_digit(c)) {
        d = c - '0';
      } else if (hex && static_cast<unsigned char>((c | 0x20) - 'a') < 6) {
        d = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      // Saturate instead of overflowing; the digits are still consumed so the scan stays linear.
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + d;
    }
    if (q == digits) {  // "&#" or "&#x" with no digits: plain text
      put_char('&');
      p_ += 1;
      return;
    }
    if (q < end_ && *q == ';') ++q;
    put_code_point(sanitize_numeric(v));
    p_ = q;
  }

  // -- Markup: *p_ == '<' --

  void markup() {
    const char* q = p_ + 1;
    if (q == end_) {
      put_char('<');
      p_ = q;
      return;
    }
    const auto c = static_cast<unsigned char>(*q);
    if (is_alpha(c)) {
      tag(q, /*end_tag=*/false);
    } else if (c == '/') {
      if (q + 1 < end_ && is_alpha(static_cast<unsigned char>(q[1]))) {
        tag(q + 1, /*end_tag=*/true);
      } else if (q + 1 == end_) {
        put_char('<');
        put_char('/');
        p_ = end_;
      } else {
        skip_to_gt(q + 1);  // "</>" and "</ x>" are dropped, as browsers do
      }
    } else if (c == '!') {
      bang(q + 1);
    } else if (c == '?') {
      skip_to_gt(q + 1);  // processing instruction / XML declaration
    } else {
      put_char('<');  // "a < b", "<3": a stray '<' is text
      p_ = q;
    }
  }

  void skip_to_gt(const char* q) {
    const void* gt = std::memchr(q, '>', static_cast<size_t>(end_ - q));
    p_ = gt ? static_cast<const char*>(gt) + 1 : end_;
  }

  // After "<!": comment, CDATA section, or a declaration such as <!DOCTYPE>.
  void bang(const char* q) {
    const auto rest = static_cast<size_t>(end_ - q);
    if (rest >= 2 && q[0] == '-' && q[1] == '-') {
      comment(q + 2);
    } else if (rest >= 7 && std::memcmp(q, "[CDATA[", 7) == 0) {
      const char* body = q + 7;
      const char* r = body;
      const char* close = end_;
      while (r < end_) {
        const void* b = std::memchr(r, ']', static_cast<size_t>(end_ - r));
        if (!b) break;
        r = static_cast<const char*>(b);
        if (end_ - r >= 3 && r[1] == ']' && r[2] == '>') {
          close = r;
          break;
        }
        ++r;
      }
      put_literal(body, close);
      p_ = close == end_ ? end_ : close + 3;
    } else {
      skip_to_gt(q);
    }
  }

  // `q` is just past "<!--". Ends at "-->" or "--!>"; "<!-->" and "<!--->" are empty comments
  // (browsers agree); an unterminated comment runs to the end of input.
  void comment(const char* q) {
    const char* body = q - 2;  // the "--" of the opener may also close it ("<!-->")
    const char* r = q;
    while (r < end_) {
      const void* g = std::memchr(r, '>', static_cast<size_t>(end_ - r));
      if (!g) break;
      r = static_cast<const char*>(g);
      if (r - body >= 2 && r[-1] == '-' && r[-2] == '-') {
        p_ = r + 1;
        return;
      }
      if (r - body >= 3 && r[-1] == '!' && r[-2] == '-' && r[-3] == '-') {
        p_ = r + 1;
        return;
      }
      ++r;
    }
    p_ = end_;
  }

  // `name` points at the first letter of the tag name.
  void tag(const char* name, bool end_tag) {
    const char* q = name;
    while (q < end_ && !ends_tag_name(static_cast<unsigned char>(*q))) ++q;
    const auto name_len = static_cast<size_t>(q - name);
    const TagKind kind = classify_tag(name, name_len);

    // Attributes: only a quote right after '=' opens a value, so "a'b" in an unquoted value or
    // a '>' inside title="a>b" does not end or derail the tag.
    bool self_closing = false;
    bool closed = false;
    while (q < end_) {
      const char c = *q;
      if (c == '>') {
        self_closing = q[-1] == '/';
        ++q;
        closed = true;
        break;
      }
      ++q;
      if (c == '=') {
        while (q < end_ && is_html_space(static_cast<unsigned char>(*q))) ++q;
        if (q < end_ && (*q == '"' || *q == '\'')) {
          const void* close = std::memchr(q + 1, *q, static_cast<size_t>(end_ - q - 1));
          q = close ? static_cast<const char*>(close) + 1 : end_;
        }
      }
    }
    p_ = q;
    if (!closed) return;  // a tag cut off by the end of input has no effect

    switch (kind) {
      case TagKind::kInline:
        break;
      case TagKind::kBlock:
        block_break();
        break;
      case TagKind::kBreak:
        line_break();
        break;
      case TagKind::kCell:
        space();
        break;
      case TagKind::kSkip:
        if (!end_tag && !self_closing) skip_raw_text(name, name_len, /*stop_at_body=*/false);
        break;
      case TagKind::kHead:
        if (!end_tag && !self_closing) skip_raw_text(name, name_len, /*stop_at_body=*/true);
        break;
    }
  }

  static bool equals_lower(const char* s, const char* lower_name, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (to_lower(static_cast<unsigned char>(s[i])) !=
          to_lower(static_cast<unsigned char>(lower_name[i]))) {
        return false;
      }
    }
    return true;
  }

  // Drops everything up to the end tag "</name" (any case), leaving p_ on its '<' so the main loop
  // consumes it as an ordinary tag. <head> also ends where <body> begins, as it does in browsers.
  // Without an end tag the rest of the input is dropped.
  void skip_raw_text(const char* name, size_t n, bool stop_at_body) {
    const char* r = p_;
    while (r < end_) {
      const void* lt = std::memchr(r, '<', static_cast<size_t>(end_ - r));
      if (!lt) break;
      r = static_cast<const char*>(lt);
      const auto rest = static_cast<size_t>(end_ - r);
      if (rest >= n + 2 && r[1] == '/' && equals_lower(r + 2, name, n) &&
          (rest == n + 2 || ends_tag_name(static_cast<unsigned char>(r[n + 2])))) {
        p_ = r;
        return;
      }
      if (stop_at_body && rest >= 5 && equals_lower(r + 1, "body", 4) &&
          (rest == 5 || ends_tag_name(static_cast<unsigned char>(r[5])))) {
        p_ = r;
        return;
      }
      ++r;
    }
    p_ = end_;
  }

  const char* p_;
  const char* const begin_;
  const char* const end_;
  char* w_;
  char* const start_;
  uint8_t pending_break_ = 0;  // 0 none, 1 line break, 2 paragraph break
};

}  // namespace

void html_to_text(std::string_view html, std::string& out) {
  if (html.empty()) return;
  const size_t old_size = out.size();
  // Output never exceeds input (see the design notes), so this is the only growth of `out`.
  out.resize(old_size + html.size());
  Converter converter(html.data(), html.data() + html.size(), out.data() + old_size);
  char* end = converter.run();
  assert(end <= out.data() + out.size());
  out.resize(static_cast<size_t>(end - out.data()));
}

}  // namespace wirefeed
