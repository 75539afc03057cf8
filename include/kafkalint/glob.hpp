// Glob patterns: key families, entity exclusions, suppression selectors.
#pragma once

#include <string_view>

namespace kafkalint {

// `*` matches any run of characters, `?` one character. With `paths`, `*` and `?` do not match
// `/` and `**` matches across directories. Time is O(pattern × text): no pattern can run away.
bool globMatch(std::string_view pattern, std::string_view text, bool paths);

}  // namespace kafkalint
