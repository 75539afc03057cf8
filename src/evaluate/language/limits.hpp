// Limits that keep hostile rule files from running away (docs/hostile-inputs.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kafkalint {

inline constexpr std::size_t kMaxExpressionLength = 8192;  // characters of one expression
inline constexpr int kMaxExpressionDepth = 64;             // levels of nesting
inline constexpr std::int64_t kMaxRegexMemory = 1 << 20;   // RE2's budget for one regular expression

}  // namespace kafkalint
