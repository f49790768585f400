"""Kept share and seconds per kept item with the embedded local model, per task and reply form.

For each task (disease-dialogues, self-instruct over the disease DB in English) and each form
(`json_object`: shape unconstrained; `auto`: the schema sent as the endpoint accepts it), N items
through llama.cpp's server with a GGUF model, on the tuning split (the bundled 60-entry sample) and
the untouched split (../shared/data's format_dataset.csv, rows 500+, never looked at while tuning).
Prints kept share, wrong-shape replies, wall and server-CPU seconds per item and per kept item.

    python bench/synth_local.py [--n 12] [--model-file X.gguf --alias NAME] [--tasks dialogues,selfinstruct]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcorpus.knowledge.diseases import load_diseases  # noqa: E402
from medcorpus.pipeline.progress import set_quiet  # noqa: E402
from medcorpus.pipeline.workspace import Workspace  # noqa: E402

SAMPLE = ROOT / "medcorpus" / "data" / "sample" / "disease_db_sample.csv"
SHARED = ROOT / ".." / "shared" / "data" / "disease_db" / "format_dataset.csv"
DUMP: str | None = None


def split_file(split: str, n: int, tmp: Path) -> Path | None:
    """The disease table of a split: the sample's first n rows, or n rows of the shared DB from row 500."""
    src, start = (SAMPLE, 0) if split == "tune" else (SHARED, 500)
    if not src.exists():
        return None
    with open(src, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    out = tmp / f"{split}.csv"
    with open(out, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([rows[0]] + rows[1 + start: 1 + start + n])
    return out


def server_cpu(proc) -> float:
    import psutil

    t = psutil.Process(proc.pid).cpu_times()
    return t.user + t.system


def run_task(task: str, url: str, model: str, form: str, db: Path, n: int, tmp: Path, server) -> dict:
    from medcorpus.stages.selfinstruct import SelfInstruct
    from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues

    ws = Workspace(tmp / f"ws-{task}-{form}-{time.monotonic_ns()}")
    load_diseases(ws, db)
    llm = {"base_url": url, "model": model, "structured": form, "concurrency": 1, "timeout": 600,
           "json_retries": 0}
    cpu0, t0 = server_cpu(server.proc), time.perf_counter()
    if task == "dialogues":
        s = SynthDiseaseDialogues({"llm": llm, "limit": n}).run(ws)
        items, kept = s.extra["items_done"], s.extra["items_kept"]
    else:
        s = SelfInstruct({"llm": llm, "lang": "en", "entity_types": ["disease"], "limit": n, "per_entity": 2}).run(ws)
        items, kept = s.extra.get("pairs", 0), s.n_out  # per pair: the unit kept or refused
    secs, cpu = time.perf_counter() - t0, server_cpu(server.proc) - cpu0
    reasons = s.extra.get("rejected_by_reason", {})
    if DUMP:
        with open(DUMP, "a", encoding="utf-8") as fh:
            for rec in ws.records():
                if rec.source.startswith(("synth", "selfinstruct")):
                    fh.write(json.dumps({"task": task, "form": form, "kept": [t.text for t in rec.turns]},
                                        ensure_ascii=False) + "\n")
            for reason, snippet in ws.exec("SELECT reason, snippet FROM rejects"):
                fh.write(json.dumps({"task": task, "form": form, "rejected": reason, "snippet": snippet},
                                    ensure_ascii=False) + "\n")
    ws.close()
    return {"items": items, "kept": kept, "secs": secs, "cpu": cpu, "requests": s.extra["llm"]["requests"],
            "wrong_shape": s.extra["llm"]["wrong_shape"] + sum(v for k, v in reasons.items() if k.startswith(
                ("wrong shape", "invalid reply"))), "mode": s.extra["llm"]["structured"], "reasons": reasons}


def main() -> None:
    from medcorpus.llm.server import LocalServer, gguf_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=12, help="cases per split (self-instruct: entities, 2 pairs each)")
    ap.add_argument("--model-file", default=None)
    ap.add_argument("--alias", default="SmolLM2-135M-Instruct")
    ap.add_argument("--tasks", default="dialogues,selfinstruct")
    ap.add_argument("--forms", default="json_object,auto")
    ap.add_argument("--splits", default="tune,heldout")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--dump", default=None, help="append kept records and reject snippets to this JSONL file")
    ap.add_argument("--runs", default=None, help="split:task:form,... (instead of the full cross product)")
    args = ap.parse_args()
    global DUMP
    DUMP = args.dump
    set_quiet(True)
    model_file = Path(args.model_file) if args.model_file else gguf_path()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-synth-local-") as tmpdir, \
            LocalServer(model_file, alias=args.alias, threads=args.threads) as server:
        tmp = Path(tmpdir)
        runs = [tuple(r.split(":")) for r in args.runs.split(",")] if args.runs else \
            [(sp, t, f) for sp in args.splits.split(",") for t in args.tasks.split(",") for f in args.forms.split(",")]
        for split, task, form in runs:
            db = split_file(split, args.n, tmp)
            if db is None:
                print(f"split {split}: data not present; skipped")
                continue
            r = run_task(task, server.base_url, args.alias, form, db, args.n, tmp, server)
            rows.append((split, task, form, r))
            print(f"  {split} {task} {form}: {r}", flush=True)
    size = model_file.stat().st_size / 2**20
    print(f"\nbench/synth_local.py: {args.alias} ({model_file.name}, {size:.0f} MiB), llama.cpp, "
          f"{args.threads} threads; wrong shape = replies refused for their shape (incl. cut off)")
    print(f"{'split':<8} {'task':<12} {'form':<12} {'sent as':<18} {'items':>5} {'kept':>5} {'kept %':>7} "
          f"{'wrong':>5} {'s/item':>7} {'s/kept':>7} {'cpu s/kept':>10}")
    for split, task, form, r in rows:
        share = 100 * r["kept"] / r["items"] if r["items"] else 0
        per_kept = r["secs"] / r["kept"] if r["kept"] else float("inf")
        cpu_kept = r["cpu"] / r["kept"] if r["kept"] else float("inf")
        print(f"{split:<8} {task:<12} {form:<12} {str(r['mode']):<18} {r['items']:>5} {r['kept']:>5} {share:>6.0f}% "
              f"{r['wrong_shape']:>5} {r['secs'] / max(1, r['items']):>7.1f} {per_kept:>7.1f} {cpu_kept:>10.1f}")
    print("units: dialogues = one patient/doctor exchange (2 requests); self-instruct = one pair (2 per request)")


if __name__ == "__main__":
    main()
