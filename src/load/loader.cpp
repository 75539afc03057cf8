#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>

#include "classify.hpp"
#include "directive_comments.hpp"
#include "input_readers.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/properties_parser.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/text_file.hpp"

namespace kafkalint {

namespace fs = std::filesystem;

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

KindOverride parseKindOverride(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw std::invalid_argument("expected KIND[:DIALECT]=PATH, got '" + text + "'");
  }
  KindOverride out;
  out.path = text.substr(eq + 1);
  std::string kind = text.substr(0, eq);
  if (auto colon = kind.find(':'); colon != std::string::npos) {
    out.dialect = kind.substr(colon + 1);
    kind.resize(colon);
    if (out.dialect != "java" && out.dialect != "librdkafka" && out.dialect != "scala") {
      throw std::invalid_argument("unknown dialect '" + out.dialect + "' (expected java, librdkafka or scala)");
    }
  }
  if (findInputReader(kind) != nullptr && out.dialect.empty()) {
    out.reader = kind;
    return out;
  }
  if (kind == "client") {
    out.kinds = {EntityKind::Producer, EntityKind::Consumer};
  } else if (kind == "broker" || kind == "controller" || kind == "producer" || kind == "consumer" ||
             kind == "connect") {
    out.kinds = {*parseEntityKind(kind)};
  } else {
    std::string readers;
    for (const std::string& id : inputReaderIds()) readers += ", " + id;
    throw std::invalid_argument("unknown kind '" + kind +
                                "' (expected broker, controller, producer, consumer, client, connect" + readers + ")");
  }
  if (!out.dialect.empty() && out.kinds.front() != EntityKind::Producer && out.kinds.front() != EntityKind::Consumer) {
    throw std::invalid_argument("a dialect applies to producer, consumer or client files only");
  }
  return out;
}

std::vector<std::string> inputReaderIds() {
  std::vector<std::string> out;
  for (const InputReader& r : inputReaders()) out.emplace_back(r.id);
  return out;
}

namespace {

bool samePath(const std::string& a, const std::string& b) {
  std::error_code ec1, ec2;
  auto ca = fs::weakly_canonical(a, ec1);
  auto cb = fs::weakly_canonical(b, ec2);
  if (!ec1 && !ec2) return ca == cb;
  return a == b;
}

const KindOverride* findOverride(const LoadOptions& options, const std::string& realPath, const std::string& display) {
  for (const KindOverride& o : options.kindOverrides) {
    if (o.path == display || samePath(o.path, realPath)) return &o;
  }
  return nullptr;
}

std::string kindList(const std::vector<EntityKind>& kinds) {
  std::string out;
  for (EntityKind k : kinds) {
    if (!out.empty()) out += "+";
    out += entityKindId(k);
  }
  return out;
}

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

// Where the files a run may read live: the current directory, each input directory (the parent of
// an input file) and the git work tree around it. A symbolic link met while scanning a directory
// and a file a spec refers to must stay inside them, so that a pull request cannot make the audit
// read (and print parts of) files elsewhere on the machine, such as a CI runner's credentials.
std::vector<std::string> readableRoots(const std::vector<std::string>& paths) {
  std::vector<std::string> roots;
  auto add = [&roots](const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(dir.empty() ? fs::path(".") : dir, ec), ec);
    if (ec) return;
    if (std::find(roots.begin(), roots.end(), canonical.string()) == roots.end()) roots.push_back(canonical.string());
    if (auto top = gitWorkTree(canonical); top && std::find(roots.begin(), roots.end(), top->string()) == roots.end()) {
      roots.push_back(top->string());
    }
  };
  std::error_code ec;
  add(fs::current_path(ec));
  for (const std::string& p : paths) {
    if (p == "-") continue;
    add(fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path());
  }
  return roots;
}

bool isHidden(const fs::path& p) {
  auto name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

void loadPropertiesText(LoadResult& result, const std::string& displayPath, std::string content, bool hadByteOrderMark,
                        const LoadOptions& options, const std::string& realPath) {
  Model& model = result.model;
  std::vector<InputError>& errors = result.errors;
  const FileId file = model.files.add(displayPath);
  scanDirectiveComments(model, file, content, CommentSyntax::Properties);
  InputRecord record;
  record.file = file;
  PropertiesDocument doc;
  try {
    doc = parseProperties(content, displayPath);
  } catch (const InputError& e) {
    errors.push_back(e);
    record.status = InputRecord::Status::Skipped;
    record.reason = e.what();
    model.inputs.push_back(std::move(record));
    return;
  }

  // Templates (Jinja, Helm, Go): "{% if ... %}" lines and "{{ name }}=..." keys are not settings
  // until rendered; values with placeholders stay and are reported when a rule needs them.
  std::size_t templateLines = 0;
  std::erase_if(doc.entries, [&templateLines](const PropertiesEntry& e) {
    const bool templated = startsWith(e.key, "{%") || startsWith(e.key, "{#") ||
                           e.key.find("{{") != std::string::npos || e.key.find("{%") != std::string::npos;
    templateLines += templated ? 1 : 0;
    return templated;
  });

  // Flat files of a structured kind (Spring Boot application.properties...) go to their reader.
  const KindOverride* kindOverride = findOverride(options, realPath, displayPath);
  if (kindOverride == nullptr || !kindOverride->reader.empty()) {
    ConfigTree tree = flatTree(file, doc);
    for (const InputReader& reader : inputReaders()) {
      if (!reader.readsFlatFiles) continue;
      if (kindOverride != nullptr && kindOverride->reader != reader.id) continue;
      InputBuilder in(result, file, displayPath, realPath, InputSyntax::Properties, options);
      if (!reader.read(tree, in)) continue;
      if (kindOverride != nullptr) std::erase(result.unusedKindOverrides, kindOverride->path);
      record.reason = std::string(reader.description);
      in.finish(record);
      model.inputs.push_back(std::move(record));
      return;
    }
  }

  std::vector<KeyOccurrence> keys;
  keys.reserve(doc.entries.size());
  for (const PropertiesEntry& e : doc.entries) keys.push_back({e.key, e.value, e.keyPosition.line});

  Classification c;
  if (const KindOverride* o = kindOverride; o != nullptr && o->reader.empty()) {
    std::erase(result.unusedKindOverrides, o->path);
    c.kinds = o->kinds;
    const bool client = o->kinds.front() == EntityKind::Producer || o->kinds.front() == EntityKind::Consumer;
    std::string dialectWhy;
    c.dialect = !o->dialect.empty() ? o->dialect : client ? clientDialect(keys, &dialectWhy) : "java";
    c.reason = "--kind " + kindList(o->kinds) + (o->dialect.empty() ? "" : ":" + o->dialect) +
               (dialectWhy.empty() ? "" : "; dialect " + c.dialect + " (" + dialectWhy + ")");
  } else {
    c = classify(keys, fs::path(displayPath).filename().string());
  }

  record.status = c.status;
  record.kinds = c.kinds;
  record.dialect = c.kinds.empty() ? "" : c.dialect;
  record.reason = c.reason;
  if (templateLines > 0) {
    record.reason += "; " + std::to_string(templateLines) + " template line(s) ({% ... %}, {{ key }}) not read";
    c.reason = record.reason;
  }

  if (c.status == InputRecord::Status::Unclassified) {
    model.notes.push_back({InputNote::Kind::Unclassified, {file, 1, 1}, c.reason, {}});
  }
  if (hadByteOrderMark && !doc.entries.empty() && doc.entries.front().keyPosition.line == 1) {
    model.notes.push_back({InputNote::Kind::ByteOrderMark, {file, 1, 1}, doc.entries.front().key, {}});
  }

  for (EntityKind kind : c.kinds) {
    Entity entity;
    entity.kind = kind;
    entity.name = displayPath;
    entity.origin = {file, 1, 1};
    entity.dialect = c.dialect;
    entity.classification = c.reason;
    entity.settings.reserve(doc.entries.size());
    for (const PropertiesEntry& e : doc.entries) {
      Setting s;
      s.key = e.key;
      s.value = e.value;
      s.keyLocation = {file, e.keyPosition.line, e.keyPosition.column};
      s.valueLocation = {file, e.valuePosition.line, e.valuePosition.column};
      entity.settings.push_back(std::move(s));
    }
    model.entities.push_back(std::move(entity));
  }
  if (c.kinds.size() == 2) {  // a client file shared by producers and consumers
    Entity& producer = model.entities[model.entities.size() - 2];
    Entity& consumer = model.entities.back();
    producer.sharedWith = &consumer;
    consumer.sharedWith = &producer;
  }
  model.inputs.push_back(std::move(record));
}

namespace {

// How a file is parsed: decided by its name (a `.tpl` suffix of a template is looked through).
InputSyntax syntaxOf(const std::string& name) {
  std::string base = toLower(fs::path(name).filename().string());
  if (base.size() > 4 && base.ends_with(".tpl")) base.resize(base.size() - 4);
  if (base.ends_with(".yaml") || base.ends_with(".yml")) return InputSyntax::Yaml;
  if (base.ends_with(".toml")) return InputSyntax::Toml;
  if (base.ends_with(".env") || base == ".env") return InputSyntax::Env;
  return InputSyntax::Properties;
}

// A YAML, TOML or .env file: each reader is offered its tree until one recognises it.
void loadStructuredText(LoadResult& result, const std::string& display, const std::string& real,
                        std::string_view content, InputSyntax syntax, const LoadOptions& options, bool fromDirectory) {
  Model& model = result.model;
  const FileId file = model.files.add(display);
  scanDirectiveComments(model, file, content, CommentSyntax::Hash);
  InputRecord record;
  record.file = file;
  ConfigTree tree;
  try {
    if (syntax == InputSyntax::Yaml) {
      tree = parseYamlTree(file, display, content);
    } else if (syntax == InputSyntax::Toml) {
      tree = parseTomlTree(file, display, content);
    } else {
      tree = flatTree(file, parseProperties(content, display));
    }
  } catch (const InputError& e) {
    result.errors.push_back(e);
    record.status = InputRecord::Status::Skipped;
    record.reason = e.what();
    model.inputs.push_back(std::move(record));
    return;
  }

  const KindOverride* o = findOverride(options, real, display);
  if (o != nullptr && o->reader.empty()) {
    result.errors.emplace_back(
        display, 0, 0,
        "--kind " + kindList(o->kinds) + " applies to .properties files; name a structured kind for this file (" +
            [] {
              std::string ids;
              for (const std::string& id : inputReaderIds()) ids += (ids.empty() ? "" : ", ") + id;
              return ids;
            }() +
            ")");
    std::erase(result.unusedKindOverrides, o->path);
    return;
  }
  for (const InputReader& reader : inputReaders()) {
    if (o != nullptr && o->reader != reader.id) continue;
    if (syntax == InputSyntax::Env && !reader.readsFlatFiles) continue;
    const std::size_t before = model.entities.size();
    const std::size_t notesBefore = model.notes.size();
    InputBuilder in(result, file, display, real, syntax, options);
    try {
      if (!reader.read(tree, in)) continue;
    } catch (const InputError& e) {
      // A file of this kind that does not follow its schema: nothing of it is audited.
      model.entities.resize(before);
      model.notes.resize(notesBefore);
      result.errors.push_back(e);
      if (o != nullptr) std::erase(result.unusedKindOverrides, o->path);
      record.status = InputRecord::Status::Skipped;
      record.reason = e.what();
      model.inputs.push_back(std::move(record));
      return;
    }
    if (o != nullptr) std::erase(result.unusedKindOverrides, o->path);
    record.reason = std::string(reader.description);
    in.finish(record);
    for (std::size_t i = before; i < model.entities.size(); ++i) {
      const Entity& e = model.entities[i];
      if (std::find(record.kinds.begin(), record.kinds.end(), e.kind) == record.kinds.end()) {
        record.kinds.push_back(e.kind);
      }
    }
    model.inputs.push_back(std::move(record));
    return;
  }
  if (o != nullptr) {
    std::erase(result.unusedKindOverrides, o->path);
    result.errors.emplace_back(
        display, 1, 1,
        "not a " + o->reader + " file: " + std::string(findInputReader(o->reader)->description) + " not found in it");
    return;
  }
  // A YAML file found while scanning a directory is often not about Kafka at all (CI workflows,
  // manifests): skip it quietly. A file named on the command line must not pass silently.
  record.reason = "no Kafka configuration recognised";
  if (fromDirectory) {
    record.status = InputRecord::Status::Skipped;
  } else {
    record.status = InputRecord::Status::Unclassified;
    model.notes.push_back({InputNote::Kind::Unclassified,
                           {file, 1, 1},
                           "no Kafka configuration recognised (not a cluster spec, Strimzi resource, compose "
                           "file, Spring Boot, Helm values, topics-as-code or client config)",
                           {}});
  }
  model.inputs.push_back(std::move(record));
}

bool scannedExtension(const fs::path& p) {
  std::string name = toLower(p.filename().string());
  if (name.ends_with(".tpl")) name.resize(name.size() - 4);  // kafka.yaml.tpl: a YAML template
  for (const char* ext : {".properties", ".yaml", ".yml", ".toml", ".env"}) {
    if (name.ends_with(ext)) return true;
  }
  return false;
}

}  // namespace

void loadText(LoadResult& result, const std::string& displayPath, std::string content, const LoadOptions& options) {
  const bool bom = content.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (bom) content.erase(0, 3);
  const InputSyntax syntax = syntaxOf(displayPath);
  if (syntax == InputSyntax::Properties) {
    loadPropertiesText(result, displayPath, std::move(content), bom, options, displayPath);
  } else {
    loadStructuredText(result, displayPath, displayPath, content, syntax, options, false);
  }
}

LoadResult loadInputs(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  result.readableRoots = readableRoots(paths);
  for (const KindOverride& o : options.kindOverrides) result.unusedKindOverrides.push_back(o.path);
  struct Candidate {
    std::string display;
    std::string real;
    bool fromDirectory = false;
  };
  std::vector<Candidate> candidates;

  for (const std::string& p : paths) {
    if (p == "-") {
      std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      try {
        bool bom = content.compare(0, 3, "\xEF\xBB\xBF") == 0;
        if (bom) content.erase(0, 3);
        checkText("<stdin>", content);
        loadPropertiesText(result, "<stdin>", std::move(content), bom, options, "-");
      } catch (const InputError& e) {
        result.errors.push_back(e);
      }
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      result.errors.emplace_back(p, 0, 0, "no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      candidates.push_back({p, p, false});
      continue;
    }
    std::vector<Candidate> found;
    if (::access(p.c_str(), R_OK | X_OK) != 0) {
      result.errors.emplace_back(p, 0, 0, std::string("cannot read directory: ") + std::strerror(errno));
      continue;
    }
    // Unreadable subdirectories are reported below, so the iterator itself may skip them.
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result.errors.emplace_back(p, 0, 0, "cannot read directory: " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        result.errors.emplace_back(p, 0, 0, "cannot read directory: " + ec.message());
        break;
      }
      const fs::path& entry = it->path();
      // Named as found (not as resolved): a symbolic link is reported under its own name.
      const std::string display = (fs::path(p) / entry.lexically_relative(p)).lexically_normal().generic_string();
      std::error_code typeEc;
      if (it->is_directory(typeEc)) {
        if (isHidden(entry)) {
          it.disable_recursion_pending();
        } else if (::access(entry.c_str(), R_OK | X_OK) != 0) {
          result.errors.emplace_back(display, 0, 0, std::string("cannot read directory: ") + std::strerror(errno));
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!scannedExtension(entry) || isHidden(entry)) continue;
      if (it->is_symlink(typeEc)) {
        std::error_code linkEc;
        const fs::path target = fs::canonical(entry, linkEc);
        if (!linkEc && !withinRoots(target, result.readableRoots)) {
          result.errors.emplace_back(display, 0, 0,
                                     "symbolic link to " + target.generic_string() +
                                         ", outside the audited directories and their git work tree: not followed "
                                         "(name the file itself to audit it)");
          continue;
        }
      }
      found.push_back({display, entry.string(), true});
    }
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.display < b.display; });
    candidates.insert(candidates.end(), found.begin(), found.end());
  }

  // In the order of their names, whatever the order of the arguments, so that the same inputs
  // give the same report. The same file named twice (explicitly and through its directory) is read
  // once, under the first of its names. Structured files go first: a .properties file that a spec
  // reads as its broker or client config (`broker_config_file`) is then audited as part of the
  // spec only, not a second time alone.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.display < b.display; });
  std::stable_partition(candidates.begin(), candidates.end(),
                        [](const Candidate& c) { return syntaxOf(c.display) != InputSyntax::Properties; });
  std::set<std::string> seen;
  for (const Candidate& c : candidates) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(c.real, ec);
    const std::string identity = ec ? c.real : canonical.string();
    if (!seen.insert(identity).second) continue;
    if (auto claim = result.claimedFiles.find(identity); claim != result.claimedFiles.end()) {
      InputRecord record;
      record.file = result.model.files.add(c.display);
      record.status = InputRecord::Status::Skipped;
      record.reason = "read as part of " + claim->second;
      result.model.inputs.push_back(std::move(record));
      continue;
    }
    try {
      TextFile text = readTextFile(c.real, c.display);
      const InputSyntax syntax = syntaxOf(c.display);
      if (syntax == InputSyntax::Properties) {
        loadPropertiesText(result, c.display, std::move(text.content), text.hadByteOrderMark, options, c.real);
      } else {
        loadStructuredText(result, c.display, c.real, text.content, syntax, options, c.fromDirectory);
      }
    } catch (const InputError& e) {
      result.errors.push_back(e);
    }
  }
  // Links across files: a resource may name a cluster or config another file describes.
  for (const InputReader& reader : inputReaders()) {
    if (reader.link != nullptr) reader.link(result);
  }
  return result;
}

}  // namespace kafkalint
