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

// Undated stories take their time from the dedup window's clock: one story dated a year ahead
// must not date the undated stories after it a year ahead too, which made a run of them move the
// window there and forget the stories of today.
TEST(EnrichTest, UndatedStoriesAfterOneDatedFarAheadKeepTheWindow) {
  const std::vector<std::string> paras = {
      "Floodwaters forced thousands of residents from their homes along the river on Tuesday, as "
      "rescue teams used boats to reach villages cut off by the rising water.",
      "The regional governor said three people had died and dozens more were missing after the "
      "embankment near the old mill gave way during the night.",
      "Forecasters warned that more rain was expected over the weekend, and schools in the valley "
      "will stay closed until at least Monday.",
      "Engineers were working to shore up two other embankments upstream, where the water stood "
      "less than a metre below the top."};
  std::string body = paras[0];
  for (size_t i = 1; i < paras.size(); ++i) body += "\\n\\n" + paras[i];
  std::string rewrite = "UPDATE: " + paras[0];
  for (size_t i = 1; i + 1 < paras.size(); ++i) rewrite += "\\n\\n" + paras[i];
  const auto story = [](const std::string& uri, const std::string& created,
                        const std::string& text) {
    return R"({"uri":")" + uri + R"(","version":"1",)" +
           (created.empty() ? "" : R"("versionCreated":")" + created + R"(",)") +
           R"("body_text":")" + text + R"("})";
  };
  const char* kWords[] = {"harbour", "budget",  "senate",  "wheat",   "orbit",  "museum",
                          "tariff",  "glacier", "vaccine", "stadium", "copper", "festival"};
  std::ostringstream in;
  in << story("urn:t:flood", "2024-03-01T10:00:00Z", body) << "\n";
  in << story("urn:t:council", "2024-03-01T10:02:00Z",
              "The city council approved the new tram line by a narrow margin on Tuesday evening.")
     << "\n";
  in << story("urn:t:typo", "2025-03-01T10:05:00Z",
              "The ministry published its budget for next year on Friday, a week early.")
     << "\n";
  for (int i = 0; i < 10; ++i) {
    std::string text = "Undated brief " + std::to_string(i) + ":";
    for (int w = 0; w < 30; ++w) text += std::string(" ") + kWords[(i * 7 + w * (i + 3)) % 12];
    in << story("urn:t:undated-" + std::to_string(i), "", text + ".") << "\n";
  }
  in << story("urn:t:flood-rewrite", "2024-03-01T10:30:00Z", rewrite) << "\n";
  const std::string path = tmp("far-ahead-in.jsonl");
  std::ofstream(path) << in.str();
  EnrichOptions o;
  o.input = path;
  o.output = tmp("far-ahead-out.jsonl");
  o.dead_letter = tmp("far-ahead-dlq.jsonl");
  o.batch = 1;  // every story sees the clock the stories before it left
  run(o);
  const auto out = lines_of(o.output);
  ASSERT_EQ(out.size(), 14u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  ASSERT_EQ(p.parse(out.back()).get(e), simdjson::SUCCESS);
  EXPECT_EQ(std::string_view(e["wirefeed"]["dedup"]["status"].get_string()), "near_duplicate");
  EXPECT_EQ(std::string_view(e["wirefeed"]["dedup"]["of"].get_string()), "urn:t:flood");
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
