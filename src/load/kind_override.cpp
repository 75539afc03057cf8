#include "kind_override.hpp"

#include <filesystem>
#include <stdexcept>

#include "input_readers.hpp"
#include "kafkalint/dialect_table.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

namespace {

// The dialect of `--kind KIND:DIALECT`: one a .properties client file can be written in.
void checkPropertiesDialect(const std::string& dialect) {
  const DialectInfo* known = findDialect(dialect);
  if (known == nullptr || !known->readsPropertiesFiles()) {
    throw std::invalid_argument("unknown dialect '" + dialect + "' (expected " + propertiesDialectList() + ")");
  }
}

std::vector<EntityKind> entityKindsNamed(const std::string& kind) {
  if (kind == "client") return {EntityKind::Producer, EntityKind::Consumer};
  if (kind == "broker" || kind == "controller" || kind == "producer" || kind == "consumer" || kind == "connect") {
    return {*parseEntityKind(kind)};
  }
  throw std::invalid_argument("unknown kind '" + kind + "' (expected broker, controller, producer, consumer, client, " +
                              "connect, " + joinedList(inputReaderIds()) + ")");
}

bool samePath(const std::string& a, const std::string& b) {
  std::error_code ec1, ec2;
  auto ca = fs::weakly_canonical(a, ec1);
  auto cb = fs::weakly_canonical(b, ec2);
  if (!ec1 && !ec2) return ca == cb;
  return a == b;
}

}  // namespace

KindOverride parseKindOverride(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw std::invalid_argument("expected KIND[:DIALECT]=PATH, got '" + text + "'");
  }
  KindOverride out;
  out.path = text.substr(eq + 1);
  std::string kind = text.substr(0, eq);
  if (auto colon = kind.find(':'); colon != std::string::npos) {
    out.dialect = kind.substr(colon + 1);
    kind.resize(colon);
    checkPropertiesDialect(out.dialect);
  }
  if (findInputReader(kind) != nullptr && out.dialect.empty()) {
    out.reader = kind;
    return out;
  }
  out.kinds = entityKindsNamed(kind);
  if (!out.dialect.empty() && out.kinds.front() != EntityKind::Producer && out.kinds.front() != EntityKind::Consumer) {
    throw std::invalid_argument("a dialect applies to producer, consumer or client files only");
  }
  return out;
}

const KindOverride* findKindOverride(const LoadOptions& options, const std::string& realPath,
                                     const std::string& displayPath) {
  for (const KindOverride& o : options.kindOverrides) {
    if (o.path == displayPath || samePath(o.path, realPath)) return &o;
  }
  return nullptr;
}

void markKindOverrideUsed(LoadResult& result, const KindOverride& kindOverride) {
  std::erase(result.unusedKindOverrides, kindOverride.path);
}

std::string kindOverrideLabel(const std::vector<EntityKind>& kinds) {
  std::string out;
  for (EntityKind k : kinds) {
    if (!out.empty()) out += "+";
    out += entityKindId(k);
  }
  return out;
}

}  // namespace kafkalint
