// The rule-file fields, one row each (docs/rule-language.md; the reference page docs/rules/README.md
// is generated from the rows). A new field is one row and the RuleInfo member it fills.
#include "rule_file/fields.hpp"

#include "checks/registry.hpp"
#include "rule_file/names.hpp"

namespace kafkalint {

namespace {

using Rule = RuleSet::Compiled;

void readId(FieldValues& in, const TreeNode& v, Rule& r) {
  r.info.id = in.scalar(v, "id");
  if (!isRuleId(r.info.id))
    in.fail(v, "expected an id of capital letters then digits (at most 32 characters), such as KL0102");
}

void readName(FieldValues& in, const TreeNode& v, Rule& r) {
  r.info.name = in.scalar(v, "name");
  if (!isKebabName(r.info.name)) in.fail(v, "expected a kebab-case name, such as broker-min-insync-replicas");
}

void readSeverity(FieldValues& in, const TreeNode& v, Rule& r) {
  auto severity = parseSeverity(in.scalar(v, "severity"));
  if (!severity) in.fail(v, "expected severity error, warning or note");
  r.info.severity = *severity;
}

void readScope(FieldValues& in, const TreeNode& v, Rule& r) {
  for (const std::string& s : in.stringList(v, "scope")) {
    if (s == "client") {
      r.info.scope.push_back(EntityKind::Producer);
      r.info.scope.push_back(EntityKind::Consumer);
    } else if (s == "any") {
      r.info.scope.assign(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
    } else if (auto k = parseEntityKind(s)) {
      r.info.scope.push_back(*k);
    } else {
      in.fail(v,
              "unknown scope '" + s +
                  "' (expected broker, controller, topic, producer, consumer, client, connect, cluster, file or any)");
    }
  }
  if (r.info.scope.empty()) in.fail(v, "expected at least one scope");
}

void readForEach(FieldValues& in, const TreeNode& v, Rule& r) {
  r.info.forEach = in.scalar(v, "for_each");
  if (r.info.forEach != "topic") in.fail(v, "expected for_each: topic");
  for (EntityKind k : r.info.scope) {
    if (k != EntityKind::Producer && k != EntityKind::Consumer)
      in.fail(v, "for_each: topic applies to producer and consumer rules only");
  }
}

void readTemplate(FieldValues& in, const TreeNode& v, Rule& r) {
  r.info.templateName = in.scalar(v, "template");
  if (findTemplate(r.info.templateName) == nullptr)
    in.fail(v, "unknown template '" + r.info.templateName + "' (expected one of: " + templateNames() + ")");
}

void readSummary(FieldValues& in, const TreeNode& v, Rule& r) { r.info.summary = in.scalar(v, "summary"); }
void readRationale(FieldValues& in, const TreeNode& v, Rule& r) { r.info.rationale = in.scalar(v, "rationale"); }
void readRemediation(FieldValues& in, const TreeNode& v, Rule& r) { r.info.remediation = in.scalar(v, "remediation"); }
void readReferences(FieldValues& in, const TreeNode& v, Rule& r) { r.info.references = in.stringList(v, "references"); }
void readTags(FieldValues& in, const TreeNode& v, Rule& r) { r.info.tags = in.stringList(v, "tags"); }

void readSuppressible(FieldValues& in, const TreeNode& v, Rule& r) {
  const std::string text = in.scalar(v, "suppressible");
  if (text != "true" && text != "false") in.fail(v, "expected suppressible: true or false");
  r.info.suppressible = text == "true";
}

// `name: value`, or `name: {default: value, description: text}`.
RuleParam readParam(FieldValues& in, const TreeEntry& entry) {
  RuleParam param;
  param.name = entry.first.scalar;
  if (!isSnakeName(param.name)) in.fail(entry.first, "expected a snake_case parameter name");
  const TreeNode& v = entry.second;
  if (!v.isMap()) {
    param.value = in.paramValue(v);
    return param;
  }
  in.checkDuplicateKeys(v);
  for (const TreeEntry& f : v.entries) {
    if (f.first.scalar != "default" && f.first.scalar != "description")
      in.fail(f.first, "expected 'default' or 'description' in a parameter");
  }
  const TreeNode* value = v.get("default");
  if (value == nullptr) in.fail(v, "missing 'default' for parameter '" + param.name + "'");
  param.value = in.paramValue(*value);
  if (const TreeNode* description = v.get("description")) param.description = in.scalar(*description, "description");
  return param;
}

void readParams(FieldValues& in, const TreeNode& v, Rule& r) {
  if (!v.isMap()) in.fail(v, "expected a mapping of parameter names to default values under 'params'");
  in.checkDuplicateKeys(v);
  for (const TreeEntry& entry : v.entries) {
    RuleParam param = readParam(in, entry);
    r.params[param.name] = param.value;
    r.info.params.push_back(std::move(param));
  }
}

void readKeys(FieldValues& in, const TreeNode& v, Rule& r) { r.info.keys = in.stringList(v, "keys"); }

void readWhen(FieldValues& in, const TreeNode& v, Rule& r) {
  r.info.when = in.scalar(v, "when");
  if (r.info.when.empty()) in.fail(v, "expected a value at the end of the expression");
}

void readRequire(FieldValues& in, const TreeNode& v, Rule& r) { r.info.require = in.scalar(v, "require"); }
void readMessage(FieldValues& in, const TreeNode& v, Rule& r) { r.info.message = in.scalar(v, "message"); }

using U = FieldUse;

constexpr RuleField kFields[] = {
    {"id", true, U::AnyRule, readId, "stable id: capital letters then digits (`KL...` is kafkalint's)"},
    {"name", true, U::AnyRule, readName, "kebab-case, unique"},
    {"severity", true, U::AnyRule, readSeverity, "`error`, `warning` or `note`"},
    {"scope", true, U::AnyRule, readScope,
     "what the rule checks: `broker`, `controller`, `topic`, `producer`, `consumer`, `client` (= producer and "
     "consumer), `connect`, `cluster`, `file`, `any`; or a list"},
    {"for_each", false, U::AnyRule, readForEach,
     "`topic`, for producer and consumer rules: check the rule once per topic the client produces to or consumes "
     "from"},
    {"template", false, U::AnyRule, readTemplate,
     "the check: `expression` (the default: conditions in the rule language) or a template implemented in code"},
    {"summary", true, U::AnyRule, readSummary, "one line, shown by `kafkalint rules`"},
    {"rationale", true, U::AnyRule, readRationale, "why it matters (`kafkalint explain`, the rule's page)"},
    {"remediation", true, U::AnyRule, readRemediation, "how to fix it"},
    {"references", false, U::AnyRule, readReferences, "links to the documentation behind the rule"},
    {"tags", false, U::AnyRule, readTags, "words to select rules by (`--select`, `--ignore`)"},
    {"suppressible", false, U::AnyRule, readSuppressible,
     "`false` for rules that say a check could not be made: they cannot be turned off, downgraded, suppressed or "
     "baselined"},
    {"params", false, U::AnyRule, readParams,
     "values the conditions use as `$name`: `name: value` or `name: {default: value, description: text}`"},
    {"keys", true, U::ExpressionRules, readKeys,
     "the keys the rule is about: their effective values and sources go into the report; the first one set in the "
     "file locates the finding"},
    {"when", false, U::ExpressionRules, readWhen, "the rule applies only when this condition is true"},
    {"require", true, U::ExpressionRules, readRequire, "the condition that must hold, otherwise there is a finding"},
    {"message", true, U::ExpressionRules, readMessage, "the finding's text; `{expression}` holes are filled in"},
};

}  // namespace

std::span<const RuleField> ruleFields() { return kFields; }

const RuleField* findField(std::string_view name) {
  for (const RuleField& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool appliesTo(const RuleField& field, std::string_view templateName) {
  return field.use == FieldUse::AnyRule || templateName == "expression";
}

}  // namespace kafkalint
