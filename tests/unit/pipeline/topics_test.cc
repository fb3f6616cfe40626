#include "pipeline/topics.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/normalize.h"

namespace wirefeed {
namespace {

Story make_story(std::string headline, std::string body) {
  Story s;
  s.headline = std::move(headline);
  s.body = std::move(body);
  return s;
}

const TopicTagger& builtin_tagger() {
  static std::shared_ptr<const TopicTagger> t = [] {
    auto r = TopicTagger::load_builtin();
    EXPECT_TRUE(r.is_ok()) << r.status().message();
    return r.is_ok() ? r.value() : TopicTagger::builtin();
  }();
  return *t;
}

std::vector<TopicScore> tag(const TopicTagger& t, const Story& s) {
  std::vector<TopicScore> out;
  t.tag(s, out);
  return out;
}

bool has_top_level(const TopicTagger& t, const std::vector<TopicScore>& out, std::string_view top) {
  for (const auto& s : out) {
    if (t.top_level(s.qcode) == top) return true;
  }
  return false;
}

// A tiny in-memory taxonomy so that unit tests do not depend on the built-in lexicons.
constexpr std::string_view kTaxonomy =
    "# test taxonomy\n"
    "medtop:11000000\t\tpolitics\n"
    "medtop:15000000\t\tsport\n"
    "medtop:16000000\t\tconflict, war and peace\n"
    "medtop:20000574\tmedtop:11000000\telection\n";

Result<std::shared_ptr<const TopicTagger>> small_tagger(TopicConfig cfg = {}) {
  static const std::string politics = "topic medtop:11000000\n3 minister\n";
  static const std::string election = "topic medtop:20000574\n4 election\n5 exit poll\n";
  static const std::string sport = "topic medtop:15000000\n3 match\n3 goal\n";
  static const std::string conflict = "topic medtop:16000000\n3 war\n3 troops\n-4 price war\n";
  return TopicTagger::load_sources(kTaxonomy,
                                   {{"politics.lex", politics},
                                    {"election.lex", election},
                                    {"sport.lex", sport},
                                    {"conflict.lex", conflict}},
                                   cfg);
}

// A tagger of one lexicon file over the test taxonomy, every topic kept.
Result<std::shared_ptr<const TopicTagger>> one_lexicon_tagger(std::string_view lex) {
  return TopicTagger::load_sources(kTaxonomy, {{"one.lex", lex}},
                                   {.threshold = 0.0, .max_topics = 5});
}

struct TopCase {
  const char* qcode;
  const char* headline;
  const char* body;
};

// One story per top-level topic, written for these tests.
const TopCase kTopCases[] = {
    {"medtop:01000000", "Veteran actress returns to the stage in a new Broadway play",
     "The award-winning actress will star in the playwright's latest drama, which opens at the "
     "theatre "
     "next month after a sold-out run at a London festival. Critics praised the performance."},
    {"medtop:02000000", "Former mayor's aide charged with fraud",
     "Prosecutors said the aide was arrested on Tuesday and charged with fraud and money "
     "laundering. "
     "A judge set bail at the first hearing; the trial is expected next year."},
    {"medtop:03000000", "Earthquake flattens villages, dozens feared dead",
     "A magnitude 6.8 earthquake struck before dawn, collapsing homes. Rescue workers dug through "
     "the "
     "rubble for survivors as aftershocks shook the region and the death toll rose."},
    {"medtop:04000000", "Carmaker's quarterly profit beats forecasts, shares jump",
     "The company reported revenue of 12 billion euros and raised its outlook for the year. "
     "Investors "
     "welcomed the results and analysts said demand for its new models was strong."},
    {"medtop:05000000", "Schools to hire 2,000 more teachers",
     "The education ministry said pupils in primary schools would get smaller classes. "
     "Universities "
     "will also train more students as teachers under the new curriculum plan."},
    {"medtop:06000000", "Glaciers retreating faster as emissions rise, climate report says",
     "Greenhouse gas emissions and pollution keep climbing, the report said, threatening wildlife "
     "habitats and biodiversity. Conservation groups urged a faster move to renewable energy."},
    {"medtop:07000000", "Hospitals brace for flu season as vaccine supplies run short",
     "Doctors urged patients at risk to get vaccinated. The health ministry said the outbreak of "
     "influenza had already filled clinics and some hospitals postponed surgery."},
    {"medtop:08000000", "Dog rescued after a week trapped in a garden well",
     "The family pet, a nine-year-old dog, was found alive by neighbours who heard barking. The "
     "owner "
     "said the animal was hungry but otherwise fine."},
    {"medtop:09000000", "Rail workers vote to strike over pay",
     "The union said members backed industrial action after wage talks with employers broke down. "
     "Workers want a pay rise in line with prices and guarantees against job cuts."},
    {"medtop:10000000", "Ten hidden beaches for a quiet summer holiday",
     "Tourists looking for a break from crowded resorts can try these spots. Our travel writer "
     "also "
     "picks a few restaurants where the chef cooks the day's catch."},
    {"medtop:11000000", "Prime minister calls snap election after coalition collapses",
     "The prime minister said voters should decide, and parliament will be dissolved next week. "
     "Opposition parties welcomed the vote and began campaigning."},
    {"medtop:12000000", "Pope urges dialogue between faiths on visit to mosque",
     "The pontiff met the imam and Muslim and Christian leaders. Thousands of pilgrims gathered "
     "outside the cathedral for prayers before the Mass."},
    {"medtop:13000000", "Astronomers spot water vapour on distant planet",
     "Scientists using a space telescope found traces of water in the planet's atmosphere. The "
     "research, published in a peer-reviewed journal, is a first for a rocky world outside the "
     "solar "
     "system."},
    {"medtop:14000000", "Charities warn of rising homelessness among families",
     "Poverty and the cost of housing pushed more families and children into homelessness, "
     "volunteers at a shelter said. Welfare groups called for more social housing."},
    {"medtop:15000000", "Late goal sends champions into cup final",
     "The striker scored in stoppage time as the champions beat their rivals 2-1 in the "
     "semi-final. "
     "The coach praised the team and the fans in a packed stadium."},
    {"medtop:16000000", "Rebels shell border town as fighting intensifies",
     "Troops and rebels exchanged artillery fire through the night, and an air strike hit a "
     "militia "
     "base. The army said dozens of fighters were killed in the offensive."},
    {"medtop:17000000", "Heavy snow and freezing temperatures forecast for the weekend",
     "Forecasters warned of snowfall, icy roads and strong winds. The weather service said "
     "temperatures would fall well below zero overnight."},
};

TEST(TopicsBuiltin, LoadsEveryTopLevelTopic) {
  auto r = TopicTagger::load_builtin();
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  for (int i = 1; i <= 17; ++i) {
    std::string code = "medtop:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "000000";
    EXPECT_EQ(r.value()->top_level(code), code);
    EXPECT_FALSE(r.value()->name(code).empty()) << code;
  }
}

TEST(TopicsBuiltin, EachTopLevelTopicHasAStoryThatTagsItFirst) {
  const TopicTagger& t = builtin_tagger();
  for (const TopCase& c : kTopCases) {
    auto out = tag(t, make_story(c.headline, c.body));
    ASSERT_FALSE(out.empty()) << c.qcode << ": " << c.headline;
    EXPECT_EQ(t.top_level(out[0].qcode), c.qcode) << c.headline << " -> " << out[0].name;
  }
}

// Longer stories (three paragraphs, with the side-topics real copy has), one per top level.
TEST(TopicsBuiltin, FixtureArticlesTagTheirTopLevelFirst) {
  std::ifstream in(WIREFEED_SOURCE_DIR "/tests/fixtures/topics/stories.jsonl");
  ASSERT_TRUE(in);
  const TopicTagger& t = builtin_tagger();
  simdjson::dom::parser parser;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS);
    std::string_view headline, body, want;
    ASSERT_EQ(doc["headline"].get_string().get(headline), simdjson::SUCCESS);
    ASSERT_EQ(doc["body"].get_string().get(body), simdjson::SUCCESS);
    ASSERT_EQ(doc["topics"].at(0).get_string().get(want), simdjson::SUCCESS);
    auto out = tag(t, make_story(std::string(headline), std::string(body)));
    ASSERT_FALSE(out.empty()) << headline;
    EXPECT_EQ(t.top_level(out[0].qcode), want)
        << headline << "\n"
        << t.explain(make_story(std::string(headline), std::string(body)));
    ++n;
  }
  EXPECT_EQ(n, 17u);
}

// Three stories per top level (more for economy, science and sport) whose bodies borrow other
// beats' words: a murder outside a stadium, a finance minister facing an election, a sprinter's
// doping ban, a budget vote. The top level must be one of the labelled ones (a migration story
// is politics or society: IPTC files migration under government policy).
TEST(TopicsBuiltin, HardFixtureArticlesTagALabelledTopLevelFirst) {
  std::ifstream in(WIREFEED_SOURCE_DIR "/tests/fixtures/topics/hard_stories.jsonl");
  ASSERT_TRUE(in);
  const TopicTagger& t = builtin_tagger();
  simdjson::dom::parser parser;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS);
    std::string_view headline, body;
    simdjson::dom::array labels;
    ASSERT_EQ(doc["headline"].get_string().get(headline), simdjson::SUCCESS);
    ASSERT_EQ(doc["body"].get_string().get(body), simdjson::SUCCESS);
    ASSERT_EQ(doc["topics"].get_array().get(labels), simdjson::SUCCESS);
    Story story = make_story(std::string(headline), std::string(body));
    auto out = tag(t, story);
    ASSERT_FALSE(out.empty()) << headline;
    bool ok = false;
    for (auto l : labels) {
      std::string_view want;
      ASSERT_EQ(l.get_string().get(want), simdjson::SUCCESS);
      ok = ok || t.top_level(out[0].qcode) == want;
    }
    EXPECT_TRUE(ok) << headline << " -> " << out[0].name << "\n" << t.explain(story);
    ++n;
  }
  EXPECT_EQ(n, 54u);
}

TEST(TopicsBuiltin, ConcurrentTaggingMatchesSequential) {
  const TopicTagger& t = builtin_tagger();
  std::vector<std::vector<TopicScore>> want;
  for (const TopCase& c : kTopCases) want.push_back(tag(t, make_story(c.headline, c.body)));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w) {
    threads.emplace_back([&, w] {
      std::vector<TopicScore> out;
      for (int round = 0; round < 200; ++round) {
        size_t i = static_cast<size_t>(round + w) % std::size(kTopCases);
        t.tag(make_story(kTopCases[i].headline, kTopCases[i].body), out);
        bool same = out.size() == want[i].size();
        for (size_t k = 0; same && k < out.size(); ++k) {
          same = out[k].qcode == want[i][k].qcode && out[k].score == want[i][k].score;
        }
        mismatches[w] += !same;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(TopicsBuiltin, DefencePactIsPoliticsAndConflict) {
  const TopicTagger& t = builtin_tagger();
  auto out =
      tag(t, make_story("Neighbours sign defence pact as border war rages",
                        "The two presidents signed the defence pact at a summit, pledging troops "
                        "and weapons against the rebels. The foreign ministers said the treaty "
                        "would be put to parliament next month."));
  EXPECT_TRUE(has_top_level(t, out, "medtop:11000000"));
  EXPECT_TRUE(has_top_level(t, out, "medtop:16000000"));
}

TEST(TopicsBuiltin, SecondLevelTopicsResolveToTheirAncestors) {
  const TopicTagger& t = builtin_tagger();
  auto out =
      tag(t, make_story("Striker's late goal wins the Premier League derby",
                        "The midfielder set up the goal and the goalkeeper saved a penalty."));
  ASSERT_FALSE(out.empty());
  bool soccer = false;
  for (const auto& s : out) soccer |= s.qcode == "medtop:20001065";
  EXPECT_TRUE(soccer);
  EXPECT_EQ(t.top_level("medtop:20001065"), "medtop:15000000");
  EXPECT_EQ(t.top_level("medtop:20000639"), "medtop:11000000");  // diplomacy
  EXPECT_EQ(t.top_level("medtop:99999999"), "");
}

TEST(TopicsBuiltin, ScoresAreBetweenZeroAndOneAndBestFirst) {
  const TopicTagger& t = builtin_tagger();
  for (const TopCase& c : kTopCases) {
    auto out = tag(t, make_story(c.headline, c.body));
    for (size_t i = 0; i < out.size(); ++i) {
      EXPECT_GT(out[i].score, 0.0);
      EXPECT_LE(out[i].score, 1.0);
      if (i > 0) {
        EXPECT_GE(out[i - 1].score, out[i].score);
      }
    }
    EXPECT_LE(out.size(), t.config().max_topics);
  }
}

TEST(TopicsBuiltin, UntopicalTextGetsNoTopics) {
  auto out = tag(builtin_tagger(), make_story("", "the and of to a in is it that"));
  EXPECT_TRUE(out.empty());
}

TEST(Topics, UriIsDerivedFromTheQcode) {
  EXPECT_EQ(TopicTagger::uri("medtop:15000000"),
            "http://cv.iptc.org/newscodes/mediatopic/15000000");
}

TEST(Topics, ThresholdDropsWeakTopics) {
  Story s = make_story("", "The minister watched the match.");
  auto loose = small_tagger({.threshold = 0.0, .max_topics = 5});
  auto strict = small_tagger({.threshold = 0.5, .max_topics = 5, .keep_best = false});
  ASSERT_TRUE(loose.is_ok() && strict.is_ok());
  EXPECT_EQ(tag(*loose.value(), s).size(), 2u);
  EXPECT_TRUE(tag(*strict.value(), s).empty());  // two weak cues, each a half share
}

TEST(Topics, KeepBestReturnsTheLeadingTopicBelowTheThreshold) {
  auto t = small_tagger({.threshold = 0.9, .max_topics = 5, .keep_best = true});
  ASSERT_TRUE(t.is_ok());
  // One weak cue each, the headline's counting double: sport leads but stays below 0.9.
  auto out = tag(*t.value(), make_story("Match", "The minister spoke."));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].qcode, "medtop:15000000");
  EXPECT_LT(out[0].score, 0.9);
  // Without any evidence there is still nothing to keep.
  EXPECT_TRUE(tag(*t.value(), make_story("Hello", "Nothing here.")).empty());
  // A topic that reaches the threshold is returned alone, as before.
  auto loose = small_tagger({.threshold = 0.2, .max_topics = 5, .keep_best = true});
  ASSERT_TRUE(loose.is_ok());
  auto two = tag(*loose.value(), make_story("", "The minister watched the match."));
  EXPECT_EQ(two.size(), 2u);
}

TEST(Topics, MaxTopicsCapsTheOutput) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 1});
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(
      tag(*t.value(), make_story("War", "The minister watched the match as troops left.")).size(),
      1u);
}

TEST(Topics, HeadlineOutweighsBody) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  auto a = tag(*t.value(), make_story("Match abandoned", "Troops were deployed nearby."));
  auto b = tag(*t.value(), make_story("Troops deployed", "The match was abandoned."));
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  // Same words, one cue each side: whichever is in the headline wins.
  EXPECT_EQ(a[0].qcode, "medtop:15000000");
  EXPECT_EQ(b[0].qcode, "medtop:16000000");
}

TEST(Topics, PhrasesMatchAcrossTokensAndOutweighWords) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  auto out = tag(*t.value(), make_story("", "An exit poll, published by the minister's office."));
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].qcode, "medtop:11000000");  // politics gets election's evidence as well
  bool election = false;
  for (const auto& s : out) election |= s.qcode == "medtop:20000574";
  EXPECT_TRUE(election);
}

TEST(Topics, ChildEvidenceFlowsToTheParent) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  auto out = tag(*t.value(), make_story("Election", ""));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].qcode, "medtop:11000000");
  EXPECT_EQ(out[1].qcode, "medtop:20000574");
  EXPECT_DOUBLE_EQ(out[0].score, out[1].score);
}

TEST(Topics, NegativeCueCancelsEvidence) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  EXPECT_TRUE(tag(*t.value(), make_story("Supermarkets start a price war", "")).empty());
  EXPECT_FALSE(tag(*t.value(), make_story("Neighbours go to war", "")).empty());
}

TEST(Topics, PluralsAndCaseAreNormalised) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  auto out = tag(*t.value(), make_story("GOALS GALORE", ""));
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].qcode, "medtop:15000000");
}

// Text is not stemmed (topics read the tokens dedup reads); each lexicon word is entered in every
// form that folds onto its stem, so either side may be the plural.
TEST(Topics, EveryPluralFormOfALexiconWordMatches) {
  static const std::string lex =
      "topic medtop:11000000\n3 company\n3 banks\n4 interest rate\n3 Moody's\n3 bus\n3 FLY\n";
  auto t = one_lexicon_tagger(lex);
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  for (const char* text :
       {"company", "Companies", "bank", "BANKS", "interest rates", "interests rate", "Moody's",
        "Moody\xE2\x80\x99s", "bus", "flies", "Fly"}) {
    EXPECT_EQ(tag(*t.value(), make_story("", text)).size(), 1u) << text;
  }
  for (const char* text : {"compan", "interest", "rate", "buses", "Moody"}) {
    EXPECT_TRUE(tag(*t.value(), make_story("", text)).empty()) << text;
  }
}

// "troops" and "troop" are one term: the second counts as a repeat (1/2), as a second "troops"
// does, not as a new cue.
TEST(Topics, FormsOfOneTermCountAsRepeats) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  const std::string same = t.value()->explain(make_story("", "troops and troops"));
  const std::string mixed = t.value()->explain(make_story("", "troops and troop"));
  EXPECT_NE(same.find("+1.50 conflict"), std::string::npos) << same;
  EXPECT_NE(mixed.find("+1.50 conflict"), std::string::npos) << mixed;
  auto a = tag(*t.value(), make_story("", "war, troops and troops"));
  auto b = tag(*t.value(), make_story("", "war, troops and troop"));
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_DOUBLE_EQ(a[0].score, b[0].score);
}

// The pipeline tags the normalised text it already has; tag(Story) normalises the story itself
// the same way, so both give the same result.
TEST(Topics, TaggingTheNormalisedTextMatchesTaggingTheStory) {
  const TopicTagger& t = builtin_tagger();
  for (const TopCase& c : kTopCases) {
    NormalizedText norm;
    normalize_story(c.headline, c.body, CreditResult{}, BoilerplatePatterns::builtin(), norm);
    std::vector<TopicScore> from_norm;
    t.tag(norm, from_norm);
    auto from_story = tag(t, make_story(c.headline, c.body));
    ASSERT_EQ(from_norm.size(), from_story.size()) << c.headline;
    for (size_t i = 0; i < from_norm.size(); ++i) {
      EXPECT_EQ(from_norm[i].qcode, from_story[i].qcode) << c.headline;
      EXPECT_DOUBLE_EQ(from_norm[i].score, from_story[i].score) << c.headline;
    }
  }
}

TEST(Topics, LoadDirReadsLexiconFiles) {
  auto r = TopicTagger::load_dir(WIREFEED_SOURCE_DIR "/tests/fixtures/topics/good", {});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  auto out = tag(*r.value(), make_story("Ceasefire agreement signed", ""));
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].qcode, "medtop:16000000");
  EXPECT_EQ(out[0].name, "conflict, war and peace");  // label from the taxonomy
}

TEST(Topics, BadLexiconErrorNamesFileAndLine) {
  auto r = TopicTagger::load_dir(WIREFEED_SOURCE_DIR "/tests/fixtures/topics/bad", {});
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("broken.lex:3:"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("not a number"), std::string::npos) << r.status().message();
}

TEST(Topics, LexiconProblemsAreReported) {
  struct Case {
    std::string text;
    std::string expect;
  };
  const Case cases[] = {
      {"3 war\n", "x.lex:1: expected 'topic"},
      {"topic medtop:12345678\n", "x.lex:1: unknown topic"},
      {"topic medtop:16000000\n\n11 war\n", "x.lex:3: weight 11 out of range"},
      {"topic medtop:16000000\n3 war\n2 wars\n", "x.lex:3: duplicate term"},
      {"topic medtop:16000000\n3 !!!\n", "x.lex:2: term has no letters"},
      {"topic medtop:16000000\n3war\n", "x.lex:2: expected '<weight>"},
      {"# nothing\n", "x.lex: no 'topic' directive"},
  };
  for (const Case& c : cases) {
    auto r = TopicTagger::load_sources(kTaxonomy, {{"x.lex", c.text}}, {});
    ASSERT_FALSE(r.is_ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.expect), std::string::npos) << r.status().message();
  }
}

TEST(Topics, UnicodePunctuationSeparatesWords) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  // Curly apostrophe and em dash around the cue words.
  auto out = tag(*t.value(), make_story("The minister\xE2\x80\x99s war\xE2\x80\x94"
                                        "again",
                                        ""));
  EXPECT_EQ(out.size(), 2u);
}

TEST(Topics, WordsMatchAtEveryAlignment) {
  // The tokenizer reads 8 bytes at a time; a long cue must match wherever it starts and ends.
  static const std::string lex =
      "topic medtop:16000000\n3 counterinsurgency\n4 peacekeeping force\n";
  auto t = one_lexicon_tagger(lex);
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  for (size_t pad = 0; pad < 9; ++pad) {
    for (const char* tail : {"", ".", " and more", "s"}) {
      std::string body = std::string(pad, 'x') + " COUNTERINSURGENCY" + tail;
      auto out = tag(*t.value(), make_story("", body));
      ASSERT_EQ(out.size(), 1u) << "'" << body << "'";
      auto phrase =
          tag(*t.value(), make_story("", std::string(pad, ' ') + "a Peacekeeping\tforce" + tail));
      ASSERT_EQ(phrase.size(), 1u) << pad << tail;
    }
  }
  // Letters outside ASCII are part of a word, not a break in it.
  EXPECT_TRUE(tag(*t.value(), make_story("", "counterinsurgency\xC3\xA9")).empty());
}

// Phrases led by "the", "a", "to", "at"... are matched from their second word, one token looked
// back, so that those words are no live phrase prefixes: the same matches as reading forward.
TEST(Topics, PhrasesLedByAFunctionWordMatchWherever) {
  static const std::string lex =
      "topic medtop:16000000\n4 the accused\n4 AT&T wireless\n3 new york\n3 the york\n";
  auto t = one_lexicon_tagger(lex);
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  const TopicTagger& tagger = *t.value();
  // At the start, further in, and across the tagger's chunks of 64 tokens (pad 63: "the" ends one
  // chunk, "accused" starts the next).
  for (size_t pad = 0; pad < 70; ++pad) {
    std::string body;
    for (size_t i = 0; i < pad; ++i) body += "word ";
    body += "the accused";
    EXPECT_NE(tagger.explain(make_story("", body)).find("body     \"the accused\" +4.00"),
              std::string::npos)
        << pad;
  }
  EXPECT_NE(tagger.explain(make_story("The Accused speaks", "")).find("headline \"the accused\""),
            std::string::npos);
  // "AT&T" reads as "at" "t": a three-word phrase led by a look-back word.
  EXPECT_NE(tagger.explain(make_story("", "Customers of AT&T Wireless")).find("\"AT&T wireless\""),
            std::string::npos);
  // "york" after "new" (a forward phrase) and after "the" (a look-back one): each matched once.
  const std::string e = tagger.explain(make_story("", "New York and the York"));
  auto count = [&e](const std::string& needle) {
    size_t n = 0;
    for (size_t p = e.find(needle); p != std::string::npos; p = e.find(needle, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("\"new york\""), 1u) << e;
  EXPECT_EQ(count("\"the york\""), 1u) << e;
  // Only right after the first word.
  EXPECT_TRUE(tag(tagger, make_story("", "an accused man; the\nformer accused")).empty());
  EXPECT_TRUE(tag(tagger, make_story("The", "accused")).empty()) << "no phrase across fields";
}

TEST(Topics, ExplainListsMatchesAndResult) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  std::string e = t.value()->explain(make_story("Exit poll", "The minister spoke."));
  EXPECT_NE(e.find("headline \"exit poll\" +10.00 election"), std::string::npos) << e;
  EXPECT_NE(e.find("body     \"minister\" +3.00 politics"), std::string::npos) << e;
  // E = 13, confidence 1 - exp(-13/6) = 0.885; politics holds all of it.
  EXPECT_NE(e.find("=> 0.885 medtop:11000000 politics"), std::string::npos) << e;
}

TEST(Topics, TagClearsPreviousResults) {
  auto t = small_tagger({.threshold = 0.0, .max_topics = 5});
  ASSERT_TRUE(t.is_ok());
  std::vector<TopicScore> out;
  t.value()->tag(make_story("War", ""), out);
  ASSERT_FALSE(out.empty());
  t.value()->tag(make_story("", "nothing here"), out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace wirefeed

namespace wirefeed {
namespace {

// Regression: text ending in the first two bytes of a curly quote or dash (E2 80 / E2 81, a
// headline cut mid-character) made the tokenizer loop forever.
TEST(TopicsBuiltin, TextEndingInACutMultibyteCharacterReturns) {
  const TopicTagger& t = builtin_tagger();
  for (const char* tail : {"\xE2\x80", "\xE2\x81", "\xE2"}) {
    auto out = tag(t, make_story(std::string("Election results ") + tail,
                                 std::string("Voters went to the polls in the election ") + tail));
    EXPECT_FALSE(out.empty());
  }
}

}  // namespace
}  // namespace wirefeed

namespace wirefeed {
namespace {

std::string_view first_top_level(const TopicTagger& t, const Story& s) {
  auto out = tag(t, s);
  return out.empty() ? std::string_view() : t.top_level(out.front().qcode);
}

// Issue #6 lexicon cases, each a story whose other beat's words used to win.
TEST(TopicsBuiltin, RocketFireIsConflictNotSpaceflight) {
  const TopicTagger& t = builtin_tagger();
  EXPECT_EQ(first_top_level(t, make_story("Rockets hit border town overnight",
                                          "Militants fired rockets from the hills overnight. "
                                          "Two Qassam rockets landed near a school and the army "
                                          "said it returned fire. The rocket attack wounded "
                                          "three residents, hospital officials said.")),
            "medtop:16000000");
}

TEST(TopicsBuiltin, LunarEclipseIsScience) {
  const TopicTagger& t = builtin_tagger();
  EXPECT_EQ(first_top_level(t, make_story("Stargazers turn out for total lunar eclipse",
                                          "Thousands of people gathered in parks on Wednesday "
                                          "night to watch the moon turn a coppery red. "
                                          "Astronomers at the city observatory said the next "
                                          "total lunar eclipse visible from Europe is three "
                                          "years away.")),
            "medtop:13000000");
}

TEST(TopicsBuiltin, NetworkingProductLaunchIsTechnology) {
  const TopicTagger& t = builtin_tagger();
  EXPECT_EQ(first_top_level(t, make_story("Equipment maker to enter switch market",
                                          "The company plans to unveil its first load "
                                          "balancing switch this month, with SSL acceleration "
                                          "for corporate networks. The device links storage "
                                          "area network equipment and supports VPN tunnels, a "
                                          "spokesman for the company said.")),
            "medtop:13000000");
}

TEST(TopicsBuiltin, CricketBattingCollapseIsSport) {
  const TopicTagger& t = builtin_tagger();
  EXPECT_EQ(first_top_level(t, make_story("Hosts slump to batting collapse on day two",
                                          "The hosts lost six wickets for 40 runs after lunch. "
                                          "Their first innings closed on 199 and the visitors "
                                          "lead by 275 runs with eight wickets standing.")),
            "medtop:15000000");
}

}  // namespace
}  // namespace wirefeed
