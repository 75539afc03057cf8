// The value a setting really has for an entity, and where that value comes from.
#pragma once

#include <string>

#include "kafkalint/provenance.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

struct EffectiveValue {
  std::string key;   // the rule key it answers (Kafka's Java name, e.g. "acks")
  std::string name;  // the key as the user wrote it, or the dialect's own name when not written
  std::string text;  // the value as written (trimmed) or the default's spelling; "" when unset
  Value value;       // typed and normalised to Kafka's vocabulary; Null when unset;
                     // Unknown when it cannot be known statically (placeholder, invalid value)
  Provenance provenance;
  bool secret = false;   // never print `text`
  bool exists = true;    // false when this client/version has no such setting at all
  bool invalid = false;  // written but not a valid value (the invalid-value rule reports it)
};

}  // namespace kafkalint
