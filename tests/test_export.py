import json

import datasets
import pytest

from medcorpus.stages.export import export
from medcorpus.stages.ingest import ingest
from tests.conftest import SAMPLE_DIR, write_jsonl


@pytest.fixture
def loaded(ws, tmp_path):
    path = write_jsonl(tmp_path / "mix.jsonl", [
        {"instruction": "Be a doctor.", "input": "I feel dizzy.", "output": "Check your blood pressure."},
        {"conversations": [{"from": "human", "value": "头疼"}, {"from": "gpt", "value": "多久了？"},
                           {"from": "human", "value": "三天"}, {"from": "gpt", "value": "去医院。"}]},
    ])
    ingest(ws, [path], fmt="auto")  # detects alpaca from the first line ...
    ingest(ws, [path], fmt="sharegpt")  # ... so the second record comes in with an explicit format
    return ws


@pytest.mark.parametrize("fmt", ["alpaca", "sharegpt", "messages"])
@pytest.mark.parametrize("file_type", ["parquet", "jsonl"])
def test_export_shapes_load_with_datasets(loaded, tmp_path, fmt, file_type):
    out = tmp_path / f"out-{fmt}-{file_type}"
    # JSON shards are typed per file by `datasets`, so multi-shard typing is checked on Parquet
    shards = 2 if file_type == "parquet" else 1
    summary = export(loaded, out, fmt=fmt, file_type=file_type, shard_size=2 // shards)
    assert summary.n_out == 2
    files = sorted(p.name for p in (out / "data").iterdir())
    assert files == [f"train-{i:05d}-of-{shards:05d}.{file_type}" for i in range(shards)]
    ds = datasets.load_dataset("parquet" if file_type == "parquet" else "json", data_dir=str(out), split="train")
    assert len(ds) == 2
    info = json.loads((out / "dataset_info.json").read_text())
    assert info["medcorpus"]["file_name"] == "data"
    rows = {r["source"]: r for r in ds}
    if fmt == "alpaca":
        assert rows["mix"]["instruction"] in ("Be a doctor.", "三天")
        one = [r for r in ds if r["instruction"] == "Be a doctor."][0]
        assert (one["input"], one["output"]) == ("I feel dizzy.", "Check your blood pressure.")
        multi = [r for r in ds if r["instruction"] == "三天"][0]
        assert multi["history"] == [["头疼", "多久了？"]] and multi["output"] == "去医院。"
    elif fmt == "sharegpt":
        conv = [r for r in ds if len(r["conversations"]) == 4][0]["conversations"]
        assert [c["from"] for c in conv] == ["human", "gpt", "human", "gpt"] and conv[3]["value"] == "去医院。"
    else:
        msgs = [r for r in ds if r["messages"][0]["role"] == "system"][0]["messages"]
        assert [m["role"] for m in msgs] == ["system", "user", "assistant"]
    card = (out / "README.md").read_text()
    assert "Records: **2**" in card and "| zh | 1 |" in card


def test_reexport_removes_stale_shards(loaded, tmp_path):
    out = tmp_path / "o"
    export(loaded, out, shard_size=1)
    export(loaded, out, shard_size=10)
    assert sorted(p.name for p in (out / "data").iterdir()) == ["train-00000-of-00001.parquet"]
    assert not list(out.rglob(".tmp-*"))


def test_empty_workspace_exports_empty_shard(ws, tmp_path):
    summary = export(ws, tmp_path / "e")
    assert summary.n_out == 0 and (tmp_path / "e" / "data" / "train-00000-of-00001.parquet").exists()


def test_genmedgpt_round_trip(ws, tmp_path, shared_data):
    src = json.loads((shared_data / "genmedgpt" / "chatdoctor5k.json").read_text())
    ingest(ws, [shared_data / "genmedgpt" / "chatdoctor5k.json"])
    export(ws, tmp_path / "g")
    ds = datasets.load_dataset("parquet", data_dir=str(tmp_path / "g"), split="train")
    assert len(ds) == 5452
    assert ds[0]["input"] == src[0]["input"].strip() and ds[0]["output"] == src[0]["output"].strip()
