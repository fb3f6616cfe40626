// Accuracy of the topic tagger against a labelled file: top-1 and top-3 per class, comparing the
// top-level ancestor of the tagger's topics with the labelled top-level topic(s).
//
//   topics_eval [--lexicons DIR] [--threshold X] [--rows odd|even] [--misses N [--explain]] FILE
//
// --rows keeps only the odd- or even-numbered labelled records (1-based): tune lexicons on one
// half, then check the other half to see whether a change generalises or only fits what was read.
// --misses N prints the first N misses; --explain adds every match behind each (for lexicon
// editors).
//
// FILE is either
//   *.csv   AG News layout: label,title,description with labels 1 World, 2 Sports, 3 Business,
//           4 Sci/Tech (World accepts any of the "hard news" top levels, see kWorld below);
//   *.jsonl one object per line: headline|title, body|body_text|text|description, and the label in
//           topics|topic|labels|label as a string or array of strings (qcode "medtop:15000000",
//           bare code "15000000", the IPTC uri, or the top-level label such as "sport").
// A story counts as correct at top-1 when the first topic's top-level ancestor is one of its
// labels, at top-3 when one of the first three distinct top-level ancestors is. Untagged stories
// are wrong.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "pipeline/topics.h"

namespace {

using wirefeed::Story;
using wirefeed::TopicScore;
using wirefeed::TopicTagger;

struct Item {
  Story story;
  std::string cls;                  // class name for the per-class table
  std::vector<std::string> accept;  // acceptable top-level qcodes
};

// AG News "World" is hard news; any of these top levels is a fair reading of it.
const std::vector<std::string> kWorld = {"medtop:02000000", "medtop:03000000", "medtop:06000000",
                                         "medtop:09000000", "medtop:11000000", "medtop:12000000",
                                         "medtop:14000000", "medtop:16000000"};

// Splits one CSV record (quotes doubled inside quoted fields); AG News has no embedded newlines.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> f(1);
  bool q = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (q) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        f.back() += '"', ++i;
      else if (c == '"')
        q = false;
      else
        f.back() += c;
    } else if (c == '"') {
      q = true;
    } else if (c == ',') {
      f.emplace_back();
    } else if (c != '\r') {
      f.back() += c;
    }
  }
  return f;
}

// AG News writes line breaks as a literal backslash; they separate words.
std::string unescape_ag(std::string s) {
  for (char& c : s)
    if (c == '\\') c = ' ';
  return s;
}

bool load_csv(const std::string& path, std::vector<Item>& items) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  const char* names[] = {"", "World", "Sports", "Business", "Sci/Tech"};
  while (std::getline(in, line)) {
    auto f = split_csv(line);
    if (f.size() < 3 || f[0].size() != 1 || f[0][0] < '1' || f[0][0] > '4') continue;  // header
    Item it;
    int label = f[0][0] - '0';
    it.cls = names[label];
    it.story.headline = unescape_ag(f[1]);
    it.story.body = unescape_ag(f[2]);
    if (label == 1) it.accept = kWorld;
    if (label == 2) it.accept = {"medtop:15000000"};
    if (label == 3) it.accept = {"medtop:04000000"};
    if (label == 4) it.accept = {"medtop:13000000"};
    items.push_back(std::move(it));
  }
  return true;
}

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Resolves a label as written in a data set to a top-level qcode; empty when unknown.
std::string resolve_label(const TopicTagger& t, std::string_view label) {
  std::string l = to_lower(label);
  if (auto pos = l.rfind('/'); pos != std::string::npos) l = "medtop:" + l.substr(pos + 1);
  if (!l.empty() && std::isdigit(static_cast<unsigned char>(l[0]))) l = "medtop:" + l;
  if (auto top = t.top_level(l); !top.empty()) return std::string(top);
  for (int i = 1; i <= 17; ++i) {
    char code[32];
    std::snprintf(code, sizeof code, "medtop:%02d000000", i);
    std::string name = to_lower(t.name(code));
    if (name == l || name.substr(0, name.find(',')) == l || name.starts_with(l + " ")) return code;
  }
  return {};
}

bool load_jsonl(const std::string& path, const TopicTagger& t, std::vector<Item>& items) {
  std::ifstream in(path);
  if (!in) return false;
  simdjson::dom::parser parser;
  std::string line;
  size_t line_no = 0;
  auto str = [](simdjson::dom::object o, std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys) {
      std::string_view v;
      if (o[k].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
    }
    return {};
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::object o;
    if (parser.parse(line).get_object().get(o) != simdjson::SUCCESS) {
      std::cerr << path << ":" << line_no << ": not a JSON object, skipped\n";
      continue;
    }
    Item it;
    it.story.headline = str(o, {"headline", "title"});
    it.story.body = str(o, {"body", "body_text", "text", "description", "content"});
    std::vector<std::string> labels;
    for (const char* k : {"topics", "topic", "labels", "label", "category"}) {
      simdjson::dom::element e;
      if (o[k].get(e) != simdjson::SUCCESS) continue;
      std::string_view s;
      simdjson::dom::array a;
      if (e.get_string().get(s) == simdjson::SUCCESS) labels.emplace_back(s);
      if (e.get_array().get(a) == simdjson::SUCCESS) {
        for (auto x : a)
          if (x.get_string().get(s) == simdjson::SUCCESS) labels.emplace_back(s);
      }
      if (!labels.empty()) break;
    }
    for (const auto& l : labels) {
      std::string q = resolve_label(t, l);
      if (q.empty()) {
        std::cerr << path << ":" << line_no << ": unknown label '" << l << "'\n";
        continue;
      }
      if (std::find(it.accept.begin(), it.accept.end(), q) == it.accept.end())
        it.accept.push_back(q);
    }
    if (it.accept.empty()) continue;
    it.cls = std::string(t.name(it.accept[0]));
    items.push_back(std::move(it));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicons, file;
  wirefeed::TopicConfig cfg;
  size_t show_misses = 0;
  bool explain = false;
  int rows = 0;  // 0 all, 1 odd-numbered records, 2 even-numbered
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lexicons" && i + 1 < argc)
      lexicons = argv[++i];
    else if (a == "--threshold" && i + 1 < argc)
      cfg.threshold = std::atof(argv[++i]);
    else if (a == "--misses" && i + 1 < argc)
      show_misses = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--explain")
      explain = true;
    else if (a == "--rows" && i + 1 < argc) {
      std::string r = argv[++i];
      if (r != "odd" && r != "even") return std::cerr << "--rows takes odd or even\n", 2;
      rows = r == "odd" ? 1 : 2;
    } else
      file = a;
  }
  if (file.empty()) {
    std::cerr << "usage: topics_eval [--lexicons DIR] [--threshold X] [--rows odd|even] [--misses "
                 "N [--explain]] FILE(.csv|.jsonl)\n";
    return 2;
  }
  std::shared_ptr<const TopicTagger> tagger;
  if (lexicons.empty()) {
    auto r = TopicTagger::load_builtin(cfg);
    if (!r) return std::cerr << r.status().message() << "\n", 1;
    tagger = r.value();
  } else {
    auto r = TopicTagger::load_dir(lexicons, cfg);
    if (!r) return std::cerr << r.status().message() << "\n", 1;
    tagger = r.value();
  }
  std::vector<Item> items;
  bool ok = file.ends_with(".csv") ? load_csv(file, items) : load_jsonl(file, *tagger, items);
  if (!ok) return std::cerr << "cannot read " << file << "\n", 1;
  if (rows != 0) {
    std::vector<Item> kept;
    for (size_t i = 0; i < items.size(); ++i) {
      if ((i % 2 == 0) == (rows == 1)) kept.push_back(std::move(items[i]));
    }
    items = std::move(kept);
  }

  struct Counts {
    size_t n = 0, top1 = 0, top3 = 0, untagged = 0;
  };
  std::map<std::string, Counts> per;
  Counts all;
  std::map<std::string, std::map<std::string, size_t>> confusion;
  std::vector<TopicScore> out;
  size_t bytes = 0, misses = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const Item& it : items) {
    tagger->tag(it.story, out);
    bytes += it.story.headline.size() + it.story.body.size();
    std::vector<std::string_view> tops;
    for (const auto& s : out) {
      auto top = tagger->top_level(s.qcode);
      if (std::find(tops.begin(), tops.end(), top) == tops.end()) tops.push_back(top);
    }
    auto accepted = [&](std::string_view q) {
      return std::find(it.accept.begin(), it.accept.end(), q) != it.accept.end();
    };
    bool hit1 = !tops.empty() && accepted(tops[0]);
    bool hit3 =
        std::any_of(tops.begin(), tops.begin() + std::min<size_t>(3, tops.size()), accepted);
    for (Counts* c : {&per[it.cls], &all}) {
      ++c->n;
      c->top1 += hit1;
      c->top3 += hit3;
      c->untagged += tops.empty();
    }
    confusion[it.cls][tops.empty() ? std::string("(none)") : std::string(tagger->name(tops[0]))]++;
    if (!hit1 && misses < show_misses) {
      ++misses;
      std::cout << "MISS [" << it.cls << "] -> "
                << (out.empty() ? "(none)" : std::string(out[0].name)) << " ("
                << (out.empty() ? 0.0 : out[0].score) << "): " << it.story.headline << " | "
                << it.story.body.substr(0, 160) << "\n";
      if (explain) std::cout << tagger->explain(it.story) << "\n";
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-42s %6s %7s %7s %9s\n", "class", "n", "top-1", "top-3", "untagged");
  for (const auto& [cls, c] : per) {
    std::printf("%-42s %6zu %7.3f %7.3f %9zu\n", cls.c_str(), c.n, double(c.top1) / c.n,
                double(c.top3) / c.n, c.untagged);
  }
  std::printf("%-42s %6zu %7.3f %7.3f %9zu\n", "ALL", all.n, all.n ? double(all.top1) / all.n : 0.0,
              all.n ? double(all.top3) / all.n : 0.0, all.untagged);
  std::printf("\nbest topic by class (top-level label: count)\n");
  for (const auto& [cls, m] : confusion) {
    std::vector<std::pair<size_t, std::string>> v;
    for (const auto& [k, n] : m) v.emplace_back(n, k);
    std::sort(v.rbegin(), v.rend());
    std::printf("  %s:", cls.c_str());
    for (size_t i = 0; i < v.size() && i < 6; ++i)
      std::printf(" %s=%zu", v[i].second.c_str(), v[i].first);
    std::printf("\n");
  }
  std::printf("\n%zu stories, %.1f MB in %.3f s (%.0f MB/s, includes nothing but tag())\n",
              items.size(), bytes / 1e6, secs, bytes / 1e6 / secs);
  return 0;
}
