"""Grammar stage benchmark on JFLEG dev: GLEU, sentences/s, disease-DB terms changed.

    python bench/grammar.py [--jfleg ../shared/data/jfleg_dev] [--workers 2] [--languagetool-url URL]

JFLEG dev: 754 learner sentences with four human corrections each. The text is tokenised, so each
sentence is detokenised before correcting and the output re-tokenised before scoring with the
project's GLEU (medcorpus/grammar/gleu.py: JFLEG's definition, 500 seeded reference draws).

GLEU is printed on all 754 sentences, on the tuning half (even lines: the only sentences the
context model's weights and the comma rules were tuned on) and on the untouched half (odd lines).

Rows:
- source: the unchanged sentences;
- harper plain: Harper's first suggestion of the first lint, one at a time until clean, no
  protection, no ranking, no extra fixes (the baseline the issue describes);
- medcorpus harper: the grammar stage as `medcorpus grammar --backend harper` runs it (each
  sentence a doctor turn in a fresh workspace, `--workers` processes, sentence cache);
- medcorpus harper (cache): the same sentences again as new records (every sentence cached);
- throughput on real consultation text: the doctor turns of the first `--genmed-limit` GenMedGPT-5k
  records (sentences/s; its repeated sentences are corrected once);
- with --languagetool-url: the stage's LanguageTool backend and a plain `language_tool_python`
  `tool.correct()` loop against that server;
- always: LanguageTool throughput against the local fake server (tests/fakes) with `--lt-latency`
  per request: the stage's backend (requests in flight, cache) vs the plain `tool.correct()` loop
  (no GLEU: the fake's rules are not LanguageTool's).
Then every disease-DB term (the shipped list, plus --disease-db) is run through the stage alone
and inside a sentence: the count of terms not kept verbatim must be 0.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medcorpus.grammar.gleu import corpus_gleu  # noqa: E402
from medcorpus.grammar.tokens import detokenise, tokenise  # noqa: E402


def load_jfleg(d: Path, limit: int | None):
    src = (d / "dev.src").read_text(encoding="utf-8").splitlines()
    refs = [(d / f"dev.ref{k}").read_text(encoding="utf-8").splitlines() for k in range(4)]
    if limit:
        src, refs = src[:limit], [r[:limit] for r in refs]
    return src, refs


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the stage's worker processes)."""
    import resource

    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def run_stage_on(texts: list[str], config: dict, workers: int, ws_dir: Path, tag: str) -> tuple[list[str], float, dict]:
    """Each text as the doctor turn of its own record; returns (outputs in order, seconds, extra);
    extra["cpu_seconds"] is the CPU time the run took in all processes."""
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.schemas import Record, Turn
    from medcorpus.stages.grammar import GrammarStage

    set_quiet(True)
    ws = Workspace(ws_dir)
    try:
        recs = [Record.new(f"{tag}:{i}", [Turn(role="doctor", text=t)], lang="en") for i, t in enumerate(texts)]
        ws.add_records([r.to_row() for r in recs], origin=tag)
        stage = GrammarStage(config)
        t0, c0 = time.perf_counter(), cpu_seconds()
        summary = run_stage(ws, stage, batch_size=500, workers=workers)
        seconds = time.perf_counter() - t0
        summary.extra["cpu_seconds"] = cpu_seconds() - c0
        out = {r.id: r.turns[0].text for r in ws.records()}
    finally:
        ws.close()
    return [out[r.id] for r in recs], seconds, summary.extra


def halves(n: int) -> tuple[list[int], list[int]]:
    """The fixed split of JFLEG dev: even lines tune the grammar engine's weights and rules,
    odd lines are never looked at while tuning."""
    return [i for i in range(n) if i % 2 == 0], [i for i in range(n) if i % 2 == 1]


def gleu_split(src_tok, hyp_tok, refs_tok, iterations) -> str:
    """GLEU on all sentences / the tuning half / the untouched half."""
    out = [corpus_gleu(src_tok, hyp_tok, refs_tok, iterations=iterations).percent]
    for idx in halves(len(src_tok)):
        out.append(corpus_gleu([src_tok[i] for i in idx], [hyp_tok[i] for i in idx],
                               [[r[i] for i in idx] for r in refs_tok], iterations=iterations).percent)
    return " / ".join(f"{g:.2f}" for g in out)


def gleu3(src_tok, hyp_texts, refs_tok, iterations) -> str:
    return gleu_split(src_tok, [tokenise(h) for h in hyp_texts], refs_tok, iterations)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jfleg", type=Path, default=ROOT / ".." / "shared" / "data" / "jfleg_dev")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=500)
    ap.add_argument("--languagetool-url", default=None)
    ap.add_argument("--lt-latency", type=float, default=0.02, help="fake server latency per request (s)")
    ap.add_argument("--lt-limit", type=int, default=300, help="sentences for the fake-server throughput rows")
    ap.add_argument("--genmed", type=Path, default=ROOT / ".." / "shared" / "data" / "genmedgpt" / "chatdoctor5k.json")
    ap.add_argument("--genmed-limit", type=int, default=1500, help="GenMedGPT-5k records for the throughput row")
    ap.add_argument("--disease-db", type=Path, default=ROOT / ".." / "shared" / "data" / "disease_db" / "format_dataset.csv")
    args = ap.parse_args()

    src, refs = load_jfleg(args.jfleg, args.limit)
    src_tok = [s.split() for s in src]
    refs_tok = [[r.split() for r in rs] for rs in refs]
    detok = [detokenise(s) for s in src]
    rows: list[tuple[str, str, str, str]] = []  # system, GLEU, sentences/s, note
    cores = 2  # the target machine: sentences per CPU-second x 2 = what 2 idle cores give

    rows.append(("source (unchanged)", gleu_split(src_tok, src_tok, refs_tok, args.iterations), "-", ""))
    rows.append(("source detok -> retok", gleu3(src_tok, detok, refs_tok, args.iterations), "-", "tokenisation round trip"))

    from medcorpus.grammar.harper import HarperCorrector

    plain = HarperCorrector(None, plain=True)
    plain.correct("Warm up the linter.")
    t0, c0 = time.perf_counter(), cpu_seconds()
    plain_out = [plain.correct(s).text for s in detok]
    dt, dc = time.perf_counter() - t0, cpu_seconds() - c0
    rows.append(("harper plain (first suggestion, 1 process)", gleu3(src_tok, plain_out, refs_tok, args.iterations),
                 f"{len(detok) / dt:.0f}", f"no protection; {len(detok) / dc:.0f}/s per idle core (by CPU time)"))

    # the engine as it was before the context model (issue 19), same sentence split, one process
    from medcorpus.schemas import Record as _Record, Turn as _Turn
    from medcorpus.stages.grammar import GrammarStage as _GrammarStage

    before = _GrammarStage({"backend": "harper"})
    before.setup()
    before._corrector.chooser = None
    recs = [_Record.new(f"before:{i}", [_Turn(role="doctor", text=t)], lang="en") for i, t in enumerate(detok)]
    t0, c0 = time.perf_counter(), cpu_seconds()
    before_out = [r.turns[0].text for r in before.process(recs)]
    dt, dc = time.perf_counter() - t0, cpu_seconds() - c0
    rows.append(("medcorpus harper without context model (1 process)", gleu3(src_tok, before_out, refs_tok, args.iterations),
                 f"{len(detok) / dt:.0f}", f"the engine before issue 19; {cores * len(detok) / dc:.0f}/s on 2 idle cores"))

    with tempfile.TemporaryDirectory(prefix="bench-grammar-") as tmp:
        tmp = Path(tmp)
        out, secs, extra = run_stage_on(detok, {"backend": "harper"}, args.workers, tmp / "ws", "jfleg")
        from medcorpus.stages.grammar import MIN_RECORDS_FOR_POOL

        procs = args.workers if len(detok) >= MIN_RECORDS_FOR_POOL else 1
        rows.append((f"medcorpus harper ({procs} process{'es' if procs > 1 else ''}, fresh)", gleu3(src_tok, out, refs_tok, args.iterations),
                     f"{len(detok) / secs:.0f}", f"{secs:.1f} s incl. start-up; {extra.get('edits', 0)} edits; "
                     f"{cores * len(detok) / extra['cpu_seconds']:.0f}/s on 2 idle cores (by CPU time)"))
        out2, secs2, extra2 = run_stage_on(detok, {"backend": "harper"}, args.workers, tmp / "ws", "jfleg-again")
        assert out2 == out
        rows.append(("medcorpus harper (repeated sentences, cached)", gleu3(src_tok, out2, refs_tok, args.iterations),
                     f"{len(detok) / secs2:.0f}", f"cache hits {extra2.get('cache_hits', 0)}"))

        if args.genmed.is_file() and args.genmed_limit:
            import json

            doctor = [r["output"] for r in json.loads(args.genmed.read_text(encoding="utf-8"))[:args.genmed_limit]]
            from medcorpus.stages.grammar import split_segments

            n_sent = sum(1 for t in doctor for seg, _ in split_segments(t) if seg.strip())
            _, secs, extra = run_stage_on(doctor, {"backend": "harper"}, args.workers, tmp / "ws-genmed", "genmed")
            procs = args.workers if len(doctor) >= MIN_RECORDS_FOR_POOL else 1
            rows.append((f"medcorpus harper, GenMedGPT-5k doctor turns ({procs} proc.)", "-", f"{n_sent / secs:.0f}",
                         f"{len(doctor)} turns, {n_sent} sentences ({extra.get('segments_corrected', 0)} distinct), "
                         f"{secs:.1f} s, {extra.get('edits', 0)} edits; "
                         f"{cores * n_sent / extra['cpu_seconds']:.0f}/s on 2 idle cores (by CPU time)"))

        if args.languagetool_url:
            import language_tool_python

            out, secs, _ = run_stage_on(detok, {"backend": "languagetool", "languagetool_url": args.languagetool_url},
                                        1, tmp / "ws-lt", "jfleg")
            rows.append(("medcorpus languagetool", gleu3(src_tok, out, refs_tok, args.iterations),
                         f"{len(detok) / secs:.0f}", args.languagetool_url))
            tool = language_tool_python.LanguageTool("en-US", remote_server=args.languagetool_url)
            t0 = time.perf_counter()
            lt_out = [tool.correct(s) for s in detok]
            dt = time.perf_counter() - t0
            rows.append(("language_tool_python tool.correct() loop", gleu3(src_tok, lt_out, refs_tok, args.iterations),
                         f"{len(detok) / dt:.0f}", "first replacement of every match"))

        # LanguageTool throughput against the local fake server with latency
        sys.path.insert(0, str(ROOT))
        from tests.fakes.languagetool_server import LanguageToolFake
        import language_tool_python

        sample = detok[:args.lt_limit]
        with LanguageToolFake(latency=args.lt_latency) as fake:
            out, secs, extra = run_stage_on(sample, {"backend": "languagetool", "languagetool_url": fake.url},
                                            1, tmp / "ws-fake", "lt")
            ours = len(sample) / secs
            tool = language_tool_python.LanguageTool("en-US", remote_server=fake.url)
            t0 = time.perf_counter()
            for s in sample:
                tool.correct(s)
            theirs = len(sample) / (time.perf_counter() - t0)
        rows.append((f"medcorpus languagetool vs fake ({args.lt_latency * 1000:.0f} ms/request)", "-", f"{ours:.0f}",
                     f"{ours / theirs:.1f}x the plain loop; {extra.get('segments_corrected', 0)} requests"))
        rows.append(("tool.correct() loop vs the same fake", "-", f"{theirs:.0f}", f"{len(sample)} sentences"))

        # disease-DB terms through the stage: alone and inside a sentence
        from medcorpus.grammar.protect import disease_db_terms, shipped_terms

        terms = sorted(set(shipped_terms()) | (set(disease_db_terms(args.disease_db)) if args.disease_db.is_file() else set()))
        carried = [f"i think the patient has {t} now" for t in terms]
        out, secs, _ = run_stage_on(terms + carried, {"backend": "harper"}, args.workers, tmp / "ws-terms", "terms")
        alone = [t for t, o in zip(terms, out[:len(terms)]) if t not in o]
        inside = [t for t, o in zip(terms, out[len(terms):]) if t not in o]
        with LanguageToolFake() as fake:
            lt_out, _, _ = run_stage_on(terms, {"backend": "languagetool", "languagetool_url": fake.url}, 1,
                                        tmp / "ws-terms-lt", "terms")
        lt_changed = [t for t, o in zip(terms, lt_out) if t not in o]

    width = max(len(r[0]) for r in rows)
    print(f"\nJFLEG dev: {len(src)} sentences, 4 references, GLEU x100 (mean of {args.iterations} reference draws); "
          f"{os.cpu_count()} CPUs visible, load {os.getloadavg()[0]:.1f}")
    print("GLEU: all / tuning half (even lines) / untouched half (odd lines, never used to tune)")
    print(f"{'system':<{width}}  {'GLEU':>21}  {'sent/s':>7}  note")
    for name, g, rate, note in rows:
        print(f"{name:<{width}}  {g:>21}  {rate:>7}  {note}")
    print(f"\ndisease-DB terms: {len(terms)}; changed by harper alone: {len(alone)}, inside a sentence: {len(inside)}; "
          f"by languagetool (fake server): {len(lt_changed)}")
    for t in (alone + inside + lt_changed)[:10]:
        print("  changed:", t)


if __name__ == "__main__":
    main()
