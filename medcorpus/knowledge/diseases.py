"""The disease database (ChatDoctor's `format_dataset.csv`, its mini variant, or any table with a
column map) loaded into the workspace table `kb_diseases`.

List columns may be Python-literal lists (`"['Cough', 'Fever']"`, as ChatDoctor stores them), JSON
lists, or text separated by `;` or `|`. Literal `\\xe2\\x80\\x93`-style escapes left in the scraped
text are decoded. A `reason` (the disease description) that is junk (a scraped drug fragment such
as " beclomethasone nasal product, ", a disambiguation stub, or under 40 characters) is kept
but flagged in `reason_junk`, so prompts leave it out; the load reports how many.
"""
from __future__ import annotations

import ast
import json
import re
import time
from pathlib import Path
from typing import Any

from medcorpus.pipeline.io import BadInput, InputError, base_name, iter_records, table_columns
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Rejected

TABLE = "kb_diseases"
DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    disease_id VARCHAR, name VARCHAR, symptoms VARCHAR[], tests VARCHAR[], medications VARCHAR[],
    reason VARCHAR, reason_junk VARCHAR, source_file VARCHAR, row BIGINT)"""

FIELDS = ("id", "name", "symptoms", "tests", "medications", "reason")
# column names recognised without --map (compared case- and space-insensitively)
KNOWN_COLUMNS = {
    "id": ("idx", "id", "disease_id"),
    "name": ("disease", "name", "disease_name"),
    "symptoms": ("symptom", "symptoms"),
    "tests": ("testsandprocedures", "medicaltests", "tests", "procedures"),
    "medications": ("commonmedications", "medications", "medication", "drugs"),
    "reason": ("reason", "description", "about"),
}
MIN_REASON_CHARS = 40
_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_FRAGMENT = re.compile(r"^[a-z0-9][^.!?]*,$")  # ' thiamine, ', ' bisacodyl (the magic bullet), '


def _key(col: str) -> str:
    return re.sub(r"[\s_\-]+", "", col.lower())


def resolve_columns(columns: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """field -> column, from --map first, then the known ChatDoctor names."""
    mapping = dict(mapping or {})
    for field in mapping:
        if field not in FIELDS:
            raise InputError(f"--map {field}=...: unknown field {field!r} (one of {', '.join(FIELDS)})")
    for field, column in mapping.items():
        if column not in columns:
            raise InputError(f"--map {field}={column}: no column {column!r}; the file has: {', '.join(columns)}")
    by_key = {_key(c): c for c in columns}
    for field, names in KNOWN_COLUMNS.items():
        if field in mapping:
            continue
        for name in names:
            if name in by_key:
                mapping[field] = by_key[name]
                break
    missing = [f for f in ("name", "symptoms") if f not in mapping]
    if missing:
        raise InputError(f"cannot find the {' and '.join(missing)} column(s) among: {', '.join(columns)} "
                         f"(use --map name=COLUMN --map symptoms=COLUMN ...)")
    return mapping


def decode_escapes(text: str) -> str:
    """'Ullrich\\xe2\\x80\\x93Turner' (literal backslashes, as scraped) -> 'Ullrich–Turner'."""
    def fix(m: re.Match) -> str:
        raw = bytes.fromhex(m.group(0).replace("\\x", ""))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)
    return _ESCAPES.sub(fix, text)


def parse_list(value: Any, column: str) -> list[str]:
    """A list cell: Python literal, JSON, or text split on ';' / '|'. ValueError if malformed."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = list(value)
    else:
        text = str(value).strip()
        if not text:
            return []
        if text.startswith("["):
            try:
                items = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                try:
                    items = json.loads(text)
                except json.JSONDecodeError:
                    raise ValueError(f"column {column!r}: malformed list {text[:60]!r}") from None
            if not isinstance(items, list):
                raise ValueError(f"column {column!r}: expected a list, got {type(items).__name__}")
        else:
            sep = ";" if ";" in text else "|" if "|" in text else None
            items = text.split(sep) if sep else [text]
    out, seen = [], set()
    for item in items:
        s = decode_escapes(str(item)).strip()
        if s and s.lower() not in seen:
            seen.add(s.lower())
            out.append(s)
    return out


def reason_junk(reason: str | None) -> str | None:
    """Why a `reason` text is unfit for a prompt, or None when it is fine (or absent)."""
    if reason is None:
        return None
    s = reason.strip()
    if not s:
        return "empty"
    if _FRAGMENT.match(s):
        return "drug-fragment shape"
    if re.search(r"\b(may|can) refer to\s*:?\s*$", s, re.I):
        return "disambiguation stub"
    if len(s) < MIN_REASON_CHARS:
        return f"too short (<{MIN_REASON_CHARS} chars)"
    return None


def load_diseases(ws: Workspace, path: Path, mapping: dict[str, str] | None = None) -> RunSummary:
    """Load (or reload: rows from the same file name are replaced) one disease table."""
    path = Path(path)
    columns = table_columns(path)
    if columns is None:
        # JSON/JSONL: take the keys of the first object
        first = next((obj for _, obj in iter_records(path) if isinstance(obj, dict)), None)
        if first is None:
            raise InputError(f"{path}: no records")
        columns = list(first)
    cols = resolve_columns(columns, mapping)
    source = base_name(path)
    ws.exec(DDL)
    run_id = ws.start_run("kb_diseases", "", {"file": str(path), "map": cols})
    started = time.perf_counter()
    rows: list[tuple] = []
    rejects: list[Rejected] = []
    junk: dict[str, int] = {}
    n_read = decoded = 0
    seen_ids: set[str] = set()
    status = "failed"
    try:
        for line, obj in iter_records(path):
            n_read += 1
            if isinstance(obj, BadInput):
                rejects.append(Rejected(reason=obj.reason, file=str(path), line=line, snippet=obj.snippet))
                continue
            try:
                name = decode_escapes(str(obj.get(cols["name"]) or "")).strip()
                if not name:
                    raise ValueError(f"empty disease name in column {cols['name']!r}")
                lists = {f: parse_list(obj.get(cols[f]), cols[f]) if f in cols else []
                         for f in ("symptoms", "tests", "medications")}
            except ValueError as exc:
                rejects.append(Rejected(reason=str(exc), file=str(path), line=line, snippet=str(obj)[:200]))
                continue
            raw_reason = obj.get(cols["reason"]) if "reason" in cols else None
            reason = None
            if raw_reason is not None:
                reason = decode_escapes(str(raw_reason)).strip()
                decoded += reason != str(raw_reason).strip()
            why = reason_junk(reason)
            if why:
                junk[why] = junk.get(why, 0) + 1
            local_id = str(obj.get(cols["id"])).strip() if "id" in cols and obj.get(cols["id"]) not in (None, "") \
                else str(line)
            disease_id = f"{source.rsplit('.', 1)[0]}:{local_id}"
            if disease_id in seen_ids:
                rejects.append(Rejected(reason=f"duplicate id {local_id!r}", file=str(path), line=line,
                                        snippet=name))
                continue
            seen_ids.add(disease_id)
            rows.append((disease_id, name, lists["symptoms"], lists["tests"], lists["medications"],
                         reason or None, why, source, line))
        with ws.transaction():
            ws.exec(f"DELETE FROM {TABLE} WHERE source_file = ?", [source])
            if rows:
                import pyarrow as pa

                names = ("disease_id", "name", "symptoms", "tests", "medications", "reason", "reason_junk",
                         "source_file", "row")
                types = (pa.string(), pa.string(), pa.list_(pa.string()), pa.list_(pa.string()),
                         pa.list_(pa.string()), pa.string(), pa.string(), pa.string(), pa.int64())
                columns = list(zip(*rows))
                ws.insert_arrow(TABLE, pa.table({n: pa.array(c, t) for n, c, t in zip(names, columns, types)}))
            ws.add_rejects(rejects, "kb_diseases", run_id)
        status = "ok"
    finally:
        seconds = time.perf_counter() - started
        extra = {"file": str(path), "columns": cols, "reason_junk": sum(junk.values()),
                 "reason_junk_by_kind": junk, "decoded_escapes": decoded,
                 "without_symptoms": sum(1 for r in rows if not r[2])}
        ws.finish_run(run_id, status, n_read, len(rows), len(rejects), 0, seconds, extra)
    return RunSummary(stage="kb_diseases", n_in=n_read, n_out=len(rows), n_rejected=len(rejects),
                      seconds=round(seconds, 3), extra=extra)


def disease_count(ws: Workspace) -> int:
    if not ws.one("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [TABLE]):
        return 0
    return ws.one(f"SELECT count(*) FROM {TABLE}")[0]


def iter_diseases(ws: Workspace, limit: int | None = None, ids: list[str] | None = None) -> list[dict]:
    """Entries in load order (file, row), as dicts."""
    if not disease_count(ws):
        return []
    where = ""
    params: list[Any] = []
    if ids:
        where = "WHERE disease_id IN (SELECT unnest(?))"
        params = [ids]
    lim = f" LIMIT {int(limit)}" if limit else ""
    return ws.fetch_rows(f"SELECT * FROM {TABLE} {where} ORDER BY source_file, row{lim}", params)
