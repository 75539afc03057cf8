// The rule language: parsing, errors at the right place, and evaluation with unknown values.
#include "evaluate/language/expression.hpp"

#include <doctest/doctest.h>

#include "kafkalint/load.hpp"
#include "support.hpp"

namespace kafkalint::test {
namespace {

// Evaluates `expr` against a producer (or broker) built from `props`.
struct Fixture {
  LoadResult loaded;
  std::unique_ptr<Resolver> resolver;
  std::unique_ptr<EntityView> view;
  std::map<std::string, Value, std::less<>> params{{"min", Value(2)}, {"name", Value("x")}};

  explicit Fixture(const std::string& props, const std::string& version = "4.1") {
    loadPropertiesText(loaded, "f.properties", props, false, LoadOptions{}, "f.properties");
    resolver = std::make_unique<Resolver>(ResolveOptions{*KafkaVersion::parse(version)});
    view = std::make_unique<EntityView>(*resolver, loaded.model.entities.front());
  }

  Value eval(const std::string& text, std::set<std::string>* unknown = nullptr) {
    ExpressionNames names;
    Expression e = Expression::compile(text, names);
    Expression::Context ctx{*view, params, loaded.model.files, {}};
    Value v = e.evaluate(ctx);
    if (unknown) *unknown = ctx.unknownKeys;
    return v;
  }
};

TEST_CASE("arithmetic, comparison and precedence") {
  Fixture f("acks=all\nlinger.ms=10\n");
  CHECK(f.eval("1 + 2 * 3") == Value(7));
  CHECK(f.eval("(1 + 2) * 3") == Value(9));
  CHECK(f.eval("7 / 2") == Value(3.5));
  CHECK(f.eval("6 / 2") == Value(3));
  CHECK(f.eval("7 % 4") == Value(3));
  CHECK(f.eval("-3 + 1") == Value(-2));
  CHECK(f.eval("linger.ms + request.timeout.ms") == Value(30010));
  CHECK(f.eval("linger.ms >= 10 and linger.ms < 11") == Value(true));
  CHECK(f.eval("not linger.ms == 10 or true") == Value(true));
  CHECK(f.eval("$min * 2") == Value(4));
}

TEST_CASE("strings, lists and membership") {
  Fixture f("acks=-1\ncompression.type=lz4\n");
  CHECK(f.eval("acks == \"all\"") == Value(true));  // -1 and all are the same setting
  CHECK(f.eval("acks in [\"all\", \"1\"]") == Value(true));
  CHECK(f.eval("compression.type not in ['none', 'gzip']") == Value(true));
  CHECK(f.eval("'a' + 'b'") == Value("ab"));
  CHECK(f.eval("contains([1, 2, 3], 2)") == Value(true));
  CHECK(f.eval("len('kafka')") == Value(5));
  CHECK(f.eval("matches(compression.type, 'lz[0-9]')") == Value(true));
  CHECK(f.eval("lower('ABC')") == Value("abc"));
  CHECK(f.eval("starts_with(compression.type, 'lz')") == Value(true));
  CHECK(f.eval("min(3, 2)") == Value(2));
  CHECK(f.eval("max(3, 2)") == Value(3));
  CHECK(f.eval("if(acks == 'all', 'safe', 'unsafe')") == Value("safe"));
}

TEST_CASE("numbers written as text compare as numbers") {
  Fixture f("acks=1\n");
  CHECK(f.eval("acks == 1") == Value(true));
  CHECK(f.eval("'10' > 9") == Value(true));
}

TEST_CASE("defined, explicit, exists, name, source and origin describe a key") {
  Fixture f("acks=all\n");
  CHECK(f.eval("explicit(acks)") == Value(true));
  CHECK(f.eval("explicit(retries)") == Value(false));
  CHECK(f.eval("defined(transactional.id)") == Value(false));
  CHECK(f.eval("defined(retries)") == Value(true));
  CHECK(f.eval("exists(enable.auto.offset.store)") == Value(false));
  CHECK(f.eval("name(acks)") == Value("acks"));
  CHECK(f.eval("source(acks)") == Value("set at f.properties:1"));
  CHECK(f.eval("source(retries)") == Value("Kafka 4.1 Java client default"));
  CHECK(f.eval("origin(acks)") == Value(""));
  CHECK(f.eval("origin(retries)") == Value(" (Kafka 4.1 Java client default)"));
  CHECK(f.eval("dialect()") == Value("java"));
  CHECK(f.eval("kafka_version()") == Value("4.1"));
  CHECK(f.eval("version_at_least('3.7')") == Value(true));
  CHECK(f.eval("version_at_least('4.2')") == Value(false));
}

TEST_CASE("null (no value) makes comparisons null, and and/or follow three-valued logic") {
  Fixture f("acks=all\n");
  CHECK(f.eval("transactional.id == null") == Value(true));
  CHECK(f.eval("transactional.id > 3").isNull());
  CHECK(f.eval("transactional.id > 3 or true") == Value(true));
  CHECK(f.eval("transactional.id > 3 and false") == Value(false));
  CHECK(f.eval("transactional.id > 3 and true").isNull());
  CHECK(f.eval("not (transactional.id > 3)").isNull());
}

TEST_CASE("unknown values (placeholders) make the result unknown and are recorded") {
  Fixture f("broker.id=1\nlog.dirs=/d\nmin.insync.replicas={{ isr }}\n");
  std::set<std::string> unknown;
  CHECK(f.eval("min.insync.replicas >= 2", &unknown).isUnknown());
  CHECK(unknown == std::set<std::string>{"min.insync.replicas"});
  CHECK(f.eval("min.insync.replicas >= 2 or true", &unknown) == Value(true));
  CHECK(f.eval("false and min.insync.replicas >= 2", &unknown) == Value(false));
}

TEST_CASE("evaluation errors are reported, not hidden") {
  Fixture f("acks=all\n");
  CHECK_THROWS_AS(f.eval("1 / 0"), EvaluationError);
  CHECK_THROWS_AS(f.eval("acks > 3"), EvaluationError);
  CHECK_THROWS_AS(f.eval("not 3"), EvaluationError);
  CHECK_THROWS_AS(f.eval("3 in 4"), EvaluationError);
  CHECK(f.eval("9223372036854775807 + 1").kind() == Value::Kind::Double);  // no signed overflow
}

TEST_CASE("syntax errors name the offset and what was expected") {
  ExpressionNames names;
  auto offsetOf = [&](const std::string& text) -> std::size_t {
    try {
      (void)Expression::compile(text, names);
    } catch (const ExpressionError& e) {
      return e.offset();
    }
    return std::string::npos;
  };
  CHECK(offsetOf("acks = 1") == 5);
  CHECK(offsetOf("acks == ") == 8);
  CHECK(offsetOf("(1 + 2") == 6);
  CHECK(offsetOf("'open") == 0);
  CHECK(offsetOf("frobnicate(acks)") == 0);
  CHECK(offsetOf("defined(1)") == 8);
  CHECK(offsetOf("1 < 2 < 3") == 2);
  CHECK(offsetOf("matches(acks, '(')") == 14);
  CHECK(offsetOf("acks $") == 5);
  CHECK(offsetOf("12abc") == 2);
}

TEST_CASE("key and parameter names are checked while compiling") {
  ExpressionNames names;
  names.checkKey = [](std::string_view k) -> std::optional<std::string> {
    if (k == "acks") return std::nullopt;
    return "unknown key " + std::string(k);
  };
  names.checkParam = [](std::string_view p) -> std::optional<std::string> {
    if (p == "min") return std::nullopt;
    return "unknown parameter " + std::string(p);
  };
  CHECK_NOTHROW((void)Expression::compile("acks == $min", names));
  CHECK_THROWS_WITH_AS((void)Expression::compile("ack == 1", names), "unknown key ack", ExpressionError);
  CHECK_THROWS_WITH_AS((void)Expression::compile("acks == $max", names), "unknown parameter max", ExpressionError);
}

TEST_CASE("runaway expressions are refused") {
  ExpressionNames names;
  CHECK_THROWS_AS((void)Expression::compile(std::string(200, '(') + "1" + std::string(200, ')'), names),
                  ExpressionError);
  CHECK_THROWS_AS((void)Expression::compile(std::string(9000, '1'), names), ExpressionError);
  CHECK_THROWS_AS((void)Expression::compile("99999999999999999999999", names), ExpressionError);
}

TEST_CASE("message templates render bare keys as written and redact secrets") {
  Fixture f("acks=-1\nsasl.jaas.config=secret-stuff\n");
  ExpressionNames names;
  auto t = MessageTemplate::compile(
      "{name(acks)}={acks}{origin(acks)}, {{literal}}, {sasl.jaas.config}, {lower(sasl.jaas.config)}", names);
  Expression::Context ctx{*f.view, f.params, f.loaded.model.files, {}};
  CHECK(t.render(ctx) == "acks=-1, {literal}, [REDACTED], [REDACTED]");
  CHECK_THROWS_AS(MessageTemplate::compile("unclosed {acks", names), ExpressionError);
  CHECK_THROWS_AS(MessageTemplate::compile("stray } brace", names), ExpressionError);
}

}  // namespace
}  // namespace kafkalint::test
