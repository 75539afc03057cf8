// The one bounded TOML parse: every TOML text kafkalint reads (cluster specs, .kafkalint.toml,
// suppression files, baselines) goes through it.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace kafkalint {

// Parses UTF-8 text (already checked with checkText). Throws InputError with file, line and column
// for a syntax error, and for what toml++ does not bound itself: a line of more than 1,024 dotted
// key parts ([a.a.a...] with 100,000 parts made it recurse until the stack overflowed).
toml::table parseTomlDocument(const std::string& displayPath, std::string_view text);

}  // namespace kafkalint
