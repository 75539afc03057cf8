// The configuration dialects kafkalint reads: the one table a new dialect is added to (with its
// class, src/resolve/ID_dialect.cpp). A dialect is how one kind of client, or a cluster's own
// facts, names, types and defaults its settings (kafkalint/resolve.hpp's Dialect).
//
// A row is DIALECT(id, factory, kinds, release, files):
//  - id: the Entity::dialect loaders write;
//  - factory: `std::unique_ptr<Dialect> factory(EntityKind, const KafkaVersion&)`, defined in the
//    resolve stage, which alone expands this column (resolve/dialects.hpp);
//  - kinds: the entity kinds it reads. The first row that lists a kind also reads the entities of
//    that kind whose dialect is not one of that kind's (a broker is read as Kafka's own config);
//  - release: FollowsKafka when its defaults are those of the Kafka release audited (the entity's,
//    else --kafka-version or --client-version), OwnRelease when they are of one release of its own;
//  - files: PropertiesFiles when a .properties client file may be in it (detected from its keys,
//    named by `--kind client:ID=PATH` or a cluster spec client's `dialect:`), else ReaderOnly (only
//    the reader of its input kind writes it).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "kafkalint/entity.hpp"

// clang-format off
#define KAFKALINT_DIALECTS(DIALECT)                                                               \
  DIALECT("java", makeJavaDialect, kKafkaConfigKinds, FollowsKafka, PropertiesFiles)               \
  DIALECT("librdkafka", makeLibrdkafkaDialect, kClientKinds, OwnRelease, PropertiesFiles)          \
  DIALECT("scala", makeScalaDialect, kClientKinds, OwnRelease, PropertiesFiles)                    \
  DIALECT("sarama", makeSaramaDialect, kClientKinds, OwnRelease, ReaderOnly)                       \
  DIALECT("spring", makeSpringDialect, kClientKinds, FollowsKafka, ReaderOnly)                     \
  DIALECT("cluster", makeClusterDialect, kClusterKinds, OwnRelease, ReaderOnly)
// clang-format on

namespace kafkalint {

// A set of entity kinds.
class EntityKinds {
 public:
  constexpr EntityKinds(std::initializer_list<EntityKind> kinds) {
    for (EntityKind k : kinds) bits_ |= bit(k);
  }
  [[nodiscard]] constexpr bool contains(EntityKind kind) const { return (bits_ & bit(kind)) != 0; }

 private:
  static constexpr std::uint32_t bit(EntityKind kind) { return std::uint32_t{1} << static_cast<unsigned>(kind); }
  std::uint32_t bits_ = 0;
};

inline constexpr EntityKinds kKafkaConfigKinds = {EntityKind::Broker,   EntityKind::Controller, EntityKind::Topic,
                                                  EntityKind::Producer, EntityKind::Consumer,   EntityKind::Connect,
                                                  EntityKind::File};
inline constexpr EntityKinds kClientKinds = {EntityKind::Producer, EntityKind::Consumer};
inline constexpr EntityKinds kClusterKinds = {EntityKind::Cluster};

enum class DialectRelease { FollowsKafka, OwnRelease };
enum class DialectFiles { PropertiesFiles, ReaderOnly };

struct DialectInfo {
  std::string_view id;
  EntityKinds kinds;
  DialectRelease release;
  DialectFiles files;

  [[nodiscard]] bool readsPropertiesFiles() const { return files == DialectFiles::PropertiesFiles; }
};

// Every dialect, in the table's order.
std::span<const DialectInfo> dialects();
const DialectInfo* findDialect(std::string_view id);
// The dialect an entity of `kind` written in dialect `id` is read with (see `kinds` above).
const DialectInfo& dialectReading(EntityKind kind, std::string_view id);
// The dialects a .properties client file can be in, for messages: "java, librdkafka or scala".
std::string propertiesDialectList();

}  // namespace kafkalint
