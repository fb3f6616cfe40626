#pragma once
// Small JSON output helpers: string escaping, UTF-8 checks, base64. Append-only into a caller's
// buffer so writers reuse their storage.

#include <string>
#include <string_view>

namespace wirefeed {

// Appends `s` as a JSON string literal (with quotes). Invalid UTF-8 sequences become U+FFFD so the
// output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);

// True when `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

void append_base64(std::string& out, std::string_view bytes);

// Appends a number in [0, 1] with at most three decimals ("0.875", "1", "0").
void append_score(std::string& out, double v);

}  // namespace wirefeed
