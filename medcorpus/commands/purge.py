"""purge: remove raw text that scrubbing made redundant, and prove the bytes are gone."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace
from medcorpus.pipeline.progress import console


def purge(
    upto: Annotated[str, typer.Option("--upto", help="The stage whose output makes earlier layers redundant.")] = "scrub",
    verify: Annotated[Optional[Path], typer.Option(
        "--verify", help="A file of values (one a line, e.g. the identifiers you planted or know of): "
                         "after purging, scan every file of the workspace for them; exit 1 if any is found.")] = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Remove the turns of every layer before `scrub` (ingest and the stages ahead of it) for the records
    scrub has processed and for records removed before it; drop reject snippets of those records, mask
    file-level ones, clear caches of raw text, then compact the DuckDB file so the bytes are gone.
    Ids, lineage, reasons and the scrubbed versions stay; later stages and exports keep working."""
    from medcorpus.pipeline.purge import PurgeError, purge as run_purge, scan

    values = None
    if verify is not None:
        if not verify.is_file():
            fail(f"--verify {verify}: no such file", 2)
        values = [v.strip() for v in verify.read_text(encoding="utf-8").splitlines() if v.strip()]
    ws = open_workspace(workspace, json)
    try:
        result = run_purge(ws, upto)
    except PurgeError as exc:
        fail(str(exc))
    finally:
        ws.close()
    if values is not None:
        found = scan(ws.path, values)
        result["verify"] = {"values": len(values), "found": found}
    if json:
        emit_json(result)
    else:
        console.print(f"purged the raw text of {result['records']:,} record(s) ahead of `{upto}` "
                      f"({result['rows_emptied']:,} rows emptied; layers: {', '.join(result['stages_purged'])}); "
                      f"reject snippets: {result['snippets_dropped']:,} dropped, {result['snippets_masked']:,} masked; "
                      f"workspace {result['bytes_before'] / 1e6:.1f} MB -> {result['bytes_after'] / 1e6:.1f} MB",
                      highlight=False)
        if values is not None:
            if found:
                console.print(f"[red]verify:[/] {len(found)} of {len(values)} value(s) still found: "
                              + "; ".join(f"{v!r} in {', '.join(files)}" for v, files in list(found.items())[:10]),
                              highlight=False)
            else:
                console.print(f"[green]verify:[/] none of the {len(values)} value(s) is in any file of {ws.path}")
    if values is not None and result["verify"]["found"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(purge)
