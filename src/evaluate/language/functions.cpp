// The rule language's functions, one row each (docs/rule-language.md; the reference page
// docs/rules/README.md is generated from the rows' doc lines).
#include "language/functions.hpp"

#include <algorithm>
#include <memory>

#include "kafkalint/resolve.hpp"
#include "kafkalint/text.hpp"
#include "language/limits.hpp"
#include "language/values.hpp"

namespace kafkalint {

const EffectiveValue& FunctionCall::key() const { return context.view.get(node.children[0]->name); }

namespace {

using Kind = Value::Kind;

// Keys

Value definedFn(const FunctionCall& c) { return Value(!c.key().value.isNull()); }

Value explicitFn(const FunctionCall& c) {
  const ProvenanceKind k = c.key().provenance.kind;
  return Value(k == ProvenanceKind::Explicit || k == ProvenanceKind::TopicOverride ||
               k == ProvenanceKind::ClusterMetadata);
}

Value existsFn(const FunctionCall& c) { return Value(c.key().exists); }
Value nameFn(const FunctionCall& c) { return Value(c.key().name); }
Value sourceFn(const FunctionCall& c) { return Value(describeProvenance(c.key().provenance, c.context.files)); }

Value originFn(const FunctionCall& c) {
  const Provenance& p = c.key().provenance;
  if (p.kind == ProvenanceKind::Explicit || p.kind == ProvenanceKind::TopicOverride) return Value("");
  return Value(" (" + describeProvenance(p, c.context.files) + ")");
}

// The entity

Value dialectFn(const FunctionCall& c) { return Value(std::string(c.context.view.dialect().id())); }
Value dialectLabelFn(const FunctionCall& c) { return Value(c.context.view.dialect().label()); }
Value entityFn(const FunctionCall& c) { return Value(c.context.view.entity().name); }
Value kafkaVersionFn(const FunctionCall& c) { return Value(c.context.view.kafkaVersion().str()); }

Value topicFn(const FunctionCall& c) {
  const EntityView* topic = c.context.view.relatedTopic();
  return topic != nullptr ? Value(topic->entity().name) : Value::null();
}

Value versionAtLeastFn(const FunctionCall& c) {
  const Value& text = c.args[0];
  if (text.kind() != Kind::String) throw EvaluationError("version_at_least() takes a version string");
  auto v = KafkaVersion::parse(text.asString());
  if (!v) throw EvaluationError("version_at_least(): not a version: " + text.asString());
  return Value(c.context.view.kafkaVersion() >= *v);
}

// Values

Value ifFn(const FunctionCall& c) {
  Value cond = c.argument(0);
  if (cond.isUnknown()) return cond;
  if (!cond.isNull() && cond.kind() != Kind::Bool) throw EvaluationError("if() needs a boolean condition");
  return c.argument(cond.kind() == Kind::Bool && cond.asBool() ? 1 : 2);
}

Value minFn(const FunctionCall& c) { return compare("<", c.args[0], c.args[1]).asBool() ? c.args[0] : c.args[1]; }
Value maxFn(const FunctionCall& c) { return compare("<", c.args[0], c.args[1]).asBool() ? c.args[1] : c.args[0]; }

Value lenFn(const FunctionCall& c) {
  const Value& x = c.args[0];
  if (x.kind() == Kind::List) return Value(std::int64_t(x.asList().size()));
  if (x.kind() == Kind::String) return Value(std::int64_t(codePoints(x.asString())));
  throw EvaluationError("len() takes a list or a string");
}

Value lowerFn(const FunctionCall& c) {
  if (c.args[0].kind() != Kind::String) throw EvaluationError("lower() takes a string");
  return Value(toLower(c.args[0].asString()));
}

Value containsFn(const FunctionCall& c) {
  const Value& where = c.args[0];
  const Value& what = c.args[1];
  if (where.kind() == Kind::List) {
    const auto& items = where.asList();
    return Value(std::any_of(items.begin(), items.end(), [&](const Value& item) { return equalValues(item, what); }));
  }
  if (where.kind() == Kind::String && what.kind() == Kind::String) {
    return Value(where.asString().find(what.asString()) != std::string::npos);
  }
  throw EvaluationError("contains() takes a list or a string");
}

Value startsWithFn(const FunctionCall& c) {
  if (c.args[0].kind() != Kind::String || c.args[1].kind() != Kind::String)
    throw EvaluationError("starts_with() takes strings");
  return Value(startsWith(c.args[0].asString(), c.args[1].asString()));
}

// Regular expressions are RE2's: linear time, and a memory budget.
std::shared_ptr<const RE2> compileRegex(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxRegexMemory);
  return std::make_shared<const RE2>(pattern, options);
}

void prepareMatches(ExpressionNode& call) {
  const ExpressionNode& pattern = *call.children[1];
  if (pattern.kind != ExpressionNode::Kind::Literal) return;  // compiled when evaluated
  if (pattern.literal.kind() != Kind::String) throw ExpressionError(pattern.offset, "matches() takes a string pattern");
  call.regex = compileRegex(pattern.literal.asString());
  if (!call.regex->ok()) throw ExpressionError(pattern.offset, "invalid regular expression: " + call.regex->error());
}

Value matchesFn(const FunctionCall& c) {
  if (c.args[0].kind() != Kind::String || c.args[1].kind() != Kind::String)
    throw EvaluationError("matches() takes strings");
  if (c.node.regex) return Value(RE2::FullMatch(c.args[0].asString(), *c.node.regex));
  const auto re = compileRegex(c.args[1].asString());
  if (!re->ok()) throw EvaluationError("matches(): invalid regular expression: " + re->error());
  return Value(RE2::FullMatch(c.args[0].asString(), *re));
}

using A = Arguments;

constexpr RuleFunction kFunctions[] = {
    {"defined", "key", 1, 1, A::Key, definedFn, "the key has a value (set, inherited or defaulted)"},
    {"explicit", "key", 1, 1, A::Key, explicitFn, "the key is written in this entity's own configuration"},
    {"exists", "key", 1, 1, A::Key, existsFn, "the component and release have such a setting at all"},
    {"name", "key", 1, 1, A::Key, nameFn,
     "the key as the user wrote it (`request.required.acks`), or the dialect's name"},
    {"source", "key", 1, 1, A::Key, sourceFn,
     "where the value comes from: `set at conf/server.properties:14`, `Kafka 3.7 default`, ..."},
    {"origin", "key", 1, 1, A::Key, originFn,
     "`\"\"` when the key is written in this entity's file, else ` (<source>)`; for messages"},
    {"dialect", "", 0, 0, A::Values, dialectFn, "`java`, `librdkafka` or `scala`"},
    {"dialect_label", "", 0, 0, A::Values, dialectLabelFn, "e.g. `librdkafka 2.0.2 producer`"},
    {"kafka_version", "", 0, 0, A::Values, kafkaVersionFn,
     "the entity's Kafka release: its own when its source names one (a spec's `kafka_version`, Strimzi's "
     "`spec.kafka.version`), else `--kafka-version` (`--client-version` for Java clients)"},
    {"version_at_least", "\"3.7\"", 1, 1, A::Lenient, versionAtLeastFn, "that release is 3.7 or later"},
    {"entity", "", 0, 0, A::Values, entityFn, "the entity's name"},
    {"topic", "", 0, 0, A::Values, topicFn, "in `for_each: topic` rules, the topic's name"},
    {"if", "cond, a, b", 3, 3, A::Lazy, ifFn, "`a` when `cond` is true, else `b`"},
    {"min", "a, b", 2, 2, A::Values, minFn, "the smaller number"},
    {"max", "a, b", 2, 2, A::Values, maxFn, "the larger number"},
    {"len", "x", 1, 1, A::Values, lenFn, "length of a list or text"},
    {"lower", "s", 1, 1, A::Values, lowerFn, "lower-case text"},
    {"contains", "list_or_text, x", 2, 2, A::Values, containsFn, "membership or substring"},
    {"starts_with", "s, prefix", 2, 2, A::Values, startsWithFn, "prefix test"},
    {"matches", "s, \"regex\"", 2, 2, A::Values, matchesFn,
     "full match with RE2 (linear time, no catastrophic backtracking)", prepareMatches},
};

}  // namespace

std::span<const RuleFunction> ruleFunctions() { return kFunctions; }

const RuleFunction* findFunction(std::string_view name) {
  for (const RuleFunction& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace kafkalint
