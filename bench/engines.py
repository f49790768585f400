"""Local engine vs Ray on one machine, the driver's commit ceiling, and expected scaling.

    python bench/engines.py [--records 50000] [--cpus 2]

The same pipeline (ingest -> filter -> scrub -> dedup) over N GenMedGPT-style records, built once
with `--engine local` (`workers = cpus` on every stage) and once with `--engine ray` (a local Ray
instance with `cpus` CPUs). Prints per-stage seconds and records/s for both, the Ray/local ratio
(goal: <= 1.20), the seconds the committer spent (so the driver's commit rate alone: the ceiling
of the design, since every engine commits on the driver), the dedup band-table size per million
records, and from the measured per-core rates the expected throughput at 8, 64 and 512 cores.
Wall and driver CPU seconds are printed side by side (the box is small and shared: wall is noisy).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "genmedgpt" / "chatdoctor5k.json"
if not SRC.exists():
    SRC = ROOT / "medcorpus" / "data" / "sample" / "genmedgpt_sample.json"
STAGES = ("filter", "scrub", "dedup")

PIPELINE = """
name = "engines-bench"
workspace = "ws"
[engine]
kind = "{engine}"
[[step]]
use = "ingest"
paths = ["raw/*.jsonl"]
[[step]]
use = "filter"
workers = {cpus}
[[step]]
use = "scrub"
workers = {cpus}
[[step]]
use = "dedup"
workers = {cpus}
[export]
out = "exports"
[report]
enabled = false
"""


def variant(base: list[dict], k: int) -> dict:
    """Record k: one exchange's patient text with another's doctor text (distinct records)."""
    n = len(base)
    a = k % n
    b = (a + 1 + k // n) % n
    return {"instruction": base[a]["instruction"], "input": base[a]["input"], "output": base[b]["output"]}


class CommitTimer:
    """Wraps the runner's committer: seconds and records it committed (the driver's share)."""

    def __init__(self) -> None:
        from medcorpus.pipeline.runner import StageContext

        self.cls, self.original = StageContext, StageContext.commit
        self.seconds, self.records = 0.0, 0
        timer = self

        def commit(ctx, rows, outcome):
            t = time.perf_counter()
            try:
                return timer.original(ctx, rows, outcome)
            finally:
                timer.seconds += time.perf_counter() - t
                timer.records += len(rows)

        StageContext.commit = commit

    def close(self) -> None:
        self.cls.commit = self.original


def run(engine: str, cpus: int, raw: Path) -> dict:
    from medcorpus.build import build
    from medcorpus.pipeline.workspace import Workspace

    tmp = Path(tempfile.mkdtemp(prefix=f"bench-engines-{engine}-"))
    try:
        shutil.copytree(raw, tmp / "raw")
        (tmp / "pipeline.toml").write_text(PIPELINE.format(engine=engine, cpus=cpus))
        startup = 0.0
        if engine == "ray":  # start the throwaway instance first, so its start-up is reported apart
            import ray

            os.environ.setdefault("RAY_AUTH_MODE", "disabled")
            t = time.perf_counter()
            ray.init(num_cpus=cpus, object_store_memory=256 * 1024 * 1024, include_dashboard=False,
                     log_to_driver=False)
            startup = time.perf_counter() - t
        timer = CommitTimer()
        cpu0, t0 = time.process_time(), time.perf_counter()
        try:
            result = build(tmp / "pipeline.toml")
        finally:
            timer.close()
            if engine == "ray":
                import ray

                ray.shutdown()
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        steps = {s.stage: s for s in result.steps}
        with Workspace(tmp / "ws") as ws:
            bands = {"rows": ws.one("SELECT count(*) FROM dedup_bands")[0],
                     "db_file_bytes": (tmp / "ws" / "medcorpus.duckdb").stat().st_size
                     if (tmp / "ws" / "medcorpus.duckdb").exists() else None}
        return {"engine": engine, "startup": startup, "wall": wall, "driver_cpu": cpu,
                "stages": {name: {"seconds": steps[name].seconds, "n_in": steps[name].n_in,
                                  "out": steps[name].n_out, "rejected": steps[name].n_rejected,
                                  "extra": steps[name].extra}
                           for name in STAGES if name in steps},
                "commit_seconds": timer.seconds, "commit_records": timer.records,
                "export": result.export.get("records"), "bands": bands}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def scaling_table(per_core: dict[str, float], commit_rate: float, resolve_rate: float, n: int) -> list[tuple]:
    """Expected records/s of the whole pipeline at C cores. Stages run one after another; each at
    min(C x its per-core rate, the driver's commit rate); dedup's resolve (candidates, clusters,
    write) runs on the driver at its measured rate whatever C is. `limited by` names the largest
    share of the time."""
    rows = []
    for cores in (2, 8, 64, 512):
        parts = {}
        for stage, rate in per_core.items():
            parallel = cores * rate
            parts[f"{stage} {'(committer)' if parallel > commit_rate else '(CPU)'}"] = n / min(parallel, commit_rate)
        if resolve_rate != float("inf"):
            parts["dedup resolve (driver)"] = n / resolve_rate
        total = sum(parts.values())
        top = max(parts, key=parts.get)
        rows.append((cores, n / total, f"{top}: {parts[top] / total:.0%} of the time"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=50_000)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    from medcorpus.pipeline.progress import set_quiet

    set_quiet(True)
    base = json.loads(SRC.read_text())
    raw = Path(tempfile.mkdtemp(prefix="bench-engines-raw-"))
    try:
        with open(raw / "base.jsonl", "w") as fh:
            fh.writelines(json.dumps(variant(base, k)) + "\n" for k in range(args.records))
        local = run("local", args.cpus, raw)
        ray_ = run("ray", args.cpus, raw)
    finally:
        shutil.rmtree(raw, ignore_errors=True)

    n = args.records
    print(f"\n{n:,} records, {args.cpus} CPUs, filter -> scrub -> dedup (seconds per stage, records/s)")
    print(f"{'stage':<10}{'local s':>10}{'local r/s':>12}{'ray s':>10}{'ray r/s':>12}{'ray/local':>11}")
    tot = {"local": 0.0, "ray": 0.0}
    for stage in STAGES:
        ls, rs = local["stages"][stage]["seconds"], ray_["stages"][stage]["seconds"]
        tot["local"] += ls
        tot["ray"] += rs
        print(f"{stage:<10}{ls:>10.1f}{n / ls:>12,.0f}{rs:>10.1f}{n / rs:>12,.0f}{rs / ls:>11.2f}")
    ratio = tot["ray"] / tot["local"]
    print(f"{'total':<10}{tot['local']:>10.1f}{n / tot['local']:>12,.0f}{tot['ray']:>10.1f}{n / tot['ray']:>12,.0f}"
          f"{ratio:>11.2f}   (goal <= 1.20: {'met' if ratio <= 1.2 else 'NOT met'})")
    print(f"ray start-up (not in the stage figures): {ray_['startup']:.1f} s; with it, ray/local = "
          f"{(tot['ray'] + ray_['startup']) / tot['local']:.2f}")
    print(f"driver CPU s over the build: local {local['driver_cpu']:.1f}, ray {ray_['driver_cpu']:.1f} "
          f"(wall {local['wall']:.1f} / {ray_['wall']:.1f})")
    same = local["export"] == ray_["export"] and all(
        (local["stages"][s]["out"], local["stages"][s]["rejected"]) == (ray_["stages"][s]["out"], ray_["stages"][s]["rejected"])
        for s in STAGES)
    print(f"same outputs (kept/rejected per stage, exported records): {same} ({local['export']:,} exported)")

    commit_rate = ray_["commit_records"] / ray_["commit_seconds"] if ray_["commit_seconds"] else float("inf")
    print(f"\ndriver's commit rate alone: {commit_rate:,.0f} records/s "
          f"({ray_['commit_records']:,} records committed in {ray_['commit_seconds']:.1f} s, all stages)")

    # per-core rates from the local run (records/s / workers), dedup split into its map and resolve
    per_core = {s: n / local["stages"][s]["seconds"] / args.cpus for s in ("filter", "scrub")}
    dx = local["stages"]["dedup"]["extra"].get("seconds") or {}
    sig = dx.get("signatures")
    resolve = local["stages"]["dedup"]["seconds"] - (sig or 0)  # candidates + resolve + write: the driver
    per_core["dedup signatures"] = n / sig / args.cpus if sig else n / local["stages"]["dedup"]["seconds"] / args.cpus
    resolve_rate = n / resolve if sig and resolve > 0 else float("inf")
    print("per-core rates (local run, records/s / workers): " +
          ", ".join(f"{k} {v:,.0f}" for k, v in per_core.items()) +
          (f"; dedup resolve on the driver {resolve_rate:,.0f} records/s" if resolve_rate != float("inf") else ""))
    print(f"\n{'cores':>6}{'expected records/s':>20}   limited by")
    for cores, rate, limit in scaling_table(per_core, commit_rate, resolve_rate, n):
        print(f"{cores:>6}{rate:>20,.0f}   {limit}")
    b = ray_["bands"]
    if b and b["rows"]:
        per_record = b["rows"] / n
        print(f"\ndedup band table: {b['rows']:,} rows for {n:,} records ({per_record:.0f} bands per record); "
              f"per million records: {per_record * 1e6:,.0f} rows, {per_record * 22 * 1e6 / 2**30:.2f} GiB raw "
              f"(22 bytes/row: pk, band, hash, node); workspace file after the build: {b['db_file_bytes'] / 2**20:,.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps({"local": local, "ray": ray_, "commit_rate": commit_rate,
                                         "per_core": per_core}, default=str, indent=2))


if __name__ == "__main__":
    main()
