#pragma once
// IPTC ninjs story parsing with simdjson On-Demand.
//
// Accepts ninjs 3.x (camelCase: versionCreated, headlines[], bodies[], infoSources, ...) and
// the 1.x/2.x names (versioncreated, headline, body_text, body_html, byline, infosources, subject).
// The whole document is validated, because the enriched record carries the input's bytes verbatim:
// a value we do not read must still be valid JSON before it is copied out.
//
// Errors are values: a Status with a stable reason code (see kReason*), never an exception.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

// Reason codes for stories that cannot be enriched (dead-letter headers and counters use them).
inline constexpr std::string_view kReasonEmpty = "empty";
inline constexpr std::string_view kReasonTooLarge = "too_large";
inline constexpr std::string_view kReasonNullByte = "null_byte";
inline constexpr std::string_view kReasonInvalidUtf8 = "invalid_utf8";
inline constexpr std::string_view kReasonBadJson = "bad_json";
inline constexpr std::string_view kReasonNotObject = "not_object";
inline constexpr std::string_view kReasonTooDeep = "too_deep";
inline constexpr std::string_view kReasonWrongType = "wrong_type";
inline constexpr std::string_view kReasonNoBody = "no_body";

// Where the enriched record's additions go in the original bytes (offsets into the input).
struct StoryLayout {
  size_t object_end = 0;  // offset of the top-level object's closing '}'
  bool object_empty = true;
  // Offsets of the closing ']' of the info-sources and subjects arrays; npos when absent.
  size_t info_sources_end = std::string_view::npos;
  bool info_sources_empty = true;
  size_t subjects_end = std::string_view::npos;
  bool subjects_empty = true;
  // Names / uris already present, so enrichment does not add them twice.
  std::vector<std::string> info_source_names;
  std::vector<std::string> subject_uris;
  // Not part of the layout: strings dropped by clear(), kept for their capacity (core/story.h).
  std::vector<std::string> spare_strings;

  void clear() {
    object_end = 0;
    object_empty = true;
    info_sources_end = std::string_view::npos;
    info_sources_empty = true;
    subjects_end = std::string_view::npos;
    subjects_empty = true;
    retire_tail(info_source_names, 0, spare_strings);
    retire_tail(subject_uris, 0, spare_strings);
  }
};

struct ParserLimits {
  size_t max_message_bytes = 10 * 1024 * 1024;
  size_t max_depth = 64;  // nesting deeper than this is rejected (ninjs needs < 10)
};

// One parser per thread: it owns the simdjson parser and a padded copy buffer, reused across
// stories.
class StoryParser {
 public:
  explicit StoryParser(ParserLimits limits = {});
  ~StoryParser();
  StoryParser(const StoryParser&) = delete;
  StoryParser& operator=(const StoryParser&) = delete;

  // Parses `json` into `story` (cleared first) and `layout`. On error the Status carries a reason
  // code from the list above and a message; story and layout are then unspecified.
  Status parse(std::string_view json, Story& story, StoryLayout& layout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
