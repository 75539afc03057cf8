// The verdict of a run: its exit code and why. Worked out once, by the gate, over what is left
// after it; the reports read it (SARIF's invocation, the JSON summary, the CI formats' "nothing
// checked"), and the command line exits with it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/finding.hpp"
#include "kafkalint/rules.hpp"

namespace kafkalint {

struct Verdict {
  ExitCode exitCode = ExitCode::Ok;
  std::size_t failing = 0;      // findings at or above fail-on, not accepted
  std::size_t unverified = 0;   // cluster-unverified findings: checks a live cluster did not allow
  std::size_t inputErrors = 0;  // inputs that could not be used
  bool nothingChecked = false;  // no input held a Kafka configuration, and none was unreadable

  // Exit 0 or 1: the audit did all it was asked, findings or not (SARIF executionSuccessful).
  [[nodiscard]] bool auditComplete() const { return exitCode == ExitCode::Ok || exitCode == ExitCode::Findings; }
  // One line saying what the exit code means (SARIF exitCodeDescription).
  [[nodiscard]] std::string_view description() const;
};

// What decides the verdict besides the findings.
struct VerdictRules {
  std::optional<Severity> failOn = Severity::Error;  // nullopt: never fail on findings (fail-on never)
  std::size_t inputErrors = 0;
  bool allowEmpty = false;  // --allow-empty: no Kafka configuration among the inputs is not an error
};

// Exit 2 for input errors or nothing checked, else 3 when a live cluster did not allow a check,
// else 1 for a failing finding (not suppressed, not in the baseline), else 0.
Verdict decideVerdict(const std::vector<Finding>& reported, const Model& model, const RuleSet& rules,
                      const VerdictRules& verdictRules);

}  // namespace kafkalint
