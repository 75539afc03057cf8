// The catalog of Kafka configuration keys: which keys exist for each scope and Kafka release, their
// types, valid values and defaults. Built into the binary from the reference catalog (see
// scripts/gen_catalog.py); nothing is read at run time.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/kafka_version.hpp"

namespace kafkalint::catalog_data {
enum class Scope : std::uint8_t { Broker, Topic, Producer, Consumer, Admin, Connect, Streams };
inline constexpr int kScopeCount = 7;
enum class Type : std::uint8_t { Boolean, String, Int, Short, Long, Double, List, Class, Password };
enum class DefaultKind : std::uint8_t {
  Value,        // the record holds the default
  EmptyString,  // the default is ""
  Null,         // no value unless set
  Required,     // no default: the key must be set
};
enum class ValidKind : std::uint8_t {
  Any,                  // no machine-checkable constraint
  Range,                // numeric range
  Enum,                 // one of a list, case-sensitive
  EnumCaseInsensitive,  // one of a list, case-insensitive
  NonEmpty,             // must not be empty
};
enum class UpdateMode : std::uint8_t { None, ReadOnly, PerBroker, ClusterWide };

struct KeyRecord;
struct KeyHistory;
struct LibrdkafkaProperty;
struct ScalaClientKey;
}  // namespace kafkalint::catalog_data

namespace kafkalint {

using ConfigScope = catalog_data::Scope;
using ConfigType = catalog_data::Type;

std::string_view scopeId(ConfigScope scope);  // "broker", "topic", ...
std::string_view typeId(ConfigType type);     // "int", "boolean", ...

// A key as it is in one Kafka release.
struct KeySpec {
  ConfigScope scope = ConfigScope::Broker;
  std::string_view name;
  ConfigType type = ConfigType::String;
  bool hasDefault = false;                            // false: null default, or required
  bool required = false;                              // no default at all
  std::string defaultValue;                           // the default, "" for the empty string
  std::string_view serverDefault;                     // topic keys: the broker property they fall back to
  const catalog_data::KeyHistory* history = nullptr;  // valid values, update mode
};

// Why a key is not valid for a release although the catalog knows it.
struct KeyPresence {
  bool known = false;        // present in at least one catalog release
  std::string firstVersion;  // first release documenting it
  std::string lastVersion;   // last release documenting it
  bool removed = false;      // not documented in the newest release
};

class Catalog {
 public:
  static const Catalog& instance();

  [[nodiscard]] KafkaVersion newest() const;
  [[nodiscard]] KafkaVersion oldestCovered() const;  // first release of the generated tables
  [[nodiscard]] std::vector<std::string> versionLines() const;

  // Whether `version` names a Kafka release line kafkalint knows (0.8 ... newest). Newer releases
  // are accepted by the CLI with a warning and audited with the newest data.
  [[nodiscard]] bool isKnownRelease(const KafkaVersion& version) const;

  // The key as it is in `version`, or nullopt when that release does not have it.
  [[nodiscard]] std::optional<KeySpec> at(ConfigScope scope, std::string_view name, const KafkaVersion& version) const;
  [[nodiscard]] KeyPresence presence(ConfigScope scope, std::string_view name) const;
  // Every key name of a scope in any release (sorted, unique).
  [[nodiscard]] const std::vector<std::string_view>& names(ConfigScope scope) const;
  [[nodiscard]] bool knownInAnyRelease(ConfigScope scope, std::string_view name) const;
  // A key that is of type PASSWORD in some scope and release (its values are secrets).
  [[nodiscard]] bool isPasswordKey(std::string_view name) const;

  // librdkafka 2.0.2 properties (global and topic scope), aliases included.
  [[nodiscard]] const catalog_data::LibrdkafkaProperty* librdkafka(std::string_view name) const;
  [[nodiscard]] std::span<const catalog_data::LibrdkafkaProperty> librdkafkaAll() const;
  // Kafka 0.8 Scala client keys.
  [[nodiscard]] const catalog_data::ScalaClientKey* scala(std::string_view name, bool producer) const;
  [[nodiscard]] std::span<const catalog_data::ScalaClientKey> scalaAll() const;

  [[nodiscard]] std::string_view sourceDescription() const;

 private:
  Catalog();
  [[nodiscard]] const catalog_data::KeyRecord* record(ConfigScope scope, std::string_view name) const;
  [[nodiscard]] int versionIndex(const KafkaVersion& version) const;

  std::vector<std::vector<std::string_view>> namesByScope_;
  std::vector<std::string_view> passwordKeys_;  // sorted
};

// Checks `raw` (as written; Kafka trims it) against the key's type and valid values for that
// release. Returns an explanation ("expected an integer", "must be at least 1") or nullopt when it
// is valid.
std::optional<std::string> validateValue(const KeySpec& spec, std::string_view raw);

}  // namespace kafkalint
