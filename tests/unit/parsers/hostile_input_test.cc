// Hostile input through the parsers (project issue #8): every malformed message ends with its own
// dead-letter reason code, never a crash or an exception, and what valid-but-extreme messages cost
// stays proportional to their size. The same inputs go through the whole pipeline in
// tests/unit/pipeline/hostile_pipeline_test.cc.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "parsers/credits.h"
#include "parsers/html.h"
#include "parsers/ninjs.h"

namespace wirefeed {
namespace {

constexpr size_t kMiB = 1024 * 1024;

// A valid ninjs 3 story around `body` (already JSON-escaped).
std::string story_with_body(std::string_view escaped_body, std::string_view extra = "") {
  std::string s = R"({"uri":"urn:hostile:1",)";
  s.append(extra);
  s.append(R"("bodies":[{"contentType":"text/plain","value":")");
  s.append(escaped_body);
  s.append(R"("}]})");
  return s;
}

std::string repeat(std::string_view unit, size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (size_t i = 0; i < n; ++i) s.append(unit);
  return s;
}

// Deterministic bytes in [1, 255] (no NUL, so the NUL check does not decide the outcome).
std::string garbage(size_t n, bool ascii_only) {
  std::string s(n, '\0');
  uint32_t x = 2463534242u;
  for (auto& c : s) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    const unsigned v = ascii_only ? 1 + x % 126 : 1 + x % 255;
    c = static_cast<char>(v);
  }
  return s;
}

class HostileInputTest : public ::testing::Test {
 protected:
  std::string code_of(std::string_view json) {
    const Status s = parser_.parse(json, story_, layout_);
    return s.is_ok() ? "ok" : s.code();
  }
  StoryParser parser_;
  Story story_;
  StoryLayout layout_;
};

// --- malformed messages: one reason code each -------------------------------------------------

TEST_F(HostileInputTest, EmptyMessageIsEmpty) { EXPECT_EQ(code_of(""), kReasonEmpty); }

TEST_F(HostileInputTest, WhitespaceOnlyMessageIsEmpty) {
  EXPECT_EQ(code_of(" \r\n\t "), kReasonEmpty);
}

TEST_F(HostileInputTest, TruncatedJsonIsBadJson) {
  EXPECT_EQ(code_of(R"({"uri":"u","bodies":[{"value":"text)"), kReasonBadJson);
}

TEST_F(HostileInputTest, TrailingGarbageIsBadJson) {
  EXPECT_EQ(code_of(story_with_body("Text.") + "}{"), kReasonBadJson);
}

// Regression: a broken atom that types as null ("nullx") made simdjson's is_null() throw through
// the parser (terminate in the daemon); found by story_fuzz.
TEST_F(HostileInputTest, BrokenNullAtomInsideStoryIsBadJson) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("custom":[true,nullWith],)")), kReasonBadJson);
}

// Regression: a known string field whose value merely starts with 'n' ("uri":nope) was read as
// null without checking the atom, and the enriched record then copied the invalid JSON out; found
// by story_fuzz.
TEST_F(HostileInputTest, BrokenNullAtomInAStringFieldIsBadJson) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("uri":n"urn:x",)")), kReasonBadJson);
  EXPECT_EQ(code_of(story_with_body("Text.", R"("by":nope,)")), kReasonBadJson);
}

TEST_F(HostileInputTest, RealNullInAStringFieldIsAccepted) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("by":null,)")), "ok");
}

TEST_F(HostileInputTest, BrokenNullAtomAsWholeMessageIsBadJson) {
  EXPECT_EQ(code_of("nullx"), kReasonBadJson);
}

TEST_F(HostileInputTest, AsciiBinaryGarbageIsBadJson) {
  EXPECT_EQ(code_of(garbage(4096, true)), kReasonBadJson);
}

// Binary garbage is malformed twice over (JSON and UTF-8); which code it gets depends on which
// problem simdjson meets first. Either is a dead letter, never a crash (docs/hardening.md).
TEST_F(HostileInputTest, HighBitBinaryGarbageIsBadJsonOrInvalidUtf8) {
  const std::string code = code_of(garbage(4096, false));
  EXPECT_TRUE(code == kReasonBadJson || code == kReasonInvalidUtf8) << code;
}

TEST_F(HostileInputTest, InvalidUtf8InsideAStringIsInvalidUtf8) {
  EXPECT_EQ(code_of(story_with_body("caf\xC3(\xFF\xFE")), kReasonInvalidUtf8);
}

TEST_F(HostileInputTest, OverlongUtf8EncodingIsInvalidUtf8) {
  EXPECT_EQ(code_of(story_with_body("\xC0\xAF")), kReasonInvalidUtf8);
}

TEST_F(HostileInputTest, RawNullByteIsNullByte) {
  std::string json = story_with_body("Text.");
  json.insert(json.find("Text"), 1, '\0');
  EXPECT_EQ(code_of(json), kReasonNullByte);
}

TEST_F(HostileInputTest, JsonArrayIsNotObject) { EXPECT_EQ(code_of("[1,2,3]"), kReasonNotObject); }

// A top-level array is refused for not being a story before its depth is looked at.
TEST_F(HostileInputTest, HundredThousandOpenBracketsIsNotObject) {
  EXPECT_EQ(code_of(std::string(100000, '[')), kReasonNotObject);
}

// Unclosed brackets make the document malformed, which simdjson finds before any depth check.
TEST_F(HostileInputTest, HundredThousandUnclosedBracketsInAFieldIsBadJson) {
  EXPECT_EQ(code_of(R"({"uri":"u","custom":)" + std::string(100000, '[')), kReasonBadJson);
}

TEST_F(HostileInputTest, HundredThousandBalancedBracketsInAFieldIsTooDeep) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(code_of(story_with_body("Text.", R"("custom":)" + deep + ",")), kReasonTooDeep);
}

TEST_F(HostileInputTest, HundredThousandNestedObjectsInAFieldIsTooDeep) {
  const std::string deep = repeat(R"({"a":)", 100000) + "1" + std::string(100000, '}');
  EXPECT_EQ(code_of(story_with_body("Text.", R"("custom":)" + deep + ",")), kReasonTooDeep);
}

TEST_F(HostileInputTest, DeepNestingInsideAFieldIsTooDeep) {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  EXPECT_EQ(code_of(story_with_body("Text.", R"("custom":)" + deep + ",")), kReasonTooDeep);
}

TEST_F(HostileInputTest, NestingJustUnderTheLimitIsAccepted) {
  // The limit counts the story object itself: 60 levels inside a field stay under 64.
  const std::string deep = std::string(60, '[') + std::string(60, ']');
  EXPECT_EQ(code_of(story_with_body("Text.", R"("custom":)" + deep + ",")), "ok");
}

// Regression: a broken string in bodies[]/headlines[]/infoSources[] (here a lone surrogate) was
// reported as wrong_type; it is malformed JSON.
TEST_F(HostileInputTest, LoneSurrogateInBodyValueIsBadJson) {
  EXPECT_EQ(code_of(story_with_body(R"(text \ud800 more)")), kReasonBadJson);
}

TEST_F(HostileInputTest, BadEscapeInHeadlineValueIsBadJson) {
  EXPECT_EQ(code_of(story_with_body("x", R"("headlines":[{"value":"a\qb"}],)")), kReasonBadJson);
}

TEST_F(HostileInputTest, UriNumberIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("uri":42,)")), kReasonWrongType);
}

TEST_F(HostileInputTest, HeadlinesStringIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("headlines":"Big news",)")), kReasonWrongType);
}

TEST_F(HostileInputTest, HeadlineItemStringIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("headlines":["Big news"],)")), kReasonWrongType);
}

TEST_F(HostileInputTest, BodyValueObjectIsWrongType) {
  EXPECT_EQ(code_of(R"({"uri":"u","bodies":[{"value":{"text":"x"}}]})"), kReasonWrongType);
}

TEST_F(HostileInputTest, BodiesObjectIsWrongType) {
  EXPECT_EQ(code_of(R"({"uri":"u","bodies":{"value":"x"}})"), kReasonWrongType);
}

TEST_F(HostileInputTest, ByArrayIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("by":["Jane Doe"],)")), kReasonWrongType);
}

TEST_F(HostileInputTest, VersionObjectIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("version":{"major":2},)")), kReasonWrongType);
}

TEST_F(HostileInputTest, LanguageBooleanIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("language":true,)")), kReasonWrongType);
}

TEST_F(HostileInputTest, InfoSourcesStringIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("infoSources":"Reuters",)")), kReasonWrongType);
}

TEST_F(HostileInputTest, SubjectsNumberIsWrongType) {
  EXPECT_EQ(code_of(story_with_body("Text.", R"("subjects":7,)")), kReasonWrongType);
}

TEST_F(HostileInputTest, StoryWithoutBodyIsNoBody) {
  EXPECT_EQ(code_of(R"({"uri":"u","headlines":[{"role":"main","value":"Only a headline"}]})"),
            kReasonNoBody);
}

TEST_F(HostileInputTest, WhitespaceOnlyBodyIsNoBody) {
  EXPECT_EQ(code_of(story_with_body(R"( \n\n\t \r\n )")), kReasonNoBody);
}

TEST_F(HostileInputTest, HtmlBodyOfOnlyTagsAndSpaceEntitiesIsNoBody) {
  EXPECT_EQ(code_of(R"({"uri":"u","body_html":"<p> </p><div>&#32;&#x20;<br/></div>"})"),
            kReasonNoBody);
}

TEST_F(HostileInputTest, OneByteOverTheConfiguredLimitIsTooLarge) {
  StoryParser small(ParserLimits{.max_message_bytes = 1000});
  std::string json = story_with_body("x");
  json.insert(json.size() - 4, 1000 - json.size(), 'x');  // inside the body string
  ASSERT_EQ(json.size(), 1000u);
  EXPECT_TRUE(small.parse(json, story_, layout_).is_ok());
  json.insert(json.size() - 4, 1, 'x');
  EXPECT_EQ(small.parse(json, story_, layout_).code(), kReasonTooLarge);
}

TEST_F(HostileInputTest, StoryOverTheDefaultTenMegabyteLimitIsTooLarge) {
  const std::string json = story_with_body(std::string(10 * kMiB, 'a'));
  EXPECT_EQ(code_of(json), kReasonTooLarge);
}

TEST_F(HostileInputTest, ParserIsReusableAfterEveryKindOfFailure) {
  for (const std::string& bad : {std::string(""), std::string("{"), std::string(100000, '['),
                                 std::string("nullx"), garbage(100, false)}) {
    EXPECT_FALSE(parser_.parse(bad, story_, layout_).is_ok());
    ASSERT_EQ(code_of(story_with_body("Still works.")), "ok");
    EXPECT_EQ(story_.body, "Still works.");
  }
}

// --- valid but extreme messages: processed ---------------------------------------------------

TEST_F(HostileInputTest, NearlyTenMegabyteStoryIsParsed) {
  std::string body =
      repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 10 * kMiB / 57 - 100);
  const std::string json = story_with_body(body);
  ASSERT_LT(json.size(), 10 * kMiB);
  ASSERT_EQ(code_of(json), "ok");
  EXPECT_EQ(story_.body.size(), body.size() - 1);  // the trailing space is trimmed
}

TEST_F(HostileInputTest, EscapedNulInBodyIsText) {
  ASSERT_EQ(code_of(story_with_body(R"(before\u0000after)")), "ok");
  EXPECT_EQ(story_.body, std::string("before\0after", 12));
}

TEST_F(HostileInputTest, OneMegabyteHeadlineIsKept) {
  const std::string headline(kMiB, 'H');
  ASSERT_EQ(code_of(story_with_body(
                "Text.", R"("headlines":[{"role":"main","value":")" + headline + R"("}],)")),
            "ok");
  EXPECT_EQ(story_.headline.size(), kMiB);
}

TEST_F(HostileInputTest, OneMegabyteWordIsKept) {
  ASSERT_EQ(code_of(story_with_body(std::string(kMiB, 'w'))), "ok");
  EXPECT_EQ(story_.body.size(), kMiB);
}

TEST_F(HostileInputTest, HundredThousandNestedHtmlTagsKeepTheirText) {
  const std::string html = repeat("<div>", 100000) + "deep text" + repeat("</div>", 100000);
  ASSERT_EQ(code_of(R"({"uri":"u","body_html":")" + html + R"("})"), "ok");
  EXPECT_EQ(story_.body, "deep text");
}

TEST(HostileHtml, HundredThousandUnclosedTagsKeepTheirText) {
  std::string out;
  html_to_text(repeat("<b><i>", 100000) + "x", out);
  EXPECT_EQ(out, "x");
}

TEST(HostileHtml, UnterminatedCommentDropsTheRestWithoutReadingPastTheEnd) {
  std::string out;
  html_to_text("kept<!-- never closed <p>lost", out);
  EXPECT_EQ(out.substr(0, 4), "kept");
}

TEST(HostileHtml, NumericEntityOutOfUnicodeRangeStaysValidUtf8) {
  std::string out;
  html_to_text("a&#99999999999;b&#xD800;c&#0;d", out);
  // Whatever replaces the bad references, the text around them survives.
  EXPECT_EQ(out.front(), 'a');
  EXPECT_EQ(out.back(), 'd');
  EXPECT_EQ(out.find('\0'), std::string::npos);
}

// --- credit extraction on extreme bodies: output stays proportional to input ------------------

size_t credit_bytes(const CreditResult& r) {
  size_t n = 0;
  for (const Credit& c : r.credits) n += c.name.size() + c.text.size();
  for (const std::string& a : r.agencies) n += a.size();
  for (const PhotoCredit& p : r.photo_credits) n += p.text.size() + p.agency.size();
  return n;
}

TEST(HostileCredits, HugeCreditLineOutputStaysProportionalToInput) {
  Story story;
  story.language = "en";
  story.body = "Lead paragraph.\n\nWith reporting by ";
  for (int i = 0; i < 100000; ++i) {
    if (i) story.body += ", ";
    story.body += "Name" + std::to_string(i) + " Surname";
  }
  CreditExtractor extractor(AgencyTable::builtin());
  CreditResult r;
  extractor.extract(story, r);
  // Each credit carries its printed credit text: without a cap that is (names x line length),
  // gigabytes for this line. Four times the body leaves room for any sane result.
  EXPECT_LE(credit_bytes(r), 4 * story.body.size());
}

TEST(HostileCredits, HugeBylineOutputStaysProportionalToInput) {
  Story story;
  story.body = "Text.";
  story.byline = "By ";
  for (int i = 0; i < 100000; ++i) story.byline += "Ann Lee and ";
  story.byline += "Bo Chan";
  CreditExtractor extractor(AgencyTable::builtin());
  CreditResult r;
  extractor.extract(story, r);
  EXPECT_LE(credit_bytes(r), 4 * (story.body.size() + story.byline.size()));
}

TEST(HostileCredits, MegabyteLineWithoutSpacesIsHarmless) {
  Story story;
  story.body = std::string(kMiB, 'A') + " (Reuters) - text";
  CreditExtractor extractor(AgencyTable::builtin());
  CreditResult r;
  extractor.extract(story, r);
  EXPECT_LE(credit_bytes(r), 4 * story.body.size());
}

}  // namespace
}  // namespace wirefeed
