// Where something was written: a file and a 1-based line and column.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kafkalint {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = ~FileId{0};

struct SourceLocation {
  FileId file = kNoFile;
  std::uint32_t line = 0;    // 1-based; 0 = unknown
  std::uint32_t column = 0;  // 1-based, in Unicode code points; 0 = unknown

  [[nodiscard]] bool valid() const { return file != kNoFile; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// The files of one audit, so that locations stay small (an id, not a path).
class SourceFiles {
 public:
  FileId add(std::string displayPath) {
    paths_.push_back(std::move(displayPath));
    return FileId(paths_.size() - 1);
  }
  [[nodiscard]] const std::string& path(FileId id) const { return paths_.at(id); }
  [[nodiscard]] std::size_t size() const { return paths_.size(); }

 private:
  std::vector<std::string> paths_;
};

}  // namespace kafkalint
