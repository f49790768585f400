"""The `current_layers` table: each record's rows along the current chain, kept by the committer.

For every record it holds one row per chain layer its lineage reaches intact (`depth` 0 = source),
with that row's `version` and `input_version`: exactly the rows the per-layer self-join
(`Workspace.layer_ctes`) finds, without running it. A record's current row is its layer row that
no other layer row names as input; a stage's pending rows are the layer rows before it that none
does. The committer updates it in the same transaction as each batch (a source row adds depth 0;
a stage's row at position p replaces the record's layers from p on when its input is the record's
layer p-1), so a kill at any point leaves it consistent with `records`. A chain change (a new
fingerprint, a reordered pipeline) rebuilds it once from the self-join; the chain it matches is
stored in `kv`, and reads fall back to the self-join when it does not match (a read-only open of
a workspace written before this table existed).

`CurrentLayers` is a mixin of `Workspace` (it uses `con`, `exec`, `one`, `get`, `set`, `chain`).
"""
from __future__ import annotations

import pyarrow as pa

LAYERS = "current_layers"
KV_KEY = "current_layers.chain"
LAYERS_DDL = f"CREATE TABLE IF NOT EXISTS {LAYERS} (id VARCHAR, depth INTEGER, version BIGINT, input_version BIGINT)"


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class CurrentLayers:
    def _chain_key(self, chain: list[tuple[str, str]] | None = None) -> list[list[str]]:
        return [[s, f] for s, f in (chain or self.chain())[1:]]

    def layers_ok(self) -> bool:
        """Whether `current_layers` matches the chain (else readers use the self-join)."""
        return self.table_exists(LAYERS) and self.get(KV_KEY) == self._chain_key()

    def sync_layers(self) -> None:
        """Bring `current_layers` to the chain now in the workspace (after a chain change; call it
        inside the transaction that changed the chain). Stages appended with no rows yet change
        nothing; any other change rebuilds the table from the self-join."""
        now = self._chain_key()
        had = self.get(KV_KEY)
        if had == now:
            return
        if had is not None and now[:len(had)] == had and not any(
                self.one("SELECT count(*) FROM (SELECT 1 FROM records WHERE stage = ? AND fingerprint = ? LIMIT 1)",
                         [s, f])[0] for s, f in now[len(had):]):
            self.set(KV_KEY, now)
            return
        self.rebuild_layers()

    def rebuild_layers(self) -> None:
        """Recompute `current_layers` from the records table (one self-join per chain stage)."""
        chain = self.chain()
        ctes = [f"L0 AS (SELECT id, version, input_version FROM records WHERE stage = 'source')"]
        for i, (stage, fp) in enumerate(chain[1:], 1):
            ctes.append(
                f"L{i} AS (SELECT r.id, r.version, r.input_version FROM records r JOIN L{i-1} p "
                f"ON r.id = p.id AND r.input_version = p.version "
                f"WHERE r.stage = {_q(stage)} AND r.fingerprint = {_q(fp)} "
                f"QUALIFY row_number() OVER (PARTITION BY r.id ORDER BY r.version DESC) = 1)")
        union = " UNION ALL ".join(f"SELECT id, {i}, version, input_version FROM L{i}" for i in range(len(chain)))
        with self.transaction():
            self.exec(LAYERS_DDL)
            self.exec(f"DELETE FROM {LAYERS}")
            self.exec(f"INSERT INTO {LAYERS} WITH {', '.join(ctes)} {union}")
            self.set(KV_KEY, self._chain_key(chain))

    # ------------------------------------------------------------------ the committer's updates
    def _layers_add_sources(self, new: pa.Table) -> None:
        """New source rows (`id`, `version`) start their records at depth 0."""
        if new.num_rows:
            self.con.register("_layers_new", new)
            try:
                self.exec(f"INSERT INTO {LAYERS} SELECT id, 0, version, NULL FROM _layers_new")
            finally:
                self.con.unregister("_layers_new")

    def _layers_advance(self, new: pa.Table, position: int, reopened: bool = True) -> None:
        """Rows a stage at chain `position` just wrote (`id`, `version`, `input_version`): each one
        whose input is its record's layer position-1 becomes its layer `position`, replacing the
        record's layers from there on (a re-opened record's later layers no longer hold). Rows
        read as pending (`reopened` False: their input is layer position-1 and no layer follows
        it, as the run found them) are appended as they are."""
        if not new.num_rows:
            return
        p = int(position)
        self.con.register("_layers_new", new)
        try:
            if not reopened:
                self.exec(f"INSERT INTO {LAYERS} SELECT id, {p}, version, input_version FROM _layers_new")
                return
            self.exec(f"DELETE FROM {LAYERS} WHERE depth >= {p} AND id IN (SELECT n.id FROM _layers_new n "
                      f"JOIN {LAYERS} h ON h.depth = {p - 1} AND h.version = n.input_version)")
            self.exec(f"INSERT INTO {LAYERS} SELECT n.id, {p}, n.version, n.input_version FROM _layers_new n "
                      f"WHERE n.input_version IN (SELECT version FROM {LAYERS} WHERE depth = {p - 1})")
        finally:
            self.con.unregister("_layers_new")

    def _layer_position(self, stage: str, fingerprint: str) -> int | None:
        row = self.one("SELECT position FROM chain WHERE stage = ? AND fingerprint = ?", [stage, fingerprint])
        return row[0] if row else None

    # ------------------------------------------------------------------ reading through it
    def _layers_current_sql(self, k: int, include_removed: bool) -> str:
        where = "" if include_removed else " AND r.status = 'ok'"
        return (f"SELECT l.depth, r.*, {k} - l.depth AS pending FROM {LAYERS} l JOIN records r ON r.version = l.version "
                f"WHERE NOT EXISTS (SELECT 1 FROM {LAYERS} x WHERE x.input_version = l.version){where}")

    def _layers_input_sql(self, depth: int, pending_only: bool) -> str:
        todo = (f" AND NOT EXISTS (SELECT 1 FROM {LAYERS} x WHERE x.input_version = l.version)"
                if pending_only else "")
        return (f"SELECT r.* FROM {LAYERS} l JOIN records r ON r.version = l.version "
                f"WHERE l.depth = {int(depth)} AND r.status = 'ok'{todo}")
