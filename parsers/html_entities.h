#pragma once
// Named character references for html_to_text: the HTML 4 set (Latin-1, symbols, Greek, typographic
// marks), apos, and the HTML5 names that wire copy actually uses (Latin Extended-A letters of
// Central European and Turkish names, ASCII punctuation names, extra spaces and fractions).
// Lookups are by exact, case-sensitive name without the leading '&' and the trailing ';'.

#include <cstdint>
#include <span>
#include <string_view>

namespace wirefeed::html {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
  bool
      legacy;  // HTML also accepts it without the trailing ';' (the Latin-1 set and amp/lt/gt/quot)
};

// Returns the code point of `name`, or 0 when it is not a known entity (no entity decodes to
// U+0000).
char32_t lookup_entity(std::string_view name);

// Like lookup_entity, but only for the legacy names that may appear without ';'.
char32_t lookup_legacy_entity(std::string_view name);

// Every entry, for tests.
std::span<const NamedEntity> entity_table();

// The longest legacy name ("frac12", "middot", ...): how far a semicolon-less match may reach.
inline constexpr size_t kMaxLegacyEntityLength = 6;
// The longest name in the table: a longer run of letters cannot be an entity.
inline constexpr size_t kMaxEntityLength = 16;

}  // namespace wirefeed::html
