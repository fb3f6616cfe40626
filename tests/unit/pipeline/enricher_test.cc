#include "pipeline/enricher.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

namespace wirefeed {
namespace {

class EnricherTest : public ::testing::Test {
 protected:
  EnricherTest() {
    auto r = load_resources("", "", TopicConfig{});
    resources_ = r.value();
    analyzer_ = std::make_unique<Analyzer>(resources_, PipelineOptions{});
  }

  // Analyses, dedups and writes one story; returns the record.
  std::string enrich(const std::string& raw) {
    Analysis a;
    EXPECT_TRUE(analyzer_->analyze(raw, 0, a)) << a.status.message();
    a.dedup = index_.check_and_insert(a.fingerprint);
    std::string out;
    write_enriched(raw, a, out);
    return out;
  }

  static simdjson::dom::element parse(simdjson::dom::parser& p, const std::string& json) {
    simdjson::dom::element e;
    auto err = p.parse(json).get(e);
    EXPECT_EQ(err, simdjson::SUCCESS) << json;
    return e;
  }

  std::shared_ptr<const PipelineResources> resources_;
  std::unique_ptr<Analyzer> analyzer_;
  DedupIndex index_{DedupConfig{}};
};

const char* kStory =
    R"({"uri":"urn:t:1","version":"1","versionCreated":"2024-06-21T08:00:00Z","custom":{"keep":[1,2,{"x":null}]},)"
    R"("headlines":[{"role":"main","value":"North Korea fires missile as allies hold defence talks"}],)"
    R"("infoSources":[{"name":"Korea Daily Wire","role":"publisher"}],)"
    R"("bodies":[{"contentType":"text/plain","value":"SEOUL, June 21 (Reuters) - North Korea fired a ballistic missile into the sea on Friday, the South Korean military said, as defence ministers of the allies met to discuss the alliance.\n\nThe launch was the third this month.\n\nWith reporting by AP, Reuters, and Yonhap"}]})";

TEST_F(EnricherTest, KeepsEveryInputFieldVerbatim) {
  const std::string out = enrich(kStory);
  const std::string in(kStory);
  // Everything before the first insertion point (the end of infoSources) is byte-identical, and the
  // fields after it are copied as they were.
  const size_t first_insert = in.find(R"("publisher"})") + 12;
  EXPECT_EQ(out.substr(0, first_insert), in.substr(0, first_insert));
  const size_t bodies = in.find(R"("bodies")");
  EXPECT_NE(out.find(in.substr(bodies, in.size() - 1 - bodies)), std::string::npos);
  EXPECT_NE(out.find(R"("custom":{"keep":[1,2,{"x":null}]})"), std::string::npos);
}

TEST_F(EnricherTest, RecordIsValidJsonWithTheContractFields) {
  simdjson::dom::parser p;
  const std::string out = enrich(kStory);
  auto doc = parse(p, out);
  auto wf = doc["wirefeed"];
  ASSERT_FALSE(wf.error());
  std::vector<std::string> agencies;
  for (auto a : wf["agencies"].get_array()) agencies.emplace_back(std::string_view(a.get_string()));
  EXPECT_EQ(agencies, (std::vector<std::string>{"Reuters", "Associated Press", "Yonhap"}));
  EXPECT_EQ(std::string_view(wf["dateline"]["place"].get_string()), "SEOUL");
  EXPECT_EQ(std::string_view(wf["dateline"]["agency"].get_string()), "Reuters");
  EXPECT_EQ(std::string_view(wf["dedup"]["status"].get_string()), "unique");
  EXPECT_TRUE(wf["dedup"]["of"].error());  // absent when unique
  ASSERT_GT(wf["topics"].get_array().size(), 0u);
  for (auto t : wf["topics"].get_array()) {
    EXPECT_TRUE(std::string_view(t["qcode"].get_string()).starts_with("medtop:"));
    const double s = t["score"].get_double();
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
  bool role_reporting = false;
  for (auto c : wf["credits"].get_array()) {
    if (std::string_view(c["role"].get_string()) == "reporting") role_reporting = true;
  }
  EXPECT_TRUE(role_reporting);
}

TEST_F(EnricherTest, AppendsAgenciesToInfoSourcesAndTopicsToSubjects) {
  simdjson::dom::parser p;
  auto doc = parse(p, enrich(kStory));
  auto sources = doc["infoSources"].get_array();
  ASSERT_EQ(sources.size(), 4u);  // the publisher kept, three agencies added
  EXPECT_EQ(std::string_view(sources.at(0)["name"].get_string()), "Korea Daily Wire");
  auto subjects = doc["subjects"].get_array();
  ASSERT_GT(subjects.size(), 0u);
  for (auto s : subjects) {
    EXPECT_TRUE(std::string_view(s["uri"].get_string())
                    .starts_with("http://cv.iptc.org/newscodes/mediatopic/"));
    const int64_t rel = s["relevance"].get_int64();
    EXPECT_GE(rel, 0);
    EXPECT_LE(rel, 100);
  }
}

TEST_F(EnricherTest, ResendIsDuplicateAndNewerVersionIsUpdate) {
  simdjson::dom::parser p;
  enrich(kStory);
  auto again = parse(p, enrich(kStory));
  EXPECT_EQ(std::string_view(again["wirefeed"]["dedup"]["status"].get_string()), "duplicate");
  EXPECT_EQ(std::string_view(again["wirefeed"]["dedup"]["of"].get_string()), "urn:t:1");
  std::string v2(kStory);
  v2.replace(v2.find(R"("version":"1")"), 13, R"("version":"2")");
  v2.replace(v2.find("08:00:00Z"), 9, "09:30:00Z");
  v2.replace(v2.find("The launch was"), 14, "Officials said the launch was");
  simdjson::dom::parser p2;
  auto upd = parse(p2, enrich(v2));
  EXPECT_EQ(std::string_view(upd["wirefeed"]["dedup"]["status"].get_string()), "update");
  EXPECT_EQ(std::string_view(upd["wirefeed"]["dedup"]["of"].get_string()), "urn:t:1");
}

TEST_F(EnricherTest, Ninjs1StoryGetsLowercaseArrays) {
  simdjson::dom::parser p;
  const std::string raw =
      R"j({"uri":"urn:t:old","type":"text","headline":"Floods","body_text":"BERLIN (dpa) - Heavy rain flooded streets in the capital on Monday.\n\n(dpa)"})j";
  auto doc = parse(p, enrich(raw));
  EXPECT_FALSE(doc["infosources"].error());
  EXPECT_TRUE(doc["infoSources"].error());
}

TEST_F(EnricherTest, EmptyObjectBodyGetsNoLeadingComma) {
  // The smallest valid story: only a body.
  simdjson::dom::parser p;
  parse(p, enrich(R"({"body_text":"A short note."})"));
}

// `max_topics = 0` and `[dedup] enabled = false` switch their stages off: not run at all (rather
// than run and their result dropped), and the tokenization they share is skipped when both are off.
TEST(AnalyzerStages, SwitchedOffStagesDoNotRun) {
  struct Case {
    size_t max_topics;
    bool dedup;
  };
  for (const Case c : {Case{0, false}, Case{0, true}, Case{5, false}, Case{5, true}}) {
    SCOPED_TRACE(testing::Message() << "max_topics=" << c.max_topics << " dedup=" << c.dedup);
    auto resources = load_resources("", "", TopicConfig{.max_topics = c.max_topics}).value();
    EXPECT_EQ(Analyzer::tagging_enabled(*resources), c.max_topics > 0);
    PipelineOptions options;
    options.dedup_enabled = c.dedup;
    Analyzer analyzer(resources, options);
    Analysis a;
    ASSERT_TRUE(analyzer.analyze(kStory, 0, a)) << a.status.message();
    EXPECT_EQ(a.credits.agencies.size(), 3u);  // credits always run
    EXPECT_EQ(a.topics.empty(), c.max_topics == 0);
    EXPECT_EQ(a.fingerprint.sample.empty(), !c.dedup);
    EXPECT_EQ(analyzer.normalized().tokens.empty(), c.max_topics == 0 && !c.dedup);
  }
}

// A reload (SIGHUP) swaps the resources, and with them whether tagging runs.
TEST(AnalyzerStages, ReloadedResourcesSwitchTaggingOnAndOff) {
  PipelineOptions options;
  options.dedup_enabled = false;
  Analyzer analyzer(load_resources("", "", TopicConfig{}).value(), options);
  Analysis a;
  ASSERT_TRUE(analyzer.analyze(kStory, 0, a));
  EXPECT_FALSE(a.topics.empty());
  EXPECT_FALSE(analyzer.normalized().tokens.empty());
  analyzer.set_resources(load_resources("", "", TopicConfig{.max_topics = 0}).value());
  ASSERT_TRUE(analyzer.analyze(kStory, 0, a));
  EXPECT_TRUE(a.topics.empty());
  EXPECT_TRUE(analyzer.normalized().tokens.empty());
  analyzer.set_resources(load_resources("", "", TopicConfig{}).value());
  ASSERT_TRUE(analyzer.analyze(kStory, 0, a));
  EXPECT_FALSE(a.topics.empty());
}

// The output with max_topics = 0 (that the tagger also skips its work is not observable here).
TEST(AnalyzerStages, TaggerWithNoTopicsAllowedReturnsNone) {
  auto tagger = TopicTagger::load_builtin(TopicConfig{.max_topics = 0}).value();
  Story story;
  story.headline = "Central bank raises interest rates to fight inflation";
  story.body = "The central bank raised its benchmark interest rate by half a point.";
  std::vector<TopicScore> out{TopicScore{}};
  tagger->tag(story, out);
  EXPECT_TRUE(out.empty());
  auto on = TopicTagger::load_builtin(TopicConfig{}).value();
  on->tag(story, out);
  EXPECT_FALSE(out.empty());
}

}  // namespace
}  // namespace wirefeed
