// Fuzz targets (tests/fuzz/README.md). A target is one function over arbitrary bytes:
//
//   KAFKALINT_FUZZ_TARGET(properties) {
//     kafkalint::fuzz::auditText("input.properties", kafkalint::fuzz::text(data, size));
//     return 0;
//   }
//
// Every target is registered by name. The same target code is linked two ways: into a libFuzzer
// executable per target (clang, -DKAFKALINT_FUZZ=ON: fuzz_NAME), and into one replay program that
// runs saved inputs (seed corpora, crash regressions) through any target in every build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/load.hpp"

namespace kafkalint::fuzz {

using FuzzFunction = std::function<int(const std::uint8_t* data, std::size_t size)>;

// Called by KAFKALINT_FUZZ_TARGET (and for each input reader, targets/structured.cpp); returns true
// so that it can initialise a static.
bool registerTarget(std::string_view name, FuzzFunction function);
FuzzFunction findTarget(std::string_view name);
std::vector<std::string> targetNames();

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The whole pipeline on one file's content, as `kafkalint check FILE` runs it: text checks, the
// loader chosen by the file name (or `kind`, a --kind value such as "strimzi=input.yaml"), every
// built-in rule, the durability budget, and every report format. Input errors are expected
// outcomes; anything else (a crash, a sanitizer report, an exception escaping) is a bug.
void auditText(const std::string& fileName, std::string_view content, const std::string& kind = {});

}  // namespace kafkalint::fuzz

#define KAFKALINT_FUZZ_TARGET(name)                                            \
  static int kafkalintFuzz_##name(const std::uint8_t* data, std::size_t size); \
  [[maybe_unused]] static const bool kafkalintFuzzRegistered_##name =          \
      ::kafkalint::fuzz::registerTarget(#name, &kafkalintFuzz_##name);         \
  static int kafkalintFuzz_##name([[maybe_unused]] const std::uint8_t* data, [[maybe_unused]] std::size_t size)
