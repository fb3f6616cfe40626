// Dev tool: dateline place accuracy on the Reuters-21578 SGML files. Each story is rebuilt as
// "<DATELINE> <BODY>" (the collection stores the dateline apart from the text); the gold place is
// the dateline before its ", <date> -". Also counts how often the "Reuter" sign-off yields Reuters.
// Usage: reuters_datelines [dir] [-v]   (default /work/shared/data/reuters21578). Reads only.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/credits.h"

using namespace wirefeed;

namespace {
std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (s.substr(i, 4) == "&lt;") {
        out += '<';
        i += 3;
        continue;
      }
      if (s.substr(i, 4) == "&gt;") {
        out += '>';
        i += 3;
        continue;
      }
      if (s.substr(i, 5) == "&amp;") {
        out += '&';
        i += 4;
        continue;
      }
      if (s.substr(i, 4) == "&#3;") {
        out += '\x03';
        i += 3;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}
std::string_view between(std::string_view s, std::string_view open, std::string_view close) {
  const size_t a = s.find(open);
  if (a == std::string_view::npos) return {};
  const size_t b = s.find(close, a + open.size());
  if (b == std::string_view::npos) return {};
  return s.substr(a + open.size(), b - a - open.size());
}
std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}
}  // namespace

int main(int argc, char** argv) {
  std::string dir = "/work/shared/data/reuters21578";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v")
      verbose = true;
    else
      dir = a;
  }
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  Story story;
  size_t n = 0, place_ok = 0, found = 0, signoff = 0, signoff_ok = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".sgm") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    size_t pos = 0;
    while ((pos = text.find("<REUTERS", pos)) != std::string::npos) {
      const size_t end = text.find("</REUTERS>", pos);
      std::string_view doc(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
      pos = end == std::string::npos ? text.size() : end + 1;
      std::string dateline = trim(decode(between(doc, "<DATELINE>", "</DATELINE>")));
      std::string_view body_raw = between(doc, "<BODY>", "</BODY>");
      if (dateline.empty() || body_raw.empty()) continue;
      // gold: drop the trailing " -" and the last ", <date>"
      std::string gold = dateline;
      while (!gold.empty() && (gold.back() == '-' || gold.back() == ' ')) gold.pop_back();
      if (const size_t c = gold.rfind(','); c != std::string::npos) gold = trim(gold.substr(0, c));
      story.clear();
      story.body = dateline + " " + decode(body_raw);
      ex.extract(story, r);
      ++n;
      if (r.dateline.present) ++found;
      if (r.dateline.present && r.dateline.place == gold) {
        ++place_ok;
      } else if (verbose) {
        std::printf("MISS gold='%s' got='%s' dateline='%s'\n", gold.c_str(),
                    r.dateline.place.c_str(), dateline.c_str());
      }
      std::string_view b = story.body;
      while (!b.empty() && (b.back() == '\x03' || b.back() == ' ' || b.back() == '\n'))
        b.remove_suffix(1);
      if (b.size() >= 6 &&
          (b.substr(b.size() - 6) == "Reuter" || b.substr(b.size() - 6) == "REUTER")) {
        ++signoff;
        if (r.dateline.agency == "Reuters" && !r.agencies.empty() && r.agencies[0] == "Reuters")
          ++signoff_ok;
      }
    }
  }
  std::printf("stories with a dateline  %zu\n", n);
  std::printf("dateline found           %.4f\n", n ? double(found) / n : 0.0);
  std::printf("place accuracy           %.4f (%zu/%zu)\n", n ? double(place_ok) / n : 0.0, place_ok,
              n);
  std::printf("Reuter sign-off -> agency %.4f (%zu/%zu)\n",
              signoff ? double(signoff_ok) / signoff : 0.0, signoff_ok, signoff);
  return 0;
}
