"""Benchmark: benchmark decontamination, medcorpus's hashed n-gram + MinHash engine vs a plain Python
n-gram set loop.

Built from real text in ../shared/data. Benchmark items (default 10,000): exam-style multiple-choice
questions made from ChatDoctor's disease DB (English: a patient with 3-4 of a disease's symptoms,
"which of the following is the most likely diagnosis", four disease options) and from the TCM KG
(Chinese: 患者 with 3-4 主治 symptoms, four herb options). Training records (default 100,000): new
consultations cut and recombined from GenMedGPT-5k sentences (English) and ChatMed/Huatuo text
(Chinese); they share the items' medical vocabulary but copy no item. Planted leaks (each kind
`--leaks` times): verbatim (question + options as the patient turn), edited (three word edits:
substitution, deletion, insertion), embedded (the question inside a longer doctor answer), Chinese
(a Chinese item with its punctuation changed, embedded in a consultation).

Printed per seed (seed 1 is the tuning split, seed 2 was never looked at while tuning): recall per
leak kind, false-positive rate on the clean records, precision (flagged records that are planted
leaks of the item found), records/s (wall and CPU), peak traced memory,
for medcorpus n-grams only, medcorpus n-grams + MinHash, and the naive loop (timed on a sample,
its recall on every leak).

    python bench/decontam.py                      # 100k records x 10k items, seeds 1 and 2
    python bench/decontam.py --records 20000 --items 2000
"""
from __future__ import annotations

import argparse
import ast
import csv
import json
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = (ROOT / ".." / "shared" / "data").resolve()

from medcorpus.decontam.benchmarks import BenchItem  # noqa: E402
from medcorpus.decontam.match import BenchmarkIndex, MatchParams  # noqa: E402

_SENT = re.compile(r"(?<=[.!?。！？])\s*")


def load_sources():
    with open(DATA / "disease_db" / "format_dataset.csv", newline="", encoding="utf-8") as fh:
        diseases = [(r["disease"], ast.literal_eval(r["Symptom"])) for r in csv.DictReader(fh)]
    diseases = [(d, [s for s in sy if s]) for d, sy in diseases if len(sy) >= 4]
    zh_symptoms, herbs = [], []
    for line in (DATA / "tcm_kg" / "herbs_nodes.txt").read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition("\t")
        if kind == "主治" and 2 <= len(name) <= 8 and not re.search(r"[0-9～~]", name):
            zh_symptoms.append(name)
        elif kind == "中药名":
            herbs.append(name)
    gen = json.loads((DATA / "genmedgpt" / "chatdoctor5k.json").read_text())
    en_sents = [s for r in gen for s in _SENT.split(r["input"] + " " + r["output"]) if len(s.split()) >= 4]
    zh_text = [json.loads(l)["query"].replace("<s>问：", "").replace("答：", "") + json.loads(l)["response"]
               for l in (DATA / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines()]
    for r in json.loads((DATA / "huatuo" / "med_dialog_100.json").read_text()):
        zh_text.append(r["medical_case"] + r["doctor_diagnosis"])
    zh_sents = [s for t in zh_text for s in _SENT.split(t) if len(s) >= 6]
    return diseases, sorted(set(zh_symptoms)), herbs, en_sents, zh_sents


def make_items(n: int, rng: random.Random, src) -> list[BenchItem]:
    diseases, zh_symptoms, herbs, _, _ = src
    items, seen = [], set()
    while len(items) < n:
        i = len(items)
        if i % 5 == 4:  # one in five Chinese
            sy = rng.sample(zh_symptoms, rng.randint(3, 4))
            q = (f"患者，{rng.choice('男女')}，{rng.randint(18, 80)}岁。{'、'.join(sy)}{rng.randint(2, 30)}天，"
                 f"{rng.choice(['加重一周', '反复发作', '夜间明显', '伴乏力'])}。宜选用的药物是")
            opts = [f"{k} {h}" for k, h in zip("ABCD", rng.sample(herbs, 4))]
        else:
            d, sy = rng.choice(diseases)
            chosen = rng.sample(sy, min(len(sy), rng.randint(3, 4)))
            q = (f"A {rng.randint(18, 85)}-year-old {rng.choice(['man', 'woman'])} presents with "
                 f"{', '.join(s.lower() for s in chosen[:-1])} and {chosen[-1].lower()} for "
                 f"{rng.randint(2, 30)} {rng.choice(['days', 'weeks'])}. "
                 f"{rng.choice(['Which of the following is the most likely diagnosis?', 'What is the most likely cause?', 'Which condition best explains these findings?'])}")
            others = [x for x, _ in rng.sample(diseases, 3)]
            opts = [f"{k}. {o}" for k, o in zip("ABCD", rng.sample([d] + others, 4))]
        if q in seen:
            continue
        seen.add(q)
        items.append(BenchItem("synthetic-exam", f"q{i}", q, opts))
    return items


def clean_record(rng: random.Random, src) -> tuple[str, str]:
    _, _, _, en, zh = src
    if rng.random() < 0.15:
        return "".join(rng.sample(zh, 3)), "".join(rng.sample(zh, 4))
    return " ".join(rng.sample(en, 2)), " ".join(rng.sample(en, 4))


def edit(text: str, rng: random.Random, src) -> str:
    words = text.split()
    vocab = [w for s in rng.sample(src[3], 5) for w in s.split()]
    for op in ("sub", "del", "ins"):
        k = rng.randrange(len(words))
        if op == "sub":
            words[k] = rng.choice(vocab)
        elif op == "del" and len(words) > 5:
            del words[k]
        else:
            words.insert(k, rng.choice(vocab))
    return " ".join(words)


def build(n_records: int, n_items: int, n_leaks: int, seed: int, src):
    rng = random.Random(seed)
    items = make_items(n_items, rng, src)
    en_items = [i for i, it in enumerate(items) if not re.search(r"[\u4e00-\u9fff]", it.question)]
    zh_items = [i for i, it in enumerate(items) if i not in set(en_items)]
    docs = [clean_record(rng, src) for _ in range(n_records)]
    truth: dict[int, tuple[str, int]] = {}
    slots = rng.sample(range(n_records), 4 * n_leaks)
    for j, slot in enumerate(slots):
        kind = ("verbatim", "edited", "embedded", "chinese")[j % 4]
        k = rng.choice(zh_items if kind == "chinese" else en_items)
        it = items[k]
        if kind == "verbatim":
            docs[slot] = (it.text, docs[slot][1])
        elif kind == "edited":
            docs[slot] = (edit(it.text.replace("\n", " "), rng, src), docs[slot][1])
        elif kind == "embedded":
            a = docs[slot][1]
            cut = len(a) // 2
            docs[slot] = (docs[slot][0], a[:cut] + " For example: " + it.question + " " + a[cut:])
        else:
            q = it.question.replace("，", ",").replace("。", "; ")
            docs[slot] = ("医生您好，" + q + "？" + docs[slot][0][:40], docs[slot][1])
        truth[slot] = (kind, k)
    return items, docs, truth


def naive_loop(items: list[BenchItem], docs, n: int = 13):
    """A plain Python set of n-gram strings, then every n-gram of every record looked up."""
    try:  # the dedup engine's tokenizer (the same normalisation, as plain Python)
        from medcorpus.dedup import tokens
    except ImportError:
        from medcorpus.stages.dedup import tokens
    index: dict[str, int] = {}
    for k, it in enumerate(items):
        toks = tokens(it.text)
        for i in range(max(1, len(toks) - n + 1)):
            index.setdefault(" ".join(toks[i:i + n]), k)
    found = []
    for doc in docs:
        hit = None
        for side in doc:
            toks = tokens(side)
            for i in range(len(toks) - n + 1):
                k = index.get(" ".join(toks[i:i + n]))
                if k is not None:
                    hit = k
                    break
            if hit is not None:
                break
        found.append(hit)
    return found


def timed(fn, memory_fn=None):
    """(result, wall s, CPU s, peak traced bytes): timed without tracing (it slows Python loops
    far more than NumPy), then `memory_fn` (default `fn`) run again under tracemalloc."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    (memory_fn or fn)()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, wall, cpu, peak


def score(found: list, truth: dict, n: int) -> dict:
    kinds = {}
    for slot, (kind, k) in truth.items():
        ok = found[slot] is not None and k in found[slot]
        kinds.setdefault(kind, []).append(ok)
    fp = sum(1 for i in range(n) if i not in truth and found[i])
    hits = sum(1 for slot, (_, k) in truth.items() if found[slot] is not None and k in found[slot])
    flagged = hits + fp + sum(1 for slot, (_, k) in truth.items() if found[slot] and k not in found[slot])
    return {**{k: sum(v) / len(v) for k, v in kinds.items()}, "fp_rate": fp / (n - len(truth)), "fp": fp,
            "precision": hits / flagged if flagged else 1.0}


def run_engine(items, docs, params: MatchParams, batch: int = 5000):
    def go():
        index = BenchmarkIndex.build(items, params)
        found = []
        for s in range(0, len(docs), batch):
            found += [{m.item for m in ms} or None for ms in index.check(docs[s:s + batch])]
        return found
    return timed(go)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--leaks", type=int, default=250, help="planted leaks of each kind")
    ap.add_argument("--naive-sample", type=int, default=20_000, help="records the naive loop is timed on")
    ap.add_argument("--seeds", default="1,2")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: this benchmark reads the shared real data")
    src = load_sources()
    print(f"{args.records:,} training records x {args.items:,} benchmark items, {args.leaks} planted leaks of each kind")
    header = f"{'seed':<14}{'method':<24}{'verbatim':>9}{'edited':>8}{'embedded':>9}{'chinese':>8}{'FP rate':>9}{'precis.':>8}" \
             f"{'rec/s':>10}{'CPU rec/s':>10}{'peak MB':>9}"
    print(header)
    for seed in map(int, args.seeds.split(",")):
        label = f"{seed} ({'tuning' if seed == 1 else 'held out'})"
        items, docs, truth = build(args.records, args.items, args.leaks, seed, src)
        rows = []
        for name, params in (("medcorpus n-grams", MatchParams(minhash=False)), ("medcorpus + MinHash", MatchParams())):
            found, wall, cpu, peak = run_engine(items, docs, params)
            rows.append((name, score(found, truth, len(docs)), len(docs) / wall, len(docs) / cpu, peak))
        sample = sorted(set(range(min(args.naive_sample, len(docs)))) | set(truth))
        sub = [docs[i] for i in sample]
        found_sub, wall, cpu, peak = timed(lambda: naive_loop(items, sub), lambda: naive_loop(items, sub[:2000]))
        found = [None] * len(docs)
        for i, f in zip(sample, found_sub):
            found[i] = {f} if f is not None else None
        s = score(found, truth, len(docs))
        s["fp_rate"] = s["fp"] / (len(sample) - len(truth))  # precision: flagged in the sample only
        rows.append((f"naive set loop ({len(sample) // 1000}k)", s, len(sample) / wall, len(sample) / cpu, peak))
        for name, s, rate, crate, peak in rows:
            print(f"{label:<14}{name:<24}{s['verbatim']:>9.3f}{s['edited']:>8.3f}{s['embedded']:>9.3f}"
                  f"{s['chinese']:>8.3f}{100 * s['fp_rate']:>8.3f}%{s['precision']:>8.3f}{rate:>10,.0f}{crate:>10,.0f}{peak / 2**20:>9.0f}")
        print(f"{'':<14}speed-up vs naive loop: {rows[0][2] / rows[2][2]:.1f}x wall, {rows[0][3] / rows[2][3]:.1f}x CPU "
              f"(n-grams); {rows[1][2] / rows[2][2]:.1f}x wall, {rows[1][3] / rows[2][3]:.1f}x CPU (+ MinHash)")


if __name__ == "__main__":
    main()
