// The defaults the Java clients derive from other settings (java_client_defaults.cpp).
#pragma once

#include <optional>
#include <string_view>

#include "kafkalint/resolve.hpp"

namespace kafkalint {

// The value a Java producer or consumer of `version` gives `key` when it is not written, derived
// from the entity's other settings; nullopt when its plain default applies.
std::optional<EffectiveValue> javaClientDerivedDefault(EntityKind kind, const KafkaVersion& version,
                                                       std::string_view key, EntityView& view);

}  // namespace kafkalint
