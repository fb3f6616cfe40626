#include "parsers/dateline.h"

#include <array>

#include "parsers/credit_text.h"

namespace wirefeed {

namespace ct = credit_text;

namespace {

constexpr size_t kWindow = 200;    // a dateline never runs longer than this
constexpr size_t kMaxPrefix = 90;  // place + region + date
constexpr size_t kMaxSlot = 40;    // "(Yonhap)", "(Agence France-Presse)"

// Month stems of the languages we support, lower case. Matched as a token prefix.
constexpr std::array<std::string_view, 36> kMonthStems = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mär", "mae", "mai", "okt", "dez", "fév", "fev", "avr", "jui", "aoû", "déc", "ene",
    "abr", "ago", "dic", "set", "out", "янв", "фев", "мар", "апр", "ма",  "июн", "июл"};
constexpr std::array<std::string_view, 4> kMonthStemsRu2 = {"авг", "сен", "окт", "ноя"};

// First bytes of every stem above and of "дек": a token opening with any other (folded) byte is no
// month, which settles most words of a dateline without the 41 comparisons.
constexpr std::array<bool, 256> kMonthFirst = [] {
  std::array<bool, 256> t{};
  for (std::string_view stem : kMonthStems)
    t[static_cast<unsigned char>(ct::lower(stem[0]))] = true;
  for (std::string_view stem : kMonthStemsRu2) t[static_cast<unsigned char>(stem[0])] = true;
  t[static_cast<unsigned char>(std::string_view("дек")[0])] = true;
  return t;
}();

bool is_month_token(std::string_view tok) {
  if (tok.size() < 2) return false;
  if (!kMonthFirst[static_cast<unsigned char>(ct::lower(tok[0]))]) return false;
  for (std::string_view stem : kMonthStems) {
    if (ct::starts_with_ci(tok, stem)) return true;
  }
  for (std::string_view stem : kMonthStemsRu2) {
    if (tok.substr(0, stem.size()) == stem) return true;
  }
  return tok.substr(0, 6) == "дек";
}

// Lower-case words allowed inside place names ("Rio de Janeiro", "Frankfurt am Main").
bool is_place_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kParticles = {
      "de",  "da", "do",   "del", "la", "le", "am", "an",
      "der", "of", "upon", "sur", "el", "en", "im", "on"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

bool looks_like_place(std::string_view place) {
  place = ct::trim(place);
  if (place.empty() || place.size() > 70) return false;
  const char c0 = place[0];
  if (!(ct::is_upper(c0) || ct::is_high(c0))) return false;
  int words = 0;
  size_t i = 0;
  while (i < place.size()) {
    while (i < place.size() && (place[i] == ' ' || place[i] == ',' || place[i] == '/')) ++i;
    if (i >= place.size()) break;
    size_t j = i;
    while (j < place.size() && place[j] != ' ' && place[j] != ',' && place[j] != '/') ++j;
    std::string_view w = place.substr(i, j - i);
    ++words;
    for (char c : w) {
      if (ct::is_digit(c)) return false;
    }
    if (ct::is_lower(w[0]) && !is_place_particle(w)) return false;
    if (w.back() == '.' && w.size() > 6 && !ct::is_upper(w[0])) return false;
    i = j;
  }
  return words >= 1 && words <= 8;
}

bool all_caps_start(std::string_view place) {
  // Wire datelines print the city in capitals; without a date or an agency slot that is the one
  // thing that tells "WASHINGTON — " from a sentence with a dash in it.
  int letters = 0;
  for (char c : place) {
    if (c == ',') break;
    if (ct::is_lower(c)) return false;
    if (ct::is_upper(c)) ++letters;
  }
  // Cyrillic capitals (А-Я: D0 90..D0 AF) for "МОСКВА".
  if (letters == 0) {
    int caps = 0;
    for (size_t i = 0; i + 1 < place.size() && place[i] != ','; i += 2) {
      const auto b0 = static_cast<unsigned char>(place[i]);
      const auto b1 = static_cast<unsigned char>(place[i + 1]);
      if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xAF) {
        ++caps;
        continue;
      }
      if (place[i] == ' ' || place[i] == '-') {
        --i;
        continue;
      }
      return false;
    }
    return caps >= 3;
  }
  return letters >= 3;
}

// Splits "PLACE[, REGION][, DATE]" and validates it. Empty prefix is fine ("(Bloomberg) --").
// Yields views into `prefix`: the caller assigns them into its reused strings only on success.
bool split_prefix(std::string_view prefix, bool need_caps, std::string_view& out_place,
                  std::string_view& out_date) {
  out_place = {};
  out_date = {};
  prefix = ct::trim(prefix);
  while (!prefix.empty() && (prefix.back() == ',' || (prefix.back() == '.' && prefix.size() >= 2 &&
                                                      ct::is_digit(prefix[prefix.size() - 2])))) {
    // "MOSCOW, January 5." keeps its date; the final dot is punctuation ("Calif." keeps its dot).
    prefix.remove_suffix(1);
    prefix = ct::trim(prefix);
  }
  if (prefix.empty()) return !need_caps;
  if (prefix.size() > kMaxPrefix) return false;
  std::string_view place = prefix;
  std::string_view date;
  const size_t comma = prefix.rfind(',');
  if (comma != std::string_view::npos && looks_like_date(prefix.substr(comma + 1))) {
    place = ct::trim(prefix.substr(0, comma));
    date = ct::trim(prefix.substr(comma + 1));
  } else if (looks_like_date(prefix)) {
    return false;  // a date alone is not a dateline we can place
  }
  if (!looks_like_place(place)) return false;
  if (need_caps && date.empty() && !all_caps_start(place)) return false;
  out_place = place;
  out_date = date;
  return true;
}

// Skips the separator after an agency slot or a bare dateline. Returns bytes consumed, 0 if none.
size_t skip_separator(std::string_view s, bool allow_none) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') i += 2;
  const size_t start = i;
  if (i < s.size() && s[i] == '.') ++i;  // "(EFE).-"
  if (i < s.size() && s[i] == ':') {
    ++i;
  } else if (i + 2 < s.size() + 0 && s.substr(i, 3) == "\xE2\x80\x94") {  // em dash
    i += 3;
  } else if (s.substr(i, 3) == "\xE2\x80\x93") {  // en dash
    i += 3;
  } else if (i < s.size() && s[i] == '-') {
    while (i < s.size() && s[i] == '-') ++i;
  } else if (i > start) {
    // a lone "." only separates in "/TASS/." style, handled by the caller
    i = start;
    if (!allow_none) return 0;
  } else if (!allow_none) {
    return 0;
  }
  if (i < s.size() && !ct::is_space(s[i]) && s[i] != '\xC2') {
    // "—The" without a space still ends a dateline, but "-based" does not.
    if (s[i - 1] == '-' && ct::is_lower(s[i])) return 0;
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  while (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') {
    i += 2;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  return i;
}

void set_agency(std::string_view printed, const AgencyTable& agencies, Dateline& out) {
  if (const AgencyInfo* info = agencies.find(printed)) {
    out.agency = info->canonical;
    out.agency_is_wire = info->is_wire;
  } else {
    out.agency.assign(printed);
    out.agency_is_wire = false;
  }
}

// Writes a found dateline over `out` in place: a local Dateline moved into `out` dropped the
// capacity of out's strings, one allocation per story whose agency name outgrows SSO.
void fill(std::string_view place, std::string_view date, size_t length, Dateline& out) {
  out.present = true;
  out.place.assign(place);
  out.date.assign(date);
  out.agency.clear();
  out.agency_is_wire = false;
  out.length = length;
}

bool slot_looks_like_agency(std::string_view slot, const AgencyTable& agencies) {
  if (slot.empty() || slot.size() > kMaxSlot) return false;
  if (agencies.find(slot) != nullptr) return true;
  // Unknown outlets still fill the slot when they read like a name: capitalised, few words.
  if (!(ct::is_upper(slot[0]) || ct::is_high(slot[0]))) return false;
  int words = 1;
  for (char c : slot) {
    if (ct::is_digit(c)) return false;
    if (c == ' ') ++words;
    if (c == ',' || c == ';') return false;
  }
  return words <= 3;
}

}  // namespace

bool looks_like_date(std::string_view segment) {
  segment = ct::trim(segment);
  if (segment.empty() || segment.size() > 24) return false;
  bool month = false;
  bool digit = false;
  size_t i = 0;
  int tokens = 0;
  while (i < segment.size()) {
    while (i < segment.size() && (segment[i] == ' ' || segment[i] == '.')) ++i;
    if (i >= segment.size()) break;
    size_t j = i;
    while (j < segment.size() && segment[j] != ' ' && segment[j] != '.') ++j;
    std::string_view tok = segment.substr(i, j - i);
    ++tokens;
    if (ct::is_digit(tok[0])) {
      for (char c : tok) {
        if (!ct::is_digit(c) && c != ',') return false;
      }
      digit = true;
    } else if (is_month_token(tok)) {
      month = true;
    } else {
      return false;
    }
    i = j;
  }
  return month && digit && tokens <= 3;
}

bool parse_dateline(std::string_view text, const AgencyTable& agencies, Dateline& out) {
  std::string_view win = text.substr(0, kWindow);
  if (const size_t nl = win.find('\n'); nl != std::string_view::npos) win = win.substr(0, nl);
  std::string_view place;
  std::string_view date;

  // 1. An agency slot in parentheses followed by a separator: the most common form.
  size_t search = 0;
  while (true) {
    const size_t open = win.find('(', search);
    if (open == std::string_view::npos || open > kMaxPrefix + 2) break;
    const size_t close = win.find(')', open);
    if (close == std::string_view::npos) break;
    search = close;
    std::string_view slot = ct::trim(win.substr(open + 1, close - open - 1));
    if (!slot_looks_like_agency(slot, agencies)) continue;
    size_t sep = skip_separator(win.substr(close + 1), false);
    if (sep == 0) {
      // PTI and IANS print no separator: "NEW DELHI, Jan 5 (PTI) The ...". Accept that only for a
      // known agency after a real place.
      if (open == 0 || agencies.find(slot) == nullptr || close + 2 >= win.size() ||
          win[close + 1] != ' ' || !(ct::is_upper(win[close + 2]) || ct::is_high(win[close + 2]))) {
        continue;
      }
      sep = 1;
    }
    if (!split_prefix(win.substr(0, open), false, place, date)) continue;
    fill(place, date, close + 1 + sep, out);
    set_agency(slot, agencies, out);
    return true;
  }

  // 2. TASS: "MOSCOW, January 5. /TASS/. "
  if (const size_t slash = win.find(" /"); slash != std::string_view::npos && slash <= kMaxPrefix) {
    const size_t end = win.find('/', slash + 2);
    if (end != std::string_view::npos && end - slash - 2 <= kMaxSlot) {
      std::string_view slot = win.substr(slash + 2, end - slash - 2);
      if (agencies.find(slot) != nullptr &&
          split_prefix(win.substr(0, slash), false, place, date)) {
        size_t i = end + 1;
        if (i < win.size() && win[i] == '.') ++i;
        while (i < win.size() && win[i] == ' ') ++i;
        fill(place, date, i, out);
        set_agency(slot, agencies, out);
        return true;
      }
    }
  }

  // 3. A bare dateline ending in a dash: "NEW YORK, March 30 - ", "WASHINGTON — ",
  //    optionally followed by the agency and a full stop ("МОСКВА, 27 фев - РИА Новости. ").
  for (size_t i = 1; i < win.size() && i <= kMaxPrefix; ++i) {
    const char c = win[i];
    const bool dash =
        c == '-' ||
        (c == '\xE2' && (win.substr(i, 3) == "\xE2\x80\x94" || win.substr(i, 3) == "\xE2\x80\x93"));
    if (!dash) continue;
    // "March 26-" (no space) occurs after a date's day number only.
    if (win[i - 1] != ' ' && !(win[i - 1] == '\xA0' && i >= 2 && win[i - 2] == '\xC2') &&
        !(ct::is_digit(win[i - 1]) && c == '-' && i + 1 < win.size() && win[i + 1] == ' ')) {
      continue;
    }
    const size_t sep = skip_separator(win.substr(i), false);
    if (sep == 0 || i + sep >= win.size() || !ct::is_space(win[i + sep - 1])) {
      if (sep == 0) continue;
    }
    if (!split_prefix(win.substr(0, i), true, place, date)) break;  // first dash decides
    fill(place, date, i + sep, out);
    // Agency after the dash, closed by a full stop.
    std::string_view rest = win.substr(i + sep);
    const size_t dot = rest.find('.');
    if (dot != std::string_view::npos && dot > 0 && dot <= kMaxSlot) {
      std::string_view slot = ct::trim(rest.substr(0, dot));
      if (agencies.find(slot) != nullptr) {
        set_agency(slot, agencies, out);
        size_t k = dot + 1;
        while (k < rest.size() && rest[k] == ' ') ++k;
        out.length += k;
      }
    }
    return true;
  }
  return false;
}

}  // namespace wirefeed
