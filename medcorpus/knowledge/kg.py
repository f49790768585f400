"""Knowledge graphs in the workspace: entities (name, type) and edges (head, relation, tail).

Formats
- ``nodes-json``: a JSON array (or JSONL) of ``{node_1, relation, node_2}`` where each node is
  ``"<type>\\t<name>"`` (the TCM herb and formula KGs). A ``dose`` edge that directly follows a
  ``composition`` edge on the same herb is the dose *of that herb in that prescription*: it is
  folded into the composition edge as its ``qualifier`` (kept as a plain edge it would give the
  herb every dose of every prescription it appears in).
- ``triples-tsv``: ``head<TAB>tail<TAB>relation`` lines without a header (SymMap / ChatMed's
  sample); entities have no type (``""``) unless ``--map head_type=COL`` / ``tail_type=COL``.
- ``table``: any CSV/TSV/JSONL/Parquet with ``--map head=COL --map relation=COL --map tail=COL
  [--map head_type=COL --map tail_type=COL --map qualifier=COL]``.

Tables: ``kb_entities(entity_id, name, type, source)`` and ``kb_edges(head_id, relation, tail_id,
qualifier, source, line)``. An entity is identified by (type, name) across files, so a herb of the
formula KG is the same entity as in the herb KG. Loading a file replaces that source's edges
(idempotent). The views ``kg_entities`` / ``kg_edges`` add the disease database
(``kb_diseases``, when loaded) as disease -> symptom / test / medication / description.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pyarrow as pa

from medcorpus.pipeline.io import BadInput, InputError, base_name, file_kind, iter_records, open_binary, table_columns, parse_map as parse_field_map
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import DBError, Workspace
from medcorpus.schemas import Rejected

FORMATS = ("auto", "nodes-json", "triples-tsv", "table")
MAP_FIELDS = ("head", "relation", "tail", "head_type", "tail_type", "qualifier")
STAGE = "kb-load-kg"
FOLD = {"dose": "composition"}  # relation -> the relation whose edge it qualifies (nodes-json)

_DDL = """
CREATE TABLE IF NOT EXISTS kb_entities (entity_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, source VARCHAR);
CREATE TABLE IF NOT EXISTS kb_edges (head_id VARCHAR, relation VARCHAR, tail_id VARCHAR, qualifier VARCHAR,
    source VARCHAR, line BIGINT);
"""


def entity_id(type_: str, name: str) -> str:
    """Stable id of an entity: md5 of type and name (the same expression exists in SQL: `_SQL_ID`)."""
    return hashlib.md5(f"{type_}\x1f{name}".encode()).hexdigest()[:16]


def _sql_id(type_expr: str, name_expr: str) -> str:
    return f"substr(md5({type_expr} || chr(31) || {name_expr}), 1, 16)"


def ensure_tables(ws: Workspace) -> None:
    """The KG tables and views (idempotent; call before reading `kg_entities` / `kg_edges`)."""
    ensure_views(ws)


def has_table(ws: Workspace, name: str) -> bool:
    return ws.one("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name])[0] > 0


def ensure_views(ws: Workspace) -> None:
    """(Re)create the views `kg_entities` and `kg_edges`: the loaded KGs plus, when the disease
    database has been loaded (`kb_diseases`), diseases as a KG. Built at call time, so nothing
    depends on the disease loader being installed."""
    ws.exec(_DDL)
    ents = ["SELECT entity_id, name, type, source FROM kb_entities"]
    edges = ["SELECT head_id, relation, tail_id, qualifier, source, line, 0 FROM kb_edges"]
    if has_table(ws, "kb_diseases"):
        d_id = _sql_id("'disease'", "d.name")
        ents.append(f"SELECT DISTINCT {d_id}, d.name, 'disease', d.source_file FROM kb_diseases d "
                    f"WHERE d.name IS NOT NULL AND trim(d.name) <> ''")
        r_id = _sql_id("'description'", "d.reason")
        ok = ("d.reason IS NOT NULL AND trim(d.reason) <> '' "  # reason_junk: why the text is junk, or NULL
              "AND coalesce(CAST(d.reason_junk AS VARCHAR), '') IN ('', 'false')")
        ents.append(f"SELECT DISTINCT {r_id}, d.reason, 'description', d.source_file FROM kb_diseases d WHERE {ok}")
        edges.append(f"SELECT {d_id}, 'description', {r_id}, NULL, d.source_file, d.\"row\", 0 FROM kb_diseases d "
                     f"WHERE {ok} AND d.name IS NOT NULL")
        for rank, (rel, col) in enumerate((("symptom", "symptoms"), ("test", "tests"), ("medication", "medications")), 1):
            v_id = _sql_id(f"'{rel}'", "v")
            src = (f"(SELECT d.name AS dname, d.source_file AS sf, d.\"row\" AS rw, unnest(d.{col}) AS v, "
                   f"generate_subscripts(d.{col}, 1) AS i FROM kb_diseases d WHERE d.name IS NOT NULL)")
            ents.append(f"SELECT DISTINCT {v_id}, v, '{rel}', sf FROM {src} WHERE v IS NOT NULL AND trim(v) <> ''")
            edges.append(f"SELECT {_sql_id(chr(39) + 'disease' + chr(39), 'dname')}, '{rel}', {v_id}, "
                         f"NULL, sf, rw, {rank * 100000} + i FROM {src} WHERE v IS NOT NULL AND trim(v) <> '' "
                         f"QUALIFY row_number() OVER (PARTITION BY dname, v ORDER BY i) = 1")
    try:
        _create_views(ws, ents, edges)
    except DBError as exc:  # a disease table of another shape: the KG alone, and say why
        import warnings

        warnings.warn(f"the disease database is left out of the KG views: {exc}", stacklevel=2)
        _create_views(ws, ents[:1], edges[:1])


def _create_views(ws: Workspace, ents: list[str], edges: list[str]) -> None:
    # an entity may come from several files: keep one row per id
    ws.exec("CREATE OR REPLACE VIEW kg_entities AS SELECT * FROM (" + " UNION ALL ".join(ents) +
            ") t(entity_id, name, type, source) QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY source) = 1")
    ws.exec("CREATE OR REPLACE VIEW kg_edges AS SELECT * FROM (" + " UNION ALL ".join(edges) +
            ") t(head_id, relation, tail_id, qualifier, source, line, pos)")


# ------------------------------------------------------------------ parsing
@dataclass
class Triple:
    line: int
    head: tuple[str, str]  # (type, name)
    relation: str
    tail: tuple[str, str]
    qualifier: str | None = None


def parse_map(items: list[str] | None) -> dict[str, str]:
    return parse_field_map(items, MAP_FIELDS)


def _clean(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _node(value: object, field: str) -> tuple[str, str]:
    if not isinstance(value, str):
        raise ValueError(f"{field} is {type(value).__name__}, expected \"<type>\\t<name>\"")
    type_, sep, name = value.partition("\t")
    if not sep:
        raise ValueError(f"{field} {value[:60]!r} has no tab between type and name")
    type_, name = _clean(type_), _clean(name)
    if not type_ or not name:
        raise ValueError(f"{field} {value[:60]!r} has an empty type or name")
    return type_, name


def iter_nodes_json(path: Path) -> Iterator[Triple | Rejected]:
    for pos, obj in iter_records(path):
        if isinstance(obj, BadInput):
            yield Rejected(reason=obj.reason, file=str(path), line=pos, snippet=obj.snippet)
            continue
        try:
            missing = [k for k in ("node_1", "relation", "node_2") if k not in obj]
            if missing:
                raise ValueError(f"missing field(s) {', '.join(missing)}")
            relation = _clean(obj["relation"]) if isinstance(obj["relation"], str) else ""
            if not relation:
                raise ValueError("empty or non-text relation")
            yield Triple(pos, _node(obj["node_1"], "node_1"), relation, _node(obj["node_2"], "node_2"))
        except ValueError as exc:
            yield Rejected(reason=str(exc), file=str(path), line=pos, snippet=repr(obj)[:200])


def iter_triples_tsv(path: Path) -> Iterator[Triple | Rejected]:
    with open_binary(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield Rejected(reason=f"undecodable bytes (not UTF-8) at byte {exc.start}", file=str(path),
                               line=lineno, snippet=raw[:200].decode("utf-8", "replace"))
                continue
            if not text.strip() or text.startswith("#"):
                continue
            parts = [_clean(p) for p in text.split("\t")]
            if lineno == 1 and [p.lower() for p in parts] == ["head", "tail", "relation"]:
                continue
            if len(parts) != 3:
                yield Rejected(reason=f"expected 3 tab-separated fields (head, tail, relation), got {len(parts)}",
                               file=str(path), line=lineno, snippet=text[:200])
                continue
            head, tail, rel = parts
            if not head or not tail or not rel:
                yield Rejected(reason="empty head, tail or relation", file=str(path), line=lineno, snippet=text[:200])
                continue
            yield Triple(lineno, ("", head), rel, ("", tail))


def iter_table(path: Path, mapping: dict[str, str]) -> Iterator[Triple | Rejected]:
    need = [f for f in ("head", "relation", "tail") if f not in mapping]
    if need:
        raise InputError(f"the table format needs --map {' --map '.join(f + '=COLUMN' for f in need)}")
    columns = table_columns(path)
    if columns is not None:
        missing = [c for c in mapping.values() if c not in columns]
        if missing:
            raise InputError(f"{path}: column(s) {', '.join(map(repr, missing))} not found; the file has: "
                             f"{', '.join(columns)}")
    for pos, obj in iter_records(path):
        if isinstance(obj, BadInput):
            yield Rejected(reason=obj.reason, file=str(path), line=pos, snippet=obj.snippet)
            continue
        vals = {f: _clean(obj.get(c)) for f, c in mapping.items()}
        if not vals["head"] or not vals["relation"] or not vals["tail"]:
            yield Rejected(reason="empty head, tail or relation", file=str(path), line=pos, snippet=repr(obj)[:200])
            continue
        yield Triple(pos, (vals.get("head_type", ""), vals["head"]), vals["relation"],
                     (vals.get("tail_type", ""), vals["tail"]), vals.get("qualifier") or None)


def detect_format(path: Path, mapping: dict[str, str]) -> str:
    kind = file_kind(path) if not path.name.endswith(".txt") else "tsv"
    if mapping:
        return "table"
    if kind in ("json", "jsonl"):
        return "nodes-json"
    if kind == "tsv":
        return "triples-tsv"
    raise InputError(f"{path}: cannot tell the KG format; pass --format table with --map head=COL "
                     f"--map relation=COL --map tail=COL")


def iter_kg(path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None) -> tuple[str, Iterator[Triple | Rejected]]:
    mapping = mapping or {}
    if fmt not in FORMATS:
        raise InputError(f"unknown KG format {fmt!r} (one of {', '.join(FORMATS)})")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if fmt == "auto":
        fmt = detect_format(path, mapping)
    if fmt == "nodes-json":
        return fmt, iter_nodes_json(path)
    if fmt == "triples-tsv":
        if mapping:
            return "table", iter_table(path, mapping)
        return fmt, iter_triples_tsv(path)
    return fmt, iter_table(path, mapping)


def fold_qualifiers(items: Iterator[Triple | Rejected], fold: dict[str, str]) -> Iterator[Triple | Rejected]:
    """Attach e.g. `herb -dose-> 30克` to the `prescription -composition-> herb` edge just before it."""
    prev: Triple | None = None
    for item in items:
        if isinstance(item, Triple) and item.relation in fold and prev is not None \
                and prev.relation == fold[item.relation] and prev.tail == item.head and prev.qualifier is None:
            prev.qualifier = item.tail[1]
            continue
        if prev is not None:
            yield prev
            prev = None
        if isinstance(item, Triple):
            prev = item
        else:
            yield item
    if prev is not None:
        yield prev


# ------------------------------------------------------------------ loading
def source_name(path: Path) -> str:
    name = base_name(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def load_kg(ws: Workspace, path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None,
            source: str | None = None, fold: dict[str, str] | None = None,
            advance: Callable[[int], None] = lambda n: None) -> RunSummary:
    """Load one KG file (replacing the edges of the same source) in one transaction."""
    path = Path(path)
    ensure_tables(ws)
    fmt_name, raw_items = iter_kg(path, fmt, mapping)
    n_read = 0

    def counted(it):
        nonlocal n_read
        for x in it:
            n_read += 1
            advance(1)
            yield x

    items = counted(raw_items)
    if fmt_name == "nodes-json":
        items = fold_qualifiers(items, FOLD if fold is None else fold)
    src = source or source_name(path)
    started = time.perf_counter()
    run_id = ws.start_run(STAGE, config={"path": str(path), "format": fmt_name, "map": mapping or {}, "source": src})
    entities: dict[str, tuple[str, str]] = {}
    edges: dict[tuple, int] = {}
    rejects: list[Rejected] = []
    duplicates = folded = 0
    status = "failed"
    try:
        for item in items:
            if isinstance(item, Rejected):
                rejects.append(item)
                continue
            h, t = entity_id(*item.head), entity_id(*item.tail)
            entities.setdefault(h, item.head)
            entities.setdefault(t, item.tail)
            key = (h, item.relation, t, item.qualifier)
            if key in edges:
                duplicates += 1
            else:
                edges[key] = item.line
            if item.qualifier is not None and fmt_name == "nodes-json":
                folded += 1
        ent_table = pa.table({"entity_id": list(entities), "name": [v[1] for v in entities.values()],
                              "type": [v[0] for v in entities.values()], "source": [src] * len(entities)})
        edge_table = pa.table({"head_id": [k[0] for k in edges], "relation": [k[1] for k in edges],
                               "tail_id": [k[2] for k in edges], "qualifier": [k[3] for k in edges],
                               "source": [src] * len(edges), "line": pa.array(list(edges.values()), pa.int64())})
        with ws.transaction():
            ws.temp_table("_kg_ents", ent_table)
            ws.exec("INSERT INTO kb_entities SELECT * FROM _kg_ents n "
                    "WHERE NOT EXISTS (SELECT 1 FROM kb_entities e WHERE e.entity_id = n.entity_id)")
            ws.exec("DROP TABLE _kg_ents")
            ws.exec("DELETE FROM kb_edges WHERE source = ?", [src])
            ws.insert_arrow("kb_edges", edge_table, by_name=False)
            ws.add_rejects(rejects, STAGE, run_id)
        status = "ok"
    finally:
        seconds = time.perf_counter() - started
        extra = {"source": src, "format": fmt_name, "entities": len(entities), "edges": len(edges),
                 "duplicate_edges": duplicates, "folded_qualifiers": folded}
        if status == "ok":
            extra.update(kg_counts(ws, src))
        ws.finish_run(run_id, status, n_read, len(edges), len(rejects), duplicates, seconds, extra)
    return RunSummary(stage="load-kg", n_in=n_read, n_out=len(edges), n_rejected=len(rejects),
                      n_skipped=duplicates, seconds=round(seconds, 3), extra=extra)


def kg_counts(ws: Workspace, source: str | None = None) -> dict:
    """Entities by type and edges by relation (of one source, or of everything loaded)."""
    ensure_tables(ws)
    where, params = ("WHERE source = ?", [source]) if source else ("", [])
    ents = ws.exec(f"""SELECT e.type, count(*) FROM kb_entities e WHERE e.entity_id IN (
        SELECT head_id FROM kb_edges {where} UNION SELECT tail_id FROM kb_edges {where})
        GROUP BY 1 ORDER BY 2 DESC, 1""", params * 2)
    rels = ws.exec(f"SELECT relation, count(*) FROM kb_edges {where} GROUP BY 1 ORDER BY 2 DESC, 1", params)
    qual = ws.exec(f"SELECT relation, count(*) FROM kb_edges {where} {'AND' if where else 'WHERE'} "
                   f"qualifier IS NOT NULL GROUP BY 1 ORDER BY 1", params)
    return {"entities_by_type": {t or "(untyped)": n for t, n in ents},
            "edges_by_relation": dict(rels),
            "edges_with_qualifier": dict(qual)}


def knowledge_status(ws: Workspace) -> dict | None:
    """`medcorpus status` section: the loaded KG and self-instruct progress (entities done, pairs kept by type)."""
    tables = {t for t in ("kb_entities", "kb_edges", "synth_items") if ws.table_exists(t)}
    if not tables:
        return None
    out = {}
    if {"kb_entities", "kb_edges"} <= tables:
        out["kg"] = {"entities": ws.one("SELECT count(*) FROM kb_entities")[0],
                     "edges": ws.one("SELECT count(*) FROM kb_edges")[0],
                     "sources": dict(ws.exec("SELECT source, count(*) FROM kb_edges GROUP BY 1 ORDER BY 1"))}
    if "synth_items" in tables:
        done, invalid, kept = ws.one("SELECT count(*), count(*) FILTER (WHERE status <> 'done'), "
                                     "coalesce(sum(len(record_ids)), 0) FROM synth_items WHERE stage = 'selfinstruct'")
        if done:
            by_type = dict(ws.exec(
                f"SELECT coalesce(json_extract_string(meta, '$.entity_type'), '(untyped)'), count(*) "
                f"FROM ({ws.current_sql()}) WHERE kind = 'instruction' AND json_extract_string(meta, '$.entity_id') "
                f"IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"))
            out["self_instruct"] = {"entities": done, "invalid": invalid, "kept": int(kept),
                                    "records_by_type": by_type}
    return out
