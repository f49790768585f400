"""dedup: datasketch-equal signatures, parameters, language-aware shingles, exact and near
duplicates, the templated-answer trap, Chinese, incremental runs, re-opened clusters, keep
policies, reversibility, --show and export."""
import json
import random

import numpy as np
import pytest

from medcorpus.pipeline.runner import run_stage
from medcorpus.pipeline.stage import get_stage
from medcorpus.schemas import Record, Turn
from medcorpus.stages.dedup import (Dedup, DedupConfig, MinHasher, doc_sides, optimal_param, shingles,
                                    show_cluster, sketch_batch, tokens)
from tests.conftest import SAMPLE_DIR, write_jsonl

SAMPLE = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())
TEMPLATE = ("Hi, dear I have gone through your question. I can understand your concern. This needs to be "
            "evaluated properly. I would suggest you to consult a physician for proper examination and get "
            "the required tests done. Treatment depends on the findings. Hope I have answered your question, "
            "let me know if I can assist you further. Take care and wishing you good health.")
ZH_Q = "医生您好，我最近一个月总是失眠多梦，晚上很难入睡，白天头晕乏力，注意力不集中，吃了安神补脑液也没有明显效果，请问这是什么原因？需要做哪些检查？"
ZH_A = "您好，根据您的描述，考虑可能与精神压力大、作息不规律有关，也要排除甲状腺功能异常和焦虑抑郁状态。建议到医院神经内科就诊，完善甲状腺功能、睡眠监测等检查，平时规律作息，睡前避免使用手机，适当运动。"


def rec(q, a, source="t", system=None):
    turns = ([Turn(role="system", text=system)] if system else []) + [Turn(role="patient", text=q), Turn(role="doctor", text=a)]
    return Record.new(source, turns)


def add(ws, *records):
    return ws.add_records([r.to_row() for r in records], origin="test")


def typo(text, rng, n=2):
    words = text.split(" ")
    for i in rng.sample([i for i, w in enumerate(words) if len(w) > 4], n):
        w = words[i]
        words[i] = w[:2] + w[3] + w[2] + w[4:]
    return " ".join(words)


def outcome(ws):
    """{record id: (status, reason)} of the dedup layer's newest rows."""
    rows = ws.exec("SELECT id, status, reason FROM records WHERE stage = 'dedup' "
                   "QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC) = 1")
    return {i: (s, r) for i, s, r in rows}


# ------------------------------------------------------------------ signatures and parameters
def test_signatures_equal_datasketch():
    from datasketch import MinHash

    rng = random.Random(3)
    docs = [shingles(s["input"] + "\n" + s["output"]) for s in SAMPLE[:40]]
    docs += [shingles(ZH_Q + ZH_A), [], ["one"], [rng.choice("abcdefg") * rng.randint(1, 9) for _ in range(3000)]]
    for num_perm, seed in ((128, 1), (64, 7), (256, 42)):
        sig = MinHasher(num_perm, seed).signatures(docs)
        assert sig.dtype == np.uint32 and sig.shape == (len(docs), num_perm)
        for d, row in zip(docs, sig):
            m = MinHash(num_perm=num_perm, seed=seed)
            m.update_batch([s.encode() for s in d])
            assert np.array_equal(m.hashvalues, row)


def test_document_signature_is_minhash_of_both_sides():
    from datasketch import MinHash

    s = SAMPLE[5]
    _, _, _, vsig, side, _ = sketch_batch([(s["input"], s["output"])], 3, 3, 128, 1, 16, 8)
    m = MinHash(num_perm=128)
    m.update_batch([x.encode() for x in shingles(s["input"]) + shingles(s["output"])])
    assert np.array_equal(vsig[0], m.hashvalues.astype(np.uint8))
    assert side.shape == (1, 2, 128)


def test_parameters_from_threshold():
    from datasketch.lsh import _optimal_param

    for t in (0.5, 0.7, 0.8, 0.9):
        for num_perm in (64, 128):
            assert optimal_param(t, num_perm) == _optimal_param(t, num_perm, 0.5, 0.5)
    # the stage weights false negatives (its candidates are verified): high recall at the threshold
    for t in (0.6, 0.8, 0.9):
        b, r = DedupConfig(threshold=t).lsh_params()
        assert b * r <= 128 and 1 - (1 - t ** r) ** b > 0.9
    assert DedupConfig(threshold=0.8).lsh_params() != DedupConfig(threshold=0.6).lsh_params()
    assert DedupConfig(bands=20, rows=5).lsh_params() == (20, 5)
    with pytest.raises(ValueError):
        DedupConfig(bands=20, rows=10)


def test_language_aware_shingles():
    assert tokens("Hi, Dr. SMITH!! I'm 35 -- took 10mg “Tylenol”.") == \
        ["hi", "dr", "smith", "i", "m", "00", "took", "00mg", "tylenol"]
    zh = shingles("我头疼三天了，吃药没用。", ngram=3, char_ngram=3)
    assert zh[:3] == ["我 头 疼", "头 疼 三", "疼 三 天"]  # characters, not one token per run
    assert len(zh) == 8
    mixed = tokens("我吃了Tylenol 500mg，还是头疼")
    assert mixed == ["我", "吃", "了", "tylenol", "000mg", "还", "是", "头", "疼"]
    assert shingles("short text", ngram=3) == ["short text"]
    assert shingles("", ngram=3) == [] and shingles("!!! ...", ngram=3) == []
    assert doc_sides([{"role": "system", "text": "x"}, {"role": "patient", "text": "q"},
                      {"role": "doctor", "text": "a"}], "all") == ("q", "a")


# ------------------------------------------------------------------ the stage
def test_exact_and_near_duplicates_removed_and_traceable(ws):
    rng = random.Random(1)
    s0, s1, s2 = SAMPLE[0], SAMPLE[1], SAMPLE[2]
    original = rec(s0["input"], s0["output"])
    exact = rec(s0["input"].lower(), s0["output"].upper(), source="mirror")  # same after normalisation
    near = rec(s0["input"], typo(s0["output"], rng).replace(" Finally,", ""), source="forum")
    others = [rec(s1["input"], s1["output"]), rec(s2["input"], s2["output"])]
    add(ws, original, exact, near, *others)
    summary = run_stage(ws, Dedup())
    assert (summary.n_in, summary.n_out, summary.n_rejected) == (5, 3, 2)
    assert summary.extra["bands"] * summary.extra["rows"] <= 128
    assert summary.extra["exact_removed"] == 1 and summary.extra["near_removed"] == 1
    out = outcome(ws)
    kept = {r.id for r in ws.records()}
    assert kept == {original.id, others[0].id, others[1].id}
    assert out[exact.id] == ("removed", f"exact duplicate of {original.id}")
    assert out[near.id][1].startswith(f"near duplicate of {original.id} (jaccard≈0.")
    detail = json.loads(ws.one("SELECT detail FROM rejects WHERE record_id = ?", [near.id])[0])
    assert detail["kind"] == "near" and detail["cluster"] == original.id and 0.75 < detail["jaccard"] < 1.0
    meta = {r.id: r.meta for r in ws.records()}
    assert meta[original.id]["dedup"] == {"cluster": original.id}
    cluster = show_cluster(ws, near.id)  # a member's id finds its cluster
    assert cluster["cluster"] == original.id
    assert [(m["id"], m["status"]) for m in cluster["members"]][0] == (original.id, "kept")
    assert {m["status"] for m in cluster["members"]} == {"kept", "exact", "near"}
    assert run_stage(ws, Dedup()).n_in == 0  # nothing new


def test_templated_answer_trap_not_merged(ws):
    a = rec(SAMPLE[3]["input"], TEMPLATE)
    b = rec(SAMPLE[4]["input"], TEMPLATE)
    c = rec("Doctor, I have had a rash on my arms for two weeks.", TEMPLATE)
    add(ws, a, b, c)
    assert run_stage(ws, Dedup()).n_rejected == 0
    # the answers alone are duplicates: --on doctor merges them
    s = run_stage(ws, Dedup(DedupConfig(on="doctor")))
    assert s.n_rejected == 2 and s.extra["exact_removed"] == 2


def test_question_level_dedup_with_on_patient(ws):
    s = SAMPLE[6]
    add(ws, rec(s["input"], s["output"]), rec(s["input"], SAMPLE[7]["output"]))
    assert run_stage(ws, Dedup()).n_rejected == 0  # different answers: different consultations
    assert run_stage(ws, Dedup(DedupConfig(on="patient"))).n_rejected == 1


def test_chinese_near_duplicates_with_character_shingles(ws):
    q2 = ZH_Q.replace("失眠多梦", "失眠多焚").replace("注意力", "注意办")
    a2 = ZH_A.replace("适当运动。", "")
    original, copy = rec(ZH_Q, ZH_A), rec(q2, a2, source="other")
    distinct = rec("孩子发烧三天了，体温三十九度，咳嗽有痰，吃了退烧药反复发热，需要去医院吗？",
                   "建议尽快到儿科就诊，查血常规和胸片，排除肺炎，多喝水，注意物理降温。")
    add(ws, original, copy, distinct)
    s = run_stage(ws, Dedup())
    assert s.n_rejected == 1
    reason = outcome(ws)[copy.id][1]
    assert reason.startswith(f"near duplicate of {original.id}")
    # the old \W split would make each clause one token: then the copy would share almost nothing
    assert len(shingles(ZH_Q, 3, 3)) > 50


def test_incremental_run_catches_duplicate_of_an_exported_record(ws, tmp_path):
    from medcorpus.stages.export import export

    rng = random.Random(2)
    base = [rec(s["input"], s["output"]) for s in SAMPLE[:30]]
    add(ws, *base)
    first = run_stage(ws, Dedup())
    assert first.n_in == 30 and first.n_rejected == 0
    export(ws, tmp_path / "out", "alpaca", "jsonl", 1000, "medcorpus", False)
    late = rec(SAMPLE[9]["input"], typo(SAMPLE[9]["output"], rng), source="late")
    fresh = rec("Doctor, my left knee clicks when I climb stairs.", "It may be patellofemoral syndrome.")
    add(ws, late, fresh)
    second = run_stage(ws, Dedup())
    assert second.n_in == 2 and second.n_rejected == 1  # only the new records were processed
    assert outcome(ws)[late.id][1].startswith(f"near duplicate of {base[9].id}")
    assert base[9].id in {r.id for r in ws.records()}  # the exported one stays
    assert second.extra["candidate_pairs"] >= 1


def test_changed_input_of_kept_record_reopens_its_cluster(ws):
    """A kept record whose input changes (an upstream stage rewrote it) leaves the index; the
    duplicates that pointed to it are decided again."""
    from medcorpus.pipeline.stage import Stage

    class Touch(Stage):
        name = "test_touch"

        def process(self, batch):
            return batch

    s = SAMPLE[10]
    kept = rec(s["input"], s["output"] + " Please follow up in two weeks.")
    dup = rec(s["input"], s["output"], source="copy")
    add(ws, kept, dup)
    run_stage(ws, Touch())
    run_stage(ws, Dedup())
    assert outcome(ws)[dup.id][0] == "removed"
    # the upstream stage rewrites the kept record into something else
    row = ws.fetch_rows("SELECT * FROM records WHERE stage = 'source' AND id = ?", [kept.id])[0]
    changed = kept.model_copy(update={"turns": [Turn(role="patient", text="My dog ate chocolate, what now?"),
                                                Turn(role="doctor", text="Call a veterinarian right away.")]})
    fp = Touch().fingerprint()
    ws.write_outputs("test_touch", fp, None, [(row, changed)])
    s2 = run_stage(ws, Dedup())
    assert s2.extra["reopened"] == 1 and s2.n_in == 2 and s2.n_rejected == 0
    assert {r.id for r in ws.records()} == {kept.id, dup.id}
    assert ws.one("SELECT count(*) FROM dedup_clusters WHERE id = ?", [kept.id])[0] == 1


def test_keep_policies(ws):
    s = SAMPLE[11]
    short = rec(s["input"], s["output"])
    longer = rec(s["input"], s["output"] + " Also drink plenty of water.", source="b")
    longest = rec("Hello doctor. " + s["input"], s["output"] + " Also drink plenty of water. Take care.", source="c")
    add(ws, short, longer, longest)
    run_stage(ws, Dedup(DedupConfig(keep="longest")))
    assert {r.id for r in ws.records()} == {longest.id}
    run_stage(ws, Dedup(DedupConfig(keep="first")))
    assert {r.id for r in ws.records()} == {short.id}


def test_removal_is_reversible_with_another_threshold(ws):
    rng = random.Random(5)
    s = SAMPLE[12]
    a = rec(s["input"], s["output"])
    b = rec(s["input"], typo(s["output"], rng, 12), source="b")  # character shingles shrug off a few typos
    add(ws, a, b)
    assert run_stage(ws, Dedup()).n_rejected == 1
    strict = run_stage(ws, Dedup(DedupConfig(threshold=0.99)))
    assert strict.n_in == 2 and strict.n_rejected == 0  # recomputed from the input layer
    assert len(ws.records()) == 2
    back = run_stage(ws, Dedup())
    assert back.n_in == 0 and len(ws.records()) == 1  # the earlier index and outputs are reused


def test_workers_give_the_same_result(ws, monkeypatch):
    rng = random.Random(4)
    recs = [rec(s["input"], s["output"]) for s in SAMPLE[:120]]
    # copies of answers of 100+ characters: two typos in a 6-word answer are a different answer
    # under the side check (SIDE_MIN), which is not what this test is about
    recs += [rec(s["input"], typo(s["output"], rng), source="c") for s in [x for x in SAMPLE[:120]
                                                                          if len(x["output"]) >= 100][:40]]
    add(ws, *recs)
    monkeypatch.setattr(Dedup, "pool_min", 10)
    s = run_stage(ws, Dedup(), workers=2, batch_size=50)
    assert s.n_rejected == 40 and s.n_out == 120


def test_registered_and_cli_show_and_export(cli, tmp_path):
    assert get_stage("dedup") is Dedup
    rows = [{"instruction": "x", "input": s["input"], "output": s["output"]} for s in SAMPLE[:20]]
    rows += [{"instruction": "x", "input": "Hi doctor, " + s["input"], "output": s["output"]} for s in SAMPLE[:5]]
    f = write_jsonl(tmp_path / "d.jsonl", rows)
    cli("ingest", f)
    summary = json.loads(cli("dedup", "--json").stdout)
    assert summary["n_rejected"] == 5 and summary["extra"]["bands"] >= 2
    shown = json.loads(cli("dedup", "--show", _first_removed(cli.workspace), "--json").stdout)
    assert [m["status"] for m in shown["members"]] == ["kept", "near"]
    assert sum("Hi doctor" in m["text"] for m in shown["members"]) == 1
    text = cli("dedup", "--show", shown["cluster"]).output
    assert shown["cluster"] in text and "near" in text
    assert cli("dedup", "--show", "nope", ok=False).exit_code == 1
    exp = json.loads(cli("export", "--out", tmp_path / "o", "--file-type", "jsonl", "--json").stdout)
    assert exp["n_out"] == 20  # one record per cluster
    st = json.loads(cli("status", "--json").stdout)
    assert st["extra"]["dedup"]["near_removed"] == 5
    assert cli("dedup", "--bands", "3", ok=False).exit_code == 1


def _first_removed(wsdir):
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(wsdir) as w:
        return w.one("SELECT record_id FROM rejects WHERE stage = 'dedup' LIMIT 1")[0]


def test_character_shingles_of_the_normalised_text():
    from medcorpus.dedup.minhash import char_hashes, side_hashes

    hv, counts = char_hashes(["hello world", "abc", "", "hello world"], 5)
    assert counts.tolist() == [7, 1, 0, 7] and (hv[:7] == hv[-7:]).all() and len(set(hv[:7].tolist())) == 7
    # case, punctuation and spacing are folded before cutting: the same hashes
    keys, h1, c1, is_char = side_hashes(["Hi,  Doctor! I have a cough.", "hi doctor i have a cough"], 3, 3, 5)
    assert keys[0] == keys[1] == "hi doctor i have a cough" and (h1[:c1[0]] == h1[c1[0]:]).all() and is_char.all()
    # mostly-CJK text keeps its character shingles (and the exact key) of the word path
    zh = [(ZH_Q, ZH_A)]
    assert sketch_batch(zh, 3, 3, 128, 1, 16, 8, 5)[0] == sketch_batch(zh, 3, 3, 128, 1, 16, 8)[0]
    assert not sketch_batch(zh, 3, 3, 128, 1, 16, 8, 5)[5].any()  # CJK keeps the lower side floor


def test_character_shingles_keep_typo_copies_that_word_shingles_lose():
    rng = random.Random(9)
    pairs = [(s["input"], s["output"]) for s in SAMPLE[:60] if len(s["output"]) >= 200][:30]
    copies = [(typo(q, rng, 2), typo(a, rng, 3)) for q, a in pairs]
    est = {}
    for latin in (0, 5):
        _, _, _, v0, _, char = sketch_batch(pairs, 3, 3, 128, 1, 16, 8, latin)
        _, _, _, v1, _, _ = sketch_batch(copies, 3, 3, 128, 1, 16, 8, latin)
        assert char.all() == bool(latin)
        est[latin] = (v0 == v1).mean(axis=1)
    assert est[5].mean() > est[0].mean() + 0.1 and (est[5] >= 0.75).mean() > (est[0] >= 0.75).mean()
