// Which Dialect class reads an entity: the dialect table's row for its kind and dialect id
// (kafkalint/dialect_table.hpp), made by that row's factory.
#include <iterator>

#include "dialects.hpp"

namespace kafkalint {

namespace {

using DialectFactory = std::unique_ptr<Dialect> (*)(EntityKind kind, const KafkaVersion& version);

// In the table's order, as dialects() lists the rows.
#define KAFKALINT_DIALECT_FACTORY(id, factory, kinds, release, files) factory,
constexpr DialectFactory kFactories[] = {KAFKALINT_DIALECTS(KAFKALINT_DIALECT_FACTORY)};
#undef KAFKALINT_DIALECT_FACTORY

}  // namespace

std::unique_ptr<Dialect> makeDialect(const Entity& entity, const KafkaVersion& version) {
  const DialectInfo& info = dialectReading(entity.kind, entity.dialect);
  const auto row = static_cast<std::size_t>(&info - dialects().data());
  static_assert(std::size(kFactories) > 0);
  return kFactories[row](entity.kind, version);
}

}  // namespace kafkalint
