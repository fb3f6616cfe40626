#include "pipeline/topic_model.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/hash.h"
#include "pipeline/word_tokens.h"

namespace wirefeed {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the model file is little-endian and read with memcpy");

// Tokens: the rules' tokenizer (pipeline/word_tokens.h), so that model and rules read a story the
// same way.
using word_tokens::for_each_token;

// Calls emit(bucket, value) for every unigram and bigram occurrence of a field; returns the sum
// of the squared values (the story's feature vector is divided by the root of the total).
template <typename Emit>
double for_each_feature(std::string_view text, float value, unsigned shift, Emit&& emit) {
  constexpr uint64_t kBigramSalt = 0x9E3779B97F4A7C15ULL;
  uint64_t prev = 0;
  bool have_prev = false;
  size_t count = 0;
  for_each_token(text, [&](uint64_t tok) {
    emit(static_cast<uint32_t>(tok >> shift), value);
    ++count;
    if (have_prev) {
      emit(static_cast<uint32_t>(fmix64(prev * 31 + tok + kBigramSalt) >> shift), value);
      ++count;
    }
    prev = tok;
    have_prev = true;
  });
  return static_cast<double>(count) * value * value;
}

Status model_error(std::string_view file, std::string_view problem) {
  return Status("topic_model", std::string(file) + ": " + std::string(problem));
}

uint64_t checksum(std::string_view bytes) {
  // FNV-1a over 8-byte words, then a finaliser: catches corruption, not an adversary.
  uint64_t h = 0xcbf29ce484222325ULL;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ULL;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<uint8_t>(bytes[i])) * 0x100000001b3ULL;
  return fmix64(h);
}

constexpr char kMagic[8] = {'W', 'F', 'T', 'O', 'P', 'I', 'C', '\0'};
constexpr uint32_t kFlagOther = 1;
constexpr size_t kHeaderBytes = 8 + 4 * 5 + 4 + 4;  // magic, 5 u32, 2 f32

template <typename T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

template <typename T>
T get(std::string_view in, size_t at) {
  T v;
  std::memcpy(&v, in.data() + at, sizeof(T));
  return v;
}

bool valid_label(std::string_view l) {
  if (l.empty() || l.size() > 255) return false;
  return std::all_of(l.begin(), l.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '\\' && c != 0x7F;
  });
}

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Training data

Result<std::vector<TopicModelExample>> TopicModel::read_training_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error(path, "cannot open");
  std::vector<TopicModelExample> out;
  simdjson::dom::parser parser;
  std::string line;
  size_t line_no = 0;
  auto where = [&](std::string_view what) {
    return model_error(path + ":" + std::to_string(line_no), what);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::object o;
    if (parser.parse(line).get_object().get(o) != simdjson::SUCCESS)
      return where("not a JSON object");
    TopicModelExample ex;
    auto text = [&](std::initializer_list<const char*> keys, std::string& dst) -> bool {
      for (const char* k : keys) {
        simdjson::dom::element e;
        if (o[k].get(e) != simdjson::SUCCESS) continue;
        std::string_view v;
        if (e.get_string().get(v) != simdjson::SUCCESS) return false;
        dst.assign(v);
        return true;
      }
      return true;
    };
    if (!text({"headline", "title"}, ex.headline)) return where("\"headline\" is not a string");
    if (!text({"body", "text", "description"}, ex.body)) return where("\"body\" is not a string");
    simdjson::dom::array topics;
    if (o["topics"].get_array().get(topics) != simdjson::SUCCESS)
      return where("no \"topics\" array (use [] for a story of none of the model's topics)");
    for (auto t : topics) {
      std::string_view q;
      if (t.get_string().get(q) != simdjson::SUCCESS) return where("a topic is not a string");
      if (!valid_label(q)) return where("topic '" + std::string(q) + "' is not a qcode");
      if (std::find(ex.topics.begin(), ex.topics.end(), q) == ex.topics.end())
        ex.topics.emplace_back(q);
    }
    if (ex.headline.empty() && ex.body.empty()) return where("no headline and no body");
    out.push_back(std::move(ex));
  }
  if (out.empty()) return model_error(path, "no labelled stories");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Training: multinomial logistic regression by SGD on the softmax cross-entropy. One thread,
// examples visited in an order drawn from the seed, floats added in a fixed order: the same input
// gives the same bytes.

Result<std::shared_ptr<const TopicModel>> TopicModel::train(
    const std::vector<TopicModelExample>& examples, const TopicModelTrainOptions& options,
    std::string* progress) {
  const std::string name = "training";
  if (options.bucket_bits < kMinBucketBits || options.bucket_bits > kMaxBucketBits)
    return model_error(name, "bucket bits must be 18..20");
  if (options.epochs < 1 || options.epochs > 1000)
    return model_error(name, "epochs must be 1..1000");
  if (!(options.headline_weight > 0) || !std::isfinite(options.headline_weight))
    return model_error(name, "headline weight must be positive");
  if (!(options.blend_weight >= 0 && options.blend_weight <= 1))
    return model_error(name, "blend weight must be 0..1");
  if (!(options.learning_rate > 0) || !(options.l2 >= 0))
    return model_error(name, "learning rate must be positive, l2 not negative");

  auto model = std::make_shared<TopicModel>();
  TopicModel& m = *model;
  std::set<std::string> label_set;
  for (const auto& ex : examples) {
    if (ex.topics.empty()) m.has_other_ = true;
    for (const auto& t : ex.topics) {
      if (!valid_label(t)) return model_error(name, "topic '" + t + "' is not a qcode");
      label_set.insert(t);
    }
  }
  m.labels_.assign(label_set.begin(), label_set.end());
  if (m.labels_.size() > kMaxLabels) return model_error(name, "more than 1024 topics");
  if (m.classes() < 2) return model_error(name, "needs at least two classes (topics or [] )");
  m.bucket_bits_ = options.bucket_bits;
  m.headline_weight_ = options.headline_weight;
  m.blend_weight_ = options.blend_weight;
  m.stride_ = m.classes();
  const size_t C = m.classes();
  m.bias_.assign(C, 0.0f);
  m.weight_.assign((size_t{1} << m.bucket_bits_) * C, 0.0f);

  // Sparse features of every example, merged per bucket, scaled to unit length as predict() does.
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> buckets;
  std::vector<float> values;
  std::vector<std::pair<uint32_t, float>> occ;
  const unsigned shift = 64 - m.bucket_bits_;
  for (const auto& ex : examples) {
    occ.clear();
    auto emit = [&](uint32_t b, float v) { occ.emplace_back(b, v); };
    double sq = for_each_feature(ex.headline, m.headline_weight_, shift, emit);
    sq += for_each_feature(ex.body, 1.0f, shift, emit);
    const float inv = sq > 0 ? static_cast<float>(1.0 / std::sqrt(sq)) : 0.0f;
    std::sort(occ.begin(), occ.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < occ.size();) {
      float v = 0;
      size_t j = i;
      for (; j < occ.size() && occ[j].first == occ[i].first; ++j) v += occ[j].second;
      buckets.push_back(occ[i].first);
      values.push_back(v * inv);
      i = j;
    }
    offsets.push_back(static_cast<uint32_t>(buckets.size()));
  }
  // Targets: the example's topics share the probability mass; none = the other class.
  std::vector<uint32_t> target_off{0};
  std::vector<uint32_t> targets;
  for (const auto& ex : examples) {
    if (ex.topics.empty()) {
      targets.push_back(static_cast<uint32_t>(C - 1));
    } else {
      for (const auto& t : ex.topics) {
        auto it = std::lower_bound(m.labels_.begin(), m.labels_.end(), t);
        targets.push_back(static_cast<uint32_t>(it - m.labels_.begin()));
      }
    }
    target_off.push_back(static_cast<uint32_t>(targets.size()));
  }

  const size_t n = examples.size();
  std::vector<uint32_t> order(n);
  std::vector<double> z(C), g(C);
  uint64_t rng = options.seed;
  const double total_steps = static_cast<double>(n) * options.epochs;
  size_t step = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
    for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[splitmix64(rng) % i]);
    double loss = 0;
    size_t correct = 0;
    for (uint32_t e : order) {
      const double lr = options.learning_rate * (1.0 - static_cast<double>(step++) / total_steps);
      for (size_t k = 0; k < C; ++k) z[k] = m.bias_[k];
      for (uint32_t f = offsets[e]; f < offsets[e + 1]; ++f) {
        const float* w = &m.weight_[size_t{buckets[f]} * C];
        for (size_t k = 0; k < C; ++k) z[k] += double{values[f]} * w[k];
      }
      const double zmax = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (size_t k = 0; k < C; ++k) sum += (z[k] = std::exp(z[k] - zmax));
      for (size_t k = 0; k < C; ++k) g[k] = z[k] / sum;
      const size_t best = static_cast<size_t>(std::max_element(g.begin(), g.end()) - g.begin());
      const double share = 1.0 / (target_off[e + 1] - target_off[e]);
      bool hit = false;
      for (uint32_t t = target_off[e]; t < target_off[e + 1]; ++t) {
        loss -= share * std::log(std::max(g[targets[t]], 1e-12));
        g[targets[t]] -= share;
        hit = hit || targets[t] == best;
      }
      correct += hit;
      for (size_t k = 0; k < C; ++k) m.bias_[k] -= static_cast<float>(lr * g[k]);
      const float decay = static_cast<float>(1.0 - lr * options.l2);
      for (uint32_t f = offsets[e]; f < offsets[e + 1]; ++f) {
        float* w = &m.weight_[size_t{buckets[f]} * C];
        const double x = values[f];
        for (size_t k = 0; k < C; ++k) w[k] = w[k] * decay - static_cast<float>(lr * g[k] * x);
      }
    }
    if (progress != nullptr) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "epoch %d: loss %.4f, training accuracy %.4f\n", epoch + 1,
                    loss / static_cast<double>(n),
                    static_cast<double>(correct) / static_cast<double>(n));
      *progress += buf;
    }
  }
  return std::shared_ptr<const TopicModel>(std::move(model));
}

// ---------------------------------------------------------------------------------------------
// The file: little-endian
//   "WFTOPIC\0" | u32 version | u32 bucket_bits | u32 labels | u32 flags (1: other class)
//   | u32 label bytes | f32 headline weight | f32 blend weight
//   | labels: u8 length + bytes each, sorted, unique
//   | f32 bias[classes] | f32 weight[2^bucket_bits][classes] | u64 checksum of all before it

std::string TopicModel::serialize() const {
  std::string labels;
  for (const auto& l : labels_) {
    labels.push_back(static_cast<char>(l.size()));
    labels += l;
  }
  std::string out;
  out.reserve(kHeaderBytes + labels.size() + (bias_.size() + weight_.size()) * 4 + 8);
  out.append(kMagic, 8);
  put<uint32_t>(out, kVersion);
  put<uint32_t>(out, bucket_bits_);
  put<uint32_t>(out, static_cast<uint32_t>(labels_.size()));
  put<uint32_t>(out, has_other_ ? kFlagOther : 0);
  put<uint32_t>(out, static_cast<uint32_t>(labels.size()));
  put<float>(out, headline_weight_);
  put<float>(out, blend_weight_);
  out += labels;
  out.append(reinterpret_cast<const char*>(bias_.data()), bias_.size() * 4);
  out.append(reinterpret_cast<const char*>(weight_.data()), weight_.size() * 4);
  put<uint64_t>(out, checksum(out));
  return out;
}

Status TopicModel::save(const std::string& path) const {
  const std::string bytes = serialize();
  // Written next to the target and renamed: a daemon reloading on SIGHUP never sees half a file.
  // Only for regular files: renaming over a device or pipe (/dev/stdout, /dev/null) would
  // replace it with a file.
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return model_error(path, "cannot open for writing");
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    if (std::fclose(f) != 0 || !ok) return model_error(path, "write failed");
    return Status::ok();
  }
  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return model_error(tmp, "cannot create");
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !ok) {
    std::remove(tmp.c_str());
    return model_error(tmp, "write failed");
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return model_error(path, "cannot rename from " + tmp + ": " + ec.message());
  return Status::ok();
}

Result<std::shared_ptr<const TopicModel>> TopicModel::parse(std::string_view in,
                                                            const std::string& name) {
  auto fail = [&](const std::string& what) { return model_error(name, what); };
  if (in.size() < 8 || std::memcmp(in.data(), kMagic, 8) != 0)
    return fail("not a wirefeed topic model (bad magic)");
  if (in.size() < kHeaderBytes)
    return fail("truncated header (" + std::to_string(in.size()) + " bytes)");
  const auto version = get<uint32_t>(in, 8);
  if (version != kVersion) {
    return fail("unsupported version " + std::to_string(version) + " (this build reads " +
                std::to_string(kVersion) + ")");
  }
  auto model = std::make_shared<TopicModel>();
  TopicModel& m = *model;
  const auto bits = get<uint32_t>(in, 12);
  const auto n_labels = get<uint32_t>(in, 16);
  const auto flags = get<uint32_t>(in, 20);
  const auto label_bytes = get<uint32_t>(in, 24);
  m.headline_weight_ = get<float>(in, 28);
  m.blend_weight_ = get<float>(in, 32);
  if (bits < kMinBucketBits || bits > kMaxBucketBits)
    return fail("bucket bits " + std::to_string(bits) + " outside 18..20");
  if (flags & ~kFlagOther) return fail("unknown flags " + std::to_string(flags));
  if (n_labels == 0 || n_labels > kMaxLabels)
    return fail("label count " + std::to_string(n_labels) + " outside 1..1024");
  if (!(m.headline_weight_ > 0) || !std::isfinite(m.headline_weight_))
    return fail("headline weight is not a positive number");
  if (!(m.blend_weight_ >= 0 && m.blend_weight_ <= 1)) return fail("blend weight outside 0..1");
  m.bucket_bits_ = bits;
  m.has_other_ = (flags & kFlagOther) != 0;
  const size_t classes = n_labels + (m.has_other_ ? 1 : 0);
  if (classes < 2) return fail("fewer than two classes");
  m.stride_ = classes;
  const uint64_t floats = classes + (uint64_t{1} << bits) * classes;
  const uint64_t want = kHeaderBytes + uint64_t{label_bytes} + floats * 4 + 8;
  if (in.size() < want) {
    return fail("truncated: " + std::to_string(in.size()) + " bytes, the header says " +
                std::to_string(want));
  }
  if (in.size() > want) {
    return fail(std::to_string(in.size() - want) + " unexpected bytes after the model (" +
                std::to_string(want) + " expected)");
  }
  if (get<uint64_t>(in, want - 8) != checksum(in.substr(0, want - 8)))
    return fail("checksum mismatch: the file is corrupt");
  size_t at = kHeaderBytes;
  const size_t labels_end = at + label_bytes;
  for (uint32_t i = 0; i < n_labels; ++i) {
    if (at >= labels_end) return fail("label block ends after " + std::to_string(i) + " labels");
    const size_t len = static_cast<uint8_t>(in[at]);
    if (at + 1 + len > labels_end) return fail("label " + std::to_string(i) + " overruns");
    std::string_view l = in.substr(at + 1, len);
    if (!valid_label(l)) return fail("label " + std::to_string(i) + " is not a qcode");
    if (!m.labels_.empty() && !(m.labels_.back() < l))
      return fail("labels not sorted and unique at '" + std::string(l) + "'");
    m.labels_.emplace_back(l);
    at += 1 + len;
  }
  if (at != labels_end) return fail("label block longer than its labels");
  m.bias_.resize(m.classes());
  std::memcpy(m.bias_.data(), in.data() + at, m.bias_.size() * 4);
  at += m.bias_.size() * 4;
  m.weight_.resize((size_t{1} << bits) * m.classes());
  std::memcpy(m.weight_.data(), in.data() + at, m.weight_.size() * 4);
  auto finite = [](float x) { return std::isfinite(x); };
  if (!std::all_of(m.bias_.begin(), m.bias_.end(), finite) ||
      !std::all_of(m.weight_.begin(), m.weight_.end(), finite)) {
    return fail("a weight is not a finite number");
  }
  return std::shared_ptr<const TopicModel>(std::move(model));
}

Result<std::shared_ptr<const TopicModel>> TopicModel::load(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return model_error(path, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error(path, "cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return model_error(path, "read error");
  return parse(ss.str(), path);
}

// ---------------------------------------------------------------------------------------------
// Inference: logits = bias + (sum of value x weight row over the feature occurrences) / norm,
// then a softmax. `probs` doubles as the accumulator: nothing is allocated.

void TopicModel::predict(const Story& story, std::span<float> probs) const {
  const size_t C = classes();
  if (probs.size() < C) return;
  float* acc = probs.data();
  std::fill(acc, acc + C, 0.0f);
  const unsigned shift = 64 - bucket_bits_;
  const float* w0 = weight_.data();
  // A compile-time class count for the common small models lets the row loop unroll and
  // vectorise; larger models take the generic loop.
  auto run = [&]<size_t K>(std::integral_constant<size_t, K>) {
    const size_t n = K ? K : C;
    auto emit = [&](uint32_t b, float v) __attribute__((always_inline)) {
      const float* w = w0 + size_t{b} * n;
      for (size_t k = 0; k < n; ++k) acc[k] += v * w[k];
    };
    double sq = for_each_feature(story.headline, headline_weight_, shift, emit);
    return sq + for_each_feature(story.body, 1.0f, shift, emit);
  };
  double sq;
  switch (C) {
    case 2:
      sq = run(std::integral_constant<size_t, 2>{});
      break;
    case 3:
      sq = run(std::integral_constant<size_t, 3>{});
      break;
    case 4:
      sq = run(std::integral_constant<size_t, 4>{});
      break;
    case 5:
      sq = run(std::integral_constant<size_t, 5>{});
      break;
    case 8:
      sq = run(std::integral_constant<size_t, 8>{});
      break;
    default:
      sq = run(std::integral_constant<size_t, 0>{});
      break;
  }
  const float inv = sq > 0 ? static_cast<float>(1.0 / std::sqrt(sq)) : 0.0f;
  float zmax = -INFINITY;
  for (size_t k = 0; k < C; ++k) zmax = std::max(zmax, acc[k] = bias_[k] + acc[k] * inv);
  float sum = 0;
  for (size_t k = 0; k < C; ++k) sum += (acc[k] = std::exp(acc[k] - zmax));
  for (size_t k = 0; k < C; ++k) acc[k] /= sum;
}

// ---------------------------------------------------------------------------------------------
// The blend

TopicConfig TopicBlend::rules_config() {
  TopicConfig c;
  c.threshold = 0.0;
  c.max_topics = SIZE_MAX;
  c.keep_best = false;
  return c;
}

Result<std::shared_ptr<const TopicBlend>> TopicBlend::create(
    std::shared_ptr<const TopicTagger> rules, std::shared_ptr<const TopicModel> model,
    TopicConfig output) {
  const TopicConfig& rc = rules->config();
  if (rc.threshold != 0.0 || rc.max_topics != SIZE_MAX || rc.keep_best)
    return Status("topic_model", "the rule tagger must be loaded with TopicBlend::rules_config()");
  std::shared_ptr<TopicBlend> b(new TopicBlend());
  for (const std::string& l : model->labels()) {
    const std::string_view top = rules->top_level(l);
    if (top.empty())
      return Status("topic_model", "model topic '" + l + "' is not in the Media Topics taxonomy");
    auto it = std::find(b->model_tops_.begin(), b->model_tops_.end(), top);
    if (it == b->model_tops_.end()) {
      b->model_tops_.push_back(top);
      b->model_top_names_.push_back(rules->name(top));
      it = b->model_tops_.end() - 1;
    }
    b->label_top_.push_back(static_cast<uint32_t>(it - b->model_tops_.begin()));
  }
  b->rules_ = std::move(rules);
  b->model_ = std::move(model);
  b->output_ = output;
  return std::shared_ptr<const TopicBlend>(std::move(b));
}

namespace {

struct BlendTop {
  std::string_view qcode, name;
  double rule = 0;     // the rules' score
  double model = 0;    // the model's probability (its labels summed per top level)
  double blended = 0;  // the result
  bool in_model = false;
};

struct BlendScratch {
  std::vector<TopicScore> rules;
  std::vector<float> probs;
  std::vector<BlendTop> tops;
  std::vector<uint32_t> slot;  // model top level -> index in `tops`
};

BlendScratch& blend_scratch() {
  thread_local BlendScratch s;
  return s;
}

}  // namespace

void TopicBlend::tag(const Story& story, std::vector<TopicScore>& out, float weight) const {
  if (output_.max_topics == 0) {  // tagging off: neither the rules nor the model run
    out.clear();
    return;
  }
  BlendScratch& s = blend_scratch();
  rules_->tag(story, s.rules);
  combine(story, out, weight);
}

void TopicBlend::tag(const Story& story, const NormalizedText& text, std::vector<TopicScore>& out,
                     float weight) const {
  if (output_.max_topics == 0) {  // tagging off: neither the rules nor the model run
    out.clear();
    return;
  }
  BlendScratch& s = blend_scratch();
  rules_->tag(text, s.rules);
  combine(story, out, weight);
}

// The model's view of the story, blended with the rules' scores already in the scratch.
void TopicBlend::combine(const Story& story, std::vector<TopicScore>& out, float weight) const {
  out.clear();
  BlendScratch& s = blend_scratch();
  const size_t C = model_->classes();
  if (s.probs.size() < C) s.probs.resize(C);
  model_->predict(story, std::span<float>(s.probs.data(), C));
  const double a = weight < 0 ? model_->blend_weight() : std::min(1.0f, weight);

  // The top levels in the rules' order (best first, their tie order), then those only the model
  // has: with weight 0 the output is the rules' own, ties included.
  s.tops.clear();
  for (const TopicScore& r : s.rules) {
    if (rules_->top_level(r.qcode) == r.qcode)
      s.tops.push_back({r.qcode, r.name, r.score, 0, 0, false});
  }
  if (s.slot.size() < model_tops_.size()) s.slot.resize(model_tops_.size());
  for (size_t t = 0; t < model_tops_.size(); ++t) {
    auto it = std::find_if(s.tops.begin(), s.tops.end(),
                           [&](const BlendTop& x) { return x.qcode == model_tops_[t]; });
    if (it == s.tops.end()) {
      s.tops.push_back({model_tops_[t], model_top_names_[t], 0, 0, 0, true});
      it = s.tops.end() - 1;
    }
    it->in_model = true;
    s.slot[t] = static_cast<uint32_t>(it - s.tops.begin());
  }
  for (size_t i = 0; i < label_top_.size(); ++i) s.tops[s.slot[label_top_[i]]].model += s.probs[i];
  const double p_other = model_->has_other() ? s.probs[C - 1] : 0.0;
  // The other class's probability goes to the topics the model does not know, in proportion
  // to the rules' scores for them.
  double rule_outside = 0;
  for (const BlendTop& t : s.tops) rule_outside += t.in_model ? 0.0 : t.rule;
  for (BlendTop& t : s.tops) {
    const double m =
        t.in_model ? t.model : (rule_outside > 0 ? p_other * t.rule / rule_outside : 0.0);
    t.blended = (1 - a) * t.rule + a * m;
  }

  // The rules' topics in their order; a narrower topic keeps its share of its top level's score.
  for (const TopicScore& r : s.rules) {
    const std::string_view top = rules_->top_level(r.qcode);
    auto it = std::find_if(s.tops.begin(), s.tops.end(),
                           [&](const BlendTop& t) { return t.qcode == top; });
    if (it == s.tops.end() || it->rule <= 0) continue;
    const double score = top == r.qcode ? it->blended : r.score * it->blended / it->rule;
    if (score > 0) out.push_back({r.qcode, r.name, std::min(1.0, score)});
  }
  // Then the top levels only the model gives evidence for.
  for (const BlendTop& t : s.tops) {
    if (t.rule <= 0 && t.blended > 0) out.push_back({t.qcode, t.name, std::min(1.0, t.blended)});
  }

  // The output rules of TopicConfig, as the tagger applies them.
  size_t best = SIZE_MAX, kept = 0;
  double best_score = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].score >= output_.threshold) {
      out[kept++] = out[i];
    } else if (out[i].score > best_score) {
      best = i;
      best_score = out[i].score;
    }
  }
  if (kept == 0 && output_.keep_best && best != SIZE_MAX) out[kept++] = out[best];
  out.resize(kept);
  for (size_t i = 1; i < out.size(); ++i) {  // stable, best first; no allocation
    const TopicScore t = out[i];
    size_t j = i;
    for (; j > 0 && out[j - 1].score < t.score; --j) out[j] = out[j - 1];
    out[j] = t;
  }
  if (out.size() > output_.max_topics) out.resize(output_.max_topics);
}

}  // namespace wirefeed
