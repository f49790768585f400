#!/usr/bin/env bash
# The demo: every stage that exists, on the bundled sample, in a fresh workspace.
set -euo pipefail
WS=${MEDCORPUS_WORKSPACE:-demo-ws}
OUT=${DEMO_OUT:-demo-out}
SAMPLE=$(python -c "import medcorpus, pathlib; print(pathlib.Path(medcorpus.__file__).parent / 'data' / 'sample')")
rm -rf "$WS"
medcorpus init "$WS"
medcorpus ingest -w "$WS" "$SAMPLE/genmedgpt_sample.json"
medcorpus ingest -w "$WS" "$SAMPLE/huatuo_med_dialog_sample.jsonl" --map patient=medical_case --map doctor=doctor_diagnosis --source huatuo-med-dialog
# stages (each line added as the stage lands)
medcorpus filter -w "$WS"
medcorpus scrub -w "$WS" --allow-list "$SAMPLE/disease_db_sample.csv"
medcorpus grammar -w "$WS" --backend harper   # offline; --languagetool-url URL for a LanguageTool server
medcorpus dedup -w "$WS"
medcorpus kb load-diseases -w "$WS" "$SAMPLE/disease_db_sample.csv"
medcorpus synth self-instruct -w "$WS" --lang en --entity-types disease --limit 2 --dry-run   # cards + prompt; drop --dry-run and pass --base-url to generate
medcorpus export -w "$WS" --out "$OUT"
# train: a tiny random Llama built offline, 30 full fine-tuning steps on the export, one answer (real SmolLM2: see README "Training")
medcorpus train prepare-model --tiny --output "$OUT/tiny-model"
medcorpus train --data "$OUT" --model "$OUT/tiny-model" --output "$OUT/run" --method full --lr 3e-3 --max-steps 30 --max-length 256 --threads 1
medcorpus chat --model "$OUT/run" --prompt "Doctor, I have had a fever and a cough for three days." --max-new-tokens 32
medcorpus status -w "$WS"
echo "demo done: shards in $OUT/data, card in $OUT/README.md"
