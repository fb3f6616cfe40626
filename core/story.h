#pragma once
// The parsed view of one wire story and the enrichment results attached to it.
// Every string is owned so that a Story can be reused across records: clear() keeps capacity,
// which keeps the hot path free of steady-state allocations.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirefeed {

enum class NinjsGeneration : uint8_t { kUnknown, kV1V2, kV3 };

struct Story {
  std::string uri;
  std::string version;          // as printed ("2"); empty when absent
  std::string version_created;  // ISO 8601 as printed; empty when absent
  std::string headline;  // main headline (ninjs 3 headlines[role=main] or first; 1.x/2.x headline)
  std::string byline;    // ninjs `by` / `byline`
  std::string language;
  std::string body;  // plain text; paragraphs separated by "\n\n"
  bool body_was_html = false;
  NinjsGeneration generation = NinjsGeneration::kUnknown;
  bool has_subject = false;  // ninjs 1.x/2.x `subject` present

  void clear() {
    uri.clear();
    version.clear();
    version_created.clear();
    headline.clear();
    byline.clear();
    language.clear();
    body.clear();
    body_was_html = false;
    generation = NinjsGeneration::kUnknown;
    has_subject = false;
  }
};

enum class CreditKind : uint8_t { kAgency, kPerson, kOutlet, kGeneric };
std::string_view to_string(CreditKind k);

// Roles are a closed set; the JSON names are in to_string().
enum class CreditRole : uint8_t {
  kReporting,
  kAdditionalReporting,
  kWriting,
  kEditing,
  kCompiled,
  kContributed,
  kAssistance,
  kSource,
  kByline,
};
std::string_view to_string(CreditRole r);

struct Credit {
  std::string name;  // canonical name for agencies, the name as printed (cleaned) otherwise
  CreditKind kind = CreditKind::kPerson;
  CreditRole role = CreditRole::kReporting;
  std::string text;  // the credit text as printed, e.g. "With reporting by AP, Reuters, and Yonhap"
};

struct PhotoCredit {
  std::string text;    // as printed, e.g. "REUTERS/Kim Hong-Ji"
  std::string agency;  // canonical agency when known, else empty
};

struct Dateline {
  bool present = false;
  std::string place;            // "SEOUL", "HAYWARD, Calif.", "GENEVA/ERBIL, Iraq"
  std::string date;             // as printed ("June 21"); empty when absent
  std::string agency;           // canonical name when known, else as printed; empty when absent
  bool agency_is_wire = false;  // false for outlets such as CNN in the agency slot
  size_t length = 0;            // bytes of body the dateline occupies (for normalisation)
};

// Reuse of vectors of strings across records: elements a vector drops are parked in `spare` with
// their string buffers, and take_spare() hands them back before anything is allocated. clear()
// on the vector itself would free every string, which was one or two allocations per story.
template <typename T>
void retire_tail(std::vector<T>& v, size_t keep, std::vector<T>& spare) {
  while (v.size() > keep) {
    spare.push_back(std::move(v.back()));
    v.pop_back();
  }
}
// Appends an element (a recycled one when there is one: its contents are unspecified, the caller
// assigns every field).
template <typename T>
T& take_spare(std::vector<T>& v, std::vector<T>& spare) {
  if (spare.empty()) return v.emplace_back();
  v.push_back(std::move(spare.back()));
  spare.pop_back();
  return v.back();
}

struct CreditResult {
  std::vector<Credit> credits;
  std::vector<std::string> agencies;  // canonical, de-duplicated, order of appearance
  std::vector<PhotoCredit> photo_credits;
  Dateline dateline;
  // Not part of the result: dropped elements kept for their capacity (see retire_tail).
  std::vector<Credit> spare_credits;
  std::vector<std::string> spare_agencies;
  std::vector<PhotoCredit> spare_photo_credits;
  void clear() {
    retire_tail(credits, 0, spare_credits);
    retire_tail(agencies, 0, spare_agencies);
    retire_tail(photo_credits, 0, spare_photo_credits);
    dateline.present = false;
    dateline.place.clear();
    dateline.date.clear();
    dateline.agency.clear();
    dateline.agency_is_wire = false;
    dateline.length = 0;
  }
};

struct TopicScore {
  std::string_view qcode;  // "medtop:15000000"; points into the taxonomy, which outlives results
  std::string_view name;
  double score = 0.0;  // 0..1
};

enum class DedupStatus : uint8_t { kUnique, kDuplicate, kNearDuplicate, kUpdate };
std::string_view to_string(DedupStatus s);

struct DedupResult {
  DedupStatus status = DedupStatus::kUnique;
  std::string of;           // uri of the earliest story in the family; empty when unique
  double similarity = 0.0;  // 0..1; 0 when unique
};

}  // namespace wirefeed
