"""boilerplate: formulas found by how often the corpus repeats them, a declared *global* stage.

A sentence at the edge of answers to many different patients that says nothing medical is a
formula whatever its wording ("Hey there, glad you wrote to us."): the filter stage's phrase lists
cannot know a site's own wording, the corpus can. The engine is `medcorpus.filters.frequency`;
this module is the stage, in dedup's shape:

1. `counts` (map, parallel, through the engine): for each pending record, the keys (normalised
   wording, hashed) of its answering turns' first and last `edge` sentences that carry no medical
   content, and the hash of who asked;
2. `resolve` (driver): the index `boilerplate_keys` drops the entries of records that changed or
   left the input and takes this run's in one transaction; a key is frequent once answers to
   `min_patients` different patients carry it; records decided before whose frequent keys changed
   (a formula became frequent with the new records, or stopped being so) are re-opened;
3. outputs: each record with its frequent edge sentences removed (meta.boilerplate: how many; the
   wording is not copied into records, a signature could name a doctor), an answer made only of formulas rejected with its reason, the rest unchanged.
   Side rows, written with each record in its batch's transaction: `boilerplate_applied` (the
   frequent keys the decision used: a re-run after a kill re-opens exactly the records it had not
   rewritten yet) and `boilerplate_formulas` (one wording per formula, for status and `--show`).
"""
from __future__ import annotations

from typing import Any, Iterable, Literal

import pyarrow as pa
from pydantic import Field

from medcorpus.filters.frequency import asking_hash, formula_candidates, key_hash
from medcorpus.filters.text import split_sentences
from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import GlobalStage, Resolution, SideTable, Stage, StageConfig, register_stage
from medcorpus.schemas import ANSWERING_ROLES, Record, Rejected, Turn


class BoilerplateConfig(StageConfig):
    min_patients: int = Field(100, ge=2, description="A sentence is a formula once answers to this many different "
                              "patients carry it among their first or last sentences.")
    edge: int = Field(3, ge=1, le=5, description="How many first and last sentences of an answer are examined.")
    only_formulas: Literal["reject", "keep"] = Field(
        "reject", description="An answer made only of formulas: reject the record, or keep it unchanged.")


_DDL = """
CREATE TABLE IF NOT EXISTS boilerplate_params (pk INTEGER, fingerprint VARCHAR, config VARCHAR);
CREATE TABLE IF NOT EXISTS boilerplate_keys (pk INTEGER, id VARCHAR, version BIGINT, key BIGINT, patient BIGINT);
"""
APPLIED = SideTable("boilerplate_applied", "fingerprint VARCHAR, record_id VARCHAR, input_version BIGINT, "
                    "keys BIGINT[], run_id BIGINT", key=("fingerprint", "record_id"))
FORMULAS = SideTable("boilerplate_formulas", "fingerprint VARCHAR, key BIGINT, wording VARCHAR, run_id BIGINT",
                     key=("fingerprint", "key"), on_conflict="ignore")


def _medical():
    from medcorpus.filters.formula import medical_content_check

    return medical_content_check()


class BoilerplateCounts(Stage):
    """boilerplate's map phase: rows (id, version, turns) -> one side row of parallel columns
    (record ids, versions, keys, patient hashes), one entry per distinct candidate key of a record."""

    name = "boilerplate:counts"
    config_model = BoilerplateConfig

    def __init__(self, config=None):
        super().__init__(config)
        self._medical = None

    def setup(self) -> None:
        if self._medical is None:
            self._medical = _medical()

    def process_rows(self, rows: list[dict]) -> Outcome:
        self.setup()
        ids, versions, keys, patients = [], [], [], []
        for r in rows:
            turns = [(t["role"], t["text"]) for t in r["turns"] or ()]
            who = asking_hash(turns, r["id"])
            seen = set()
            for role, text in turns:
                if role not in ANSWERING_ROLES:
                    continue
                for _, key, _ in formula_candidates(text, self.config.edge, self._medical):
                    h = key_hash(key)
                    if h not in seen:
                        seen.add(h)
                        ids.append(r["id"])
                        versions.append(r["version"])
                        keys.append(h)
                        patients.append(who)
        part = {"ids": ids, "versions": versions, "keys": keys, "patients": patients, "n": len(rows)}
        return Outcome(items=[], side_rows={"boilerplate_counts": [part]})


class Decide:
    """Each record's output given the frequent keys ({key hash: distinct patients})."""

    def __init__(self, frequent: dict[int, int], config: BoilerplateConfig, medical):
        self.frequent, self.config, self.medical = frequent, config, medical

    def outcome(self, rows: list[dict]) -> Outcome:
        items, applied, formulas, counters = [], [], {}, {"sentences_removed": 0, "records_changed": 0}
        for row in rows:
            out, used, removed = self._one(row)
            items.append(out)
            applied.append({"record_id": row["id"], "keys": sorted(used)})
            for key, wording in removed:
                formulas.setdefault(key, wording)
            counters["sentences_removed"] += len(removed)
            counters["records_changed"] += bool(removed) and isinstance(out, Record)
            counters["rejected_only_formulas"] = counters.get("rejected_only_formulas", 0) + isinstance(out, Rejected)
        side = {APPLIED.name: applied,
                FORMULAS.name: [{"key": k, "wording": w} for k, w in sorted(formulas.items())]}
        return Outcome(items=items, side_rows=side, counters=counters)

    def _one(self, row: dict) -> tuple[Record | Rejected, set[int], list[tuple[int, str]]]:
        turns = [dict(t) for t in row["turns"] or ()]
        used: set[int] = set()
        removed: list[tuple[int, str]] = []
        only_formulas = None
        if self.frequent:
            for t in turns:
                if t["role"] not in ANSWERING_ROLES:
                    continue
                hits = [(i, key_hash(k), s) for i, k, s in formula_candidates(t["text"], self.config.edge, self.medical)]
                hits = [h for h in hits if h[1] in self.frequent]
                if not hits:
                    continue
                used.update(h for _, h, _ in hits)
                pieces = split_sentences(t["text"])
                if len(hits) == sum(1 for p in pieces if p.strip()):
                    only_formulas = only_formulas or t["text"]
                    continue  # nothing but formulas: the record's fate is decided below
                drop = {i for i, _, _ in hits}
                t["text"] = "".join(p for i, p in enumerate(pieces) if i not in drop).strip()
                removed += [(h, s.strip()) for _, h, s in hits]
        if only_formulas is not None and self.config.only_formulas == "reject":
            return (Rejected.model_construct(
                record_id=row["id"], reason=f"boilerplate: the answer is only formulas repeated to "
                f"{self.config.min_patients}+ patients", snippet=only_formulas[:200], file=None, line=None,
                detail={"filter": "boilerplate", "formulas": len(used)}), used, [])
        if not removed:
            return _unchanged(row), used, removed
        meta = {**(row.get("meta") or {}), "boilerplate": {"removed": len(removed)}}
        return (Record.model_construct(id=row["id"], source=row["source"], lang=row["lang"], kind=row["kind"],
                                       turns=[Turn.model_construct(**t) for t in turns], meta=meta), used, removed)


class _Kept(Record):
    """A record written back as read (turns stay the row's dicts): the committer stores no copy."""

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "lang": self.lang, "kind": self.kind,
                "turns": self.turns, "meta": self.meta}


def _unchanged(row: dict) -> Record:
    return _Kept.model_construct(id=row["id"], source=row["source"], lang=row["lang"], kind=row["kind"],
                                 turns=row["turns"], meta=row.get("meta") or {})


@register_stage
class Boilerplate(GlobalStage):
    """Opening, closing and upsell formulas found by corpus frequency, removed from answer edges.
    A global stage: `map_phase` (keys, through the engine) then `resolve` on the driver."""

    name = "boilerplate"
    version = "1"
    config_model = BoilerplateConfig
    map_phase = BoilerplateCounts
    side_tables = (APPLIED, FORMULAS)
    pool_min = 4000
    resolve_when_idle = True  # records that left the input can make a formula rare again

    def map_columns(self) -> str:
        return "id, version, turns"

    def resolve(self, ctx: Any, mapped: Iterable[tuple[list[dict], Outcome]]) -> Resolution:
        ws, cfg = ctx.ws, self.config
        ws.exec(_DDL)
        pk = self._param_key(ws, ctx.fingerprint, cfg.model_dump_json())
        cols: dict[str, list] = {"ids": [], "versions": [], "keys": [], "patients": []}
        with progress_bar("boilerplate: counts", total=ctx.n_pending) as advance:
            for _, outcome in mapped:
                for part in outcome.side_rows.get("boilerplate_counts", []):
                    for c in cols:
                        cols[c].extend(part[c])
                    advance(part["n"])
        inp = ws.input_sql(self.name)
        pending = sorted({r["id"] for rows in ctx.pending_rows(select="id") for r in rows})
        ws.temp_table("_bp_pending", pa.table({"id": pa.array(pending, pa.string())}))
        new = pa.table({"pk": pa.array([pk] * len(cols["ids"]), pa.int32()), "id": pa.array(cols["ids"], pa.string()),
                        "version": pa.array(cols["versions"], pa.int64()), "key": pa.array(cols["keys"], pa.int64()),
                        "patient": pa.array(cols["patients"], pa.int64())})
        del cols
        with ws.transaction():  # entries of changed or vanished records leave; this run's come in
            ws.exec(f"""DELETE FROM boilerplate_keys WHERE pk = {pk} AND (id IN (SELECT id FROM _bp_pending)
                        OR NOT EXISTS (SELECT 1 FROM ({inp}) p WHERE p.id = boilerplate_keys.id
                                       AND p.version = boilerplate_keys.version))""")
            ws.insert_arrow("boilerplate_keys", new)
        del new
        frequent = dict(ws.exec(f"""SELECT key, count(DISTINCT patient) AS n FROM boilerplate_keys WHERE pk = {pk}
                                    GROUP BY key HAVING n >= {int(cfg.min_patients)}"""))
        reopened = self._reopen(ws, ctx.fingerprint, pk, inp, frequent)
        counters = {"min_patients": cfg.min_patients, "formulas": len(frequent), "reopened": len(reopened),
                    "indexed_sentences": ws.one(f"SELECT count(*) FROM boilerplate_keys WHERE pk = {pk}")[0]}
        ws.exec("DROP TABLE IF EXISTS _bp_pending")
        decide = Decide(frequent, cfg, _medical())
        return Resolution(decide.outcome, reopened, counters, extra_rows_changed=True)

    @staticmethod
    def _param_key(ws: Any, fingerprint: str, config: str) -> int:
        row = ws.one("SELECT pk FROM boilerplate_params WHERE fingerprint = ?", [fingerprint])
        if row:
            return row[0]
        pk = ws.one("SELECT coalesce(max(pk), 0) + 1 FROM boilerplate_params")[0]
        ws.exec("INSERT INTO boilerplate_params VALUES (?, ?, ?)", [pk, fingerprint, config])
        return pk

    @staticmethod
    def _reopen(ws: Any, fp: str, pk: int, inp: str, frequent: dict[int, int]) -> list[dict]:
        """Live records decided before (not pending) whose frequent keys now differ from the ones
        their stored decision used."""
        ws.temp_table("_bp_freq", pa.table({"key": pa.array(list(frequent), pa.int64())}))
        rows = ws.fetch_rows(f"""
            WITH want AS (SELECT id, version, list_sort(list(key)) AS keys FROM boilerplate_keys
                          WHERE pk = {pk} AND key IN (SELECT key FROM _bp_freq) GROUP BY ALL),
            had AS (SELECT record_id AS id, input_version AS version, keys FROM boilerplate_applied
                    WHERE fingerprint = ? AND len(keys) > 0),
            diff AS (SELECT coalesce(w.id, h.id) AS id, coalesce(w.version, h.version) AS version
                     FROM want w FULL JOIN had h ON w.id = h.id AND w.version = h.version
                     WHERE w.keys IS DISTINCT FROM h.keys)
            SELECT p.* FROM ({inp}) p JOIN diff d ON p.id = d.id AND p.version = d.version
            WHERE p.id NOT IN (SELECT id FROM _bp_pending)
              AND EXISTS (SELECT 1 FROM boilerplate_applied a WHERE a.fingerprint = ? AND a.record_id = p.id
                          AND a.input_version = p.version)
            ORDER BY p.version""", [fp, fp])
        ws.exec("DROP TABLE IF EXISTS _bp_freq")
        return rows


# ------------------------------------------------------------------ inspection
def formulas(ws: Any, limit: int = 50) -> list[dict]:
    """The formulas found under the workspace's current settings, most widespread first (wording:
    as first removed from an answer; None for one no answer has lost yet)."""
    fp = ws.chain_fingerprint("boilerplate") if ws.table_exists("boilerplate_params") else None
    row = ws.one("SELECT pk, config FROM boilerplate_params WHERE fingerprint = ?", [fp]) if fp else None
    if not row:
        raise LookupError("boilerplate has not run with its current settings in this workspace")
    min_patients = BoilerplateConfig.model_validate_json(row[1]).min_patients
    return ws.fetch_rows(f"""
        SELECT k.key, count(DISTINCT k.patient) AS patients, any_value(f.wording) AS wording
        FROM boilerplate_keys k LEFT JOIN boilerplate_formulas f ON f.key = k.key AND f.fingerprint = ?
        WHERE k.pk = {row[0]} GROUP BY k.key HAVING patients >= {int(min_patients)}
        ORDER BY patients DESC, wording LIMIT {int(limit)}""", [fp])


def status_section(ws: Any) -> dict[str, Any] | None:
    """`medcorpus status`: formulas found, sentences removed and records rejected."""
    try:
        found = formulas(ws, limit=1000)
    except LookupError:
        return None
    return {"formulas": len(found), "top": [f"{f['wording']} ({f['patients']} patients)" for f in found[:5]]}


Boilerplate.status_sections = {"boilerplate": status_section}
