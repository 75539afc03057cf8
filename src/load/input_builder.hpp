// What a structured input reader adds to the model through: the clusters, brokers, topics and
// clients a file describes, with the locations of the nodes they were read from.
#pragma once

#include <any>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/config_tree.hpp"
#include "kafkalint/load.hpp"

namespace kafkalint {

// How the file was written; readers that accept several syntaxes may care.
enum class InputSyntax { Yaml, Toml, Env, Properties };

class InputBuilder {
 public:
  InputBuilder(LoadResult& result, FileId file, std::string displayPath, std::string realPath, InputSyntax syntax,
               const LoadOptions& options);

  [[nodiscard]] FileId file() const { return file_; }
  [[nodiscard]] const std::string& displayPath() const { return display_; }
  [[nodiscard]] const std::string& realPath() const { return real_; }
  [[nodiscard]] InputSyntax syntax() const { return syntax_; }
  [[nodiscard]] const LoadOptions& options() const { return options_; }
  [[nodiscard]] Model& model() { return result_.model; }

  Entity& addCluster(std::string name, SourceLocation origin);
  Entity& addEntity(EntityKind kind, std::string name, SourceLocation origin, const Entity* cluster,
                    std::string dialect = "java");

  // key = value, with the locations of the nodes they were read from.
  void set(Entity& entity, std::string key, const TreeNode& keyNode, const TreeNode& valueNode,
           ProvenanceKind origin = ProvenanceKind::Explicit);
  void set(Entity& entity, std::string key, std::string value, SourceLocation keyLocation, SourceLocation valueLocation,
           ProvenanceKind origin = ProvenanceKind::Explicit);
  // Every entry of a mapping as a setting: nested mappings are flattened with dots (YAML written
  // as `log: {retention: {ms: 1}}`), lists are joined with commas.
  void setAll(Entity& entity, const TreeNode& mapping, const std::string& prefix = "");
  // The settings of a .properties text held in a scalar (a Helm `config: |` block, a ConfigMap's
  // data), at their real lines in this file.
  void setFromPropertiesText(Entity& entity, const TreeNode& scalar);
  // A .properties file a spec refers to (`config_file: brokers/server.properties`), resolved from
  // this file's directory; its settings are added to `entity` with locations in that file.
  // Returns false (after reporting the error) when it cannot be read.
  bool setFromPropertiesFile(Entity& entity, const TreeNode& pathNode);

  // This reader's state across the files of one load, created empty on first use. Record into it
  // only once the file has been read without error: a file that throws is dropped whole.
  template <typename State>
  State& state(std::string_view readerId) {
    std::any& slot = result_.readerState[std::string(readerId)];
    if (!slot.has_value()) slot = State{};
    return std::any_cast<State&>(slot);
  }

  void note(InputNote::Kind kind, SourceLocation location, std::string detail, std::string key = {});
  // What the reader recognised, for `-v` and the JSON report ("Strimzi Kafka my-cluster: ...").
  void describe(std::string reason);

  // Called by the loader after the reader ran.
  void finish(InputRecord& record) const;

 private:
  LoadResult& result_;
  FileId file_;
  std::string display_;
  std::string real_;
  InputSyntax syntax_;
  const LoadOptions& options_;
  std::vector<std::string> reasons_;
};

}  // namespace kafkalint
