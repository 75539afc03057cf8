// A symbolic link met while scanning a directory and a file a spec refers to must stay inside the
// readable roots, so that a pull request cannot make the audit read (and print parts of) files
// elsewhere on the machine, such as a CI runner's credentials.
#include "readable_roots.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "kafkalint/load.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

namespace {

// The top of the git work tree holding `dir` (the nearest directory with a .git entry), if any.
std::optional<fs::path> gitWorkTree(fs::path dir) {
  std::error_code ec;
  for (int depth = 0; depth < 256 && !dir.empty(); ++depth) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

void addRoot(std::vector<std::string>& roots, const std::string& root) {
  if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
}

void addDirectory(std::vector<std::string>& roots, const fs::path& dir) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(dir.empty() ? fs::path(".") : dir, ec), ec);
  if (ec) return;
  addRoot(roots, canonical.string());
  if (auto top = gitWorkTree(canonical)) addRoot(roots, top->string());
}

}  // namespace

std::vector<std::string> readableRoots(const std::vector<std::string>& paths) {
  std::vector<std::string> roots;
  std::error_code ec;
  addDirectory(roots, fs::current_path(ec));
  for (const std::string& p : paths) {
    if (p == "-") continue;
    addDirectory(roots, fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path());
  }
  return roots;
}

bool withinRoots(const fs::path& canonicalPath, const std::vector<std::string>& roots) {
  if (roots.empty()) return true;
  const std::string path = canonicalPath.lexically_normal().string();
  for (const std::string& root : roots) {
    if (path == root) return true;
    const std::string prefix = root.ends_with('/') ? root : root + "/";
    if (path.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

}  // namespace kafkalint
