"""Benchmark: disease-dialogue synthesis against the fake OpenAI-compatible server with 200 ms latency.

Items/s at concurrency 1 and at 32, and the requests a second identical run makes (must be 0).
The fake server runs in its own process (so its threads do not share our GIL), the disease DB is
ChatDoctor's format_dataset.csv when ../shared/data is present, else the bundled 60-entry sample.

    python bench/synth.py [--items 500] [--seq-items 100] [--latency 0.2]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcorpus.knowledge.diseases import load_diseases  # noqa: E402
from medcorpus.llm.config import LLMConfig  # noqa: E402
from medcorpus.pipeline.progress import set_quiet  # noqa: E402
from medcorpus.pipeline.workspace import Workspace  # noqa: E402
from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues  # noqa: E402


def start_fake(latency: float) -> tuple[subprocess.Popen, str]:
    code = ("import sys, time; sys.path.insert(0, %r)\n"
            "from tests.fakes.openai_server import FakeOpenAIServer\n"
            "s = FakeOpenAIServer(latency=%r).start(); print(s.base_url, flush=True)\n"
            "import threading; threading.Event().wait()\n") % (str(ROOT), latency)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    return proc, proc.stdout.readline().strip()


def run(ws: Workspace, url: str, items: int, per_item: int, concurrency: int, model: str) -> tuple[float, dict]:
    cfg = {"llm": LLMConfig(base_url=url, model=model, concurrency=concurrency, max_retries=2),
           "limit": items // per_item, "per_item": per_item}
    t0 = time.perf_counter()
    summary = SynthDiseaseDialogues(cfg).run(ws)
    return time.perf_counter() - t0, summary.model_dump()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--seq-items", type=int, default=100, help="items for the concurrency-1 leg (500 x 0.2 s = 100 s)")
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--concurrency", type=int, default=32)
    args = ap.parse_args()
    set_quiet(True)
    shared = ROOT / ".." / "shared" / "data" / "disease_db" / "format_dataset.csv"
    db = shared if shared.exists() else ROOT / "medcorpus" / "data" / "sample" / "disease_db_sample.csv"
    proc, url = start_fake(args.latency)
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-synth-") as tmp:
            for conc, n, model in ((1, args.seq_items, "bench-seq"), (args.concurrency, args.items, "bench-par")):
                ws = Workspace(Path(tmp) / f"ws{conc}")
                load_diseases(ws, db)
                per_item = max(1, -(-n // 796)) if db == shared else max(1, -(-n // 60))
                secs, s = run(ws, url, n, per_item, conc, model)
                llm = s["extra"]["llm"]
                secs2, s2 = run(ws, url, n, per_item, conc, model)  # identical second run
                ws.exec("DELETE FROM synth_items")  # forget finished items: only the reply cache is left
                _, s3 = run(ws, url, n, per_item, conc, model)
                rows.append((conc, s["n_in"], secs, s["n_in"] / secs, llm["requests"], s["n_out"],
                             s2["extra"].get("llm", {}).get("requests", 0), secs2,
                             s3["extra"]["llm"]["requests"], s3["extra"]["llm"]["cache_hits"]))
                ws.close()
    finally:
        proc.terminate()
        proc.wait()
    print(f"bench/synth.py: disease-dialogues against the fake server, {args.latency * 1000:.0f} ms per reply, "
          f"DB {db.name}, {os.cpu_count()} cores")
    print(f"{'concurrency':>11} {'items':>6} {'seconds':>8} {'items/s':>8} {'requests':>9} {'records':>8} "
          f"{'2nd-run requests':>17} {'2nd-run s':>9} {'cache-only rerun req/hits':>26}")
    for conc, n, secs, rate, req, out, req2, secs2, req3, hits3 in rows:
        print(f"{conc:>11} {n:>6} {secs:>8.2f} {rate:>8.2f} {req:>9} {out:>8} {req2:>17} {secs2:>9.2f} "
              f"{f'{req3}/{hits3}':>26}")
    speedup = rows[1][3] / rows[0][3]
    print(f"speed-up at concurrency {args.concurrency}: {speedup:.1f}x (goal >= 20x; ideal {args.concurrency}x)")


if __name__ == "__main__":
    main()
