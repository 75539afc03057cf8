// Kafka wire-protocol primitives: big-endian integers, classic and compact (flexible) strings,
// arrays and bytes, unsigned varints and tagged-field sections.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kafkalint::testbroker {

using Uuid = std::array<std::uint8_t, 16>;

// A request that does not decode (short read, negative length where none is allowed, oversized
// varint). Kafka closes the connection in that case, and so does the test broker.
class WireError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads one message body. `flexible` selects the compact encodings of KIP-482 for strings, arrays
// and bytes; the request header's ClientId is always classic, hence the explicit helpers.
class WireReader {
 public:
  WireReader(std::span<const std::uint8_t> bytes, bool flexible) : bytes_(bytes), flexible_(flexible) {}

  void setFlexible(bool flexible) { flexible_ = flexible; }
  std::size_t remaining() const { return bytes_.size() - offset_; }
  std::size_t offset() const { return offset_; }

  std::int8_t int8();
  std::int16_t int16();
  std::int32_t int32();
  std::int64_t int64();
  bool boolean() { return int8() != 0; }
  std::uint32_t unsignedVarint();
  Uuid uuid();

  std::string string();
  std::optional<std::string> nullableString();
  std::optional<std::string> classicNullableString();
  // Element count of an array; nullopt for a null array.
  std::optional<std::int32_t> arrayLength();
  // Reads and discards a tagged-field section (count, then tag + size + data each).
  void skipTaggedFields();

 private:
  std::span<const std::uint8_t> take(std::size_t n);
  std::optional<std::int64_t> compactLength();

  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
  bool flexible_;
};

class WireWriter {
 public:
  explicit WireWriter(bool flexible) : flexible_(flexible) {}

  void setFlexible(bool flexible) { flexible_ = flexible; }
  bool flexible() const { return flexible_; }
  std::vector<std::uint8_t>& bytes() { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  void reserve(std::size_t n) { bytes_.reserve(n); }

  void int8(std::int8_t v) { bytes_.push_back(static_cast<std::uint8_t>(v)); }
  void int16(std::int16_t v);
  void int32(std::int32_t v);
  void int64(std::int64_t v);
  void boolean(bool v) { int8(v ? 1 : 0); }
  void unsignedVarint(std::uint32_t v);
  void uuid(const Uuid& v) { bytes_.insert(bytes_.end(), v.begin(), v.end()); }

  void string(std::string_view s);
  void nullableString(const std::optional<std::string>& s);
  void bytesField(std::span<const std::uint8_t> data);
  void arrayLength(std::size_t n);
  void nullArray();
  // An empty tagged-field section; written at the end of every flexible struct.
  void noTaggedFields() {
    if (flexible_) unsignedVarint(0);
  }
  // Overwrites a big-endian int32 written earlier (the frame size).
  void patchInt32(std::size_t at, std::int32_t v);

 private:
  void lengthPrefix(std::size_t n);

  std::vector<std::uint8_t> bytes_;
  bool flexible_;
};

}  // namespace kafkalint::testbroker
