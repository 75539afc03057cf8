// YAML, TOML and .env inputs: detected by content as for a file named on the command line, and
// each structured input reader with its kind forced (so that a reader sees documents that another
// reader would have claimed first).
#include <algorithm>

#include "fuzz/fuzz_target.hpp"

using kafkalint::fuzz::auditText;
using kafkalint::fuzz::text;

KAFKALINT_FUZZ_TARGET(yaml) {
  auditText("input.yaml", text(data, size));
  return 0;
}

KAFKALINT_FUZZ_TARGET(toml) {
  auditText("input.toml", text(data, size));
  return 0;
}

KAFKALINT_FUZZ_TARGET(env) {
  auditText("input.env", text(data, size));
  return 0;
}

// The cluster spec is the one reader of TOML documents too.
KAFKALINT_FUZZ_TARGET(cluster_spec_toml) {
  auditText("input.toml", text(data, size), "cluster-spec=input.toml");
  return 0;
}

// One target per reader of the reader table (src/load/readers/reader_table.cpp), named after its
// id with '-' written '_' (cluster-spec: cluster_spec), fed YAML with --kind ID=input.yaml.
[[maybe_unused]] static const bool kafkalintReaderTargetsRegistered = [] {
  for (const std::string& id : kafkalint::inputReaderIds()) {
    std::string name = id;
    std::replace(name.begin(), name.end(), '-', '_');
    kafkalint::fuzz::registerTarget(name, [kind = id + "=input.yaml"](const std::uint8_t* data, std::size_t size) {
      auditText("input.yaml", text(data, size), kind);
      return 0;
    });
  }
  return true;
}();
