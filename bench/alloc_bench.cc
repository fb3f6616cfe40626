// Heap allocations per story in steady state, counted by replacing the global operator new.
//
// Runs the corpus (bench/corpus.h) through the Analyzer + DedupIndex + write_enriched path, the way
// `wirefeed enrich` and the daemon do, with one reused Analysis and output string. Pass 1 warms the
// reused buffers up (each grows to the largest story once); pass 2 is counted. Each stage is then
// counted on its own as well, so a regression names its stage.
//
// DedupIndex::check_and_insert allocates by design: the index stores every new story (URI, sketch,
// postings). It is listed separately and not part of the zero-allocation claim.
//
//   alloc_bench            prints the table; exit code 1 when a stateless stage allocates in pass 2
//   alloc_bench --passes 3 more warm-up passes

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "pipeline/enricher.h"

namespace {

std::atomic<uint64_t> g_allocs{0};
std::atomic<uint64_t> g_bytes{0};

void* counted_alloc(std::size_t n, std::size_t align) {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  g_bytes.fetch_add(n, std::memory_order_relaxed);
  if (n == 0) n = 1;
  void* p = align > alignof(std::max_align_t)
                ? std::aligned_alloc(align, (n + align - 1) / align * align)
                : std::malloc(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n, 0); }
void* operator new[](std::size_t n) { return counted_alloc(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) {
  return counted_alloc(n, static_cast<size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return counted_alloc(n, static_cast<size_t>(a));
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n, 0);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

using namespace wirefeed;

namespace {

struct Count {
  uint64_t allocs = 0;
  uint64_t bytes = 0;
  uint64_t stories_allocating = 0;
};

// Counts the allocations of f() into c.
template <typename F>
void counted(Count& c, F&& f) {
  const uint64_t a0 = g_allocs.load(std::memory_order_relaxed);
  const uint64_t b0 = g_bytes.load(std::memory_order_relaxed);
  f();
  const uint64_t da = g_allocs.load(std::memory_order_relaxed) - a0;
  c.allocs += da;
  c.bytes += g_bytes.load(std::memory_order_relaxed) - b0;
  if (da > 0) ++c.stories_allocating;
}

}  // namespace

int main(int argc, char** argv) {
  int passes = 2;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--passes") == 0) passes = std::max(2, std::atoi(argv[i + 1]));
  }
  const auto& corpus = bench::corpus();
  auto res = load_resources("", "", TopicConfig{});
  if (!res) {
    std::fprintf(stderr, "alloc_bench: %s\n", res.status().message().c_str());
    return 2;
  }
  const PipelineOptions options;
  Analyzer analyzer(res.value(), options);
  auto index = std::make_unique<DedupIndex>(options.dedup);
  Analysis a;
  std::string out;

  // The stages one by one, with their own reused state, as Analyzer::analyze runs them.
  StoryParser parser(options.limits);
  CreditExtractor credits(res.value()->agencies);
  Fingerprinter fingerprinter(options.dedup);
  Analysis s;
  Story story;

  Count whole, dedup, write, parse, credit, topics, fprint;
  uint64_t stories = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const bool count = pass == passes - 1;
    Count scratch;
    // The index restarts each pass so that pass 2 inserts as many new stories as pass 1.
    index = std::make_unique<DedupIndex>(options.dedup);
    for (std::string_view raw : corpus.lines) {
      if (count) ++stories;
      bool ok = false;
      counted(count ? whole : scratch, [&] { ok = analyzer.analyze(raw, 0, a); });
      if (ok) {
        counted(count ? dedup : scratch, [&] { index->check_and_insert(a.fingerprint, a.dedup); });
        counted(count ? write : scratch, [&] {
          out.clear();
          write_enriched(raw, a, out);
        });
      }
      // Stage by stage on a second Analysis.
      counted(count ? parse : scratch, [&] { ok = parser.parse(raw, story, s.layout).is_ok(); });
      if (!ok) continue;
      counted(count ? credit : scratch, [&] { credits.extract(story, s.credits); });
      counted(count ? topics : scratch, [&] {
        s.topics.clear();
        res.value()->topics->tag(story, s.topics);
      });
      counted(count ? fprint : scratch,
              [&] { fingerprinter.fingerprint(story, s.credits, 0, s.fingerprint); });
    }
  }

  std::printf("Heap allocations in steady state (pass %d of the corpus, %llu stories, %s)\n",
              passes, static_cast<unsigned long long>(stories), corpus.path.c_str());
  std::printf("%-34s %14s %16s %14s\n", "path", "allocs/story", "stories with any", "bytes/story");
  auto row = [&](const char* name, const Count& c) {
    std::printf("%-34s %14.4f %16llu %14.1f\n", name, static_cast<double>(c.allocs) / stories,
                static_cast<unsigned long long>(c.stories_allocating),
                static_cast<double>(c.bytes) / stories);
  };
  row("Analyzer::analyze (all stateless)", whole);
  row("  parse (ninjs + HTML)", parse);
  row("  credits + dateline", credit);
  row("  topics", topics);
  row("  fingerprint (normalise + hash)", fprint);
  row("write_enriched", write);
  row("DedupIndex::check_and_insert (*)", dedup);
  std::printf(
      "(*) the index keeps every new story: allocation there is its state growing, by design.\n");
  return whole.allocs + write.allocs == 0 ? 0 : 1;
}
