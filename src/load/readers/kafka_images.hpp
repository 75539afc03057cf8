// The conventions of the common Kafka container images, which docker-compose services and Helm
// charts configure through environment variables (from each image's documentation and start
// scripts):
//  - apache/kafka and Confluent cp-kafka/cp-server: KAFKA_<KEY> (and CONFLUENT_<KEY> -> confluent.*
//    on cp-server), upper-cased, '.' written '_', '-' written '__', '_' written '___'. A few KAFKA_*
//    variables configure the launcher (heap, JMX, log4j) rather than the broker.
//  - Bitnami: KAFKA_CFG_<KEY>, '.' written '_'; other KAFKA_* variables configure the image.
//  - wurstmeister: KAFKA_<KEY>, '.' written '_'; KAFKA_CREATE_TOPICS "name:partitions:replicas[:policy]".
// Bitnami and wurstmeister start from Kafka's stock server.properties, which sets the internal
// topics' replication to 1; apache/kafka uses only the variables when any is given, and cp-kafka
// renders its config from the variables alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/kafka_version.hpp"

namespace kafkalint {

enum class KafkaImage { Apache, Confluent, Bitnami, Wurstmeister, Unknown };

std::string_view imageName(KafkaImage image);  // "apache/kafka", "Bitnami kafka", ...

// The broker key a variable sets with this image, or "" when it is not a broker key (launcher
// variables, other images' spellings, anything that is not KAFKA_*).
std::string brokerKeyOfVariable(const std::string& variable, KafkaImage image);

// The Confluent/apache spelling of a key after its KAFKA_ prefix: '___' is '_', '__' is '-', '_' is '.'.
std::string confluentKey(std::string_view rest);
// The Bitnami and wurstmeister spelling after the prefix: every '_' is a '.'.
std::string dottedKey(std::string_view rest);

// The Kafka release a Confluent Platform release ships: 5.0-5.5 ship 2.0-2.5, 6.0-6.2 ship 2.6-2.8,
// 7.x ships 3.x and 8.x ships 4.x.
std::optional<KafkaVersion> kafkaOfConfluentPlatform(const KafkaVersion& platform);

// The stock server.properties settings an image starts from (Bitnami and wurstmeister: the internal
// topics replicated once), which the variables may override; none for the other images.
std::vector<std::string_view> stockConfigKeys(KafkaImage image, const std::optional<KafkaVersion>& version);

}  // namespace kafkalint
