#pragma once
// Labelled credit cases (tests/fixtures/credits/cases.jsonl): shared by the unit test and
// tools/credits_eval so both judge the extractor by the same rules. One JSON object per line:
//   {"id": "...", "group": "dateline|credit_line|byline|language|photo|trap|...",
//    "language": "en", "byline": "", "body": "...",
//    "agencies": ["Reuters"], "persons": [{"name": "Jane Doe", "role": "reporting"}],
//    "dateline": {"place": "SEOUL", "agency": "Reuters", "wire": true} | null (absent = not
//    checked), "photo_credits": 1 (count; absent = not checked)}

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/story.h"

namespace wirefeed {

struct CreditCase {
  std::string id;
  std::string group;
  Story story;
  std::vector<std::string> agencies;
  std::vector<std::pair<std::string, std::string>> persons;  // name, role
  bool check_dateline = false;
  bool dateline_present = false;
  std::string dateline_place;
  std::string dateline_agency;
  bool dateline_wire = false;
  int photo_credits = -1;  // -1: not checked
};

Result<std::vector<CreditCase>> load_credit_cases(const std::string& path);

// Differences between a case and a result, one human-readable line each; empty when it passes.
std::vector<std::string> compare_credit_case(const CreditCase& c, const CreditResult& r);

}  // namespace wirefeed
