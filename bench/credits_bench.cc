// Credit extraction throughput in bytes of body per second. Stories are synthetic (written here):
// a dateline, prose paragraphs with in-text agency mentions and a caption, then credit lines.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parsers/credits.h"

using namespace wirefeed;

namespace {

std::vector<Story> make_stories(size_t paragraphs) {
  const char* prose[] = {
      "The ministry said on Thursday the new rules would take effect next month after a review "
      "of the draft by the cabinet, according to two officials who asked not to be named.",
      "Analysts told Reuters the decision was widely expected, although some had forecast a "
      "smaller increase given the slowdown in exports over the past quarter: 1.2% in May.",
      "A Reuters/Ipsos poll published last week showed 41% of respondents approve of the plan, "
      "down from 47% in March, while the AP reported similar figures.",
      "Rescue teams worked through the night to reach villages cut off by the flooding, and the "
      "government said it would send more helicopters to the region on Friday.",
      "Shares of the company rose 3 percent in early trading before paring gains, as investors "
      "weighed the outlook for the second half of the year.",
  };
  std::vector<Story> stories;
  const char* datelines[] = {"SEOUL, June 21 (Reuters) - ", "WASHINGTON (AP) \xE2\x80\x94 ",
                             "Berlin (dpa) - ", "(Bloomberg) -- "};
  for (int s = 0; s < 16; ++s) {
    Story st;
    st.language = "en";
    st.byline = s % 3 == 0 ? "By Jane Porter and Tim Kelly" : "";
    st.body = datelines[s % 4];
    for (size_t p = 0; p < paragraphs; ++p) {
      if (p > 0) st.body += "\n\n";
      st.body += prose[(p + s) % 5];
    }
    st.body += "\n\nA worker is seen at a port in Busan. REUTERS/Kim Hong-Ji";
    st.body +=
        "\n\n(Reporting by Hyonhee Shin in Seoul and Elaine Lies in Tokyo; Writing by Josh Smith; "
        "Editing by Nick Macfie)";
    stories.push_back(std::move(st));
  }
  return stories;
}

void BM_CreditExtract(benchmark::State& state) {
  const auto stories = make_stories(static_cast<size_t>(state.range(0)));
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  size_t bytes = 0;
  size_t i = 0;
  for (auto _ : state) {
    const Story& s = stories[i++ % stories.size()];
    ex.extract(s, r);
    benchmark::DoNotOptimize(r.agencies.data());
    bytes += s.body.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
// 6, 20 and 60 paragraphs: short wire flash, typical story, long feature.
BENCHMARK(BM_CreditExtract)->Arg(6)->Arg(20)->Arg(60);

}  // namespace

BENCHMARK_MAIN();
