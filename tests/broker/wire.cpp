#include "broker/wire.hpp"

#include <limits>

namespace kafkalint::testbroker {

std::span<const std::uint8_t> WireReader::take(std::size_t n) {
  if (n > remaining()) {
    throw WireError("request ends " + std::to_string(n - remaining()) + " byte(s) early at offset " +
                    std::to_string(offset_));
  }
  auto out = bytes_.subspan(offset_, n);
  offset_ += n;
  return out;
}

namespace {
std::uint64_t bigEndian(std::span<const std::uint8_t> b) {
  std::uint64_t v = 0;
  for (std::uint8_t byte : b) v = (v << 8) | byte;
  return v;
}
}  // namespace

std::int8_t WireReader::int8() { return static_cast<std::int8_t>(take(1)[0]); }
std::int16_t WireReader::int16() { return static_cast<std::int16_t>(bigEndian(take(2))); }
std::int32_t WireReader::int32() { return static_cast<std::int32_t>(bigEndian(take(4))); }
std::int64_t WireReader::int64() { return static_cast<std::int64_t>(bigEndian(take(8))); }

std::uint32_t WireReader::unsignedVarint() {
  std::uint32_t value = 0;
  for (int shift = 0; shift <= 28; shift += 7) {
    const std::uint8_t b = take(1)[0];
    value |= static_cast<std::uint32_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return value;
  }
  throw WireError("unsigned varint longer than 5 bytes");
}

Uuid WireReader::uuid() {
  Uuid id{};
  auto b = take(16);
  std::copy(b.begin(), b.end(), id.begin());
  return id;
}

// Compact length: unsigned varint N+1, where 0 means null.
std::optional<std::int64_t> WireReader::compactLength() {
  const std::uint32_t n = unsignedVarint();
  if (n == 0) return std::nullopt;
  return static_cast<std::int64_t>(n) - 1;
}

std::optional<std::string> WireReader::nullableString() {
  std::int64_t length = 0;
  if (flexible_) {
    auto n = compactLength();
    if (!n) return std::nullopt;
    length = *n;
  } else {
    length = int16();
    if (length < 0) return std::nullopt;
  }
  auto b = take(static_cast<std::size_t>(length));
  return std::string(b.begin(), b.end());
}

std::string WireReader::string() {
  auto s = nullableString();
  if (!s) throw WireError("null string in a non-nullable field at offset " + std::to_string(offset_));
  return *s;
}

std::optional<std::string> WireReader::classicNullableString() {
  const bool saved = flexible_;
  flexible_ = false;
  auto s = nullableString();
  flexible_ = saved;
  return s;
}

std::optional<std::int32_t> WireReader::arrayLength() {
  std::int64_t n = 0;
  if (flexible_) {
    auto len = compactLength();
    if (!len) return std::nullopt;
    n = *len;
  } else {
    n = int32();
    if (n < 0) return std::nullopt;
  }
  // Each element takes at least one byte, so a count beyond the remaining bytes is malformed.
  if (static_cast<std::uint64_t>(n) > remaining()) {
    throw WireError("array of " + std::to_string(n) + " elements in " + std::to_string(remaining()) + " bytes");
  }
  return static_cast<std::int32_t>(n);
}

void WireReader::skipTaggedFields() {
  const std::uint32_t count = unsignedVarint();
  for (std::uint32_t i = 0; i < count; ++i) {
    unsignedVarint();  // tag
    take(unsignedVarint());
  }
}

void WireWriter::int16(std::int16_t v) {
  const auto u = static_cast<std::uint16_t>(v);
  bytes_.push_back(static_cast<std::uint8_t>(u >> 8));
  bytes_.push_back(static_cast<std::uint8_t>(u));
}

void WireWriter::int32(std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  for (int shift = 24; shift >= 0; shift -= 8) bytes_.push_back(static_cast<std::uint8_t>(u >> shift));
}

void WireWriter::int64(std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  for (int shift = 56; shift >= 0; shift -= 8) bytes_.push_back(static_cast<std::uint8_t>(u >> shift));
}

void WireWriter::unsignedVarint(std::uint32_t v) {
  while (v >= 0x80) {
    bytes_.push_back(static_cast<std::uint8_t>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  bytes_.push_back(static_cast<std::uint8_t>(v));
}

void WireWriter::patchInt32(std::size_t at, std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  for (int i = 0; i < 4; ++i)
    bytes_.at(at + static_cast<std::size_t>(i)) = static_cast<std::uint8_t>(u >> (24 - 8 * i));
}

void WireWriter::string(std::string_view s) {
  if (flexible_) {
    unsignedVarint(static_cast<std::uint32_t>(s.size() + 1));
  } else {
    if (s.size() > static_cast<std::size_t>(std::numeric_limits<std::int16_t>::max())) {
      throw WireError("string too long for an int16 length");
    }
    int16(static_cast<std::int16_t>(s.size()));
  }
  bytes_.insert(bytes_.end(), s.begin(), s.end());
}

void WireWriter::nullableString(const std::optional<std::string>& s) {
  if (s) {
    string(*s);
  } else if (flexible_) {
    unsignedVarint(0);
  } else {
    int16(-1);
  }
}

void WireWriter::bytesField(std::span<const std::uint8_t> data) {
  lengthPrefix(data.size());
  bytes_.insert(bytes_.end(), data.begin(), data.end());
}

void WireWriter::lengthPrefix(std::size_t n) {
  if (flexible_) {
    unsignedVarint(static_cast<std::uint32_t>(n + 1));
  } else {
    int32(static_cast<std::int32_t>(n));
  }
}

void WireWriter::arrayLength(std::size_t n) { lengthPrefix(n); }

void WireWriter::nullArray() {
  if (flexible_) {
    unsignedVarint(0);
  } else {
    int32(-1);
  }
}

}  // namespace kafkalint::testbroker
