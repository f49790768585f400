"""medcorpus dedup: exact and near-duplicate removal (MinHash LSH), and --show CLUSTER."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from medcorpus.commands._common import (BatchOpt, EngineKind, EngineOpt, JsonOpt, RayAddressOpt, WorkersOpt,
                                        WorkspaceOpt, emit_json, fail, options_problem, show_or_run)
from medcorpus.pipeline.progress import console


def dedup(
    threshold: Annotated[float, typer.Option("--threshold", "-t", min=0.01, max=0.99, help="Jaccard similarity from which two texts are duplicates.")] = 0.75,
    num_perm: Annotated[int, typer.Option("--num-perm", min=8, max=1024, help="MinHash permutations.")] = 128,
    latin_char_ngram: Annotated[int, typer.Option("--latin-char-ngram", min=0, max=32, help="Character n-grams of the normalised text for non-CJK text (0: word n-grams, --ngram).")] = 5,
    ngram: Annotated[int, typer.Option("--ngram", min=1, max=32, help="Word n-gram size for non-CJK text with --latin-char-ngram 0.")] = 3,
    char_ngram: Annotated[int, typer.Option("--char-ngram", min=1, max=32, help="Character n-gram size for mostly-CJK text.")] = 3,
    on: Annotated[str, typer.Option("--on", help="Compared text: all (patient and doctor turns) | patient | doctor.")] = "all",
    keep: Annotated[str, typer.Option("--keep", help="Kept record of a cluster: longest | first.")] = "longest",
    bands: Annotated[Optional[int], typer.Option("--bands", min=1, help="LSH bands (with --rows; default: derived from the threshold).")] = None,
    rows: Annotated[Optional[int], typer.Option("--rows", min=1, help="Rows per band (with --bands).")] = None,
    show: Annotated[Optional[str], typer.Option("--show", help="Print the cluster with this id (or the cluster of this record id) and exit.")] = None,
    workers: WorkersOpt = 1,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    batch_size: BatchOpt = 2000,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Remove exact and near duplicates (MinHash LSH over language-aware shingles: character 5-grams of
    the normalised text, character 3-grams for Chinese), keeping one record per cluster. Incremental: new records are
    matched against every record deduplicated before. Another threshold recomputes from the input."""
    from pydantic import ValidationError

    from medcorpus.stages.dedup import Dedup, DedupConfig, show_cluster

    problem = None
    try:
        config = DedupConfig(threshold=threshold, num_perm=num_perm, ngram=ngram, char_ngram=char_ngram,
                             latin_char_ngram=latin_char_ngram, on=on, keep=keep, bands=bands, rows=rows)
    except ValidationError as exc:
        problem = options_problem(exc)
    if problem:
        fail(problem)
    show_or_run(workspace, json, "dedup", Dedup(config),
                None if show is None else (lambda ws: show_cluster(ws, show), _print_cluster),
                batch_size=batch_size, workers=workers, engine=engine, ray_address=ray_address)


def _print_cluster(info: dict, json_mode: bool) -> None:
    if json_mode:
        emit_json(info)
        return
    console.print(f"[bold]cluster[/] {info['cluster']}  members: {len(info['members'])}  "
                  f"(threshold {info['threshold']}, {info['bands']} bands x {info['rows']} rows)", highlight=False)
    t = Table(title_justify="left")
    t.add_column("id", no_wrap=True)
    for col in ("status", "jaccard", "chars", "text"):
        t.add_column(col, overflow="fold")
    for m in info["members"]:
        j = "" if m["jaccard"] is None else f"{m['jaccard']:.2f}"
        t.add_row(m["id"], m["status"], j, f"{m['length']:,}", (m["text"] or "")[:160].replace("\n", " / "))
    console.print(t)


def register(app: typer.Typer) -> None:
    app.command()(dedup)
