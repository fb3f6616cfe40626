#include "parsers/ninjs.h"

#include <gtest/gtest.h>

#include <string>

namespace wirefeed {
namespace {

class NinjsTest : public ::testing::Test {
 protected:
  Status parse(const std::string& json) { return parser_.parse(json, story_, layout_); }
  StoryParser parser_;
  Story story_;
  StoryLayout layout_;
};

TEST_F(NinjsTest, ReadsNinjs3Fields) {
  const std::string json =
      R"({"uri":"urn:x:1","version":"2","versionCreated":"2024-06-21T08:00:00Z",
    "language":"en","by":"By Jane Doe","headlines":[{"role":"sub","value":"Sub"},{"role":"main","value":"Main head"}],
    "bodies":[{"role":"main","contentType":"text/plain","value":"First para.\n\nSecond para."}]})";
  ASSERT_TRUE(parse(json).is_ok());
  EXPECT_EQ(story_.uri, "urn:x:1");
  EXPECT_EQ(story_.version, "2");
  EXPECT_EQ(story_.version_created, "2024-06-21T08:00:00Z");
  EXPECT_EQ(story_.language, "en");
  EXPECT_EQ(story_.byline, "By Jane Doe");
  EXPECT_EQ(story_.headline, "Main head");
  EXPECT_EQ(story_.body, "First para.\n\nSecond para.");
  EXPECT_FALSE(story_.body_was_html);
  EXPECT_EQ(story_.generation, NinjsGeneration::kV3);
}

TEST_F(NinjsTest, ReadsNinjs1FieldNames) {
  const std::string json = R"({"uri":"u","type":"text","versioncreated":"2015-01-01T00:00:00Z",
    "headline":"Old style","byline":"AP","body_text":"Body one."})";
  ASSERT_TRUE(parse(json).is_ok());
  EXPECT_EQ(story_.version_created, "2015-01-01T00:00:00Z");
  EXPECT_EQ(story_.headline, "Old style");
  EXPECT_EQ(story_.byline, "AP");
  EXPECT_EQ(story_.body, "Body one.");
  EXPECT_EQ(story_.generation, NinjsGeneration::kV1V2);
}

TEST_F(NinjsTest, HtmlBodyBecomesParagraphs) {
  const std::string json =
      R"({"uri":"u","bodies":[{"contentType":"text/html","value":"<p>One &amp; two</p><script>x()</script><p>Three</p>"}]})";
  ASSERT_TRUE(parse(json).is_ok());
  EXPECT_EQ(story_.body, "One & two\n\nThree");
  EXPECT_TRUE(story_.body_was_html);
}

TEST_F(NinjsTest, Ninjs1HtmlBody) {
  ASSERT_TRUE(parse(R"({"uri":"u","body_html":"<div>Hello</div>"})").is_ok());
  EXPECT_EQ(story_.body, "Hello");
}

TEST_F(NinjsTest, PlainBodyPreferredOverHtml) {
  const std::string json = R"({"uri":"u","bodies":[{"contentType":"text/html","value":"<p>H</p>"},
    {"contentType":"text/plain","value":"Plain"}]})";
  ASSERT_TRUE(parse(json).is_ok());
  EXPECT_EQ(story_.body, "Plain");
}

TEST_F(NinjsTest, NumericVersionAccepted) {
  ASSERT_TRUE(parse(R"({"uri":"u","version":3,"body_text":"x"})").is_ok());
  EXPECT_EQ(story_.version, "3");
}

TEST_F(NinjsTest, CrlfBodyNormalised) {
  ASSERT_TRUE(parse(R"({"uri":"u","body_text":"  a  \r\n\r\n\r\n b \r\n"})").is_ok());
  EXPECT_EQ(story_.body, "a\n\nb");
}

TEST_F(NinjsTest, LayoutFindsArraysAndObjectEnd) {
  const std::string json =
      R"({"uri":"u","infoSources":[{"name":"Reuters"}],"subjects":[],"body_text":"x"}  )";
  ASSERT_TRUE(parse(json).is_ok());
  EXPECT_EQ(json[layout_.object_end], '}');
  EXPECT_EQ(layout_.object_end, json.size() - 3);
  ASSERT_NE(layout_.info_sources_end, std::string_view::npos);
  EXPECT_EQ(json[layout_.info_sources_end], ']');
  EXPECT_FALSE(layout_.info_sources_empty);
  ASSERT_EQ(layout_.info_source_names.size(), 1u);
  EXPECT_EQ(layout_.info_source_names[0], "Reuters");
  EXPECT_EQ(json[layout_.subjects_end], ']');
  EXPECT_TRUE(layout_.subjects_empty);
}

struct BadCase {
  const char* name;
  std::string json;
  std::string_view reason;
};

class NinjsRejectTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(NinjsRejectTest, RejectsWithReason) {
  StoryParser parser(ParserLimits{.max_message_bytes = 4096, .max_depth = 16});
  Story story;
  StoryLayout layout;
  const Status s = parser.parse(GetParam().json, story, layout);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), GetParam().reason) << s.message();
  EXPECT_FALSE(s.message().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, NinjsRejectTest,
    ::testing::Values(
        BadCase{"empty", "", kReasonEmpty}, BadCase{"spaces", "   \t ", kReasonEmpty},
        BadCase{"truncated", R"({"uri":"u","body_text":"abc)", kReasonBadJson},
        BadCase{"garbage", "not json at all", kReasonBadJson},
        BadCase{"bad_literal_in_unread_field", R"({"uri":"u","x":[tru],"body_text":"a"})",
                kReasonBadJson},
        BadCase{"trailing", R"({"uri":"u","body_text":"a"} {"b":1})", kReasonBadJson},
        BadCase{"array", "[1,2]", kReasonNotObject},
        BadCase{"string", R"("story")", kReasonNotObject},
        BadCase{"no_body", R"({"uri":"u","headline":"h"})", kReasonNoBody},
        BadCase{"blank_body", R"({"uri":"u","body_text":"  \n "})", kReasonNoBody},
        BadCase{"body_wrong_type", R"({"uri":"u","body_text":42})", kReasonWrongType},
        BadCase{"uri_wrong_type", R"({"uri":{"a":1},"body_text":"x"})", kReasonWrongType},
        BadCase{"bodies_not_array", R"({"uri":"u","bodies":"x"})", kReasonWrongType},
        BadCase{"null_byte", std::string("{\"uri\":\"u\",\"body_text\":\"a\0b\"}", 29),
                kReasonNullByte},
        BadCase{"invalid_utf8", "{\"uri\":\"u\",\"body_text\":\"a\xff\xfe b\"}",
                kReasonInvalidUtf8},
        BadCase{"too_large", "{\"uri\":\"u\",\"body_text\":\"" + std::string(5000, 'a') + "\"}",
                kReasonTooLarge},
        BadCase{"too_deep",
                R"({"uri":"u","body_text":"a","x":)" + std::string(40, '[') + std::string(40, ']') +
                    "}",
                kReasonTooDeep}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST_F(NinjsTest, ParserIsReusableAfterAnError) {
  ASSERT_FALSE(parse("{bad").is_ok());
  ASSERT_TRUE(parse(R"({"uri":"ok","body_text":"fine"})").is_ok());
  EXPECT_EQ(story_.uri, "ok");
  EXPECT_EQ(story_.body, "fine");
}

}  // namespace
}  // namespace wirefeed
