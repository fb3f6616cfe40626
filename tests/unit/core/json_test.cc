#include "core/json.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonTest, EscapesSpecialCharacters) {
  EXPECT_EQ(esc("a\"b\\c\nd\te"), R"("a\"b\\c\nd\te")");
  EXPECT_EQ(esc(std::string_view("\x01", 1)), R"("\u0001")");
}

// Strings are scanned eight bytes at a time: every byte that needs a look must be found wherever it
// falls in such a block, and next to another one.
TEST(JsonTest, EscapesAtEveryOffsetOfALongString) {
  const std::string_view specials[] = {
      "\"", "\\", "\n", std::string_view("\x00", 1), "\x1f", "\x7f", "\xc3\xa9", "\xff", " "};
  const std::string_view escaped[] = {"\\\"", "\\\\",     "\\n",          "\\u0000", "\\u001f",
                                      "\x7f", "\xc3\xa9", "\xEF\xBF\xBD", " "};
  for (size_t k = 0; k < std::size(specials); ++k) {
    for (size_t at = 0; at < 20; ++at) {
      std::string in(20, 'a');
      in.insert(at, specials[k]);
      in.insert(std::min(in.size(), at + 9), specials[k]);
      std::string want(20, 'a');
      want.insert(at, escaped[k]);
      want.insert(std::min(want.size(), at + escaped[k].size() + 9 - specials[k].size()),
                  escaped[k]);
      EXPECT_EQ(esc(in), "\"" + want + "\"") << "special " << k << " at " << at;
    }
  }
}

TEST(JsonTest, KeepsValidUtf8) { EXPECT_EQ(esc("Séoul 연합뉴스"), "\"Séoul 연합뉴스\""); }

TEST(JsonTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(esc("a\xff"
                "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(JsonTest, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("ТАСС 新华社"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));      // truncated
}

TEST(JsonTest, Base64) {
  std::string out;
  append_base64(out, "Man");
  append_base64(out, "Ma");
  append_base64(out, "M");
  EXPECT_EQ(out, "TWFuTWE=TQ==");
}

TEST(JsonTest, ScoresHaveAtMostThreeDecimals) {
  std::string out;
  append_score(out, 0.8754);
  out += ' ';
  append_score(out, 1.2);
  out += ' ';
  append_score(out, -1);
  out += ' ';
  append_score(out, 0.5);
  EXPECT_EQ(out, "0.875 1 0 0.5");
}

}  // namespace
}  // namespace wirefeed
