"""`medcorpus kb load-kg`, `medcorpus kb card` and `medcorpus synth self-instruct`."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer
from rich.table import Table

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, emit_json, fail, open_workspace, print_summaries
from medcorpus.commands.groups import kb_app, synth_app
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.options import llm_options
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

    if source and len(paths) > 1:
        fail("--source names the edges of one file (a reload replaces them): load one file per --source")
    ws = open_workspace(workspace, json, create=True)
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


@llm_options()
def self_instruct(
    entity_types: Annotated[Optional[str], typer.Option(
        "--entity-types", help="Comma-separated entity types to walk, e.g. 中药名,方名 (default: every type with "
                               "facts that is not a class or intermediate node; 'disease' for the disease DB).")] = None,
    per_entity: Annotated[int, typer.Option("--per-entity", "-k", min=1, max=20, help="Pairs asked for per entity.")] = 3,
    seed_tasks: Annotated[Optional[Path], typer.Option("--seed-tasks", help="JSONL seed tasks {lang, instruction, "
                                                       "output[, types]} (default: the bundled file).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="zh|en: prompt, card labels and record language.")] = "zh",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Generate for at most this many entities.")] = None,
    n_seeds: Annotated[int, typer.Option("--n-seeds", min=0, max=10, help="Seed tasks shown per prompt as examples "
                                         "(0: none; a small model copies them into every pair).")] = 0,
    card_tokens: Annotated[int, typer.Option("--card-tokens", min=50, help="Token budget of a knowledge card.")] = 600,
    rouge: Annotated[float, typer.Option("--rouge-threshold", help="Drop an instruction whose ROUGE-L to a kept one exceeds this.")] = 0.7,
    prompt_file: Annotated[Optional[Path], typer.Option("--prompt-file", help="Prompt template file (or directory) "
                                                        "overriding medcorpus/prompts/selfinstruct.<lang>.txt.")] = None,
    source: Annotated[str, typer.Option("--source", help="Source name of the records.")] = "selfinstruct",
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
    *,
    llm: LLMConfig,
) -> None:
    """Entity-centric self-instruct: for each KG entity a knowledge card, a prompt with seed tasks,
    K instruction-response pairs as JSON; keeps pairs that are grounded in the card, within length
    bounds and novel (ROUGE-L <= 0.7 to every kept instruction). Re-runs skip finished entities."""
    from pydantic import ValidationError

    from medcorpus.pipeline.io import InputError
    from medcorpus.stages.selfinstruct import SelfInstructConfig, self_instruct as run

    dry_run = llm.dry_run
    try:
        cfg = SelfInstructConfig(
            lang=lang, per_entity=per_entity, limit=limit, n_seeds=n_seeds, card_tokens=card_tokens, rouge_threshold=rouge,
            entity_types=[t.strip() for t in entity_types.split(",") if t.strip()] if entity_types else None,
            seed_tasks=str(seed_tasks) if seed_tasks else None, prompt_file=str(prompt_file) if prompt_file else None,
            source=source, llm=llm)
    except ValidationError as exc:
        fail(f"invalid option: {exc.errors()[0]['loc'][-1]}: {exc.errors()[0]['msg']}")
    ws = open_workspace(workspace, json, create=True)
    try:
        summary = run(ws, cfg)
    except (InputError, ValueError) as exc:
        fail(str(exc))
    except Exception as exc:  # no endpoint, prompt file errors, ...
        if type(exc).__name__ in ("NoEndpoint", "PromptError", "LLMError"):
            fail(str(exc))
        raise
    finally:
        ws.close()
    if dry_run and not json:
        console.print(f"dry run: {summary.n_in:,} entities would be asked ({summary.n_skipped:,} already done)",
                      highlight=False)
    from medcorpus.commands.synth import _print_llm_summary

    _print_llm_summary(summary, json, "synth self-instruct")


def register(app: typer.Typer) -> None:
    kb_app.command("load-kg")(load_kg)
    kb_app.command("card")(card)
    synth_app.command("self-instruct")(self_instruct)
