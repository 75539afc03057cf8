#include "live/rdkafka_api.hpp"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "kafkalint/errors.hpp"

namespace kafkalint::rdk {

// NOLINTNEXTLINE(bugprone-macro-parentheses): `name` is a function's name, not an expression.
#define KAFKALINT_RDKAFKA_DEFINE(name) decltype(&::name) name = nullptr;
KAFKALINT_RDKAFKA_FUNCTIONS(KAFKALINT_RDKAFKA_DEFINE)
#undef KAFKALINT_RDKAFKA_DEFINE

namespace {

constexpr const char* kLibrary = "librdkafka.so.1";

// Why librdkafka could not be used ("" once it is loaded).
std::string resolveAll() {
  // Never unloaded: its threads may outlive the client handle by a moment.
  void* library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    return why != nullptr ? why : "dlopen failed";
  }
  std::string missing;
// NOLINTBEGIN(bugprone-macro-parentheses): `name` is a function's name, not an expression.
#define KAFKALINT_RDKAFKA_RESOLVE(name)                           \
  name = reinterpret_cast<decltype(name)>(dlsym(library, #name)); \
  if (name == nullptr) missing += std::string(missing.empty() ? "" : ", ") + #name;
  KAFKALINT_RDKAFKA_FUNCTIONS(KAFKALINT_RDKAFKA_RESOLVE)
#undef KAFKALINT_RDKAFKA_RESOLVE
  // NOLINTEND(bugprone-macro-parentheses)
  if (!missing.empty())
    return std::string(kLibrary) + " lacks " + missing + " (kafkalint needs librdkafka 2.0 or later)";
  return {};
}

}  // namespace

void load() {
  static std::once_flag once;
  static std::string error;
  std::call_once(once, [] { error = resolveAll(); });
  if (!error.empty()) {
    throw InputError("--bootstrap", 0, 0,
                     "cannot load librdkafka, which a live audit needs: " + error + " (Debian package librdkafka1)");
  }
}

}  // namespace kafkalint::rdk
