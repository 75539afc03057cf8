// The libFuzzer entry point of one fuzz executable: KAFKALINT_FUZZ_TARGET_NAME picks the target.
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kafkalint::fuzz::FuzzFunction target = [] {
    auto found = kafkalint::fuzz::findTarget(KAFKALINT_FUZZ_TARGET_NAME);
    if (!found) {
      std::fprintf(stderr, "no fuzz target named %s\n", KAFKALINT_FUZZ_TARGET_NAME);
      std::abort();
    }
    return found;
  }();
  return target(data, size);
}
