#include "parsers/credits.h"

#include <gtest/gtest.h>

#include "parsers/credit_cases.h"
#include "parsers/credit_text.h"

namespace wirefeed {
namespace {

const std::vector<CreditCase>& labelled_cases() {
  static const std::vector<CreditCase> cases = [] {
    auto r =
        load_credit_cases(std::string(WIREFEED_SOURCE_DIR) + "/tests/fixtures/credits/cases.jsonl");
    return r ? *r : std::vector<CreditCase>{};
  }();
  return cases;
}

TEST(CreditsLabelled, FixtureHasAtLeast300Cases) { EXPECT_GE(labelled_cases().size(), 300u); }

// Every labelled case must match exactly: agencies, persons with roles, dateline, photo credits.
TEST(CreditsLabelled, EveryCaseMatchesItsLabels) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  for (const CreditCase& c : labelled_cases()) {
    ex.extract(c.story, r);
    for (const std::string& d : compare_credit_case(c, r)) ADD_FAILURE() << c.id << ": " << d;
  }
}

Story make(std::string body, std::string byline = "", std::string lang = "en") {
  Story s;
  s.body = std::move(body);
  s.byline = std::move(byline);
  s.language = std::move(lang);
  return s;
}

// find_either() against a plain scan: hits in the first, middle and last byte of a 32-byte block,
// in the tail shorter than a block, none at all, and searches starting at every offset.
TEST(CreditText, FindEitherMatchesAPlainScan) {
  auto plain = [](std::string_view s, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
      if (s[i] == '/' || s[i] == ':') return i;
    }
    return std::string_view::npos;
  };
  for (size_t len : {0u, 1u, 31u, 32u, 33u, 64u, 100u}) {
    for (size_t at : {0u, 1u, 15u, 31u, 32u, 63u, 64u, 99u}) {
      for (char c : {'/', ':', 'x'}) {
        std::string s(len, 'a');
        if (at < len) s[at] = c;
        if (len > 40) s[40] = (c == '/') ? ':' : '/';  // a second hit after a block boundary
        for (size_t from = 0; from <= len; ++from) {
          ASSERT_EQ(credit_text::find_either(s, '/', ':', from), plain(s, from))
              << "len " << len << " at " << at << " '" << c << "' from " << from;
        }
      }
    }
  }
}

TEST(Credits, ReutersCreditLineKeepsRolesAndDropsPlaces) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(
      make("SEOUL, June 21 (Reuters) - Text.\n\n(Reporting by Jane Doe in Seoul and John Roe in "
           "Tokyo; Writing by Ann Lee; Editing by Bo Kim)"),
      r);
  ASSERT_EQ(r.agencies, std::vector<std::string>{"Reuters"});
  std::vector<std::pair<std::string, CreditRole>> persons;
  for (const Credit& c : r.credits) {
    if (c.kind == CreditKind::kPerson) persons.emplace_back(c.name, c.role);
  }
  const std::vector<std::pair<std::string, CreditRole>> want = {
      {"Jane Doe", CreditRole::kReporting},
      {"John Roe", CreditRole::kReporting},
      {"Ann Lee", CreditRole::kWriting},
      {"Bo Kim", CreditRole::kEditing}};
  EXPECT_EQ(persons, want);
}

TEST(Credits, AgencyListKeepsOrderOfAppearance) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("Text.\n\nWith reporting by AP, Reuters, and Yonhap"), r);
  EXPECT_EQ(r.agencies, (std::vector<std::string>{"Associated Press", "Reuters", "Yonhap"}));
}

TEST(Credits, GuardianStaffAndAgenciesIsAnOutletAndAGenericCredit) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("Text.", "Guardian staff and agencies"), r);
  EXPECT_TRUE(r.agencies.empty());
  ASSERT_EQ(r.credits.size(), 2u);
  EXPECT_EQ(r.credits[0].kind, CreditKind::kOutlet);
  EXPECT_EQ(r.credits[0].name, "The Guardian");
  EXPECT_EQ(r.credits[1].kind, CreditKind::kGeneric);
}

TEST(Credits, PhotoCreditNeverFeedsAgencies) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("A man walks past a screen. REUTERS/Kim Hong-Ji\n\nMore text."), r);
  EXPECT_TRUE(r.agencies.empty());
  ASSERT_EQ(r.photo_credits.size(), 1u);
  EXPECT_EQ(r.photo_credits[0].text, "REUTERS/Kim Hong-Ji");
  EXPECT_EQ(r.photo_credits[0].agency, "Reuters");
}

TEST(Credits, OutletInDatelineSlotIsNotAWireAgency) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("WASHINGTON (CNN) \xE2\x80\x94 Lawmakers met."), r);
  EXPECT_TRUE(r.dateline.present);
  EXPECT_EQ(r.dateline.agency, "CNN");
  EXPECT_FALSE(r.dateline.agency_is_wire);
  EXPECT_TRUE(r.agencies.empty());
}

TEST(Credits, ReuseClearsPreviousResult) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("Berlin (dpa) - Text. (dpa)"), r);
  ex.extract(make("Plain text with no credits."), r);
  EXPECT_TRUE(r.agencies.empty());
  EXPECT_TRUE(r.credits.empty());
  EXPECT_FALSE(r.dateline.present);
}

TEST(Credits, ProseWithATriggerWordIsNotACredit) {
  CreditExtractor ex(AgencyTable::builtin());
  CreditResult r;
  ex.extract(make("Reporting by Reuters in March revealed that the firm had hidden losses."), r);
  EXPECT_TRUE(r.agencies.empty());
  EXPECT_TRUE(r.credits.empty());
}

}  // namespace
}  // namespace wirefeed
