// Where CI reports point findings, unique result identities, path encoding (ci_support.hpp).
#include "ci_support.hpp"

#include <unordered_map>

#include "kafkalint/identity.hpp"

namespace kafkalint::ci {

namespace fs = std::filesystem;

Places::Places(const Model& model, fs::path workingDirectory)
    : model_(model), workingDirectory_(std::move(workingDirectory)) {
  for (const LiveCluster& live : model.live) {
    if (live.entity != nullptr && live.entity->origin.valid()) liveFiles_[live.entity->origin.file] = live.bootstrap;
  }
  for (const Entity& e : model.entities) {
    entities_[{e.kind, e.name}].push_back(&e);
    if (e.fromCluster || !e.origin.valid()) continue;
    if (e.kind == EntityKind::Topic) fileTopics_[e.name].push_back(&e);
    if (e.kind == EntityKind::Cluster) fileClusters_.push_back(&e);
  }
}

bool Places::isLive(const Finding& f) const {
  return f.location.valid() && f.location.line == 0 && liveFiles_.contains(f.location.file);
}

const Entity* Places::entityOf(const Finding& f) const {
  auto it = entities_.find({f.entityKind, f.entityName});
  if (it == entities_.end()) return nullptr;
  const bool live = isLive(f);
  const Entity* fallback = nullptr;  // same kind and name, another file
  for (const Entity* e : it->second) {
    if (e->fromCluster != live) continue;
    if (e->origin.file == f.location.file) return e;
    if (fallback == nullptr) fallback = e;
  }
  return fallback;
}

std::optional<FilePlace> Places::ofPath(const std::string& displayPath, std::uint32_t line,
                                        std::uint32_t column) const {
  if (displayPath.empty() || displayPath == "<stdin>" || displayPath.starts_with("kafka://")) return std::nullopt;
  fs::path path(displayPath);
  if (path.is_relative()) path = workingDirectory_ / path;
  path = path.lexically_normal();
  FilePlace place;
  const fs::path relative = path.lexically_relative(workingDirectory_);
  const bool outside = relative.empty() || *relative.begin() == "..";
  place.relative = !outside;
  place.path = outside ? path.generic_string() : relative.generic_string();
  place.line = line > 0 ? line : 1;  // a finding about a whole file points at its start
  place.column = line > 0 ? column : 0;
  return place;
}

std::optional<FilePlace> Places::of(const Finding& f) const {
  if (!f.location.valid()) return std::nullopt;
  if (!isLive(f)) return ofPath(model_.files.path(f.location.file), f.location.line, f.location.column);
  // A live entity: anchor it at a file that describes it, when exactly one does.
  const Entity* anchor = nullptr;
  if (f.entityKind == EntityKind::Topic) {
    auto topics = fileTopics_.find(f.entityName);
    if (topics != fileTopics_.end() && topics->second.size() == 1) anchor = topics->second.front();
  }
  if (anchor == nullptr && fileClusters_.size() == 1) anchor = fileClusters_.front();
  if (anchor == nullptr) return std::nullopt;
  return ofPath(model_.files.path(anchor->origin.file), anchor->origin.line, anchor->origin.column);
}

std::string Places::liveSubject(const Finding& f) const {
  if (!isLive(f)) return "";
  return model_.files.path(f.location.file) + " " + std::string(entityKindId(f.entityKind)) + " " + f.entityName;
}

std::string Places::qualifiedEntityName(const Finding& f) const {
  if (const Entity* e = entityOf(f)) return qualifiedEntityName(*e);
  const std::string kind(entityKindId(f.entityKind));
  return isLive(f) ? model_.files.path(f.location.file) + "/" + kind + "/" + f.entityName : kind + "/" + f.entityName;
}

std::string Places::qualifiedEntityName(const Entity& e) const {
  const std::string kind(entityKindId(e.kind));
  if (e.fromCluster && e.origin.valid()) {
    const std::string cluster = model_.files.path(e.origin.file);  // kafka://BOOTSTRAP
    return e.kind == EntityKind::Cluster ? cluster : cluster + "/" + kind + "/" + e.name;
  }
  if (e.kind == EntityKind::Cluster) return "cluster/" + e.name;
  if (e.cluster != nullptr) return "cluster/" + e.cluster->name + "/" + kind + "/" + e.name;
  return kind + "/" + e.name;
}

std::vector<std::string> uniqueFingerprints(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  ids.reserve(findings.size());
  for (const Finding& f : findings) ids.push_back(fingerprint(f));
  return uniqueIds(std::move(ids));
}

std::vector<std::string> uniqueIds(std::vector<std::string> ids) {
  std::unordered_map<std::string, int> seen;
  for (std::string& id : ids) {
    const int n = ++seen[id];
    if (n > 1) id.append("-").append(std::to_string(n));
  }
  return ids;
}

std::string percentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string fileUri(const fs::path& absolute, bool directory) {
  std::string path = absolute.generic_string();
  if (directory && !path.ends_with('/')) path += '/';
  return "file://" + percentEncodePath(path);
}

}  // namespace kafkalint::ci
