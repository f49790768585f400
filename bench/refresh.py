"""Full build vs incremental refresh: `medcorpus build` on N records (ingest, scrub, dedup, export),
then again after adding 500 new records of which some duplicate old ones.

    python bench/refresh.py [--records 50000] [--new 500] [--dups 100] [--workers 2] [--shard-size 5000]

Prints seconds per build, which records each stage touched, and how many planted duplicates the
refresh caught. Goal: refresh <= 5% of the full build, every planted duplicate caught.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "genmedgpt" / "chatdoctor5k.json"
if not SRC.exists():
    SRC = ROOT / "medcorpus" / "data" / "sample" / "genmedgpt_sample.json"

PIPELINE = """
name = "refresh-bench"
workspace = "ws"
[[step]]
use = "ingest"
paths = ["raw/*.jsonl"]
[[step]]
use = "scrub"
workers = {workers}
[[step]]
use = "dedup"
[export]
out = "exports"
shard_size = {shard_size}
[report]
enabled = false
"""

def variant(base: list[dict], k: int) -> dict:
    """Record k: the patient text of one GenMedGPT exchange and the doctor text of another, a
    different pairing for every k, so records are distinct (not near-duplicates of each other)."""
    n = len(base)
    a = k % n
    b = (a + 1 + k // n) % n
    return {"instruction": base[a]["instruction"], "input": base[a]["input"], "output": base[b]["output"]}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (worker pools)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=50_000)
    ap.add_argument("--new", type=int, default=500)
    ap.add_argument("--dups", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard-size", type=int, default=5000, help="export shard size (a refresh rewrites only changed shards)")
    args = ap.parse_args()
    from medcorpus.build import build
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.workspace import Workspace

    set_quiet(True)
    rng = random.Random(0)
    base = json.loads(SRC.read_text())
    tmp = Path(tempfile.mkdtemp(prefix="bench-refresh-"))
    try:
        (tmp / "raw").mkdir()
        old = [variant(base, k) for k in range(args.records)]
        with open(tmp / "raw" / "base.jsonl", "w") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in old)
        pipe = tmp / "pipeline.toml"
        pipe.write_text(PIPELINE.format(workers=args.workers, shard_size=args.shard_size))
        t0, c0 = time.perf_counter(), cpu_seconds()
        full = build(pipe)
        full_s, full_c = time.perf_counter() - t0, cpu_seconds() - c0

        fresh = [variant(base, args.records + k) for k in range(args.new - args.dups)]
        dups = [dict(r) for r in rng.sample(old, args.dups)]  # re-posts of old questions in a new dump
        for r in dups[: args.dups // 2]:
            r["output"] = r["output"] + " Take care."      # near duplicates: a sign-off added
        with open(tmp / "raw" / "new.jsonl", "w") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in fresh + dups)
        t0, c0 = time.perf_counter(), cpu_seconds()
        refresh = build(pipe)
        refresh_s, refresh_c = time.perf_counter() - t0, cpu_seconds() - c0
        t0, c0 = time.perf_counter(), cpu_seconds()
        noop = build(pipe)
        noop_s, noop_c = time.perf_counter() - t0, cpu_seconds() - c0

        with Workspace(tmp / "ws") as ws:
            removed_new = ws.exec(f"SELECT json_extract_string(meta, '$.line')::INT FROM "
                                  f"({ws.current_sql(include_removed=True)}) WHERE stage = 'dedup' "
                                  "AND status = 'removed' AND json_extract_string(meta, '$.file') LIKE '%new.jsonl'")
        planted_lines = set(range(len(fresh) + 1, len(fresh) + len(dups) + 1))
        removed_lines = {r[0] for r in removed_new}
        caught = len(planted_lines & removed_lines)
        false_hits = len(removed_lines - planted_lines)
        print(f"{'build':<10} {'seconds':>8} {'share of full':>14} {'CPU-s':>7} {'CPU share':>10}  "
              "stages touched: records in (seconds)")
        for name, res, secs, cpu in (("full", full, full_s, full_c), ("refresh", refresh, refresh_s, refresh_c),
                                     ("no-op", noop, noop_s, noop_c)):
            touched = ", ".join(f"{s.stage}={s.n_in:,} ({s.seconds:.1f}s)" for s in res.steps)
            print(f"{name:<10} {secs:>8.1f} {secs / full_s:>13.1%} {cpu:>7.1f} {cpu / full_c:>9.1%}  {touched}")
        print(f"\nplanted duplicates in the refresh: {args.dups} ({args.dups // 2} exact, {args.dups // 2} near); "
              f"caught by dedup: {caught}; new non-duplicates removed: {false_hits}")
        print(f"exports: {full.export.get('version')} -> {refresh.export.get('version')} "
              f"(+{refresh.export.get('added')}, -{refresh.export.get('removed')}); no-op: "
              f"{'unchanged' if noop.export.get('unchanged') else noop.export}")
        for name, res in (("full", full), ("refresh", refresh)):
            print(f"export shards, {name}: written {res.export.get('shards_written', 'all')}, "
                  f"hard-linked from the previous version {res.export.get('shards_reused', 0)}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
