#include "pipeline/normalize.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/simd.h"

namespace wirefeed {
namespace {

std::vector<uint64_t> toks(std::string_view s) {
  std::vector<uint64_t> t;
  tokenize(s, t, nullptr);
  return t;
}

NormalizedText norm(std::string_view headline, std::string_view body, const CreditResult& cr = {}) {
  NormalizedText n;
  normalize_story(headline, body, cr, BoilerplatePatterns::builtin(), n);
  return n;
}

TEST(TokenizeTest, IgnoresCaseQuoteStylesAndPunctuation) {
  EXPECT_EQ(toks("\"Don't stop,\" she said."), toks("\xE2\x80\x9C"
                                                    "don\xE2\x80\x99t STOP\xE2\x80\x9D she said"));
  EXPECT_EQ(toks("a  b\n\nc"), toks("a b c"));
  EXPECT_EQ(toks("x&quot;y"), toks("x y"));
}

TEST(TokenizeTest, KeepsNumbers) {
  EXPECT_EQ(toks("1,000 people"), toks("1000 people"));
  EXPECT_NE(toks("2.5 percent"), toks("25 percent"));
  EXPECT_NE(toks("rose 12 percent"), toks("rose 13 percent"));
}

TEST(TokenizeTest, KeyTokensAreNumbersAndMidSentenceNames) {
  std::vector<uint64_t> t;
  std::vector<uint64_t> keys;
  tokenize("The mayor Piotr Lenz said 40 homes. Rain fell.", t, &keys);
  // Piotr, Lenz, 40 - not "The" or "Rain", which start sentences.
  EXPECT_EQ(keys.size(), 3u);
}

// Words with 8 bytes of text after them take tokenize()'s fast path; a word alone is too short
// for it and goes byte at a time. Both must give the same hashes and key tokens.
TEST(TokenizeTest, FastPathAgreesWithByteAtATimePath) {
  const std::vector<std::string_view> words = {"The",
                                               "Mayor",
                                               "of",
                                               "Lima",
                                               "said",
                                               "40",
                                               "homes",
                                               "abcdefg",
                                               "abcdefgh",
                                               "abcdefghi",
                                               "Seventeen16",
                                               "1234567890123456",
                                               "12345678901234567",
                                               "Telecommunications",
                                               "internationalisation",
                                               "x",
                                               "Q",
                                               "mid9word",
                                               "Z80",
                                               std::string_view("0123456789abcdef0123456789ab"
                                                                "cdef0123456789abcdef0123456"
                                                                "789abcdefXYZ")};
  std::string text;
  std::vector<uint64_t> expect_t;
  std::vector<uint64_t> expect_k;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += ' ';
    text += words[i];
    std::vector<uint64_t> t;
    std::vector<uint64_t> k;
    tokenize(words[i], t, &k);
    ASSERT_EQ(t.size(), 1u);
    expect_t.push_back(t[0]);
    // A capitalised word alone starts a sentence; mid-text it is a name.
    const unsigned char c = static_cast<unsigned char>(words[i][0]);
    if (c >= '0' && c <= '9') {
      expect_k.push_back(t[0] | 1);
    } else if (i > 0 && c >= 'A' && c <= 'Z') {
      expect_k.push_back(t[0] & ~uint64_t{1});
    }
  }
  std::vector<uint64_t> t;
  std::vector<uint64_t> k;
  tokenize(text, t, &k);
  EXPECT_EQ(t, expect_t);
  EXPECT_EQ(k, expect_k);
}

// tokenize()'s AVX-512 path (64 bytes at a time), with its words hashed one at a time and (on a
// CPU with Ice Lake's extensions) eight at a time in vector lanes, must give the 8-byte path's
// tokens, key tokens and exact hash for any text: texts of every length up to a few blocks, built
// from pieces that put words across block ends and near the end of the text, and every byte the
// paths treat specially (UTF-8, entities, apostrophes, digit separators, sentence ends) at every
// offset.
TEST(TokenizeTest, BlockPathAgreesWithEightBytePath) {
  if (!avx512_available()) GTEST_SKIP() << "no AVX-512 on this CPU";
  const std::vector<std::string_view> pieces = {
      "a",
      "I",
      "of",
      "The",
      "Mayor",
      "said",
      "40",
      "homes",
      "abcdefgh",
      "abcdefghi",
      "Seventeen16",
      "1234567890123456",
      "12345678901234567",
      "Telecommunications",
      "internationalisation",
      "x9",
      "mid9word",
      "Zürich",
      "café",
      "don't",
      "O'Neil",
      "1,000",
      "2.5",
      "U.S.",
      "&amp;",
      "&",
      "&#8217;",
      "\xE2\x80\x99",
      "\xE2\x80\x9C",
      "\xE2\x80\xA6",
      "\xC2\xA0",
      "\xC2\xA9",
      " ",
      " ",
      " ",
      "  ",
      ". ",
      ", ",
      "! ",
      "? ",
      "\n",
      "\n\n",
      "\t",
      "\"",
      "(",
      ")",
      "-",
      "--",
      "'",
      "/",
      ";",
      ":",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefXYZ"};
  uint64_t rng = 0x9E3779B97F4A7C15ULL;
  const auto next = [&rng] {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
  };
  size_t compared = 0;
  const auto compare = [&](std::string_view text) {
    // An exact-size heap copy, so that the sanitizer build sees a read past the text's end (a
    // std::string's spare capacity hid one that tokenize_fuzz found).
    const std::unique_ptr<char[]> exact(new char[text.size()]);
    std::memcpy(exact.get(), text.data(), text.size());
    const std::string_view view(exact.get(), text.size());
    std::vector<uint64_t> lane_t, lane_k, block_t, block_k, eight_t, eight_k;
    tokenize(view, lane_t, &lane_k);
    const uint64_t lane_full = norm(view, view).full_hash;
    set_avx512_icl_enabled(false);
    tokenize(view, block_t, &block_k);
    const uint64_t block_full = norm(view, view).full_hash;
    set_avx512_icl_enabled(true);
    set_avx512_enabled(false);
    tokenize(view, eight_t, &eight_k);
    const uint64_t eight_full = norm(view, view).full_hash;
    set_avx512_enabled(true);
    ASSERT_EQ(block_t, eight_t) << "text: " << text;
    ASSERT_EQ(block_k, eight_k) << "text: " << text;
    ASSERT_EQ(block_full, eight_full) << "text: " << text;
    ASSERT_EQ(lane_t, eight_t) << "text: " << text;
    ASSERT_EQ(lane_k, eight_k) << "text: " << text;
    ASSERT_EQ(lane_full, eight_full) << "text: " << text;
    ++compared;
  };
  // A short word late in a block whose text ends a few bytes after it: the reads that hash it
  // must stay inside the text (the case tokenize_fuzz found).
  for (size_t len = 64; len <= 90; ++len) {
    for (size_t at = 48; at + 2 <= len && at < 64; ++at) {
      std::string text(len, ' ');
      text[0] = 'a';
      text[at] = 'x';
      text[at + 1] = 'y';
      compare(text);
    }
  }
  const size_t edge_cases = compared;
  for (size_t target = 0; target < 400; ++target) {
    for (int variant = 0; variant < 8; ++variant) {
      std::string text;
      while (text.size() < target) text += pieces[next() % pieces.size()];
      text.resize(target);  // may cut a word or a UTF-8 sequence at the very end
      compare(text);
    }
  }
  EXPECT_EQ(compared - edge_cases, 3200u);
}

TEST(DatelineTest, DetectsWireDatelines) {
  EXPECT_EQ(detect_dateline("SEOUL, June 21 (Reuters) - Text"), 27u);
  EXPECT_GT(detect_dateline("Washington, March 3 (AFP) -- Text"), 0u);
  EXPECT_GT(detect_dateline("NEW YORK \xE2\x80\x94 Text"), 0u);
  EXPECT_EQ(detect_dateline("The plan - which failed - was dropped."), 0u);
  EXPECT_EQ(detect_dateline("No dateline here at all."), 0u);
}

TEST(NormalizeTest, StripsDatelineCreditAndPromoLinesButHashesThemExactly) {
  const auto a = norm("H", "SEOUL, June 21 (Reuters) - Prices rose.\n\nThey fell later.");
  const auto b =
      norm("H",
           "Seoul, Friday (AP) -- Prices rose.\n\nREAD MORE: Why prices rise\n\nThey fell "
           "later.\n\n(Reporting by Kim Min-ji; Editing by Tom Keller)");
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_NE(a.full_hash, b.full_hash);
}

TEST(NormalizeTest, HeadlineChangesOnlyTheExactHash) {
  const auto a = norm("One headline", "Prices rose.");
  const auto b = norm("Another headline", "Prices rose.");
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_NE(a.full_hash, b.full_hash);
}

TEST(NormalizeTest, StripsCreditLinesFoundByTheCreditsStage) {
  CreditResult cr;
  cr.credits.push_back(
      Credit{"Jo Bloggs", CreditKind::kPerson, CreditRole::kWriting, "Story by Jo Bloggs"});
  cr.dateline.present = true;
  cr.dateline.length = 9;  // "LIMA -- "
  const auto a = norm("H", "LIMA --  Prices rose.\n\nStory by Jo Bloggs", cr);
  const auto b = norm("H", "Prices rose.");
  EXPECT_EQ(a.tokens, b.tokens);
}

TEST(NormalizeTest, KeepsLongParagraphsThatMentionNewsletters) {
  const std::string para =
      "The company said its newsletter business, which sends daily market reports to more than "
      "two million subscribers across Europe and Asia, grew faster than any other unit last year "
      "and would be spun off into a separate listed company before the end of the next year.";
  EXPECT_FALSE(norm("H", para).tokens.empty());
}

TEST(BoilerplateTest, EmbeddedPatternsParse) {
  ASSERT_TRUE(BoilerplatePatterns::parse(embedded_file("config/data/boilerplate.txt")).is_ok());
  EXPECT_GT(BoilerplatePatterns::builtin().size(), 10u);
  EXPECT_TRUE(BoilerplatePatterns::builtin().matches("(Reporting by A; Editing by B)"));
  EXPECT_TRUE(BoilerplatePatterns::builtin().matches("SEE ALSO: more"));
  EXPECT_FALSE(BoilerplatePatterns::builtin().matches("Prices rose sharply."));
}

// "contains" patterns are looked up only at sampled positions of the line: an occurrence must be
// found wherever it starts, and a near miss nowhere.
TEST(BoilerplateTest, ContainsPatternFoundAtEveryOffset) {
  auto p = BoilerplatePatterns::parse("contains: newsletter\ncontains: all rights reserved\n");
  ASSERT_TRUE(p);
  for (size_t before = 0; before < 24; ++before) {
    for (size_t after = 0; after < 3; ++after) {
      const std::string pad(before, 'x');
      const std::string tail(after, 'y');
      EXPECT_TRUE(p->matches(pad + "Our NewsLetter" + tail)) << before << " " << after;
      EXPECT_TRUE(p->matches(pad + "ALL RIGHTS RESERVED" + tail)) << before << " " << after;
      EXPECT_FALSE(p->matches(pad + "Our newslette" + tail)) << before << " " << after;
      EXPECT_FALSE(p->matches(pad + "all rights reserve" + tail)) << before << " " << after;
    }
  }
}

TEST(BoilerplateTest, RejectsBadSyntax) {
  EXPECT_FALSE(BoilerplatePatterns::parse("prefix without colon").is_ok());
  EXPECT_FALSE(BoilerplatePatterns::parse("suffix: x").is_ok());
  EXPECT_FALSE(BoilerplatePatterns::parse("prefix:   ").is_ok());
  EXPECT_TRUE(BoilerplatePatterns::parse("# comment\n\nprefix: a\ncontains: \"b \"\n").is_ok());
}

}  // namespace
}  // namespace wirefeed
