"""Versioned exports for `medcorpus build`: `exports/v0003/` + manifest.json, written only when the
exported set changed, with what was added and removed since the previous version. A new version
hard-links the previous version's unchanged shards and writes only the changed ones."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from medcorpus.pipeline import exports as db
from medcorpus.pipeline.config import ExportSettings
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.workspace import Workspace
from medcorpus.stages.export import MANIFEST, export


def _previous_share(previous: Path | None, holdout: str | None) -> float | None:
    """The held-out share of the previous version when asked the same way: a count (`holdout = 500`)
    then keeps its share as the corpus grows, so no test record moves to train."""
    if previous is None or holdout is None:
        return None
    try:
        info = orjson.loads((previous / MANIFEST).read_bytes()).get("holdout") or {}
    except (OSError, orjson.JSONDecodeError):
        return None
    return info.get("share") if info.get("asked") == str(holdout) else None


def export_version(ws: Workspace, root: Path, settings: ExportSettings, pipeline_hash: str = "",
                   ) -> tuple[RunSummary | None, dict[str, Any]]:
    """Write a new version under `root` if the exported records changed; returns (summary, manifest)."""
    key = str(root.resolve())
    last, added, removed, changed, total = db.version_diff(ws, key, settings.complete_only)
    if last is not None and added == removed == changed == 0:
        return None, {"version": f"v{last:04d}", "unchanged": True, "records": total}
    vno = (last or 0) + 1
    name = f"v{vno:04d}"
    root.mkdir(parents=True, exist_ok=True)
    for stale in root.glob(".tmp-v*"):  # versions a killed build left half-written
        shutil.rmtree(stale, ignore_errors=True)
    tmp = root / f".tmp-{name}"
    previous = root / f"v{last:04d}" if last else None
    previous = previous if previous is not None and previous.is_dir() else None
    summary = export(ws, tmp, settings.format, settings.file_type, settings.shard_size, settings.name,
                     settings.complete_only, holdout=settings.holdout, merge_separator=settings.merge_separator,
                     reuse_from=previous, share=_previous_share(previous, settings.holdout))
    manifest = orjson.loads((tmp / MANIFEST).read_bytes())
    manifest.update({
        "version": name, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "added": added, "removed": removed, "changed": changed,
        "previous": f"v{last:04d}" if last else None, "pipeline_hash": pipeline_hash,
        "stages": [s for s, _ in ws.chain()[1:]],
        "pending_left_out": summary.extra.get("pending_records", 0) if settings.complete_only else 0,
        "shards_reused": summary.extra["shards_reused"], "shards_written": summary.extra["shards_written"],
    })
    (tmp / MANIFEST).write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    final = root / name
    shutil.rmtree(final, ignore_errors=True)  # a dir left by a killed earlier attempt at this number
    tmp.rename(final)
    db.record_version(ws, vno, key)
    (root / "LATEST").write_text(name + "\n")
    summary.extra.update({"out": str(final), "version": name, "added": added, "removed": removed, "changed": changed})
    return summary, manifest


def exported_versions(ws: Workspace) -> list[dict[str, Any]]:
    return db.exported_versions(ws)


def export_status(ws: Workspace) -> dict[str, Any]:
    """`medcorpus status`: the export versions and what the latest export normalised, held out, reused."""
    last = db.last_run_extra(ws, "export") or {}
    if last.get("out"):  # a build writes each version in root/.tmp-vNNNN, then renames it root/vNNNN
        last["out"] = last["out"].replace(f"{Path(last['out']).parent}/.tmp-v", f"{Path(last['out']).parent}/v")
    return {"versions": exported_versions(ws),
            "last_export": {k: last.get(k) for k in ("out", "splits", "holdout", "normalised", "shards_reused",
                                                     "shards_written") if k in last}}
