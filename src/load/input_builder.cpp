#include "input_builder.hpp"

#include <filesystem>

#include "directive_comments.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/text_file.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

InputBuilder::InputBuilder(LoadResult& result, FileId file, std::string displayPath, std::string realPath,
                           InputSyntax syntax, const LoadOptions& options)
    : result_(result),
      file_(file),
      display_(std::move(displayPath)),
      real_(std::move(realPath)),
      syntax_(syntax),
      options_(options) {}

Entity& InputBuilder::addCluster(std::string name, SourceLocation origin) {
  return addEntity(EntityKind::Cluster, std::move(name), origin, nullptr, "cluster");
}

Entity& InputBuilder::addEntity(EntityKind kind, std::string name, SourceLocation origin, const Entity* cluster,
                                std::string dialect) {
  Entity& e = result_.model.entities.emplace_back();
  e.kind = kind;
  e.name = std::move(name);
  e.origin = origin;
  e.cluster = cluster;
  e.dialect = std::move(dialect);
  return e;
}

void InputBuilder::set(Entity& entity, std::string key, const TreeNode& keyNode, const TreeNode& valueNode,
                       ProvenanceKind origin) {
  std::string value;
  if (valueNode.isScalar()) {
    value = valueNode.scalar;
  } else if (valueNode.isSeq()) {
    for (const TreeNode& item : valueNode.items) {
      if (!item.isScalar()) continue;
      value += (value.empty() ? "" : ",") + item.scalar;
    }
  }
  set(entity, std::move(key), std::move(value), keyNode.location,
      valueNode.location.line != 0 ? valueNode.location : keyNode.location, origin);
}

void InputBuilder::set(Entity& entity, std::string key, std::string value, SourceLocation keyLocation,
                       SourceLocation valueLocation, ProvenanceKind origin) {
  Setting s;
  s.key = std::move(key);
  s.value = std::move(value);
  s.keyLocation = keyLocation;
  s.valueLocation = valueLocation;
  s.origin = origin;
  entity.settings.push_back(std::move(s));
}

void InputBuilder::setAll(Entity& entity, const TreeNode& mapping, const std::string& prefix) {
  if (!mapping.isMap()) return;
  for (const auto& [k, v] : mapping.entries) {
    std::string key = prefix.empty() ? k.scalar : prefix + "." + k.scalar;
    if (v.isMap()) {
      setAll(entity, v, key);
    } else {
      set(entity, std::move(key), k, v);
    }
  }
}

void InputBuilder::setFromPropertiesText(Entity& entity, const TreeNode& scalar) {
  if (!scalar.isScalar()) return;
  PropertiesDocument doc = parseProperties(scalar.scalar, display_);
  // Lines of a block scalar are where the YAML has them; a plain or quoted scalar is one line.
  const bool block = scalar.blockLine != 0;
  auto locate = [&](const PropertiesPosition& p) -> SourceLocation {
    if (!block) return scalar.location;
    return {file_, scalar.blockLine + p.line - 1, p.column + scalar.blockIndent};
  };
  for (const PropertiesEntry& e : doc.entries) {
    if (e.key.find("{{") != std::string::npos || startsWith(e.key, "{%")) continue;  // template lines
    set(entity, e.key, e.value, locate(e.keyPosition), locate(e.valuePosition));
  }
}

bool InputBuilder::setFromPropertiesFile(Entity& entity, const TreeNode& pathNode) {
  const fs::path relative = pathNode.scalar;
  const fs::path real = relative.is_absolute() ? relative : fs::path(real_).parent_path() / relative;
  const std::string display = relative.is_absolute()
                                  ? relative.string()
                                  : (fs::path(display_).parent_path() / relative).lexically_normal().generic_string();
  try {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(real, ec), ec);
    if (!ec && !withinRoots(canonical, result_.readableRoots)) {
      throw InputError(display, 0, 0,
                       "outside the audited directories and their git work tree (" + canonical.generic_string() +
                           "); kafkalint does not read it");
    }
    TextFile text = readTextFile(real, display);
    PropertiesDocument doc = parseProperties(text.content, display);
    result_.claimedFiles.emplace(ec ? real.string() : canonical.string(), display_);
    const FileId file = result_.model.files.add(display);
    scanDirectiveComments(result_.model, file, text.content, CommentSyntax::Properties);
    for (const PropertiesEntry& e : doc.entries) {
      set(entity, e.key, e.value, {file, e.keyPosition.line, e.keyPosition.column},
          {file, e.valuePosition.line, e.valuePosition.column});
    }
    return true;
  } catch (const InputError& e) {
    result_.errors.emplace_back(display_, pathNode.location.line, pathNode.location.column,
                                "cannot read the file it refers to: " + std::string(e.what()));
    return false;
  }
}

void InputBuilder::note(InputNote::Kind kind, SourceLocation location, std::string detail, std::string key) {
  result_.model.notes.push_back({kind, location, std::move(detail), std::move(key)});
}

void InputBuilder::describe(std::string reason) { reasons_.push_back(std::move(reason)); }

void InputBuilder::finish(InputRecord& record) const {
  for (const std::string& r : reasons_) record.reason += (record.reason.empty() ? "" : "; ") + r;
}

}  // namespace kafkalint
