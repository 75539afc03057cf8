// What a rule's page says, decided once for both renderings (the text of `kafkalint explain` and
// the Markdown of docs/rules/ID.md).
#pragma once

#include <string>
#include <vector>

#include "kafkalint/rules.hpp"

namespace kafkalint {

struct RulePage {
  struct Param {
    std::string name;
    std::string value;
    std::string description;
  };

  std::string id;
  std::string name;
  std::string severity;
  std::string appliesTo;  // "producer, consumer"
  std::string summary;
  std::string rationale;
  std::string remediation;
  // An expression rule's condition: keys, `when` ("" when none), `require`, message on one line.
  bool expression = true;
  std::vector<std::string> keys;
  std::string when;
  std::string require;
  std::string message;
  // A check implemented in code: its template and what the template reports.
  std::string templateName;
  std::string templateDoc;
  std::vector<Param> params;
  std::vector<std::string> references;
  std::vector<std::string> tags;
  bool suppressible = true;
  std::string definedIn;
  bool builtin = true;
};

RulePage rulePage(const RuleInfo& rule);

// The items, `separator` between them.
std::string joined(const std::vector<std::string>& items, const std::string& separator);

}  // namespace kafkalint
