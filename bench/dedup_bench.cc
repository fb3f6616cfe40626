// Dedup throughput and memory.
//   BM_Fingerprint        - normalise + shingle + sample one generated ~3 KB story.
//   BM_CheckAndInsert/1M  - lookup+insert of new stories into an index holding 1,000,000 stories
//                           (at the count limit, so every insert also evicts). Counters:
//                           bytes_per_story (the index's own accounting) and rss_per_story (growth
//                           of the process's resident set while filling, per story).
//   BM_InsertTail/W       - the slowest check_and_insert calls while 600,000 new stories go into an
//                           index (W = 0: no count limit, the tables keep growing; W > 0: a full
//                           window of W stories, where tables are rebuilt to drop evicted ones).
//                           Counters max_us, p9999_us, p99_us, mean_us: what one story can wait
//                           behind a table that grows (see docs/dedup.md, "Growing the tables").

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>

#include "pipeline/dedup.h"

using namespace wirefeed;

namespace {

constexpr const char* kWords[] = {
    "government", "said",      "on",      "Tuesday", "the",        "council",  "would",
    "review",     "budget",    "plan",    "after",   "protests",   "in",       "capital",
    "where",      "thousands", "of",      "workers", "gathered",   "to",       "demand",
    "higher",     "wages",     "and",     "better",  "conditions", "minister", "told",
    "reporters",  "that",      "talks",   "with",    "unions",     "could",    "resume",
    "next",       "week",      "if",      "both",    "sides",      "agree",    "a",
    "framework",  "Reuters",   "percent", "million", "euros",      "analysts", "expect",
    "growth",     "slow",      "this",    "year",    "central",    "bank",     "rates",
    "inflation",  "export",    "data"};

std::string make_story_body(std::mt19937_64& rng, size_t bytes) {
  std::string body = "LISBON, March 3 (Reuters) - ";
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  size_t sentence = 0;
  while (body.size() < bytes) {
    body += kWords[pick(rng)];
    if (++sentence % 17 == 0) {
      body += ". ";
      body += std::to_string(rng() % 1000);
      body += sentence % 68 == 0 ? ".\n\n" : " ";
    } else {
      body += ' ';
    }
  }
  body += "\n\n(Reporting by Ana Silva; Editing by Tom Keller)";
  return body;
}

// A fingerprint shaped like a real 3 KB story's: ~500 shingles, ~128 sampled hashes below the
// cutoff.
void random_fingerprint(std::mt19937_64& rng, uint64_t id, Fingerprint& fp) {
  fp.clear();
  char uri[64];
  std::snprintf(uri, sizeof uri, "urn:newsml:bench.example.com:20240301:%010llu",
                static_cast<unsigned long long>(id));
  fp.uri = uri;
  // The same hash Fingerprinter uses, so the index finds the URI where it stored it.
  Fingerprinter fpr{DedupConfig{}};
  Story story;
  story.uri = uri;
  fpr.fingerprint(story, CreditResult{}, 0, fp);
  fp.version = "1";
  fp.version_num = 1;
  fp.time_ms = 1'709'251'200'000LL + static_cast<int64_t>(id);  // within the window
  fp.time_from_version_created = true;
  fp.exact_hash = rng();
  fp.n_shingles = 500;
  fp.cutoff = static_cast<uint32_t>((128ULL << 32) / 500);
  for (int i = 0; i < 128; ++i) fp.sample.push_back(static_cast<uint32_t>(rng() % fp.cutoff));
  std::sort(fp.sample.begin(), fp.sample.end());
  fp.sample.erase(std::unique(fp.sample.begin(), fp.sample.end()), fp.sample.end());
  for (int i = 0; i < 40; ++i) fp.keys.push_back(static_cast<uint32_t>(rng()));
  std::sort(fp.keys.begin(), fp.keys.end());
  for (uint32_t k : fp.keys) fp.key_bloom.add(k);
}

size_t rss_bytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<size_t>(resident) * 4096;
}

void BM_Fingerprint(benchmark::State& state) {
  std::mt19937_64 rng(7);
  Story story;
  story.uri = "urn:newsml:bench.example.com:1";
  story.version = "1";
  story.version_created = "2024-03-01T12:00:00Z";
  story.headline = "Government to review budget plan after protests";
  story.body = make_story_body(rng, static_cast<size_t>(state.range(0)));
  DedupConfig cfg;
  Fingerprinter fpr(cfg);
  CreditResult credits;
  Fingerprint fp;
  for (auto _ : state) {
    fpr.fingerprint(story, credits, 0, fp);
    benchmark::DoNotOptimize(fp.sample.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(story.body.size()));
}
BENCHMARK(BM_Fingerprint)->Arg(3000);

void BM_CheckAndInsert(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  DedupConfig cfg;
  cfg.max_stories = n;
  DedupIndex index(cfg);
  std::mt19937_64 rng(11);
  Fingerprint fp;
  const size_t rss0 = rss_bytes();
  for (size_t i = 0; i < n; ++i) {
    random_fingerprint(rng, i, fp);
    index.check_and_insert(fp);
  }
  const size_t rss1 = rss_bytes();
  // Fresh stories for the timed loop, made beforehand so generating them is not measured.
  std::vector<Fingerprint> pool(65'536);
  for (size_t i = 0; i < pool.size(); ++i) random_fingerprint(rng, n + i, pool[i]);
  size_t next = 0;
  size_t flagged = 0;
  for (auto _ : state) {
    const DedupResult r = index.check_and_insert(pool[next++ % pool.size()]);
    flagged += r.status != DedupStatus::kUnique;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["stories"] = static_cast<double>(index.size());
  state.counters["bytes_per_story"] =
      static_cast<double>(index.memory_bytes()) / static_cast<double>(index.size());
  state.counters["rss_per_story"] = static_cast<double>(rss1 - rss0) / static_cast<double>(n);
  state.counters["flagged"] = static_cast<double>(flagged);
}
BENCHMARK(BM_CheckAndInsert)->Arg(1'000'000)->Iterations(60'000)->Unit(benchmark::kMicrosecond);

void BM_InsertTail(benchmark::State& state) {
  std::vector<double> us;
  for (auto _ : state) {
    DedupConfig cfg;
    if (state.range(0) > 0) cfg.max_stories = static_cast<size_t>(state.range(0));
    DedupIndex index(cfg);
    std::mt19937_64 rng(11);
    Fingerprint fp;
    us.clear();
    for (size_t i = 0; i < 600'000; ++i) {
      random_fingerprint(rng, i, fp);
      const auto t0 = std::chrono::steady_clock::now();
      index.check_and_insert(fp);
      us.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  std::sort(us.begin(), us.end());
  state.counters["max_us"] = us.back();
  state.counters["p9999_us"] = us[us.size() * 9999 / 10000];
  state.counters["p99_us"] = us[us.size() * 99 / 100];
  state.counters["mean_us"] =
      std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
}
BENCHMARK(BM_InsertTail)->Arg(0)->Arg(150'000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
