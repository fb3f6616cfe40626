// Topic tagging throughput: bytes of headline+body per second through TopicTagger::tag() with the
// built-in lexicons. The corpus is generated here (deterministic mix of topical cue words and
// filler) so the figure does not depend on files outside the repository; one short and one long
// story size show the per-call overhead against the per-byte cost. The `allocs/story` counter is
// the heap allocations per tag() call after the timed loop has warmed everything up (target: 0).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "bench/counting_new.h"
#include "pipeline/topics.h"

namespace {

using wirefeed::Story;
using wirefeed::TopicScore;
using wirefeed::TopicTagger;

// Words an agency story is made of: function words and neutral vocabulary...
const char* const kFiller[] = {
    "the",     "of",        "and",     "to",       "a",         "in",    "said",        "on",
    "for",     "that",      "was",     "with",     "by",        "is",    "at",          "as",
    "from",    "it",        "his",     "year",     "has",       "have",  "were",        "after",
    "new",     "two",       "which",   "people",   "would",     "been",  "more",        "last",
    "first",   "their",     "about",   "told",     "week",      "also",  "according",   "Tuesday",
    "percent", "statement", "around",  "between",  "including", "could", "spokeswoman", "Wednesday",
    "because", "however",   "earlier", "expected", "month",     "three"};
// ...and about one word in eight a topical cue (measured on agency copy: 5-15%).
const char* const kWords[] = {"the",         "of",
                              "and",         "to",
                              "a",           "in",
                              "said",        "on",
                              "for",         "that",
                              "was",         "with",
                              "by",          "is",
                              "at",          "as",
                              "from",        "it",
                              "his",         "year",
                              "has",         "have",
                              "were",        "after",
                              "new",         "two",
                              "which",       "people",
                              "would",       "been",
                              "more",        "last",
                              "first",       "their",
                              "about",       "told",
                              "week",        "also",
                              "government",  "minister",
                              "election",    "company",
                              "shares",      "profit",
                              "match",       "goal",
                              "season",      "troops",
                              "rebels",      "ceasefire",
                              "police",      "court",
                              "earthquake",  "rescue",
                              "hospital",    "vaccine",
                              "school",      "students",
                              "climate",     "emissions",
                              "union",       "strike",
                              "church",      "scientists",
                              "software",    "internet",
                              "weather",     "snow",
                              "film",        "album",
                              "holiday",     "family",
                              "poverty",     "prime minister",
                              "Wall Street", "World Cup",
                              "peace talks", "United Nations",
                              "according",   "Reuters",
                              "Tuesday",     "percent",
                              "officials",   "statement",
                              "around",      "between",
                              "including"};

std::vector<Story> make_corpus(size_t stories, size_t body_words) {
  std::vector<Story> out(stories);
  uint64_t x = 0x2545F4914F6CDD1DULL;
  auto next = [&] {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
  };
  constexpr size_t kN = sizeof(kWords) / sizeof(kWords[0]);
  constexpr size_t kF = sizeof(kFiller) / sizeof(kFiller[0]);
  auto word = [&]() -> const char* {
    uint64_t r = next();
    return (r & 7) == 0 ? kWords[(r >> 3) % kN] : kFiller[(r >> 3) % kF];
  };
  for (Story& s : out) {
    for (int i = 0; i < 8; ++i) (s.headline += word()) += ' ';
    for (size_t i = 0; i < body_words; ++i) {
      s.body += word();
      s.body += (i % 17 == 16) ? ". " : (i % 97 == 96 ? "\n\n" : " ");
    }
  }
  return out;
}

void run(benchmark::State& state, size_t body_words) {
  // WIREFEED_TOPICS_DIR=<dir of *.lex> measures an edited lexicon set against the built-in one
  // (A/B in alternation on a shared machine) without a rebuild.
  std::shared_ptr<const TopicTagger> tagger = TopicTagger::builtin();
  if (const char* dir = std::getenv("WIREFEED_TOPICS_DIR")) {
    auto r = TopicTagger::load_dir(dir, {});
    if (!r) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    tagger = r.value();
  }
  auto corpus = make_corpus(256, body_words);
  size_t bytes = 0;
  for (const Story& s : corpus) bytes += s.headline.size() + s.body.size();
  std::vector<TopicScore> out;
  out.reserve(8);
  for (auto _ : state) {
    for (const Story& s : corpus) {
      tagger->tag(s, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  // One more pass, untimed, counting allocations in steady state (same `out`, warm scratch).
  const uint64_t before = bench::allocations();
  for (const Story& s : corpus) tagger->tag(s, out);
  state.counters["allocs/story"] =
      static_cast<double>(bench::allocations() - before) / static_cast<double>(corpus.size());
}

void BM_TagShortStory(benchmark::State& state) { run(state, 60); }  // brief, ~400 bytes
void BM_TagLongStory(benchmark::State& state) { run(state, 800); }  // full article, ~5 KB

BENCHMARK(BM_TagShortStory);
BENCHMARK(BM_TagLongStory);

}  // namespace

BENCHMARK_MAIN();
