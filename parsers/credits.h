#pragma once
// Credits, bylines, datelines and photo credits from a parsed story. Pure: no I/O, no logging.

#include <memory>

#include "core/story.h"
#include "parsers/agencies.h"

namespace wirefeed {

class CreditExtractor {
 public:
  explicit CreditExtractor(std::shared_ptr<const AgencyTable> agencies);

  // Fills `out` (cleared first) from story.byline, story.body (plain text, "\n\n" between
  // paragraphs) and story.language. Thread-safe: const and no shared mutable state.
  void extract(const Story& story, CreditResult& out) const;

 private:
  std::shared_ptr<const AgencyTable> agencies_;
};

}  // namespace wirefeed
