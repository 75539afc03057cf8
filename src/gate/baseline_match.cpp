// Findings against a baseline (docs/configuration.md, Baselines): by identity, count by count.
#include "gate_steps.hpp"

namespace kafkalint::gate {

BaselineMatch::BaselineMatch(const Baseline* baseline) : baseline_(baseline) {
  if (baseline_ == nullptr) return;
  for (const BaselineEntry& e : baseline_->entries) remaining_[e.identity] += e.count;
}

void BaselineMatch::apply(Finding& f, bool suppressible) {
  if (baseline_ == nullptr) return;  // every result gets a state when a baseline is given (SARIF)
  auto it = suppressible ? remaining_.find(identityOf(f)) : remaining_.end();
  if (it != remaining_.end() && it->second > 0) {
    --it->second;
    f.baselineState = BaselineState::Unchanged;
  } else {
    f.baselineState = BaselineState::New;
  }
}

std::vector<BaselineEntry> BaselineMatch::stale() const {
  std::vector<BaselineEntry> out;
  for (const auto& [identity, n] : remaining_) {
    if (n == 0) continue;
    for (const BaselineEntry& e : baseline_->entries) {
      if (e.identity == identity) {
        out.push_back(e);
        out.back().count = n;
        break;
      }
    }
  }
  return out;
}

}  // namespace kafkalint::gate
