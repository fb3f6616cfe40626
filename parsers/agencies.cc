#include "parsers/agencies.h"

#include <toml++/toml.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/embedded.h"

namespace wirefeed {

namespace {

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Aliases shorter than this match only as written: "AP" must not match "ap" or "Ap".
constexpr size_t kMinFoldedAlias = 4;
constexpr size_t kMaxAliasBytes = 64;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string position(const std::string& source, const toml::source_region& r) {
  return source + ":" + std::to_string(r.begin.line);
}

}  // namespace

namespace {

// (length, first byte, last byte) of every key of a map, hashed into a bitmap. The credit scan asks
// about far more strings that are not aliases (names, words of prose) than ones that are; this
// rejects nearly all of them before a string hash and a bucket walk, and never rejects a key.
class KeyFilter {
 public:
  void add(std::string_view key) {
    const size_t s = slot(key.size(), key.front(), key.back());
    bits_[s / 64] |= uint64_t{1} << (s % 64);
  }
  [[nodiscard]] bool may_hold(size_t size, char first, char last) const {
    const size_t s = slot(size, first, last);
    return ((bits_[s / 64] >> (s % 64)) & 1) != 0;
  }

 private:
  static constexpr size_t kBits = size_t{1} << 16;
  static size_t slot(size_t size, char first, char last) {
    const size_t f = static_cast<unsigned char>(first);
    const size_t l = static_cast<unsigned char>(last);
    return ((size * 0x9E37) ^ (f * 0x2C1B) ^ (l * 0x1F3) ^ (l << 8)) % kBits;
  }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64);
};

}  // namespace

struct AgencyTable::Impl {
  std::vector<AgencyInfo> infos;
  std::unordered_map<std::string, size_t, TransparentHash, std::equal_to<>> exact;
  std::unordered_map<std::string, size_t, TransparentHash, std::equal_to<>> folded;
  KeyFilter exact_filter;
  KeyFilter folded_filter;  // of the folded keys, asked with the folded alias
};

AgencyTable::AgencyTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AgencyTable::~AgencyTable() = default;

size_t AgencyTable::size() const { return impl_->infos.size(); }

const AgencyInfo* AgencyTable::find(std::string_view alias) const {
  if (alias.empty() || alias.size() > kMaxAliasBytes) return nullptr;
  if (impl_->exact_filter.may_hold(alias.size(), alias.front(), alias.back())) {
    if (auto it = impl_->exact.find(alias); it != impl_->exact.end())
      return &impl_->infos[it->second];
  }
  if (alias.size() < kMinFoldedAlias) return nullptr;
  if (!impl_->folded_filter.may_hold(alias.size(), ascii_lower(alias.front()),
                                     ascii_lower(alias.back()))) {
    return nullptr;
  }
  // Fold into a stack buffer: lookups run per candidate token on the hot path.
  char buf[kMaxAliasBytes];
  for (size_t i = 0; i < alias.size(); ++i) buf[i] = ascii_lower(alias[i]);
  if (auto it = impl_->folded.find(std::string_view(buf, alias.size()));
      it != impl_->folded.end()) {
    return &impl_->infos[it->second];
  }
  return nullptr;
}

Result<std::shared_ptr<const AgencyTable>> AgencyTable::parse(std::string_view toml_text,
                                                              const std::string& source_name) {
  toml::table root;
#if TOML_EXCEPTIONS
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    return Status("agencies_parse",
                  position(source_name, e.source()) + ": " + std::string(e.description()));
  }
#else
  auto parsed = toml::parse(toml_text, source_name);
  if (!parsed) {
    return Status("agencies_parse", position(source_name, parsed.error().source()) + ": " +
                                        std::string(parsed.error().description()));
  }
  root = std::move(parsed).table();
#endif
  auto impl = std::make_unique<Impl>();
  auto err = [&](const toml::node& n, const std::string& what) {
    return Status("agencies_invalid", position(source_name, n.source()) + ": " + what);
  };
  for (auto&& [key, node] : root) {
    if (key.str() != "agency")
      return err(node, "unknown top-level key '" + std::string(key.str()) + "'");
  }
  const toml::array* list = root["agency"].as_array();
  if (list == nullptr) return Status("agencies_invalid", source_name + ": no [[agency]] tables");

  std::unordered_map<std::string, size_t> exact_origin;  // alias -> index, to report duplicates
  for (const toml::node& entry : *list) {
    const toml::table* t = entry.as_table();
    if (t == nullptr) return err(entry, "[[agency]] entry is not a table");
    for (auto&& [k, v] : *t) {
      if (k.str() != "name" && k.str() != "aliases" && k.str() != "wire") {
        return err(v, "unknown key '" + std::string(k.str()) + "' in [[agency]]");
      }
    }
    auto name = (*t)["name"].value<std::string>();
    if (!name || name->empty()) return err(entry, "[[agency]] needs a non-empty string 'name'");
    AgencyInfo info{*name, true};
    if (const toml::node* w = t->get("wire")) {
      auto b = w->value<bool>();
      if (!b) return err(*w, "'wire' must be true or false");
      info.is_wire = *b;
    }
    std::vector<std::string> aliases{*name};
    if (const toml::node* a = t->get("aliases")) {
      const toml::array* arr = a->as_array();
      if (arr == nullptr) return err(*a, "'aliases' must be an array of strings");
      for (const toml::node& an : *arr) {
        auto s = an.value<std::string>();
        if (!s || s->empty()) return err(an, "alias must be a non-empty string");
        if (s->size() > kMaxAliasBytes) return err(an, "alias longer than 64 bytes");
        aliases.push_back(*s);
      }
    } else {
      return err(entry, "agency '" + *name + "' has no 'aliases'");
    }
    const size_t idx = impl->infos.size();
    for (const std::string& a : aliases) {
      impl->exact_filter.add(a);
      auto [it, inserted] = impl->exact.emplace(a, idx);
      if (!inserted && it->second != idx) {
        return err(entry, "alias '" + a + "' of '" + *name + "' already names '" +
                              impl->infos[it->second].canonical + "'");
      }
      if (a.size() >= kMinFoldedAlias) {
        const std::string folded = fold(a);
        impl->folded_filter.add(folded);
        impl->folded.emplace(folded, idx);
      }
    }
    impl->infos.push_back(std::move(info));
  }
  return std::shared_ptr<const AgencyTable>(std::make_shared<AgencyTable>(std::move(impl)));
}

Result<std::shared_ptr<const AgencyTable>> AgencyTable::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status("agencies_io", path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

std::shared_ptr<const AgencyTable> AgencyTable::builtin() {
  static const std::shared_ptr<const AgencyTable> table = [] {
    auto r = parse(embedded_file("config/data/agencies.toml"), "config/data/agencies.toml");
    if (r) return *r;
    // The embedded file is tested at build time (agencies_test); an empty table keeps the daemon
    // up.
    auto t = AgencyTable::parse("agency = []", "empty");
    return *t;
  }();
  return table;
}

}  // namespace wirefeed
