"""`synth disease-dialogues` on the local engine vs Ray actors, against the local fake OpenAI server.

    python bench/synth_engines.py [--diseases 60] [--latency 0.2] [--concurrency 4] [--actors 2]

The fake server answers every request after `--latency` seconds (an endpoint's think time); the
same items (two requests each) run once in this process (one async client, `--concurrency`
requests in flight: the baseline) and once on a local Ray instance with `--actors` actors (one
async client each, the same concurrency per actor, the rate-limit window shared). Prints wall and
driver CPU seconds, items/s, the Ray/local ratio and whether both wrote the same records.
Records/s of an LLM source is bound by requests in flight x latency, so actors add throughput
where one client's concurrency is the limit (not where the endpoint is).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RAY_AUTH_MODE", "disabled")


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--diseases", type=int, default=60)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--actors", type=int, default=2)
    args = ap.parse_args()

    from medcorpus.knowledge.diseases import load_diseases
    from medcorpus.pipeline.engines import get_engine
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.synth_disease_dialogues import SynthDiseaseDialogues
    from tests.fakes.openai_server import FakeOpenAIServer

    db = ROOT.parent / "shared" / "data" / "disease_db" / "format_dataset.csv"
    if not db.exists():
        db = ROOT / "medcorpus" / "data" / "sample" / "disease_db_sample.csv"
    tmp = Path(tempfile.mkdtemp(prefix="synth-engines-"))
    rows, records = [], {}
    with FakeOpenAIServer(latency=args.latency) as srv:
        for kind in ("local", "ray"):
            engine = get_engine(kind, **({"concurrency": args.actors, "object_store_memory": 128 << 20}
                                         if kind == "ray" else {}))
            if kind == "ray":  # start the instance before the clock: its start-up is not the stage's
                engine.actors_for(1)
            with Workspace(tmp / kind) as ws:
                load_diseases(ws, db)
                cfg = {"llm": {"base_url": srv.base_url, "model": "fake", "concurrency": args.concurrency},
                       "limit": args.diseases}
                wall, c0 = time.perf_counter(), cpu()
                s = SynthDiseaseDialogues(cfg).run(ws, engine=engine)
                wall, used = time.perf_counter() - wall, cpu() - c0
                records[kind] = sorted((r.id, r.model_dump_json()) for r in ws.records())
            rows.append((kind, s.n_in, wall, used, s.engine.get("actors", 1)))
            engine.close()
    print(f"\n{args.diseases} diseases, 2 requests each, latency {args.latency} s, concurrency {args.concurrency} "
          f"per client\n")
    print("| engine | items | clients | wall s | driver CPU s | items/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, n, wall, used, actors in rows:
        print(f"| {kind} | {n} | {actors} | {wall:.1f} | {used:.1f} | {n / wall:.1f} |")
    print(f"\nRay / local wall: {rows[1][2] / rows[0][2]:.2f}; same records: {records['local'] == records['ray']}")


if __name__ == "__main__":
    main()
