"""Versioned exports for `medcorpus build`: `exports/v0003/` + manifest.json, written only when the
exported set changed, with what was added and removed since the previous version."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from medcorpus.pipeline.config import ExportSettings
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.stages.export import export

_DDL = "CREATE TABLE IF NOT EXISTS export_versions (vno INTEGER, id VARCHAR, version BIGINT, out VARCHAR)"


def export_version(ws: Workspace, root: Path, settings: ExportSettings, pipeline_hash: str = "",
                   ) -> tuple[RunSummary | None, dict[str, Any]]:
    """Write a new version under `root` if the exported records changed; returns (summary, manifest)."""
    ws.exec(_DDL)
    cur = ws.current_sql()
    where = "WHERE pending = 0" if settings.complete_only else ""
    ws.exec(f"CREATE OR REPLACE TEMP TABLE _export_now AS SELECT id, version FROM ({cur}) {where}")
    last = ws.one("SELECT max(vno) FROM export_versions WHERE out = ?", [str(root.resolve())])[0]
    if last is not None:
        ws.exec(f"CREATE OR REPLACE TEMP TABLE _export_prev AS SELECT id, version FROM export_versions "
                f"WHERE vno = {int(last)} AND out = ?", [str(root.resolve())])
    else:
        ws.exec("CREATE OR REPLACE TEMP TABLE _export_prev AS SELECT id, version FROM _export_now LIMIT 0")
    added, removed, changed = ws.one("""SELECT
        (SELECT count(*) FROM _export_now n WHERE NOT EXISTS (SELECT 1 FROM _export_prev p WHERE p.id = n.id)),
        (SELECT count(*) FROM _export_prev p WHERE NOT EXISTS (SELECT 1 FROM _export_now n WHERE p.id = n.id)),
        (SELECT count(*) FROM _export_now n JOIN _export_prev p ON p.id = n.id AND p.version <> n.version)""")
    total = ws.one("SELECT count(*) FROM _export_now")[0]
    if last is not None and added == removed == changed == 0:
        return None, {"version": f"v{last:04d}", "unchanged": True, "records": total}
    vno = (last or 0) + 1
    name = f"v{vno:04d}"
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".tmp-{name}"
    shutil.rmtree(tmp, ignore_errors=True)
    summary = export(ws, tmp, settings.format, settings.file_type, settings.shard_size, settings.name,
                     settings.complete_only)
    manifest = {
        "version": name, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "records": summary.n_out, "added": added, "removed": removed, "changed": changed,
        "previous": f"v{last:04d}" if last else None, "pipeline_hash": pipeline_hash,
        "stages": [s for s, _ in ws.chain()[1:]], "format": settings.format, "file_type": settings.file_type,
        "pending_left_out": summary.extra.get("pending_records", 0) if settings.complete_only else 0,
    }
    (tmp / "manifest.json").write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    final = root / name
    shutil.rmtree(final, ignore_errors=True)  # a dir left by a killed earlier attempt at this number
    tmp.rename(final)
    with ws.transaction():
        ws.exec(f"INSERT INTO export_versions SELECT {vno}, id, version, ? FROM _export_now", [str(root.resolve())])
    (root / "LATEST").write_text(name + "\n")
    summary.extra.update({"out": str(final), "version": name, "added": added, "removed": removed, "changed": changed})
    return summary, manifest


def exported_versions(ws: Workspace) -> list[dict[str, Any]]:
    ws.exec(_DDL)
    return [{"out": o, "version": f"v{v:04d}", "records": n} for o, v, n in ws.exec(
        "SELECT out, vno, count(*) FROM export_versions GROUP BY 1, 2 ORDER BY 1, 2")]
