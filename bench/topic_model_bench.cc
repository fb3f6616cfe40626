// Supervised topic model throughput: bytes of headline+body per second through
// TopicModel::predict() and through TopicBlend::tag() (rules + model, what the pipeline runs when
// `topics.model` is set). The model is trained here on generated labelled stories (4 classes, like
// an AG News model: three topics and "other") so the figure needs no file outside the
// repository; WIREFEED_TOPIC_MODEL=<file> measures a real model instead. The stories are generated
// too (filler with about one cue word in eight). `allocs/story` counts heap allocations per call
// after warm-up (target: 0).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "bench/counting_new.h"
#include "pipeline/topic_model.h"

namespace {

using wirefeed::Story;
using wirefeed::TopicBlend;
using wirefeed::TopicModel;
using wirefeed::TopicModelExample;
using wirefeed::TopicScore;

const char* const kPlain[] = {
    "the",     "a",        "of",        "to",         "in",      "and",       "on",     "for",
    "said",    "was",      "with",      "has",        "after",   "by",        "at",     "from",
    "its",     "their",    "would",     "could",      "been",    "week",      "Monday", "Friday",
    "percent", "official", "spokesman", "statement",  "earlier", "including", "around", "since",
    "people",  "country",  "city",      "government", "report",  "region",    "later",  "several"};
const char* const kCues[4][8] = {
    {"goal", "coach", "league", "striker", "match", "season", "tournament", "championship"},
    {"shares", "profit", "investors", "revenue", "earnings", "bank", "market", "quarterly"},
    {"scientists", "software", "research", "telescope", "internet", "laboratory", "chip", "data"},
    {"minister", "parliament", "troops", "police", "court", "election", "protest", "ceasefire"},
};

uint64_t g_rng = 0x9E3779B97F4A7C15ULL;
uint64_t next() {
  g_rng ^= g_rng << 13, g_rng ^= g_rng >> 7, g_rng ^= g_rng << 17;
  return g_rng;
}

// A story of class c (0..3): one word in eight a cue, mostly of its own class.
void fill(Story& s, int c, size_t body_words) {
  auto word = [&]() -> const char* {
    const uint64_t r = next();
    if ((r & 7) != 0) return kPlain[(r >> 3) % (sizeof kPlain / sizeof kPlain[0])];
    const int cls = (r >> 8) % 4 == 0 ? static_cast<int>((r >> 12) % 4) : c;
    return kCues[cls][(r >> 16) % 8];
  };
  for (int i = 0; i < 8; ++i) (s.headline += word()) += ' ';
  for (size_t i = 0; i < body_words; ++i) {
    s.body += word();
    s.body += (i % 19 == 18) ? ". " : (i % 101 == 100 ? "\n\n" : " ");
  }
}

std::shared_ptr<const TopicModel> model(unsigned bits) {
  if (const char* path = std::getenv("WIREFEED_TOPIC_MODEL")) {
    auto r = TopicModel::load(path);
    if (!r) std::fprintf(stderr, "%s\n", r.status().message().c_str()), std::exit(1);
    return r.value();
  }
  const char* qcodes[] = {"medtop:15000000", "medtop:04000000", "medtop:13000000"};
  std::vector<TopicModelExample> train;
  for (int i = 0; i < 2000; ++i) {
    Story s;
    fill(s, i % 4, 40);
    TopicModelExample ex{s.headline, s.body, {}};
    if (i % 4 < 3) ex.topics.emplace_back(qcodes[i % 4]);
    train.push_back(std::move(ex));
  }
  wirefeed::TopicModelTrainOptions o;
  o.bucket_bits = bits;
  o.epochs = 3;
  return TopicModel::train(train, o).value();
}

std::vector<Story> corpus(size_t body_words) {
  std::vector<Story> out(256);
  for (size_t i = 0; i < out.size(); ++i) fill(out[i], static_cast<int>(i % 4), body_words);
  return out;
}

template <typename Call>
void run(benchmark::State& state, const std::vector<Story>& stories, Call&& call) {
  size_t bytes = 0;
  for (const Story& s : stories) bytes += s.headline.size() + s.body.size();
  for (const Story& s : stories) call(s);  // warm-up: scratch buffers reach their size
  for (auto _ : state) {
    for (const Story& s : stories) call(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * stories.size()));
  const uint64_t before = bench::allocations();
  for (const Story& s : stories) call(s);
  state.counters["allocs/story"] =
      static_cast<double>(bench::allocations() - before) / static_cast<double>(stories.size());
}

// range(0): body words (60 ~ a 400-byte brief, 800 ~ a 5 KB article); range(1): bucket bits.
void BM_ModelPredict(benchmark::State& state) {
  auto m = model(static_cast<unsigned>(state.range(1)));
  auto stories = corpus(static_cast<size_t>(state.range(0)));
  std::vector<float> probs(m->classes());
  run(state, stories, [&](const Story& s) {
    m->predict(s, probs);
    benchmark::DoNotOptimize(probs.data());
  });
}

void BM_BlendTag(benchmark::State& state) {
  auto rules = wirefeed::TopicTagger::load_builtin(TopicBlend::rules_config());
  auto blend = TopicBlend::create(rules.value(), model(static_cast<unsigned>(state.range(1))), {});
  if (!blend) {
    state.SkipWithError(blend.status().message().c_str());
    return;
  }
  auto stories = corpus(static_cast<size_t>(state.range(0)));
  std::vector<TopicScore> out;
  out.reserve(16);
  run(state, stories, [&](const Story& s) {
    blend.value()->tag(s, out);
    benchmark::DoNotOptimize(out.data());
  });
}

BENCHMARK(BM_ModelPredict)->Args({60, 18})->Args({800, 18})->Args({800, 20});
BENCHMARK(BM_BlendTag)->Args({60, 18})->Args({800, 18});

}  // namespace

BENCHMARK_MAIN();
