"""Benchmark: the crawler at a chosen concurrency vs a plain sequential httpx.get loop.

A local fake consultation site (tests/fakes/consult_site.py, in its own process so it does not
share the crawler's GIL) answers every page after 50 ms. The crawler leg crawls the whole site
(listing pages + N question pages: fetch, decode, extract, store compressed HTML, records and
frontier committed per page in DuckDB); the sequential leg is `httpx.get(url)` in a loop over
the first M question pages (M is smaller: 2,000 pages one by one would take over 100 s alone).

    PYTHONPATH=. python bench/scrape.py [--pages 2000] [--sequential 300] [--concurrency 8,32]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcorpus.pipeline.progress import set_quiet  # noqa: E402
from medcorpus.pipeline.workspace import Workspace  # noqa: E402
from medcorpus.stages.scrape import Scrape  # noqa: E402


def serve(pages: int, latency: float) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.fakes.consult_site", "--n-en", str(pages),
                             "--per-list", "50", "--latency", str(latency), "--no-specials"],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    return proc, proc.stdout.readline().strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--sequential", type=int, default=300)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--concurrency", default="8,32")
    args = ap.parse_args()
    set_quiet(True)
    rows = []
    load = os.getloadavg()
    proc, base = serve(args.pages, args.latency)
    try:
        t, cpu = time.perf_counter(), time.process_time()
        for i in range(args.sequential):
            r = httpx.get(f"{base}/en/q/{i}")
            assert r.status_code == 200
        secs = time.perf_counter() - t
        rows.append(("sequential httpx.get loop", 1, args.sequential, 0, secs, time.process_time() - cpu))
        with httpx.Client() as client:  # the same loop with one keep-alive connection, for fairness
            t, cpu = time.perf_counter(), time.process_time()
            for i in range(args.sequential):
                assert client.get(f"{base}/en/q/{i}").status_code == 200
            rows.append(("sequential httpx.Client loop (keep-alive)", 1, args.sequential, 0, time.perf_counter() - t,
                         time.process_time() - cpu))
        for c in [int(x) for x in args.concurrency.split(",")]:
            with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
                profile = Path(tmp) / "p.toml"
                src = (ROOT / "medcorpus" / "profiles" / "healthqa-en.toml").read_text()
                profile.write_text(src.replace("rate = 1.0", "rate = 0.0"))
                ws = Workspace(Path(tmp) / "ws")
                t, cpu = time.perf_counter(), time.process_time()
                s = Scrape({"profile": str(profile), "start": [base + "/en/questions"], "concurrency": c}).run(ws)
                secs, cpu = time.perf_counter() - t, time.process_time() - cpu
                ws.close()
                rows.append(("medcorpus scrape (crawl+extract+store)", c, s.n_in, s.n_out, secs, cpu))
    finally:
        proc.terminate()
        proc.wait()
    seq_rate = rows[0][2] / rows[0][4]
    print(f"fake site: {args.pages} question pages + {-(-args.pages // 50)} listing pages, "
          f"{args.latency * 1000:.0f} ms latency per page; sequential leg scaled to {args.sequential} pages")
    print(f"load average before/after: {load[0]:.1f} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          "cpu ms/page = the client process's CPU time (the site runs in its own process)")
    print(f"{'leg':<42} {'conc':>5} {'pages':>6} {'records':>8} {'seconds':>8} {'pages/s':>8} {'speed-up':>8} {'cpu ms/page':>11}")
    for name, c, pages, recs, secs, cpu in rows:
        print(f"{name:<42} {c:>5} {pages:>6} {recs:>8} {secs:>8.2f} {pages / secs:>8.1f} {pages / secs / seq_rate:>7.1f}x"
              f" {cpu / pages * 1000:>11.2f}")


if __name__ == "__main__":
    main()
