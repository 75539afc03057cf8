// Turning written text into typed values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kafkalint/catalog.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

// Why a value cannot be known statically, or nullopt: "{{ ... }}" / "{% ... %}" template
// placeholders (Jinja, Helm, Go templates) and "${...}" references (Kafka config providers, or
// environment placeholders of deployment tools). Kafka itself never expands "${VAR}" in a
// .properties file, but the files that carry one are rendered by something that does.
std::optional<std::string> placeholderReason(std::string_view text);

// The typed value of `raw` (as written; Kafka trims it) for a Kafka config type, or Unknown when it
// does not parse.
Value typedValue(ConfigType type, std::string_view raw);

}  // namespace kafkalint
