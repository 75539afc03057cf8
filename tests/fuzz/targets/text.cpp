// The text check every input goes through first: NUL bytes, invalid UTF-8, line/column counting.
#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text_file.hpp"

KAFKALINT_FUZZ_TARGET(text) {
  try {
    kafkalint::checkText("input", kafkalint::fuzz::text(data, size));
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}
