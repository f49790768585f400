"""Benchmark of the filter stage: quality on the hand-labelled set, counts and speed on real data.

    python bench/filter.py [--copies N]

1. Hand-labelled set (tests/data/filter_labelled.jsonl, see bench/filter_fixture.py): per filter,
   run alone and in the full stage: records touched, damaged sentences of its kind found, clean
   sentences removed; reported for the tuning part and the held-out part separately.
2. Real data (../shared/data: GenMedGPT-5k + ChatMed-Consult test, 5,902 records): records touched
   and rejected per filter, and records/s of the filter work:
   - `process` in one process (CPU time, so other users of the machine do not count),
   - `process` in 2 worker processes over pickled batches (wall time),
   - the whole `medcorpus filter` run (DuckDB read + write included) with 1 and 2 workers, next to a
     no-op stage through the same runner (the ceiling the workspace I/O sets).
   `--copies N` repeats the real records N times (new ids) for steadier rates (default 4: 23,608).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcorpus.filters import ORDER, labelled  # noqa: E402
from medcorpus.pipeline.progress import set_quiet  # noqa: E402
from medcorpus.pipeline.runner import run_stage  # noqa: E402
from medcorpus.pipeline.stage import Stage  # noqa: E402
from medcorpus.pipeline.workspace import Workspace  # noqa: E402
from medcorpus.schemas import Record, Rejected, Turn  # noqa: E402
from medcorpus.stages.filter import FilterStage, build_config, tally  # noqa: E402

SHARED = (ROOT / ".." / "shared" / "data").resolve()
LABEL_OF = {"artefacts": "artefact", "boilerplate": "boilerplate", "chrome": "chrome"}


def table(title: str, header: list[str], rows: list[list]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)))


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f}%" if b else "-"


def quality() -> None:
    examples = labelled.load(ROOT / "tests" / "data" / "filter_labelled.jsonl")
    splits = {name: [e for e in examples if e.get("split", "tuning") == name]
              for name in ("tuning", "heldout", "heldout2", "heldout3", "heldout4")}
    rows = []
    for split, exs in splits.items():
        recs = [labelled.to_record(e) for e in exs]
        for name in [*ORDER, "all"]:
            stage = FilterStage(build_config(None, None if name == "all" else [name]))
            outs = list(stage.process(recs))
            counts: dict = {}
            tally(counts, outs)
            touched = sum(1 for o in outs if isinstance(o, Rejected) or "filter" in o.meta)
            s = labelled.score(exs, outs)
            if name in LABEL_OF:
                lab = s[LABEL_OF[name]]
                found = pct(lab["removed"], lab["total"])
            elif name == "all":
                dmg = sum(s[k]["total"] for k in labelled.DAMAGE)
                found = pct(sum(s[k]["removed"] for k in labelled.DAMAGE), dmg)
            else:
                found = "-"
            rows.append([split, name, touched, found, pct(s["clean"]["removed"], s["clean"]["total"]),
                         f"{s['decisions_right']}/{len(exs)}" if name == "all" else ""])
    table(f"hand-labelled set: {len(examples)} examples ({len(splits['tuning'])} tuning; held-out sets, each "
          f"used to improve the rules after it was measured: {len(splits['heldout'])}, {len(splits['heldout2'])}; "
          f"then {len(splits['heldout3'])}; never used: {len(splits['heldout4'])}), "
          f"{sum(len(e['units']) for e in examples)} labelled sentences",
          ["split", "filter", "records touched", "damaged sentences found", "clean sentences removed",
           "record decisions right"], rows)


def corpus_frequency() -> None:
    """The boilerplate stage (formulas by corpus frequency, medcorpus/stages/boilerplate.py) run through
    the runner on a workspace of the real GenMedGPT-5k answers (plus the 450 ChatMed-Consult answers,
    Chinese clean text) with house formulas injected, each first or last in 150 answers to different
    patients: HELDOUT4's first 6 openings and 6 closings (the "tune" split: the pass was developed
    printing them) and its other 8 + 8 (the "untouched" split: never measured before), 4 frequent
    advice lines and HELDOUT4's 8 formula-like sentences with medical content (all must stay)."""
    import random

    from medcorpus.filters.frequency import sentence_key
    from medcorpus.filters.text import split_sentences
    from medcorpus.stages.boilerplate import Boilerplate

    sys.path.insert(0, str(ROOT / "bench"))
    from filter_fixture import HELDOUT4

    raw = json.loads((SHARED / "genmedgpt" / "chatdoctor5k.json").read_text())
    zh = [json.loads(line) for line in (SHARED / "chatmed" / "chatmed_consult_test.jsonl").read_text().splitlines()]
    rng = random.Random(19)
    o, c = HELDOUT4["boilerplate_open"], HELDOUT4["boilerplate_close"]
    injections = ([(t, "open", "tune") for t in o[:6]] + [(t, "close", "tune") for t in c[:6]]
                  + [(t, "open", "untouched") for t in o[6:]] + [(t, "close", "untouched") for t in c[6:]]
                  + [(t, "close", "advice") for t in ["Drink plenty of fluids and rest.", "Avoid spicy and oily food.",
                                                     "Do not self medicate.", "Keep the affected area clean and dry."]]
                  + [(t, rng.choice(["open", "close"]), "medical") for t in HELDOUT4["hard_clean"]])
    answers = [r["output"].strip() for r in raw]
    injected: list[list[tuple[str, str]]] = [[] for _ in raw]
    for text, where, kind in injections:
        for i in rng.sample(range(len(raw)), 150):
            answers[i] = f"{text} {answers[i]}" if where == "open" else f"{answers[i]} {text}"
            injected[i].append((text, kind))
    recs = [Record.new("genmedgpt", [Turn(role="patient", text=r["input"]), Turn(role="doctor", text=a)])
            for r, a in zip(raw, answers)]
    originals = [r["output"].strip() for r in raw]
    for z in zh:
        q = z["query"].replace("<s>问：", "").replace("答：", "").strip()
        recs.append(Record.new("chatmed", [Turn(role="patient", text=q), Turn(role="doctor", text=z["response"])]))
        injected.append([])
        originals.append(z["response"])
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-boilerplate-"))
    try:
        for min_patients, edge in ((100, 2), (100, 3), (50, 3)):  # (100, 3): the defaults
            ws = Workspace(tmp / f"w{min_patients}-{edge}")
            ws.add_records([r.to_row() for r in recs], origin="bench")
            c0 = time.process_time()
            summary = run_stage(ws, Boilerplate({"min_patients": min_patients, "edge": edge}), batch_size=2000)
            cpu = time.process_time() - c0
            after = {r["id"]: r for r in ws.fetch_rows(ws.current_sql(include_removed=True))}
            ws.close()
            hit: dict[str, list[int]] = {k: [0, 0] for k in ("tune", "untouched", "advice", "medical")}
            lost_clean, clean_total, lost_examples = 0, 0, []
            for rec, inj, original in zip(recs, injected, originals):
                row = after[rec.id]
                new = row["turns"][-1]["text"] if row["status"] == "ok" else ""
                kept = {sentence_key(p) for p in split_sentences(new)}
                for text, kind in inj:
                    hit[kind][0] += sentence_key(text) not in kept
                    hit[kind][1] += 1
                for p in split_sentences(original):
                    if p.strip() and sentence_key(p) is not None:
                        clean_total += 1
                        if sentence_key(p) not in kept:
                            lost_clean += 1
                            lost_examples.append(p.strip())
            rows.append([min_patients, edge, summary.extra.get("formulas"), pct(*hit["tune"]), pct(*hit["untouched"]),
                         pct(*hit["advice"]), pct(*hit["medical"]), pct(lost_clean, clean_total),
                         f"{len(recs) / cpu:,.0f}"])
            if lost_examples:
                print(f"  min {min_patients}: original sentences removed, e.g. {sorted(set(lost_examples))[:5]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table(f"boilerplate stage (corpus frequency): {len(recs):,} answers (GenMedGPT-5k + ChatMed-Consult), "
          f"28 unseen house formulas x 150 answers (12 tune / 16 untouched), 12 medical lines x 150 (must stay)",
          ["min patients", "edge", "formulas found", "removed: tune formulas", "removed: untouched formulas",
           "advice lines removed", "medical formula-like removed", "original sentences removed (false strip)",
           "records per CPU-s (stage via runner)"], rows)


def real_records(copies: int) -> list[Record]:
    recs = []
    g = SHARED / "genmedgpt" / "chatdoctor5k.json"
    c = SHARED / "chatmed" / "chatmed_consult_test.jsonl"
    base = []
    for r in json.loads(g.read_text()):
        base.append(("genmedgpt", [("system", r["instruction"]), ("patient", r["input"]), ("doctor", r["output"])]))
    for line in c.read_text().splitlines():
        o = json.loads(line)
        q = o["query"].replace("<s>问：", "").replace("答：", "").strip()
        base.append(("chatmed", [("patient", q), ("doctor", o["response"])]))
    for k in range(copies):
        for src, turns in base:
            recs.append(Record.new(f"{src}-{k}", [Turn(role=r, text=t) for r, t in turns]))
    return recs


def _worker_process(batch):
    t = time.process_time()
    out = list(_STAGE.process(batch))
    return len(out), time.process_time() - t  # outputs are not sent back: the runner pickles rows itself


_STAGE = None


def _init():
    global _STAGE
    _STAGE = FilterStage()
    _STAGE.setup()


class Noop(Stage):
    name = "noop"

    def process(self, batch):
        return batch


def speed(copies: int) -> None:
    recs = real_records(copies)
    n_real = len(recs) // copies
    stage = FilterStage()
    stage.setup()
    outs = list(stage.process(recs[:n_real]))
    counts: dict = {}
    tally(counts, outs)
    rows = [[n, c.get("touched", 0), c.get("repaired", 0) + c.get("marked", 0), c.get("rejected", 0),
             ", ".join(f"{k} {v}" for k, v in c.items() if k not in ("touched", "repaired", "rejected", "marked"))]
            for n, c in ((n, counts.get(n, {})) for n in ORDER)]
    table(f"real data: GenMedGPT-5k + ChatMed-Consult test ({n_real:,} records), all filters",
          ["filter", "records touched", "repaired", "rejected", "details"], rows)

    # per-filter cost, CPU time in this process
    per = []
    for name in ORDER:
        st = FilterStage(build_config(None, [name]))
        st.setup()
        t = time.process_time()
        list(st.process(recs))
        per.append([name, f"{(time.process_time() - t) / len(recs) * 1e6:.1f}"])
    t = time.process_time()
    list(stage.process(recs))
    cpu = time.process_time() - t
    per.append(["all (one process)", f"{cpu / len(recs) * 1e6:.1f}"])
    table(f"cost per record ({len(recs):,} records, CPU time, one process)", ["filters", "µs/record"], per)

    def cpu_now() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF)
        ch = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime

    rows = [["process(), 1 process", "-", f"{len(recs) / cpu:,.0f}", f"{2 * len(recs) / cpu:,.0f}"]]
    batches = [recs[i:i + 2000] for i in range(0, len(recs), 2000)]
    with mp.get_context("spawn").Pool(2, initializer=_init) as pool:
        pool.map(_worker_process, batches[:2])  # warm up (spawn + imports), not timed
        t = time.perf_counter()
        p0 = time.process_time()
        results = list(pool.imap(_worker_process, batches))
        wall = time.perf_counter() - t
        parent = time.process_time() - p0
    n = sum(k for k, _ in results)
    cpu2 = parent + sum(c for _, c in results)
    rows.append(["process(), 2 worker processes (pickled Records)", f"{n / wall:,.0f}", f"{n / cpu2:,.0f}",
                 f"{2 * n / cpu2:,.0f}"])

    tmp = Path(tempfile.mkdtemp(prefix="bench-filter-"))
    try:
        src = Workspace(tmp / "src")
        src.add_records([r.to_row() for r in recs], origin="bench")
        src.close()
        for label, st, workers in (("no-op stage through the runner (workspace I/O alone)", Noop(), 1),
                                   ("medcorpus filter, 1 worker", FilterStage(), 1),
                                   ("medcorpus filter, 2 workers", FilterStage(), 2)):
            shutil.copytree(tmp / "src", tmp / "w")
            ws = Workspace(tmp / "w")
            c0 = cpu_now()
            t = time.perf_counter()
            summary = run_stage(ws, st, batch_size=5000, workers=workers)
            wall = time.perf_counter() - t
            cpu_used = cpu_now() - c0
            ws.close()
            shutil.rmtree(tmp / "w")
            rows.append([label, f"{summary.n_in / wall:,.0f}", f"{summary.n_in / cpu_used:,.0f}",
                         f"{2 * summary.n_in / cpu_used:,.0f}" if workers > 1 else "-"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table(f"records/s ({len(recs):,} records; this machine: {os.cpu_count()} cores shared with other users, "
          f"load average {os.getloadavg()[0]:.1f} at the end)",
          ["what", "wall records/s", "records per CPU-second", "2 idle cores (2 x per CPU-s)"], rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args()
    set_quiet(True)
    quality()
    if SHARED.exists():
        corpus_frequency()
        speed(args.copies)
    else:
        print(f"\n{SHARED} not found: real-data counts and speed skipped")


if __name__ == "__main__":
    main()
