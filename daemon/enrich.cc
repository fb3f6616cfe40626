#include "daemon/enrich.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "core/json.h"
#include "core/worker_pool.h"
#include "daemon/settings.h"
#include "pipeline/enricher.h"

namespace wirefeed {

namespace {

// RAII FILE* that knows whether it owns the stream (stdin/stdout are borrowed).
struct File {
  FILE* f = nullptr;
  bool owned = false;
  ~File() {
    if (owned && f != nullptr) std::fclose(f);
  }
};

Status open_file(const std::string& path, const char* mode, FILE* std_stream, File& out) {
  if (path == "-") {
    out.f = std_stream;
    out.owned = false;
    return {};
  }
  out.f = std::fopen(path.c_str(), mode);
  if (out.f == nullptr)
    return Status("io", fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  out.owned = true;
  return {};
}

// Reads lines into a batch, keeping the bytes in one reusable arena.
class LineReader {
 public:
  explicit LineReader(FILE* f) : f_(f) {}

  // Appends the next line (without its '\n' or a trailing '\r') to `arena`; false at EOF.
  bool next(std::string& arena, size_t& begin, size_t& len) {
    begin = arena.size();
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        if (eof_) break;
        const size_t n = std::fread(buf_.data(), 1, buf_.size(), f_);
        if (n == 0) {
          eof_ = true;
          if (std::ferror(f_)) error_ = true;
          break;
        }
        pos_ = 0;
        end_ = n;
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      if (nl != nullptr) {
        const size_t n = static_cast<const char*>(nl) - start;
        arena.append(start, n);
        pos_ += n + 1;
        len = arena.size() - begin;
        if (len > 0 && arena.back() == '\r') --len;
        return true;
      }
      arena.append(start, end_ - pos_);
      pos_ = end_;
    }
    len = arena.size() - begin;
    if (len > 0 && arena[begin + len - 1] == '\r') --len;
    return any;
  }
  [[nodiscard]] bool error() const { return error_; }

 private:
  FILE* f_;
  std::vector<char> buf_ = std::vector<char>(1 << 20);
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  bool error_ = false;
};

void write_dead_letter(std::string& out, uint64_t line, std::string_view raw, const Status& st) {
  out.append("{\"line\":");
  out.append(std::to_string(line));
  out.append(",\"reason\":");
  append_json_string(out, st.code());
  out.append(",\"message\":");
  append_json_string(out, st.message());
  // The original bytes, losslessly: as a string when they are UTF-8, else base64.
  if (is_valid_utf8(raw)) {
    out.append(",\"original\":");
    append_json_string(out, raw);
  } else {
    out.append(",\"original_base64\":\"");
    append_base64(out, raw);
    out.push_back('"');
  }
  out.append("}\n");
}

}  // namespace

Result<EnrichSummary> run_enrich(const EnrichOptions& options, const Config& config) {
  EnrichSummary summary;
  auto resources = load_pipeline_resources(config);
  if (!resources) return resources.status();
  const PipelineOptions popts = pipeline_options(config);

  File in, out, dlq;
  if (Status s = open_file(options.input, "rb", stdin, in); !s) return s;
  if (Status s = open_file(options.output, "wb", stdout, out); !s) return s;
  summary.dead_letter_path = options.dead_letter;
  if (summary.dead_letter_path.empty()) {
    summary.dead_letter_path =
        options.output == "-" ? "wirefeed-dlq.jsonl" : options.output + ".dlq.jsonl";
  }

  DedupIndex index(popts.dedup);
  if (!options.dedup_state.empty()) {
    if (FILE* probe = std::fopen(options.dedup_state.c_str(), "rb")) {
      std::fclose(probe);
      if (Status s = index.load(options.dedup_state); !s) return s;
    }
  }

  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  WorkerPool pool(threads);
  std::vector<std::unique_ptr<Analyzer>> analyzers;
  for (size_t i = 0; i < threads; ++i)
    analyzers.push_back(std::make_unique<Analyzer>(resources.value(), popts));

  // Two batches in flight: while the caller runs the in-order stages of batch k (dedup, then
  // rendering and writing), the other workers already analyse batch k+1, and the caller joins them
  // when it is done. With one barrier per batch and the serial dedup alone on the caller, the
  // second thread used to idle through every dedup pass. Stories are handed out through an atomic
  // counter, so whichever worker is free takes the next one; every Analyzer gives the same result
  // for a story, so the output does not depend on who analysed what.
  const size_t batch_size = std::max<size_t>(1, options.batch);
  struct Batch {
    std::vector<Analysis> analyses;
    std::vector<std::pair<size_t, size_t>> spans;
    std::string arena;
    size_t n = 0;
    uint64_t first_line = 0;
    [[nodiscard]] std::string_view raw(size_t i) const {
      return std::string_view(arena).substr(spans[i].first, spans[i].second);
    }
  };
  Batch batches[2];
  for (Batch& b : batches) {
    b.analyses.resize(batch_size);
    b.spans.resize(batch_size);
  }
  std::string rendered;
  std::string dead;
  LineReader reader(in.f);

  // Reads the next batch; false on a read error.
  bool more = true;
  auto read_batch = [&](Batch& b) {
    b.arena.clear();
    b.n = 0;
    while (more && b.n < batch_size) {
      size_t begin, len;
      if (!reader.next(b.arena, begin, len)) {
        more = false;
        break;
      }
      b.spans[b.n++] = {begin, len};
    }
    b.first_line = summary.lines + 1;
    summary.lines += b.n;
    return !reader.error();
  };
  // The in-order stages of a batch; runs on the caller's thread only.
  Status serial_status;
  auto finish_batch = [&](Batch& b) -> Status {
    for (size_t i = 0; i < b.n; ++i) {
      Analysis& a = b.analyses[i];
      if (a.status.is_ok() && popts.dedup_enabled) index.check_and_insert(a.fingerprint, a.dedup);
    }
    rendered.clear();
    for (size_t i = 0; i < b.n; ++i) {
      const Analysis& a = b.analyses[i];
      summary.bytes += b.spans[i].second;
      if (a.status.is_ok()) {
        write_enriched(b.raw(i), a, rendered);
        rendered.push_back('\n');
        ++summary.enriched;
        switch (a.dedup.status) {
          case DedupStatus::kUnique:
            ++summary.unique;
            break;
          case DedupStatus::kDuplicate:
            ++summary.duplicate;
            break;
          case DedupStatus::kNearDuplicate:
            ++summary.near_duplicate;
            break;
          case DedupStatus::kUpdate:
            ++summary.update;
            break;
        }
      } else {
        ++summary.dead_lettered;
        ++summary.reasons[a.status.code()];
        write_dead_letter(dead, b.first_line + i, b.raw(i), a.status);
      }
    }
    if (std::fwrite(rendered.data(), 1, rendered.size(), out.f) != rendered.size()) {
      return Status("io", "error writing " + options.output);
    }
    if (!dead.empty()) {
      if (dlq.f == nullptr) {
        if (Status s = open_file(summary.dead_letter_path, "wb", stderr, dlq); !s) return s;
      }
      if (std::fwrite(dead.data(), 1, dead.size(), dlq.f) != dead.size()) {
        return Status("io", "error writing " + summary.dead_letter_path);
      }
      dead.clear();
    }
    return Status::ok();
  };

  const auto t0 = std::chrono::steady_clock::now();
  // Reading is in-order work too: the caller reads batch k+1 into the buffer of batch k-1 once it
  // has finished that one, while the other workers analyse batch k. Read before the parallel
  // section, it left the second thread idle for the time of a read (line splitting and the copy
  // out of the kernel).
  bool read_ok = read_batch(batches[0]);
  Batch* done = nullptr;  // analysed, waiting for its in-order stages
  Batch* next = &batches[0];
  for (;;) {
    if (!read_ok) return Status("io", "error reading " + options.input);
    if (next->n == 0 && done == nullptr) break;
    // Undated stories arrive at the dedup window's clock as the batches finished so far left it
    // (a state file's, before the first): deterministic, and one story dated a year ahead does not
    // date the undated ones after it a year ahead too (docs/dedup.md, "Stories dated far ahead").
    const int64_t arrival = index.clock_ms() == DedupIndex::kNoClock ? 0 : index.clock_ms();
    std::atomic<size_t> cursor{0};
    Batch* const analyse = next;
    Batch* const finish = done;
    Batch* const refill = analyse == &batches[0] ? &batches[1] : &batches[0];  // == finish, if any
    pool.run([&](size_t w) {
      if (w == 0) {
        if (finish != nullptr) serial_status = finish_batch(*finish);
        if (serial_status && analyse->n > 0) read_ok = read_batch(*refill);
      }
      for (size_t i = cursor.fetch_add(1, std::memory_order_relaxed); i < analyse->n;
           i = cursor.fetch_add(1, std::memory_order_relaxed)) {
        analyzers[w]->analyze(analyse->raw(i), arrival, analyse->analyses[i]);
      }
    });
    if (!serial_status) return serial_status;
    if (analyse->n == 0) break;
    done = analyse;
    next = refill;
  }
  if (std::fflush(out.f) != 0) return Status("io", "error writing " + options.output);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!options.dedup_state.empty()) {
    if (Status s = index.save(options.dedup_state); !s) return s;
  }
  if (summary.dead_lettered == 0) summary.dead_letter_path.clear();
  return summary;
}

std::string format_summary(const EnrichSummary& s) {
  std::string reasons;
  for (const auto& [code, count] : s.reasons) {
    reasons += fmt::format("{}{}={}", reasons.empty() ? "" : " ", code, count);
  }
  const double secs = s.seconds > 0 ? s.seconds : 1e-9;
  std::string out = fmt::format(
      "Enrich done lines={} enriched={} unique={} duplicate={} near_duplicate={} update={} "
      "dead_lettered={}",
      s.lines, s.enriched, s.unique, s.duplicate, s.near_duplicate, s.update, s.dead_lettered);
  if (!reasons.empty())
    out += fmt::format(" reasons=[{}] dead_letter_file={}", reasons, s.dead_letter_path);
  out +=
      fmt::format(" seconds={:.3f} stories_per_s={:.0f} mb_per_s={:.1f}", s.seconds,
                  static_cast<double>(s.lines) / secs, static_cast<double>(s.bytes) / secs / 1e6);
  return out;
}

}  // namespace wirefeed
