// Values given on the command line or in the environment: -X key=value and KAFKALINT_CLIENT_*
// connection settings, --kind KIND[:DIALECT]=PATH. One value per input line.
#include <stdexcept>

#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/live.hpp"

KAFKALINT_FUZZ_TARGET(command_line) {
  const std::string_view input = kafkalint::fuzz::text(data, size);
  kafkalint::ClientSettingsInput settings;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string line(input.substr(start, end - start));
    try {
      kafkalint::parseKindOverride(line);
    } catch (const std::invalid_argument&) {
    }
    (line.rfind("KAFKALINT_", 0) == 0 ? settings.environment : settings.overrides).push_back(line);
    start = end + 1;
  }
  try {
    kafkalint::collectClientSettings(settings);
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}
