// Scores the credit extractor on a labelled set (default tests/fixtures/credits/cases.jsonl):
// agency P/R/F1, person P/R/F1, role accuracy on matched persons, dateline accuracy and the
// false-positive rate on trap and photo-credit cases (a case counts when it yields any agency or
// person it should not). Usage: credits_eval [cases.jsonl] [-v]
#include <cstdio>
#include <set>
#include <string>

#include "parsers/credit_cases.h"
#include "parsers/credits.h"

using namespace wirefeed;

namespace {
struct Prf {
  size_t tp = 0, fp = 0, fn = 0;
  [[nodiscard]] double p() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  [[nodiscard]] double r() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  [[nodiscard]] double f1() const { return p() + r() == 0 ? 0.0 : 2 * p() * r() / (p() + r()); }
};
}  // namespace

int main(int argc, char** argv) {
  std::string path = std::string(WIREFEED_SOURCE_DIR) + "/tests/fixtures/credits/cases.jsonl";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v")
      verbose = true;
    else
      path = a;
  }
  auto cases = load_credit_cases(path);
  if (!cases) {
    std::fprintf(stderr, "%s\n", cases.status().message().c_str());
    return 2;
  }
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  Prf ag, pe;
  size_t role_ok = 0, role_n = 0, dl_ok = 0, dl_n = 0, trap_n = 0, trap_fp = 0, failed = 0;
  for (const CreditCase& c : *cases) {
    ex.extract(c.story, r);
    std::set<std::string> want(c.agencies.begin(), c.agencies.end());
    std::set<std::string> got(r.agencies.begin(), r.agencies.end());
    for (const auto& g : got) (want.count(g) ? ag.tp : ag.fp)++;
    for (const auto& w : want)
      if (!got.count(w)) ag.fn++;
    std::set<std::string> wp, gp;
    std::set<std::pair<std::string, std::string>> wr;
    for (const auto& [n, role] : c.persons) {
      wp.insert(n);
      wr.insert({n, role});
    }
    size_t person_fp = 0;
    for (const Credit& cr : r.credits) {
      if (cr.kind != CreditKind::kPerson || !gp.insert(cr.name).second) continue;
      if (wp.count(cr.name)) {
        pe.tp++;
        role_n++;
        if (wr.count({cr.name, std::string(to_string(cr.role))})) role_ok++;
      } else {
        pe.fp++;
        person_fp++;
      }
    }
    for (const auto& w : wp)
      if (!gp.count(w)) pe.fn++;
    if (c.check_dateline) {
      dl_n++;
      const bool ok = r.dateline.present == c.dateline_present &&
                      (!c.dateline_present || (r.dateline.place == c.dateline_place &&
                                               r.dateline.agency == c.dateline_agency));
      if (ok) dl_ok++;
    }
    if (c.group == "trap" || c.group == "photo") {
      trap_n++;
      bool fp = person_fp > 0;
      for (const auto& g : got)
        if (!want.count(g)) fp = true;
      if (fp) trap_fp++;
    }
    auto diffs = compare_credit_case(c, r);
    if (!diffs.empty()) {
      failed++;
      if (verbose) {
        std::printf("FAIL %s (%s)\n", c.id.c_str(), c.group.c_str());
        for (const auto& d : diffs) std::printf("    %s\n", d.c_str());
      }
    }
  }
  std::printf("cases            %zu (%zu fully correct)\n", cases->size(), cases->size() - failed);
  std::printf("agency   P %.3f  R %.3f  F1 %.3f\n", ag.p(), ag.r(), ag.f1());
  std::printf("person   P %.3f  R %.3f  F1 %.3f\n", pe.p(), pe.r(), pe.f1());
  std::printf("role accuracy    %.3f (%zu matched persons)\n",
              role_n ? double(role_ok) / role_n : 1.0, role_n);
  std::printf("dateline exact   %.3f (%zu cases)\n", dl_n ? double(dl_ok) / dl_n : 1.0, dl_n);
  std::printf("trap/photo FP    %.3f (%zu of %zu cases)\n", trap_n ? double(trap_fp) / trap_n : 0.0,
              trap_fp, trap_n);
  return 0;
}
