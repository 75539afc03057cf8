// Comments that start with `kafkalint:` (suppression directives), collected while files are read
// so that the gate does not read them again.
#pragma once

#include <string_view>

#include "kafkalint/entity.hpp"

namespace kafkalint {

enum class CommentSyntax {
  Properties,  // whole-line comments only (`#` or `!`): after a value, `#` is part of the value
  Hash,        // YAML, TOML, .env: `#` on its own line or after a value, outside quotes
};

void scanDirectiveComments(Model& model, FileId file, std::string_view content, CommentSyntax syntax);

}  // namespace kafkalint
