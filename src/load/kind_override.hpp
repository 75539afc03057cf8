// `--kind KIND[:DIALECT]=PATH` as the loaders apply it (parseKindOverride, in load.hpp, reads it).
#pragma once

#include <string>
#include <vector>

#include "kafkalint/load.hpp"

namespace kafkalint {

// The override naming this file (by the name it was given or by its real path), or nullptr.
const KindOverride* findKindOverride(const LoadOptions& options, const std::string& realPath,
                                     const std::string& displayPath);

// The override was applied to a file (or refused for it): it is not reported as matching no input.
void markKindOverrideUsed(LoadResult& result, const KindOverride& kindOverride);

// "producer", "producer+consumer": the entity kinds an override names, as messages show them.
std::string kindOverrideLabel(const std::vector<EntityKind>& kinds);

}  // namespace kafkalint
