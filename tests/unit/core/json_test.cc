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
