#pragma once
// HTML body to plain text: block elements become paragraph breaks ("\n\n"), <br> a line break,
// entities decoded (named, decimal, hex) to UTF-8, <script>/<style>/comments dropped, runs of
// whitespace folded. Tolerant of broken markup; never allocates beyond `out`'s growth.

#include <string>
#include <string_view>

namespace wirefeed {

// Appends the text of `html` to `out` (which is not cleared).
void html_to_text(std::string_view html, std::string& out);

}  // namespace wirefeed
