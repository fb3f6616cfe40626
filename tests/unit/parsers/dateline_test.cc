#include "parsers/dateline.h"

#include <gtest/gtest.h>

namespace wirefeed {
namespace {

struct DatelineCase {
  const char* body;
  const char* place;
  const char* date;
  const char* agency;
  size_t length;  // bytes the dateline occupies
};

class DatelineForms : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineForms, ParsesPlaceDateAgencyAndLength) {
  const DatelineCase& c = GetParam();
  Dateline d;
  ASSERT_TRUE(parse_dateline(c.body, *AgencyTable::builtin(), d)) << c.body;
  EXPECT_EQ(d.place, c.place);
  EXPECT_EQ(d.date, c.date);
  EXPECT_EQ(d.agency, c.agency);
  EXPECT_EQ(d.length, c.length) << c.body;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, DatelineForms,
    ::testing::Values(
        DatelineCase{"SEOUL, June 21 (Reuters) - Text", "SEOUL", "June 21", "Reuters", 27},
        DatelineCase{"WASHINGTON (AP) \xE2\x80\x94 Text", "WASHINGTON", "", "Associated Press", 20},
        DatelineCase{"Seoul (AFP) - Text", "Seoul", "", "Agence France-Presse", 14},
        DatelineCase{"SEOUL, June 21 (Yonhap) -- Text", "SEOUL", "June 21", "Yonhap", 27},
        DatelineCase{"MOSCOW, January 5. /TASS/. Text", "MOSCOW", "January 5", "TASS", 27},
        DatelineCase{"Madrid, 5 ene (EFE).- Text", "Madrid", "5 ene", "EFE", 22},
        DatelineCase{"New Delhi [India], Jan 5 (ANI): Text", "New Delhi [India]", "Jan 5",
                     "Asian News International", 32},
        DatelineCase{"(Bloomberg) -- Text", "", "", "Bloomberg", 15},
        DatelineCase{"HAYWARD, Calif. (AP) - Text", "HAYWARD, Calif.", "", "Associated Press", 23},
        DatelineCase{"GENEVA/ERBIL, Iraq (Reuters) - Text", "GENEVA/ERBIL, Iraq", "", "Reuters",
                     31},
        DatelineCase{"NEW YORK, March 30 - Text", "NEW YORK", "March 30", "", 21},
        DatelineCase{"KYIV, Ukraine \xE2\x80\x94 Text", "KYIV, Ukraine", "", "", 18}));

TEST(Dateline, RussianAgencyAfterTheDash) {
  Dateline d;
  const std::string body =
      "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90, 27 \xD1\x84\xD0\xB5\xD0\xB2 - "
      "\xD0\xA0\xD0\x98\xD0\x90 \xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8. Text";
  ASSERT_TRUE(parse_dateline(body, *AgencyTable::builtin(), d));
  EXPECT_EQ(d.agency, "RIA Novosti");
  EXPECT_EQ(body.substr(d.length), "Text");
}

TEST(Dateline, OutletSlotIsNotWire) {
  Dateline d;
  ASSERT_TRUE(parse_dateline("(CNN) \xE2\x80\x94 Text", *AgencyTable::builtin(), d));
  EXPECT_EQ(d.agency, "CNN");
  EXPECT_FALSE(d.agency_is_wire);
}

TEST(Dateline, SentenceWithADashIsNotADateline) {
  Dateline d;
  EXPECT_FALSE(
      parse_dateline("Mr Smith - who led the firm - will retire.", *AgencyTable::builtin(), d));
  EXPECT_FALSE(parse_dateline("The firm said on Monday - after talks - it would cut jobs.",
                              *AgencyTable::builtin(), d));
}

TEST(Dateline, DateNeedsAMonthAndADigit) {
  EXPECT_TRUE(looks_like_date("June 21"));
  EXPECT_TRUE(looks_like_date("5 ene"));
  EXPECT_FALSE(looks_like_date("Calif."));
  EXPECT_FALSE(looks_like_date("21"));
}

}  // namespace
}  // namespace wirefeed
