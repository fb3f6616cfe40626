#pragma once
// The agency alias table: aliases (AP, A.P., Associated Press, ТАСС, 연합뉴스, ...) mapped to
// canonical names and kinds. Data lives in config/data/agencies.toml (embedded as the default);
// editors extend it without a rebuild and the daemon reloads it on SIGHUP.

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace wirefeed {

struct AgencyInfo {
  std::string canonical;  // "Associated Press"
  bool is_wire = true;    // false for outlets that appear in dateline slots (CNN, BBC, ...)
};

class AgencyTable {
 public:
  // Loads from a file on disk; errors name the file, line and problem.
  static Result<std::shared_ptr<const AgencyTable>> load_file(const std::string& path);
  // The table built from the embedded config/data/agencies.toml.
  static std::shared_ptr<const AgencyTable> builtin();
  static Result<std::shared_ptr<const AgencyTable>> parse(std::string_view toml_text,
                                                          const std::string& source_name);

  // Exact alias lookup (case rules are the implementation's: e.g. "AP" only in capitals).
  [[nodiscard]] const AgencyInfo* find(std::string_view alias) const;
  [[nodiscard]] size_t size() const;

  struct Impl;
  explicit AgencyTable(std::unique_ptr<Impl> impl);
  ~AgencyTable();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirefeed
