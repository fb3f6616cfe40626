// Per-stage cost of the enrichment pipeline on the generated corpus (bench/corpus.h), one story per
// iteration, cycling through the corpus in input order. Each stage runs on inputs prepared by the
// stages before it (outside the timed loop), so the figures add up to the Analyzer's cost.
//
//   BM_Parse          ninjs -> Story (simdjson On-Demand; includes HTML -> text for the HTML fifth)
//   BM_HtmlToText     HTML -> text, HTML stories only (bytes = the HTML)
//   BM_Credits        credits + dateline                       (bytes = body)
//   BM_Normalize      normalisation + tokenizing for dedup     (bytes = body)
//   BM_Fingerprint    normalisation + shingles + sample        (bytes = body)
//   BM_Dedup          DedupIndex::check_and_insert, input order, index refilled each corpus pass
//   BM_Topics         topic tagging of the normalised tokens   (bytes = headline + body)
//   BM_Serialize      write_enriched                           (bytes = output)
//   BM_Analyzer       the whole per-story path: analyze + dedup + write_enriched (bytes = input)
//   BM_AnalyzerPortable  the same with the AVX-512 paths off (core/simd.h): what a CPU without
//                     AVX-512 gets (0 when this one has none: the two would be the same run)
//
// The counter us_per_story is the mean over all stories (BM_HtmlToText: over HTML stories); MB/s
// comes from bytes_per_second. scripts/bench.sh turns the JSON output into the PERFORMANCE.md
// table.

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "core/simd.h"
#include "parsers/html.h"
#include "pipeline/enricher.h"

using namespace wirefeed;

namespace {

// Everything the stage benches start from: each story parsed, credited and fingerprinted once.
struct Prepared {
  std::shared_ptr<const PipelineResources> resources;
  PipelineOptions options;
  std::vector<std::string_view> raw;  // stories that parse (a few corpus traps do not)
  std::vector<Analysis> analyses;
  std::vector<Story> stories;         // per analysis: the parsed story (Analyzer::story())
  std::vector<NormalizedText> norms;  // per analysis: what topics and fingerprinting read
  std::vector<std::string> html;      // raw HTML bodies of the HTML stories
  size_t raw_bytes = 0;
  size_t body_bytes = 0;
  size_t text_bytes = 0;  // headline + body
};

// The HTML body the parser would convert: ninjs 3 bodies[] with an html contentType, else the
// 1.x/2.x body_html / body_xhtml. Only used to feed BM_HtmlToText.
bool extract_html(simdjson::ondemand::parser& p, std::string_view line, std::string& out) {
  namespace od = simdjson::ondemand;
  simdjson::padded_string padded(line);
  od::document doc;
  if (p.iterate(padded).get(doc)) return false;
  od::object obj;
  if (doc.get_object().get(obj)) return false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (key == "bodies") {
      od::array arr;
      if (field.value().get_array().get(arr)) return false;
      for (auto el : arr) {
        od::object b;
        if (el.get_object().get(b)) continue;
        std::string_view type, value;
        bool html = false;
        for (auto bf : b) {
          std::string_view k;
          if (bf.unescaped_key().get(k)) break;
          if (k == "contentType" && !bf.value().get_string().get(type)) {
            html = type.find("html") != std::string_view::npos;
          } else if (k == "value" && !bf.value().get_string().get(value)) {
            if (html) break;
          }
        }
        if (html && !value.empty()) {
          out.assign(value);
          return true;
        }
      }
    } else if (key == "body_html" || key == "body_xhtml") {
      std::string_view v;
      if (!field.value().get_string().get(v) && !v.empty()) {
        out.assign(v);
        return true;
      }
    }
  }
  return false;
}

const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared p;
    auto res = load_resources("", "", TopicConfig{});
    if (!res) {
      std::fprintf(stderr, "bench: %s\n", res.status().message().c_str());
      std::exit(2);
    }
    p.resources = res.value();
    Analyzer analyzer(p.resources, p.options);
    simdjson::ondemand::parser json;
    const auto& c = bench::corpus();
    p.analyses.reserve(c.lines.size());
    for (std::string_view line : c.lines) {
      Analysis a;
      if (!analyzer.analyze(line, 0, a)) continue;
      const Story& story = analyzer.story();
      p.raw.push_back(line);
      p.raw_bytes += line.size();
      p.body_bytes += story.body.size();
      p.text_bytes += story.headline.size() + story.body.size();
      if (story.body_was_html) {
        std::string h;
        if (extract_html(json, line, h)) p.html.push_back(std::move(h));
      }
      p.norms.emplace_back();
      normalize_story(story.headline, story.body, a.credits, BoilerplatePatterns::builtin(),
                      p.norms.back());
      p.stories.push_back(story);
      p.analyses.push_back(std::move(a));
    }
    return p;
  }();
  return p;
}

void finish(benchmark::State& state, size_t bytes) {
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["us_per_story"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 1e-6,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Parse(benchmark::State& state) {
  const Prepared& p = prepared();
  StoryParser parser(p.options.limits);
  Story story;
  StoryLayout layout;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string_view raw = p.raw[i];
    Status s = parser.parse(raw, story, layout);
    benchmark::DoNotOptimize(s);
    bytes += raw.size();
    if (++i == p.raw.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_HtmlToText(benchmark::State& state) {
  const Prepared& p = prepared();
  if (p.html.empty()) {
    state.SkipWithError("no HTML stories in the corpus");
    return;
  }
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    html_to_text(p.html[i], out);
    benchmark::DoNotOptimize(out.data());
    bytes += p.html[i].size();
    if (++i == p.html.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Credits(benchmark::State& state) {
  const Prepared& p = prepared();
  CreditExtractor ex(p.resources->agencies);
  CreditResult r;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Story& s = p.stories[i];
    ex.extract(s, r);
    benchmark::DoNotOptimize(r.agencies.data());
    bytes += s.body.size();
    if (++i == p.analyses.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Normalize(benchmark::State& state) {
  const Prepared& p = prepared();
  const BoilerplatePatterns& patterns = BoilerplatePatterns::builtin();
  NormalizedText norm;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Analysis& a = p.analyses[i];
    const Story& s = p.stories[i];
    normalize_story(s.headline, s.body, a.credits, patterns, norm);
    benchmark::DoNotOptimize(norm.tokens.data());
    bytes += s.body.size();
    if (++i == p.analyses.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Fingerprint(benchmark::State& state) {
  const Prepared& p = prepared();
  Fingerprinter fpr(p.options.dedup);
  Fingerprint fp;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Analysis& a = p.analyses[i];
    const Story& s = p.stories[i];
    fpr.fingerprint(s, a.credits, 0, fp);
    benchmark::DoNotOptimize(fp.sample.data());
    bytes += s.body.size();
    if (++i == p.analyses.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Dedup(benchmark::State& state) {
  const Prepared& p = prepared();
  auto index = std::make_unique<DedupIndex>(p.options.dedup);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Analysis& a = p.analyses[i];
    DedupResult r = index->check_and_insert(a.fingerprint);
    benchmark::DoNotOptimize(r);
    bytes += p.stories[i].body.size();
    if (++i == p.analyses.size()) {
      // A second pass over the same stories would only find exact resends: start again empty.
      state.PauseTiming();
      i = 0;
      index = std::make_unique<DedupIndex>(p.options.dedup);
      state.ResumeTiming();
    }
  }
  finish(state, bytes);
}

void BM_Topics(benchmark::State& state) {
  const Prepared& p = prepared();
  std::vector<TopicScore> out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Story& s = p.stories[i];
    out.clear();
    p.resources->topics->tag(p.norms[i], out);
    benchmark::DoNotOptimize(out.data());
    bytes += s.headline.size() + s.body.size();
    if (++i == p.analyses.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Serialize(benchmark::State& state) {
  const Prepared& p = prepared();
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    write_enriched(p.raw[i], p.analyses[i], out);
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
    if (++i == p.analyses.size()) i = 0;
  }
  finish(state, bytes);
}

void BM_Analyzer(benchmark::State& state) {
  const Prepared& p = prepared();
  Analyzer analyzer(p.resources, p.options);
  auto index = std::make_unique<DedupIndex>(p.options.dedup);
  Analysis a;
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string_view raw = p.raw[i];
    if (analyzer.analyze(raw, 0, a)) {
      index->check_and_insert(a.fingerprint, a.dedup);
      out.clear();
      write_enriched(raw, a, out);
      benchmark::DoNotOptimize(out.data());
    }
    bytes += raw.size();
    if (++i == p.raw.size()) {
      state.PauseTiming();
      i = 0;
      index = std::make_unique<DedupIndex>(p.options.dedup);
      state.ResumeTiming();
    }
  }
  finish(state, bytes);
}

void BM_AnalyzerPortable(benchmark::State& state) {
  if (!avx512_available()) {
    state.SkipWithError("no AVX-512 on this CPU: BM_Analyzer already runs the portable paths");
    return;
  }
  set_avx512_enabled(false);
  BM_Analyzer(state);
  set_avx512_enabled(true);
}

// At least one full corpus pass per stage where it matters (min_time), so the mix is the corpus's.
BENCHMARK(BM_Parse)->MinTime(1.0);
BENCHMARK(BM_HtmlToText)->MinTime(1.0);
BENCHMARK(BM_Credits)->MinTime(1.0);
BENCHMARK(BM_Normalize)->MinTime(1.0);
BENCHMARK(BM_Fingerprint)->MinTime(1.0);
BENCHMARK(BM_Dedup)->MinTime(1.0);
BENCHMARK(BM_Topics)->MinTime(1.0);
BENCHMARK(BM_Serialize)->MinTime(1.0);
BENCHMARK(BM_Analyzer)->MinTime(2.0);
BENCHMARK(BM_AnalyzerPortable)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
