"""dedup: exact and near-duplicate removal with MinHash LSH, the declared *global* stage.

The engine (shingles, signatures, bands, clusters) is `medcorpus.dedup`; this module is the
stage: its config, its two phases and its index tables.

1. `signatures` (map, parallel, through the engine): the compared texts of each pending record
   (DuckDB extracts them, so only they travel) -> exact key, band hashes and signatures;
2. `resolve` (driver): records whose earlier index entry is stale (their input changed, or left
   the input layer) leave the index; duplicates whose kept representative did so are re-opened
   and decided again; candidate pairs from the band table in DuckDB (each new record is linked
   to the first record of every bucket it falls in, old records first) are verified and
   clustered (`medcorpus.dedup.clusters`), and the index is updated in one transaction;
3. outputs: each kept record with its cluster in meta.dedup (its turns unchanged, so the
   committer stores no copy of them), a Rejected for each duplicate ("near duplicate of <id>
   (jaccard≈0.87)"), committed batch by batch.

Tables (keyed by `pk`, one per fingerprint, so another threshold is a separate index that is
recomputed from the input layer and switching back finds the old one intact):
`dedup_params`, `dedup_clusters` (one row per record: cluster, status, kept representative,
estimated Jaccard) and `dedup_bands` (band hashes).
"""
from __future__ import annotations

import time
from typing import Any, Iterable, Literal, Optional

import numpy as np
import orjson
import pyarrow as pa
from pydantic import Field, model_validator

from medcorpus.dedup import (ANSWERING, ASKING, EMPTY, EXACT, KEPT, NEAR, MinHasher, Nodes,  # noqa: F401
                             OldNodes, doc_sides, doc_text, optimal_param, resolve, shingles, sketch_batch,
                             tokens)
from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import GlobalStage, Resolution, Stage, StageConfig, register_stage
from medcorpus.schemas import Record, Rejected

FP_WEIGHT, FN_WEIGHT = 0.05, 0.95


class DedupConfig(StageConfig):
    threshold: float = Field(0.75, gt=0.0, lt=1.0, description="Jaccard similarity above which two texts are duplicates.")
    num_perm: int = Field(128, ge=8, le=1024, description="MinHash permutations.")
    ngram: int = Field(3, ge=1, le=32, description="Word n-gram size (non-CJK text).")
    char_ngram: int = Field(3, ge=1, le=32, description="Character n-gram size (mostly-CJK text).")
    latin_char_ngram: int = Field(5, ge=0, le=32, description="Character n-grams of the normalised text for "
                                  "non-CJK text (robust to typos and swapped words); 0: word n-grams (`ngram`).")
    on: Literal["all", "patient", "doctor"] = Field("all", description="Which turns make the compared text.")
    keep: Literal["longest", "first"] = Field("longest", description="Which record of a cluster is kept.")
    bands: Optional[int] = Field(None, ge=1, description="LSH bands (default: derived from the threshold).")
    rows: Optional[int] = Field(None, ge=1, description="Rows per band (default: derived from the threshold).")
    seed: int = 1

    @model_validator(mode="after")
    def _check_bands(self) -> "DedupConfig":
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give both bands and rows, or neither")
        if self.bands is not None and self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands x rows ({self.bands} x {self.rows}) exceeds num_perm ({self.num_perm})")
        return self

    def lsh_params(self) -> tuple[int, int]:
        """Bands x rows minimising false positives plus false negatives around the threshold,
        false negatives weighted 19:1: every candidate pair is verified on its signatures, so
        a false positive costs one comparison while a false negative is a missed duplicate."""
        if self.bands is not None:
            return self.bands, self.rows
        return optimal_param(self.threshold, self.num_perm, FP_WEIGHT, FN_WEIGHT)



_DDL = """
CREATE TABLE IF NOT EXISTS dedup_params (pk INTEGER, fingerprint VARCHAR, config VARCHAR,
    bands INTEGER, rows_per_band INTEGER, created_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS dedup_clusters (pk INTEGER, n BIGINT, id VARCHAR, version BIGINT,
    exact BIGINT, length BIGINT, status VARCHAR, cluster VARCHAR, rep_n BIGINT, jaccard DOUBLE,
    run_id BIGINT);
CREATE TABLE IF NOT EXISTS dedup_bands (pk INTEGER, band SMALLINT, bhash BIGINT, n BIGINT);
"""


def ensure_tables(ws: Any) -> None:
    ws.exec(_DDL)


def param_key(ws: Any, fingerprint: str, create: dict | None = None) -> int | None:
    """The integer key of a fingerprint's index (created when `create` holds its config)."""
    row = ws.one("SELECT pk FROM dedup_params WHERE fingerprint = ?", [fingerprint])
    if row or create is None:
        return row[0] if row else None
    pk = ws.one("SELECT coalesce(max(pk), 0) + 1 FROM dedup_params")[0]
    ws.exec("INSERT INTO dedup_params (pk, fingerprint, config, bands, rows_per_band) VALUES (?,?,?,?,?)",
            [pk, fingerprint, orjson.dumps(create["config"]).decode(), create["bands"], create["rows"]])
    return pk


def input_sql(ws: Any, stage: str = "dedup") -> str:
    """SQL of the rows the stage reads (the layer before it in the chain), status ok."""
    return ws.input_sql(stage)


def _side_sql(roles: tuple[str, ...]) -> str:
    return (f"array_to_string(list_transform(list_filter(turns, lambda t: t.role IN "
            f"({', '.join(repr(r) for r in roles)})), lambda t: t.text), chr(10))")


SIDES = {"all": (ASKING, ANSWERING), "patient": (ASKING,), "doctor": (ANSWERING,)}


def projection(on: str) -> str:
    """The columns the signatures phase reads: id, version, total text length and the sides."""
    cols = ", ".join(f"{_side_sql(roles)} AS s{i}" for i, roles in enumerate(SIDES[on]))
    return f"id, version, coalesce(list_sum(list_transform(turns, lambda t: length(t.text))), 0) AS length, {cols}"


class DedupSignatures(Stage):
    """dedup's map phase: projected rows (id, version, length, s0[, s1]) -> one side row of
    columns (ids, versions, lengths and the sketch arrays). Pure: it runs in any engine."""

    name = "dedup:signatures"
    config_model = None  # set below (DedupConfig)

    def sketch_args(self) -> tuple:
        c = self.config
        b, r = c.lsh_params()
        return c.ngram, c.char_ngram, c.num_perm, c.seed, b, r, c.latin_char_ngram

    def process_rows(self, rows: list[dict]) -> Outcome:
        k = len(SIDES[self.config.on])
        docs = [tuple(r[f"s{i}"] or "" for i in range(k)) for r in rows]
        sketch = sketch_batch(docs, *self.sketch_args())
        part = {"ids": [r["id"] for r in rows], "versions": [r["version"] for r in rows],
                "lengths": [r["length"] for r in rows], "sketch": sketch}
        return Outcome(items=[], side_rows={"dedup_signatures": [part]})

    def sketch_rows(self, rows: list[dict]) -> tuple:
        """The sketch of full workspace rows (re-opened and matched old records)."""
        return sketch_batch([doc_sides(r["turns"], self.config.on) for r in rows], *self.sketch_args())


DedupSignatures.config_model = DedupConfig


class _Kept(Record):
    """A kept record written back as it was read: its turns stay the row's dicts (a record is
    copied unchanged, so rebuilding Turn models for a million rows would be wasted time)."""

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "lang": self.lang, "kind": self.kind,
                "turns": self.turns, "meta": self.meta}


class Decisions:
    """This run's decision for every node, looked up by record id when outputs are written."""

    def __init__(self, nodes: Nodes, status: np.ndarray, cluster_ids: list[str], jac: np.ndarray, on: str):
        self.index = {rid: i for i, rid in enumerate(nodes.ids)}
        self.status, self.cluster_ids, self.jac, self.on = status, cluster_ids, jac, on

    def output(self, row: dict) -> Record | Rejected:
        i = self.index.get(row["id"])
        if i is None:
            raise RuntimeError(f"dedup: record {row['id']} was not decided in this run (its input changed meanwhile?)")
        st, cid = self.status[i], self.cluster_ids[i]
        if st in (KEPT, EMPTY):  # turns unchanged: the committer stores a pointer, not a copy
            info = {"cluster": cid} if st == KEPT else {"cluster": cid, "empty_text": True}
            return _Kept.model_construct(id=row["id"], source=row["source"], lang=row["lang"], kind=row["kind"],
                                         turns=row["turns"], meta={**(row.get("meta") or {}), "dedup": info})
        j = float(self.jac[i])
        reason = f"exact duplicate of {cid}" if st == EXACT else f"near duplicate of {cid} (jaccard≈{j:.2f})"
        text = doc_text(row["turns"], self.on)
        return Rejected.model_construct(record_id=row["id"], reason=reason, snippet=text[:200], file=None, line=None,
                                        detail={"cluster": cid, "kept": cid, "kind": st, "jaccard": round(j, 3)})


@register_stage
class Dedup(GlobalStage):
    """Exact and near duplicates (MinHash LSH); one record kept per cluster. A global stage:
    `map_phase` (signatures, through the engine) then `resolve` on the driver."""

    name = "dedup"
    version = "1"
    config_model = DedupConfig
    map_phase = DedupSignatures
    pool_min = 4000  # fewer pending records than this: no process pool (starting one costs ~1 s)

    def map_columns(self) -> str:
        return projection(self.config.on)

    # -------------------------------------------------------------- the resolve phase
    def resolve(self, ctx: Any, mapped: Iterable[tuple[list[dict], Outcome]]) -> Resolution:
        """Collect the signatures, update the index (one transaction) and decide every record."""
        ws, cfg = ctx.ws, self.config
        n_bands, n_rows = cfg.lsh_params()
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        ensure_tables(ws)
        pk = param_key(ws, ctx.fingerprint, {"config": cfg.model_dump(mode="json"), "bands": n_bands, "rows": n_rows})
        counters: dict[str, Any] = {"bands": n_bands, "rows": n_rows, "threshold": cfg.threshold,
                                    "num_perm": cfg.num_perm}
        sides = len(SIDES[cfg.on])
        nodes = Nodes(ctx.n_pending, cfg.num_perm, n_bands, sides)
        with progress_bar("dedup: signatures", total=ctx.n_pending) as advance:
            for _, outcome in mapped:
                for part in outcome.side_rows.get("dedup_signatures", []):
                    nodes.add(part["ids"], part["versions"], part["lengths"], part["sketch"])
                    advance(len(part["ids"]))
        timings["signatures"] = time.perf_counter() - t0
        if nodes.size == 0:
            counters.update(exact_removed=0, near_removed=0, clusters=0, reopened=0)
            return Resolution(None, [], counters)
        sketcher = DedupSignatures(cfg)

        # stale index entries leave; duplicates of a stale representative are re-opened
        t1 = time.perf_counter()
        inp = ws.input_sql(self.name)
        has_index = ws.one("SELECT count(*) FROM dedup_clusters WHERE pk = ?", [pk])[0] > 0
        reopened: list[dict] = []
        ws.temp_table("_dd_pending", pa.table({"id": pa.array(nodes.ids, pa.string())}))
        if has_index:
            ws.exec(f"""CREATE OR REPLACE TEMP TABLE _dd_stale AS
                SELECT m.n, m.id, m.status FROM dedup_clusters m WHERE m.pk = {pk} AND (
                    m.id IN (SELECT id FROM _dd_pending)
                    OR NOT EXISTS (SELECT 1 FROM ({inp}) p WHERE p.id = m.id AND p.version = m.version))""")
            ws.exec(f"""CREATE OR REPLACE TEMP TABLE _dd_reopen AS
                SELECT m.n, m.id, m.status FROM dedup_clusters m WHERE m.pk = {pk}
                AND m.status IN ('{EXACT}', '{NEAR}') AND m.rep_n IN (SELECT n FROM _dd_stale)
                AND m.n NOT IN (SELECT n FROM _dd_stale)""")
            reopened = ws.fetch_rows(f"SELECT * FROM ({inp}) p WHERE p.id IN (SELECT id FROM _dd_reopen) "
                                     "ORDER BY p.version")
            for s in range(0, len(reopened), 2000):
                part = reopened[s:s + 2000]
                nodes.add([r["id"] for r in part], [r["version"] for r in part],
                          [sum(len(t["text"]) for t in r["turns"]) for r in part], sketcher.sketch_rows(part))
            ws.exec("INSERT INTO _dd_stale SELECT * FROM _dd_reopen")
            ws.exec("DROP TABLE _dd_reopen")
        else:
            ws.exec("CREATE OR REPLACE TEMP TABLE _dd_stale (n BIGINT, id VARCHAR, status VARCHAR)")
        m = nodes.size
        base = ws.one(f"SELECT coalesce(max(n), 0) + 1 FROM dedup_clusters WHERE pk = {pk}")[0]
        node_n = base + np.arange(m, dtype=np.int64)

        # candidate pairs from the band table, verified, then connected components
        live = np.flatnonzero(~nodes.empty[:m])
        ws.temp_table("_dd_newbands", pa.table({
            "band": pa.array(np.repeat(np.arange(n_bands, dtype=np.int16)[None, :], len(live), 0).ravel()),
            "bhash": pa.array(nodes.bands[live].ravel()),
            "n": pa.array(np.repeat(node_n[live], n_bands))}))
        old_join = ""
        if has_index:
            old_join = f"""UNION SELECT nb.n AS u, o.root AS v FROM _dd_newbands nb JOIN (
                    SELECT b.band, b.bhash, min(b.n) AS root FROM dedup_bands b
                    WHERE b.pk = {pk} AND b.n NOT IN (SELECT n FROM _dd_stale)
                      AND EXISTS (SELECT 1 FROM _dd_newbands x WHERE x.band = b.band AND x.bhash = b.bhash)
                    GROUP BY ALL) o ON nb.band = o.band AND nb.bhash = o.bhash"""
        edges = ws.arrow(f"""
            SELECT DISTINCT u, v FROM (
                SELECT nb.n AS u, r.root AS v FROM _dd_newbands nb JOIN (
                    SELECT band, bhash, min(n) AS root FROM _dd_newbands GROUP BY ALL HAVING count(*) > 1) r
                    ON nb.band = r.band AND nb.bhash = r.bhash WHERE nb.n <> r.root
                {old_join})""")
        eu = edges.column("u").to_numpy().astype(np.int64) if edges.num_rows else np.zeros(0, np.int64)
        ev = edges.column("v").to_numpy().astype(np.int64) if edges.num_rows else np.zeros(0, np.int64)
        del edges
        timings["candidates"] = time.perf_counter() - t1

        # old records touched by an edge, and their representatives: signatures recomputed
        old = (self._old_nodes(ws, pk, inp, np.unique(ev[ev < base]), sketcher) if has_index
               else OldNodes.empty(cfg.num_perm, sides))
        status, rep, jac = resolve(nodes, node_n, base, eu, ev, old, cfg.threshold, cfg.num_perm, cfg.keep)
        timings["resolve"] = time.perf_counter() - t1 - timings["candidates"]

        # the index: stale entries out, this run's decisions in (one transaction)
        is_new_rep = rep >= 0
        old_k = np.where(is_new_rep, 0, -rep - 1)
        rep_n = np.where(is_new_rep, node_n[np.where(is_new_rep, rep, 0)], old.n[old_k] if len(old.n) else 0)
        cluster_ids = [nodes.ids[r_] if r_ >= 0 else old.ids[-r_ - 1] for r_ in rep.tolist()]
        members = pa.table({
            "pk": pa.array(np.full(m, pk, np.int32)), "n": pa.array(node_n),
            "id": pa.array(nodes.ids[:m]), "version": pa.array(nodes.version[:m]),
            "exact": pa.array(nodes.exact[:m]), "length": pa.array(nodes.length[:m]),
            "status": pa.array(status), "cluster": pa.array(cluster_ids), "rep_n": pa.array(rep_n),
            "jaccard": pa.array(jac, mask=np.isnan(jac)), "run_id": pa.array(np.full(m, ctx.run_id, np.int64))})
        with ws.transaction():
            if has_index:
                ws.exec(f"DELETE FROM dedup_bands WHERE pk = {pk} AND n IN (SELECT n FROM _dd_stale)")
                ws.exec(f"DELETE FROM dedup_clusters WHERE pk = {pk} AND n IN (SELECT n FROM _dd_stale)")
            ws.insert_arrow("dedup_clusters", members)
            ws.exec(f"INSERT INTO dedup_bands SELECT {pk}, band, bhash, n FROM _dd_newbands")
        for t in ("_dd_newbands", "_dd_stale", "_dd_pending"):
            ws.exec(f"DROP TABLE IF EXISTS {t}")
        del members
        counts = {s: int((status == s).sum()) for s in (KEPT, EXACT, NEAR, EMPTY)}
        counters.update(
            exact_removed=counts[EXACT], near_removed=counts[NEAR], kept=counts[KEPT], empty_text=counts[EMPTY],
            clusters=len({cluster_ids[i] for i in range(m) if status[i] in (EXACT, NEAR)}),
            reopened=len(reopened), candidate_pairs=int(len(eu)),
            seconds={k: round(v, 2) for k, v in timings.items()})
        decisions = Decisions(nodes, status, cluster_ids, jac, cfg.on)
        return Resolution(lambda rows: Outcome(items=[decisions.output(r) for r in rows]), reopened, counters)

    @staticmethod
    def _old_nodes(ws: Any, pk: int, inp: str, touched: np.ndarray, sketcher: DedupSignatures) -> OldNodes:
        if not len(touched):
            return OldNodes.empty(sketcher.config.num_perm, len(SIDES[sketcher.config.on]))
        ws.temp_table("_dd_touched", pa.table({"n": pa.array(touched.astype(np.int64))}))
        rows = ws.fetch_rows(f"""
            WITH t AS (SELECT n FROM _dd_touched UNION SELECT m.rep_n FROM dedup_clusters m
                       WHERE m.pk = {pk} AND m.n IN (SELECT n FROM _dd_touched))
            SELECT m.n, m.id, m.exact, m.rep_n, p.turns FROM dedup_clusters m
            JOIN ({inp}) p ON p.id = m.id AND p.version = m.version
            WHERE m.pk = {pk} AND m.n IN (SELECT n FROM t) ORDER BY m.n""")
        ws.exec("DROP TABLE IF EXISTS _dd_touched")
        return OldNodes.from_sketch(np.array([r["n"] for r in rows], np.int64), [r["id"] for r in rows],
                                    np.array([r["exact"] for r in rows], np.int64),
                                    np.array([r["rep_n"] for r in rows], np.int64), sketcher.sketch_rows(rows))

    def summary(self, counters: dict[str, Any]) -> dict[str, Any]:
        out = dict(counters)
        if "seconds_write" in out and isinstance(out.get("seconds"), dict):
            out["seconds"] = {**out["seconds"], "write": out.pop("seconds_write")}
        return out


# ------------------------------------------------------------------ inspection
def _current_pk(ws: Any) -> tuple[int, dict]:
    fp = ws.chain_fingerprint("dedup") if ws.table_exists("dedup_params") else None
    if not fp:
        raise LookupError("dedup has not run in this workspace")
    prm = ws.one("SELECT pk, config, bands, rows_per_band FROM dedup_params WHERE fingerprint = ?", [fp])
    if not prm:
        raise LookupError("dedup has not run with its current settings yet")
    return prm[0], {**orjson.loads(prm[1]), "bands": prm[2], "rows": prm[3]}


def show_cluster(ws: Any, key: str) -> dict[str, Any]:
    """The members of a cluster (by cluster id, or the cluster of a record id) under the
    workspace's current dedup settings: the kept record first, then its duplicates."""
    pk, cfg = _current_pk(ws)
    row = ws.one(f"SELECT cluster FROM dedup_clusters WHERE pk = {pk} AND (cluster = ? OR id = ?) LIMIT 1",
                 [key, key])
    if not row:
        raise LookupError(f"no cluster or record {key!r} in the dedup index")
    cluster = row[0]
    members = ws.fetch_rows(f"""
        SELECT m.id, m.status, m.jaccard, m.length, m.version, coalesce(r.turns, c.turns) AS turns
        FROM dedup_clusters m LEFT JOIN records r ON r.version = m.version
        LEFT JOIN records c ON c.version = r.content_version
        WHERE m.pk = {pk} AND m.cluster = ?
        ORDER BY m.status <> '{KEPT}', m.jaccard DESC NULLS FIRST, m.n""", [cluster])
    for m in members:
        m["text"] = doc_text(m.pop("turns") or [], cfg.get("on", "all"))
    return {"cluster": cluster, "threshold": cfg.get("threshold"), "bands": cfg["bands"], "rows": cfg["rows"],
            "members": members}


def status_section(ws: Any) -> dict[str, Any] | None:
    """`medcorpus status`: clusters and removed duplicates under the current settings."""
    try:
        pk, cfg = _current_pk(ws)
    except LookupError:
        return None
    counts = dict(ws.exec(f"SELECT status, count(*) FROM dedup_clusters WHERE pk = {pk} GROUP BY 1"))
    clusters = ws.one(f"SELECT count(DISTINCT cluster) FROM dedup_clusters WHERE pk = {pk} "
                      f"AND status IN ('{EXACT}', '{NEAR}')")[0]
    return {"threshold": cfg.get("threshold"), "bands": cfg["bands"], "rows": cfg["rows"],
            "indexed": sum(counts.values()), "clusters_with_duplicates": clusters,
            "exact_removed": counts.get(EXACT, 0), "near_removed": counts.get(NEAR, 0)}
Dedup.status_sections = {"dedup": status_section}
