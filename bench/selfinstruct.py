"""Benchmark: self-instruct with a real model (--local: kept share, tune and untouched split), and the
ROUGE-L novelty filter (medcorpus.knowledge.filters.NoveltyIndex).

--local: English self-instruct over the disease DB through llama.cpp's server with the bundled
SmolLM2-135M-Instruct (or --base-url/--model), 2 pairs per entity, no re-asks, on two splits:
tune = the bundled 60-entry sample (looked at while tuning the prompt and schema); untouched = diseases
of ../shared/data's format_dataset.csv whose md5(name) is 0 mod 4 and that are not in the sample (never
printed, never looked at while tuning; only figures are shown). Every request counts in s/kept.

    PYTHONPATH=. python bench/selfinstruct.py --local [--entities 12] [--skip-novelty]

--local figures (2026-12-05, 2 shared cores at load average 15-29; SmolLM2-135M-Instruct Q4_1, 1 thread;
kept = length, grounding, English words >= 85% and ROUGE-L novelty passed, share of the pairs asked):

| version | split | entities | kept / asked | wrong shape | s/kept wall | CPU s/kept |
|---|---|---:|---:|---:|---:|---:|
| before (main c4fe0f2) | tune | 8 | 6/16 (38%) | 1 | 114.2 | - |
| before (main c4fe0f2) | untouched | 8 | 6/16 (38%) | 2 | 111.3 | - |
| topics, per-pair schema, English check | tune | 10 | 10/20 (50%) | 1 (cut off: a run of digits) | 49.4 | 7.5 |
| + max_tokens for digit runs (landed) | tune | 10 | 11/20 (55%) | 0 | 24.4 | 6.6 |
| + max_tokens for digit runs (landed) | untouched | 10 | 13/20 (65%) | 0 | 8.3 | 3.7 |

Generates N Chinese instructions the way self-instruct output looks (task templates x entities of the
TCM KG when ../shared/data is present, else a built-in list, plus edited near-copies), runs the
indexed filter over all of them, and in the same run a naive all-pairs `rouge-score` loop over a
subset, checking both keep exactly the same instructions there. Prints a table.

    PYTHONPATH=. python bench/selfinstruct.py [--n 20000] [--subset 600] [--seed 0]

Figures (2-core shared machine, load average ~10 from other jobs, so wall times are ~3-4x CPU times;
2026-11-23, defaults):

| run | instructions | kept | seconds (wall) | seconds (CPU) | pairs decided | pairs/s (wall) | exact LCS computed |
|---|---:|---:|---:|---:|---:|---:|---:|
| index (all) | 20,000 | 3,491 | 26.04 | 7.33 | 42,900,662 | 1,647,380 | 17,571 |
| index (subset) | 600 | 333 | 0.146 | 0.038 | 108,099 | 739,204 | - |
| naive rouge-score all-pairs (subset) | 600 | 333 | 28.80 | 8.22 | 77,965 | 2,707 | 77,965 |

Same decisions as rouge-score on the subset: True. Naive all-pairs over all 20,000, extrapolated:
15,848 s wall (609x) / 4,524 s CPU vs 7.33 s (617x). Memory: tracemalloc peak 19.5 MiB for the index
over 3,491 kept instructions; process max RSS 38 MiB.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import time
import tracemalloc
from pathlib import Path

from medcorpus.knowledge.filters import NoveltyIndex

ROOT = Path(__file__).resolve().parents[1]
CPU: dict = {}  # CPU seconds per run (the machine may be shared: wall time alone misleads)
KG = ROOT / ".." / "shared" / "data" / "tcm_kg"

TEMPLATES = [
    "请介绍一下{a}的功效和主治。", "{a}主要用于治疗哪些病症？", "{a}的性味归经是什么？", "{a}有哪些别名？",
    "{a}由哪些药物组成？各药用量是多少？", "比较{a}和{b}在功效上的异同。", "我最近{s}，可以用{a}吗？",
    "服用{a}需要注意什么？有哪些禁忌？", "{a}出自哪本古籍？", "请用通俗的语言向患者解释{a}的作用。",
    "{a}适合什么体质的人使用？", "为什么{a}能够{f}？请从中医理论角度说明。", "{a}和{b}能一起用吗？",
    "孕妇可以使用{a}吗？", "请列出{a}的三个主要功能，并各举一个适用病证。", "{a}一般怎么煎服？",
    "用一句话概括{a}最重要的特点。", "{s}的患者用{a}有什么好处？", "{a}在{b}中起什么作用？",
    "请写一段关于{a}的用药说明。",
]
SYMPTOMS = ["胃寒腹痛", "咳嗽痰多", "失眠多梦", "头痛发热", "月经不调", "腰膝酸软", "食欲不振", "口干咽燥",
            "手脚冰凉", "大便秘结", "自汗乏力", "皮肤瘙痒"]
FUNCS = ["清热解毒", "补气健脾", "活血化瘀", "温经止血", "祛风除湿", "养阴润燥", "理气止痛", "安神"]
PREFIX = ["", "", "", "我今年{age}岁，", "医生给我开了{b}，", "家里老人{s}，", "作为中医专业的学生，", "从药理学角度看，",
          "孩子{age}岁，最近{s}，", "请以医生的口吻回答：", "我在准备考试，", "听说{b}效果不错，"]
SUFFIX = ["", "", "", "请详细说明。", "请简要回答。", "能举个例子吗？", "需要注意哪些事项？", "和西药相比如何？",
          "请分点列出。", "谢谢！"]
FALLBACK = ["当归", "黄芪", "人参", "白术", "茯苓", "甘草", "桂枝", "芍药", "柴胡", "半夏", "麻黄", "杏仁",
            "川芎", "熟地黄", "附子", "干姜", "大枣", "生姜", "陈皮", "枳实", "桂枝汤", "麻黄汤", "四君子汤",
            "六味地黄丸", "逍遥散", "小柴胡汤", "补中益气汤", "归脾汤", "鳖甲汤", "艾叶"]


def entity_names() -> tuple[list[str], str]:
    names: set[str] = set()
    for f in ("herbs_relations.json", "formulas_relations.json"):
        p = KG / f
        if p.exists():
            for x in json.loads(p.read_text(encoding="utf-8")):
                for node in (x["node_1"], x["node_2"]):
                    t, _, n = node.partition("\t")
                    if t in ("中药名", "方名") and "?" not in n:
                        names.add(n)
    if names:
        return sorted(names), f"TCM KG ({len(names):,} herb and formula names)"
    return FALLBACK, f"built-in list ({len(FALLBACK)} names)"


def make_instructions(n: int, seed: int) -> tuple[list[str], str]:
    rng = random.Random(seed)
    names, origin = entity_names()
    out: list[str] = []
    while len(out) < n:
        if out and rng.random() < 0.25:  # a near-copy of an earlier instruction (what LLMs produce)
            s = list(rng.choice(out))
            for _ in range(rng.randint(1, 4)):
                pos = rng.randrange(len(s))
                op = rng.random()
                if op < 0.4:
                    s.insert(pos, rng.choice("的了呢吗请问一下主要具体"))
                elif op < 0.7 and len(s) > 6:
                    s.pop(pos)
                else:
                    s[pos] = rng.choice("的了呢吗请问一下主要具体")
            out.append("".join(s))
            continue
        a, b = rng.sample(names, 2)
        text = rng.choice(PREFIX) + rng.choice(TEMPLATES) + rng.choice(SUFFIX)
        out.append(text.format(a=a, b=b, s=rng.choice(SYMPTOMS), f=rng.choice(FUNCS), age=rng.randint(3, 80)))
    return out, origin


def run_index(texts: list[str], threshold: float) -> tuple[list[bool], float, NoveltyIndex, int]:
    index = NoveltyIndex(threshold)
    decisions, implied = [], 0
    started, cpu = time.perf_counter(), time.process_time()
    for i, t in enumerate(texts):
        implied += len(index)  # pairs an all-pairs filter would have scored for this one
        decisions.append(index.check_and_add(t, str(i)).novel)
    CPU[id(texts)] = time.process_time() - cpu
    return decisions, time.perf_counter() - started, index, implied


def run_naive(texts: list[str], threshold: float) -> tuple[list[bool], float, int]:
    from rouge_score import rouge_scorer

    class Chars:
        def tokenize(self, text):
            from medcorpus.knowledge.filters import rouge_tokens
            return rouge_tokens(text)

    scorer = rouge_scorer.RougeScorer(["rougeL"], tokenizer=Chars())
    kept: list[str] = []
    decisions, pairs = [], 0
    started, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        ok = True
        for k in kept:  # what self-instruct's reference code does (it scores against all, then takes the max)
            pairs += 1
            if scorer.score(k, t)["rougeL"].fmeasure > threshold:
                ok = False
                break
        decisions.append(ok)
        if ok:
            kept.append(t)
    CPU["naive"] = time.process_time() - cpu
    return decisions, time.perf_counter() - started, pairs


SAMPLE = ROOT / "medcorpus" / "data" / "sample" / "disease_db_sample.csv"
SHARED_DB = ROOT / ".." / "shared" / "data" / "disease_db" / "format_dataset.csv"


def split_rows(split: str, n: int) -> list[list[str]] | None:
    """The disease table of a split (header + n rows): tune = the bundled sample; untouched = rows of the
    shared DB held out by a stable hash of the name, none of them in the sample."""
    import csv
    import hashlib

    with open(SAMPLE, newline="", encoding="utf-8") as fh:
        sample = list(csv.reader(fh))
    if split == "tune":
        return sample[: n + 1]
    if not SHARED_DB.exists():
        return None
    seen = {r[1].strip().lower() for r in sample[1:]}
    with open(SHARED_DB, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    held = [r for r in rows[1:] if r[1].strip().lower() not in seen
            and int(hashlib.md5(r[1].strip().lower().encode()).hexdigest(), 16) % 4 == 0]
    return [rows[0]] + held[:n]


def run_split(split: str, args, base_url: str, server_cpu) -> dict | None:
    import csv
    import tempfile

    from medcorpus.knowledge.diseases import load_diseases
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.selfinstruct import SelfInstruct

    rows = split_rows(split, args.entities)
    if rows is None:
        return None
    with tempfile.TemporaryDirectory(prefix=f"bench-si-{split}-") as tmp:
        db = Path(tmp) / "db.csv"
        with open(db, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
        ws = Workspace(Path(tmp) / "ws")
        load_diseases(ws, db)
        cpu0, t0, p0 = server_cpu(), time.perf_counter(), time.process_time()
        s = SelfInstruct({"lang": "en", "entity_types": ["disease"], "per_entity": args.per_entity,
                          "limit": args.entities, "llm": {"base_url": base_url, "model": args.model, "concurrency": 1,
                                                          "timeout": 900, "json_retries": 0}}).run(ws)
        secs, cpu = time.perf_counter() - t0, server_cpu() - cpu0 + time.process_time() - p0
        if args.dump and split == "tune":  # the untouched split's texts are never shown
            with open(args.dump, "w", encoding="utf-8") as fh:
                for rec in ws.records():
                    fh.write(json.dumps({"kept": [t.text for t in rec.turns]}) + "\n")
                for reason, snippet in ws.exec("SELECT reason, snippet FROM rejects"):
                    fh.write(json.dumps({"rejected": reason, "snippet": snippet}) + "\n")
        ws.close()
    llm = s.extra["llm"]
    return {"entities": s.n_in, "asked": s.n_in * args.per_entity, "pairs": s.extra.get("pairs", 0), "kept": s.n_out, "requests": llm["requests"],
            "wrong": llm["wrong_shape"], "secs": secs, "cpu": cpu, "mode": llm["structured"],
            "reasons": s.extra.get("rejected_by_reason", {})}


def local_quality(args) -> None:
    from contextlib import nullcontext

    from medcorpus.llm.server import LocalServer
    from medcorpus.pipeline.progress import set_quiet

    set_quiet(True)
    server = nullcontext() if args.base_url else LocalServer(alias=args.model, threads=args.threads)
    with server as srv:
        if srv is None:
            server_cpu = lambda: 0.0  # noqa: E731 - a remote server's CPU is not ours to count
        else:
            import psutil

            proc = psutil.Process(srv.proc.pid)
            server_cpu = lambda: sum(proc.cpu_times()[:2])  # noqa: E731
        url = args.base_url or srv.base_url
        rows = [(split, run_split(split, args, url, server_cpu)) for split in ("tune", "untouched")]
    where = args.base_url or f"llama.cpp, {args.threads} thread(s), started for this run"
    print(f"self-instruct, English over the disease DB: {args.model} ({where}), {args.per_entity} pairs per "
          f"entity, one request per entity, no re-asks")
    print("| split | entities | requests | pairs asked | pairs returned | kept | kept % of asked | wrong shape | "
          "s/kept (wall) | CPU s/kept | sent as | rejected by reason |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for split, r in rows:
        if r is None:
            print(f"| {split} | (data not present) ||||||||||")
            continue
        share = 100 * r["kept"] / r["asked"] if r["asked"] else 0.0
        per = lambda v: f"{v / r['kept']:.1f}" if r["kept"] else "-"  # noqa: E731
        print(f"| {split} | {r['entities']} | {r['requests']} | {r['asked']} | {r['pairs']} | {r['kept']} | {share:.0f}% | {r['wrong']} | "
              f"{per(r['secs'])} | {per(r['cpu'])} | {r['mode']} | "
              f"{'; '.join(f'{k}: {v}' for k, v in sorted(r['reasons'].items())) or '-'} |")
    print("kept % of asked: an invalid reply loses all its pairs. CPU s/kept: the server's CPU plus this process's "
          "per kept pair (0 for a --base-url server; the wall figure depends on the machine's load)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--local", action="store_true", help="measure kept share with a real model on both splits")
    ap.add_argument("--skip-novelty", action="store_true", help="only the --local measurement")
    ap.add_argument("--entities", type=int, default=12, help="--local: entities per split")
    ap.add_argument("--per-entity", type=int, default=2)
    ap.add_argument("--base-url", default=None, help="--local: an endpoint instead of the bundled model")
    ap.add_argument("--model", default="SmolLM2-135M-Instruct")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--dump", default=None, help="--local: write the tune split's pairs and rejects to this JSONL")
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--subset", type=int, default=600, help="instructions for the naive all-pairs loop")
    ap.add_argument("--threshold", type=float, default=0.7)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.local:
        local_quality(args)
        if args.skip_novelty:
            return
        print()

    texts, origin = make_instructions(args.n, args.seed)
    avg_len = sum(len(t) for t in texts) / len(texts)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    dec, secs, index, implied = run_index(texts, args.threshold)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c_all = CPU[id(texts)]

    sub = texts[: args.subset]
    sub_dec, sub_secs, _, sub_implied = run_index(sub, args.threshold)
    naive_dec, naive_secs, naive_pairs = run_naive(sub, args.threshold)
    same = sub_dec == naive_dec

    tracemalloc.start()
    run_index(texts, args.threshold)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    naive_rate = naive_pairs / naive_secs
    print(f"instructions: {len(texts):,} Chinese, avg {avg_len:.1f} characters, entities from {origin}; "
          f"threshold ROUGE-L > {args.threshold}")
    print()
    print("pairs decided: (new, kept) pairs an all-pairs filter must score (the index); rouge-score calls made "
          "(the naive loop, which stops at the first match)")
    print()
    c_sub, c_naive = CPU[id(sub)], CPU["naive"]
    print(f"| run | instructions | kept | seconds (wall) | seconds (CPU) | pairs decided | pairs/s (wall) | exact LCS computed |")
    print(f"|---|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| index (all) | {len(texts):,} | {sum(dec):,} | {secs:.2f} | {c_all:.2f} | {implied:,} | "
          f"{implied / secs:,.0f} | {index.compared:,} |")
    print(f"| index (subset) | {len(sub):,} | {sum(sub_dec):,} | {sub_secs:.3f} | {c_sub:.3f} | {sub_implied:,} | "
          f"{sub_implied / sub_secs:,.0f} | - |")
    print(f"| naive rouge-score all-pairs (subset) | {len(sub):,} | {sum(naive_dec):,} | {naive_secs:.2f} | "
          f"{c_naive:.2f} | {naive_pairs:,} | {naive_rate:,.0f} | {naive_pairs:,} |")
    print()
    print(f"same decisions as rouge-score on the subset: {same}")
    print(f"naive all-pairs over all {len(texts):,} (extrapolated at {naive_rate:,.0f} pairs/s): "
          f"{implied / naive_rate:,.0f} s, vs {secs:.2f} s indexed ({implied / naive_rate / secs:,.0f}x); in CPU time "
          f"{implied / (naive_pairs / c_naive):,.0f} s vs {c_all:.2f} s ({implied / (naive_pairs / c_naive) / c_all:,.0f}x)")
    print(f"memory: index over {len(index):,} kept instructions: tracemalloc peak {peak / 2**20:.1f} MiB; "
          f"process max RSS {rss1 / 1024:.0f} MiB (+{(rss1 - rss0) / 1024:.0f} MiB during the indexed run)")
    if not same:
        raise SystemExit("MISMATCH between the index and rouge-score")


if __name__ == "__main__":
    main()
