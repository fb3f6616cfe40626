#include "parsers/html_entities.h"

#include <array>
#include <cstddef>

namespace wirefeed::html {
namespace {

// Hand-written from the HTML named character reference list; `legacy` marks the names HTML still
// decodes without a trailing ';' (they date from before the semicolon was required).
constexpr NamedEntity kEntities[] = {
    {"nbsp", 0xA0, true},       {"iexcl", 0xA1, true},
    {"cent", 0xA2, true},       {"pound", 0xA3, true},
    {"curren", 0xA4, true},     {"yen", 0xA5, true},
    {"brvbar", 0xA6, true},     {"sect", 0xA7, true},
    {"uml", 0xA8, true},        {"copy", 0xA9, true},
    {"ordf", 0xAA, true},       {"laquo", 0xAB, true},
    {"not", 0xAC, true},        {"shy", 0xAD, true},
    {"reg", 0xAE, true},        {"macr", 0xAF, true},
    {"deg", 0xB0, true},        {"plusmn", 0xB1, true},
    {"sup2", 0xB2, true},       {"sup3", 0xB3, true},
    {"acute", 0xB4, true},      {"micro", 0xB5, true},
    {"para", 0xB6, true},       {"middot", 0xB7, true},
    {"cedil", 0xB8, true},      {"sup1", 0xB9, true},
    {"ordm", 0xBA, true},       {"raquo", 0xBB, true},
    {"frac14", 0xBC, true},     {"frac12", 0xBD, true},
    {"frac34", 0xBE, true},     {"iquest", 0xBF, true},
    {"Agrave", 0xC0, true},     {"Aacute", 0xC1, true},
    {"Acirc", 0xC2, true},      {"Atilde", 0xC3, true},
    {"Auml", 0xC4, true},       {"Aring", 0xC5, true},
    {"AElig", 0xC6, true},      {"Ccedil", 0xC7, true},
    {"Egrave", 0xC8, true},     {"Eacute", 0xC9, true},
    {"Ecirc", 0xCA, true},      {"Euml", 0xCB, true},
    {"Igrave", 0xCC, true},     {"Iacute", 0xCD, true},
    {"Icirc", 0xCE, true},      {"Iuml", 0xCF, true},
    {"ETH", 0xD0, true},        {"Ntilde", 0xD1, true},
    {"Ograve", 0xD2, true},     {"Oacute", 0xD3, true},
    {"Ocirc", 0xD4, true},      {"Otilde", 0xD5, true},
    {"Ouml", 0xD6, true},       {"times", 0xD7, true},
    {"Oslash", 0xD8, true},     {"Ugrave", 0xD9, true},
    {"Uacute", 0xDA, true},     {"Ucirc", 0xDB, true},
    {"Uuml", 0xDC, true},       {"Yacute", 0xDD, true},
    {"THORN", 0xDE, true},      {"szlig", 0xDF, true},
    {"agrave", 0xE0, true},     {"aacute", 0xE1, true},
    {"acirc", 0xE2, true},      {"atilde", 0xE3, true},
    {"auml", 0xE4, true},       {"aring", 0xE5, true},
    {"aelig", 0xE6, true},      {"ccedil", 0xE7, true},
    {"egrave", 0xE8, true},     {"eacute", 0xE9, true},
    {"ecirc", 0xEA, true},      {"euml", 0xEB, true},
    {"igrave", 0xEC, true},     {"iacute", 0xED, true},
    {"icirc", 0xEE, true},      {"iuml", 0xEF, true},
    {"eth", 0xF0, true},        {"ntilde", 0xF1, true},
    {"ograve", 0xF2, true},     {"oacute", 0xF3, true},
    {"ocirc", 0xF4, true},      {"otilde", 0xF5, true},
    {"ouml", 0xF6, true},       {"divide", 0xF7, true},
    {"oslash", 0xF8, true},     {"ugrave", 0xF9, true},
    {"uacute", 0xFA, true},     {"ucirc", 0xFB, true},
    {"uuml", 0xFC, true},       {"yacute", 0xFD, true},
    {"thorn", 0xFE, true},      {"yuml", 0xFF, true},
    {"quot", 0x22, true},       {"amp", 0x26, true},
    {"lt", 0x3C, true},         {"gt", 0x3E, true},
    {"QUOT", 0x22, true},       {"AMP", 0x26, true},
    {"LT", 0x3C, true},         {"GT", 0x3E, true},
    {"COPY", 0xA9, true},       {"REG", 0xAE, true},
    {"apos", 0x27, false},      {"OElig", 0x152, false},
    {"oelig", 0x153, false},    {"Scaron", 0x160, false},
    {"scaron", 0x161, false},   {"Yuml", 0x178, false},
    {"circ", 0x2C6, false},     {"tilde", 0x2DC, false},
    {"ensp", 0x2002, false},    {"emsp", 0x2003, false},
    {"thinsp", 0x2009, false},  {"zwnj", 0x200C, false},
    {"zwj", 0x200D, false},     {"lrm", 0x200E, false},
    {"rlm", 0x200F, false},     {"ndash", 0x2013, false},
    {"mdash", 0x2014, false},   {"lsquo", 0x2018, false},
    {"rsquo", 0x2019, false},   {"sbquo", 0x201A, false},
    {"ldquo", 0x201C, false},   {"rdquo", 0x201D, false},
    {"bdquo", 0x201E, false},   {"dagger", 0x2020, false},
    {"Dagger", 0x2021, false},  {"permil", 0x2030, false},
    {"lsaquo", 0x2039, false},  {"rsaquo", 0x203A, false},
    {"euro", 0x20AC, false},    {"fnof", 0x192, false},
    {"Alpha", 0x391, false},    {"Beta", 0x392, false},
    {"Gamma", 0x393, false},    {"Delta", 0x394, false},
    {"Epsilon", 0x395, false},  {"Zeta", 0x396, false},
    {"Eta", 0x397, false},      {"Theta", 0x398, false},
    {"Iota", 0x399, false},     {"Kappa", 0x39A, false},
    {"Lambda", 0x39B, false},   {"Mu", 0x39C, false},
    {"Nu", 0x39D, false},       {"Xi", 0x39E, false},
    {"Omicron", 0x39F, false},  {"Pi", 0x3A0, false},
    {"Rho", 0x3A1, false},      {"Sigma", 0x3A3, false},
    {"Tau", 0x3A4, false},      {"Upsilon", 0x3A5, false},
    {"Phi", 0x3A6, false},      {"Chi", 0x3A7, false},
    {"Psi", 0x3A8, false},      {"Omega", 0x3A9, false},
    {"alpha", 0x3B1, false},    {"beta", 0x3B2, false},
    {"gamma", 0x3B3, false},    {"delta", 0x3B4, false},
    {"epsilon", 0x3B5, false},  {"zeta", 0x3B6, false},
    {"eta", 0x3B7, false},      {"theta", 0x3B8, false},
    {"iota", 0x3B9, false},     {"kappa", 0x3BA, false},
    {"lambda", 0x3BB, false},   {"mu", 0x3BC, false},
    {"nu", 0x3BD, false},       {"xi", 0x3BE, false},
    {"omicron", 0x3BF, false},  {"pi", 0x3C0, false},
    {"rho", 0x3C1, false},      {"sigmaf", 0x3C2, false},
    {"sigma", 0x3C3, false},    {"tau", 0x3C4, false},
    {"upsilon", 0x3C5, false},  {"phi", 0x3C6, false},
    {"chi", 0x3C7, false},      {"psi", 0x3C8, false},
    {"omega", 0x3C9, false},    {"thetasym", 0x3D1, false},
    {"upsih", 0x3D2, false},    {"piv", 0x3D6, false},
    {"bull", 0x2022, false},    {"hellip", 0x2026, false},
    {"prime", 0x2032, false},   {"Prime", 0x2033, false},
    {"oline", 0x203E, false},   {"frasl", 0x2044, false},
    {"weierp", 0x2118, false},  {"image", 0x2111, false},
    {"real", 0x211C, false},    {"trade", 0x2122, false},
    {"alefsym", 0x2135, false}, {"larr", 0x2190, false},
    {"uarr", 0x2191, false},    {"rarr", 0x2192, false},
    {"darr", 0x2193, false},    {"harr", 0x2194, false},
    {"crarr", 0x21B5, false},   {"lArr", 0x21D0, false},
    {"uArr", 0x21D1, false},    {"rArr", 0x21D2, false},
    {"dArr", 0x21D3, false},    {"hArr", 0x21D4, false},
    {"forall", 0x2200, false},  {"part", 0x2202, false},
    {"exist", 0x2203, false},   {"empty", 0x2205, false},
    {"nabla", 0x2207, false},   {"isin", 0x2208, false},
    {"notin", 0x2209, false},   {"ni", 0x220B, false},
    {"prod", 0x220F, false},    {"sum", 0x2211, false},
    {"minus", 0x2212, false},   {"lowast", 0x2217, false},
    {"radic", 0x221A, false},   {"prop", 0x221D, false},
    {"infin", 0x221E, false},   {"ang", 0x2220, false},
    {"and", 0x2227, false},     {"or", 0x2228, false},
    {"cap", 0x2229, false},     {"cup", 0x222A, false},
    {"int", 0x222B, false},     {"there4", 0x2234, false},
    {"sim", 0x223C, false},     {"cong", 0x2245, false},
    {"asymp", 0x2248, false},   {"ne", 0x2260, false},
    {"equiv", 0x2261, false},   {"le", 0x2264, false},
    {"ge", 0x2265, false},      {"sub", 0x2282, false},
    {"sup", 0x2283, false},     {"nsub", 0x2284, false},
    {"sube", 0x2286, false},    {"supe", 0x2287, false},
    {"oplus", 0x2295, false},   {"otimes", 0x2297, false},
    {"perp", 0x22A5, false},    {"sdot", 0x22C5, false},
    {"lceil", 0x2308, false},   {"rceil", 0x2309, false},
    {"lfloor", 0x230A, false},  {"rfloor", 0x230B, false},
    {"lang", 0x27E8, false},    {"rang", 0x27E9, false},
    {"loz", 0x25CA, false},     {"spades", 0x2660, false},
    {"clubs", 0x2663, false},   {"hearts", 0x2665, false},
    {"diams", 0x2666, false},   {"TRADE", 0x2122, false},
    {"hyphen", 0x2010, false},  {"dash", 0x2010, false},
    {"horbar", 0x2015, false},  {"bullet", 0x2022, false},
    {"nldr", 0x2025, false},    {"mldr", 0x2026, false},
    {"lsquor", 0x201A, false},  {"rsquor", 0x2019, false},
    {"ldquor", 0x201E, false},  {"rdquor", 0x201D, false},
    {"numsp", 0x2007, false},   {"puncsp", 0x2008, false},
    {"hairsp", 0x200A, false},  {"emsp13", 0x2004, false},
    {"emsp14", 0x2005, false},  {"MediumSpace", 0x205F, false},
    {"NoBreak", 0x2060, false}, {"NonBreakingSpace", 0xA0, false},
    {"numero", 0x2116, false},  {"copysr", 0x2117, false},
    {"ohm", 0x3A9, false},      {"half", 0xBD, false},
    {"check", 0x2713, false},   {"cross", 0x2717, false},
    {"starf", 0x2605, false},   {"star", 0x2606, false},
    {"frac13", 0x2153, false},  {"frac23", 0x2154, false},
    {"frac15", 0x2155, false},  {"frac25", 0x2156, false},
    {"frac35", 0x2157, false},  {"frac45", 0x2158, false},
    {"frac16", 0x2159, false},  {"frac56", 0x215A, false},
    {"frac18", 0x215B, false},  {"frac38", 0x215C, false},
    {"frac58", 0x215D, false},  {"frac78", 0x215E, false},
    {"Tab", 0x9, false},        {"NewLine", 0xA, false},
    {"excl", 0x21, false},      {"num", 0x23, false},
    {"dollar", 0x24, false},    {"percnt", 0x25, false},
    {"lpar", 0x28, false},      {"rpar", 0x29, false},
    {"ast", 0x2A, false},       {"plus", 0x2B, false},
    {"comma", 0x2C, false},     {"period", 0x2E, false},
    {"sol", 0x2F, false},       {"colon", 0x3A, false},
    {"semi", 0x3B, false},      {"equals", 0x3D, false},
    {"quest", 0x3F, false},     {"commat", 0x40, false},
    {"lsqb", 0x5B, false},      {"lbrack", 0x5B, false},
    {"bsol", 0x5C, false},      {"rsqb", 0x5D, false},
    {"rbrack", 0x5D, false},    {"Hat", 0x5E, false},
    {"lowbar", 0x5F, false},    {"grave", 0x60, false},
    {"lcub", 0x7B, false},      {"lbrace", 0x7B, false},
    {"verbar", 0x7C, false},    {"vert", 0x7C, false},
    {"rcub", 0x7D, false},      {"rbrace", 0x7D, false},
    {"Amacr", 0x100, false},    {"amacr", 0x101, false},
    {"Abreve", 0x102, false},   {"abreve", 0x103, false},
    {"Aogon", 0x104, false},    {"aogon", 0x105, false},
    {"Cacute", 0x106, false},   {"cacute", 0x107, false},
    {"Ccaron", 0x10C, false},   {"ccaron", 0x10D, false},
    {"Dcaron", 0x10E, false},   {"dcaron", 0x10F, false},
    {"Dstrok", 0x110, false},   {"dstrok", 0x111, false},
    {"Emacr", 0x112, false},    {"emacr", 0x113, false},
    {"Edot", 0x116, false},     {"edot", 0x117, false},
    {"Eogon", 0x118, false},    {"eogon", 0x119, false},
    {"Ecaron", 0x11A, false},   {"ecaron", 0x11B, false},
    {"Gbreve", 0x11E, false},   {"gbreve", 0x11F, false},
    {"Idot", 0x130, false},     {"imath", 0x131, false},
    {"inodot", 0x131, false},   {"Imacr", 0x12A, false},
    {"imacr", 0x12B, false},    {"Lacute", 0x139, false},
    {"lacute", 0x13A, false},   {"Lcaron", 0x13D, false},
    {"lcaron", 0x13E, false},   {"Lstrok", 0x141, false},
    {"lstrok", 0x142, false},   {"Nacute", 0x143, false},
    {"nacute", 0x144, false},   {"Ncaron", 0x147, false},
    {"ncaron", 0x148, false},   {"Omacr", 0x14C, false},
    {"omacr", 0x14D, false},    {"Odblac", 0x150, false},
    {"odblac", 0x151, false},   {"Racute", 0x154, false},
    {"racute", 0x155, false},   {"Rcaron", 0x158, false},
    {"rcaron", 0x159, false},   {"Sacute", 0x15A, false},
    {"sacute", 0x15B, false},   {"Scedil", 0x15E, false},
    {"scedil", 0x15F, false},   {"Tcedil", 0x162, false},
    {"tcedil", 0x163, false},   {"Tcaron", 0x164, false},
    {"tcaron", 0x165, false},   {"Umacr", 0x16A, false},
    {"umacr", 0x16B, false},    {"Uring", 0x16E, false},
    {"uring", 0x16F, false},    {"Udblac", 0x170, false},
    {"udblac", 0x171, false},   {"Zacute", 0x179, false},
    {"zacute", 0x17A, false},   {"Zdot", 0x17B, false},
    {"zdot", 0x17C, false},     {"Zcaron", 0x17D, false},
    {"zcaron", 0x17E, false},
};

constexpr size_t kEntityCount = sizeof(kEntities) / sizeof(kEntities[0]);

// Entities are decoded on the hot path (an article has one &rsquo; per sentence), so lookups go
// through an open-addressing table built at compile time instead of a search.
constexpr size_t kSlots = 1024;  // a power of two, under 40% full
static_assert(kEntityCount < kSlots / 2);

constexpr uint32_t hash_name(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

constexpr std::array<uint16_t, kSlots> build_slots() {
  std::array<uint16_t, kSlots> slots{};  // 0 = empty, else index + 1
  for (size_t i = 0; i < kEntityCount; ++i) {
    size_t s = hash_name(kEntities[i].name) & (kSlots - 1);
    while (slots[s] != 0) s = (s + 1) & (kSlots - 1);
    slots[s] = static_cast<uint16_t>(i + 1);
  }
  return slots;
}

constexpr std::array<uint16_t, kSlots> kSlotTable = build_slots();

constexpr size_t max_name_length() {
  size_t n = 0;
  for (const auto& e : kEntities) n = e.name.size() > n ? e.name.size() : n;
  return n;
}
constexpr size_t max_legacy_length() {
  size_t n = 0;
  for (const auto& e : kEntities)
    if (e.legacy) n = e.name.size() > n ? e.name.size() : n;
  return n;
}
static_assert(max_name_length() == kMaxEntityLength);
static_assert(max_legacy_length() == kMaxLegacyEntityLength);

const NamedEntity* find(std::string_view name) {
  if (name.empty() || name.size() > kMaxEntityLength) return nullptr;
  size_t s = hash_name(name) & (kSlots - 1);
  while (uint16_t idx = kSlotTable[s]) {
    const NamedEntity& e = kEntities[idx - 1];
    if (e.name == name) return &e;
    s = (s + 1) & (kSlots - 1);
  }
  return nullptr;
}

}  // namespace

char32_t lookup_entity(std::string_view name) {
  const NamedEntity* e = find(name);
  return e ? e->code_point : 0;
}

char32_t lookup_legacy_entity(std::string_view name) {
  if (name.size() > kMaxLegacyEntityLength) return 0;
  const NamedEntity* e = find(name);
  return e && e->legacy ? e->code_point : 0;
}

std::span<const NamedEntity> entity_table() { return {kEntities, kEntityCount}; }

}  // namespace wirefeed::html
