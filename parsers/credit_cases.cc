#include "parsers/credit_cases.h"

#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <string_view>

namespace wirefeed {

namespace {

Status field_error(const std::string& path, size_t line, std::string_view what) {
  return Status("cases_parse", path + ":" + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

Result<std::vector<CreditCase>> load_credit_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status("cases_io", path + ": cannot open file");
  std::vector<CreditCase> cases;
  simdjson::ondemand::parser parser;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc)) return field_error(path, lineno, "invalid JSON");
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj)) return field_error(path, lineno, "not an object");
    CreditCase c;
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) return field_error(path, lineno, "bad key");
      auto value = field.value();
      std::string_view s;
      if (key == "id" && !value.get_string().get(s)) {
        c.id = s;
      } else if (key == "group" && !value.get_string().get(s)) {
        c.group = s;
      } else if (key == "language" && !value.get_string().get(s)) {
        c.story.language = s;
      } else if (key == "byline" && !value.get_string().get(s)) {
        c.story.byline = s;
      } else if (key == "body" && !value.get_string().get(s)) {
        c.story.body = s;
      } else if (key == "agencies") {
        simdjson::ondemand::array arr;
        if (value.get_array().get(arr))
          return field_error(path, lineno, "agencies must be an array");
        for (auto v : arr) {
          if (v.get_string().get(s)) return field_error(path, lineno, "agency must be a string");
          c.agencies.emplace_back(s);
        }
      } else if (key == "persons") {
        simdjson::ondemand::array arr;
        if (value.get_array().get(arr))
          return field_error(path, lineno, "persons must be an array");
        for (auto v : arr) {
          simdjson::ondemand::object p;
          if (v.get_object().get(p)) return field_error(path, lineno, "person must be an object");
          std::string name, role;
          for (auto pf : p) {
            std::string_view pk, pv;
            if (pf.unescaped_key().get(pk) || pf.value().get_string().get(pv)) {
              return field_error(path, lineno, "person fields must be strings");
            }
            if (pk == "name") name = pv;
            if (pk == "role") role = pv;
          }
          c.persons.emplace_back(name, role);
        }
      } else if (key == "dateline") {
        c.check_dateline = true;
        bool is_null = false;
        if (!value.is_null().get(is_null) && is_null) continue;
        simdjson::ondemand::object d;
        if (value.get_object().get(d))
          return field_error(path, lineno, "dateline must be an object");
        c.dateline_present = true;
        for (auto df : d) {
          std::string_view dk;
          if (df.unescaped_key().get(dk)) return field_error(path, lineno, "bad dateline key");
          if (dk == "wire") {
            bool b = false;
            if (df.value().get_bool().get(b)) return field_error(path, lineno, "wire must be bool");
            c.dateline_wire = b;
          } else {
            std::string_view dv;
            if (df.value().get_string().get(dv))
              return field_error(path, lineno, "dateline field must be a string");
            if (dk == "place") c.dateline_place = dv;
            if (dk == "agency") c.dateline_agency = dv;
          }
        }
      } else if (key == "photo_credits") {
        int64_t n = 0;
        if (value.get_int64().get(n))
          return field_error(path, lineno, "photo_credits must be an integer");
        c.photo_credits = static_cast<int>(n);
      } else {
        return field_error(path, lineno, "unknown or mistyped field '" + std::string(key) + "'");
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<std::string> compare_credit_case(const CreditCase& c, const CreditResult& r) {
  std::vector<std::string> diffs;
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return "[" + s + "]";
  };
  std::vector<std::string> want = c.agencies, got = r.agencies;
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  if (want != got)
    diffs.push_back("agencies: want " + join(c.agencies) + " got " + join(r.agencies));
  std::vector<std::string> wp, gp;
  for (const auto& [n, role] : c.persons) wp.push_back(n + "/" + role);
  for (const Credit& cr : r.credits) {
    if (cr.kind == CreditKind::kPerson)
      gp.push_back(cr.name + "/" + std::string(to_string(cr.role)));
  }
  std::sort(wp.begin(), wp.end());
  std::sort(gp.begin(), gp.end());
  if (wp != gp) diffs.push_back("persons: want " + join(wp) + " got " + join(gp));
  if (c.check_dateline) {
    const Dateline& d = r.dateline;
    if (d.present != c.dateline_present) {
      diffs.push_back(std::string("dateline: want ") + (c.dateline_present ? "present" : "absent") +
                      " got " + (d.present ? "'" + d.place + "'" : "absent"));
    } else if (d.present) {
      if (d.place != c.dateline_place)
        diffs.push_back("dateline place: want '" + c.dateline_place + "' got '" + d.place + "'");
      if (d.agency != c.dateline_agency)
        diffs.push_back("dateline agency: want '" + c.dateline_agency + "' got '" + d.agency + "'");
      if (!c.dateline_agency.empty() && d.agency_is_wire != c.dateline_wire)
        diffs.push_back("dateline wire flag differs");
    }
  }
  if (c.photo_credits >= 0 && static_cast<int>(r.photo_credits.size()) != c.photo_credits) {
    diffs.push_back("photo credits: want " + std::to_string(c.photo_credits) + " got " +
                    std::to_string(r.photo_credits.size()));
  }
  return diffs;
}

}  // namespace wirefeed
