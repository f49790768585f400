"""Ingest + export throughput: GenMedGPT-5k replicated to N records, medcorpus vs pandas.

    python bench/ingest_export.py [--records 50000 200000] [--format jsonl|json]

Prints records/s for ingest and export, the obvious pandas baseline (read_json -> to_parquet),
and peak RSS of each leg (each leg runs in its own child process).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "genmedgpt" / "chatdoctor5k.json"
if not SRC.exists():
    SRC = ROOT / "medcorpus" / "data" / "sample" / "genmedgpt_sample.json"


def make_input(tmp: Path, n: int, fmt: str) -> Path:
    base = json.loads(SRC.read_text())
    path = tmp / f"genmedgpt_{n}.{fmt}"
    with open(path, "w") as fh:
        if fmt == "json":
            fh.write("[")
        for i in range(n):
            row = dict(base[i % len(base)])
            row["input"] = f"{row['input']} (copy {i // len(base)})"  # distinct ids, as in a real dump
            text = json.dumps(row, ensure_ascii=False)
            if fmt == "json":
                fh.write(("," if i else "") + text)
            else:
                fh.write(text + "\n")
        if fmt == "json":
            fh.write("]")
    return path


def _medcorpus(path: str, ws: str, out: str, q) -> None:
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.export import export
    from medcorpus.stages.ingest import ingest

    set_quiet(True)
    w = Workspace(ws)
    t0, c0 = time.perf_counter(), cpu_seconds()
    s = ingest(w, [Path(path)])
    t1, c1 = time.perf_counter(), cpu_seconds()
    e = export(w, Path(out))
    t2, c2 = time.perf_counter(), cpu_seconds()
    q.put({"ingest_s": t1 - t0, "export_s": t2 - t1, "n": s.n_out, "exported": e.n_out, "cpu_s": c2 - c0,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children (ingest's pool)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _pandas(path: str, out: str, q) -> None:
    import pandas as pd

    t0, c0 = time.perf_counter(), cpu_seconds()
    df = pd.read_json(path, lines=path.endswith(".jsonl"))
    t1 = time.perf_counter()
    df.to_parquet(out)
    t2 = time.perf_counter()
    q.put({"ingest_s": t1 - t0, "export_s": t2 - t1, "n": len(df), "exported": len(df), "cpu_s": cpu_seconds() - c0,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def run_child(fn, *args) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=fn, args=(*args, q))
    p.start()
    res = q.get()
    p.join()
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, nargs="+", default=[50_000, 200_000])
    ap.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        print(f"{'engine':<10} {'records':>9} {'ingest rec/s':>13} {'export rec/s':>13} "
              f"{'ingest+export rec/s':>20} {'per CPU-s':>10} {'peak RSS MB':>12}")
        for n in args.records:
            path = make_input(tmp, n, args.format)
            for name, fn, extra in (("medcorpus", _medcorpus, (str(tmp / f"ws{n}"), str(tmp / f"out{n}"))),
                                    ("pandas", _pandas, (str(tmp / f"pd{n}.parquet"),))):
                r = run_child(fn, str(path), *extra)
                assert r["exported"] == n, r
                total = r["ingest_s"] + r["export_s"]
                print(f"{name:<10} {n:>9,} {n / r['ingest_s']:>13,.0f} {n / r['export_s']:>13,.0f} "
                      f"{n / total:>20,.0f} {n / r['cpu_s']:>10,.0f} {r['rss_mb']:>12,.0f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
