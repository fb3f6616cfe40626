#include "parsers/credits.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "parsers/credit_text.h"
#include "parsers/dateline.h"

namespace wirefeed {

namespace ct = credit_text;

namespace {

constexpr size_t kMaxCreditLine = 400;  // longer lines are prose, not credit lines
constexpr size_t kMaxItem = 90;         // one name or agency in a list
constexpr size_t kMaxEndTag = 48;       // "(FR mit dpa)", "(dpa/AFP)"
constexpr size_t kTailParagraphs = 4;   // credit sentences sit in the last paragraphs

// ---------------------------------------------------------------------------------------------
// Word lists

// Lower-case words that may sit inside a person's name.
bool is_name_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kParticles = {
      "de",  "da",  "do",  "dos", "das", "di",  "du",    "del",  "della", "van",
      "von", "der", "den", "ter", "ten", "bin", "binti", "bint", "ibn",   "al",
      "el",  "la",  "le",  "y",   "zu",  "st.", "dela",  "des"};
  static constexpr ct::WordShape kShape = ct::WordShape::of(kParticles);
  if (kShape.may_hold(w)) {
    for (std::string_view p : kParticles) {
      if (w == p) return true;
    }
  }
  return ct::starts_with_ci(w, "al-") || ct::starts_with_ci(w, "el-") || w.substr(0, 2) == "d'";
}

// Job titles that follow an agency ("AP Business Writer") or stand alone ("Staff Writer").
bool is_title_word(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kTitles = {
      "staff",       "writer",        "writers",   "correspondent", "correspondents",
      "reporter",    "reporters",     "editor",    "editors",       "senior",
      "chief",       "special",       "business",  "economics",     "economic",
      "political",   "diplomatic",    "science",   "medical",       "sports",
      "technology",  "tech",          "health",    "foreign",       "national",
      "white",       "house",         "bureau",    "desk",          "journalist",
      "journalists", "contributor",   "columnist", "photographer",  "videojournalist",
      "producer",    "international", "news",      "and",           "the",
      "of",          "for",           "legal",     "investigative"};
  static constexpr ct::WordShape kShape = ct::WordShape::of(kTitles);
  if (!kShape.may_hold(w)) return false;
  for (std::string_view t : kTitles) {
    if (ct::equals_ci(w, t)) return true;
  }
  return false;
}

// Words that describe an agency ("der Nachrichtenagentur dpa", "das agências EFE").
bool is_agency_descriptor(std::string_view w) {
  static constexpr std::array<std::string_view, 36> kWords = {"the",
                                                              "der",
                                                              "die",
                                                              "den",
                                                              "des",
                                                              "la",
                                                              "las",
                                                              "los",
                                                              "el",
                                                              "le",
                                                              "les",
                                                              "da",
                                                              "das",
                                                              "de",
                                                              "do",
                                                              "dos",
                                                              "del",
                                                              "l'agence",
                                                              "agence",
                                                              "agences",
                                                              "agency",
                                                              "agencies",
                                                              "agencia",
                                                              "agencias",
                                                              "agência",
                                                              "agências",
                                                              "nachrichtenagentur",
                                                              "nachrichtenagenturen",
                                                              "agentur",
                                                              "agenturen",
                                                              "news",
                                                              "wire",
                                                              "service",
                                                              "agenzia",
                                                              "агентства",
                                                              "агентство"};
  static constexpr ct::WordShape kShape = ct::WordShape::of(kWords);
  if (kShape.may_hold(w)) {
    for (std::string_view t : kWords) {
      if (ct::equals_ci(w, t)) return true;
    }
  }
  return w == "Агентства" || w == "Агентство";
}

// Credited without a name: "Guardian staff and agencies", "with files from wire services".
bool is_generic_credit(std::string_view item) {
  static constexpr std::array<std::string_view, 16> kGeneric = {
      "agencies",      "agency",
      "wire services", "wire reports",
      "news agencies", "wires",
      "staff",         "agenturen",
      "agences",       "agencias",
      "agências",      "agencies reports",
      "staff reports", "wire service reports",
      "news services", "агентства"};
  static constexpr ct::WordShape kShape = ct::WordShape::of(kGeneric);
  if (!kShape.may_hold(item)) return false;
  for (std::string_view g : kGeneric) {
    if (ct::equals_ci(item, g)) return true;
  }
  return false;
}

// Trailing words after an agency that do not change who is credited ("Reuters reports").
constexpr std::array<std::string_view, 9> kAgencySuffixes = {
    " reports", " report", " staff",       " dispatches", " correspondents",
    " wire",    " wires",  " journalists", " reporting"};

// False when `item` cannot end with any of kAgencySuffixes, judged by its last byte.
bool may_end_with_agency_suffix(std::string_view item) {
  if (item.empty()) return false;
  const char c = ct::lower(item.back());
  return c == 's' || c == 't' || c == 'f' || c == 'e' || c == 'g';
}

struct Trigger {
  std::string_view phrase;  // lower-case ASCII (other bytes exact)
  CreditRole role;
  bool agencies_only;  // a risky phrase: only lists made entirely of agencies count
};

// Phrases that open a credit line. Longest first where one is a prefix of another.
constexpr std::array<Trigger, 48> kTriggers = {{
    {"with additional reporting by", CreditRole::kAdditionalReporting, false},
    {"additional reporting by", CreditRole::kAdditionalReporting, false},
    {"additional reporting from", CreditRole::kAdditionalReporting, false},
    {"with reporting by", CreditRole::kReporting, false},
    {"with reporting from", CreditRole::kReporting, false},
    {"reporting by", CreditRole::kReporting, false},
    {"reported by", CreditRole::kReporting, false},
    {"writing by", CreditRole::kWriting, false},
    {"written by", CreditRole::kWriting, false},
    {"editing by", CreditRole::kEditing, false},
    {"edited by", CreditRole::kEditing, false},
    {"compiled by", CreditRole::kCompiled, false},
    {"compiled from", CreditRole::kCompiled, true},
    {"based on reporting by", CreditRole::kSource, false},
    {"based on reports by", CreditRole::kSource, true},
    {"based on reports from", CreditRole::kSource, true},
    {"with files from", CreditRole::kSource, true},
    {"with inputs from", CreditRole::kSource, true},
    {"inputs from", CreditRole::kSource, true},
    {"with assistance from", CreditRole::kAssistance, false},
    {"with contributions from", CreditRole::kContributed, false},
    {"sources:", CreditRole::kSource, true},
    {"source:", CreditRole::kSource, true},
    {"mit material von", CreditRole::kSource, true},
    {"mit material der", CreditRole::kSource, true},
    {"mit material des", CreditRole::kSource, true},
    {"mit material", CreditRole::kSource, true},
    {"mitarbeit:", CreditRole::kContributed, false},
    {"avec la contribution de", CreditRole::kContributed, false},
    {"avec l'", CreditRole::kSource, true},
    {"avec ", CreditRole::kSource, true},
    {"con información de", CreditRole::kSource, true},
    {"con informacion de", CreditRole::kSource, true},
    {"con información", CreditRole::kSource, true},
    {"con datos de", CreditRole::kSource, true},
    {"com informações das ", CreditRole::kSource, true},
    {"com informações dos ", CreditRole::kSource, true},
    {"com informações da ", CreditRole::kSource, true},
    {"com informações do ", CreditRole::kSource, true},
    {"com informações de ", CreditRole::kSource, true},
    {"com informação d", CreditRole::kSource, true},
    {"com ", CreditRole::kSource, true},
    {"по материалам", CreditRole::kSource, true},
    {"По материалам", CreditRole::kSource, true},
    {"с использованием материалов", CreditRole::kSource, true},
    {"С использованием материалов", CreditRole::kSource, true},
    {"при участии", CreditRole::kContributed, false},
    {"При участии", CreditRole::kContributed, false},
}};

// Triggers searched inside a short line, not only at its start.
constexpr std::array<std::string_view, 8> kInnerTriggers = {"with additional reporting by",
                                                            "additional reporting by",
                                                            "with reporting by",
                                                            "compiled from",
                                                            "based on reporting by",
                                                            "with files from",
                                                            "with inputs from",
                                                            "(reporting by"};

// The first four bytes of a phrase (or of a line, ASCII-folded) as one word.
constexpr uint32_t head_of(std::string_view s) {
  uint32_t h = 0;
  for (size_t i = 0; i < 4; ++i) {
    h |= static_cast<uint32_t>(static_cast<unsigned char>(ct::lower(s[i]))) << (8 * i);
  }
  return h;
}

constexpr bool all_triggers_have_a_head() {
  for (const Trigger& t : kTriggers) {
    if (t.phrase.size() < 4) return false;
  }
  return true;
}
static_assert(all_triggers_have_a_head(), "match_trigger compares the first four bytes at once");

// kTriggers grouped by first byte (lower case, or the lead byte of a Cyrillic phrase), each group
// in table order: a line is compared only with the few triggers that share its first byte, where
// the whole table used to be walked for every line opening with a common letter.
struct TriggerIndex {
  std::array<uint8_t, 257> begin{};  // group of byte b: order[begin[b] .. begin[b + 1])
  std::array<uint8_t, kTriggers.size()> order{};
  std::array<uint32_t, kTriggers.size()> head{};  // head_of(phrase) of order[k]
};

constexpr TriggerIndex kTriggerIndex = [] {
  TriggerIndex ix;
  std::array<size_t, 256> count{};
  for (const Trigger& tr : kTriggers) ++count[static_cast<unsigned char>(tr.phrase[0])];
  size_t at = 0;
  for (size_t b = 0; b < 256; ++b) {
    ix.begin[b] = static_cast<uint8_t>(at);
    at += count[b];
  }
  ix.begin[256] = static_cast<uint8_t>(at);
  std::array<size_t, 256> fill{};
  for (size_t i = 0; i < kTriggers.size(); ++i) {
    const auto b = static_cast<unsigned char>(kTriggers[i].phrase[0]);
    const size_t k = ix.begin[b] + fill[b]++;
    ix.order[k] = static_cast<uint8_t>(i);
    ix.head[k] = head_of(kTriggers[i].phrase);
  }
  return ix;
}();

// The first trigger of kTriggers (in table order) that `s` starts with. Only triggers whose first
// byte equals s's folded first byte can match, so searching that group alone gives the same answer.
const Trigger* match_trigger(std::string_view s) {
  if (s.empty()) return nullptr;
  const auto c = static_cast<unsigned char>(ct::lower(s[0]));
  if (kTriggerIndex.begin[c] == kTriggerIndex.begin[c + 1] || s.size() < 4) return nullptr;
  // Every phrase has four bytes or more: comparing those at once settles most candidates.
  const uint32_t head = head_of(s);
  for (size_t k = kTriggerIndex.begin[c]; k < kTriggerIndex.begin[c + 1]; ++k) {
    if (kTriggerIndex.head[k] != head) continue;
    const Trigger& t = kTriggers[kTriggerIndex.order[k]];
    if (ct::starts_with_ci(s, t.phrase)) return &t;
  }
  return nullptr;
}

// True when no trigger can open `raw` once strip_decor has run: strip_decor never removes a leading
// letter or digit, and no trigger starts with this one. Most lines of copy open with such a byte
// ("The", "He", "On", "2023"), so they are settled without stripping or matching.
bool opens_without_trigger(std::string_view raw) {
  if (raw.empty()) return false;
  const char c = raw[0];
  if (!(ct::is_alpha(c) || ct::is_digit(c))) return false;
  const auto f = static_cast<unsigned char>(ct::lower(c));
  return kTriggerIndex.begin[f] == kTriggerIndex.begin[f + 1];
}

// False when `line` cannot hold "contributed" or any of kInnerTriggers: each of those contains
// "contributed", "reporting by" or "compiled from" / "files from" / "inputs from", so a 'b' or an
// 'f' sits at a known offset. Most tail lines hold neither phrase, and this vector pass over
// them replaces the per-byte word-start test that dominated the credit scan.
bool may_hold_inner_credit(std::string_view line) {
  auto at = [line](size_t q, size_t offset, std::string_view phrase) {
    return q >= offset && ct::starts_with_ci(line.substr(q - offset), phrase);
  };
  return ct::any_letter_ci(line, 'b', 'f', [&](size_t q) {
    if (ct::lower(line[q]) == 'b') return at(q, 6, "contributed") || at(q, 10, "reporting by");
    return at(q, 9, "compiled from") || at(q, 6, "files from") || at(q, 7, "inputs from");
  });
}

// Strip list punctuation, italics markers and brackets around an item or a line.
constexpr std::array<bool, 256> kLeadDecor = ct::byte_set("([_*-\":");
constexpr std::array<bool, 256> kTrailDecor = ct::byte_set(")]_*.:\",");

std::string_view strip_decor(std::string_view s) {
  while (true) {
    s = ct::trim(s);
    if (s.empty()) return s;
    const char f = s.front();
    if (kLeadDecor[static_cast<unsigned char>(f)]) {
      s.remove_prefix(1);
      continue;
    }
    // Em and en dash; the lead byte is tested first because this runs for every line.
    if (f == '\xE2' && s.size() >= 3 && s[1] == '\x80' && (s[2] == '\x94' || s[2] == '\x93')) {
      s.remove_prefix(3);
      continue;
    }
    if (kTrailDecor[static_cast<unsigned char>(s.back())]) {
      s.remove_suffix(1);
      continue;
    }
    return s;
  }
}

// it.find(" of ") by its spaces (see credit_text::find_space).
size_t find_of(std::string_view it) {
  for (size_t p = ct::find_space(it); p != std::string_view::npos; p = ct::find_space(it, p + 1)) {
    if (it.substr(p, 4) == " of ") return p;
  }
  return std::string_view::npos;
}

// The first bytes of the list conjunctions below ("and", "und", "et", "y", "e", "и", "i", "en",
// "og", "och"; '\xD0' leads "и"): a space before any other byte needs no comparison.
bool may_open_conjunction(char c) {
  switch (c) {
    case 'a':
    case 'u':
    case 'e':
    case 'y':
    case 'i':
    case 'o':
    case '\xD0':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------

class Scanner {
 public:
  Scanner(const AgencyTable& table, CreditResult& out) : table_(table), out_(out) {}

  // Credits and agencies are written over the previous story's entries (used_/agencies_used_
  // count the live ones) so a reused CreditResult keeps its strings' capacity.
  void add_agency(std::string_view canonical) {
    for (size_t i = 0; i < agencies_used_; ++i) {
      if (out_.agencies[i] == canonical) return;
    }
    if (agencies_used_ < out_.agencies.size()) {
      out_.agencies[agencies_used_].assign(canonical);
    } else {
      take_spare(out_.agencies, out_.spare_agencies).assign(canonical);
    }
    ++agencies_used_;
  }

  void add_credit(std::string_view name, CreditKind kind, CreditRole role, std::string_view text) {
    for (size_t i = 0; i < used_; ++i) {
      const Credit& c = out_.credits[i];
      if (c.kind == kind && c.role == role && c.name == name) return;
    }
    Credit& c = used_ < out_.credits.size() ? out_.credits[used_]
                                            : take_spare(out_.credits, out_.spare_credits);
    ++used_;
    c.name.assign(name);
    c.kind = kind;
    c.role = role;
    c.text.assign(text);
  }

  void finish() {
    retire_tail(out_.credits, used_, out_.spare_credits);
    retire_tail(out_.agencies, agencies_used_, out_.spare_agencies);
  }

  void add_info(const AgencyInfo& info, CreditRole role, std::string_view text) {
    add_credit(info.canonical, info.is_wire ? CreditKind::kAgency : CreditKind::kOutlet, role,
               text);
    if (info.is_wire) add_agency(info.canonical);
  }

  // An agency named by the whole item, maybe with descriptors before it ("der Agentur dpa") or a
  // plural noun after it ("Reuters reports").
  const AgencyInfo* agency_of(std::string_view item) const {
    item = strip_decor(item);
    if (item.empty() || item.size() > 64) return nullptr;
    if (const AgencyInfo* info = table_.find(item)) return info;
    if (may_end_with_agency_suffix(item)) {
      for (std::string_view suf : kAgencySuffixes) {
        if (ct::ends_with_ci(item, suf)) {
          if (const AgencyInfo* info = table_.find(item.substr(0, item.size() - suf.size())))
            return info;
        }
      }
    }
    // Descriptor words before the alias.
    size_t pos = 0;
    while (true) {
      const size_t sp = ct::find_space(item, pos);
      if (sp == std::string_view::npos) return nullptr;
      std::string_view word = item.substr(pos, sp - pos);
      if (!is_agency_descriptor(word)) {
        // "l'AFP" style glued article
        return nullptr;
      }
      pos = sp + 1;
      std::string_view rest = item.substr(pos);
      if (const AgencyInfo* info = table_.find(rest)) return info;
      if (may_end_with_agency_suffix(rest)) {
        for (std::string_view suf : kAgencySuffixes) {
          if (ct::ends_with_ci(rest, suf)) {
            if (const AgencyInfo* info = table_.find(rest.substr(0, rest.size() - suf.size())))
              return info;
          }
        }
      }
    }
  }

  static bool looks_like_person(std::string_view name) {
    if (name.empty() || name.size() > 60) return false;
    int words = 0;
    int real = 0;
    size_t i = 0;
    while (i < name.size()) {
      while (i < name.size() && name[i] == ' ') ++i;
      if (i >= name.size()) break;
      size_t j = ct::find_space(name, i);
      if (j == std::string_view::npos) j = name.size();
      std::string_view w = name.substr(i, j - i);
      ++words;
      for (char c : w) {
        if (ct::is_digit(c) || c == '@' || c == '/' || c == '(' || c == ')') return false;
      }
      if (ct::is_upper(w[0]) || ct::is_high(w[0]) || (w[0] == '\'' && w.size() > 1)) {
        ++real;
      } else if (!is_name_particle(w)) {
        return false;
      }
      i = j;
    }
    return real >= 1 && words <= 6;
  }

  // Cuts " in Seoul", " at the United Nations", " from Tokyo" off a name.
  static std::string_view drop_place(std::string_view item, bool& ok) {
    ok = true;
    // Each separator below is a space and then 'i', 'a', 'f' or 'e': most names hold no such pair.
    bool candidate = false;
    for (size_t i = 0; i + 1 < item.size() && !candidate; ++i) {
      const char n = item[i + 1];
      candidate = item[i] == ' ' && (n == 'i' || n == 'a' || n == 'f' || n == 'e');
    }
    if (!candidate) return item;
    for (std::string_view sep :
         {std::string_view(" in "), std::string_view(" at "), std::string_view(" from "),
          std::string_view(" en "), std::string_view(" aus "), std::string_view(" in\n")}) {
      const size_t p = item.find(sep);
      if (p == std::string_view::npos) continue;
      std::string_view place = ct::trim(item.substr(p + sep.size()));
      if (place.empty()) continue;
      // The tail must read as a place: capitalised words, "the", particles.
      size_t i = 0;
      while (i < place.size()) {
        while (i < place.size() && (place[i] == ' ' || place[i] == ',')) ++i;
        if (i >= place.size()) break;
        size_t j = place.find_first_of(" ,", i);
        if (j == std::string_view::npos) j = place.size();
        std::string_view w = place.substr(i, j - i);
        if (!(ct::is_upper(w[0]) || ct::is_high(w[0]) || w == "the" || is_name_particle(w) ||
              w == "and")) {
          ok = false;
          return item;
        }
        i = j;
      }
      return ct::trim(item.substr(0, p));
    }
    return item;
  }

  // Classifies one list item. Returns false when the item is prose, which voids the line.
  bool item(std::string_view raw, CreditRole role, bool agencies_only, std::string_view line,
            CreditKind person_kind = CreditKind::kPerson) {
    std::string_view it = strip_decor(raw);
    if (ct::starts_with_ci(it, "and ")) it = ct::trim(it.substr(4));
    if (ct::starts_with_ci(it, "by ")) it = ct::trim(it.substr(3));
    if (it.empty()) return true;
    if (it.size() > kMaxItem) return false;
    if (const AgencyInfo* info = agency_of(it)) {
      add_info(*info, role, line);
      return true;
    }
    if (is_generic_credit(it)) {
      add_credit(it, CreditKind::kGeneric, role, line);
      return true;
    }
    if (agencies_only) return false;
    bool ok = true;
    const std::string_view before_place = it;
    it = drop_place(it, ok);
    if (!ok) return false;
    // agency_of is pure: when no place was cut off, the answer is the null one above.
    if (it.data() != before_place.data() || it.size() != before_place.size()) {
      if (const AgencyInfo* info = agency_of(it)) {
        add_info(*info, role, line);
        return true;
      }
    }
    // "CNN's Jane Doe", "Reuters' John Roe" (all three forms hold a quote or its lead byte)
    if (it.find_first_of("'\xE2") != std::string_view::npos) {
      for (std::string_view poss :
           {std::string_view("'s "), std::string_view("\xE2\x80\x99s "), std::string_view("' ")}) {
        const size_t p = it.find(poss);
        if (p == std::string_view::npos) continue;
        if (const AgencyInfo* info = agency_of(it.substr(0, p))) {
          add_info(*info, role, line);
          it = skip_titles(ct::trim(it.substr(p + poss.size())));
          break;
        }
      }
    }
    // "Associated Press writers Jane Doe", "AP Business Writer John Roe"
    it = agency_prefix(it, role, line);
    // "Jane Doe of The Associated Press"
    if (const size_t p = find_of(it); p != std::string_view::npos) {
      if (const AgencyInfo* info = agency_of(it.substr(p + 4))) {
        add_info(*info, role, line);
        it = ct::trim(it.substr(0, p));
      }
    }
    if (it.empty()) return true;
    if (all_titles(it)) return true;
    if (!looks_like_person(it)) return false;
    add_credit(it, person_kind, role, line);
    return true;
  }

  static bool all_titles(std::string_view s) {
    size_t i = 0;
    bool any = false;
    while (i < s.size()) {
      while (i < s.size() && s[i] == ' ') ++i;
      if (i >= s.size()) break;
      size_t j = ct::find_space(s, i);
      if (j == std::string_view::npos) j = s.size();
      if (!is_title_word(s.substr(i, j - i))) return false;
      any = true;
      i = j;
    }
    return any;
  }

  static std::string_view skip_titles(std::string_view s) {
    while (!s.empty()) {
      size_t j = ct::find_space(s);
      std::string_view w = s.substr(0, j);
      if (!is_title_word(w)) break;
      s = j == std::string_view::npos ? std::string_view() : ct::trim(s.substr(j));
    }
    return s;
  }

  std::string_view agency_prefix(std::string_view it, CreditRole role, std::string_view line) {
    // Try the longest leading run of up to four words that names an agency.
    size_t ends[4];
    int n = 0;
    size_t p = 0;
    while (n < 4) {
      const size_t sp = ct::find_space(it, p);
      if (sp == std::string_view::npos) break;
      ends[n++] = sp;
      p = sp + 1;
    }
    for (int k = n - 1; k >= 0; --k) {
      std::string_view head = it.substr(0, ends[k]);
      const AgencyInfo* info = table_.find(head);
      if (info == nullptr) continue;
      std::string_view rest = ct::trim(it.substr(ends[k]));
      std::string_view after = skip_titles(rest);
      if (after.size() == rest.size()) continue;  // no title: "Reuters Seoul" is not a credit form
      add_info(*info, role, line);
      return after;
    }
    return it;
  }

  // Parses a list of names/agencies under an initial role. Items may switch the role
  // ("Reporting by X; Editing by Y"). Returns false (and rolls back) when the text is prose.
  bool list(std::string_view text, CreditRole role, bool agencies_only, std::string_view line,
            CreditKind person_kind = CreditKind::kPerson) {
    const size_t credits_before = used_;
    const size_t agencies_before = agencies_used_;
    size_t start = 0;
    size_t i = 0;
    int items = 0;
    auto flush = [&](size_t end) -> bool {
      std::string_view raw = ct::trim(text.substr(start, end - start));
      if (!raw.empty()) {
        std::string_view stripped = strip_decor(raw);
        if (const Trigger* t = match_trigger(stripped); t != nullptr && !t->agencies_only) {
          role = t->role;
          raw = stripped.substr(t->phrase.size());
        }
        ++items;
        if (!item(raw, role, agencies_only, line, person_kind)) return false;
      }
      return true;
    };
    bool ok = true;
    while (i < text.size() && ok) {
      const char c = text[i];
      if (c == ',' || c == ';' || c == '&' || c == '\n' || c == '+') {
        ok = flush(i);
        start = i + 1;
        ++i;
        continue;
      }
      if (c == '/' && agencies_only) {
        ok = flush(i);
        start = i + 1;
        ++i;
        continue;
      }
      if (c == ' ' && i + 1 < text.size() && may_open_conjunction(text[i + 1])) {
        // conjunctions in the supported languages
        std::string_view rest = text.substr(i + 1);
        size_t skip = 0;
        for (std::string_view conj :
             {std::string_view("and "), std::string_view("und "), std::string_view("et "),
              std::string_view("y "), std::string_view("e "), std::string_view("и "),
              std::string_view("i "), std::string_view("en "), std::string_view("og "),
              std::string_view("och ")}) {
          if (rest.substr(0, conj.size()) == conj) {
            skip = conj.size();
            break;
          }
        }
        if (skip != 0) {
          ok = flush(i);
          start = i + 1 + skip;
          i = start;
          continue;
        }
      }
      ++i;
    }
    if (ok) ok = flush(text.size());
    if (!ok || items == 0) {
      used_ = credits_before;
      agencies_used_ = agencies_before;
      return false;
    }
    return used_ > credits_before;
  }

  // One line of the body that may be a credit line. `in_tail`: the line sits in the last
  // paragraphs, where credit sentences ("X contributed to this report") are searched for inside the
  // line too; elsewhere only the line start is read, which keeps the scan O(lines).
  void credit_line(std::string_view raw_line, bool in_tail) {
    if (!in_tail && opens_without_trigger(raw_line)) return;
    std::string_view line = strip_decor(raw_line);
    if (line.empty() || line.size() > kMaxCreditLine) return;
    if (const Trigger* t = match_trigger(line)) {
      if (list(line.substr(t->phrase.size()), t->role, t->agencies_only, line)) return;
    }
    if (!in_tail || !may_hold_inner_credit(line)) return;
    // One pass over the line's word starts finds both the "contributed" sentence and triggers
    // inside the line ("This story was compiled from Reuters reports.").
    for (size_t p = 1; p < line.size(); ++p) {
      const char c = ct::lower(line[p]);
      if (c != 'c' && c != 'w' && c != 'a' && c != 'b' && c != '(') continue;
      if (c != '(' && !ct::word_start(line, p)) continue;
      std::string_view rest = line.substr(p);
      if (c == 'c' && ct::starts_with_ci(rest, "contributed") && line[p - 1] == ' ') {
        // "Associated Press writers X and Y contributed to this report."
        std::string_view tail = rest.substr(11);
        if (tail.empty() || ct::starts_with_ci(tail, " to this") ||
            ct::starts_with_ci(tail, " to the r") || ct::starts_with_ci(tail, " to the s") ||
            ct::starts_with_ci(tail, " reporting") || ct::starts_with_ci(tail, " additional") ||
            ct::starts_with_ci(tail, " research") || tail[0] == '.') {
          std::string_view who = line.substr(0, p - 1);
          if (ct::ends_with_ci(who, " also")) who.remove_suffix(5);
          if (list(who, CreditRole::kContributed, false, line)) return;
        }
        continue;
      }
      for (std::string_view trig : kInnerTriggers) {
        if (trig[0] != c || !ct::starts_with_ci(rest, trig)) continue;
        std::string_view inner = strip_decor(rest);
        if (const Trigger* t = match_trigger(inner)) {
          std::string_view names = inner.substr(t->phrase.size());
          if (const size_t close = names.find(')'); close != std::string_view::npos) {
            names = names.substr(0, close);
          }
          if (list(names, t->role, t->agencies_only, inner)) return;
        }
      }
    }
  }

  // "By Jane Doe and John Roe", "Reuters Staff", "Von Christian Hollmann, dpa", "EFE".
  void byline(std::string_view text) {
    std::string_view b = strip_decor(text);
    for (std::string_view by :
         {std::string_view("by "), std::string_view("von "), std::string_view("par "),
          std::string_view("por "), std::string_view("от ")}) {
      if (ct::starts_with_ci(b, by)) {
        b = ct::trim(b.substr(by.size()));
        break;
      }
    }
    if (b.empty() || b.size() > 200) return;
    // "Le Monde avec AFP", "FR mit dpa": an outlet plus agencies.
    for (std::string_view with :
         {std::string_view(" avec "), std::string_view(" mit "), std::string_view(" with "),
          std::string_view(" com "), std::string_view(" con ")}) {
      const size_t p = b.find(with);
      if (p == std::string_view::npos) continue;
      if (list(b.substr(0, p), CreditRole::kByline, false, text) |
          list(b.substr(p + with.size()), CreditRole::kByline, true, text)) {
        return;
      }
    }
    list(b, CreditRole::kByline, false, text);
  }

  // "(dpa)", "(AFP/Reuters)", "(FR mit dpa)", "(avec AFP)" closing the last paragraph.
  bool end_tag(std::string_view content, std::string_view tag) {
    content = ct::trim(content);
    if (content.empty() || content.size() > kMaxEndTag) return false;
    for (std::string_view with :
         {std::string_view(" mit "), std::string_view(" avec "), std::string_view(" com "),
          std::string_view(" con "), std::string_view(" with ")}) {
      const size_t p = content.find(with);
      if (p == std::string_view::npos) continue;
      if (!list(content.substr(p + with.size()), CreditRole::kSource, true, tag)) return false;
      if (const AgencyInfo* info = agency_of(content.substr(0, p))) {
        // the outlet that wrote the story ("FR"): an outlet credit, never an agency
        add_credit(info->canonical, CreditKind::kOutlet, CreditRole::kByline, tag);
      }
      return true;
    }
    for (std::string_view lead :
         {std::string_view("avec "), std::string_view("mit "), std::string_view("com "),
          std::string_view("con "), std::string_view("with ")}) {
      if (ct::starts_with_ci(content, lead)) {
        return list(content.substr(lead.size()), CreditRole::kSource, true, tag);
      }
    }
    return list(content, CreditRole::kSource, true, tag);
  }

  // Photo and video credits --------------------------------------------------------------------

  void add_photo(std::string_view text, std::string_view agency_text) {
    text = ct::trim(text);
    if (text.empty()) return;
    for (const PhotoCredit& p : out_.photo_credits) {
      if (p.text == text) return;
    }
    PhotoCredit& pc = take_spare(out_.photo_credits, out_.spare_photo_credits);
    pc.text.assign(text);
    pc.agency.clear();
    if (const AgencyInfo* info = agency_of(agency_text)) pc.agency = info->canonical;
  }

  // End of a credit after "REUTERS/": names, "/File Photo", up to a bracket, line end or ". ".
  static size_t credit_end(std::string_view s, size_t from) {
    size_t i = from;
    while (i < s.size()) {
      const char c = s[i];
      if (c == ')' || c == '\n' || c == ';' || c == ']') break;
      if (c == '.' && (i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\n')) {
        // initials ("J. Scott") keep going; a sentence end stops
        if (i >= 2 && s[i - 2] == ' ' && ct::is_upper(s[i - 1])) {
          ++i;
          continue;
        }
        break;
      }
      if (c == ' ' && i + 1 < s.size() && ct::is_lower(s[i + 1])) {
        std::string_view w = s.substr(i + 1, s.find_first_of(" )\n", i + 1) - i - 1);
        if (!is_name_particle(w) && w != "via") break;
      }
      ++i;
    }
    return i;
  }

  static bool all_caps_word(std::string_view w) {
    int letters = 0;
    for (char c : w) {
      if (ct::is_lower(c)) return false;
      if (ct::is_upper(c)) ++letters;
    }
    return letters >= 2;
  }

  // Called for each '/' in the body; returns the position scanning may resume from.
  size_t photo_slash(std::string_view body, size_t pos) {
    // Word before the slash.
    size_t b = pos;
    while (b > 0 && (ct::is_alpha(body[b - 1]) || body[b - 1] == '-' || ct::is_high(body[b - 1])))
      --b;
    std::string_view before = body.substr(b, pos - b);
    if (before.empty() || pos + 1 >= body.size()) return pos + 1;
    const char next = body[pos + 1];
    if (!(ct::is_upper(next) || ct::is_high(next))) return pos + 1;
    size_t start = b;
    std::string_view agency = before;
    bool photo = false;
    if (before == "Photo" || before == "Photos" || before == "Video" || before == "Foto") {
      // "AP Photo/Evan Vucci"
      size_t a = b;
      if (a > 0 && body[a - 1] == ' ') {
        size_t a0 = a - 1;
        while (a0 > 0 && ct::is_alpha(body[a0 - 1])) --a0;
        std::string_view ag = body.substr(a0, a - 1 - a0);
        if (table_.find(ag) != nullptr) {
          start = a0;
          agency = ag;
          photo = true;
        }
      }
      if (!photo) photo = true, agency = {};
    } else if (table_.find(before) != nullptr) {
      const bool paren = b > 0 && body[b - 1] == '(';
      // "(dpa/AFP)" names two agencies: an end tag, not a picture credit.
      size_t e = pos + 1;
      while (e < body.size() && (ct::is_alpha(body[e]) || body[e] == '-' || ct::is_high(body[e])))
        ++e;
      const AgencyInfo* second = table_.find(body.substr(pos + 1, e - pos - 1));
      if (second != nullptr && second->is_wire) return e;
      if (all_caps_word(before) || paren) photo = true;
    } else if (before == "Getty") {
      photo = false;
    }
    // "Name/AFP" or "Name/AFP/Getty Images": the agency after the slash, ending the credit.
    if (!photo) {
      size_t e = pos + 1;
      while (e < body.size() && (ct::is_alpha(body[e]) || body[e] == '-' || ct::is_high(body[e])))
        ++e;
      std::string_view after = body.substr(pos + 1, e - pos - 1);
      const bool closes = e >= body.size() || body[e] == ')' || body[e] == '/' || body[e] == '\n' ||
                          (body[e] == ' ' &&
                           (body.substr(e + 1, 5) == "Getty" || body.substr(e + 1, 4) == "via ")) ||
                          body.substr(e, 2) == ". " || body[e] == '.';
      if (!after.empty() && closes && table_.find(after) != nullptr && all_caps_word(after)) {
        // start: back to an opening bracket, a colon or the line start
        size_t s = pos;
        while (s > 0 && pos - s < 80 && body[s - 1] != '(' && body[s - 1] != '\n' &&
               body[s - 1] != ':' && !(body[s - 1] == ' ' && s >= 2 && body[s - 2] == '.')) {
          --s;
        }
        const size_t end = credit_end(body, pos + 1);
        add_photo(body.substr(s, end - s), after);
        return end;
      }
      return pos + 1;
    }
    // Reject survey partners: "AP/NORC poll", "REUTERS/IPSOS survey".
    const size_t end = credit_end(body, pos + 1);
    std::string_view tail = body.substr(end, 12);
    if (ct::starts_with_ci(tail, " poll") || ct::starts_with_ci(tail, " survey")) return end;
    std::string_view after = body.substr(pos + 1, end - pos - 1);
    if (ct::ends_with_ci(after, " poll") || ct::ends_with_ci(after, " survey") ||
        ct::find_ci(after, " poll") != std::string_view::npos) {
      return end;
    }
    add_photo(body.substr(start, end - start), agency);
    return end;
  }

  // Called for each ':' in the body: "Photo: AFP", "Foto: dpa", "Photograph: X/Reuters".
  size_t photo_colon(std::string_view body, size_t pos) {
    size_t b = pos;
    while (b > 0 && (ct::is_alpha(body[b - 1]) || ct::is_high(body[b - 1]))) --b;
    std::string_view word = body.substr(b, pos - b);
    static constexpr std::array<std::string_view, 14> kWords = {
        "photo", "photos", "foto",  "fotos",  "photograph",   "picture",     "pictures",
        "image", "bild",   "video", "credit", "illustration", "photographs", "vídeo"};
    bool hit = false;
    for (std::string_view w : kWords) {
      if (ct::equals_ci(word, w)) hit = true;
    }
    if (!hit && (word == "Фото" || word == "фото" || word == "Видео")) hit = true;
    if (!hit) return pos + 1;
    size_t s = pos + 1;
    while (s < body.size() && body[s] == ' ') ++s;
    size_t e = s;
    while (e < body.size() && body[e] != ')' && body[e] != '\n' && body[e] != ']' &&
           !(body[e] == '.' && (e + 1 >= body.size() || body[e + 1] == ' '))) {
      ++e;
    }
    if (e == s || e - s > 80) return pos + 1;
    std::string_view content = body.substr(s, e - s);
    // the agency: the whole content, or its last '/' part ("Jane Doe/AFP/Getty Images")
    std::string_view agency = content;
    if (table_.find(content) == nullptr) {
      size_t p = 0;
      while (p < content.size()) {
        size_t q = content.find('/', p);
        if (q == std::string_view::npos) q = content.size();
        std::string_view part = ct::trim(content.substr(p, q - p));
        if (table_.find(part) != nullptr && table_.find(part)->canonical != "Getty Images") {
          agency = part;
          break;
        }
        p = q + 1;
      }
    }
    add_photo(body.substr(b, e - b), agency);
    return e;
  }

  // Each '/' and ':' of the body in order; a credit found skips the bytes it covers (both
  // photo_slash() and photo_colon() return a position after `pos`).
  void photo_credits(std::string_view body) {
    for (size_t pos = ct::find_either(body, '/', ':'); pos != std::string_view::npos;) {
      const size_t resume = body[pos] == '/' ? photo_slash(body, pos) : photo_colon(body, pos);
      pos = ct::find_either(body, '/', ':', std::max(pos + 1, resume));
    }
  }

  bool covered_by_photo(std::string_view text) const {
    for (const PhotoCredit& p : out_.photo_credits) {
      if (p.text.find(text) != std::string::npos || text.find(p.text) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

 private:
  const AgencyTable& table_;
  CreditResult& out_;
  size_t used_ = 0;
  size_t agencies_used_ = 0;
};

// Words that mark a paragraph as a picture caption rather than story copy.
bool looks_like_caption(std::string_view para) {
  static constexpr std::array<std::string_view, 14> kCues = {
      "file photo",    "picture taken",   "photo taken",   " is seen ",
      " are seen ",    "pictured",        " poses ",       "in this handout",
      "in this photo", "in this picture", "in this image", "photo illustration",
      "gestures",      "caption"};
  if (para.size() > 700) return false;
  for (std::string_view cue : kCues) {
    if (ct::find_ci(para, cue) != std::string_view::npos) return true;
  }
  // "..., June 21, 2023. (Reuters)": a caption's trailing full date with a year.
  const size_t open = ct::rfind_byte(para, '(');
  if (open != std::string_view::npos && open >= 8) {
    std::string_view before = ct::trim(para.substr(0, open));
    if (before.size() >= 6 && before.back() == '.') {
      std::string_view y = before.substr(before.size() - 5, 4);
      bool year = true;
      for (char c : y) year = year && ct::is_digit(c);
      if (year && before[before.size() - 7] == ',') return true;
    }
  }
  return false;
}

}  // namespace

CreditExtractor::CreditExtractor(std::shared_ptr<const AgencyTable> agencies)
    : agencies_(std::move(agencies)) {
  if (!agencies_) agencies_ = AgencyTable::builtin();
}

void CreditExtractor::extract(const Story& story, CreditResult& out) const {
  // Not out.clear(): the credit strings are overwritten in place (Scanner::finish trims).
  retire_tail(out.photo_credits, 0, out.spare_photo_credits);
  out.dateline.present = false;
  out.dateline.place.clear();
  out.dateline.date.clear();
  out.dateline.agency.clear();
  out.dateline.agency_is_wire = false;
  out.dateline.length = 0;
  const AgencyTable& table = *agencies_;
  Scanner scan(table, out);
  std::string_view body = story.body;

  // 1. The ninjs `by` field.
  if (!ct::trim(story.byline).empty()) scan.byline(story.byline);

  // 2. A "By ..." line at the top of the body, then the dateline after it.
  size_t dateline_from = 0;
  {
    std::string_view head = body.substr(0, 200);
    size_t lead = 0;
    while (lead < head.size() && ct::is_space(head[lead])) ++lead;
    std::string_view first = head.substr(lead);
    const size_t nl = first.find('\n');
    std::string_view line = first.substr(0, nl);
    if (nl != std::string_view::npos &&
        (ct::starts_with_ci(line, "by ") || line.substr(0, 4) == "Von " ||
         line.substr(0, 4) == "Par " || line.substr(0, 4) == "Por ") &&
        line.size() <= 120) {
      scan.byline(line);
      dateline_from = lead + nl;
      while (dateline_from < body.size() && ct::is_space(body[dateline_from])) ++dateline_from;
    }
  }

  // 3. Dateline.
  if (parse_dateline(body.substr(dateline_from), table, out.dateline)) {
    out.dateline.length += dateline_from;
    if (out.dateline.agency_is_wire) {
      scan.add_agency(out.dateline.agency);
    }
  }

  // 4. Photo credits anywhere (they must be known before end tags are read).
  scan.photo_credits(body);

  // 5. Credit lines: every line is checked at its start, which costs O(lines); the last
  //    kTailParagraphs paragraphs are also searched inside their lines.
  {
    size_t tail_start = body.size();
    for (size_t k = 0; k < kTailParagraphs && tail_start > 0; ++k) {
      const size_t p = ct::rfind_blank_line(body, tail_start - 1);
      if (p == std::string_view::npos) {
        tail_start = 0;
        break;
      }
      tail_start = p;
    }
    size_t pos = 0;
    while (pos < body.size()) {
      if (body[pos] == '\n') {  // an empty line (the second half of "\n\n") holds nothing
        ++pos;
        continue;
      }
      const void* nlp = std::memchr(body.data() + pos, '\n', body.size() - pos);
      const size_t end =
          nlp ? static_cast<size_t>(static_cast<const char*>(nlp) - body.data()) : body.size();
      if (end > pos) {
        std::string_view line = body.substr(pos, end - pos);
        // A credit list may wrap ("Reporting by\nJANE PORTER and TIM KELLY;\nEditing by ..."):
        // a trigger line takes the rest of its paragraph when that stays short.
        // Most lines end their paragraph ("\n\n" or the body's end at `end`): no search then.
        size_t para_end = end;
        if (end < body.size() && (end + 1 >= body.size() || body[end + 1] != '\n')) {
          para_end = body.find("\n\n", end);
          if (para_end == std::string_view::npos) para_end = body.size();
        }
        if (para_end > end && para_end - pos <= kMaxCreditLine && !opens_without_trigger(line) &&
            match_trigger(strip_decor(line)) != nullptr) {
          scan.credit_line(body.substr(pos, para_end - pos), pos >= tail_start);
          pos = para_end + 1;
          continue;
        }
        scan.credit_line(line, pos >= tail_start);
      }
      pos = end + 1;
    }
  }

  // 6. The end of the story: "(dpa)" end tags, the old Reuters "Reuter" sign-off, a lone "EFE".
  std::string_view tail = ct::trim(body);
  while (!tail.empty() && (tail.back() == '\x03' || ct::is_space(tail.back())))
    tail.remove_suffix(1);
  if (!tail.empty()) {
    size_t para_start = ct::rfind_blank_line(tail);
    para_start = para_start == std::string_view::npos ? 0 : para_start + 2;
    std::string_view last_para = tail.substr(para_start);
    size_t line_start = ct::rfind_byte(tail, '\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view last_line = ct::trim(tail.substr(line_start));
    if (last_line == "Reuter" || last_line == "REUTER" || ct::ends_with_ci(tail, " reuter") ||
        ct::ends_with_ci(tail, "\treuter")) {
      if (tail.size() >= 6 &&
          (tail.substr(tail.size() - 6) == "Reuter" || tail.substr(tail.size() - 6) == "REUTER")) {
        const AgencyInfo* info = table.find("Reuters");
        if (info != nullptr) {
          scan.add_info(*info, CreditRole::kSource, last_line);
          if (out.dateline.present && out.dateline.agency.empty()) {
            out.dateline.agency = info->canonical;
            out.dateline.agency_is_wire = true;
          }
        }
      }
    } else if (tail.back() == ')') {
      const size_t open = ct::rfind_byte(tail, '(');
      if (open != std::string_view::npos && open >= para_start &&
          tail.size() - open <= kMaxEndTag + 2) {
        std::string_view tag = tail.substr(open);
        std::string_view before = ct::trim(tail.substr(para_start, open - para_start));
        const bool alone = before.empty();
        const char pc = before.empty() ? '.' : before.back();
        const bool after_sentence =
            pc == '.' || pc == '!' || pc == '?' || pc == '"' ||
            (before.size() >= 3 && (before.substr(before.size() - 3) == "\xE2\x80\x9D" ||
                                    before.substr(before.size() - 2) == "\xC2\xBB"));
        if ((alone || after_sentence) && !scan.covered_by_photo(tag)) {
          if (!alone && looks_like_caption(last_para)) {
            if (const AgencyInfo* info = scan.agency_of(tag.substr(1, tag.size() - 2))) {
              (void)info;
              scan.add_photo(tag, tag.substr(1, tag.size() - 2));
            }
          } else {
            scan.end_tag(tag.substr(1, tag.size() - 2), tag);
          }
        }
      }
    } else if (last_line.size() <= 24 && last_line.size() < tail.size()) {
      // a sign-off line that is only an agency ("EFE", "AFP", "Xinhua")
      if (const AgencyInfo* info = table.find(last_line))
        scan.add_info(*info, CreditRole::kSource, last_line);
    }
  }
  scan.finish();
}

}  // namespace wirefeed
