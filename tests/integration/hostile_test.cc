// Hostile input through the daemon on the real broker: every bad message goes to the dead-letter
// topic with its own reason, valid-but-extreme stories are enriched, the daemon keeps running and
// its memory stays bounded. And secrets never reach the daemon's logs or check-config's output.

#include <gtest/gtest.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tests/integration/broker_env.h"
#include "tests/integration/daemon_process.h"

namespace wirefeed::testing {
namespace {

std::string story(const std::string& uri, const std::string& body) {
  return R"({"uri":")" + uri + R"(","version":"1","body_text":")" + body + R"("})";
}

std::string header(const Message& m, const std::string& name) {
  for (const auto& [k, v] : m.headers) {
    if (k == name) return v;
  }
  return {};
}

// Peak resident memory of a process in kB (VmHWM), or -1.
long peak_rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

TEST(HostileTest, EveryHostileMessageIsDeadLetteredWithItsReasonAndTheDaemonKeepsRunning) {
  Names n("hostile");
  ASSERT_TRUE(create_topic(n.input, 1).is_ok());
  std::string names;
  for (int i = 0; i < 50000; ++i)
    names += (i ? ", " : "") + std::string("Reporter Number") + std::to_string(i);
  std::string nested_html;
  for (int i = 0; i < 20000; ++i) nested_html += "<div><span>";
  nested_html += "deep text";
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>(0x80 + (i * 37) % 127));

  // key -> (value, expected reason; "" = enriched)
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"bad-json", {"{\"uri\": \"x\", \"body_text\": ", "bad_json"}},
      {"not-object", {"[1,2,3]", "not_object"}},
      {"empty", {"", "empty"}},
      {"spaces", {"   \n  ", "empty"}},
      {"invalid-utf8", {"{\"uri\":\"u\",\"body_text\":\"caf\xC3\x28 \xFF\"}", "invalid_utf8"}},
      {"binary", {garbage, "invalid_utf8"}},
      {"null-bytes", {std::string("{\"uri\":\"n\",\"body_text\":\"a\0b\"}", 29), "null_byte"}},
      {"deep",
       {"{\"uri\":\"d\",\"body_text\":\"x\",\"a\":" + std::string(5000, '[') +
            std::string(5000, ']') + "}",
        "too_deep"}},
      {"wrong-type", {"{\"uri\":42,\"body_text\":\"x\"}", "wrong_type"}},
      {"no-body", {"{\"uri\":\"nb\",\"headline\":\"Only a headline\"}", "no_body"}},
      {"too-large", {story("urn:h:large", std::string(5 * 1024 * 1024, 'a')), "too_large"}},
      {"three-mb", {story("urn:h:3mb", std::string(3 * 1024 * 1024 - 200, 'b')), ""}},
      {"credit-line",
       {story("urn:h:credits", "Police said a fire broke out.\\n\\nWith reporting by " + names),
        ""}},
      {"nested-html", {R"({"uri":"urn:h:html","body_html":")" + nested_html + R"("})", ""}},
      {"after",
       {story("urn:h:after", "BERLIN (dpa) - The city council approved the budget on Monday."),
        ""}},
  };
  std::vector<Message> in;
  for (const auto& [key, c] : cases) {
    Message m;
    m.key = key;
    m.value = c.first;
    in.push_back(m);
  }
  ASSERT_TRUE(produce(n.input, in, 120000).is_ok());

  const std::string cfg =
      write_config(n, "[pipeline]\nmax_message_bytes = 4194304\n[stats]\ninterval_s = 1\n");
  Process d({wirefeed_binary(), "run", "--config", cfg}, "/tmp/" + n.input + ".log");
  ASSERT_TRUE(wait_committed(n, static_cast<int64_t>(cases.size()), d, 300)) << d.log();
  ASSERT_TRUE(d.running()) << d.log();
  const long rss_kb = peak_rss_kb(d.pid());
  d.signal(SIGTERM);
  ASSERT_EQ(d.wait_exit(), 0) << d.log();
  EXPECT_GT(rss_kb, 0);
  EXPECT_LT(rss_kb, 1024 * 1024) << "peak RSS stays bounded (kB)";

  ConsumeOptions opts;
  opts.timeout_ms = 120000;
  auto dlq = consume_all(n.dlq, opts);
  auto enriched = consume_all(n.enriched, opts);
  ASSERT_TRUE(dlq.is_ok());
  ASSERT_TRUE(enriched.is_ok());
  std::map<std::string, std::string> reason_by_key;
  for (const Message& m : dlq.value())
    reason_by_key[m.key.value_or("")] = header(m, "wirefeed.reason");
  std::map<std::string, int> enriched_by_key;
  for (const Message& m : enriched.value()) ++enriched_by_key[m.value.substr(8, 20)];
  for (const auto& [key, c] : cases) {
    if (c.second.empty()) continue;
    EXPECT_EQ(reason_by_key[key], c.second) << key;
  }
  EXPECT_EQ(dlq.value().size() + enriched.value().size(), cases.size())
      << "each message exactly once";
  bool after_seen = false;
  for (const Message& m : enriched.value()) {
    if (m.value.find("urn:h:after") != std::string::npos) after_seen = true;
    EXPECT_NE(m.value.find("\"wirefeed\":{"), std::string::npos);
  }
  EXPECT_TRUE(after_seen) << "the story after the hostile ones is enriched";
}

TEST(SecretsTest, PasswordsNeverReachLogsOrCheckConfig) {
  const std::string secret = "s3cr3t-Passw0rd-" + std::to_string(::getpid());
  ::setenv("WIREFEED_TEST_SASL_PASSWORD", secret.c_str(), 1);
  Names n("secrets");
  // SASL against a PLAINTEXT listener: the client fails to authenticate and logs about it.
  const std::string cfg = write_config(
      n,
      "[kafka.consumer]\n\"security.protocol\" = \"SASL_PLAINTEXT\"\n\"sasl.mechanism\" = "
      "\"PLAIN\"\n"
      "\"sasl.username\" = \"wirefeed\"\n\"sasl.password\" = \"${WIREFEED_TEST_SASL_PASSWORD}\"\n"
      "[kafka.producer]\n\"security.protocol\" = \"SASL_PLAINTEXT\"\n\"sasl.mechanism\" = "
      "\"PLAIN\"\n"
      "\"sasl.username\" = \"wirefeed\"\n\"sasl.password\" = \"${WIREFEED_TEST_SASL_PASSWORD}\"\n"
      "[logging]\nlevel = \"debug\"\n[stats]\ninterval_s = 1\n[dedup]\nenabled = false\n");
  {
    Process check({wirefeed_binary(), "check-config", cfg}, "/tmp/" + n.input + "-check.log");
    EXPECT_EQ(check.wait_exit(), 0) << check.log();
  }
  {
    // check-config prints to stdout: capture it through a shell redirect.
    const std::string out = "/tmp/" + n.input + "-check.out";
    const std::string cmd = wirefeed_binary() + " check-config " + cfg + " > " + out + " 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const std::string text = read_text_file(out);
    EXPECT_NE(text.find("sasl.password"), std::string::npos) << text;
    EXPECT_EQ(text.find(secret), std::string::npos) << "check-config shows the password";
  }
  Process d({wirefeed_binary(), "run", "--config", cfg}, "/tmp/" + n.input + ".log");
  // Let it try to connect and log its failures, then stop it.
  ASSERT_TRUE(d.wait_log("Throughput", 60)) << d.log();
  d.signal(SIGTERM);
  d.wait_exit(60);
  const std::string log = d.log(1 << 30);
  EXPECT_FALSE(log.empty());
  EXPECT_EQ(log.find(secret), std::string::npos) << "the daemon's log shows the password";

  // A librdkafka property rejected at start-up names the key, never the value.
  Names bad("secrets-bad");
  const std::string bad_cfg =
      write_config(bad, "[kafka.producer]\n\"ssl.key.passwd\" = \"" + secret + "\"\n");
  Process e({wirefeed_binary(), "run", "--config", bad_cfg}, "/tmp/" + bad.input + ".log");
  EXPECT_EQ(e.wait_exit(), 2) << e.log();
  EXPECT_NE(e.log().find("ssl.key.passwd"), std::string::npos) << e.log();
  EXPECT_EQ(e.log().find(secret), std::string::npos) << e.log();
}

}  // namespace
}  // namespace wirefeed::testing
