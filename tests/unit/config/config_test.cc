#include "config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace wirefeed {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSourceDir = WIREFEED_SOURCE_DIR;

Config load_ok(std::string_view toml) {
  Result<Config> r = load_config_string(toml, "t.toml");
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.is_ok() ? r.value() : Config{};
}

std::string load_error(std::string_view toml) {
  Result<Config> r = load_config_string(toml, "t.toml");
  EXPECT_FALSE(r.is_ok()) << "expected an error for:\n" << toml;
  return r.is_ok() ? std::string() : r.status().message();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const KafkaProperty* find_property(const std::vector<KafkaProperty>& props, std::string_view name) {
  for (const KafkaProperty& p : props) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// Sets an environment variable for the life of one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (value == nullptr) {
      unsetenv(name);
    } else {
      setenv(name, value, 1);
    }
  }
  ~ScopedEnv() { unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

// ---- defaults ----

TEST(ConfigDefaults, MatchTheDocumentedValues) {
  const Config c = default_config();
  EXPECT_EQ(c.kafka.brokers, "localhost:9092");
  EXPECT_EQ(c.kafka.group_id, "wirefeed");
  EXPECT_EQ(c.kafka.input_topics, std::vector<std::string>{"wire.raw"});
  EXPECT_EQ(c.kafka.enriched_topic, "wire.enriched");
  EXPECT_EQ(c.kafka.duplicates_topic, "wire.duplicates");
  EXPECT_EQ(c.kafka.dead_letter_topic, "wire.dlq");
  EXPECT_EQ(c.kafka.changelog_topic, "wirefeed.dedup-changelog");
  EXPECT_EQ(c.kafka.instance_id, "");
  EXPECT_TRUE(c.kafka.consumer.empty());
  EXPECT_TRUE(c.kafka.producer.empty());
  EXPECT_EQ(c.pipeline.delivery, Delivery::kAtLeastOnce);
  EXPECT_TRUE(c.pipeline.route_duplicates);
  EXPECT_EQ(c.pipeline.output_key, OutputKey::kUri);
  EXPECT_EQ(c.pipeline.max_message_bytes, 10 * 1024 * 1024);
  EXPECT_EQ(c.pipeline.max_in_flight, 20000);
  EXPECT_EQ(c.pipeline.threads, 0);
  EXPECT_TRUE(c.dedup.enabled);
  EXPECT_EQ(c.dedup.window_hours, 72);
  EXPECT_EQ(c.dedup.max_stories, 2000000);
  EXPECT_EQ(c.dedup.max_partition_skew_minutes, 72 * 60);
  EXPECT_DOUBLE_EQ(c.dedup.near_duplicate_threshold, 0.6);
  EXPECT_DOUBLE_EQ(c.dedup.containment_threshold, 0.8);
  EXPECT_DOUBLE_EQ(c.topics.threshold, 0.2);
  EXPECT_EQ(c.topics.max_topics, 5);
  EXPECT_EQ(c.topics.model, "");
  EXPECT_EQ(c.transactions.commit_interval_ms, 100);
  EXPECT_EQ(c.transactions.commit_every, 1000);
  EXPECT_EQ(c.shutdown.timeout_ms, 30000);
  EXPECT_EQ(c.stats.interval_s, 10);
  EXPECT_EQ(c.stats.latency_slo_ms, 50);
  EXPECT_EQ(c.logging.level, "info");
  EXPECT_EQ(c.logging.format, LogFormat::kText);
  EXPECT_EQ(c.logging.file_max_mb, 100);
  EXPECT_EQ(c.logging.file_max_files, 5);
  EXPECT_EQ(c.demo.print_records, 3);
}

TEST(ConfigDefaults, EmptyDocumentGivesTheDefaults) {
  const Config c = load_ok("");
  EXPECT_EQ(render_effective_config(c), render_effective_config([] {
              Config d = default_config();
              d.source = "t.toml";
              return d;
            }()));
}

TEST(ConfigDefaults, EffectiveThreadsResolvesZeroAndStaysInRange) {
  PipelineConfig p;
  p.threads = 0;
  EXPECT_GE(effective_threads(p), 1);
  EXPECT_LE(effective_threads(p), 64);
  p.threads = 7;
  EXPECT_EQ(effective_threads(p), 7);
}

TEST(ConfigDefaults, InstanceIdDerivedFromHostUnlessSet) {
  KafkaConfig k;
  EXPECT_EQ(effective_instance_id(k).rfind("wirefeed", 0), 0u);
  k.instance_id = "ingest-a";
  EXPECT_EQ(effective_instance_id(k), "ingest-a");
}

// ---- shipped files ----

TEST(ConfigFiles, ExampleFileParses) {
  ScopedEnv brokers("WIREFEED_BROKERS", nullptr);
  ScopedEnv level("WIREFEED_LOG_LEVEL", nullptr);
  Result<Config> r = load_config_file(kSourceDir + "/config/wirefeed.example.toml");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->kafka.brokers, "localhost:9092");
  EXPECT_EQ(r->logging.level, "info");
  const KafkaProperty* p = find_property(r->kafka.consumer, "session.timeout.ms");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->value, "45000");
}

TEST(ConfigFiles, LocalAndDemoFilesParse) {
  ScopedEnv brokers("WIREFEED_BROKERS", nullptr);
  Result<Config> local = load_config_file(kSourceDir + "/config/wirefeed.toml");
  ASSERT_TRUE(local.is_ok()) << local.status().message();
  EXPECT_EQ(local->kafka.brokers, "localhost:9092");
  Result<Config> demo = load_config_file(kSourceDir + "/config/demo.toml");
  ASSERT_TRUE(demo.is_ok()) << demo.status().message();
  EXPECT_TRUE(demo->kafka.embedded());
}

// Every key render_effective_config prints (that is, every key there is) must be documented in
// the example file and in the reference, so neither can fall behind the code.
TEST(ConfigFiles, ExampleAndReferenceDocumentEveryKey) {
  const std::string example = read_file(kSourceDir + "/config/wirefeed.example.toml");
  const std::string reference = read_file(kSourceDir + "/docs/configuration.md");
  std::istringstream lines(render_effective_config(default_config()));
  std::string line, section;
  int keys = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      section = line.substr(1, line.size() - 2);
      EXPECT_THAT(example, HasSubstr(line)) << "section missing from the example";
      continue;
    }
    const std::string key = line.substr(0, line.find(" = "));
    EXPECT_THAT(example, HasSubstr("\n" + key + " = ")) << section << "." << key;
    EXPECT_THAT(reference, HasSubstr("`" + section + "." + key + "`")) << section << "." << key;
    ++keys;
  }
  EXPECT_EQ(keys, 40);  // proves the loop saw the whole rendering; update when adding a key
}

TEST(ConfigFiles, MissingFileIsAnErrorNamingThePath) {
  Result<Config> r = load_config_file("/nonexistent/wirefeed.toml");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), "config");
  EXPECT_THAT(r.status().message(), HasSubstr("/nonexistent/wirefeed.toml: cannot open"));
}

// Regression: a directory opened as a file read as empty and silently gave all the defaults.
TEST(ConfigFiles, DirectoryIsAnErrorNotAnEmptyConfig) {
  Result<Config> r = load_config_file(kSourceDir + "/config");
  ASSERT_FALSE(r.is_ok());
  EXPECT_THAT(r.status().message(), HasSubstr("is a directory"));
}

TEST(ConfigFiles, EmptyFileGivesTheDefaults) {
  Result<Config> r = load_config_file(kSourceDir + "/tests/fixtures/config/empty.toml");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->kafka.brokers, "localhost:9092");
  EXPECT_TRUE(r->warnings.empty());
}

// ---- errors, each with its exact position ----

TEST(ConfigErrors, UnknownKeyHasPositionAndSuggestion) {
  EXPECT_EQ(load_error("[pipeline]\nthreads = 2\ntreads = 4\n"),
            "t.toml:3:1: unknown key 'pipeline.treads' (did you mean 'threads'?)");
}

TEST(ConfigErrors, UnknownKeyWithNothingCloseHasNoSuggestion) {
  EXPECT_EQ(load_error("[stats]\n\n  colour = 1\n"), "t.toml:3:3: unknown key 'stats.colour'");
}

TEST(ConfigErrors, KeyInTheWrongSectionNamesItsSection) {
  EXPECT_EQ(load_error("[dedup]\nthreads = 2\n"),
            "t.toml:2:1: unknown key 'dedup.threads' (it belongs in [pipeline])");
}

TEST(ConfigErrors, TopLevelKeyNamesItsSection) {
  EXPECT_EQ(load_error("brokers = \"b:1\"\n"),
            "t.toml:1:1: unknown key 'brokers' (it belongs in [kafka])");
}

// Every prefix of the example file is a truncated document: each must come back as a value
// (loaded or an error with a position), never an exception or a crash.
TEST(ConfigErrors, TruncatedDocumentsNeverThrow) {
  const std::string example = read_file(kSourceDir + "/config/wirefeed.example.toml");
  ASSERT_FALSE(example.empty());
  for (size_t n = 0; n <= example.size(); n += 7) {
    Result<Config> r = load_config_string(std::string_view(example).substr(0, n), "t.toml");
    if (!r.is_ok()) {
      EXPECT_EQ(r.status().message().rfind("t.toml:", 0), 0u) << n;
    }
  }
}

TEST(ConfigErrors, UnknownSectionIsReported) {
  EXPECT_EQ(load_error("# c\n[pipelin]\nthreads = 2\n"),
            "t.toml:2:2: unknown section 'pipelin' (did you mean 'pipeline'?)");
}

TEST(ConfigErrors, UnknownNestedSectionUnderKafkaIsReported) {
  EXPECT_EQ(load_error("[kafka]\nbrokers = \"b:1\"\n[kafka.consmer]\n\"a.b\" = 1\n"),
            "t.toml:3:8: unknown section 'kafka.consmer' (did you mean 'consumer'?)");
}

TEST(ConfigErrors, WrongTypeReportsValuePosition) {
  EXPECT_EQ(load_error("[pipeline]\nmax_in_flight = \"lots\"\n"),
            "t.toml:2:17: 'pipeline.max_in_flight' must be an integer, got string");
}

TEST(ConfigErrors, SectionThatIsNotATableIsATypeError) {
  EXPECT_EQ(load_error("dedup = true\n"), "t.toml:1:9: 'dedup' must be a table, got boolean");
}

TEST(ConfigErrors, TomlSyntaxErrorReportsPosition) {
  const std::string msg = load_error("[pipeline]\nthreads = 2\nroute_duplicates = \n");
  EXPECT_EQ(msg.rfind("t.toml:3:", 0), 0u) << msg;
}

TEST(ConfigErrors, OutOfRangeIntegerReportsRange) {
  EXPECT_EQ(load_error("[pipeline]\n\nthreads = 65\n"),
            "t.toml:3:11: 'pipeline.threads' must be between 0 and 64, got 65");
}

TEST(ConfigErrors, LatencyObjectiveMustBePositive) {
  EXPECT_EQ(load_error("[stats]\nlatency_slo_ms = 0\n"),
            "t.toml:2:18: 'stats.latency_slo_ms' must be between 1 and 3600000, got 0");
}

TEST(ConfigErrors, PartitionSkewIsMinutesUpToAYear) {
  EXPECT_EQ(load_error("[dedup]\nmax_partition_skew_minutes = -1\n"),
            "t.toml:2:30: 'dedup.max_partition_skew_minutes' must be between 0 and 527040, got -1");
}

TEST(ConfigErrors, ThresholdOutsideZeroToOneIsRejected) {
  EXPECT_EQ(load_error("[dedup]\nnear_duplicate_threshold = 1.5\n"),
            "t.toml:2:28: 'dedup.near_duplicate_threshold' must be greater than 0 and at most 1, "
            "got 1.5");
}

TEST(ConfigErrors, IntegerIsAcceptedWhereAFractionIsExpected) {
  EXPECT_DOUBLE_EQ(load_ok("[topics]\nthreshold = 1\n").topics.threshold, 1.0);
}

TEST(ConfigErrors, TopicModelIsAPath) {
  EXPECT_EQ(load_ok("[topics]\nmodel = \"/var/lib/wirefeed/topics.bin\"\n").topics.model,
            "/var/lib/wirefeed/topics.bin");
  EXPECT_THAT(load_error("[topics]\nmodel = 3\n"), HasSubstr("'topics.model' must be a string"));
}

TEST(ConfigErrors, UnknownEnumValueListsTheChoices) {
  EXPECT_EQ(load_error("[pipeline]\ndelivery = \"exactly-twice\"\n"),
            "t.toml:2:12: 'pipeline.delivery' must be one of 'at-least-once', 'exactly-once', got "
            "'exactly-twice'");
}

TEST(ConfigErrors, UnknownLogLevelIsRejected) {
  EXPECT_THAT(load_error("[logging]\nlevel = \"verbose\"\n"),
              HasSubstr("t.toml:2:9: 'logging.level' must be one of"));
}

TEST(ConfigErrors, EmptyTopicIsRejected) {
  EXPECT_EQ(load_error("[kafka]\nenriched_topic = \"\"\n"),
            "t.toml:2:18: 'kafka.enriched_topic' must not be empty");
}

TEST(ConfigErrors, EmptyInputTopicListIsRejected) {
  EXPECT_EQ(load_error("[kafka]\ninput_topics = []\n"),
            "t.toml:2:16: 'kafka.input_topics' must name at least one topic");
}

TEST(ConfigErrors, InputTopicElementOfWrongTypePointsAtTheElement) {
  EXPECT_EQ(load_error("[kafka]\ninput_topics = [\"a\", 7]\n"),
            "t.toml:2:22: 'kafka.input_topics[1]' must be a string, got integer");
}

TEST(ConfigErrors, InvalidTopicNameIsRejected) {
  EXPECT_THAT(load_error("[kafka]\ndead_letter_topic = \"dead letters\"\n"),
              HasSubstr("t.toml:2:21: 'kafka.dead_letter_topic' is not a valid Kafka topic name"));
}

TEST(ConfigErrors, OutputTopicThatIsAlsoAnInputIsRejected) {
  EXPECT_THAT(load_error("[kafka]\ninput_topics = [\"a\"]\nenriched_topic = \"a\"\n"),
              HasSubstr("t.toml:3:18: 'kafka.enriched_topic' is also an input topic"));
}

TEST(ConfigErrors, EveryProblemIsReportedOnItsOwnLine) {
  Result<Config> r = load_config_file(kSourceDir + "/tests/fixtures/config/two_errors.toml");
  ASSERT_FALSE(r.is_ok());
  const std::string prefix = kSourceDir + "/tests/fixtures/config/two_errors.toml:";
  EXPECT_EQ(r.status().message(),
            prefix + "3:1: unknown key 'pipeline.treads' (did you mean 'threads'?)\n" + prefix +
                "4:17: 'pipeline.max_in_flight' must be an integer, got string");
}

TEST(ConfigErrors, ReservedLibrdkafkaPropertyPointsToTheWirefeedKey) {
  EXPECT_EQ(load_error("[kafka.consumer]\n\"group.id\" = \"g\"\n"),
            "t.toml:2:14: 'kafka.consumer.group.id' is set by wirefeed: use 'kafka.group_id' "
            "instead");
}

TEST(ConfigErrors, ExactlyOnceRejectsDisablingIdempotence) {
  EXPECT_EQ(load_error("[pipeline]\ndelivery = \"exactly-once\"\n[kafka.producer]\n"
                       "\"enable.idempotence\" = false\n"),
            "t.toml:4:24: 'kafka.producer.enable.idempotence' cannot be false with "
            "pipeline.delivery = \"exactly-once\": transactions need the idempotent producer");
}

TEST(ConfigErrors, ExactlyOnceRejectsAutoCommit) {
  EXPECT_THAT(load_error("[kafka.consumer]\nenable.auto.commit = true\n[pipeline]\n"
                         "delivery = \"exactly-once\"\n"),
              HasSubstr("t.toml:2:22: 'kafka.consumer.enable.auto.commit' cannot be true"));
}

TEST(ConfigErrors, AutoCommitIsAllowedWithAtLeastOnce) {
  // librdkafka's store-then-auto-commit pattern is a valid at-least-once setup.
  EXPECT_TRUE(load_ok("[kafka.consumer]\n\"enable.auto.commit\" = true\n").warnings.empty());
}

// ---- warnings ----

TEST(ConfigWarnings, ChangedTransactionsWithAtLeastOnceWarnAtTheSection) {
  const Config c = load_ok("\n[transactions]\ncommit_every = 10\n");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0],
            "t.toml:2:1: warning: [transactions] is ignored unless pipeline.delivery = "
            "\"exactly-once\"");
  EXPECT_THAT(render_effective_config(c), HasSubstr("# " + c.warnings[0] + "\n"));
}

TEST(ConfigWarnings, DemoSettingsWithARealBrokerWarn) {
  const Config c = load_ok("[demo]\nprint_records = 10\n");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_THAT(c.warnings[0], HasSubstr("[demo] is ignored unless kafka.brokers = \"embedded\""));
}

TEST(ConfigWarnings, SectionsAtTheirDefaultsDoNotWarn) {
  EXPECT_TRUE(
      load_ok("[transactions]\ncommit_every = 1000\n[demo]\nprint_records = 3\n").warnings.empty());
}

// ---- interpolation ----

TEST(ConfigInterpolation, ReplacesASetVariable) {
  ScopedEnv env("WF_TEST_BROKERS", "kafka-7:9092");
  EXPECT_EQ(load_ok("[kafka]\nbrokers = \"${WF_TEST_BROKERS}\"\n").kafka.brokers, "kafka-7:9092");
}

TEST(ConfigInterpolation, InterpolatesInsideLongerStringsAndArrays) {
  ScopedEnv env("WF_TEST_ENV", "prod");
  const Config c = load_ok("[kafka]\ninput_topics = [\"wire.${WF_TEST_ENV}.raw\"]\n");
  EXPECT_EQ(c.kafka.input_topics, std::vector<std::string>{"wire.prod.raw"});
}

TEST(ConfigInterpolation, UsesTheDefaultWhenUnset) {
  ScopedEnv env("WF_TEST_UNSET", nullptr);
  EXPECT_EQ(load_ok("[kafka]\nbrokers = \"${WF_TEST_UNSET:-b:1}\"\n").kafka.brokers, "b:1");
}

TEST(ConfigInterpolation, UsesTheDefaultWhenEmpty) {
  ScopedEnv env("WF_TEST_EMPTY", "");
  EXPECT_EQ(load_ok("[kafka]\nbrokers = \"${WF_TEST_EMPTY:-b:2}\"\n").kafka.brokers, "b:2");
}

TEST(ConfigInterpolation, MissingVariableIsAnErrorNamingItAndTheLine) {
  ScopedEnv env("WF_TEST_MISSING", nullptr);
  EXPECT_EQ(load_error("[kafka]\n\ngroup_id = \"${WF_TEST_MISSING}\"\n"),
            "t.toml:3:12: 'kafka.group_id': environment variable 'WF_TEST_MISSING' is not set "
            "(write ${WF_TEST_MISSING:-default} to give a default)");
}

TEST(ConfigInterpolation, DoubleDollarIsALiteralDollar) {
  ScopedEnv env("WF_TEST_X", "no");
  EXPECT_EQ(load_ok("[kafka]\ngroup_id = \"a$${WF_TEST_X}b$c\"\n").kafka.group_id,
            "a${WF_TEST_X}b$c");
}

TEST(ConfigInterpolation, UnterminatedReferenceIsAnError) {
  EXPECT_THAT(load_error("[kafka]\ngroup_id = \"${OOPS\"\n"),
              HasSubstr("t.toml:2:12: 'kafka.group_id': unterminated '${'"));
}

TEST(ConfigInterpolation, AppliesToLibrdkafkaPropertyValues) {
  ScopedEnv env("WF_TEST_MECH", "PLAIN");
  const Config c = load_ok("[kafka.producer]\n\"sasl.mechanism\" = \"${WF_TEST_MECH}\"\n");
  ASSERT_EQ(c.kafka.producer.size(), 1u);
  EXPECT_EQ(c.kafka.producer[0].value, "PLAIN");
}

// ---- secrets ----

TEST(ConfigSecrets, SecretNamesFollowTheDocumentedRule) {
  for (const char* name : {"sasl.password", "ssl.key.password", "ssl.key.pem", "sasl.jaas.config",
                           "sasl.oauthbearer.client.secret", "sasl.oauthbearer.token",
                           "client.credentials", "SASL.PASSWORD"}) {
    EXPECT_TRUE(is_secret_property(name)) << name;
  }
  for (const char* name : {"sasl.username", "ssl.ca.location", "linger.ms", "security.protocol"}) {
    EXPECT_FALSE(is_secret_property(name)) << name;
  }
}

TEST(ConfigSecrets, RenderMasksEverySecretValue) {
  Result<Config> r = load_config_file(kSourceDir + "/tests/fixtures/config/secrets.toml");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  const std::string out = render_effective_config(*r);
  for (const char* secret : {"hunter2-consumer-pw", "s3cr3t-oauth", "jaas-pw", "keystore-pw",
                             "PRIVATE KEY DATA", "tok-123", "creds-xyz"}) {
    EXPECT_THAT(out, Not(HasSubstr(secret))) << secret;
  }
  EXPECT_THAT(out, HasSubstr("\"sasl.password\" = \"*****\""));
  EXPECT_THAT(out, HasSubstr("\"sasl.username\" = \"wirefeed\""));
  // The loaded values themselves are intact: only output is masked.
  EXPECT_EQ(find_property(r->kafka.consumer, "sasl.password")->value, "hunter2-consumer-pw");
}

TEST(ConfigSecrets, InterpolatedSecretIsMaskedToo) {
  ScopedEnv env("WF_TEST_PW", "env-hunter2");
  const Config c = load_ok("[kafka.consumer]\n\"sasl.password\" = \"${WF_TEST_PW}\"\n");
  EXPECT_EQ(c.kafka.consumer[0].value, "env-hunter2");
  EXPECT_THAT(render_effective_config(c), Not(HasSubstr("env-hunter2")));
}

TEST(ConfigSecrets, ErrorsNeverShowASecretValue) {
  ScopedEnv env("WF_TEST_PW", "env-hunter2");
  const std::string docs[] = {
      // A secret of the wrong type: the error names the key only.
      "[kafka.consumer]\n\"sasl.password\" = [\"hunter2\"]\n",
      // A broken reference inside a secret: the text between the braces is not echoed.
      "[kafka.consumer]\n\"sasl.password\" = \"hunter2${bad name}\"\n",
      // A secret next to an unrelated error, so the message is about the file that holds it.
      "[kafka.consumer]\n\"sasl.password\" = \"${WF_TEST_PW}\"\n[pipeline]\nthreads = "
      "\"hunter2\"\n",
      // TOML syntax error on the secret's own line (unquoted value).
      "[kafka.consumer]\n\"sasl.password\" = hunter2\n",
      // Unterminated string holding the secret.
      "[kafka.producer]\n\"ssl.key.password\" = \"hunter2\n",
  };
  for (const std::string& doc : docs) {
    const std::string msg = load_error(doc);
    EXPECT_THAT(msg, Not(HasSubstr("hunter2"))) << msg;
    EXPECT_THAT(msg, Not(HasSubstr("env-hunter2"))) << msg;
  }
}

// ---- librdkafka pass-through ----

TEST(ConfigPassthrough, ConvertsIntegersAndBooleansToStrings) {
  const Config c = load_ok(
      "[kafka.producer]\n\"linger.ms\" = 5\n\"enable.idempotence\" = true\n"
      "\"enable.gapless.guarantee\" = false\n\"compression.type\" = \"zstd\"\n");
  EXPECT_EQ(find_property(c.kafka.producer, "linger.ms")->value, "5");
  EXPECT_EQ(find_property(c.kafka.producer, "enable.idempotence")->value, "true");
  EXPECT_EQ(find_property(c.kafka.producer, "enable.gapless.guarantee")->value, "false");
  EXPECT_EQ(find_property(c.kafka.producer, "compression.type")->value, "zstd");
}

TEST(ConfigPassthrough, BareDottedKeysAreFlattenedToLibrdkafkaNames) {
  const Config c =
      load_ok("[kafka.consumer]\nsession.timeout.ms = 45000\nfetch.wait.max.ms = 10\n");
  ASSERT_EQ(c.kafka.consumer.size(), 2u);
  EXPECT_EQ(c.kafka.consumer[0].name, "fetch.wait.max.ms");
  EXPECT_EQ(c.kafka.consumer[1].name, "session.timeout.ms");
  EXPECT_EQ(c.kafka.consumer[1].value, "45000");
}

TEST(ConfigPassthrough, RecordsWhereEachPropertyWasWritten) {
  const Config c = load_ok("[kafka.consumer]\n\n\"linger.ms\" = 5\n");
  EXPECT_EQ(c.kafka.consumer[0].origin, "t.toml:3:15");
}

TEST(ConfigPassthrough, UnknownLibrdkafkaNamesAreNotCheckedHere) {
  // librdkafka itself validates names when the client is built; the loader must not guess.
  const Config c = load_ok("[kafka.consumer]\n\"some.future.property\" = \"x\"\n");
  EXPECT_EQ(c.kafka.consumer[0].name, "some.future.property");
}

TEST(ConfigPassthrough, FloatValueIsATypeError) {
  EXPECT_EQ(
      load_error("[kafka.producer]\n\"linger.ms\" = 0.5\n"),
      "t.toml:2:15: 'kafka.producer.linger.ms' must be a string, integer or boolean, got float");
}

// ---- rendering ----

TEST(ConfigRender, OutputLoadsBackToTheSameConfig) {
  const Config c = load_ok(
      "[kafka]\nbrokers = \"a:1,b:2\"\ninput_topics = [\"x\", \"y\"]\ninstance_id = \"i-1\"\n"
      "[kafka.consumer]\n\"client.id\" = \"has $dollar and \\\"quotes\\\"\"\n"
      "[pipeline]\ndelivery = \"exactly-once\"\noutput_key = \"none\"\nthreads = 3\n"
      "route_duplicates = false\n[dedup]\nnear_duplicate_threshold = 0.75\n"
      "[logging]\nformat = \"json\"\nlevel = \"debug\"\n");
  const std::string first = render_effective_config(c);
  Result<Config> again = load_config_string(first, "t.toml");
  ASSERT_TRUE(again.is_ok()) << again.status().message() << "\n" << first;
  EXPECT_EQ(render_effective_config(*again), first);
  EXPECT_EQ(find_property(again->kafka.consumer, "client.id")->value, "has $dollar and \"quotes\"");
  EXPECT_EQ(again->pipeline.delivery, Delivery::kExactlyOnce);
  EXPECT_DOUBLE_EQ(again->dedup.near_duplicate_threshold, 0.75);
}

TEST(ConfigRender, DefaultsLoadBack) {
  Result<Config> r = load_config_string(render_effective_config(default_config()), "d.toml");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
}

}  // namespace
}  // namespace wirefeed
