// Hostile input through the whole stateless path (Analyzer::analyze, DedupIndex, write_enriched),
// as the daemon runs it (project issue #8). Each input either ends with its dead-letter reason code
// or yields a record that simdjson's DOM parser accepts, of a size proportional to the input.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/enricher.h"

namespace wirefeed {
namespace {

constexpr size_t kMiB = 1024 * 1024;

std::string repeat(std::string_view unit, size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (size_t i = 0; i < n; ++i) s.append(unit);
  return s;
}

std::string story_with_body(std::string_view escaped_body, std::string_view extra = "") {
  std::string s = R"({"uri":"urn:hostile:p",)";
  s.append(extra);
  s.append(R"("bodies":[{"contentType":"text/plain","value":")");
  s.append(escaped_body);
  s.append(R"("}]})");
  return s;
}

std::string garbage(size_t n) {
  std::string s(n, '\0');
  uint32_t x = 88172645u;
  for (auto& c : s) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(1 + x % 126);
  }
  return s;
}

std::string huge_credit_line() {
  std::string body = R"(LONDON, May 2 (Reuters) - Lead paragraph.\n\nWith reporting by )";
  for (int i = 0; i < 100000; ++i) {
    if (i) body += ", ";
    body += "Name" + std::to_string(i) + " Surname";
  }
  return story_with_body(body);
}

struct HostileCase {
  const char* name;
  std::function<std::string()> make;
  std::string_view code;  // empty: the story is enriched
};

const HostileCase kCases[] = {
    {"EmptyMessage", [] { return std::string(); }, kReasonEmpty},
    {"TruncatedJson", [] { return std::string(R"({"uri":"u","bodies":[)"); }, kReasonBadJson},
    {"BrokenNullAtom", [] { return story_with_body("x", R"("uri":nope,)"); }, kReasonBadJson},
    {"AsciiGarbage", [] { return garbage(8192); }, kReasonBadJson},
    {"InvalidUtf8", [] { return story_with_body("\xF0\x28\x8C\x28"); }, kReasonInvalidUtf8},
    {"RawNullByte", [] { return std::string("{\"uri\":\"a\0b\"}", 13); }, kReasonNullByte},
    {"TopLevelString", [] { return std::string(R"("just a string")"); }, kReasonNotObject},
    {"DeepArrays",
     [] {
       return story_with_body(
           "x", R"("c":)" + std::string(100000, '[') + std::string(100000, ']') + ",");
     },
     kReasonTooDeep},
    {"UriNumber", [] { return story_with_body("x", R"("uri":1,)"); }, kReasonWrongType},
    {"HeadlinesString", [] { return story_with_body("x", R"("headlines":"h",)"); },
     kReasonWrongType},
    {"BodyValueObject", [] { return std::string(R"({"bodies":[{"value":{}}]})"); },
     kReasonWrongType},
    {"ByArray", [] { return story_with_body("x", R"("by":[],)"); }, kReasonWrongType},
    {"VersionObject", [] { return story_with_body("x", R"("version":{},)"); }, kReasonWrongType},
    {"MissingBody", [] { return std::string(R"({"uri":"u","headline":"h"})"); }, kReasonNoBody},
    {"WhitespaceBody", [] { return story_with_body(R"(\n \t\r\n)"); }, kReasonNoBody},
    {"OverTheLimit", [] { return story_with_body(std::string(10 * kMiB, 'a')); }, kReasonTooLarge},
    {"NearlyTenMegabytes",
     [] {
       return story_with_body(repeat("Markets rallied as investors weighed the data. ", 200000));
     },
     ""},
    {"HugeCreditLine", huge_credit_line, ""},
    {"HundredThousandNestedTags",
     [] {
       return R"({"uri":"u","body_html":")" + repeat("<div>", 100000) + "PARIS (AFP) - text" +
              repeat("</div>", 100000) + R"("})";
     },
     ""},
    {"EscapedNulAndControls",
     [] { return story_with_body(R"(a\u0000b\u001f\"c\\ (Reuters) - d)"); }, ""},
    {"LoneSurrogateEscape", [] { return story_with_body(R"(text \ud800 more)"); }, kReasonBadJson},
    {"OnlyEntitiesHtml",
     [] { return std::string(R"({"uri":"u","body_html":"&nbsp;&nbsp;&#160;"})"); }, kReasonNoBody},
    {"MegabyteWord", [] { return story_with_body(std::string(kMiB, 'w')); }, ""},
    {"MegabyteHeadline",
     [] {
       return story_with_body(
           "x", R"("headlines":[{"role":"main","value":")" + std::string(kMiB, 'H') + R"("}],)");
     },
     ""},
    {"MegabyteByline",
     [] {
       return story_with_body("x", R"("by":"By )" + repeat("Ann Lee and ", 80000) + R"(Bo",)");
     },
     ""},
    {"ManyInfoSourcesAndSubjects",
     [] {
       std::string extra = R"("infoSources":[)";
       for (int i = 0; i < 20000; ++i)
         extra += (i ? "," : "") + std::string(R"({"name":"Reuters"})");
       extra += R"(],"subjects":[)";
       for (int i = 0; i < 20000; ++i) extra += (i ? "," : "") + std::string(R"({"uri":7})");
       return story_with_body("SEOUL (Reuters) - Football match.", extra + "],");
     },
     ""},
};

class HostilePipelineTest : public ::testing::TestWithParam<HostileCase> {
 protected:
  static void SetUpTestSuite() {
    auto r = load_resources("", "", TopicConfig{});
    ASSERT_TRUE(r.is_ok()) << r.status().message();
    resources_ = new std::shared_ptr<const PipelineResources>(r.value());
  }
  static void TearDownTestSuite() {
    delete resources_;
    resources_ = nullptr;
  }
  static std::shared_ptr<const PipelineResources>* resources_;
};

std::shared_ptr<const PipelineResources>* HostilePipelineTest::resources_ = nullptr;

TEST_P(HostilePipelineTest, EndsWithItsReasonCodeOrAValidBoundedRecord) {
  const HostileCase& c = GetParam();
  Analyzer analyzer(*resources_, PipelineOptions{});
  DedupIndex index{DedupConfig{}};
  Analysis a;
  const std::string raw = c.make();
  const bool ok = analyzer.analyze(raw, 1000, a);
  if (!c.code.empty()) {
    ASSERT_FALSE(ok);
    EXPECT_EQ(a.status.code(), c.code) << a.status.message();
    return;
  }
  ASSERT_TRUE(ok) << a.status.code() << ": " << a.status.message();
  a.dedup = index.check_and_insert(a.fingerprint);
  std::string out;
  write_enriched(raw, a, out);
  // Proportional: the input copied once plus enrichment fields that cannot outgrow it.
  EXPECT_LE(out.size(), 3 * raw.size() + 64 * 1024);
  simdjson::dom::parser p;
  ASSERT_EQ(p.allocate(out.size() + 64, 1024), simdjson::SUCCESS);
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(out).get(e), simdjson::SUCCESS);
  EXPECT_TRUE(e["wirefeed"].is_object());
}

INSTANTIATE_TEST_SUITE_P(Hostile, HostilePipelineTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<HostileCase>& i) {
                           return i.param.name;
                         });

// The same analyzer keeps working after every dead letter: no state leaks from a failure into the
// next story.
TEST(HostilePipeline, AnalyzerRecoversAfterEachFailure) {
  auto r = load_resources("", "", TopicConfig{});
  ASSERT_TRUE(r.is_ok());
  Analyzer analyzer(r.value(), PipelineOptions{});
  Analysis a;
  const std::string good = story_with_body("SEOUL, June 21 (Reuters) - A story.");
  for (const HostileCase& c : kCases) {
    if (c.code.empty()) continue;
    EXPECT_FALSE(analyzer.analyze(c.make(), 0, a)) << c.name;
    ASSERT_TRUE(analyzer.analyze(good, 0, a)) << "after " << c.name << ": " << a.status.message();
    EXPECT_EQ(a.credits.dateline.place, "SEOUL") << "after " << c.name;
  }
}

}  // namespace
}  // namespace wirefeed
