"""Train the Chinese name classifier (medcorpus/scrub/zh_name_classifier.py) on the Chinese docs of
TUNING splits only (never untouched, blind3, blind11, blind12).

    python bench/train_zh_name_classifier.py [--splits tune,fresh,...] [--measure-on blind16,blind17]
                                             [--C 0.3] [--tune-seeds 2] [--out PATH]

Labels: a candidate (surname + 1-2 characters) is a name when it equals a gold PERSON span. A
candidate that overlaps a gold identifier without equalling it is a negative (the model learns the
boundary: 王建 of 王建国, 王建国 of 王建 + 说), except where the gold name starts with the candidate
and is longer than any candidate there (a four-character name): those are left out.
Needs scikit-learn; the scrubber itself only needs numpy.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_scrub_classifier import fit  # noqa: E402  (the same logistic regression)

HELD_OUT = ("untouched", "blind3", "blind11", "blind12")
TUNING = ("tune,fresh,blind,blind2,blind4,blind5,blind6,blind7,blind8,blind9,blind10,blind13,blind14,blind15,"
          "blind16,blind17")


def zh_docs(name: str, seed=None) -> list[dict]:
    from train_scrub_classifier import _devset

    if name in HELD_OUT:
        raise SystemExit(f"{name}: held-out splits are never trained or tuned on")
    return [d for d in _devset().build_split(name, 40, 200, seed=seed) if d["lang"] == "zh"]


def labelled(docs: list[dict], terms, augment: bool = False) -> tuple[list[tuple[str, ...]], list[int], list[tuple]]:
    """Features, labels and (doc index, start, end) of every candidate of `docs`."""
    from medcorpus.scrub.zh_name_classifier import features

    X, y, where = [], [], []
    for k, doc in enumerate(docs):
        gold = [(s, e, ent) for s, e, ent in doc["pii"]]
        for s, e, f in features(doc["text"], terms):
            hit = [(gs, ge, ent) for gs, ge, ent in gold if gs < e and s < ge]
            if any(gs == s and ge > e and ge - gs > 4 and ent == "PERSON" for gs, ge, ent in hit):
                continue
            X.append(f)
            y.append(int(any(gs == s and ge == e and ent == "PERSON" for gs, ge, ent in hit)))
            where.append((k, s, e))
            if augment and not hit and any(ms < e and s < me for ms, me, _ in doc["medical"]):
                X.append(tuple(x for x in f if not x.startswith("medical")))  # as if the allow-list did not know
                y.append(0)  # the term (华法林): its shape and context must say "no name" on their own
                where.append((k, s, e))
    return X, y, where


def span_scores(vec, model, docs, X, where, threshold: float) -> str:
    """Name-level recall and precision of the chosen spans (the recognizer's own choice rule)."""
    from medcorpus.scrub.zh_name_classifier import choose

    probs = model.predict_proba(vec.transform([{k: 1 for k in f} for f in X]))[:, 1].tolist()
    by_doc: dict[int, tuple[list, list]] = {}
    for (k, s, e), p in zip(where, probs):
        by_doc.setdefault(k, ([], []))[0].append((s, e))
        by_doc[k][1].append(p)
    gold = hit = n = ok = med = 0
    for k, doc in enumerate(docs):
        spans = choose(*by_doc.get(k, ([], [])), threshold)
        names = [(s, e) for s, e, ent in doc["pii"] if ent == "PERSON"]
        gold += len(names)
        hit += sum(any(s <= gs and ge <= e for s, e, _ in spans) for gs, ge in names)
        n += len(spans)
        ok += sum(any(s < ge and gs < e for gs, ge, _ in doc["pii"]) for s, e, _ in spans)
        med += sum(any(s < me and ms < e for ms, me, _ in doc["medical"]) for s, e, _ in spans)
    return (f"names found alone {hit}/{gold} ({hit / max(1, gold):.3f}), spans right {ok}/{n} ({ok / max(1, n):.3f}), "
            f"on medical terms {med}")


def export(vec, model, out: Path, trained_on: str, floor: float = 1e-3) -> int:
    w = model.coef_[0]
    names = vec.get_feature_names_out()
    keep = [i for i in range(len(w)) if abs(w[i]) >= floor]
    body = {"bias": round(float(model.intercept_[0]), 4), "features": [str(names[i]) for i in keep],
            "weights": [round(float(w[i]), 4) for i in keep], "trained_on": trained_on}
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return len(keep)


def main() -> None:
    from medcorpus.scrub.allowlist import load_terms, resource_path
    from medcorpus.scrub.zh_name_classifier import WEIGHTS_FILE

    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", default=TUNING)
    ap.add_argument("--measure-on", default="", help="tuning splits left out of training, scores printed")
    ap.add_argument("--tune-seeds", type=int, default=2, help="builds of the tune split (new values, same phrasings)")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.6)
    ap.add_argument("--no-augment", action="store_true", help="no copies of medical-term candidates without the allow-list")
    ap.add_argument("--out", default=str(resource_path(WEIGHTS_FILE)))
    a = ap.parse_args()
    terms = load_terms(())
    t0 = time.time()
    measured = [s for s in a.measure_on.split(",") if s]
    train = [s for s in a.splits.split(",") if s and s not in measured]
    docs = []
    for name in train:
        for k in range(a.tune_seeds if name == "tune" else 1):
            docs += zh_docs(name, None if k == 0 else 1000 + k)
    X, y, _ = labelled(docs, terms, augment=not a.no_augment)
    print(f"{len(docs)} zh docs of {','.join(train)}: {len(X)} candidates {dict(Counter(y))} ({time.time() - t0:.0f}s)")
    vec, model = fit(X, y, a.C, max_iter=3000)
    for name in measured:
        mdocs = zh_docs(name)
        Xm, ym, wm = labelled(mdocs, terms)
        print(f"trained without {name}; on {name}: {span_scores(vec, model, mdocs, Xm, wm, a.threshold)}")
    n = export(vec, model, Path(a.out), f"bench/train_zh_name_classifier.py: {', '.join(train)} (C={a.C}); "
               f"never {', '.join(HELD_OUT)}")
    print(f"wrote {a.out}: {n} features ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
