// A finding: one rule that does not hold for one entity.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/provenance.hpp"
#include "kafkalint/source_location.hpp"

namespace kafkalint {

enum class Severity { Note = 0, Warning = 1, Error = 2 };

std::string_view severityId(Severity s);  // "note", "warning", "error"
std::optional<Severity> parseSeverity(std::string_view id);

// How a finding compares with a baseline of accepted findings (SARIF baselineState).
enum class BaselineState { None, New, Unchanged, Updated, Absent };  // None: no baseline given

// Why a finding is accepted: an inline comment or a suppressions file.
struct Suppression {
  enum class Kind { InSource, External } kind = Kind::External;
  std::string justification;
};

// The effective value of one key involved in a finding, as reported.
struct EffectiveEntry {
  std::string key;    // as written by the user, or the dialect's name when not written
  std::string value;  // "[REDACTED]" for secrets; "" when unset
  bool isSet = true;  // false when the key has no value at all
  Provenance provenance;
};

struct Finding {
  std::string ruleId;
  std::string ruleName;
  Severity severity = Severity::Error;
  EntityKind entityKind = EntityKind::Broker;
  std::string entityName;
  std::string cluster;       // the name of the cluster the entity belongs to, when known
  std::string relatedTopic;  // rules over the topics a client uses: the topic concerned
  std::vector<std::string> keys;
  std::string message;
  SourceLocation location;
  std::vector<EffectiveEntry> effective;
  // Set by the gate (gate.hpp): how it compares with a baseline, and why it is accepted.
  BaselineState baselineState = BaselineState::None;
  std::vector<Suppression> suppressions;
};

// Deterministic report order: file, line, column, rule, entity, message.
void sortFindings(std::vector<Finding>& findings, const SourceFiles& files);

}  // namespace kafkalint
