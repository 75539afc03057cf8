// .properties files: the java.util.Properties parser on any bytes, then the whole pipeline
// (classification, the flat-file readers, rules, reports) on text.
#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/properties_parser.hpp"

KAFKALINT_FUZZ_TARGET(properties) {
  const std::string_view input = kafkalint::fuzz::text(data, size);
  try {
    kafkalint::parseProperties(input, "input.properties");
  } catch (const kafkalint::InputError&) {
  }
  kafkalint::fuzz::auditText("input.properties", input);
  return 0;
}
