#include "readers/kafka_images.hpp"

#include <algorithm>
#include <iterator>

#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

// KAFKA_* variables read by the images' launch scripts (heap, JVM, JMX, logging), not broker keys.
constexpr std::string_view kLauncherVariables[] = {
    "KAFKA_VERSION",
    "KAFKA_HOME",
    "KAFKA_HEAP_OPTS",
    "KAFKA_OPTS",
    "KAFKA_JMX_OPTS",
    "KAFKA_JMX_PORT",
    "KAFKA_JMX_HOSTNAME",
    "KAFKA_JVM_PERFORMANCE_OPTS",
    "KAFKA_GC_LOG_OPTS",
    "KAFKA_LOG4J_OPTS",
    "KAFKA_LOG4J_ROOT_LOGLEVEL",
    "KAFKA_LOG4J_LOGGERS",
    "KAFKA_TOOLS_LOG4J_LOGLEVEL",
    "KAFKA_DEBUG",
    "KAFKA_CREATE_TOPICS",
    "KAFKA_LOG4J_PROPERTIES",
};

bool isLauncherVariable(std::string_view variable) {
  return std::find(std::begin(kLauncherVariables), std::end(kLauncherVariables), variable) !=
         std::end(kLauncherVariables);
}

}  // namespace

std::string_view imageName(KafkaImage image) {
  switch (image) {
    case KafkaImage::Apache:
      return "apache/kafka";
    case KafkaImage::Confluent:
      return "Confluent cp-kafka/cp-server";
    case KafkaImage::Bitnami:
      return "Bitnami kafka";
    case KafkaImage::Wurstmeister:
      return "wurstmeister/kafka";
    case KafkaImage::Unknown:
      break;
  }
  return "unknown Kafka image";
}

std::string confluentKey(std::string_view rest) {
  std::string out;
  for (std::size_t i = 0; i < rest.size();) {
    if (rest[i] != '_') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[i])));
      ++i;
      continue;
    }
    std::size_t run = 0;
    while (i + run < rest.size() && rest[i + run] == '_') ++run;
    i += run;
    for (; run >= 3; run -= 3) out += '_';
    if (run == 2) out += '-';
    if (run == 1) out += '.';
  }
  return out;
}

std::string dottedKey(std::string_view rest) {
  std::string out = toLower(rest);
  std::replace(out.begin(), out.end(), '_', '.');
  // Bitnami's own exceptions for security protocol names inside keys.
  for (auto [from, to] :
       {std::pair<std::string_view, std::string_view>{"sasl.ssl", "sasl_ssl"}, {"sasl.plaintext", "sasl_plaintext"}}) {
    for (auto pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size())) {
      out.replace(pos, from.size(), to);
    }
  }
  return out;
}

std::string brokerKeyOfVariable(const std::string& variable, KafkaImage image) {
  constexpr std::string_view kBitnamiPrefix = "KAFKA_CFG_";
  if (startsWith(variable, kBitnamiPrefix)) return dottedKey(variable.substr(kBitnamiPrefix.size()));
  if (image == KafkaImage::Bitnami) return {};
  if (!startsWith(variable, "KAFKA_")) {
    if (image == KafkaImage::Confluent && startsWith(variable, "CONFLUENT_") && variable.size() > 10) {
      return "confluent." + confluentKey(variable.substr(10));
    }
    return {};
  }
  if (isLauncherVariable(variable)) return {};
  const std::string rest = variable.substr(6);
  if (rest.empty()) return {};
  return image == KafkaImage::Wurstmeister ? dottedKey(rest) : confluentKey(rest);
}

std::optional<KafkaVersion> kafkaOfConfluentPlatform(const KafkaVersion& platform) {
  if (platform.major == 5 && platform.minor <= 5) return KafkaVersion{2, platform.minor};
  if (platform.major == 6 && platform.minor <= 2) return KafkaVersion{2, 6 + platform.minor};
  if (platform.major == 7 || platform.major == 8) return KafkaVersion{platform.major - 4, platform.minor};
  return std::nullopt;
}

std::vector<std::string_view> stockConfigKeys(KafkaImage image, const std::optional<KafkaVersion>& version) {
  if (image != KafkaImage::Bitnami && image != KafkaImage::Wurstmeister) return {};
  std::vector<std::string_view> keys = {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                                        "transaction.state.log.min.isr"};
  if (version && *version >= KafkaVersion{4, 0}) {
    keys.insert(keys.end(),
                {"share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr"});
  }
  return keys;
}

}  // namespace kafkalint
