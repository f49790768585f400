"""Benchmark: near-duplicate removal quality and speed, medcorpus vs a plain datasketch loop vs datatrove.

A near-duplicate set with known clusters is built from real texts in ../shared/data:
GenMedGPT-5k exchanges (English, word shingles) and Chinese text (ChatMed-Consult questions and
answers, TCM formula-KG prescriptions: the character-shingle path). Copies carry typos, word
swaps, inserted greetings and sign-offs, truncation, sentence reordering, or are verbatim
re-posts; "trap" records are distinct questions that share only a templated doctor answer
(they must not be merged). Originals are cleaned first so that no two have an exact shingle
Jaccard >= 0.5 (GenMedGPT and the KG hold near-duplicates of their own).

Printed: precision, recall and F1 over duplicate pairs (all records, English only, Chinese only,
and without the trap records), trap pairs merged, docs/s and peak memory (max RSS of the process;
for medcorpus that of its dedup process, "+Nw" its largest signature worker) for each method;
"exact Jaccard >= t" rows are the ceiling of any method thresholding the shingle Jaccard; then a scale run
(replicated records with perturbations) and an incremental +1% run for medcorpus.

    python bench/dedup.py                       # quality set + 200k scale run
    python bench/dedup.py --scale 200000,1000000
    python bench/dedup.py --skip-datatrove --scale 0
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = (ROOT / ".." / "shared" / "data").resolve()

import numpy as np  # noqa: E402

from medcorpus.stages.dedup import shingles  # noqa: E402

THRESHOLD, NUM_PERM, NGRAM, CHAR_NGRAM = 0.8, 128, 3, 3

# ------------------------------------------------------------------ source texts
EN_GREETINGS = ["Hi doctor,", "Hello doctor,", "Dear doctor,", "Hi,", "Good morning doctor,"]
EN_SIGNOFFS = ["Thanks in advance.", "Please help me.", "Thank you so much.", "Waiting for your reply."]
DOC_GREETINGS = ["Hi, thanks for your query.", "Hello, I understand your concern.", "Thanks for writing in."]
DOC_SIGNOFFS = ["Hope this helps. Take care.", "Wishing you good health.", "Regards."]
ZH_GREETINGS = ["您好，", "医生你好，", "你好医生，", "大夫您好，"]
ZH_SIGNOFFS = ["谢谢医生！", "请帮忙看看。", "祝您早日康复。", "希望对您有帮助。"]
TEMPLATES_EN = [
    "Hi, dear I have gone through your question. I can understand your concern. {x} I would suggest you to "
    "consult a physician for proper examination and get the required tests done. Treatment depends on the "
    "findings. Hope I have answered your question, let me know if I can assist you further.",
    "Hello, thanks for your query. I have gone through your question and I understand your concern. {x} "
    "Please do not worry, it is usually treatable. Consult your doctor, get examined and follow the advice "
    "given. Take care and wishing you good health.",
    "Hi, welcome to Chat Doctor. I have read your query in detail and understand your problem. {x} In my "
    "opinion you should visit a specialist for a clinical examination and the necessary investigations, "
    "and start treatment accordingly. Hope this information helps you. Regards.",
]
TEMPLATE_FILLERS = ["Such symptoms can have many causes.", "This needs to be evaluated properly.",
                    "There can be several reasons for this.", "It is difficult to say without an examination."]
TEMPLATES_ZH = ["您好，根据您的描述，{x}建议您及时到正规医院就诊，完善相关检查，明确诊断后在医生指导下规范治疗。"
                "平时注意休息，清淡饮食，避免劳累，保持良好的心情。祝您早日康复。",
                "你好，从你的情况来看，{x}需要到医院做进一步的检查，根据检查结果对症治疗，不要自行用药。"
                "注意饮食规律，多喝水，适当运动，如有不适及时复诊。"]
ZH_FILLERS = ["这种情况原因比较多，", "可能与多种因素有关，", "目前还不能明确诊断，"]


def load_english() -> list[dict]:
    rows = json.loads((DATA / "genmedgpt" / "chatdoctor5k.json").read_text())
    return [{"lang": "en", "q": r["input"].strip(), "a": r["output"].strip()} for r in rows
            if r["input"].strip() and r["output"].strip()]


def load_chinese() -> list[dict]:
    out = []
    with open(DATA / "chatmed" / "chatmed_consult_test.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            q = r["query"].replace("<s>", "").replace("问：", "").replace("答：", "").strip()
            if q and r["response"].strip():
                out.append({"lang": "zh", "q": q, "a": r["response"].strip()})
    rel = json.loads((DATA / "tcm_kg" / "formulas_relations.json").read_text())
    comp, dose, func, name_of = defaultdict(list), {}, defaultdict(list), {}
    for r in rel:
        t1, n1 = r["node_1"].split("\t", 1)
        t2, n2 = r["node_2"].split("\t", 1)
        if r["relation"] == "prescription type":
            name_of[n2] = n1
        elif r["relation"] == "composition":
            comp[n1].append(n2)
        elif r["relation"] == "dose":
            dose.setdefault(n1, n2)
        elif r["relation"] == "functions":
            func[n1].append(n2)
    for pres, herbs in comp.items():
        if len(herbs) < 3 or not func.get(pres):
            continue
        name = name_of.get(pres, pres.split("_")[0])
        q = f"请问{name}的组成和功效是什么？"
        a = (f"{name}由" + "、".join(f"{h}{dose.get(h, '')}" for h in herbs) + "组成。"
             + "功能主治：" + "，".join(func[pres]) + "。")
        out.append({"lang": "zh", "q": q, "a": a})
    return out


# ------------------------------------------------------------------ perturbations
_SENT = re.compile(r"(?<=[.!?。！？])\s*")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s]


def _join(sents: list[str], zh: bool) -> str:
    return ("" if zh else " ").join(sents)


def typo(text: str, rng: random.Random, zh: bool, pool: str) -> str:
    if zh:
        chars = list(text)
        idx = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
        for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
            chars[i] = rng.choice(pool)
        return "".join(chars)
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
        w, k = words[i], rng.randrange(1, len(words[i]) - 1)
        op = rng.randrange(3)
        words[i] = (w[:k] + w[k + 1] + w[k] + w[k + 2:] if op == 0 else
                    w[:k] + w[k + 1:] if op == 1 else w[:k] + rng.choice("aeiourst") + w[k:])
    return " ".join(words)


def word_swap(text: str, rng: random.Random, zh: bool, pool: str) -> str:
    if zh:
        parts = re.split(r"([，、])", text)
        items = parts[0::2]
        if len(items) >= 2:
            i = rng.randrange(len(items) - 1)
            items[i], items[i + 1] = items[i + 1], items[i]
        seps = parts[1::2] + [""]
        return "".join(x + s for x, s in zip(items, seps))
    words = text.split(" ")
    for _ in range(rng.randint(1, 2)):
        if len(words) > 3:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def truncate(text: str, rng: random.Random, zh: bool, pool: str) -> str:
    sents = _sentences(text)
    if len(sents) >= 4:
        return _join(sents[:-1], zh)
    cut = int(len(text) * rng.uniform(0.88, 0.95))
    return text[:cut]


def reorder(text: str, rng: random.Random, zh: bool, pool: str) -> str:
    sents = _sentences(text)
    if len(sents) >= 3:
        i = rng.randrange(len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    return _join(sents, zh)


def make_copy(rec: dict, rng: random.Random, pool: str) -> dict:
    """A near-duplicate of `rec`: one to three perturbations (or a verbatim re-post)."""
    zh = rec["lang"] == "zh"
    q, a = rec["q"], rec["a"]
    if rng.random() < 0.12:
        return {"lang": rec["lang"], "q": q, "a": a, "kind": "exact"}
    kinds = rng.sample(["typo", "swap", "greeting", "signoff", "truncate", "reorder"], rng.choice([1, 1, 2]))
    for kind in kinds:
        if kind == "greeting":
            if rng.random() < 0.5:
                q = rng.choice(ZH_GREETINGS if zh else EN_GREETINGS) + ("" if zh else " ") + q
            else:
                a = ("您好，" if zh else rng.choice(DOC_GREETINGS) + " ") + a
        elif kind == "signoff":
            if rng.random() < 0.5:
                q = q + ("" if zh else " ") + rng.choice(ZH_SIGNOFFS if zh else EN_SIGNOFFS)
            else:
                a = a + ("祝您早日康复。" if zh else " " + rng.choice(DOC_SIGNOFFS))
        else:
            fn = {"typo": typo, "swap": word_swap, "truncate": truncate, "reorder": reorder}[kind]
            if kind in ("truncate", "reorder"):
                a = fn(a, rng, zh, pool)
            elif rng.random() < 0.4:
                q = fn(q, rng, zh, pool)
            else:
                a = fn(a, rng, zh, pool)
    return {"lang": rec["lang"], "q": q, "a": a, "kind": "+".join(sorted(kinds))}


def clean_originals(recs: list[dict], limit: float = 0.5) -> list[dict]:
    """Drop originals that have an exact shingle Jaccard >= limit with an earlier one."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=limit * 0.8, num_perm=64)
    sets, kept = {}, []
    for i, r in enumerate(recs):
        s = set(shingles(r["q"] + "\n" + r["a"], NGRAM, CHAR_NGRAM))
        m = MinHash(num_perm=64)
        m.update_batch([x.encode() for x in s])
        if any(len(s & sets[j]) / max(1, len(s | sets[j])) >= limit for j in lsh.query(m)):
            continue
        lsh.insert(i, m)
        sets[i] = s
        kept.append(r)
    return kept


def build_quality_set(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    en = clean_originals(load_english())
    zh = clean_originals(load_chinese())
    pool = "".join(sorted({c for r in zh for c in r["a"] if "\u4e00" <= c <= "\u9fff"}))
    out: list[dict] = []
    cluster = 0
    for base in en + zh:
        members = [dict(base, kind="original")]
        if rng.random() < 0.45:
            members += [make_copy(base, rng, pool) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
        for m in members:
            out.append({**m, "truth": cluster, "trap": False})
        cluster += 1
    # the trap: distinct questions that share only a templated doctor answer
    # distinct question texts (the sources repeat some questions)
    questions_en = sorted({r["q"] for r in load_english()})
    questions_zh = sorted({r["q"] for r in load_chinese()[:450]})
    for g in range(300):
        zh_group = g % 5 == 4
        tpl = rng.choice(TEMPLATES_ZH if zh_group else TEMPLATES_EN)
        answer = tpl.format(x=rng.choice(ZH_FILLERS if zh_group else TEMPLATE_FILLERS))
        pool_q = questions_zh if zh_group else questions_en
        for q in [pool_q.pop(rng.randrange(len(pool_q))) for _ in range(rng.randint(2, 4))]:
            out.append({"lang": "zh" if zh_group else "en", "q": q, "a": answer, "kind": "trap",
                        "truth": cluster, "trap": True})
            cluster += 1
    rng.shuffle(out)
    return out


def build_scale_set(n: int, seed: int = 11) -> list[dict]:
    """n records: distinct consultations made by pairing GenMedGPT/ChatMed questions with other
    answers, 20% of them perturbed copies (truth = the pairing)."""
    rng = random.Random(seed)
    en, zh = load_english(), load_chinese()[:450]
    pool = "".join(sorted({c for r in zh for c in r["a"] if "\u4e00" <= c <= "\u9fff"}))
    n_orig = int(n * 0.8)
    seen, origs = set(), []
    while len(origs) < n_orig:
        src = zh if rng.random() < 0.1 else en
        i, j = rng.randrange(len(src)), rng.randrange(len(src))
        if (id(src), i, j) in seen:
            continue
        seen.add((id(src), i, j))
        origs.append({"lang": src[0]["lang"], "q": src[i]["q"], "a": src[j]["a"], "truth": len(origs)})
    out = list(origs)
    while len(out) < n:
        base = origs[rng.randrange(n_orig)]
        out.append({**make_copy(base, rng, pool), "truth": base["truth"]})
    rng.shuffle(out)
    return out


# ------------------------------------------------------------------ metrics
def pair_scores(truth: list[int], pred: list, trap: list[bool]) -> dict:
    def pairs(counter):
        return sum(c * (c - 1) // 2 for c in counter.values())
    tp = pairs(Counter(zip(truth, pred)))
    p_pairs, t_pairs = pairs(Counter(pred)), pairs(Counter(truth))
    precision = tp / p_pairs if p_pairs else 1.0
    recall = tp / t_pairs if t_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    trap_pred = Counter(p for p, t in zip(pred, trap) if t)
    return {"precision": precision, "recall": recall, "f1": f1, "trap_pairs_merged": pairs(trap_pred),
            "removed": len(pred) - len(set(pred))}


def _jac(a: dict, b: dict) -> float:
    x = set(shingles(a["q"], NGRAM, CHAR_NGRAM)) | set(shingles(a["a"], NGRAM, CHAR_NGRAM))
    y = set(shingles(b["q"], NGRAM, CHAR_NGRAM)) | set(shingles(b["a"], NGRAM, CHAR_NGRAM))
    return len(x & y) / max(1, len(x | y))


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


# ------------------------------------------------------------------ methods (each runs in a child process)
def records_of(items: list[dict], offset: int = 0):
    from medcorpus.schemas import Record, Turn

    rows = []
    for k, it in enumerate(items, offset):
        # verbatim re-posts come from another site (else their content-hash ids would collide)
        source = f"bench-{k}" if it.get("kind") == "exact" else "bench"
        rows.append(Record.new(source, [Turn(role="patient", text=it["q"]), Turn(role="doctor", text=it["a"])],
                               lang=it["lang"]).to_row())
    return rows


def method_medcorpus(data: Path, args) -> dict:
    """Ingest the set (streamed, not timed), then `dedup` in a fresh process of its own, so its
    time and peak memory are the stage's alone; then the increment and a second run."""
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.workspace import Workspace

    set_quiet(True)
    wsdir = Path(args.tmp) / f"ws-{time.time_ns()}"
    n_total = sum(1 for _ in open(data, encoding="utf-8"))
    base_n = n_total - args.increment
    ids, late, chunk = [], [], []
    t = time.perf_counter()
    with Workspace(wsdir) as ws, open(data, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            chunk.append(json.loads(line))
            if len(chunk) == 50_000 or k == n_total - 1:
                rows = records_of(chunk, offset=k + 1 - len(chunk))
                ids += [r["id"] for r in rows]
                keep = max(0, min(len(rows), base_n - (k + 1 - len(rows))))
                ws.add_records(rows[:keep], origin="bench")
                late += rows[keep:]
                chunk = []
    ingest_s = time.perf_counter() - t
    result = dedup_run(wsdir, args)
    result.update(ingest_seconds=ingest_s, n=base_n)
    if args.increment:
        with Workspace(wsdir) as ws:
            ws.add_records(late, origin="bench")
        inc = dedup_run(wsdir, args)
        result.update(inc_seconds=inc["seconds"], inc_n=inc["n_in"], inc_extra=inc["extra"],
                      inc_peak_mb=inc["peak_mb"])
    with Workspace(wsdir) as ws:
        cluster = dict(ws.exec("SELECT id, cluster FROM dedup_clusters"))
    result["pred"] = [cluster.get(i, i) for i in ids]
    return result


def dedup_run(wsdir: Path, args) -> dict:
    out = Path(args.tmp) / f"run-{time.time_ns()}.json"
    cmd = [sys.executable, __file__, "--child", "dedup-run", "--data", str(wsdir), "--out", str(out),
           "--tmp", args.tmp, "--workers", str(args.workers), "--threshold", str(args.threshold),
           "--latin-char", str(args.latin_char)]
    if args.memory_limit:
        cmd += ["--memory-limit", args.memory_limit]
    subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.read_text())


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the signature workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child_dedup_run(args) -> None:
    from medcorpus.pipeline.progress import set_quiet
    from medcorpus.pipeline.runner import run_stage
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.stages.dedup import Dedup, DedupConfig

    import threading

    import psutil

    set_quiet(True)
    # workers' peak RSS, polled: RUSAGE_CHILDREN would count the parent's pages in the instant
    # between fork and exec of each spawned worker
    worker_peak, done = [0.0], threading.Event()

    def poll() -> None:
        me = psutil.Process()
        while not done.wait(0.2):
            for c in me.children(recursive=True):
                try:
                    worker_peak[0] = max(worker_peak[0], c.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
    threading.Thread(target=poll, daemon=True).start()
    cfg = DedupConfig(threshold=args.threshold, num_perm=NUM_PERM, ngram=NGRAM, char_ngram=CHAR_NGRAM,
                      latin_char_ngram=args.latin_char)
    with Workspace(args.data) as ws:
        if args.memory_limit:
            ws.exec(f"SET memory_limit = '{args.memory_limit}'")
        t, c = time.perf_counter(), cpu_seconds()
        summary = run_stage(ws, Dedup(cfg), workers=args.workers, batch_size=2000)
        seconds, cpu = time.perf_counter() - t, cpu_seconds() - c
    done.set()
    own, _ = peak_mb()
    Path(args.out).write_text(json.dumps({"seconds": seconds, "cpu": cpu, "n_in": summary.n_in, "extra": summary.extra,
                                          "peak_mb": own, "peak_child_mb": worker_peak[0]}, default=str))


def method_datasketch(items: list[dict], args) -> dict:
    from datasketch import MinHash, MinHashLSH

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    parent = list(range(len(items)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for k, it in enumerate(items):
        m = MinHash(num_perm=NUM_PERM)
        for s in shingles(it["q"] + "\n" + it["a"], NGRAM, CHAR_NGRAM):
            m.update(s.encode())
        for other in lsh.query(m):
            parent[find(k)] = find(other)
        lsh.insert(k, m)
    pred = [find(k) for k in range(len(items))]
    return {"seconds": time.perf_counter() - t, "pred": pred, "n": len(items),
            "extra": {"bands": lsh.b, "rows": lsh.r}}


def method_datatrove(items: list[dict], args) -> dict:
    import logging

    from datatrove.data import Document
    from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                                  MinhashDedupFilter, MinhashDedupSignature)
    from datatrove.utils.hashing import HashConfig
    from datatrove.utils.typeshelper import Languages
    from loguru import logger

    logger.remove()
    logging.disable(logging.INFO)
    os.environ["TQDM_DISABLE"] = "1"
    tmp = Path(args.tmp) / f"dt{args.dt_ngram}"
    # sha1: datatrove's xxhash path passes str to xxhash, which the installed xxhash refuses
    cfg = MinhashConfig(n_grams=args.dt_ngram, num_buckets=14, hashes_per_bucket=8,
                        hash_config=HashConfig(precision=64, hash_fc="sha1"))
    sig = MinhashDedupSignature(output_folder=str(tmp / "sigs"), config=cfg, language=Languages.english)
    sig.get_shingles("warm up the spaCy tokenizer")  # its first call loads spaCy (~18 s): not timed
    docs = [Document(text=it["q"] + "\n" + it["a"], id=str(k)) for k, it in enumerate(items)]

    def drain(r):
        if r is not None:
            for _ in r:
                pass
    t = time.perf_counter()
    drain(sig.run(iter(docs), rank=0, world_size=1))
    buckets = MinhashDedupBuckets(input_folder=str(tmp / "sigs"), output_folder=str(tmp / "buckets"), config=cfg)
    for b in range(cfg.num_buckets):
        drain(buckets.run(None, rank=b, world_size=cfg.num_buckets))
    drain(MinhashDedupCluster(input_folder=str(tmp / "buckets"), output_folder=str(tmp / "remove"), config=cfg,
                              save_cluster_id=True).run(None, 0, 1))
    list(MinhashDedupFilter(input_folder=str(tmp / "remove"), load_cluster_ids=True).run(iter(docs), 0, 1))
    seconds = time.perf_counter() - t
    pred = [d.metadata["minhash_cluster_id"] if d.metadata["minhash_cluster_id"] != -1 else f"s{k}"
            for k, d in enumerate(docs)]
    return {"seconds": seconds, "pred": pred, "n": len(items),
            "extra": {"bands": 14, "rows": 8, "ngram": args.dt_ngram}}


def method_oracle(items: list[dict], args) -> dict:
    """The ceiling of any Jaccard threshold: exact shingle-set Jaccard >= t (candidates from a
    datasketch LSH at t - 0.25, so pairs far below t are never compared), connected components."""
    from datasketch import MinHash, MinHashLSH

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=max(0.3, args.threshold - 0.25), num_perm=NUM_PERM)
    sets, parent = [], list(range(len(items)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for k, it in enumerate(items):
        s = set(shingles(it["q"], NGRAM, CHAR_NGRAM)) | set(shingles(it["a"], NGRAM, CHAR_NGRAM))
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode() for x in s])
        for other in lsh.query(m):
            o = sets[other]
            if len(s & o) / max(1, len(s | o)) >= args.threshold:
                parent[find(k)] = find(other)
        lsh.insert(k, m)
        sets.append(s)
    return {"seconds": time.perf_counter() - t, "pred": [find(k) for k in range(len(items))], "n": len(items),
            "extra": {}}


METHODS = {"medcorpus": method_medcorpus, "datasketch": method_datasketch, "datatrove": method_datatrove,
           "oracle": method_oracle}


def child(args) -> None:
    if args.method == "dedup-run":
        return child_dedup_run(args)
    if args.method == "medcorpus":
        result = method_medcorpus(Path(args.data), args)  # peak memory: its dedup process's
    else:
        items = [json.loads(line) for line in open(args.data, encoding="utf-8")]
        result = METHODS[args.method](items, args)
        result["peak_mb"], result["peak_child_mb"] = peak_mb()
    Path(args.out).write_text(json.dumps(result, default=str))


def run_child(method: str, data: Path, tmp: str, **kw) -> dict:
    out = Path(tmp) / f"{method}-{time.time_ns()}.json"
    cmd = [sys.executable, __file__, "--child", method, "--data", str(data), "--out", str(out), "--tmp", tmp]
    for k, v in kw.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(ROOT), "TQDM_DISABLE": "1"})
    return json.loads(out.read_text())


def write_items(items: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="200000", help="comma-separated scale sizes (0: none)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-datatrove", action="store_true")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--memory-limit", default="", help="DuckDB memory_limit for the medcorpus runs (default: the workspace's, MEDCORPUS_DB_MEMORY or 1GB)")
    ap.add_argument("--child")
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--tmp")
    ap.add_argument("--increment", type=int, default=0)
    ap.add_argument("--dt-ngram", type=int, default=3)
    ap.add_argument("--threshold", type=float, default=0.75, help="medcorpus threshold for the scale run (the stage default)")
    ap.add_argument("--latin-char", type=int, default=5,
                    help="medcorpus: character n-grams of non-CJK text for the scale run (the stage default; 0: word n-grams)")
    args = ap.parse_args()
    if args.child:
        args.method = args.child
        return child(args)

    tmp = tempfile.mkdtemp(prefix="bench-dedup-", dir="/tmp")
    print(f"threshold {THRESHOLD}, num_perm {NUM_PERM}, word {NGRAM}-grams, char {CHAR_NGRAM}-grams; "
          f"medcorpus workers {args.workers}; machine: {os.cpu_count()} cores")
    if not args.skip_quality:
        items = build_quality_set()
        data = write_items(items, Path(tmp) / "quality.jsonl")
        truth, trap = [it["truth"] for it in items], [it["trap"] for it in items]
        originals = {it["truth"]: it for it in items if it.get("kind") == "original"}
        langs = Counter(it["lang"] for it in items)
        print(f"\nquality set: {len(items):,} records ({langs['en']:,} en, {langs['zh']:,} zh), "
              f"{len(set(truth)):,} true clusters, {sum(trap):,} trap records")
        copies = [(it, o) for it in items for o in [originals.get(it["truth"])]
                  if o is not None and it.get("kind") not in ("original", "trap")]
        js = np.array([_jac(it, o) for it, o in copies])
        print(f"copies vs their original, exact shingle Jaccard: <0.7 {np.mean(js < 0.7):.1%}, "
              f"0.7-0.8 {np.mean((js >= 0.7) & (js < 0.8)):.1%}, >=0.8 {np.mean(js >= 0.8):.1%}")
        mem = args.memory_limit
        runs = [("medcorpus", {"workers": args.workers, "memory_limit": mem, "threshold": 0.75, "latin_char": 5}),
                ("medcorpus", {"workers": 1, "memory_limit": mem, "threshold": 0.75, "latin_char": 5}),
                ("medcorpus", {"workers": args.workers, "memory_limit": mem, "threshold": 0.8, "latin_char": 0}),
                ("medcorpus", {"workers": args.workers, "memory_limit": mem, "threshold": 0.7, "latin_char": 0}),
                ("datasketch", {})]
        runs += [("oracle", {"threshold": 0.8}), ("oracle", {"threshold": 0.7})]
        if not args.skip_datatrove:
            runs += [("datatrove", {"dt_ngram": 3}), ("datatrove", {"dt_ngram": 5})]
        print("F1 tune / F1 held: clusters with an even / odd truth id (the char-shingle defaults, threshold 0.75 and "
              "SIDE_MIN_CHAR 0.65, were chosen on the even ones)")
        header = (f"{'method':<48}{'P':>7}{'R':>7}{'F1':>7}{'F1 tune':>8}{'F1 held':>8}{'F1 en':>7}{'F1 zh':>7}{'F1 -trap':>9}{'trap':>6}{'removed':>9}"
                  f"{'docs/s':>9}{'peak MiB':>16}")
        print(header)
        print("-" * len(header))
        first = None
        for method, kw in runs:
            res = run_child(method, data, tmp, **kw)
            first = first or res
            sc = pair_scores(truth, res["pred"], trap)
            label = method
            if method == "medcorpus":
                label += (f" ({'char ' + str(kw['latin_char']) if kw.get('latin_char') else 'word 3'}-grams, "
                          f"{kw['workers']} proc, t={kw.get('threshold', THRESHOLD)}, "
                          f"{res['extra']['bands']}x{res['extra']['rows']})")
            elif method == "datasketch":
                label += f" loop ({res['extra']['bands']}x{res['extra']['rows']})"
            elif method == "oracle":
                label = f"exact Jaccard >= {kw['threshold']} (ceiling)"
            else:
                label += f" (14x8, {kw['dt_ngram']}-gram)"
            peak = f"{res['peak_mb']:.0f}" + (f" +{res['peak_child_mb']:.0f}w" if method == "medcorpus" and kw["workers"] > 1 else "")
            f1_lang = {}
            for lang in ("en", "zh"):
                idx = [k for k, it in enumerate(items) if it["lang"] == lang]
                f1_lang[lang] = pair_scores([truth[k] for k in idx], [res["pred"][k] for k in idx],
                                            [trap[k] for k in idx])["f1"]
            f1_half = {}
            for half in (0, 1):
                idx = [k for k, it in enumerate(items) if it["truth"] % 2 == half]
                f1_half[half] = pair_scores([truth[k] for k in idx], [res["pred"][k] for k in idx],
                                            [trap[k] for k in idx])["f1"]
            idx = [k for k, it in enumerate(items) if not it["trap"]]
            f1_notrap = pair_scores([truth[k] for k in idx], [res["pred"][k] for k in idx], [False] * len(idx))["f1"]
            print(f"{label:<48}{sc['precision']:>7.3f}{sc['recall']:>7.3f}{sc['f1']:>7.3f}{f1_half[0]:>8.3f}{f1_half[1]:>8.3f}"
                  f"{f1_lang['en']:>7.3f}{f1_lang['zh']:>7.3f}{f1_notrap:>9.3f}"
                  f"{sc['trap_pairs_merged']:>6}{sc['removed']:>9,}{len(items) / res['seconds']:>9,.0f}{peak:>16}")
            if method == "medcorpus":
                print(f"{'':<4}phases: {res['extra'].get('seconds')}")
        # per-language and per-perturbation recall of medcorpus
        res = first
        by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        orig_pred = {it["truth"]: p for it, p in zip(items, res["pred"]) if it.get("kind") == "original"}
        for it, p in zip(items, res["pred"]):
            if it.get("kind") not in ("original", "trap"):
                for k in it["kind"].split("+"):
                    key = f"{it['lang']}:{k}"
                    by_kind[key][0] += orig_pred.get(it["truth"]) == p
                    by_kind[key][1] += 1
        print("medcorpus recall of copy -> original by perturbation: " + ", ".join(
            f"{k} {a / b:.2f} ({b})" for k, (a, b) in sorted(by_kind.items())))

    for n in [int(x) for x in args.scale.split(",") if x.strip() and int(x)]:
        t = time.perf_counter()
        inc = max(1, n // 100)
        items = build_scale_set(n + inc)
        data = write_items(items, Path(tmp) / f"scale{n}.jsonl")
        build_s = time.perf_counter() - t
        res = run_child("medcorpus", data, tmp, workers=args.workers, increment=inc, memory_limit=args.memory_limit,
                        threshold=args.threshold, latin_char=args.latin_char)
        sc = pair_scores([it["truth"] for it in items], res["pred"], [False] * len(items))
        ex = res["extra"]
        print(f"\nscale {n:,}, {'character ' + str(args.latin_char) if args.latin_char else 'word 3'}-grams, "
              f"t={args.threshold} (+{inc:,} incremental; set built in {build_s:.0f} s; ingest {res['ingest_seconds']:.0f} s "
              f"not counted): dedup {res['seconds']:.1f} s = {n / res['seconds']:,.0f} docs/s "
              f"({res.get('cpu', 0):.1f} CPU-s = {n / max(res.get('cpu', 0), 1e-9):,.0f} docs per CPU-second), "
              f"peak RSS {res['peak_mb']:.0f} MiB (+ each of {args.workers} workers at most {res['peak_child_mb']:.0f} MiB), "
              f"DuckDB memory_limit {args.memory_limit or os.environ.get('MEDCORPUS_DB_MEMORY', '1GB')}; "
              f"the +1% run peaked at {res['inc_peak_mb']:.0f} MiB")
        print(f"    phases {ex.get('seconds')}; removed {ex.get('exact_removed', 0) + ex.get('near_removed', 0):,} "
              f"(exact {ex.get('exact_removed')}, near {ex.get('near_removed')}); pair P {sc['precision']:.3f} "
              f"R {sc['recall']:.3f} F1 {sc['f1']:.3f} (after the increment)")
        print(f"    incremental +{res['inc_n']:,}: {res['inc_seconds']:.2f} s = "
              f"{100 * res['inc_seconds'] / res['seconds']:.1f}% of the full run; phases {res['inc_extra'].get('seconds')}, "
              f"removed {res['inc_extra'].get('exact_removed', 0) + res['inc_extra'].get('near_removed', 0)}")
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
