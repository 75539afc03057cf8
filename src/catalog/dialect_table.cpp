#include "kafkalint/dialect_table.hpp"

#include <stdexcept>
#include <vector>

#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

using enum DialectRelease;
using enum DialectFiles;

#define KAFKALINT_DIALECT_INFO(id, factory, kinds, release, files) DialectInfo{id, kinds, release, files},
constexpr DialectInfo kDialects[] = {KAFKALINT_DIALECTS(KAFKALINT_DIALECT_INFO)};
#undef KAFKALINT_DIALECT_INFO

}  // namespace

std::span<const DialectInfo> dialects() { return kDialects; }

const DialectInfo* findDialect(std::string_view id) {
  for (const DialectInfo& d : kDialects) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

const DialectInfo& dialectReading(EntityKind kind, std::string_view id) {
  const DialectInfo* first = nullptr;
  for (const DialectInfo& d : kDialects) {
    if (!d.kinds.contains(kind)) continue;
    if (d.id == id) return d;
    if (first == nullptr) first = &d;
  }
  if (first == nullptr) throw std::logic_error("no dialect reads " + std::string(entityKindId(kind)) + " entities");
  return *first;
}

std::string propertiesDialectList() {
  std::vector<std::string> ids;
  for (const DialectInfo& d : kDialects) {
    if (d.readsPropertiesFiles()) ids.emplace_back(d.id);
  }
  return joinedList(ids, ", ", " or ");
}

}  // namespace kafkalint
