"""`medcorpus kb load-kg`, `medcorpus kb card` and `medcorpus synth self-instruct`."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer
from rich.table import Table

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace, print_summaries
from medcorpus.commands.groups import kb_app, synth_app
from medcorpus.pipeline.progress import console


def load_kg(
    paths: Annotated[List[Path], typer.Argument(help="KG files: nodes JSON, triples TSV, or any table with --map.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="auto|nodes-json|triples-tsv|table")] = "auto",
    map_: Annotated[Optional[List[str]], typer.Option(
        "--map", help="FIELD=COLUMN for tables: head, relation, tail [, head_type, tail_type, qualifier].")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Source name (default: the file's name).")] = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Load a knowledge graph into the workspace (tables kb_entities, kb_edges); reloading a file
    replaces its edges. Prints entity counts by type and edge counts by relation; malformed
    lines go to `medcorpus rejects` with their line (or item) number."""
    from medcorpus.knowledge.kg import load_kg as run_load, parse_map
    from medcorpus.pipeline.io import InputError
    from medcorpus.pipeline.progress import progress_bar

    ws = open_workspace(workspace, json)
    summaries = []
    try:
        mapping = parse_map(map_)
        with progress_bar("load-kg") as advance:
            for path in paths:
                summaries.append(run_load(ws, path, fmt, mapping, source, advance=advance))
    except InputError as exc:
        fail(str(exc))
    finally:
        ws.close()
    if json:
        emit_json([s.model_dump() for s in summaries] if len(summaries) != 1 else summaries[0].model_dump())
        return
    print_summaries([s.model_copy(update={"extra": {}}) for s in summaries], False, "load-kg")
    for s in summaries:
        table = Table(title=f"{s.extra['source']} ({s.extra['format']}): {s.extra['entities']:,} entities, "
                            f"{s.extra['edges']:,} edges", title_justify="left")
        table.add_column("entity type")
        table.add_column("entities", justify="right")
        table.add_column("relation")
        table.add_column("edges", justify="right")
        ents = list(s.extra["entities_by_type"].items())
        rels = list(s.extra["edges_by_relation"].items())
        for i in range(max(len(ents), len(rels))):
            e = ents[i] if i < len(ents) else ("", "")
            r = rels[i] if i < len(rels) else ("", "")
            table.add_row(e[0], f"{e[1]:,}" if e[1] != "" else "", r[0], f"{r[1]:,}" if r[1] != "" else "")
        console.print(table)
        notes = []
        if s.extra.get("folded_qualifiers"):
            notes.append(f"{s.extra['folded_qualifiers']:,} dose edges folded into their composition edges")
        if s.n_skipped:
            notes.append(f"{s.n_skipped:,} duplicate edges")
        if s.n_rejected:
            notes.append(f"{s.n_rejected:,} malformed lines rejected (see `medcorpus rejects --stage kb-load-kg`)")
        for note in notes:
            console.print(f"  [dim]{note}[/]", highlight=False)


def card(
    name: Annotated[str, typer.Argument(help="Entity name (e.g. 鳖甲汤).")],
    type_: Annotated[Optional[str], typer.Option("--type", help="Entity type (e.g. 方名), when the name is ambiguous.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="zh|en: labels of the card.")] = "zh",
    tokens: Annotated[int, typer.Option("--tokens", min=20, help="Token budget of the card.")] = 600,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Show the knowledge card self-instruct would give the LLM for one entity."""
    from dataclasses import asdict

    from medcorpus.knowledge.cards import CardBuilder
    from medcorpus.knowledge.kg import ensure_tables

    ws = open_workspace(workspace, json)
    try:
        ensure_tables(ws)
        where, params = ("AND type = ?", [name, type_]) if type_ is not None else ("", [name])
        rows = ws.exec(f"SELECT entity_id, type FROM kg_entities WHERE name = ? {where} ORDER BY type", params)
        with_facts = [r for r in rows if ws.one("SELECT 1 FROM kg_edges WHERE head_id = ? LIMIT 1", [r[0]])]
        if len(rows) > 1 and len(with_facts) == 1:
            rows = with_facts  # 鳖甲汤 the formula, not 鳖甲汤 an alias of another one
        if not rows:
            fail(f"no entity named {name!r}" + (f" of type {type_!r}" if type_ is not None else ""))
        if len(rows) > 1:
            fail(f"{name!r} names {len(rows)} entities (types: {', '.join(t or '(untyped)' for _, t in rows)}); "
                 f"pick one with --type")
        c = CardBuilder(ws, lang=lang, budget=tokens).card(rows[0][0])
    finally:
        ws.close()
    if json:
        emit_json({**asdict(c), "hash": c.hash})
        return
    console.print(c.text, highlight=False, markup=False)
    console.print(f"[dim]~{c.tokens} tokens, {len(c.facts)} of {c.facts_total} facts shown"
                  f"{' (trimmed)' if c.truncated else ''}, card {c.hash}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    kb_app.command("load-kg")(load_kg)
    kb_app.command("card")(card)
