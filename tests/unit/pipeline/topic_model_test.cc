#include "pipeline/topic_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/enricher.h"

namespace wirefeed {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// ---- a small generated corpus: three topics and stories of none of them ----

const char* const kFiller[] = {"the",   "said", "on",    "after", "year",  "new",    "people",
                               "would", "week", "also",  "told",  "first", "around", "month",
                               "three", "more", "which", "their", "about", "during"};
struct GenClass {
  const char* qcode;  // "" = the other class
  std::vector<const char*> cues;
};
const GenClass kClasses[] = {
    {"medtop:15000000", {"goal", "match", "coach", "league", "striker", "tournament", "medal"}},
    {"medtop:04000000", {"shares", "profit", "investors", "revenue", "market", "bank", "earnings"}},
    {"medtop:13000000", {"scientists", "research", "telescope", "software", "laboratory", "data"}},
    {"", {"minister", "parliament", "election", "troops", "police", "court", "protest"}},
};

// Deterministic stories: one word in four a cue of the class, the rest filler.
std::vector<TopicModelExample> generate(uint64_t seed, int per_class) {
  std::vector<TopicModelExample> out;
  uint64_t x = seed;
  auto next = [&] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(x >> 33);
  };
  for (int i = 0; i < per_class; ++i) {
    for (const GenClass& c : kClasses) {
      TopicModelExample ex;
      auto words = [&](size_t n) {
        std::string s;
        for (size_t w = 0; w < n; ++w) {
          if (!s.empty()) s += ' ';
          s += next() % 4 == 0 ? c.cues[next() % c.cues.size()] : kFiller[next() % 20];
        }
        return s;
      };
      ex.headline = words(8);
      ex.body = words(40);
      if (*c.qcode) ex.topics.emplace_back(c.qcode);
      out.push_back(std::move(ex));
    }
  }
  return out;
}

Story story_of(const TopicModelExample& ex) {
  Story s;
  s.headline = ex.headline;
  s.body = ex.body;
  return s;
}

std::shared_ptr<const TopicModel> trained(uint64_t seed = 1) {
  TopicModelTrainOptions o;
  o.seed = seed;
  auto r = TopicModel::train(generate(7, 40), o);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.value();
}

size_t argmax(const std::vector<float>& p) {
  return static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("wirefeed_topic_model_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(TopicModel, LabelsAreTheTrainingTopicsSortedPlusOther) {
  auto m = trained();
  EXPECT_EQ(m->labels(),
            (std::vector<std::string>{"medtop:04000000", "medtop:13000000", "medtop:15000000"}));
  EXPECT_TRUE(m->has_other());
  EXPECT_EQ(m->classes(), 4u);
}

TEST(TopicModel, TrainingOnGeneratedStoriesSeparatesTheClasses) {
  auto m = trained();
  std::vector<float> p(m->classes());
  size_t correct = 0, n = 0;
  for (const auto& ex : generate(99, 25)) {  // another seed: stories not trained on
    m->predict(story_of(ex), p);
    const size_t want =
        ex.topics.empty()
            ? m->classes() - 1
            : static_cast<size_t>(std::find(m->labels().begin(), m->labels().end(), ex.topics[0]) -
                                  m->labels().begin());
    correct += argmax(p) == want;
    ++n;
  }
  EXPECT_EQ(correct, n);
}

TEST(TopicModel, ProbabilitiesSumToOne) {
  auto m = trained();
  std::vector<float> p(m->classes());
  Story s;
  s.headline = "Striker scores late goal";
  s.body = "The match ended two one.";
  m->predict(s, p);
  float sum = 0;
  for (float x : p) {
    EXPECT_GE(x, 0.0f);
    sum += x;
  }
  EXPECT_NEAR(sum, 1.0f, 1e-5);
  EXPECT_EQ(m->labels()[argmax(p)], "medtop:15000000");
}

TEST(TopicModel, HeadlineOutweighsBody) {
  auto m = trained();
  std::vector<float> p(m->classes());
  Story s;
  s.headline = "goal";
  s.body = "profit";
  m->predict(s, p);
  EXPECT_EQ(m->labels()[argmax(p)], "medtop:15000000");
}

TEST(TopicModel, CaseAndPluralsAreNormalised) {
  auto m = trained();
  std::vector<float> a(m->classes()), b(m->classes());
  Story s1, s2;
  s1.body = "Investors cheered the Profits";
  s2.body = "investor cheered THE profit";
  m->predict(s1, a);
  m->predict(s2, b);
  EXPECT_EQ(a, b);
}

TEST(TopicModel, TrainingIsDeterministic) {
  const std::string a = trained(1)->serialize();
  EXPECT_EQ(trained(1)->serialize(), a);  // byte-identical
  EXPECT_NE(trained(2)->serialize(), a);  // the seed is what orders the examples
}

TEST(TopicModel, SaveAndLoadRoundTrip) {
  auto m = trained();
  const std::string path = temp_path("roundtrip.bin");
  ASSERT_TRUE(m->save(path).is_ok());
  auto r = TopicModel::load(path);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  const TopicModel& l = *r.value();
  EXPECT_EQ(l.serialize(), m->serialize());
  EXPECT_EQ(l.labels(), m->labels());
  EXPECT_EQ(l.has_other(), m->has_other());
  EXPECT_EQ(l.bucket_bits(), m->bucket_bits());
  EXPECT_FLOAT_EQ(l.blend_weight(), m->blend_weight());
  std::vector<float> a(m->classes()), b(m->classes());
  for (const auto& ex : generate(5, 3)) {
    m->predict(story_of(ex), a);
    l.predict(story_of(ex), b);
    EXPECT_EQ(a, b);
  }
  std::filesystem::remove(path);
}

// Regression: `--output /dev/null` renamed the temporary file over the device node. A target that
// exists and is not a regular file is written in place (here: a directory, which cannot be).
TEST(TopicModel, SaveNeverRenamesOverANonRegularFile) {
  const std::string dir = temp_path("dir");
  std::filesystem::create_directory(dir);
  Status s = trained()->save(dir);
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), dir + ": cannot open for writing");
  EXPECT_TRUE(std::filesystem::is_directory(dir));
  EXPECT_FALSE(std::filesystem::exists(dir + ".tmp"));
  std::filesystem::remove(dir);
}

// ---- strict loading: every error names the file and what is wrong ----

std::string load_error(const std::string& bytes) {
  auto r = TopicModel::parse(bytes, "m.bin");
  EXPECT_FALSE(r.is_ok());
  if (r.is_ok()) return "";
  EXPECT_EQ(r.status().code(), "topic_model");
  EXPECT_THAT(r.status().message(), StartsWith("m.bin: "));
  return r.status().message();
}

TEST(TopicModelFile, WrongMagicIsRejected) {
  std::string b = trained()->serialize();
  b[0] = 'X';
  EXPECT_EQ(load_error(b), "m.bin: not a wirefeed topic model (bad magic)");
  EXPECT_EQ(load_error("{\"not\": \"a model\"}"), "m.bin: not a wirefeed topic model (bad magic)");
}

TEST(TopicModelFile, TruncatedFileIsRejected) {
  const std::string b = trained()->serialize();
  EXPECT_THAT(load_error(b.substr(0, b.size() - 1)), HasSubstr("truncated"));
  EXPECT_THAT(load_error(b.substr(0, 20)), HasSubstr("truncated header"));
  EXPECT_THAT(load_error(b.substr(0, 1000)), HasSubstr("truncated: 1000 bytes"));
}

TEST(TopicModelFile, TrailingBytesAreRejected) {
  EXPECT_THAT(load_error(trained()->serialize() + "x"), HasSubstr("1 unexpected bytes"));
}

TEST(TopicModelFile, CorruptWeightFailsTheChecksum) {
  std::string b = trained()->serialize();
  b[b.size() / 2] ^= 0x40;
  EXPECT_EQ(load_error(b), "m.bin: checksum mismatch: the file is corrupt");
}

TEST(TopicModelFile, OtherVersionIsRejected) {
  std::string b = trained()->serialize();
  b[8] = 9;  // version, little-endian u32 after the 8-byte magic
  EXPECT_EQ(load_error(b), "m.bin: unsupported version 9 (this build reads 2)");
}

TEST(TopicModelFile, BadBucketBitsAreRejected) {
  std::string b = trained()->serialize();
  b[12] = 30;
  EXPECT_EQ(load_error(b), "m.bin: bucket bits 30 outside 18..20");
}

TEST(TopicModelFile, MissingFileAndDirectoryNameThePath) {
  auto r = TopicModel::load("/nonexistent/model.bin");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message(), "/nonexistent/model.bin: cannot open");
  auto d = TopicModel::load(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(d.is_ok());
  EXPECT_THAT(d.status().message(), HasSubstr("is a directory"));
}

// ---- the training file ----

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(TopicModelTrainingFile, ReadsHeadlineBodyAndTopics) {
  const std::string path = write_temp(
      "ok.jsonl",
      "{\"headline\":\"Cup final\",\"body\":\"A late goal.\",\"topics\":[\"medtop:15000000\"]}\n"
      "\n"
      "{\"title\":\"Vote\",\"text\":\"Parliament met.\",\"topics\":[]}\n");
  auto r = TopicModel::read_training_file(path);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r.value()[0].headline, "Cup final");
  EXPECT_EQ(r.value()[0].topics, std::vector<std::string>{"medtop:15000000"});
  EXPECT_EQ(r.value()[1].body, "Parliament met.");
  EXPECT_TRUE(r.value()[1].topics.empty());
  std::filesystem::remove(path);
}

TEST(TopicModelTrainingFile, ErrorsNameFileAndLine) {
  const std::string bad_json =
      write_temp("bad.jsonl", "{\"headline\":\"a\",\"topics\":[]}\n{oops\n");
  auto r = TopicModel::read_training_file(bad_json);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message(), bad_json + ":2: not a JSON object");
  const std::string no_topics = write_temp("none.jsonl", "{\"headline\":\"a\",\"body\":\"b\"}\n");
  r = TopicModel::read_training_file(no_topics);
  ASSERT_FALSE(r.is_ok());
  EXPECT_THAT(r.status().message(), StartsWith(no_topics + ":1: no \"topics\" array"));
  const std::string number = write_temp("num.jsonl", "{\"headline\":\"a\",\"topics\":[15]}\n");
  r = TopicModel::read_training_file(number);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message(), number + ":1: a topic is not a string");
  for (const auto& p : {bad_json, no_topics, number}) std::filesystem::remove(p);
}

TEST(TopicModelTrainingFile, OneClassIsNotEnough) {
  std::vector<TopicModelExample> one = {{"goal", "match", {"medtop:15000000"}}};
  auto r = TopicModel::train(one, {});
  ASSERT_FALSE(r.is_ok());
  EXPECT_THAT(r.status().message(), HasSubstr("at least two classes"));
}

// ---- the blend ----

std::vector<TopicModelExample> read_fixture(const std::string& name) {
  auto r = TopicModel::read_training_file(WIREFEED_SOURCE_DIR "/tests/fixtures/topics/" + name);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.is_ok() ? r.value() : std::vector<TopicModelExample>{};
}

std::shared_ptr<const TopicTagger> rules(TopicConfig cfg) {
  auto r = TopicTagger::load_builtin(cfg);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.value();
}

std::shared_ptr<const TopicBlend> blend_of(std::shared_ptr<const TopicModel> model,
                                           TopicConfig out = {}) {
  auto b = TopicBlend::create(rules(TopicBlend::rules_config()), std::move(model), out);
  EXPECT_TRUE(b.is_ok()) << b.status().message();
  return b.value();
}

TEST(TopicBlend, WeightZeroGivesTheRulesOwnOutput) {
  auto blend = blend_of(trained());
  auto plain = rules({});
  std::vector<TopicScore> a, b;
  for (const char* f : {"stories.jsonl", "hard_stories.jsonl"}) {
    for (const auto& ex : read_fixture(f)) {
      plain->tag(story_of(ex), a);
      blend->tag(story_of(ex), b, 0.0f);
      ASSERT_EQ(a.size(), b.size()) << ex.headline;
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].qcode, b[i].qcode) << ex.headline;
        EXPECT_DOUBLE_EQ(a[i].score, b[i].score) << ex.headline;
      }
    }
  }
}

// The rules' unit tests expect the labelled top level first on the full-length fixture stories
// (tests/unit/pipeline/topics_test.cc). With a model trained on one fixture file (project-written
// stories, all 17 top levels), the blend must still meet that expectation on the other file.
void expect_blend_keeps_fixture_labels(const std::string& train_file, const std::string& check) {
  auto model = TopicModel::train(read_fixture(train_file), {});
  ASSERT_TRUE(model.is_ok()) << model.status().message();
  auto blend = blend_of(model.value());
  std::vector<TopicScore> out;
  size_t n = 0;
  for (const auto& ex : read_fixture(check)) {
    blend->tag(story_of(ex), out);
    ASSERT_FALSE(out.empty()) << ex.headline;
    const std::string_view top = blend->rules().top_level(out[0].qcode);
    EXPECT_NE(std::find(ex.topics.begin(), ex.topics.end(), top), ex.topics.end())
        << ex.headline << " -> " << out[0].qcode;
    ++n;
  }
  EXPECT_GT(n, 0u);
}

TEST(TopicBlend, KeepsTheRulesExpectationsOnFullLengthStories) {
  expect_blend_keeps_fixture_labels("hard_stories.jsonl", "stories.jsonl");
}

TEST(TopicBlend, KeepsTheRulesExpectationsOnHardFullLengthStories) {
  expect_blend_keeps_fixture_labels("stories.jsonl", "hard_stories.jsonl");
}

TEST(TopicBlend, ModelLiftsItsTopicWhereTheRulesHesitate) {
  // "goal" and "match" are sport cues for both; "shares" pulls the rules towards economy.
  auto blend = blend_of(trained());
  Story s;
  s.headline = "Striker goal in the match";
  s.body = "The league coach said shares of the club fell.";
  std::vector<TopicScore> out;
  blend->tag(s, out, 1.0f);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].qcode, "medtop:15000000");
  for (size_t i = 1; i < out.size(); ++i) EXPECT_LE(out[i].score, out[i - 1].score);
}

TEST(TopicBlend, OutputConfigAppliesAfterBlending) {
  TopicConfig none;
  none.max_topics = 0;
  std::vector<TopicScore> out;
  const auto ex = read_fixture("stories.jsonl").at(0);
  blend_of(trained(), none)->tag(story_of(ex), out);
  EXPECT_TRUE(out.empty());
  TopicConfig one;
  one.max_topics = 1;
  blend_of(trained(), one)->tag(story_of(ex), out);
  EXPECT_EQ(out.size(), 1u);
  // The pipeline reads the blend's output config, not its rules' (which keep every topic).
  PipelineResources r;
  r.topic_blend = blend_of(trained(), none);
  EXPECT_FALSE(Analyzer::tagging_enabled(r));
  r.topic_blend = blend_of(trained(), one);
  EXPECT_TRUE(Analyzer::tagging_enabled(r));
}

TEST(TopicBlend, NeedsRulesWithoutCutOffs) {
  auto b = TopicBlend::create(rules({}), trained(), {});
  ASSERT_FALSE(b.is_ok());
  EXPECT_THAT(b.status().message(), HasSubstr("rules_config"));
}

TEST(TopicBlend, ModelTopicUnknownToTheTaxonomyIsAnError) {
  std::vector<TopicModelExample> ex = {{"goal", "match", {"medtop:99999999"}},
                                       {"vote", "poll", {}}};
  auto m = TopicModel::train(ex, {});
  ASSERT_TRUE(m.is_ok());
  auto b = TopicBlend::create(rules(TopicBlend::rules_config()), m.value(), {});
  ASSERT_FALSE(b.is_ok());
  EXPECT_THAT(b.status().message(), HasSubstr("'medtop:99999999' is not in the Media Topics"));
}

// ---- the pipeline's resources ----

TEST(TopicBlend, LoadResourcesWithAModelTagsThroughTheBlend) {
  const std::string path = temp_path("resources.bin");
  ASSERT_TRUE(trained()->save(path).is_ok());
  auto with = load_resources("", "", TopicConfig{}, "", path);
  ASSERT_TRUE(with.is_ok()) << with.status().message();
  ASSERT_NE(with.value()->topic_blend, nullptr);
  EXPECT_EQ(with.value()->topic_blend->output_config().threshold, TopicConfig{}.threshold);
  auto without = load_resources("", "", TopicConfig{});
  ASSERT_TRUE(without.is_ok());
  EXPECT_EQ(without.value()->topic_blend, nullptr);  // the rules stay the default

  Analyzer analyzer(with.value(), PipelineOptions{});
  Analysis a;
  ASSERT_TRUE(analyzer.analyze(
      R"({"uri":"u1","headline":"Striker goal wins the match","body_text":"The coach praised the league."})",
      0, a));
  ASSERT_FALSE(a.topics.empty());
  EXPECT_EQ(a.topics[0].qcode, "medtop:15000000");
  std::filesystem::remove(path);
}

TEST(TopicBlend, LoadResourcesReportsABadModelFile) {
  auto r = load_resources("", "", TopicConfig{}, "", "/nonexistent/topics.bin");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().message(), "/nonexistent/topics.bin: cannot open");
}

}  // namespace
}  // namespace wirefeed
