// Throughput of html_to_text on generated inputs: a ~3 KB article shaped like agency HTML bodies
// (the target is >= 500 MB/s on one core), plain text, entity-dense text, and hostile inputs
// (deep nesting, a 10 MB body) that must stay linear.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "parsers/html.h"

namespace {

// Deterministic, so runs compare; the words are invented filler with news-like lengths.
class Words {
 public:
  std::string_view next() {
    static constexpr std::string_view kWords[] = {
        "the",     "ministry",  "said",     "on",        "Tuesday",  "that",    "talks",
        "would",   "resume",    "after",    "a",         "two-week", "pause",   "officials",
        "in",      "capital",   "reported", "higher",    "prices",   "for",     "grain",
        "and",     "fuel",      "while",    "analysts",  "expect",   "further", "increases",
        "of",      "percent",   "during",   "quarter",   "company",  "shares",  "rose",
        "sharply", "investors", "welcomed", "statement", "by",       "central", "bank"};
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return kWords[(state_ >> 33) % (sizeof(kWords) / sizeof(kWords[0]))];
  }
  uint32_t roll(uint32_t n) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((state_ >> 33) % n);
  }

 private:
  uint64_t state_ = 42;
};

// Paragraphs of 40-80 words with the markup wire bodies carry: links, emphasis, curly quotes and
// apostrophes as entities, the odd &nbsp; and <br>, a figure with a caption, a comment.
std::string make_article(size_t target_bytes) {
  Words w;
  std::string html = "<div class=\"story-body\">\n";
  while (html.size() < target_bytes) {
    html += "<p>";
    const uint32_t n = 40 + w.roll(40);
    for (uint32_t i = 0; i < n; ++i) {
      if (i != 0) html += ' ';
      switch (w.roll(40)) {
        case 0:
          html += "<a href=\"https://example.test/news/";
          html += w.next();
          html += "\" title=\"More &gt; here\">";
          html += w.next();
          html += "</a>";
          break;
        case 1:
          html += "<em>";
          html += w.next();
          html += "</em>";
          break;
        case 2:
          html += "&ldquo;";
          html += w.next();
          html += "&rdquo;";
          break;
        case 3:
          html += w.next();
          html += "&rsquo;s";
          break;
        case 4:
          html += "5&nbsp;";
          html += w.next();
          break;
        case 5:
          html += w.next();
          html += " &amp;";
          break;
        default:
          html += w.next();
      }
    }
    html += ".</p>\n";
    if (w.roll(6) == 0) {
      html += "<figure><img src=\"/img/1.jpg\" alt=\"photo\"><figcaption>";
      html += w.next();
      html += " (Photo: Agency)</figcaption></figure>\n<!-- ad slot -->\n";
    }
    if (w.roll(8) == 0) html += "<p>Line one<br>\nLine two</p>\n";
  }
  html += "</div>\n";
  return html;
}

std::string make_plain(size_t target_bytes) {
  Words w;
  std::string text;
  while (text.size() < target_bytes) {
    text += w.next();
    text += w.roll(12) == 0 ? ". " : " ";
  }
  return text;
}

std::string make_entities(size_t target_bytes) {
  std::string text;
  while (text.size() < target_bytes) text += "&ldquo;Caf&eacute;&rdquo; &#8217; &#x2014; &amp; ";
  return text;
}

std::string make_nested(size_t depth) {
  std::string html;
  for (size_t i = 0; i < depth; ++i) html += "<div><span class=\"x\">";
  html += "text";
  for (size_t i = 0; i < depth; ++i) html += "</span></div>";
  return html;
}

void run(benchmark::State& state, const std::string& html) {
  std::string out;
  out.reserve(html.size());
  for (auto _ : state) {
    out.clear();
    wirefeed::html_to_text(html, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(html.size()));
  state.counters["in_bytes"] = static_cast<double>(html.size());
  state.counters["out_bytes"] = static_cast<double>(out.size());
}

void BM_HtmlArticle3K(benchmark::State& state) {
  static const std::string html = make_article(3000);
  run(state, html);
}
BENCHMARK(BM_HtmlArticle3K);

void BM_HtmlPlainText3K(benchmark::State& state) {
  static const std::string html = make_plain(3000);
  run(state, html);
}
BENCHMARK(BM_HtmlPlainText3K);

void BM_HtmlEntityDense3K(benchmark::State& state) {
  static const std::string html = make_entities(3000);
  run(state, html);
}
BENCHMARK(BM_HtmlEntityDense3K);

void BM_HtmlDeepNesting(benchmark::State& state) {
  static const std::string html = make_nested(100000);
  run(state, html);
}
BENCHMARK(BM_HtmlDeepNesting);

void BM_HtmlArticle10M(benchmark::State& state) {
  static const std::string html = make_article(10 << 20);
  run(state, html);
}
BENCHMARK(BM_HtmlArticle10M);

}  // namespace

BENCHMARK_MAIN();
