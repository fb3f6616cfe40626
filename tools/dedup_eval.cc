// Runs Fingerprinter + DedupIndex over a labelled stream (tools/gen_dedup_stream.py) and prints
// precision/recall/F1 of duplicate+near_duplicate, update accuracy, per-kind accuracy and the
// hard-negative flag rate.
//
//   dedup_eval STREAM.jsonl [--verbose] [--max-candidates N]
//
// Credits are not extracted here (an empty CreditResult): normalisation must cope on its own.

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "parsers/html.h"
#include "pipeline/dedup.h"

using namespace wirefeed;

namespace {

struct KindStats {
  size_t n = 0;
  size_t status_ok = 0;  // predicted status == expected
  size_t flag_ok = 0;    // flagged (dup/near) iff expected so
  size_t of_ok = 0;      // `of` right, among flagged expected-flagged
};

bool is_flag(std::string_view s) { return s == "duplicate" || s == "near_duplicate"; }

std::string_view field(simdjson::ondemand::object& o, std::string_view key) {
  std::string_view v;
  if (o[key].get_string().get(v) != simdjson::SUCCESS) return {};
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dedup_eval STREAM.jsonl [--verbose] [--max-candidates N]\n");
    return 2;
  }
  bool verbose = false;
  DedupConfig cfg;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--verbose") {
      verbose = true;
    } else if (a == "--max-candidates" && i + 1 < argc) {
      cfg.max_candidates = static_cast<size_t>(std::stoul(argv[++i]));
    } else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  Fingerprinter fpr(cfg);
  DedupIndex index(cfg);
  simdjson::ondemand::parser parser;
  simdjson::padded_string buf;
  Story story;
  CreditResult credits;
  Fingerprint fp;
  std::map<std::string, KindStats> kinds;
  size_t tp = 0, fp_count = 0, fn = 0, upd_n = 0, upd_ok = 0, neg_n = 0, neg_flagged = 0;
  double fp_ns = 0, idx_ns = 0;
  size_t lines = 0;
  std::string line;
  int64_t arrival = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++lines;
    story.clear();
    buf = simdjson::padded_string(line);
    simdjson::ondemand::document doc;
    if (parser.iterate(buf).get(doc) != simdjson::SUCCESS) {
      std::fprintf(stderr, "bad JSON at line %zu\n", lines);
      return 1;
    }
    std::string kind, expect, of;
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) return 1;
    for (auto f : obj) {
      std::string_view key;
      if (f.unescaped_key().get(key) != simdjson::SUCCESS) continue;
      if (key == "uri") {
        story.uri = std::string(f.value().get_string().value_unsafe());
      } else if (key == "version") {
        story.version = std::string(f.value().get_string().value_unsafe());
      } else if (key == "versionCreated") {
        story.version_created = std::string(f.value().get_string().value_unsafe());
      } else if (key == "headlines") {
        for (auto h : f.value().get_array()) {
          simdjson::ondemand::object ho = h.get_object();
          std::string_view v = field(ho, "value");
          if (story.headline.empty()) story.headline = std::string(v);
        }
      } else if (key == "bodies") {
        for (auto b : f.value().get_array()) {
          simdjson::ondemand::object bo = b.get_object();
          std::string_view ctype;
          std::string_view value;
          for (auto bf : bo) {
            std::string_view bk = bf.unescaped_key().value_unsafe();
            if (bk == "contentType") ctype = bf.value().get_string().value_unsafe();
            if (bk == "value") value = bf.value().get_string().value_unsafe();
          }
          if (!story.body.empty()) continue;
          if (ctype == "text/html") {
            html_to_text(value, story.body);
          } else {
            story.body = std::string(value);
          }
        }
      } else if (key == "label") {
        simdjson::ondemand::object lo = f.value().get_object();
        for (auto lf : lo) {
          std::string_view lk = lf.unescaped_key().value_unsafe();
          std::string_view lv = lf.value().get_string().value_unsafe();
          if (lk == "kind") kind = lv;
          if (lk == "expect") expect = lv;
          if (lk == "of") of = lv;
        }
      }
    }
    arrival += 60'000;
    const auto t0 = std::chrono::steady_clock::now();
    fpr.fingerprint(story, credits, arrival, fp);
    const auto t1 = std::chrono::steady_clock::now();
    const DedupResult r = index.check_and_insert(fp);
    const auto t2 = std::chrono::steady_clock::now();
    fp_ns += std::chrono::duration<double, std::nano>(t1 - t0).count();
    idx_ns += std::chrono::duration<double, std::nano>(t2 - t1).count();

    const std::string_view got = to_string(r.status);
    KindStats& ks = kinds[kind];
    ++ks.n;
    ks.status_ok += got == expect;
    ks.flag_ok += is_flag(got) == is_flag(expect);
    if (is_flag(expect) && is_flag(got)) ks.of_ok += r.of == of;
    if (is_flag(expect)) {
      (is_flag(got) ? tp : fn) += 1;
    } else if (is_flag(got)) {
      ++fp_count;
    }
    if (expect == "update") {
      ++upd_n;
      upd_ok += got == "update";
    }
    if (kind.rfind("neg_", 0) == 0) {
      ++neg_n;
      neg_flagged += is_flag(got);
    }
    if (verbose && got != expect) {
      std::printf("MISS %-18s expect=%-14s got=%-14s sim=%.3f uri=%s of=%s want_of=%s\n",
                  kind.c_str(), expect.c_str(), std::string(got).c_str(), r.similarity,
                  story.uri.c_str(), r.of.c_str(), of.c_str());
    }
  }
  const double p = tp + fp_count ? double(tp) / double(tp + fp_count) : 1.0;
  const double rc = tp + fn ? double(tp) / double(tp + fn) : 1.0;
  const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0;
  std::printf("stories: %zu\n", lines);
  std::printf("dup+near: precision %.4f  recall %.4f  F1 %.4f  (tp %zu fp %zu fn %zu)\n", p, rc, f1,
              tp, fp_count, fn);
  std::printf("updates recognised: %.4f (%zu/%zu)\n", upd_n ? double(upd_ok) / double(upd_n) : 1.0,
              upd_ok, upd_n);
  std::printf("hard negatives flagged: %.4f (%zu/%zu)\n",
              neg_n ? double(neg_flagged) / double(neg_n) : 0.0, neg_flagged, neg_n);
  std::printf("%-20s %6s %8s %8s %8s\n", "kind", "n", "status", "flagged", "of");
  for (const auto& [k, s] : kinds) {
    std::printf("%-20s %6zu %8.3f %8.3f %8zu\n", k.c_str(), s.n, double(s.status_ok) / double(s.n),
                double(s.flag_ok) / double(s.n), s.of_ok);
  }
  std::printf(
      "fingerprint %.2f us/story, check_and_insert %.2f us/story, index %zu stories %.0f B/story\n",
      fp_ns / 1e3 / double(lines), idx_ns / 1e3 / double(lines), index.size(),
      index.size() ? double(index.memory_bytes()) / double(index.size()) : 0.0);
  return 0;
}
