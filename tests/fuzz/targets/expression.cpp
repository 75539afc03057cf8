// The rule language: an expression compiled with the names a rule may use (catalog keys of the
// entity, its declared parameters), evaluated and rendered against a producer and a broker; the
// same text as a message template.
#include "evaluate/language/expression.hpp"

#include <memory>

#include "fuzz/fuzz_target.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/resolve.hpp"

namespace {

using namespace kafkalint;

struct Fixture {
  LoadResult loaded;
  std::unique_ptr<Resolver> resolver;
  std::map<std::string, Value, std::less<>> params{{"n", Value(2)},
                                                   {"f", Value(0.5)},
                                                   {"s", Value("all")},
                                                   {"b", Value(true)},
                                                   {"l", Value(Value::List{Value(1), Value("x")})}};

  Fixture() {
    loadText(loaded, "producer.properties",
             "bootstrap.servers=h:9092\nacks=1\nretries=0\nlinger.ms=${env:LINGER}\nsasl.password=hunter2\n", {});
    loadText(loaded, "server.properties", "broker.id=1\nlog.dirs=/k\nmin.insync.replicas=2\n", {});
    const KafkaVersion version = *KafkaVersion::parse("4.1");
    resolver = std::make_unique<Resolver>(ResolveOptions{version, version});
  }
};

bool keyFor(EntityKind kind, std::string_view key) {
  if (entityProperty(kind, key) != nullptr) return true;
  const Catalog& c = Catalog::instance();
  if (c.knownInAnyRelease(scopeOf(kind), key)) return true;
  return kind == EntityKind::Producer && (c.librdkafka(key) != nullptr || c.scala(key, true) != nullptr);
}

}  // namespace

KAFKALINT_FUZZ_TARGET(expression) {
  static Fixture fixture;
  const std::string_view input = fuzz::text(data, size);
  for (const Entity& entity : fixture.loaded.model.entities) {
    ExpressionNames names;
    names.checkKey = [&entity](std::string_view key) -> std::optional<std::string> {
      if (keyFor(entity.kind, key)) return std::nullopt;
      return "unknown key";
    };
    names.checkParam = [](std::string_view p) -> std::optional<std::string> {
      if (fixture.params.count(std::string(p)) != 0) return std::nullopt;
      return "unknown parameter";
    };
    EntityView view(*fixture.resolver, entity);
    Expression::Context context{view, fixture.params, fixture.loaded.model.files, {}};
    try {
      const Expression e = Expression::compile(input, names);
      try {
        [[maybe_unused]] const Value value = e.evaluate(context);
      } catch (const EvaluationError&) {
      }
      try {
        [[maybe_unused]] const std::string rendered = e.render(context);
      } catch (const EvaluationError&) {
      }
    } catch (const ExpressionError&) {
    }
    try {
      const MessageTemplate t = MessageTemplate::compile(input, names);
      [[maybe_unused]] const std::string rendered = t.render(context);
    } catch (const ExpressionError&) {
    } catch (const EvaluationError&) {
    }
  }
  return 0;
}
