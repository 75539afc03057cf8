#include "kafkalint/report.hpp"

namespace kafkalint {

#ifndef KAFKALINT_VERSION
#define KAFKALINT_VERSION "0.0.0"
#endif

std::string_view toolVersion() { return KAFKALINT_VERSION; }

}  // namespace kafkalint
