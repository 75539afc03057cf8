// Text and JSON reports: format, order, summary, secrets.
#include "kafkalint/report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

Report reportOf(const Audit& a) {
  const KafkaVersion v = *KafkaVersion::parse("4.1");
  return Report{a.loaded.model, builtinRules(), a.findings, a.loaded.errors, v, v, Verdict{ExitCode::Findings}};
}

std::string text(const Audit& a, bool verbose = false, bool color = false) {
  std::ostringstream out;
  Report r = reportOf(a);
  writeText(out, r, TextOptions{color, verbose});
  return out.str();
}

nlohmann::json json(const Audit& a) {
  std::ostringstream out;
  Report r = reportOf(a);
  writeJson(out, r);
  return nlohmann::json::parse(out.str());
}

const std::string kServer =
    "broker.id=1\nlog.dirs=/d\nmin.insync.replicas=1\ndefault.replication.factor=3\n"
    "auto.create.topics.enable=false\n";

TEST_CASE("text findings read path:line:col: severity ID [name] message") {
  Audit a = audit(kServer, {.name = "conf/server.properties"});
  std::string out = text(a);
  CHECK(out.rfind("conf/server.properties:3:1: error KL0102 [broker-min-insync-replicas] min.insync.replicas=1 lets "
                  "acks=all succeed with only the leader's copy; a leader failure loses acknowledged writes. Set "
                  "min.insync.replicas=2 (with replication factor 3).\n",
                  0) == 0);
  CHECK(out.find("kafkalint: 1 error, 0 warnings, 0 notes in 1 file checked (1 broker); Kafka 4.1 defaults\n") !=
        std::string::npos);
}

TEST_CASE("verbose text shows each key's effective value and where it comes from") {
  Audit a = audit("acks=1\n", {.name = "p.properties"});
  std::string out = text(a, true);
  CHECK(out.find("    acks = 1  (set at p.properties:1)\n") != std::string::npos);
  CHECK(out.find("    enable.idempotence = false  (off: the Java producer turns its default enable.idempotence=true "
                 "off because acks=1 conflicts with it (KAFKA-13673))\n") != std::string::npos);
}

TEST_CASE("colour only when asked for") {
  Audit a = audit(kServer);
  CHECK(text(a).find('\x1b') == std::string::npos);
  CHECK(text(a, false, true).find("\x1b[1;31merror\x1b[0m") != std::string::npos);
}

TEST_CASE("JSON report: versioned document with every finding field") {
  Audit a = audit(kServer, {.name = "conf/server.properties"});
  auto doc = json(a);
  CHECK(doc["schemaVersion"] == 1);
  CHECK(doc["tool"]["name"] == "kafkalint");
  CHECK(doc["tool"]["kafkaVersion"] == "4.1");
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["ruleId"] == "KL0102");
  CHECK(f["ruleName"] == "broker-min-insync-replicas");
  CHECK(f["severity"] == "error");
  CHECK(f["entity"] == nlohmann::json{{"kind", "broker"}, {"name", "conf/server.properties"}});
  CHECK(f["keys"] == nlohmann::json{"min.insync.replicas"});
  CHECK(f["location"] == nlohmann::json{{"file", "conf/server.properties"}, {"line", 3}, {"column", 1}});
  CHECK(f["effective"]["min.insync.replicas"]["value"] == "1");
  CHECK(f["effective"]["min.insync.replicas"]["source"] == "explicit");
  CHECK(f["effective"]["min.insync.replicas"]["detail"] == "set at conf/server.properties:3");
  CHECK(f["fingerprint"].get<std::string>().size() == 16);
  CHECK(doc["summary"]["errors"] == 1);
  CHECK(doc["summary"]["filesChecked"] == 1);
  CHECK(doc["summary"]["exitCode"] == 1);
  CHECK(doc["inputs"][0]["kinds"] == nlohmann::json{"broker"});
}

TEST_CASE("defaults are reported with their source and no location") {
  Audit a = audit("broker.id=1\nlog.dirs=/d\ndefault.replication.factor=3\nauto.create.topics.enable=false\n");
  auto doc = json(a);
  REQUIRE(doc["findings"].size() == 1);
  const auto& e = doc["findings"][0]["effective"]["min.insync.replicas"];
  CHECK(e["source"] == "kafka-default");
  CHECK(e["detail"] == "Kafka 4.1 default");
  CHECK_FALSE(e.contains("location"));
  CHECK(doc["findings"][0]["location"]["line"] == 1);
}

TEST_CASE("a finding's fingerprint does not depend on its line") {
  auto first = json(audit(kServer, {.name = "s.properties"}))["findings"][0]["fingerprint"];
  auto moved = json(audit("# a comment\n\n" + kServer, {.name = "s.properties"}))["findings"][0]["fingerprint"];
  CHECK(first == moved);
}

TEST_CASE("no secret value reaches any report, at any verbosity") {
  const std::string secrets =
      "acks=1\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" "
      "password=\"pw-alpha\";\nssl.key.password=pw-bravo\nssl.keystore.password=pw-charlie\n"
      "ssl.truststore.password=pw-delta\nbasic.auth.user.info=user:pw-echo\n"
      "schema.registry.url=https://user:pw-foxtrot@registry:8081\nssl.keystore.password=pw-golf\n"
      "sasl.client.callback.handler.clas=pw-hotel\nssl.key.pasword=pw-india\n";
  Audit a = audit(secrets);
  std::ostringstream js;
  Report r = reportOf(a);
  writeJson(js, r);
  for (const std::string& out : {text(a, true), text(a, false), js.str()}) {
    CHECK(out.find("pw-") == std::string::npos);
  }
}

TEST_CASE("reports are identical whatever the order of the input files") {
  std::vector<std::pair<std::string, std::string>> files = {
      {"b.properties", kServer}, {"a.properties", "acks=1\nretries=0\n"}, {"c.properties", "group.id=g\n"}};
  Audit forward = auditFiles(files);
  std::reverse(files.begin(), files.end());
  Audit backward = auditFiles(files);
  auto strip = [](nlohmann::json doc) {
    doc.erase("inputs");  // inputs are listed in reading order
    return doc;
  };
  CHECK(strip(json(forward)) == strip(json(backward)));
}

TEST_CASE("rule list and explanation") {
  std::ostringstream list;
  writeRuleList(list, builtinRules(), false);
  CHECK(list.str().find("KL0102  error   broker-min-insync-replicas") != std::string::npos);
  std::ostringstream listJson;
  writeRuleList(listJson, builtinRules(), true);
  CHECK(nlohmann::json::parse(listJson.str()).size() == builtinRules().rules().size());
  for (const RuleInfo* rule : builtinRules().rules()) {
    std::ostringstream explain;
    writeRuleExplanation(explain, *rule);
    CAPTURE(rule->id);
    CHECK(explain.str().rfind(rule->id + " " + rule->name, 0) == 0);
    CHECK(explain.str().find("Why it matters:") != std::string::npos);
    CHECK(explain.str().find("How to fix:") != std::string::npos);
  }
}

}  // namespace
}  // namespace kafkalint::test

namespace kafkalint::test {
namespace {

TEST_CASE("secret keys are recognised and URL credentials masked") {
  for (const char* key :
       {"sasl.jaas.config", "ssl.key.password", "sasl.password", "basic.auth.user.info",
        "sasl.oauthbearer.client.credentials.client.secret", "my.api.key", "ssl.keystore.key", "ssl.key.pem"}) {
    CAPTURE(key);
    CHECK(isSecretKey(key));
    CHECK(displayValue(key, "anything") == "[REDACTED]");
  }
  for (const char* key : {"acks", "sasl.username", "ssl.truststore.location", "bootstrap.servers"}) {
    CAPTURE(key);
    CHECK_FALSE(isSecretKey(key));
  }
  CHECK(displayValue("schema.registry.url", "https://user:pass@sr:8081,http://sr2") ==
        "https://[REDACTED]@sr:8081,http://sr2");
  CHECK(displayValue("bootstrap.servers", "SASL_SSL://b:9092") == "SASL_SSL://b:9092");
  // A password holding '@' is masked whole: the host starts after the authority's last '@'.
  CHECK(displayValue("schema.registry.url", "https://user:p@ss@sr:8081/x?y=1") == "https://[REDACTED]@sr:8081/x?y=1");
  CHECK(displayValue("connect.url", "http://u:pw@a:1 http://b:2") == "http://[REDACTED]@a:1 http://b:2");
}

TEST_CASE("credentials in plain text are told apart from references and from keys that only look secret") {
  CHECK(holdsCredential("ssl.keystore.password"));  // Kafka PASSWORD type
  CHECK(holdsCredential("sasl.password"));          // librdkafka
  CHECK(holdsCredential("ssl.key.pem"));
  CHECK(holdsCredential("basic.auth.user.info"));
  CHECK_FALSE(holdsCredential("sasl.oauthbearer.token.endpoint.url"));  // a Kafka key of type STRING
  CHECK_FALSE(holdsCredential("basic.auth.credentials.source"));
  CHECK_FALSE(holdsCredential("password.encoder.key.length"));
  CHECK_FALSE(holdsCredential("acks"));
  using V = std::vector<std::string>;
  CHECK(plaintextCredentials("ssl.key.password", "pw") == V{"ssl.key.password"});
  CHECK(plaintextCredentials("ssl.key.password", "${file:/s.properties:k}").empty());
  CHECK(plaintextCredentials("ssl.key.password", "").empty());
  CHECK(plaintextCredentials("sasl.jaas.config", "m required username=\"u\" password=\"p w\" clientSecret=s;") ==
        V{"password", "clientSecret"});
  CHECK(plaintextCredentials("sasl.jaas.config", "m required password=\"${env:P}\";").empty());
  CHECK(plaintextCredentials("sasl.jaas.config", "m required oauth.token.endpoint.uri=\"https://x\";").empty());
  CHECK(plaintextCredentials("schema.registry.url", "https://u:pw@sr") == V{"URL password"});
  CHECK(plaintextCredentials("schema.registry.url", "https://u@sr").empty());  // a user name alone
  CHECK(plaintextCredentials("schema.registry.url", "https://u:${env:P}@sr").empty());
  CHECK(plaintextCredentials("sasl.password", "\"<CCLOUD_API_SECRET>\"").empty());  // documentation placeholders
  CHECK(plaintextCredentials("basic.auth.user.info", "<API_KEY>:<API_SECRET>").empty());
  CHECK(plaintextCredentials("sasl.password", "<a>b").size() == 1);
  CHECK(plaintextCredentials("sasl.jaas.config", "m required password='{{ SECRET }}';").empty());
  CHECK(plaintextCredentials("sasl.jaas.config", "m required password='p w';") == V{"password"});
}

}  // namespace
}  // namespace kafkalint::test

namespace kafkalint::test {
namespace {

TEST_CASE("text from the inputs is printed without control characters") {
  CHECK(printable("plain text\twith tab, \xE2\x82\xAC") == "plain text\twith tab, \xE2\x82\xAC");
  CHECK(printable("x\n::error file=a::b\r") == "x\\n::error file=a::b\\r");
  CHECK(printable("\x1B[2J\x7F") == "\\x1B[2J\\x7F");
  CHECK(printable("\xC2\x9B"
                  "31m") == "\\u009B31m");     // a C1 control sequence introducer
  CHECK(printable("\xC2\xA0") == "\xC2\xA0");  // a no-break space is printable
}

}  // namespace
}  // namespace kafkalint::test
