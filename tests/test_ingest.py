import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from medcorpus.pipeline.io import InputError
from medcorpus.stages.ingest import ingest, parse_map
from tests.conftest import SAMPLE_DIR, write_jsonl

ALPACA = [
    {"instruction": "If you are a doctor, please answer.", "input": "I have a headache.", "output": "Take rest."},
    {"instruction": "If you are a doctor, please answer.", "input": "My knee hurts.", "output": "Ice it."},
]


def texts(ws):
    return sorted(tuple(t.text for t in r.turns) for r in ws.records())


def test_alpaca_json_array_roles_and_idempotence(ws, tmp_path):
    path = tmp_path / "hcm.json"
    path.write_text(json.dumps(ALPACA))
    s1 = ingest(ws, [path])
    s2 = ingest(ws, [path])
    assert (s1.n_out, s2.n_out, s2.n_skipped) == (2, 0, 2)
    rec = ws.records()[0]
    assert [t.role for t in rec.turns] == ["system", "patient", "doctor"]
    assert rec.turns[1].text == "I have a headache." and rec.source == "hcm" and rec.lang == "en"
    assert rec.meta["file"] == str(path) and rec.meta["line"] == 1


def test_alpaca_jsonl_gz(ws, tmp_path):
    path = tmp_path / "icliniq.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        for row in ALPACA:
            fh.write(json.dumps(row) + "\n")
    assert ingest(ws, [path]).n_out == 2
    assert ws.records()[0].source == "icliniq"


def test_chatmed_wrapper_stripped(ws, tmp_path):
    path = write_jsonl(tmp_path / "chatmed.jsonl", [
        {"query": "<s>问：\n经期刚刚过去，可以同房吗，\n答：\n", "response": "建议先做妇科检查。"}])
    ingest(ws, [path])
    rec = ws.records()[0]
    assert [(t.role, t.text) for t in rec.turns] == [("patient", "经期刚刚过去，可以同房吗，"), ("doctor", "建议先做妇科检查。")]
    assert rec.lang == "zh"


def test_huatuo_multiturn(ws, tmp_path):
    path = write_jsonl(tmp_path / "huatuo.jsonl", [{"data": ["问：头疼怎么办？", "答：多久了？", "问：三天了。", "答：建议就医。"]}])
    ingest(ws, [path])
    rec = ws.records()[0]
    assert [t.role for t in rec.turns] == ["patient", "doctor", "patient", "doctor"]
    assert rec.turns[2].text == "三天了。" and rec.lang == "zh"


def test_sharegpt_and_messages(ws, tmp_path):
    sg = tmp_path / "sg.json"
    sg.write_text(json.dumps([{"conversations": [{"from": "human", "value": "Hi, fever."}, {"from": "gpt", "value": "Drink water."}]}]))
    msgs = write_jsonl(tmp_path / "msgs.jsonl", [{"messages": [
        {"role": "system", "content": "You are a doctor."}, {"role": "user", "content": "Cough."},
        {"role": "assistant", "content": "Since when?"}]}])
    ingest(ws, [sg, msgs])
    assert texts(ws) == [("Hi, fever.", "Drink water."), ("You are a doctor.", "Cough.", "Since when?")]


def test_csv_with_map_and_missing_column(ws, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('q,a,x\n"My back hurts, badly",See a physio,1\nsecond q,second a,2\n')
    ingest(ws, [path], mapping=parse_map(["patient=q", "doctor=a"]))
    assert texts(ws) == [("My back hurts, badly", "See a physio"), ("second q", "second a")]
    with pytest.raises(InputError, match="'nope' not found"):
        ingest(ws, [path], mapping=parse_map(["patient=nope", "doctor=a"]))


def test_parquet_table(ws, tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"question": ["Rash on arm"], "answer": ["Use cream"]}), path)
    ingest(ws, [path], fmt="table", mapping={"patient": "question", "doctor": "answer"})
    assert texts(ws) == [("Rash on arm", "Use cream")]


def test_bad_input_rejected_with_file_and_line(ws, tmp_path):
    path = tmp_path / "bad.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps(ALPACA[0]).encode() + b"\n")
        fh.write(b'{"instruction": "x", "input": \n')                       # 2 malformed
        fh.write(json.dumps({"instruction": "x", "input": "q"}).encode() + b"\n")  # 3 missing output
        fh.write(json.dumps({"instruction": "x", "input": "q", "output": "  "}).encode() + b"\n")  # 4 empty
        fh.write(b'{"instruction": "x", "input": "caf\xe9", "output": "y"}\n')  # 5 not UTF-8
        fh.write(json.dumps(ALPACA[1]).encode() + b"\n")
    summary = ingest(ws, [path])
    assert (summary.n_out, summary.n_rejected) == (2, 4)
    rows = ws.exec("SELECT line, reason FROM rejects ORDER BY line")
    assert [r[0] for r in rows] == [2, 3, 4, 5]
    assert "malformed JSON" in rows[0][1] and "missing field 'output'" in rows[1][1]
    assert "empty doctor text" in rows[2][1] and "not UTF-8" in rows[3][1]
    assert ws.exec("SELECT DISTINCT file FROM rejects")[0][0] == str(path)


def test_unreadable_file_is_an_error_and_leaves_nothing(ws, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(ALPACA))
    broken = tmp_path / "broken.json"
    broken.write_text('[{"instruction": "a", "input": "b", "output": "c"}, {"instr')
    with pytest.raises(InputError, match="broken.json: malformed JSON array"):
        ingest(ws, [good, broken])
    assert len(ws.records()) == 2  # the good file's transaction committed, the broken one wrote nothing
    with pytest.raises(InputError, match="no such file"):
        ingest(ws, [tmp_path / "missing.json"])


def test_bundled_sample_ingests(ws):
    assert ingest(ws, [SAMPLE_DIR / "genmedgpt_sample.json"]).n_out == 300


def test_genmedgpt_full(ws, shared_data):
    s = ingest(ws, [shared_data / "genmedgpt" / "chatdoctor5k.json"])
    assert (s.n_out, s.n_rejected) == (5452, 0)
