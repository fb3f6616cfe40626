#include "parsers/agencies.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

TEST(Agencies, BuiltinTableParsesAndHasAtLeast40Agencies) {
  auto t = AgencyTable::builtin();
  ASSERT_NE(t, nullptr);
  EXPECT_GE(t->size(), 40u);
}

TEST(Agencies, AliasesMapToCanonicalNames) {
  auto t = AgencyTable::builtin();
  ASSERT_NE(t->find("AP"), nullptr);
  EXPECT_EQ(t->find("AP")->canonical, "Associated Press");
  EXPECT_EQ(t->find("\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1")->canonical, "TASS");  // ТАСС
  EXPECT_EQ(t->find("\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A\xA4")->canonical,
            "Yonhap");  // 연합뉴스
  EXPECT_EQ(t->find("dpa-AFX")->canonical, "dpa-AFX");
  EXPECT_EQ(t->find("dpa")->canonical, "dpa");
}

TEST(Agencies, ShortAliasesAreCaseSensitiveLongOnesAreNot) {
  auto t = AgencyTable::builtin();
  EXPECT_EQ(t->find("ap"), nullptr);
  EXPECT_EQ(t->find("Ap"), nullptr);
  ASSERT_NE(t->find("REUTERS"), nullptr);
  EXPECT_EQ(t->find("REUTERS")->canonical, "Reuters");
  ASSERT_NE(t->find("LUSA"), nullptr);
}

TEST(Agencies, OutletsAreNotWire) {
  auto t = AgencyTable::builtin();
  ASSERT_NE(t->find("CNN"), nullptr);
  EXPECT_FALSE(t->find("CNN")->is_wire);
  EXPECT_TRUE(t->find("AFP")->is_wire);
}

TEST(Agencies, SyntaxErrorNamesFileAndLine) {
  auto r = AgencyTable::parse("[[agency]]\nname = \"X\"\naliases = [\"X\"\n", "my.toml");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("my.toml:"), std::string::npos) << r.status().message();
}

TEST(Agencies, UnknownKeyIsAnErrorWithItsLine) {
  auto r =
      AgencyTable::parse("[[agency]]\nname = \"X\"\naliases = [\"X\"]\nwiree = true\n", "a.toml");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("a.toml:4"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("wiree"), std::string::npos);
}

TEST(Agencies, DuplicateAliasAcrossAgenciesIsAnError) {
  auto r = AgencyTable::parse(
      "[[agency]]\nname = \"A\"\naliases = [\"X\"]\n[[agency]]\nname = \"B\"\naliases = [\"X\"]\n",
      "d.toml");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("already names"), std::string::npos);
}

TEST(Agencies, MissingFileIsAnError) {
  auto r = AgencyTable::load_file("/nonexistent/agencies.toml");
  EXPECT_FALSE(r.is_ok());
}

}  // namespace
}  // namespace wirefeed
