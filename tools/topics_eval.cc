// Accuracy of the topic tagger against a labelled file: top-1 and top-3 per class, comparing the
// top-level ancestor of the tagger's topics with the labelled top-level topic(s).
//
//   topics_eval [--lexicons DIR] [--threshold X] [--rows odd|even|R/M] [--misses N [--explain]]
//               [--model FILE [--blend-weight X] [--sweep]] FILE
//
// --rows keeps only the odd- or even-numbered labelled records (1-based): tune lexicons on one
// half, then check the other half to see whether a change generalises or only fits what was read.
// R/M keeps the records whose number % M == R (e.g. 3/4 to pick a blend weight on rows that a
// model trained on 1/4 has not seen, while the even rows stay untouched).
// --model adds two tables after the rules': the supervised model alone (its labels summed per top
// level; a story whose most probable class is the model's "other" counts as untagged) and the
// blend of rules and model (TopicBlend, weight from the model file or --blend-weight). --sweep
// prints top-1/top-3 of the blend for weights 0, 0.1, ... 1 instead.
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

#include "pipeline/topic_model.h"
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

namespace {

struct Counts {
  size_t n = 0, top1 = 0, top3 = 0, untagged = 0;
};

struct Report {
  std::map<std::string, Counts> per;
  Counts all;
  std::map<std::string, std::map<std::string, size_t>> confusion;
  size_t bytes = 0;
  double secs = 0;
};

// Runs `tag` over the items and scores the top-level ancestors of what it returns.
template <typename Tag, typename OnMiss>
Report evaluate(const std::vector<Item>& items, const TopicTagger& tax, Tag&& tag,
                OnMiss&& on_miss) {
  Report rep;
  std::vector<TopicScore> out;
  auto t0 = std::chrono::steady_clock::now();
  for (const Item& it : items) {
    tag(it.story, out);
    rep.bytes += it.story.headline.size() + it.story.body.size();
    std::vector<std::string_view> tops;
    for (const auto& s : out) {
      auto top = tax.top_level(s.qcode);
      if (std::find(tops.begin(), tops.end(), top) == tops.end()) tops.push_back(top);
    }
    auto accepted = [&](std::string_view q) {
      return std::find(it.accept.begin(), it.accept.end(), q) != it.accept.end();
    };
    bool hit1 = !tops.empty() && accepted(tops[0]);
    bool hit3 =
        std::any_of(tops.begin(), tops.begin() + std::min<size_t>(3, tops.size()), accepted);
    for (Counts* c : {&rep.per[it.cls], &rep.all}) {
      ++c->n;
      c->top1 += hit1;
      c->top3 += hit3;
      c->untagged += tops.empty();
    }
    rep.confusion[it.cls][tops.empty() ? std::string("(none)") : std::string(tax.name(tops[0]))]++;
    if (!hit1) on_miss(it, out);
  }
  rep.secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

void print_report(const Report& rep, size_t n_items) {
  std::printf("%-42s %6s %7s %7s %9s\n", "class", "n", "top-1", "top-3", "untagged");
  for (const auto& [cls, c] : rep.per) {
    std::printf("%-42s %6zu %7.3f %7.3f %9zu\n", cls.c_str(), c.n, double(c.top1) / c.n,
                double(c.top3) / c.n, c.untagged);
  }
  const Counts& all = rep.all;
  std::printf("%-42s %6zu %7.3f %7.3f %9zu\n", "ALL", all.n, all.n ? double(all.top1) / all.n : 0.0,
              all.n ? double(all.top3) / all.n : 0.0, all.untagged);
  std::printf("\nbest topic by class (top-level label: count)\n");
  for (const auto& [cls, m] : rep.confusion) {
    std::vector<std::pair<size_t, std::string>> v;
    for (const auto& [k, n] : m) v.emplace_back(n, k);
    std::sort(v.rbegin(), v.rend());
    std::printf("  %s:", cls.c_str());
    for (size_t i = 0; i < v.size() && i < 6; ++i)
      std::printf(" %s=%zu", v[i].second.c_str(), v[i].first);
    std::printf("\n");
  }
  std::printf("\n%zu stories, %.1f MB in %.3f s (%.0f MB/s)\n", n_items, rep.bytes / 1e6, rep.secs,
              rep.bytes / 1e6 / rep.secs);
}

// --rows: "odd", "even" or "R/M"; false when malformed.
bool parse_rows(const std::string& r, size_t& rem, size_t& mod) {
  if (r == "odd" || r == "even") {
    rem = r == "odd" ? 1 : 0;
    mod = 2;
    return true;
  }
  const size_t slash = r.find('/');
  if (slash == std::string::npos) return false;
  char* end = nullptr;
  rem = std::strtoul(r.c_str(), &end, 10);
  if (end != r.c_str() + slash) return false;
  mod = std::strtoul(r.c_str() + slash + 1, &end, 10);
  return *end == '\0' && mod > 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicons, file, model_file;
  wirefeed::TopicConfig cfg;
  size_t show_misses = 0;
  bool explain = false, sweep = false;
  float blend_weight = -1.0f;
  size_t rows_rem = 0, rows_mod = 0;  // mod 0: all rows
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
    else if (a == "--model" && i + 1 < argc)
      model_file = argv[++i];
    else if (a == "--blend-weight" && i + 1 < argc)
      blend_weight = static_cast<float>(std::atof(argv[++i]));
    else if (a == "--sweep")
      sweep = true;
    else if (a == "--rows" && i + 1 < argc) {
      if (!parse_rows(argv[++i], rows_rem, rows_mod))
        return std::cerr << "--rows takes odd, even or R/M\n", 2;
    } else
      file = a;
  }
  if (file.empty()) {
    std::cerr << "usage: topics_eval [--lexicons DIR] [--threshold X] [--rows odd|even|R/M] "
                 "[--misses N [--explain]] [--model FILE [--blend-weight X] [--sweep]] "
                 "FILE(.csv|.jsonl)\n";
    return 2;
  }
  auto load_tagger = [&](const wirefeed::TopicConfig& c) {
    return lexicons.empty() ? TopicTagger::load_builtin(c) : TopicTagger::load_dir(lexicons, c);
  };
  auto r = load_tagger(cfg);
  if (!r) return std::cerr << r.status().message() << "\n", 1;
  std::shared_ptr<const TopicTagger> tagger = r.value();
  std::vector<Item> items;
  bool ok = file.ends_with(".csv") ? load_csv(file, items) : load_jsonl(file, *tagger, items);
  if (!ok) return std::cerr << "cannot read " << file << "\n", 1;
  if (rows_mod != 0) {
    std::vector<Item> kept;
    for (size_t i = 0; i < items.size(); ++i) {
      if ((i + 1) % rows_mod == rows_rem % rows_mod) kept.push_back(std::move(items[i]));
    }
    items = std::move(kept);
  }

  size_t misses = 0;
  auto on_miss = [&](const Item& it, const std::vector<TopicScore>& out) {
    if (misses >= show_misses) return;
    ++misses;
    std::cout << "MISS [" << it.cls << "] -> "
              << (out.empty() ? "(none)" : std::string(out[0].name)) << " ("
              << (out.empty() ? 0.0 : out[0].score) << "): " << it.story.headline << " | "
              << it.story.body.substr(0, 160) << "\n";
    if (explain) std::cout << tagger->explain(it.story) << "\n";
  };
  auto rules_tag = [&](const Story& s, std::vector<TopicScore>& out) { tagger->tag(s, out); };
  if (model_file.empty()) {
    print_report(evaluate(items, *tagger, rules_tag, on_miss), items.size());
    return 0;
  }

  auto model = wirefeed::TopicModel::load(model_file);
  if (!model) return std::cerr << model.status().message() << "\n", 1;
  auto blend_rules = load_tagger(wirefeed::TopicBlend::rules_config());
  if (!blend_rules) return std::cerr << blend_rules.status().message() << "\n", 1;
  auto blend = wirefeed::TopicBlend::create(blend_rules.value(), model.value(), cfg);
  if (!blend) return std::cerr << blend.status().message() << "\n", 1;
  const wirefeed::TopicBlend& b = *blend.value();
  auto no_miss = [](const Item&, const std::vector<TopicScore>&) {};
  if (sweep) {
    std::printf("%-6s", "weight");
    const Report base = evaluate(items, *tagger, rules_tag, no_miss);
    for (const auto& [cls, c] : base.per) std::printf(" %17.17s", cls.c_str());
    std::printf(" %17s\n", "ALL top-1/top-3");
    for (int w = 0; w <= 10; ++w) {
      const float x = static_cast<float>(w) / 10;
      const Report rep = evaluate(
          items, *tagger, [&](const Story& s, std::vector<TopicScore>& out) { b.tag(s, out, x); },
          no_miss);
      std::printf("%-6.1f", x);
      for (const auto& [cls, c] : rep.per)
        std::printf("       %.3f/%.3f", double(c.top1) / c.n, double(c.top3) / c.n);
      std::printf("       %.3f/%.3f\n", double(rep.all.top1) / rep.all.n,
                  double(rep.all.top3) / rep.all.n);
    }
    return 0;
  }
  std::printf("== rules alone\n");
  print_report(evaluate(items, *tagger, rules_tag, on_miss), items.size());

  // The model alone: probabilities summed per top level, best first; "other" tags nothing.
  const wirefeed::TopicModel& m = *model.value();
  std::vector<float> probs(m.classes());
  std::vector<std::pair<double, std::string_view>> by_top;
  auto model_tag = [&](const Story& s, std::vector<TopicScore>& out) {
    out.clear();
    m.predict(s, probs);
    by_top.clear();
    for (size_t i = 0; i < m.labels().size(); ++i) {
      const std::string_view top = tagger->top_level(m.labels()[i]);
      auto it = std::find_if(by_top.begin(), by_top.end(),
                             [&](const auto& x) { return x.second == top; });
      if (it == by_top.end()) {
        by_top.emplace_back(probs[i], top);
      } else {
        it->first += probs[i];
      }
    }
    std::stable_sort(by_top.begin(), by_top.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    if (m.has_other() && !by_top.empty() && probs.back() > by_top.front().first) return;
    for (const auto& [p, top] : by_top) out.push_back({top, tagger->name(top), p});
  };
  std::printf("\n== model alone (%s)\n", model_file.c_str());
  print_report(evaluate(items, *tagger, model_tag, no_miss), items.size());

  std::printf("\n== blend (weight %.2f)\n", blend_weight < 0 ? m.blend_weight() : blend_weight);
  print_report(
      evaluate(
          items, *tagger,
          [&](const Story& s, std::vector<TopicScore>& out) { b.tag(s, out, blend_weight); },
          no_miss),
      items.size());
  return 0;
}
