#include "parsers/ninjs.h"

#include <simdjson.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parsers/html.h"

namespace wirefeed {

namespace od = simdjson::ondemand;

namespace {

constexpr std::string_view kInfoSources3 = "infoSources";
constexpr std::string_view kInfoSources2 = "infosources";
constexpr std::string_view kSubjects = "subjects";
constexpr std::string_view kSubject1 = "subject";

Status fail(std::string_view code, std::string message) {
  return Status(std::string(code), std::move(message));
}

Status from_simdjson(simdjson::error_code e, std::string_view where) {
  switch (e) {
    case simdjson::UTF8_ERROR:
      return fail(kReasonInvalidUtf8, "invalid UTF-8");
    case simdjson::DEPTH_ERROR:
      return fail(kReasonTooDeep, "JSON nested too deeply");
    case simdjson::CAPACITY:
      return fail(kReasonTooLarge, "document exceeds parser capacity");
    default:
      break;
  }
  std::string msg = "invalid JSON";
  if (!where.empty()) {
    msg += " in ";
    msg += where;
  }
  msg += ": ";
  msg += simdjson::error_message(e);
  return fail(kReasonBadJson, std::move(msg));
}

// A known string field that failed to read: only a value of another type is wrong_type; a broken
// string (bad escape, lone surrogate) is malformed JSON and must not be reported as a type error.
Status string_error(simdjson::error_code e, std::string_view where,
                    std::string wrong_type_message) {
  if (e == simdjson::INCORRECT_TYPE) return fail(kReasonWrongType, std::move(wrong_type_message));
  return from_simdjson(e, where);
}

// Offset of the bracket closing the array/object whose opening bracket is at `open`. The value has
// already been validated, so a small string-aware scan suffices. Only quotes, backslashes and
// brackets matter, so blocks of 16 bytes are searched for those at once: the subjects and
// infoSources arrays were walked byte by byte.
size_t matching_close(std::string_view doc, size_t open) {
  int depth = 0;
  bool in_string = false;
  size_t skip_to = 0;  // the byte after a backslash inside a string is not looked at
  // Returns true when the byte at i closes the value.
  auto step = [&](size_t i) {
    if (i < skip_to) return false;
    const char c = doc[i];
    if (in_string) {
      if (c == '\\') {
        skip_to = i + 2;
      } else if (c == '"') {
        in_string = false;
      }
      return false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return true;
    }
    return false;
  };
  size_t i = open;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  // '[' ']' are '{' '}' less 0x20, and no other byte ORed with 0x20 gives '{' or '}'.
  const __m128i fold = _mm_set1_epi8(0x20);
  const __m128i open_brace = _mm_set1_epi8('{');
  const __m128i close_brace = _mm_set1_epi8('}');
  for (; i + 16 <= doc.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(doc.data() + i));
    const __m128i f = _mm_or_si128(v, fold);
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_or_si128(_mm_cmpeq_epi8(f, open_brace), _mm_cmpeq_epi8(f, close_brace)))));
    while (mask != 0) {
      const size_t j = i + static_cast<size_t>(__builtin_ctz(mask));
      if (step(j)) return j;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < doc.size(); ++i) {
    if (step(i)) return i;
  }
  return std::string_view::npos;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Normalises a plain-text body: CRLF to LF, paragraphs ("\n\n"-separated or single newlines between
// indented lines) kept, runs of blank lines folded to one, each line's ends trimmed.
void plain_to_text(std::string_view in, std::string& out) {
  // Most bodies are already in this shape, so the output is copied from the input in runs: a run
  // grows while the separator written before a line is exactly the input between it and the run,
  // and is appended in one go instead of line by line.
  size_t run_begin = 0;
  size_t run_end = 0;  // run_begin == run_end: no run yet
  size_t pending_newlines = 0;
  bool started = false;
  size_t i = 0;
  while (i < in.size()) {
    size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) eol = in.size();
    std::string_view line = trim(in.substr(i, eol - i));
    if (line.empty()) {
      if (started) pending_newlines = 2;
    } else {
      const size_t begin = static_cast<size_t>(line.data() - in.data());
      std::string_view sep;
      if (started) sep = pending_newlines >= 2 ? std::string_view("\n\n") : std::string_view("\n");
      if (run_end != run_begin && begin - run_end == sep.size() &&
          in.substr(run_end, sep.size()) == sep) {
        run_end = begin + line.size();
      } else {
        out.append(in.substr(run_begin, run_end - run_begin));
        out.append(sep);
        run_begin = begin;
        run_end = begin + line.size();
      }
      started = true;
      pending_newlines = 1;
    }
    i = eol + 1;
  }
  out.append(in.substr(run_begin, run_end - run_begin));
}

}  // namespace

struct StoryParser::Impl {
  explicit Impl(ParserLimits l) : limits(l) {}
  ParserLimits limits;
  od::parser parser;
  od::parser inner;  // not used for documents; kept for symmetry of lifetimes
  std::string padded;
  std::string_view doc;  // the padded copy, without padding

  // Candidate bodies: kept as views into the parser's string buffer until the walk ends.
  std::string_view plain_body;
  std::string_view html_body;
  bool have_plain = false;
  bool have_html = false;
  // ninjs 1.x/2.x fields held until the walk ends; members so their capacity is reused across
  // stories (as locals they were a heap allocation per story).
  std::string body_text_v1;
  std::string body_html_v1;
  std::string scratch;

  Status walk(od::value v, size_t depth, std::string_view where);
  Status read_string(od::value v, std::string_view field, std::string& out);
  Status read_headlines(od::value v);
  Status read_bodies(od::value v);
  Status read_entry_array(od::value v, std::string_view key, std::string_view wanted,
                          std::vector<std::string>& values, std::vector<std::string>& spare,
                          size_t& end, bool& empty);
  Status read_info_sources(od::value v, std::string_view key, StoryLayout& layout);
  Status read_subjects(od::value v, std::string_view key, StoryLayout& layout);
  size_t offset_of(std::string_view token) const {
    return static_cast<size_t>(token.data() - doc.data());
  }
  Story* story = nullptr;
};

Status StoryParser::Impl::walk(od::value v, size_t depth, std::string_view where) {
  if (depth > limits.max_depth) {
    return fail(kReasonTooDeep, "JSON nested deeper than " + std::to_string(limits.max_depth));
  }
  od::json_type t;
  if (auto e = v.type().get(t)) return from_simdjson(e, where);
  switch (t) {
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return from_simdjson(e, where);
      for (auto el : a) {
        od::value child;
        if (auto e = el.get(child)) return from_simdjson(e, where);
        if (Status s = walk(child, depth + 1, where); !s) return s;
      }
      return {};
    }
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return from_simdjson(e, where);
      for (auto field : o) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return from_simdjson(e, where);
        if (Status s = walk(field.value(), depth + 1, where); !s) return s;
      }
      return {};
    }
    case od::json_type::number: {
      od::number n;
      if (auto e = v.get_number().get(n)) return from_simdjson(e, where);
      return {};
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return from_simdjson(e, where);
      return {};
    }
    case od::json_type::boolean: {
      bool b;
      if (auto e = v.get_bool().get(b)) return from_simdjson(e, where);
      return {};
    }
    case od::json_type::null: {
      // is_null() yields a simdjson_result: converting it to bool throws on a broken atom
      // ("nullx"), so the error must be taken as a value.
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return from_simdjson(e, where);
      if (!is_null) return from_simdjson(simdjson::N_ATOM_ERROR, where);
      return {};
    }
  }
  return {};
}

Status StoryParser::Impl::read_string(od::value v, std::string_view field, std::string& out) {
  od::json_type t;
  if (auto e = v.type().get(t)) return from_simdjson(e, field);
  if (t == od::json_type::null) {
    // type() only looks at the first byte: "nonsense" types as null too, and the record copies
    // the input verbatim, so the atom must be checked.
    bool is_null = false;
    if (auto e = v.is_null().get(is_null)) return from_simdjson(e, field);
    if (!is_null) return from_simdjson(simdjson::N_ATOM_ERROR, field);
    return {};
  }
  if (t == od::json_type::number && field == "version") {
    // ninjs 3 says string, but numeric versions are common in the wild.
    const std::string_view raw = v.raw_json_token();
    od::number n;
    if (auto e = v.get_number().get(n)) return from_simdjson(e, field);
    out.assign(trim(raw));
    return {};
  }
  if (t != od::json_type::string) {
    return fail(kReasonWrongType, "'" + std::string(field) + "' must be a string");
  }
  std::string_view s;
  if (auto e = v.get_string().get(s)) return from_simdjson(e, field);
  out.assign(s);
  return {};
}

Status StoryParser::Impl::read_headlines(od::value v) {
  od::array a;
  if (v.get_array().get(a)) return fail(kReasonWrongType, "'headlines' must be an array");
  bool have_main = false;
  for (auto el : a) {
    od::object o;
    if (el.get_object().get(o)) return fail(kReasonWrongType, "'headlines' items must be objects");
    std::string_view role;
    std::string_view value;
    bool has_value = false;
    for (auto field : o) {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return from_simdjson(e, "headlines");
      od::value fv = field.value();
      if (key == "value" || key == "role") {
        std::string_view s;
        if (auto e = fv.get_string().get(s)) {
          return string_error(e, "headlines",
                              "'headlines[]." + std::string(key) + "' must be a string");
        }
        if (key == "value") {
          value = s;
          has_value = true;
        } else {
          role = s;
        }
      } else if (Status s = walk(fv, 3, "headlines"); !s) {
        return s;
      }
    }
    if (!has_value || have_main) continue;
    if (role == "main" || story->headline.empty()) {
      story->headline.assign(value);
      have_main = role == "main";
    }
  }
  return {};
}

Status StoryParser::Impl::read_bodies(od::value v) {
  od::array a;
  if (v.get_array().get(a)) return fail(kReasonWrongType, "'bodies' must be an array");
  for (auto el : a) {
    od::object o;
    if (el.get_object().get(o)) return fail(kReasonWrongType, "'bodies' items must be objects");
    std::string_view content_type;
    std::string_view role;
    std::string_view value;
    bool has_value = false;
    for (auto field : o) {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return from_simdjson(e, "bodies");
      od::value fv = field.value();
      if (key == "value" || key == "contentType" || key == "contenttype" || key == "role") {
        std::string_view s;
        if (auto e = fv.get_string().get(s)) {
          return string_error(e, "bodies", "'bodies[]." + std::string(key) + "' must be a string");
        }
        if (key == "value") {
          value = s;
          has_value = true;
        } else if (key == "role") {
          role = s;
        } else {
          content_type = s;
        }
      } else if (Status s = walk(fv, 3, "bodies"); !s) {
        return s;
      }
    }
    if (!has_value || trim(value).empty()) continue;
    bool html;
    if (!content_type.empty()) {
      html = starts_with_ci(content_type, "text/html") ||
             starts_with_ci(content_type, "application/xhtml");
    } else {
      html = role == "html" || trim(value).front() == '<';
    }
    // The first usable body of each kind wins; plain text is preferred when both exist.
    if (html && !have_html) {
      html_body = value;
      have_html = true;
    } else if (!html && !have_plain) {
      plain_body = value;
      have_plain = true;
    }
  }
  return {};
}

// infoSources/subjects: an array of objects whose `wanted` string field (name / uri) is collected
// so enrichment does not add an entry twice, and whose closing bracket is where additions go.
Status StoryParser::Impl::read_entry_array(od::value v, std::string_view key,
                                           std::string_view wanted,
                                           std::vector<std::string>& values,
                                           std::vector<std::string>& spare, size_t& end,
                                           bool& empty) {
  const std::string_view open = v.raw_json_token();
  od::array a;
  if (v.get_array().get(a))
    return fail(kReasonWrongType, "'" + std::string(key) + "' must be an array");
  empty = true;
  for (auto el : a) {
    empty = false;
    od::object o;
    if (el.get_object().get(o)) {
      return fail(kReasonWrongType, "'" + std::string(key) + "' items must be objects");
    }
    for (auto field : o) {
      std::string_view k;
      if (auto e = field.unescaped_key().get(k)) return from_simdjson(e, key);
      od::value fv = field.value();
      od::json_type t;
      if (k == wanted && !fv.type().get(t) && t == od::json_type::string) {
        std::string_view s;
        if (auto e = fv.get_string().get(s)) return from_simdjson(e, key);
        take_spare(values, spare).assign(s);
      } else if (Status s = walk(fv, 3, key); !s) {
        return s;
      }
    }
  }
  end = matching_close(doc, offset_of(open));
  return {};
}

Status StoryParser::Impl::read_info_sources(od::value v, std::string_view key,
                                            StoryLayout& layout) {
  return read_entry_array(v, key, "name", layout.info_source_names, layout.spare_strings,
                          layout.info_sources_end, layout.info_sources_empty);
}

Status StoryParser::Impl::read_subjects(od::value v, std::string_view key, StoryLayout& layout) {
  return read_entry_array(v, key, "uri", layout.subject_uris, layout.spare_strings,
                          layout.subjects_end, layout.subjects_empty);
}

StoryParser::StoryParser(ParserLimits limits) : impl_(std::make_unique<Impl>(limits)) {}
StoryParser::~StoryParser() = default;

Status StoryParser::parse(std::string_view json, Story& story, StoryLayout& layout) {
  story.clear();
  layout.clear();
  Impl& m = *impl_;
  m.story = &story;
  m.have_plain = m.have_html = false;
  m.plain_body = m.html_body = {};

  if (json.size() > m.limits.max_message_bytes) {
    return fail(kReasonTooLarge, "story of " + std::to_string(json.size()) +
                                     " bytes exceeds the limit of " +
                                     std::to_string(m.limits.max_message_bytes));
  }
  if (trim(json).empty()) return fail(kReasonEmpty, "empty message");
  if (std::memchr(json.data(), 0, json.size()) != nullptr) {
    return fail(kReasonNullByte, "raw NUL byte in message");
  }

  // simdjson reads up to SIMDJSON_PADDING bytes past the end: Kafka payloads have none, so copy
  // into a reusable padded buffer (about 45 ns for 3 KB).
  const size_t need = json.size() + simdjson::SIMDJSON_PADDING;
  if (m.padded.size() < need) m.padded.resize(need);
  std::memcpy(m.padded.data(), json.data(), json.size());
  std::memset(m.padded.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  m.doc = std::string_view(m.padded.data(), json.size());

  od::document doc;
  if (auto e = m.parser.iterate(m.padded.data(), json.size(), m.padded.size()).get(doc)) {
    return from_simdjson(e, {});
  }
  od::json_type t;
  if (auto e = doc.type().get(t)) return from_simdjson(e, {});
  if (t != od::json_type::object) {
    // Garbage such as "not json" types as a scalar from its first byte: tell it apart from real
    // JSON.
    bool scalar_ok = true;
    if (t == od::json_type::null) {
      bool is_null = false;
      scalar_ok = !doc.is_null().get(is_null) && is_null;
    } else if (t == od::json_type::boolean) {
      bool b;
      scalar_ok = !doc.get_bool().get(b);
    } else if (t == od::json_type::number) {
      double d;
      scalar_ok = !doc.get_double().get(d);
    }
    if (!scalar_ok) return fail(kReasonBadJson, "invalid JSON: not a JSON value");
    return fail(kReasonNotObject, "story is not a JSON object");
  }
  od::object obj;
  if (auto e = doc.get_object().get(obj)) return from_simdjson(e, {});

  std::string& body_text_v1 = m.body_text_v1;
  std::string& body_html_v1 = m.body_html_v1;
  body_text_v1.clear();
  body_html_v1.clear();
  bool any_field = false;
  bool camel = false;
  bool lower = false;
  for (auto field : obj) {
    any_field = true;
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return from_simdjson(e, {});
    od::value v;
    if (auto e = field.value().get(v)) return from_simdjson(e, key);
    Status s;
    if (key == "uri") {
      s = m.read_string(v, key, story.uri);
    } else if (key == "version") {
      s = m.read_string(v, key, story.version);
    } else if (key == "versionCreated") {
      camel = true;
      s = m.read_string(v, key, story.version_created);
    } else if (key == "versioncreated") {
      lower = true;
      if (story.version_created.empty())
        s = m.read_string(v, key, story.version_created);
      else
        s = m.walk(v, 1, key);
    } else if (key == "headlines") {
      s = m.read_headlines(v);
    } else if (key == "headline") {
      lower = true;
      m.scratch.clear();  // read_string leaves it untouched on null
      s = m.read_string(v, key, m.scratch);
      if (s && story.headline.empty()) story.headline.assign(m.scratch);
    } else if (key == "bodies") {
      s = m.read_bodies(v);
    } else if (key == "body_text") {
      lower = true;
      s = m.read_string(v, key, body_text_v1);
    } else if (key == "body_html" || key == "body_xhtml") {
      lower = true;
      if (body_html_v1.empty())
        s = m.read_string(v, key, body_html_v1);
      else
        s = m.walk(v, 1, key);
    } else if (key == "by") {
      s = m.read_string(v, key, story.byline);
    } else if (key == "byline") {
      lower = true;
      m.scratch.clear();  // read_string leaves it untouched on null
      s = m.read_string(v, key, m.scratch);
      if (s && story.byline.empty()) story.byline.assign(m.scratch);
    } else if (key == "language") {
      s = m.read_string(v, key, story.language);
    } else if (key == kInfoSources3) {
      camel = true;
      s = m.read_info_sources(v, kInfoSources3, layout);
    } else if (key == kInfoSources2) {
      lower = true;
      s = m.read_info_sources(v, kInfoSources2, layout);
    } else if (key == kSubjects) {
      s = m.read_subjects(v, kSubjects, layout);
    } else if (key == kSubject1) {
      lower = true;
      story.has_subject = true;
      s = m.read_subjects(v, kSubject1, layout);
    } else {
      if (key == "pubStatus" || key == "firstCreated" || key == "contentCreated" ||
          key == "altIds" || key == "copyrightHolder" || key == "copyrightNotice") {
        camel = true;
      } else if (key == "pubstatus" || key == "firstcreated" || key == "copyrightholder" ||
                 key == "type") {
        lower = true;
      }
      s = m.walk(v, 1, key);
    }
    if (!s) return s;
  }
  // current_location() fails with OUT_OF_BOUNDS exactly when the whole document was consumed.
  const char* trailing = nullptr;
  if (!doc.current_location().get(trailing)) {
    return fail(kReasonBadJson, "trailing content after the story object");
  }

  const size_t close = m.doc.find_last_of('}');
  if (close == std::string_view::npos) return fail(kReasonBadJson, "unterminated object");
  layout.object_end = close;
  layout.object_empty = !any_field;
  story.generation =
      camel ? NinjsGeneration::kV3 : (lower ? NinjsGeneration::kV1V2 : NinjsGeneration::kUnknown);

  // Body: ninjs 3 bodies[] first (plain preferred), then the 1.x/2.x fields.
  if (m.have_plain) {
    plain_to_text(m.plain_body, story.body);
  } else if (m.have_html) {
    html_to_text(m.html_body, story.body);
    story.body_was_html = true;
  } else if (!trim(body_text_v1).empty()) {
    plain_to_text(body_text_v1, story.body);
  } else if (!trim(body_html_v1).empty()) {
    html_to_text(body_html_v1, story.body);
    story.body_was_html = true;
  }
  if (trim(story.body).empty()) return fail(kReasonNoBody, "story has no usable text body");
  return {};
}

}  // namespace wirefeed
