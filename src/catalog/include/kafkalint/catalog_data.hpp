// Plain data records of the configuration catalog. The tables are generated into
// catalog_data.cpp by scripts/gen_catalog.py; the Catalog class is the API over them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "kafkalint/catalog.hpp"

namespace kafkalint::catalog_data {

struct KeyHistory {
  std::uint32_t versions;  // bit i set = applies to kVersions[i]
  Type type;
  DefaultKind defaultKind;
  std::string_view defaultValue;
  ValidKind validKind;
  bool hasMin, hasMax;
  double min, max;
  std::string_view enumValues;   // for Enum kinds, '|' separated; an entry "x:*" accepts prefix "x:"
  std::string_view alsoAllowed;  // a single extra allowed value outside the range, e.g. "-1"
  std::string_view validText;    // the catalog's "Valid Values" text, for messages
  UpdateMode mode;
};

struct KeyRecord {
  Scope scope;
  std::string_view name;
  std::uint32_t present;  // bit i set = documented in kVersions[i]
  std::uint16_t historyBegin;
  std::uint16_t historyCount;
  std::string_view serverDefault;  // topic keys: the broker property it falls back to
};

// Kafka releases covered by the catalog, oldest first.
extern const std::span<const std::string_view> kVersions;
// Per scope (indexed by Scope): index into kVersions of the last release its tables cover.
extern const std::span<const std::uint8_t> kLastCoveredVersion;
extern const std::span<const KeyRecord> kKeys;  // sorted by (scope, name)
extern const std::span<const KeyHistory> kHistory;

// Facts for releases before the catalog's first version and patch-level facts.
struct LegacyFact {
  Scope scope;
  std::string_view key;
  std::uint32_t from, to;  // packed versions, inclusive: major<<24 | minor<<16 | patch<<8 | build
  bool present;
  DefaultKind defaultKind;
  std::string_view defaultValue;
  std::string_view source;
};
extern const std::span<const LegacyFact> kLegacyFacts;

// librdkafka 2.0.2 configuration properties.
struct LibrdkafkaProperty {
  std::string_view name;
  bool topicScope;
  bool producer, consumer;
  std::string_view type;
  std::string_view defaultValue;
  std::string_view range;
  std::string_view aliasOf;  // canonical name when this is an alias
  bool deprecated;
};
extern const std::span<const LibrdkafkaProperty> kLibrdkafka;  // sorted by name, then scope
inline constexpr std::string_view kLibrdkafkaVersion = "2.0.2";

// Old Scala clients (Kafka 0.8).
struct ScalaClientKey {
  bool producer;
  std::string_view name;
  DefaultKind defaultKind;
  std::string_view defaultValue;
  std::string_view javaEquivalent;
};
extern const std::span<const ScalaClientKey> kScalaClients;

// Where the tables came from, for `kafkalint --version` and the docs.
extern const std::string_view kSourceDescription;

}  // namespace kafkalint::catalog_data
