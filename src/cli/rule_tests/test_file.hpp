// A rule test file (NAME.tests.yaml): the rule it is about and its cases, read from the positioned
// YAML tree. Throws InputError at the node at fault.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kafkalint/cluster_snapshot.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/kafka_version.hpp"

namespace kafkalint {

// A finding the case expects of its rule; what is not given is not compared.
struct ExpectedFinding {
  std::string file;  // "" = any place
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string entity;  // "topic:orders"
  std::optional<Severity> severity;
  std::vector<std::string> message;  // parts the message contains
  std::uint32_t sourceLine = 0;      // of the expectation in the test file
};

struct RuleTestCase {
  std::string name;
  std::uint32_t line = 0;
  std::vector<std::pair<std::string, std::string>> files;  // name -> text, written to a fresh directory
  std::optional<KafkaVersion> kafkaVersion;                // default: the newest kafkalint knows
  std::optional<KafkaVersion> clientVersion;               // default: kafkaVersion
  std::vector<std::pair<std::string, std::string>> kinds;  // file -> KIND[:DIALECT], as --kind
  std::vector<std::string> suppressions;                   // files read as --suppressions, not audited
  std::optional<ClusterSnapshot> cluster;                  // a live cluster, as --bootstrap reads one
  std::vector<std::pair<std::string, std::string>> rules;  // rule files added for this case only
  std::vector<ExpectedFinding> fires;                      // empty: the rule stays quiet
};

struct RuleTestFile {
  std::string path;
  std::string rule;  // id or name
  std::uint32_t ruleLine = 0;
  std::vector<RuleTestCase> cases;
};

RuleTestFile readRuleTestFile(const std::string& path, std::string_view text);

}  // namespace kafkalint
