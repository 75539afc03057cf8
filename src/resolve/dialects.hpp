// The configuration dialects kafkalint reads, and helpers they share.
#pragma once

#include <memory>
#include <string_view>

#include "kafkalint/dialect_table.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

// The dialects' factories, one per row of the dialect table (kafkalint/dialect_table.hpp), each in
// its dialect's file. A dialect of its own release ignores `version`.
#define KAFKALINT_DECLARE_DIALECT_FACTORY(id, factory, kinds, release, files) \
  std::unique_ptr<Dialect> factory(EntityKind kind, const KafkaVersion& version);
KAFKALINT_DIALECTS(KAFKALINT_DECLARE_DIALECT_FACTORY)
#undef KAFKALINT_DECLARE_DIALECT_FACTORY

// The dialect of `entity`'s kind and dialect id, for `version` (see dialect_table.hpp).
std::unique_ptr<Dialect> makeDialect(const Entity& entity, const KafkaVersion& version);

// An EffectiveValue for a written setting: placeholders become Unknown values, everything else
// goes through `typed` (which returns Unknown for text that does not parse).
template <typename TypedFn>
EffectiveValue writtenValue(std::string_view ruleKey, const Setting& setting, TypedFn typed);

// A value that this dialect/version does not have at all.
EffectiveValue absentValue(std::string_view ruleKey, std::string detail);

// A default (or derived) value.
EffectiveValue defaultValue(std::string_view ruleKey, std::string_view name, std::string text, Value value,
                            ProvenanceKind kind, std::string detail);

}  // namespace kafkalint

#include "dialects_inl.hpp"
