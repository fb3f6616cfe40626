#pragma once
// Dateline recognition at the start of a story body: "SEOUL, June 21 (Reuters) - ",
// "WASHINGTON (AP) — ", "(Bloomberg) -- ", "MOSCOW, January 5. /TASS/. ", "Madrid, 5 ene (EFE).- ",
// "New Delhi [India], Jan 5 (ANI): ", "NEW YORK, March 30 - ", "МОСКВА, 27 фев - РИА Новости. ".

#include <string_view>

#include "core/story.h"
#include "parsers/agencies.h"

namespace wirefeed {

// Looks for a dateline at the very start of `text` (callers pass the body, or the body after a
// "By ..." line). Fills `out` and returns true when one is found; `out.length` counts the bytes of
// `text` it occupies, trailing separator and spaces included. Only the first ~200 bytes are read.
bool parse_dateline(std::string_view text, const AgencyTable& agencies, Dateline& out);

// True when `segment` reads as a date in a dateline ("June 21", "Jan. 5", "5 ene", "27 фев").
bool looks_like_date(std::string_view segment);

}  // namespace wirefeed
