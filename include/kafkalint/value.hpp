// A typed configuration value as the rule engine sees it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kafkalint {

class Value {
 public:
  enum class Kind { Null, Unknown, Bool, Int, Double, String, List };

  // A value that exists but cannot be known statically: a template placeholder, a config-provider
  // reference, a value that failed to parse. Rules that depend on it cannot be verified.
  struct Unknown {
    std::string reason;
    friend bool operator==(const Unknown&, const Unknown&) = default;
  };
  using List = std::vector<Value>;

  Value() = default;  // null
  static Value null() { return {}; }
  static Value unknown(std::string reason) { return Value(Unknown{std::move(reason)}); }
  Value(bool b) : data_(b) {}                      // NOLINT(google-explicit-constructor): literal-like
  Value(std::int64_t i) : data_(i) {}              // NOLINT
  Value(int i) : data_(std::int64_t{i}) {}         // NOLINT
  Value(double d) : data_(d) {}                    // NOLINT
  Value(std::string s) : data_(std::move(s)) {}    // NOLINT
  Value(const char* s) : data_(std::string(s)) {}  // NOLINT
  Value(List l) : data_(std::move(l)) {}           // NOLINT
  Value(Unknown u) : data_(std::move(u)) {}        // NOLINT

  [[nodiscard]] Kind kind() const { return static_cast<Kind>(data_.index()); }
  [[nodiscard]] bool isNull() const { return kind() == Kind::Null; }
  [[nodiscard]] bool isUnknown() const { return kind() == Kind::Unknown; }
  [[nodiscard]] bool isNumber() const { return kind() == Kind::Int || kind() == Kind::Double; }

  [[nodiscard]] bool asBool() const { return std::get<bool>(data_); }
  [[nodiscard]] std::int64_t asInt() const { return std::get<std::int64_t>(data_); }
  [[nodiscard]] double asDouble() const {
    return kind() == Kind::Int ? double(std::get<std::int64_t>(data_)) : std::get<double>(data_);
  }
  [[nodiscard]] const std::string& asString() const { return std::get<std::string>(data_); }
  [[nodiscard]] const List& asList() const { return std::get<List>(data_); }
  [[nodiscard]] const std::string& unknownReason() const { return std::get<Unknown>(data_).reason; }

  // Human spelling: strings unquoted, lists comma-separated, null as "null".
  [[nodiscard]] std::string str() const;

  friend bool operator==(const Value&, const Value&) = default;

 private:
  // Order must match Kind.
  std::variant<std::monostate, Unknown, bool, std::int64_t, double, std::string, List> data_;
};

const char* kindName(Value::Kind kind);

}  // namespace kafkalint
