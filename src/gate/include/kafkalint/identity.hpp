// A finding's identity, independent of lines and message text: what a baseline matches and what
// reports give as a fingerprint (JSON `fingerprint`, SARIF partialFingerprints, GitLab).
#pragma once

#include <string>
#include <vector>

#include "kafkalint/finding.hpp"

namespace kafkalint {

struct FindingIdentity {
  std::string rule;
  std::string entity;  // "topic:orders"
  std::string cluster;
  std::string topic;  // rules over the topics a client uses
  std::vector<std::string> keys;
  friend auto operator<=>(const FindingIdentity&, const FindingIdentity&) = default;

  // A stable hash of the identity, in hex: the same in every run (docs/json-report.md).
  [[nodiscard]] std::string fingerprint() const;
};

FindingIdentity identityOf(const Finding& finding);

// identityOf(finding).fingerprint().
std::string fingerprint(const Finding& finding);

}  // namespace kafkalint
