#include "directory_scan.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "kafkalint/text.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

namespace {

bool isHidden(const fs::path& p) {
  auto name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool scannedExtension(const fs::path& p) {
  std::string name = toLower(p.filename().string());
  if (name.ends_with(".tpl")) name.resize(name.size() - 4);  // kafka.yaml.tpl: a YAML template
  for (const char* ext : {".properties", ".yaml", ".yml", ".toml", ".env"}) {
    if (name.ends_with(ext)) return true;
  }
  return false;
}

std::string cannotRead(const char* why) { return std::string("cannot read directory: ") + why; }

// Whether to descend into a directory met by the scan: not hidden, and readable (else reported).
bool enterDirectory(const fs::path& entry, const std::string& display, LoadResult& result) {
  if (isHidden(entry)) return false;
  if (::access(entry.c_str(), R_OK | X_OK) != 0) {
    result.errors.emplace_back(display, 0, 0, cannotRead(std::strerror(errno)));
    return false;
  }
  return true;
}

// A symbolic link is followed only to a file inside the readable roots.
bool linkAllowed(const fs::directory_entry& entry, const std::string& display, LoadResult& result) {
  std::error_code ec;
  if (!entry.is_symlink(ec)) return true;
  const fs::path target = fs::canonical(entry.path(), ec);
  if (ec || withinRoots(target, result.readableRoots)) return true;
  result.errors.emplace_back(display, 0, 0,
                             "symbolic link to " + target.generic_string() +
                                 ", outside the audited directories and their git work tree: not followed "
                                 "(name the file itself to audit it)");
  return false;
}

}  // namespace

std::vector<InputCandidate> scanDirectory(const std::string& dir, LoadResult& result) {
  std::vector<InputCandidate> found;
  if (::access(dir.c_str(), R_OK | X_OK) != 0) {
    result.errors.emplace_back(dir, 0, 0, cannotRead(std::strerror(errno)));
    return found;
  }
  std::error_code ec;
  // Unreadable subdirectories are reported by enterDirectory, so the iterator itself may skip them.
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& entry = it->path();
    // Named as found (not as resolved): a symbolic link is reported under its own name.
    const std::string display = (fs::path(dir) / entry.lexically_relative(dir)).lexically_normal().generic_string();
    std::error_code typeEc;
    if (it->is_directory(typeEc)) {
      if (!enterDirectory(entry, display, result)) it.disable_recursion_pending();
      continue;
    }
    if (!scannedExtension(entry) || isHidden(entry) || !linkAllowed(*it, display, result)) continue;
    found.push_back({display, entry.string(), true});
  }
  if (ec) result.errors.emplace_back(dir, 0, 0, cannotRead(ec.message().c_str()));
  std::sort(found.begin(), found.end(),
            [](const InputCandidate& a, const InputCandidate& b) { return a.display < b.display; });
  return found;
}

}  // namespace kafkalint
