// YAML, TOML and .env inputs: detected by content as for a file named on the command line, and
// each structured input kind forced with --kind (so that a reader sees documents that another
// reader would have claimed first).
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

KAFKALINT_FUZZ_TARGET(cluster_spec) {
  auditText("input.yaml", text(data, size), "cluster-spec=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(cluster_spec_toml) {
  auditText("input.toml", text(data, size), "cluster-spec=input.toml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(strimzi) {
  auditText("input.yaml", text(data, size), "strimzi=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(topics_as_code) {
  auditText("input.yaml", text(data, size), "topics-as-code=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(compose) {
  auditText("input.yaml", text(data, size), "compose=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(spring) {
  auditText("input.yaml", text(data, size), "spring=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(client_configmap) {
  auditText("input.yaml", text(data, size), "client-configmap=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(sarama) {
  auditText("input.yaml", text(data, size), "sarama=input.yaml");
  return 0;
}

KAFKALINT_FUZZ_TARGET(helm) {
  auditText("input.yaml", text(data, size), "helm=input.yaml");
  return 0;
}
