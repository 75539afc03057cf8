// kafkalint's own connection settings: a client file (Java or librdkafka names), KAFKALINT_CLIENT_*
// variables and -X, in that order of precedence, with secrets never echoed and nothing that writes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "kafkalint/live.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "kafkalint-client-settings";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::string valueOf(const ClientSettings& s, const std::string& key) {
  std::string value = "(unset)";
  for (const ClientSetting& c : s.settings) {
    if (c.key == key) value = c.value;  // the last one wins, as in librdkafka
  }
  return value;
}

TEST_CASE("-X, environment variables and a client file combine, -X winning") {
  ClientSettingsInput in;
  in.clientConfigFile = writeTemp("admin.properties", "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
  in.environment = {"KAFKALINT_CLIENT_SASL_USERNAME=audit", "KAFKALINT_CLIENT_SASL_PASSWORD=s3cret-pw",
                    "KAFKALINT_CLIENT_SECURITY_PROTOCOL=SSL", "HOME=/root", "KAFKALINT_CLIENT_=ignored"};
  in.overrides = {"security.protocol=SASL_PLAINTEXT"};
  ClientSettings s = collectClientSettings(in);
  CHECK(valueOf(s, "sasl.username") == "audit");
  CHECK(valueOf(s, "sasl.password") == "s3cret-pw");
  CHECK(valueOf(s, "sasl.mechanism") == "PLAIN");
  CHECK(valueOf(s, "security.protocol") == "SASL_PLAINTEXT");
  CHECK(s.settings.back().origin == "-X");
}

TEST_CASE("a Java admin.properties gives its PLAIN or SCRAM credentials to librdkafka") {
  ClientSettingsInput in;
  in.clientConfigFile =
      writeTemp("java-admin.properties",
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n"
                "    username=\"kafkalint\" password=\"p@ss word\";\n"
                "ssl.truststore.location=/etc/kafka/truststore.jks\nssl.truststore.password=changeit\n");
  ClientSettings s = collectClientSettings(in);
  CHECK(valueOf(s, "sasl.username") == "kafkalint");
  CHECK(valueOf(s, "sasl.password") == "p@ss word");
  CHECK(valueOf(s, "ssl.truststore.location") == "(unset)");
  REQUIRE(s.warnings.size() == 2);
  CHECK(s.warnings[0].find("ssl.ca.location") != std::string::npos);
  for (const std::string& w : s.warnings) CHECK(w.find("changeit") == std::string::npos);
}

TEST_CASE("an unknown key in the client file is an error naming file and line") {
  ClientSettingsInput in;
  in.clientConfigFile = writeTemp("typo.properties", "security.protocol=SSL\nsasl.mechansim=PLAIN\n");
  try {
    collectClientSettings(in);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.line() == 2);
    CHECK(std::string(e.what()).find("sasl.mechansim") != std::string::npos);
  }
}

TEST_CASE("settings that would make the audit write to the cluster are refused") {
  for (const char* setting : {"transactional.id=audit", "enable.idempotence=true"}) {
    CAPTURE(setting);
    ClientSettingsInput in;
    in.overrides = {setting};
    CHECK_THROWS_AS(collectClientSettings(in), InputError);
  }
  ClientSettingsInput off;
  off.overrides = {"enable.idempotence=false"};
  CHECK_NOTHROW(collectClientSettings(off));
}

TEST_CASE("a malformed -X is an error that does not echo a secret") {
  ClientSettingsInput in;
  in.overrides = {"sasl.password"};
  CHECK_THROWS_AS(collectClientSettings(in), InputError);
}

TEST_CASE("an unreadable client file is an input error") {
  ClientSettingsInput in;
  in.clientConfigFile = "/nonexistent/admin.properties";
  CHECK_THROWS_AS(collectClientSettings(in), InputError);
}

}  // namespace
}  // namespace kafkalint::test
