// Templates "suppression-invalid", "suppression-unused" and "suppression-expired": reported by the
// gate (src/gate/) after evaluation, when suppressions are matched with findings. The engine has
// nothing to check for them.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

class GateDiagnostic final : public Check {};

}  // namespace

std::unique_ptr<const Check> bindGateDiagnostic(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<GateDiagnostic>();
}

}  // namespace kafkalint
