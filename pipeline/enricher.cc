#include "pipeline/enricher.h"

#include <algorithm>
#include <cstdio>

#include "core/json.h"

namespace wirefeed {

Analyzer::Analyzer(std::shared_ptr<const PipelineResources> resources,
                   const PipelineOptions& options)
    : resources_(std::move(resources)),
      options_(options),
      parser_(options.limits),
      credits_(resources_->agencies),
      fingerprinter_(make_fingerprinter(options.dedup, *resources_)),
      needs_tokens_(options_.dedup_enabled || tagging_enabled(*resources_)) {}

Fingerprinter Analyzer::make_fingerprinter(const DedupConfig& cfg, const PipelineResources& r) {
  return r.boilerplate ? Fingerprinter(cfg, r.boilerplate) : Fingerprinter(cfg);
}

void Analyzer::set_resources(std::shared_ptr<const PipelineResources> resources) {
  resources_ = std::move(resources);
  credits_ = CreditExtractor(resources_->agencies);
  fingerprinter_ = make_fingerprinter(options_.dedup, *resources_);
  needs_tokens_ = options_.dedup_enabled || tagging_enabled(*resources_);
}

bool Analyzer::analyze(std::string_view raw, int64_t arrival_ms, Analysis& a) {
  a.resources = resources_;
  a.credits.clear();
  a.topics.clear();
  a.dedup.status = DedupStatus::kUnique;  // field by field: a.dedup.of keeps its capacity
  a.dedup.of.clear();
  a.dedup.similarity = 0.0;
  a.status = parser_.parse(raw, story_, a.layout);
  a.story.uri.assign(story_.uri);
  a.story.generation = story_.generation;
  a.story.has_subject = story_.has_subject;
  if (!a.status.is_ok()) return false;
  credits_.extract(story_, a.credits);
  // One tokenization of the story for both topics and dedup, skipped when neither runs (with
  // `max_topics = 0` the taggers return at once; `[dedup] enabled = false` skips fingerprinting).
  if (!needs_tokens_) {
    norm_.clear();
    return true;
  }
  fingerprinter_.normalize(story_, a.credits, norm_);
  if (resources_->topic_blend) {
    resources_->topic_blend->tag(story_, norm_, a.topics);
  } else {
    resources_->topics->tag(norm_, a.topics);
  }
  if (options_.dedup_enabled) fingerprinter_.fingerprint(story_, norm_, arrival_ms, a.fingerprint);
  return true;
}

bool Analyzer::tagging_enabled(const PipelineResources& r) {
  if (r.topic_blend) return r.topic_blend->output_config().max_topics > 0;
  return r.topics && r.topics->config().max_topics > 0;
}

namespace {

constexpr std::string_view kMediaTopicUri = "http://cv.iptc.org/newscodes/mediatopic/";

void append_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
}

void append_info_source_items(std::string& out, const Analysis& a, bool leading_comma) {
  bool first = !leading_comma;
  for (const auto& agency : a.credits.agencies) {
    const auto& existing = a.layout.info_source_names;
    if (std::find(existing.begin(), existing.end(), agency) != existing.end()) continue;
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"name\":");
    append_json_string(out, agency);
    out.append(",\"role\":\"wirefeed:agency\"}");
  }
}

bool has_new_info_sources(const Analysis& a) {
  const auto& existing = a.layout.info_source_names;
  return std::any_of(a.credits.agencies.begin(), a.credits.agencies.end(),
                     [&](const std::string& n) {
                       return std::find(existing.begin(), existing.end(), n) == existing.end();
                     });
}

// The 8-digit code of "medtop:NNNNNNNN".
std::string_view topic_code(std::string_view qcode) {
  const size_t colon = qcode.find(':');
  return colon == std::string_view::npos ? qcode : qcode.substr(colon + 1);
}

bool subject_present(const Analysis& a, std::string_view code) {
  for (const auto& uri : a.layout.subject_uris) {
    if (uri.size() == kMediaTopicUri.size() + code.size() && uri.starts_with(kMediaTopicUri) &&
        uri.ends_with(code)) {
      return true;
    }
  }
  return false;
}

void append_subject_items(std::string& out, const Analysis& a, bool leading_comma) {
  bool first = !leading_comma;
  for (const auto& t : a.topics) {
    const std::string_view code = topic_code(t.qcode);
    if (subject_present(a, code)) continue;
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"uri\":\"");
    out.append(kMediaTopicUri);
    out.append(code);
    out.append("\",\"name\":");
    append_json_string(out, t.name);
    out.append(",\"relevance\":");
    out.append(std::to_string(static_cast<int>(std::clamp(t.score, 0.0, 1.0) * 100 + 0.5)));
    out.push_back('}');
  }
}

bool has_new_subjects(const Analysis& a) {
  return std::any_of(a.topics.begin(), a.topics.end(),
                     [&](const TopicScore& t) { return !subject_present(a, topic_code(t.qcode)); });
}

void append_nullable(std::string& out, std::string_view s) {
  if (s.empty()) {
    out.append("null");
  } else {
    append_json_string(out, s);
  }
}

void append_wirefeed(std::string& out, const Analysis& a) {
  out.append("{\"agencies\":[");
  for (size_t i = 0; i < a.credits.agencies.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, a.credits.agencies[i]);
  }
  out.append("],\"credits\":[");
  for (size_t i = 0; i < a.credits.credits.size(); ++i) {
    const Credit& c = a.credits.credits[i];
    if (i) out.push_back(',');
    out.append("{\"name\":");
    append_json_string(out, c.name);
    out.append(",\"kind\":\"");
    out.append(to_string(c.kind));
    out.append("\",\"role\":\"");
    out.append(to_string(c.role));
    out.append("\",\"text\":");
    append_json_string(out, c.text);
    out.push_back('}');
  }
  out.append("],\"photo_credits\":[");
  for (size_t i = 0; i < a.credits.photo_credits.size(); ++i) {
    const PhotoCredit& p = a.credits.photo_credits[i];
    if (i) out.push_back(',');
    out.append("{\"text\":");
    append_json_string(out, p.text);
    out.append(",\"agency\":");
    append_nullable(out, p.agency);
    out.push_back('}');
  }
  out.append("],\"dateline\":");
  const Dateline& d = a.credits.dateline;
  if (d.present) {
    out.append("{\"place\":");
    append_nullable(out, d.place);
    out.append(",\"date\":");
    append_nullable(out, d.date);
    out.append(",\"agency\":");
    append_nullable(out, d.agency);
    out.push_back('}');
  } else {
    out.append("null");
  }
  out.append(",\"topics\":[");
  for (size_t i = 0; i < a.topics.size(); ++i) {
    const TopicScore& t = a.topics[i];
    if (i) out.push_back(',');
    out.append("{\"qcode\":");
    append_json_string(out, t.qcode);
    out.append(",\"name\":");
    append_json_string(out, t.name);
    out.append(",\"score\":");
    append_score(out, t.score);
    out.push_back('}');
  }
  out.append("],\"dedup\":{\"status\":\"");
  out.append(to_string(a.dedup.status));
  out.push_back('"');
  if (a.dedup.status != DedupStatus::kUnique) {
    out.append(",\"of\":");
    append_json_string(out, a.dedup.of);
  }
  out.append(",\"similarity\":");
  append_score(out, a.dedup.similarity);
  out.append("}}");
}

}  // namespace

void write_enriched(std::string_view raw, const Analysis& a, std::string& out) {
  const StoryLayout& l = a.layout;
  // Insertion points in ascending order: the two arrays' closing brackets, then the object's end.
  struct Insert {
    size_t at;
    int what;  // 0 info sources, 1 subjects
  };
  Insert inserts[2];
  size_t n = 0;
  const bool new_sources = has_new_info_sources(a);
  const bool new_subjects = has_new_subjects(a);
  if (l.info_sources_end != std::string_view::npos && new_sources)
    inserts[n++] = {l.info_sources_end, 0};
  if (l.subjects_end != std::string_view::npos && new_subjects) inserts[n++] = {l.subjects_end, 1};
  if (n == 2 && inserts[0].at > inserts[1].at) std::swap(inserts[0], inserts[1]);

  size_t pos = 0;
  for (size_t i = 0; i < n; ++i) {
    out.append(raw.substr(pos, inserts[i].at - pos));
    if (inserts[i].what == 0) {
      append_info_source_items(out, a, !l.info_sources_empty);
    } else {
      append_subject_items(out, a, !l.subjects_empty);
    }
    pos = inserts[i].at;
  }
  out.append(raw.substr(pos, l.object_end - pos));
  bool need_comma = !l.object_empty;
  const bool v3 = a.story.generation != NinjsGeneration::kV1V2;
  if (l.info_sources_end == std::string_view::npos && new_sources) {
    if (need_comma) out.push_back(',');
    append_key(out, v3 ? "infoSources" : "infosources");
    out.push_back('[');
    append_info_source_items(out, a, false);
    out.push_back(']');
    need_comma = true;
  }
  if (l.subjects_end == std::string_view::npos && new_subjects) {
    if (need_comma) out.push_back(',');
    append_key(out, a.story.has_subject ? "subject" : "subjects");
    out.push_back('[');
    append_subject_items(out, a, false);
    out.push_back(']');
    need_comma = true;
  }
  if (need_comma) out.push_back(',');
  append_key(out, "wirefeed");
  append_wirefeed(out, a);
  out.push_back('}');
}

Result<std::shared_ptr<const PipelineResources>> load_resources(
    const std::string& agencies_file, const std::string& topics_dir,
    const TopicConfig& topic_config, const std::string& boilerplate_file,
    const std::string& topic_model_file) {
  auto res = std::make_shared<PipelineResources>();
  if (!boilerplate_file.empty()) {
    FILE* f = std::fopen(boilerplate_file.c_str(), "rb");
    if (f == nullptr) return Status("config", boilerplate_file + ": cannot open");
    std::string text;
    char buf[65536];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, got);
    std::fclose(f);
    auto patterns = BoilerplatePatterns::parse(text);
    if (!patterns) return Status("config", boilerplate_file + ": " + patterns.status().message());
    res->boilerplate = std::make_shared<const BoilerplatePatterns>(std::move(patterns.value()));
  }
  if (agencies_file.empty()) {
    res->agencies = AgencyTable::builtin();
  } else {
    auto t = AgencyTable::load_file(agencies_file);
    if (!t) return t.status();
    res->agencies = t.value();
  }
  if (topics_dir.empty()) {
    res->topics = TopicTagger::builtin(topic_config);
  } else {
    auto t = TopicTagger::load_dir(topics_dir, topic_config);
    if (!t) return t.status();
    res->topics = t.value();
  }
  if (!topic_model_file.empty()) {
    auto model = TopicModel::load(topic_model_file);
    if (!model) return model.status();
    // The blend needs every rule score, so it gets its own tagger without cut-offs.
    auto rules = topics_dir.empty() ? TopicTagger::load_builtin(TopicBlend::rules_config())
                                    : TopicTagger::load_dir(topics_dir, TopicBlend::rules_config());
    if (!rules) return rules.status();
    auto blend = TopicBlend::create(rules.value(), model.value(), topic_config);
    if (!blend)
      return Status(blend.status().code(), topic_model_file + ": " + blend.status().message());
    res->topic_blend = blend.value();
  }
  return std::shared_ptr<const PipelineResources>(std::move(res));
}

}  // namespace wirefeed
