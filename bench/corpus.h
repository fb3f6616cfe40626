#pragma once
// The benchmark corpus shared by pipeline_bench and alloc_bench: the JSON Lines written by
// tools/gen_corpus.py (realistic lengths, a fifth HTML, duplicates mixed in), so stage figures are
// measured on the same mix that `wirefeed enrich` and the daemon see.
//
// WIREFEED_CORPUS names the file; else .cache/bench/corpus-<N>.jsonl (N = WIREFEED_CORPUS_N,
// default 20000) under the source tree, generated on first use.

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace wirefeed::bench {

struct Corpus {
  std::string bytes;                    // the whole file
  std::vector<std::string_view> lines;  // into `bytes`, without the '\n'
  std::string path;
};

inline bool read_whole(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, got);
  std::fclose(f);
  return true;
}

// Loads (generating when needed) the corpus; exits with a message when that is impossible, since
// no figure means anything without it.
inline const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    if (const char* p = std::getenv("WIREFEED_CORPUS"); p != nullptr && *p != '\0') {
      c.path = p;
    } else {
      const char* n = std::getenv("WIREFEED_CORPUS_N");
      const std::string count = n != nullptr && *n != '\0' ? n : "20000";
      const std::string dir = std::string(WIREFEED_SOURCE_DIR) + "/.cache/bench";
      c.path = dir + "/corpus-" + count + ".jsonl";
      struct stat st {};
      if (stat(c.path.c_str(), &st) != 0 || st.st_size == 0) {
        const std::string cmd =
            "mkdir -p '" + dir + "' && python3 '" WIREFEED_SOURCE_DIR "/tools/gen_corpus.py' " +
            count + " -o '" + c.path + ".tmp' && mv '" + c.path + ".tmp' '" + c.path + "'";
        std::fprintf(stderr, "bench: generating %s\n", c.path.c_str());
        if (std::system(cmd.c_str()) != 0) {
          std::fprintf(stderr, "bench: cannot generate the corpus\n");
          std::exit(2);
        }
      }
    }
    if (!read_whole(c.path, c.bytes) || c.bytes.empty()) {
      std::fprintf(stderr, "bench: cannot read %s\n", c.path.c_str());
      std::exit(2);
    }
    std::string_view all = c.bytes;
    while (!all.empty()) {
      const size_t nl = all.find('\n');
      std::string_view line = all.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty()) c.lines.push_back(line);
      if (nl == std::string_view::npos) break;
      all.remove_prefix(nl + 1);
    }
    return c;
  }();
  return c;
}

}  // namespace wirefeed::bench
