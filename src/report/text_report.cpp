// The text report: one finding per line, `path:line:col: severity ID [name] message`, the
// durability budget of the topics, then a summary.
#include <algorithm>
#include <map>
#include <set>

#include "kafkalint/report.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string wrap(std::string_view code, std::string_view text) const {
    if (!on || code.empty()) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
  [[nodiscard]] std::string severity(Severity s) const {
    switch (s) {
      case Severity::Error:
        return wrap("1;31", "error");
      case Severity::Warning:
        return wrap("1;33", "warning");
      case Severity::Note:
        return wrap("1;36", "note");
    }
    return "";
  }
};

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// A table cell: plain text (column widths are computed from it) and an optional colour.
struct Cell {
  std::string text;
  std::string_view color;
  bool right = false;  // numbers are right-aligned
};

// "1 / 0": broker / rack failures survived; `passed` when the limit is already passed.
std::string failures(const FailureBudget& b, std::string_view passed) {
  if (b.brokers < 0) return std::string(passed);
  return std::to_string(b.brokers) + " / " + (b.racks ? std::to_string(*b.racks) : "-");
}

std::string_view failureColor(std::int64_t brokers) { return brokers < 0 ? "1;31" : brokers == 0 ? "33" : ""; }

struct BudgetColumns {
  bool cluster = false;    // topics of more than one cluster
  bool partition = false;  // some topic has a placement: its worst partition
};

std::vector<Cell> budgetHeader(BudgetColumns columns) {
  std::vector<Cell> header;
  if (columns.cluster) header.push_back({"cluster", ""});
  for (const char* h : {"topic", "partitions", "RF", "min ISR", "unclean", "writes survive", "acked writes survive"})
    header.push_back({h, ""});
  if (columns.partition) header.push_back({"worst partition", ""});
  header.push_back({"basis", ""});
  return header;
}

std::vector<Cell> budgetRow(const TopicBudget& b, BudgetColumns columns) {
  std::vector<Cell> row;
  if (columns.cluster) {
    // Some inputs name a cluster after its file: keep the end, which tells them apart.
    constexpr std::size_t kWidest = 32;
    const std::string& name = b.clusterName();
    row.push_back({name.empty()             ? "-"
                   : name.size() <= kWidest ? name
                                            : "..." + name.substr(name.size() - (kWidest - 3)),
                   ""});
  }
  row.push_back({b.topic->name, ""});
  if (!b.computed()) {
    row.push_back({"could not be computed: " + b.notComputed, "33"});
    return row;
  }
  const bool placement = b.basis == TopicBudget::Basis::Placement;
  std::string rf = std::to_string(b.replicationFactor);
  if (b.maxReplicationFactor != b.replicationFactor) rf.append("-").append(std::to_string(b.maxReplicationFactor));
  row.push_back({b.partitions ? std::to_string(*b.partitions) : "?", "", true});
  row.push_back({rf, "", true});
  row.push_back({std::to_string(b.minInsyncReplicas), "", true});
  row.push_back(
      {b.uncleanElection ? (*b.uncleanElection ? "yes" : "no") : "?", b.uncleanElection.value_or(true) ? "33" : ""});
  row.push_back({b.neverWritable ? "never" : failures(b.writes, "stopped"), failureColor(b.writes.brokers)});
  row.push_back({failures(b.ackedWrites, "at risk"), failureColor(b.ackedWrites.brokers)});
  if (columns.partition) {
    std::string worst = "-";
    if (placement) {
      worst = std::to_string(b.writes.partition);
      if (b.ackedWrites.partition != b.writes.partition) {
        worst += " (acked: " + std::to_string(b.ackedWrites.partition) + ")";
      }
    }
    row.push_back({worst, ""});
  }
  row.push_back({placement ? "placement" : "nominal", ""});
  return row;
}

// "1 topic stopped now, 2 survive no broker failure, 5 survive 1, 14 survive 2 or more".
std::string survivalCounts(const std::vector<TopicBudget>& budgets, FailureBudget TopicBudget::*column,
                           std::string_view passed) {
  std::size_t counts[4] = {0, 0, 0, 0};  // passed, 0, 1, 2 or more
  for (const TopicBudget& b : budgets) {
    if (b.computed()) ++counts[std::min<std::int64_t>((b.*column).brokers + 1, 3)];
  }
  const std::string what[4] = {std::string(passed), "no broker failure", "1", "2 or more"};
  std::string out;
  for (int i = 0; i < 4; ++i) {
    if (counts[i] == 0) continue;
    const bool one = counts[i] == 1;
    out += (out.empty() ? "" : ", ") + std::to_string(counts[i]) + (out.empty() ? (one ? " topic" : " topics") : "") +
           (i == 0 ? " "
            : one  ? " survives "
                   : " survive ") +
           what[i];
  }
  return out;
}

// Rows of cells, each column as wide as its widest cell; the first row is the header.
void writeTable(std::ostream& out, const std::vector<std::vector<Cell>>& rows, const Style& style) {
  const std::size_t columnCount = rows.front().size();
  std::vector<std::size_t> widths(columnCount, 0);
  for (const auto& row : rows) {
    // The reason ending a row without numbers spans the remaining columns: it does not size them.
    const std::size_t sized = row.size() == columnCount ? columnCount : row.size() - 1;
    for (std::size_t c = 0; c < sized; ++c) widths[c] = std::max(widths[c], row[c].text.size());
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const Cell& cell = rows[r][c];
      const bool last = c + 1 == rows[r].size();
      const std::size_t pad = last ? 0 : widths[c] - cell.text.size();
      const std::string text = r == 0 ? style.wrap("1", cell.text) : style.wrap(cell.color, cell.text);
      line += "  " + (cell.right ? std::string(pad, ' ') + text : text + (last ? "" : std::string(pad, ' ')));
    }
    out << line << "\n";
  }
}

// The durability budget section: an aligned table, worst topics first (docs/durability-budget.md).
void writeBudgets(std::ostream& out, const std::vector<TopicBudget>& budgets, const Style& style, bool verbose) {
  if (budgets.empty()) return;
  constexpr std::size_t kShown = 20;
  const std::size_t shown = verbose ? budgets.size() : std::min(budgets.size(), kShown);
  std::set<std::string> clusters;
  std::size_t computed = 0;
  BudgetColumns columns;
  for (std::size_t i = 0; i < budgets.size(); ++i) {
    clusters.insert(budgets[i].clusterName());
    computed += budgets[i].computed() ? 1 : 0;
    if (i < shown && budgets[i].computed() && budgets[i].basis == TopicBudget::Basis::Placement) {
      columns.partition = true;
    }
  }
  columns.cluster = clusters.size() > 1;

  std::vector<std::vector<Cell>> rows = {budgetHeader(columns)};
  for (std::size_t i = 0; i < shown; ++i) rows.push_back(budgetRow(budgets[i], columns));
  for (auto& row : rows) {
    for (Cell& cell : row) cell.text = printable(cell.text);  // topic names come from the inputs
  }
  out << "\n"
      << style.wrap("1", "Durability budget")
      << ": failures each topic survives, brokers / racks (\"-\": racks not known), at its worst partition\n";
  writeTable(out, rows, style);
  if (shown < budgets.size()) {
    out << "  ... the " << shown << " worst of " << budgets.size() << " topics are shown; -v lists them all\n";
  }
  if (computed > 0) {
    out << "  acks=all writes: " << survivalCounts(budgets, &TopicBudget::writes, "stopped now") << "\n"
        << "  acknowledged writes: " << survivalCounts(budgets, &TopicBudget::ackedWrites, "at risk now") << "\n";
  }
  if (computed < budgets.size()) {
    out << "  not computed for " << plural(budgets.size() - computed, "topic")
        << ": their min.insync.replicas or replication factor is not known\n";
  }
  out << "  writes survive: broker failures before acks=all writes stop. acked writes survive: before acknowledged\n"
         "  writes can be lost, counting broker crashes where unclean election is on and lost disks otherwise (a\n"
         "  crash then only takes the partition offline). nominal: replication factor and min.insync.replicas with\n"
         "  every replica in sync; where the replicas are is not known.\n";
}

// Baseline entries that no finding matches any more: fixed, or renamed.
void writeStaleBaseline(std::ostream& out, const GateSummary& gate, const Style& style, bool verbose) {
  if (gate.staleBaseline.empty()) return;
  constexpr std::size_t kShown = 10;
  const std::size_t shown = verbose ? gate.staleBaseline.size() : std::min(gate.staleBaseline.size(), kShown);
  out << "\n"
      << style.wrap("1", "Baseline entries no finding matches any more") << " (" << gate.baselinePath
      << "; fixed or renamed: write it again with --write-baseline to drop them):\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const BaselineEntry& e = gate.staleBaseline[i];
    out << "  " << printable(gate.baselinePath) << ":" << e.line << ": " << printable(e.identity.rule) << " "
        << printable(e.identity.entity);
    if (!e.identity.topic.empty()) out << " topic " << printable(e.identity.topic);
    if (e.count > 1) out << " (" << e.count << " findings)";
    out << "\n";
  }
  if (shown < gate.staleBaseline.size()) {
    out << "  ... and " << gate.staleBaseline.size() - shown << " more (-v lists every one)\n";
  }
}

// One finding: `path:line:col: severity ID [name] message`, and (-v) its effective values.
void writeFinding(std::ostream& out, const Finding& f, const SourceFiles& files, const Style& style, bool verbose) {
  const std::string entity = std::string(entityKindId(f.entityKind)) + " " + f.entityName;
  std::string where = !f.location.valid()    ? entity
                      : f.location.line == 0 ? files.path(f.location.file) + " " + entity  // a live cluster
                                             : files.path(f.location.file) + ":" + std::to_string(f.location.line) +
                                                   ":" + std::to_string(f.location.column);
  // Names and messages quote the inputs: printed through printable(), never raw.
  out << style.wrap("1", printable(where)) << ": " << style.severity(f.severity) << " " << f.ruleId << " ["
      << f.ruleName << "] " << printable(f.message);
  if (!f.suppressions.empty()) {
    const Suppression& s = f.suppressions.front();
    out << style.wrap("2", std::string(" [suppressed") + (s.kind == Suppression::Kind::InSource ? " inline" : "") +
                               ": " + printable(s.justification) + "]");
  } else if (f.baselineState == BaselineState::Unchanged) {
    out << style.wrap("2", " [in baseline]");
  }
  out << "\n";
  if (!verbose) return;
  for (const EffectiveEntry& e : f.effective) {
    out << "    " << printable(e.key) << " = " << printable(e.isSet ? e.value : "(not set)") << "  ("
        << printable(describeProvenance(e.provenance, files)) << ")\n";
  }
}

// "; 2 suppressed (1 inline, 1 by [[suppress]] entries); 5 in the baseline..."
std::string gateSummary(const GateSummary& gate) {
  std::string summary;
  const std::size_t suppressed = gate.suppressedInline + gate.suppressedByEntry;
  if (suppressed > 0) {
    summary += "; " + std::to_string(suppressed) + " suppressed (" + std::to_string(gate.suppressedInline) +
               " inline, " + std::to_string(gate.suppressedByEntry) + " by [[suppress]] entries)";
  }
  if (gate.baselineUsed) {
    summary += "; " + std::to_string(gate.baselined) + " in the baseline";
    if (!gate.staleBaseline.empty()) {
      const std::size_t n = gate.staleBaseline.size();
      summary += ", " + std::to_string(n) + (n == 1 ? " stale baseline entry" : " stale baseline entries");
    }
  }
  if ((suppressed > 0 || gate.baselined > 0) && !gate.showSuppressed) summary += " (--show-suppressed lists them)";
  if (gate.excluded > 0) summary += "; " + plural(gate.excluded, "finding") + " on excluded entities";
  if (gate.belowMinSeverity > 0) summary += "; " + std::to_string(gate.belowMinSeverity) + " below --min-severity";
  return summary;
}

// The last line: counts of what fails the gate, what was checked, under which defaults.
std::string summaryLine(const Report& report, const std::size_t (&counts)[3]) {
  std::size_t checked = 0, skipped = 0, unclassified = 0;
  std::map<EntityKind, std::size_t> kinds;
  for (const InputRecord& in : report.model.inputs) {
    if (in.status == InputRecord::Status::Checked) ++checked;
    if (in.status == InputRecord::Status::Skipped) ++skipped;
    if (in.status == InputRecord::Status::Unclassified) ++unclassified;
  }
  for (const Entity& e : report.model.entities) ++kinds[e.kind];

  std::string summary;
  summary += plural(counts[2], "error") + ", " + plural(counts[1], "warning") + ", " + plural(counts[0], "note");
  if (checked > 0 || report.model.live.empty()) summary += " in " + plural(checked, "file") + " checked";
  for (const LiveCluster& live : report.model.live) {
    summary += (checked > 0 ? " and" : "") + std::string(" in the cluster at ") + live.bootstrap;
  }
  if (!kinds.empty()) {
    summary += " (";
    bool first = true;
    for (auto [kind, n] : kinds) {
      summary += (first ? "" : ", ") + plural(n, entityKindId(kind));
      first = false;
    }
    summary += ")";
  }
  summary += "; Kafka " + report.kafkaVersion.str() + " defaults";
  if (report.clientVersion != report.kafkaVersion) summary += " (Java clients " + report.clientVersion.str() + ")";
  if (skipped > 0) summary += "; " + plural(skipped, "file") + " skipped";
  if (unclassified > 0) summary += "; " + plural(unclassified, "file") + " not recognised";
  if (!report.errors.empty()) summary += "; " + plural(report.errors.size(), "input error");
  if (report.gate != nullptr) summary += gateSummary(*report.gate);
  return summary;
}

}  // namespace

void writeText(std::ostream& out, const Report& report, const TextOptions& options) {
  const Style style{options.color};
  std::size_t counts[3] = {0, 0, 0};
  for (const Finding& f : report.findings) {
    if (countsForGate(f)) ++counts[static_cast<int>(f.severity)];
    writeFinding(out, f, report.model.files, style, options.verbose);
  }
  if (report.budgets != nullptr) writeBudgets(out, *report.budgets, style, options.verbose);
  if (report.gate != nullptr) writeStaleBaseline(out, *report.gate, style, options.verbose);
  out << style.wrap("1", "kafkalint: ") << summaryLine(report, counts) << "\n";
}

}  // namespace kafkalint
