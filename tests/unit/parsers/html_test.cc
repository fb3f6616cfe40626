#include "parsers/html.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "parsers/html_entities.h"

namespace wirefeed {
namespace {

std::string text(std::string_view html) {
  std::string out;
  html_to_text(html, out);
  return out;
}

TEST(HtmlToText, ParagraphsAreSeparatedByOneBlankLine) {
  EXPECT_EQ(text("<p>First.</p><p>Second.</p>"), "First.\n\nSecond.");
}

TEST(HtmlToText, NoLeadingOrTrailingSeparators) {
  EXPECT_EQ(text("\n <div><p>  Only.  </p></div>\n<p></p> "), "Only.");
}

TEST(HtmlToText, RunsOfBlockTagsGiveASingleBlankLine) {
  EXPECT_EQ(
      text("<h1>Head</h1>\n\n<div><section><ul><li>One</li>\n<li>Two</li></ul></section></div>"
           "<hr><blockquote>Quote</blockquote>"),
      "Head\n\nOne\n\nTwo\n\nQuote");
}

TEST(HtmlToText, BrIsALineBreak) {
  EXPECT_EQ(text("Line one<br>Line two<br/>Line three<BR />end"),
            "Line one\nLine two\nLine three\nend");
}

TEST(HtmlToText, TwoBrsMakeAParagraphBreakButNeverMore) {
  EXPECT_EQ(text("a<br><br>b<br>\n<br><br><br>c"), "a\n\nb\n\nc");
}

TEST(HtmlToText, BrAtTheEdgesIsDropped) { EXPECT_EQ(text("<br>text<br>"), "text"); }

TEST(HtmlToText, InlineTagsVanishLeavingTheirText) {
  EXPECT_EQ(text("A <b>bold</b>, <i><em>nested <strong>in<span>line</span></strong></em></i> "
                 "<a href=\"https://x.test/\">link</a>."),
            "A bold, nested inline link.");
}

TEST(HtmlToText, UnknownTagsAreTreatedAsInline) {
  EXPECT_EQ(text("x<custom-widget data-a=1>y</custom-widget>z"), "xyz");
}

TEST(HtmlToText, WhitespaceRunsFoldToOneSpace) {
  EXPECT_EQ(text("a  b\t\tc\r\n d \f\v e"), "a b c d e");
}

TEST(HtmlToText, WhitespaceAcrossInlineTagsFolds) { EXPECT_EQ(text("a <b> b </b> c"), "a b c"); }

TEST(HtmlToText, NbspBecomesASpace) {
  EXPECT_EQ(text("a&nbsp;b&#160;c\xC2\xA0"
                 "d&nbsp;&nbsp; e"),
            "a b c d e");
}

TEST(HtmlToText, SoftHyphensAreDropped) {
  EXPECT_EQ(text("Bundes&shy;liga Fu\xC3\x9F\xC2\xAD"
                 "ball &#173;x"),
            "Bundesliga Fu\xC3\x9F"
            "ball x");
}

TEST(HtmlToText, DecodesBasicNamedEntities) {
  EXPECT_EQ(text("&lt;p&gt; &amp; &quot;q&quot; &apos;s"), "<p> & \"q\" 's");
}

TEST(HtmlToText, DecodesTypographicAndLatin1Entities) {
  EXPECT_EQ(
      text("&ldquo;Caf&eacute;&rdquo; &ndash; &mdash; &hellip; &euro;5 &copy; &trade; 20&deg;"),
      "\u201CCaf\u00E9\u201D \u2013 \u2014 \u2026 \u20AC5 \u00A9 \u2122 20\u00B0");
}

TEST(HtmlToText, DecodesLatinExtendedNames) {
  EXPECT_EQ(text("&Lstrok;&oacute;d&zacute; &Scaron;koda"), "\u0141\u00F3d\u017A \u0160koda");
}

TEST(HtmlToText, DecodesDecimalReferences) {
  EXPECT_EQ(text("it&#8217;s &#65;&#x1F600;"), "it\u2019s A\U0001F600");
}

TEST(HtmlToText, DecodesHexReferencesInEitherCase) {
  EXPECT_EQ(text("&#x2019;&#X2019;&#x00e9;"), "\u2019\u2019\u00E9");
}

TEST(HtmlToText, InvalidNumericReferencesBecomeReplacementCharacter) {
  EXPECT_EQ(text("[&#0;][&#xD800;][&#x110000;][&#99999999999999999999;][&#1;]"),
            "[\uFFFD][\uFFFD][\uFFFD][\uFFFD][\uFFFD]");
}

TEST(HtmlToText, C1NumericReferencesAreReadAsWindows1252) {
  EXPECT_EQ(text("&#147;quoted&#148; &#150; &#128;"), "\u201Cquoted\u201D \u2013 \u20AC");
}

TEST(HtmlToText, NumericReferenceWithoutDigitsIsText) {
  EXPECT_EQ(text("&# &#x; &#;"), "&# &#x; &#;");
}

TEST(HtmlToText, UnknownNamedEntitiesAreLeftAsText) {
  EXPECT_EQ(text("AT&T &bogus; &zz & done &"), "AT&T &bogus; &zz & done &");
}

TEST(HtmlToText, LegacyEntitiesWorkWithoutSemicolon) {
  EXPECT_EQ(text("&copy 2024 &amp co &eacutee 1&frac12 &lt&gt"),
            "\u00A9 2024 & co \u00E9e 1\u00BD <>");
}

TEST(HtmlToText, ModernEntitiesNeedTheirSemicolon) {
  EXPECT_EQ(text("&rsquo &hellip."), "&rsquo &hellip.");
}

TEST(HtmlToText, NumericReferenceWithoutSemicolonIsDecoded) { EXPECT_EQ(text("&#65B"), "AB"); }

TEST(HtmlToText, EntitiesAreCaseSensitive) {
  EXPECT_EQ(text("&Eacute;&eacute;&EACUTE;"), "\u00C9\u00E9&EACUTE;");
}

TEST(HtmlToText, ScriptStyleNoscriptTemplateAndHeadAreDropped) {
  EXPECT_EQ(text("<html><head><title>T</title><style>p{color:red}</style></head><body>"
                 "<p>a<script>if (x < 1 && y > 2) { document.write('<p>no</p>'); }</script>b</p>"
                 "<noscript>Enable JS</noscript><template><p>tpl</p></template>c</body></html>"),
            "ab\n\nc");
}

TEST(HtmlToText, UnclosedHeadEndsAtBody) {
  EXPECT_EQ(text("<head><meta charset=utf-8><body><p>Story</p>"), "Story");
}

TEST(HtmlToText, SelfClosingScriptDoesNotSwallowTheRest) {
  EXPECT_EQ(text("a<script src=\"x.js\"/>b"), "ab");
}

TEST(HtmlToText, ScriptEndTagMatchesOnlyWholeName) {
  EXPECT_EQ(text("<script>var s='</scripts>';</SCRIPT >after"), "after");
}

TEST(HtmlToText, UnclosedScriptDropsTheRest) {
  EXPECT_EQ(text("kept<script>lost</p>lost"), "kept");
}

TEST(HtmlToText, CommentsAreDropped) {
  EXPECT_EQ(text("a<!-- <p>hidden</p> -- > -->b<!---->c<!-->d<!--->e<!-- x --!>f"), "abcdef");
}

TEST(HtmlToText, UnterminatedCommentRunsToEnd) {
  EXPECT_EQ(text("a<!-- never closed <p>b</p>"), "a");
}

TEST(HtmlToText, DoctypeAndProcessingInstructionsAreDropped) {
  EXPECT_EQ(text("<?xml version=\"1.0\"?><!DOCTYPE html><p>x</p>"), "x");
}

TEST(HtmlToText, CdataIsKeptAsLiteralText) {
  EXPECT_EQ(text("a <![CDATA[x < y &amp;  z]]> b"), "a x < y &amp; z b");
}

TEST(HtmlToText, QuotedAttributesMayContainGreaterThan) {
  EXPECT_EQ(text("<a title=\"a > b\" data-x='<p>'>link</a> <img alt = \"1>0\">ok"), "link ok");
}

TEST(HtmlToText, QuoteInsideUnquotedValueDoesNotOpenAString) {
  EXPECT_EQ(text("<a href=it's>x</a>y"), "xy");
}

TEST(HtmlToText, TagNamesAreCaseInsensitive) {
  EXPECT_EQ(text("<P>One</P><DiV>Two</dIv>A<Br>B<SCRIPT>x</script>C"), "One\n\nTwo\n\nA\nBC");
}

TEST(HtmlToText, UnclosedTagAtEndOfInputIsDropped) {
  EXPECT_EQ(text("text<p class=\"x"), "text");
  EXPECT_EQ(text("text<"), "text<");
  EXPECT_EQ(text("text</"), "text</");
}

TEST(HtmlToText, UnclosedElementsAreTolerated) {
  EXPECT_EQ(text("<div><p>one<p>two<li>three"), "one\n\ntwo\n\nthree");
}

TEST(HtmlToText, StrayLessThanIsText) {
  EXPECT_EQ(text("1 < 2, x<3 and <= 4 <"), "1 < 2, x<3 and <= 4 <");
}

TEST(HtmlToText, EmptyEndTagIsDropped) { EXPECT_EQ(text("a</>b"), "ab"); }

TEST(HtmlToText, TableRowsAreParagraphsAndCellsAreSpaced) {
  EXPECT_EQ(
      text("<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Ajax</td><td>12</td></tr></table>"),
      "Team Pts\n\nAjax 12");
}

TEST(HtmlToText, DeeplyNestedTagsAreHandled) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div><b>";
  html += "deep";
  for (int i = 0; i < 10000; ++i) html += "</b></div>";
  html += "tail";
  EXPECT_EQ(text(html), "deep\n\ntail");
}

TEST(HtmlToText, NullBytesAreDropped) {
  using namespace std::string_view_literals;
  EXPECT_EQ(text("a\0b <p>c\0d</p>\0 e<![CDATA[f\0g]]>"sv), "ab\n\ncd\n\nefg");
}

TEST(HtmlToText, InvalidUtf8PassesThrough) {
  EXPECT_EQ(text("<p>\xFF\xC3(\xC2</p>"), "\xFF\xC3(\xC2");
}

TEST(HtmlToText, PlainTextPassesThroughUnchanged) {
  const std::string plain =
      "SEOUL (Reuters) - South Korea's central bank held rates steady on Thursday, as expected.";
  EXPECT_EQ(text(plain), plain);
}

TEST(HtmlToText, LongTextRunsAreCopiedIntact) {
  std::string plain;
  for (int i = 0; i < 200; ++i) plain += "word" + std::to_string(i) + (i % 7 == 0 ? ". " : " ");
  plain.pop_back();
  EXPECT_EQ(text("<p>" + plain + "</p>"), plain);
}

TEST(HtmlToText, DoubleSpacesFoldAtEveryOffsetOfALongRun) {
  // Long runs are copied in 16-byte blocks; a space pair may straddle two blocks.
  for (size_t k = 1; k < 40; ++k) {
    const std::string left(k, 'x');
    const std::string right(40, 'y');
    EXPECT_EQ(text(left + "  " + right), left + " " + right) << k;
    EXPECT_EQ(text(left + " \n " + right + "&amp;"), left + " " + right + "&") << k;
  }
}

TEST(HtmlToText, AppendsToNonEmptyOutput) {
  std::string out = "Headline|";
  html_to_text("<p> Body </p><p>More</p>", out);
  EXPECT_EQ(out, "Headline|Body\n\nMore");
}

TEST(HtmlToText, EmptyInputLeavesOutputUnchanged) {
  std::string out = "keep ";
  html_to_text("", out);
  html_to_text("<p> </p><!-- -->", out);
  EXPECT_EQ(out, "keep ");
}

TEST(HtmlToText, OutputNeverExceedsInputLength) {
  // The converter grows `out` once by the input size and relies on this bound.
  const std::string_view worst[] = {"<p>a<p>b",  "&#1&#1&#1", "&lt&lt",
                                    "<br><br>x", "&#x10000;", "&ne;&ne;",
                                    "a<td>b",    "&#128",     "\xC2\xA0x\xC2\xA0y"};
  for (std::string_view html : worst) EXPECT_LE(text(html).size(), html.size()) << html;
}

// Random soup of markup fragments and bytes: whatever comes in, the output keeps its shape.
TEST(HtmlToText, RandomMarkupKeepsOutputInvariants) {
  static constexpr std::string_view kPieces[] = {
      "<p>",      "</p>",   "<br>",      "<div class=\"a>b\">",
      "<b>",      "</B>",   "<script>",  "</script>",
      "<!--",     "-->",    "<![CDATA[", "]]>",
      "&amp;",    "&nbsp;", "&#",        "&#x",
      "1",        "F",      ";",         "&eacute",
      "&",        "<",      ">",         "/",
      "'",        "\"",     "=",         " ",
      "  ",       "\n",     "\t",        "word",
      "\xC2\xA0", "\xC2",   "\xFF",      std::string_view("\0", 1),
      "<head>",   "<body>", "<td>",      "<li>",
      "<?",       "<!x",    "</"};
  uint64_t state = 7;
  auto roll = [&state](uint64_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string html;
    const auto pieces = roll(60);
    for (uint64_t i = 0; i < pieces; ++i) html += kPieces[roll(std::size(kPieces))];
    std::string out = "x";
    html_to_text(html, out);
    const std::string_view got = std::string_view(out).substr(1);
    ASSERT_LE(got.size(), html.size()) << html;
    if (got.empty()) continue;
    ASSERT_NE(got.front(), ' ') << html;
    ASSERT_NE(got.front(), '\n') << html;
    ASSERT_NE(got.back(), ' ') << html;
    ASSERT_NE(got.back(), '\n') << html;
    ASSERT_EQ(got.find("\n\n\n"), std::string_view::npos) << html;
    ASSERT_EQ(got.find("  "), std::string_view::npos) << html;
    ASSERT_EQ(got.find(" \n"), std::string_view::npos) << html;
    ASSERT_EQ(got.find("\n "), std::string_view::npos) << html;
    ASSERT_EQ(got.find('\0'), std::string_view::npos) << html;
    ASSERT_EQ(got.find('\t'), std::string_view::npos) << html;
  }
}

TEST(HtmlEntities, NoEntityDecodesLongerThanItsReference) {
  for (const auto& e : html::entity_table()) {
    const size_t utf8 = e.code_point < 0x80      ? 1
                        : e.code_point < 0x800   ? 2
                        : e.code_point < 0x10000 ? 3
                                                 : 4;
    EXPECT_LE(utf8, e.name.size() + (e.legacy ? 1 : 2)) << e.name;
    EXPECT_EQ(html::lookup_entity(e.name), e.code_point) << e.name;
  }
  EXPECT_GE(html::entity_table().size(), 250u);
}

}  // namespace
}  // namespace wirefeed
