"""init, ingest, export, status, rejects."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import orjson
import typer
from rich.table import Table

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace, print_summaries
from medcorpus.pipeline.io import InputError
from medcorpus.pipeline.progress import console


def init(path: Annotated[Optional[Path], typer.Argument(help="Workspace directory.")] = None,
         workspace: WorkspaceOpt = None) -> None:
    """Create a workspace (a directory with one DuckDB file)."""
    ws = open_workspace(path or workspace, create=True)
    console.print(f"workspace ready: {ws.db_path}")
    ws.close()


def ingest(
    paths: Annotated[List[Path], typer.Argument(help="Files: .json/.jsonl/.csv/.tsv/.parquet, optionally .gz.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="auto|alpaca|chatmed|huatuo|sharegpt|messages|table")] = "auto",
    map_: Annotated[Optional[List[str]], typer.Option(
        "--map", help="FIELD=COLUMN for table-shaped files (fields: patient, doctor, system, id, lang), "
                      "or FILE:FIELD=COLUMN for one file only.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Source name (default: the file's name).")] = None,
    kind: Annotated[str, typer.Option("--kind", help="consultation (patient/doctor) or instruction (user/assistant).")] = "consultation",
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes converting big JSONL files.")] = 2,
    skip_unchanged: Annotated[bool, typer.Option("--skip-unchanged", help="Don't re-read files already ingested unchanged.")] = False,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Read existing dumps (HealthCareMagic/iCliniq/GenMedGPT alpaca JSON, ChatMed, Huatuo, sharegpt,
    messages, any table with --map) into the workspace, one file at a time: a file that cannot be read
    is reported and the others are ingested (exit 1 if any failed). Re-ingesting a file adds nothing."""
    from medcorpus.stages.ingest import IngestFailed, ingest as run_ingest, parse_maps

    try:
        mapping, file_maps = parse_maps(map_)
    except InputError as exc:
        fail(str(exc), 2)
    missing = [p for p in paths if not p.exists()]
    if len(missing) == len(paths):  # nothing to read: don't create a workspace for it
        fail("; ".join(f"{p}: no such file" for p in missing))
    ws = open_workspace(workspace, json, create=True)
    failed = None
    try:
        summary = run_ingest(ws, paths, fmt, mapping, source, kind, workers, skip_unchanged, file_maps)
    except IngestFailed as exc:
        summary, failed = exc.summary, exc
    finally:
        ws.close()
    files = summary.extra.get("files", {})
    if json:
        emit_json(summary.model_dump())
    else:
        _print_files(files)
        summary = summary.model_copy(update={"extra": {k: v for k, v in summary.extra.items() if k != "files"}})
        print_summaries(summary, json, "ingest")
    if failed is not None:
        fail(str(failed))


def _print_files(files: dict) -> None:
    t = Table(title="files", title_justify="left")
    for col in ("file", "format", "read", "added", "duplicate", "rejected", "error / note"):
        t.add_column(col, justify="right" if col in ("read", "added", "duplicate", "rejected") else "left",
                     overflow="fold")
    for name, c in files.items():
        note = c.get("error") or c.get("note") or ("unchanged, skipped" if c.get("unchanged") else "")
        t.add_row(name, c.get("format", ""), f"{c.get('read', 0):,}", f"{c.get('added', 0):,}",
                  f"{c.get('duplicate', 0):,}", f"{c.get('rejected', 0):,}",
                  f"[red]{note}[/]" if c.get("error") else note)
    console.print(t)


def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("export"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="alpaca|sharegpt|messages")] = "alpaca",
    file_type: Annotated[str, typer.Option("--file-type", help="parquet|jsonl")] = "parquet",
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Most records per shard (a record keeps its shard between exports; new ones fill the last).")] = 100_000,
    name: Annotated[str, typer.Option("--name", help="Dataset name in dataset_info.json.")] = "medcorpus",
    complete_only: Annotated[bool, typer.Option("--complete-only", help="Leave out records that later stages have not processed yet.")] = False,
    holdout: Annotated[Optional[str], typer.Option("--holdout", help="Hold out a test split (data/test-*): a share like 2% or a number of records.")] = None,
    merge_separator: Annotated[str, typer.Option("--merge-separator", help="Joins consecutive turns of one speaker (\\n, \\t: newline, tab).")] = "\\n",
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Write shards (data/train-00000-of-000NN, data/test-* with --holdout), dataset_info.json
    (LLaMA-Factory), a dataset card and a manifest. Turns are normalised first (merged, trailing
    questions cut, records with no answer rejected); unchanged shards of an earlier export are kept."""
    from medcorpus.pipeline.safety import note_export
    from medcorpus.stages.export import FILE_TYPES, SHAPES, export as run_export

    if fmt not in SHAPES:  # checked before the workspace is opened: the flag is wrong, not the workspace
        fail(f"unknown export format {fmt!r} (one of {', '.join(SHAPES)})")
    if file_type not in FILE_TYPES:
        fail(f"unknown file type {file_type!r} (one of {', '.join(FILE_TYPES)})")
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file; give a directory (it is created if missing)", 2)
    ws = open_workspace(workspace, json)
    try:
        summary = run_export(ws, out, fmt, file_type, shard_size, name, complete_only, holdout=holdout,
                             merge_separator=merge_separator.replace("\\n", "\n").replace("\\t", "\t"))
        note_export(ws, out)
    except ValueError as exc:
        fail(str(exc))
    finally:
        ws.close()
    if summary.extra.get("pending_records") and not json:
        console.print(f"[yellow]note:[/] {summary.extra['pending_records']:,} record(s) have stages still to run; "
                      "they were exported in their latest state (use --complete-only to leave them out)")
    if not json:
        fixed = {k: v for k, v in summary.extra["normalised"].items() if v}
        if fixed:
            console.print("turn normalisation: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in fixed.items()))
        if summary.extra.get("holdout"):
            console.print("splits: " + ", ".join(f"{k} {v:,}" for k, v in summary.extra["splits"].items())
                          + (f" [yellow]({summary.extra['holdout']['note']})[/]" if summary.extra["holdout"].get("note") else ""))
    print_summaries(summary, json, "export")


def status(workspace: WorkspaceOpt = None, json: JsonOpt = False) -> None:
    """Records by source, language and kind; stages with processed/pending counts; rejects; runs."""
    from medcorpus.pipeline.status import collect_status

    ws = open_workspace(workspace, json)
    try:
        info = collect_status(ws)
    finally:
        ws.close()
    if json:
        emit_json(info)
        return
    console.print(f"[bold]workspace[/] {info['workspace']}  records: {info['records']:,}  "
                  f"removed: {info['removed']:,}  rejects: {info['rejects_total']:,}")
    for title, key in (("by source", "by_source"), ("by language", "by_lang"), ("by kind", "by_kind")):
        t = Table(title=title, title_justify="left")
        t.add_column(title.split()[-1])
        t.add_column("records", justify="right")
        for k, v in info[key].items():
            t.add_row(str(k), f"{v:,}")
        console.print(t)
    t = Table(title="stages", title_justify="left")
    for col in ("stage", "processed", "pending", "removed", "last run"):
        t.add_column(col)
    for s in info["stages"]:
        t.add_row(s["stage"], f"{s['processed']:,}", f"{s['pending']:,}", f"{s['removed']:,}", str(s["last_run"] or ""))
    console.print(t)
    if info["rejects"]:
        t = Table(title="rejects by stage and reason", title_justify="left")
        for col in ("stage", "reason", "count"):
            t.add_column(col)
        for r in info["rejects"]:
            t.add_row(r["stage"], r["reason"][:80], f"{r['count']:,}")
        console.print(t)
    if info.get("runs"):
        t = Table(title="recent runs", title_justify="left")
        for col in ("run", "stage", "status", "in", "out", "rejected", "ended"):
            t.add_column(col)
        colour = {"ok": "green", "running": "yellow", "interrupted": "red", "failed": "red", "partial": "yellow"}
        for r in info["runs"][:10]:
            state = r["status"] or ""
            t.add_row(str(r["run_id"]), r["stage"], f"[{colour.get(state, 'white')}]{state}[/]",
                      f"{r['n_in'] or 0:,}", f"{r['n_out'] or 0:,}", f"{r['n_rejected'] or 0:,}", str(r["ended_at"] or ""))
        console.print(t)
    for key, value in info.get("extra", {}).items():
        console.print(f"[bold]{key}[/]: {orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()}")


def rejects(
    stage: Annotated[Optional[str], typer.Option("--stage", help="Only this stage's rejects.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """List rejected inputs and removed records with file, line, reason and a snippet; identifiers in
    snippets are masked (<PERSON>, <PHONE>, ...) by scrub's recognizers, or the snippet is left out."""
    from medcorpus.pipeline.snippets import mask_texts

    ws = open_workspace(workspace, json)
    try:
        where = "WHERE stage = ?" if stage else ""
        rows = ws.fetch_rows(f"SELECT stage, file, line, record_id, reason, snippet FROM rejects {where} "
                             f"ORDER BY created_at, line LIMIT {int(limit)}", [stage] if stage else [])
    finally:
        ws.close()
    for row, masked in zip(rows, mask_texts([(r["snippet"] or "")[:200] for r in rows])):
        row["snippet"] = masked
    if json:
        emit_json(rows)
        return
    t = Table(title=f"rejects ({len(rows)} shown)", title_justify="left")
    for col in ("stage", "where", "reason", "snippet"):
        t.add_column(col, overflow="fold")
    for r in rows:
        where_ = (f"{r['file']}:{r['line']}" if r["line"] is not None else r["file"]) if r["file"] else (r["record_id"] or "")
        t.add_row(r["stage"], where_, r["reason"], (r["snippet"] or "")[:80])
    console.print(t)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(ingest)
    app.command()(export)
    app.command()(status)
    app.command()(rejects)
