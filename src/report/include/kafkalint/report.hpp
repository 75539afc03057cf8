// Stage 4, report: findings for people (text) and machines (JSON).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kafkalint/budget.hpp"
#include "kafkalint/entity.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/identity.hpp"
#include "kafkalint/kafka_version.hpp"
#include "kafkalint/rule_docs.hpp"  // rule documentation
#include "kafkalint/rules.hpp"
#include "kafkalint/verdict.hpp"

namespace kafkalint {

// Version of the JSON report format (docs/json-report.md, docs/report.schema.json).
inline constexpr int kJsonSchemaVersion = 1;

struct Report {
  const Model& model;
  const RuleSet& rules;
  const std::vector<Finding>& findings;
  const std::vector<InputError>& errors;
  KafkaVersion kafkaVersion;
  KafkaVersion clientVersion;                         // of Java clients; usually kafkaVersion
  Verdict verdict;                                    // the gate's: the exit code the run ends with, and why
  const std::vector<TopicBudget>* budgets = nullptr;  // durabilityBudgets(); nullptr: not computed
  const GateSummary* gate = nullptr;                  // suppressions and baseline; nullptr: no gate applied
};

struct TextOptions {
  bool color = false;
  bool verbose = false;  // effective values and their sources under each finding; every topic's budget
};

void writeText(std::ostream& out, const Report& report, const TextOptions& options);
void writeJson(std::ostream& out, const Report& report);

std::string_view toolVersion();

}  // namespace kafkalint
