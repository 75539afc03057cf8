"""Reading and writing the recorded oracle tables (tests/oracles/tables/FAMILY.tsv).

A table is UTF-8 text: `#` header lines (family, client versions, date, regeneration command), a
column line, then one row per (release, cell), tab-separated:

    release  role  cell  settings  outcome  error  key=value  key=value ...

settings: what the cell sets, `key=value` separated by single spaces ("-" when nothing);
outcome:  ok (the client accepted the configuration), refused (it threw / returned an error; the
          error column has the exception or error text), nofield (the release has no such setting;
          Sarama), badvalue (the value could not be set);
values:   the effective value of each recorded key as the client has it after its own processing
          ("n/a": this release has no such key; "null": no value). Recorded for refused cells too
          where the client has a config object (Sarama), otherwise absent.
"""
import pathlib

import matrix

COLUMNS = ["release", "role", "cell", "settings", "outcome", "error", "values..."]


def settings_text(settings):
    return " ".join(f"{k}={v}" for k, v in settings.items()) or "-"


def write(path, family, title, versions, date, command, rows):
    cells = {(role, cid): s for role in ("producer", "consumer") for cid, s in matrix.cells(family, role)}
    lines = [
        f"# kafkalint oracle table: {family} - {title}",
        f"# recorded: {date}",
        f"# regenerate: {command}",
    ]
    lines += [f"# release {label}: {what}" for label, what in versions.items()]
    lines += ["# see tests/oracles/README.md and tables.py for the columns", "\t".join(COLUMNS)]
    for row in rows:
        parts = row.split("\t")
        release, role, cid, outcome, error = parts[:5]
        values = parts[5:]
        settings = cells[(role, cid)]
        lines.append("\t".join([release, role, cid, settings_text(settings), outcome, error or "-"] + values))
    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


class Row:
    def __init__(self, parts):
        self.release, self.role, self.cell, settings, self.outcome, error = parts[:6]
        self.error = "" if error == "-" else error
        self.settings = {} if settings == "-" else dict(kv.split("=", 1) for kv in settings.split(" "))
        self.values = dict(kv.split("=", 1) for kv in parts[6:] if kv)


def read(path):
    """(header lines, rows) of a table."""
    header, rows = [], []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            header.append(line)
        elif line.startswith("release\t") or not line:
            continue
        else:
            rows.append(Row(line.split("\t")))
    return header, rows
