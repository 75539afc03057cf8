// Reading an input file as UTF-8 text, refusing what is not text.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace kafkalint {

struct TextFile {
  std::string displayPath;
  std::string content;  // UTF-8, byte-order mark removed
  bool hadByteOrderMark = false;
};

// Largest input file accepted; bigger files are rejected with a clear error instead of being
// read into memory.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;

// Throws InputError naming the file (and line/column for content errors) when the file cannot be
// read, is a directory, is larger than kMaxInputBytes, holds NUL bytes or is not valid UTF-8.
TextFile readTextFile(const std::filesystem::path& path, const std::string& displayPath);

// Validates `content` (used for files and for standard input). Throws InputError.
void checkText(const std::string& displayPath, std::string_view content);

}  // namespace kafkalint
