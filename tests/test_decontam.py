"""Benchmark decontamination: readers, the n-gram/MinHash engine on planted leaks, the stage and command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcorpus.decontam.benchmarks import BenchmarkError, read_benchmark
from medcorpus.decontam.match import BenchmarkIndex, MatchParams
from medcorpus.decontam.ngrams import ngram_hashes, tokenize
from medcorpus.pipeline.runner import run_stage
from medcorpus.schemas import Record, Turn
from medcorpus.stages.decontaminate import Decontaminate, DecontamConfig
from tests.conftest import SAMPLE_DIR, write_jsonl

BENCH_DIR = SAMPLE_DIR.parent / "benchmarks"
MEDQA = BENCH_DIR / "medqa_style_sample.jsonl"
CMEXAM = BENCH_DIR / "cmexam_style_sample.jsonl"


def _items():
    return read_benchmark(MEDQA).items + read_benchmark(CMEXAM).items


def _clean_records() -> list[tuple[str, str]]:
    """The bundled GenMedGPT and Huatuo samples minus the two records the benchmark samples quote."""
    rows = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())
    docs = [(r["input"], r["output"]) for r in rows if "sudden and frequent panic attacks" not in r["input"]]
    for line in (SAMPLE_DIR / "huatuo_med_dialog_sample.jsonl").read_text().splitlines():
        r = json.loads(line)
        if "最早只有一个手指甲" not in r["medical_case"]:
            docs.append((r["medical_case"], r["doctor_diagnosis"]))
    return docs


def test_tokens_fold_case_digits_punctuation_and_option_labels():
    a, b = tokenize(["Serum TSH level: 4.5 (A) high"]), tokenize(["serum tsh level 0 0 high"])
    assert a.hash.tolist() == b.hash.tolist()
    zh = tokenize(["患者，男，45岁。"])
    assert zh.cjk.tolist() == [True, True, True, False, True]  # 患 者 男 | 00 | 岁
    h, pos = ngram_hashes(tokenize(["one two three", "four five"]), 3)
    assert len(h) == 1 and pos.tolist() == [0]  # n-grams never span two texts


def test_planted_leaks_are_found_and_clean_records_are_not():
    items = _items()
    index = BenchmarkIndex.build(items, MatchParams())
    by_id = {it.item_id: it for it in items}
    q1, q5, z1, z4 = (by_id[k] for k in ("mc-en-001", "mc-en-005", "mc-zh-001", "mc-zh-004"))
    edited = (q5.question.replace("35-year-old", "36-year-old").replace("overnight", "during the night")
              .replace("beer", "wine"))
    planted = {
        "verbatim": (q1.text, "Idiopathic pulmonary fibrosis."),
        "edited": (edited, "An NSAID such as naproxen."),
        "embedded": ("What should I study?", "Here is a practice question for you. " + by_id["mc-en-007"].question
                     + " Think about the rash. The answer is meningococcus, treat quickly with antibiotics."),
        "chinese": ("医生您好，" + z1.question.replace("，", " ").replace("。", "") + "？谢谢", "考虑胃溃疡合并出血"),
        "chinese_embedded": ("请问", "例题：" + z4.question + "答案是急性前壁心肌梗死。"),
    }
    expect = {"verbatim": "mc-en-001", "edited": "mc-en-005", "embedded": "mc-en-007", "chinese": "mc-zh-001",
              "chinese_embedded": "mc-zh-004"}
    clean = _clean_records()
    # records that share the benchmark's medical vocabulary without copying an item
    clean += [("I am 58 and smoke. I get short of breath with a dry cough and my fingers look clubbed. Is it "
               "pulmonary fibrosis?", "It could be idiopathic pulmonary fibrosis; we need a CT scan."),
              ("我上腹部疼痛好几年了，饭后疼，最近大便发黑，是胃溃疡吗？", "可能是胃溃疡合并出血，建议尽快做胃镜。")]
    results = index.check(list(planted.values()) + clean)
    for (kind, _), found in zip(planted.items(), results):
        assert found, f"planted {kind} leak not found"
        assert items[found[0].item].item_id == expect[kind], kind
    assert results[0][0].method == "ngram" and "pulmonary fibrosis" in results[0][0].span
    assert "petechial rash" in results[2][0].span and results[2][0].side == 1
    false_hits = [(doc[0][:60], [items[m.item].item_id for m in found])
                  for doc, found in zip(clean, results[len(planted):]) if found]
    assert false_hits == []


def test_short_question_matches_only_whole_or_with_its_options():
    items = read_benchmark(MEDQA).items
    index = BenchmarkIndex.build(items, MatchParams(minhash=False))
    found = index.check([("Q: Drug of choice for absence seizures in children? a) Ethosuximide b) Phenytoin", ""),
                         ("Is valproate the drug of choice for my seizures?", "")])
    assert [items[m.item].item_id for m in found[0]] == ["mc-en-011"]
    assert found[1] == []


def test_readers_for_each_shape(tmp_path: Path):
    medmcqa = write_jsonl(tmp_path / "medmcqa.jsonl", [
        {"id": "x1", "question": "Which nerve supplies the deltoid muscle?", "opa": "Axillary", "opb": "Radial",
         "opc": "Ulnar", "opd": "Median", "cop": 0}])
    b = read_benchmark(medmcqa)
    assert b.shape == "medmcqa" and b.items[0].item_id == "x1" and b.items[0].options[0] == "A. Axillary"
    pubmed = tmp_path / "ori_pqal.json"
    pubmed.write_text(json.dumps({"2185": {"QUESTION": "Does aspirin reduce the risk of colorectal adenoma?",
                                           "CONTEXTS": ["..."], "final_decision": "yes"}}))
    b = read_benchmark(pubmed)
    assert b.shape == "pubmedqa" and b.items[0].item_id == "2185"
    cmb = write_jsonl(tmp_path / "cmb.jsonl", [{"question": "下列哪项是糖尿病的典型症状", "option": {"A": "多饮", "B": "咳嗽"},
                                                "answer": "A"}])
    assert read_benchmark(cmb).items[0].options == ["A. 多饮", "B. 咳嗽"]
    table = tmp_path / "exam.csv"
    table.write_text("qid,stem,choices\n7,What is the first line drug for hypertension in diabetes?,ACE inhibitor\n")
    b = read_benchmark(table, {"question": "stem", "options": "choices", "id": "qid"})
    assert b.items[0].item_id == "7" and b.items[0].options == ["ACE inhibitor"]
    alpaca = write_jsonl(tmp_path / "alpaca.jsonl", [{"instruction": "", "input": "My chest hurts.", "output": "See a doctor."}])
    assert read_benchmark(alpaca).items[0].question == "My chest hurts."
    odd = write_jsonl(tmp_path / "odd.jsonl", [{"foo": 1}])
    with pytest.raises(BenchmarkError, match=r"odd.jsonl:1: cannot tell the benchmark shape"):
        read_benchmark(odd)
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"question": "A fine question about the kidney and its function?"},
                                               "{not json", {"question": ""}])
    b = read_benchmark(bad)
    assert len(b.items) == 1 and len(b.skipped) == 2 and "bad.jsonl:2" in b.skipped[0]


def _record(patient: str, doctor: str) -> Record:
    return Record.new("test", [Turn(role="patient", text=patient), Turn(role="doctor", text=doctor)])


def test_stage_is_incremental_and_rejects_name_benchmark_item_and_span(ws, tmp_path: Path):
    from medcorpus.pipeline.queries import decontam_counts

    q = read_benchmark(MEDQA).items[3]
    leak = _record("Quick question: " + q.question, "Give vitamin K.")
    rows = [leak, _record("I have a headache since yesterday.", "Rest and drink water.")]
    ws.add_records([r.to_row() for r in rows], origin="test")
    s1 = run_stage(ws, Decontaminate(DecontamConfig(against=[str(MEDQA)])))
    assert (s1.n_in, s1.n_rejected) == (2, 1)
    reject = ws.fetch_rows("SELECT * FROM rejects WHERE stage = 'decontaminate'")[0]
    detail = json.loads(reject["detail"])
    assert reject["record_id"] == leak.id and detail["benchmark"] == "medqa_style_sample"
    assert detail["item_id"] == "mc-en-004" and "INR of 7.5" in detail["span"]

    # a new record: only it is checked
    ws.add_records([_record("My knee is swollen and painful after running a marathon.", "Ice and rest.").to_row()], origin="test")
    s2 = run_stage(ws, Decontaminate(DecontamConfig(against=[str(MEDQA)])))
    assert (s2.n_in, s2.n_skipped) == (1, 2)
    # a new benchmark file: every record is checked again, against both
    extra = write_jsonl(tmp_path / "extra.jsonl", [{"id": "k1", "question": "my knee is swollen and painful after running a marathon"}])
    s3 = run_stage(ws, Decontaminate(DecontamConfig(against=[str(MEDQA), str(extra)])))
    assert (s3.n_in, s3.n_rejected) == (3, 2)
    counts = decontam_counts(ws)["benchmarks"]
    assert counts["medqa_style_sample"] == {"items": 12, "items_seen": 1, "records_removed": 1, "records_flagged": 0}
    assert counts["extra"]["records_removed"] == 1 and counts["extra"]["items"] == 1
    assert len(ws.records()) == 1


def test_flag_action_keeps_the_record_with_its_matches(ws):
    q = read_benchmark(CMEXAM).items[1]
    ws.add_records([_record(q.question, "手足口病").to_row()], origin="test")
    run_stage(ws, Decontaminate(DecontamConfig(against=[str(CMEXAM)], action="flag")))
    (rec,) = ws.records()
    assert rec.meta["decontam"]["matches"][0]["item_id"] == "mc-zh-002"
    from medcorpus.pipeline.queries import decontam_counts

    assert decontam_counts(ws)["benchmarks"]["cmexam_style_sample"]["records_flagged"] == 1


def test_command(cli, tmp_path: Path):
    data = write_jsonl(tmp_path / "d.jsonl", [{"instruction": "", "input": read_benchmark(MEDQA).items[0].question,
                                               "output": "fibrosis"},
                                              {"instruction": "", "input": "I sneeze a lot in spring.", "output": "Allergy."}])
    cli("ingest", data)
    out = cli("decontaminate", "--against", MEDQA, "--json")
    summary = json.loads(out.stdout)
    assert summary["n_rejected"] == 1 and summary["extra"]["benchmarks"]["medqa_style_sample"]["items"] == 12
    missing = cli("decontaminate", "--against", tmp_path / "nope.jsonl", ok=False)
    assert missing.exit_code == 1 and "nope.jsonl does not exist" in missing.output
    status = json.loads(cli("status", "--json").stdout)
    assert status["extra"]["decontaminate"]["benchmarks"]["medqa_style_sample"]["records_removed"] == 1


def test_heldout_records_are_a_target_for_train_both_ways(ws):
    """A record that shares a question with a held-out record leaves train: when it comes after the
    held-out one, and when the held-out one comes after it (records kept earlier are re-checked)."""
    from medcorpus.export.split import held_out

    def split_of(rec: Record) -> bool:
        return bool(held_out([rec.id], 0.5)[0])

    question = ("I have had a burning pain in my upper belly after meals for three months, it wakes me at night, "
                "and since Monday my stools are black and I feel weak")
    form = ("Illness, help you hope for, how long you have been ill, hospitals visited, allergies and "
            "past history:")  # a site's form: every record of the source starts with it
    held = next(r for r in (_record(f"{form} {question} ({k})", "Possibly an ulcer.") for k in range(50))
                if split_of(r))
    early = next(r for r in (_record(f"Question {k}: {question}.", "See a doctor.") for k in range(50))
                 if not split_of(r))
    later = next(r for r in (_record(f"Again {k}: {question}!", "Ulcer?") for k in range(50)) if not split_of(r))
    complaints = ["my knee hurts after running", "I sneeze every spring morning", "my child has a rash on her arms",
                  "I cannot sleep since my new job started", "my ankle is swollen after a fall", "I feel dizzy when I stand up"]
    clean = [next(r for r in (_record(f"{form} {c}{'!' * k}", "Rest.") for k in range(50)) if not split_of(r))
             for c in complaints]  # train records that share only the form with the held-out one
    config = DecontamConfig(heldout="50%")
    ws.add_records([r.to_row() for r in [early, *clean]], origin="test")
    assert run_stage(ws, Decontaminate(config)).n_rejected == 0
    ws.add_records([held.to_row(), later.to_row()], origin="test")
    s = run_stage(ws, Decontaminate(config))
    assert s.extra["reopened"] == 1 and s.extra["benchmarks"]["heldout"]["records"] == 2
    removed = {r["record_id"]: json.loads(r["detail"]) for r in ws.fetch_rows("SELECT * FROM rejects")}
    assert set(removed) == {early.id, later.id}, s
    assert removed[early.id]["benchmark"] == "heldout" and removed[early.id]["item_id"] == held.id
    assert {r.id for r in ws.records()} == {held.id, *(c.id for c in clean)}
    assert run_stage(ws, Decontaminate(config)).n_in == 0  # nothing new: nothing re-checked
