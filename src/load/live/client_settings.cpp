// The settings of kafkalint's own connection to a cluster: a client properties file (often the
// admin.properties operators already give kafka-topics.sh), KAFKALINT_CLIENT_* environment
// variables for CI secrets, and -X key=value.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "kafkalint/catalog.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kEnvPrefix = "KAFKALINT_CLIENT_";

// Settings that would make the audit's client write to the cluster (InitProducerId, transactions)
// or join a group. kafkalint is read only.
bool writesToCluster(std::string_view key, std::string_view value) {
  if (key == "transactional.id") return true;
  if (key == "enable.idempotence" || key == "enable.gapless.guarantee") return value == "true";
  return false;
}

// "KAFKALINT_CLIENT_SASL_PASSWORD" -> "sasl.password"; "__" stands for "_".
std::string keyFromEnvironment(std::string_view name) {
  std::string key;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '_' && i + 1 < name.size() && name[i + 1] == '_') {
      key += '_';
      ++i;
    } else if (name[i] == '_') {
      key += '.';
    } else {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    }
  }
  return key;
}

// username="..." / password="..." of a Java PLAIN or SCRAM JAAS line. Returns false for other
// login modules (OAUTHBEARER, GSSAPI), which take librdkafka settings of their own.
bool readJaasCredentials(std::string_view jaas, std::string& username, std::string& password) {
  if (jaas.find("PlainLoginModule") == std::string_view::npos &&
      jaas.find("ScramLoginModule") == std::string_view::npos) {
    return false;
  }
  auto option = [&](std::string_view name, std::string& out) {
    for (std::size_t at = jaas.find(name); at != std::string_view::npos; at = jaas.find(name, at + 1)) {
      const bool wordStart = at == 0 || std::isspace(static_cast<unsigned char>(jaas[at - 1]));
      std::size_t i = at + name.size();
      while (i < jaas.size() && std::isspace(static_cast<unsigned char>(jaas[i]))) ++i;
      if (!wordStart || i >= jaas.size() || jaas[i] != '=') continue;
      ++i;
      while (i < jaas.size() && std::isspace(static_cast<unsigned char>(jaas[i]))) ++i;
      if (i >= jaas.size() || jaas[i] != '"') return false;
      std::size_t end = jaas.find('"', i + 1);
      if (end == std::string_view::npos) return false;
      out = std::string(jaas.substr(i + 1, end - i - 1));
      return true;
    }
    return false;
  };
  return option("username", username) && option("password", password);
}

// A Java client key librdkafka does not have: what to tell the user. nullopt when the key is not
// a Java client key either.
std::optional<std::string> javaOnlyKey(std::string_view key) {
  if (key == "ssl.truststore.location" || key == "ssl.truststore.password" || key == "ssl.truststore.type" ||
      key == "ssl.truststore.certificates") {
    return "librdkafka cannot read a Java truststore: give the CA certificate as PEM with -X ssl.ca.location=FILE";
  }
  if (key == "ssl.keystore.type") return "librdkafka reads ssl.keystore.location as PKCS#12";
  const Catalog& catalog = Catalog::instance();
  for (ConfigScope scope : {ConfigScope::Admin, ConfigScope::Producer, ConfigScope::Consumer}) {
    if (catalog.knownInAnyRelease(scope, key)) return "a Java client setting librdkafka does not have";
  }
  return std::nullopt;
}

void addSetting(ClientSettings& out, std::string key, std::string value, std::string origin) {
  if (writesToCluster(key, value)) {
    throw InputError(origin, 0, 0,
                     key +
                         " would make kafkalint's client write to the cluster; the audit is read only, so it "
                         "takes no " +
                         key);
  }
  out.settings.push_back({std::move(key), std::move(value), std::move(origin)});
}

void readClientConfigFile(ClientSettings& out, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, 0, "cannot read the client config file");
  std::stringstream text;
  text << in.rdbuf();
  const PropertiesDocument doc = parseProperties(text.str(), path);
  const Catalog& catalog = Catalog::instance();
  for (const PropertiesEntry& e : doc.entries) {
    const std::string origin = path + ":" + std::to_string(e.keyPosition.line);
    const std::string value(trimView(e.value));  // the parser kept trailing blanks, as Java's does
    if (e.key == "sasl.jaas.config") {
      std::string username, password;
      if (readJaasCredentials(value, username, password)) {
        addSetting(out, "sasl.username", username, origin + " (sasl.jaas.config)");
        addSetting(out, "sasl.password", password, origin + " (sasl.jaas.config)");
      } else {
        out.warnings.push_back(origin +
                               ": sasl.jaas.config skipped: only PLAIN and SCRAM credentials can be "
                               "passed on to librdkafka (for others use -X sasl.* settings)");
      }
      continue;
    }
    if (catalog.librdkafka(e.key) != nullptr) {
      addSetting(out, e.key, value, origin);
    } else if (auto why = javaOnlyKey(e.key)) {
      out.warnings.push_back(origin + ": " + e.key + " skipped: " + *why);
    } else {
      throw InputError(path, e.keyPosition.line, e.keyPosition.column,
                       "unknown client setting " + e.key + " (expected a librdkafka 2.0.2 or Java client property)");
    }
  }
}

}  // namespace

ClientSettings collectClientSettings(const ClientSettingsInput& input) {
  ClientSettings out;
  if (!input.clientConfigFile.empty()) readClientConfigFile(out, input.clientConfigFile);
  std::vector<std::string> environment = input.environment;
  std::sort(environment.begin(), environment.end());  // deterministic whatever the order of environ
  for (const std::string& entry : environment) {
    if (entry.compare(0, kEnvPrefix.size(), kEnvPrefix) != 0) continue;
    const auto eq = entry.find('=');
    if (eq == std::string::npos || eq == kEnvPrefix.size()) continue;
    const std::string name = entry.substr(0, eq);
    addSetting(out, keyFromEnvironment(std::string_view(name).substr(kEnvPrefix.size())), entry.substr(eq + 1), name);
  }
  for (const std::string& text : input.overrides) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError("-X", 0, 0,
                       "expected key=value, got '" + (isSecretKey(text) ? std::string(kRedacted) : text) + "'");
    }
    addSetting(out, text.substr(0, eq), text.substr(eq + 1), "-X");
  }
  return out;
}

}  // namespace kafkalint
