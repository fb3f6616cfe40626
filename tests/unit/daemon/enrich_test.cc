#include "daemon/enrich.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace wirefeed {
namespace {

const std::string kSamples = std::string(WIREFEED_SOURCE_DIR) + "/samples/stories.jsonl";

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string l;
  while (std::getline(in, l)) out.push_back(l);
  return out;
}

std::string tmp(const std::string& name) { return ::testing::TempDir() + "/" + name; }

EnrichSummary run(EnrichOptions o) {
  auto r = run_enrich(o, default_config());
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.is_ok() ? r.value() : EnrichSummary{};
}

TEST(EnrichTest, OneOutputLinePerValidInputAndEveryBadLineDeadLettered) {
  EnrichOptions o;
  o.input = kSamples;
  o.output = tmp("out.jsonl");
  o.dead_letter = tmp("dlq.jsonl");
  const EnrichSummary s = run(o);
  const auto in = lines_of(kSamples);
  const auto out = lines_of(o.output);
  const auto dlq = lines_of(o.dead_letter);
  EXPECT_EQ(s.lines, in.size());
  EXPECT_EQ(out.size() + dlq.size(), in.size());
  EXPECT_EQ(out.size(), s.enriched);
  EXPECT_GE(dlq.size(), 6u);
  simdjson::dom::parser p;
  for (const auto& l : dlq) {
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(l).get(e), simdjson::SUCCESS) << l;
    const int64_t line = e["line"].get_int64();
    ASSERT_GE(line, 1);
    ASSERT_LE(line, static_cast<int64_t>(in.size()));
    EXPECT_FALSE(std::string_view(e["reason"].get_string()).empty());
    EXPECT_EQ(std::string(std::string_view(e["original"].get_string())),
              in[static_cast<size_t>(line - 1)]);
  }
  for (const auto& l : out) {
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(l).get(e), simdjson::SUCCESS) << l;
    EXPECT_FALSE(e["wirefeed"]["dedup"]["status"].error());
  }
}

TEST(EnrichTest, TheAggregatedStoryItsResendAndItsUpdate) {
  EnrichOptions o;
  o.input = kSamples;
  o.output = tmp("agg.jsonl");
  o.dead_letter = tmp("agg-dlq.jsonl");
  run(o);
  simdjson::dom::parser p;
  std::vector<std::string> statuses;
  for (const auto& l : lines_of(o.output)) {
    simdjson::dom::element e;
    ASSERT_EQ(p.parse(l).get(e), simdjson::SUCCESS);
    std::string_view uri;
    if (e["uri"].get_string().get(uri) || uri != "urn:wirefeed:sample:aggregated-1") continue;
    std::vector<std::string> agencies;
    for (auto a : e["wirefeed"]["agencies"].get_array())
      agencies.emplace_back(std::string_view(a.get_string()));
    EXPECT_EQ(agencies, (std::vector<std::string>{"Associated Press", "Reuters", "Yonhap"}));
    const auto dedup = e["wirefeed"]["dedup"];
    statuses.emplace_back(std::string_view(dedup["status"].get_string()));
    if (statuses.back() != "unique") {
      EXPECT_EQ(std::string_view(dedup["of"].get_string()), "urn:wirefeed:sample:aggregated-1");
    }
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"unique", "duplicate", "update"}));
}

TEST(EnrichTest, OutputIsDeterministicWhateverTheThreadCount) {
  EnrichOptions one;
  one.input = kSamples;
  one.output = tmp("t1.jsonl");
  one.dead_letter = tmp("t1-dlq.jsonl");
  EnrichOptions two = one;
  two.output = tmp("t2.jsonl");
  two.dead_letter = tmp("t2-dlq.jsonl");
  two.threads = 2;
  two.batch = 7;  // batches that split families
  run(one);
  run(two);
  EXPECT_EQ(lines_of(one.output), lines_of(two.output));
  EXPECT_EQ(lines_of(one.dead_letter), lines_of(two.dead_letter));
}

TEST(EnrichTest, DedupStateFileCarriesTheIndexAcrossRuns) {
  const std::string story =
      R"({"uri":"urn:t:state","version":"1","versionCreated":"2024-01-01T00:00:00Z","body_text":"GENEVA (Reuters) - Negotiators agreed on a draft text late on Sunday after two weeks of talks on plastic pollution, delegates said.\n\nThe draft still has to be approved by ministers."})";
  const std::string in = tmp("state-in.jsonl");
  std::ofstream(in) << story << "\n";
  const std::string state = tmp("state.bin");
  std::remove(state.c_str());
  EnrichOptions o;
  o.input = in;
  o.output = tmp("state-out1.jsonl");
  o.dead_letter = tmp("state-dlq.jsonl");
  o.dedup_state = state;
  EXPECT_EQ(run(o).unique, 1u);
  o.output = tmp("state-out2.jsonl");
  EXPECT_EQ(run(o).duplicate, 1u);
}

TEST(EnrichTest, MissingInputIsAnIoError) {
  EnrichOptions o;
  o.input = "/nonexistent/in.jsonl";
  o.output = tmp("x.jsonl");
  auto r = run_enrich(o, default_config());
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), "io");
}

TEST(EnrichTest, SummaryNamesCountsAndRates) {
  EnrichSummary s;
  s.lines = 10;
  s.enriched = 9;
  s.dead_lettered = 1;
  s.reasons["bad_json"] = 1;
  s.seconds = 0.5;
  s.bytes = 1000000;
  const std::string line = format_summary(s);
  EXPECT_NE(line.find("lines=10"), std::string::npos);
  EXPECT_NE(line.find("bad_json=1"), std::string::npos);
  EXPECT_NE(line.find("stories_per_s=20"), std::string::npos);
  EXPECT_NE(line.find("mb_per_s=2.0"), std::string::npos);
}

}  // namespace
}  // namespace wirefeed
