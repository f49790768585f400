"""export: shapes that load with 🤗 datasets, turn normalisation, temp files, the held-out split,
shard reuse between exports and versions. LLaMA-Factory's own loader: tests/test_export_llamafactory.py."""
import json
import os

import datasets
import pyarrow.parquet as pq
import pytest

from medcorpus.export.split import parse_holdout
from medcorpus.export.turns import LEADING, MERGED, REJECTED, SYSTEM, TRAILING, normalise_turns
from medcorpus.pipeline.config import ExportSettings
from medcorpus.pipeline.runner import run_stage
from medcorpus.schemas import Record, Turn
from medcorpus.stages.export import export, held_out_ids
from medcorpus.stages.ingest import ingest
from medcorpus.versions import export_version
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


def T(role, text):
    return {"role": role, "text": text}


def add(ws, records):
    ws.add_records([r.to_row() for r in records], origin="test")


def qa(i, source="s", kind="consultation", q=None):
    return Record.new(source, [Turn(role="patient", text=q or f"Question {i}: my knee hurts after running."),
                               Turn(role="doctor", text=f"Answer {i}: rest and ice it.")], kind=kind)


@pytest.mark.parametrize("fmt", ["alpaca", "sharegpt", "messages"])
@pytest.mark.parametrize("file_type", ["parquet", "jsonl"])
def test_export_shapes_load_with_datasets(loaded, tmp_path, fmt, file_type):
    out = tmp_path / f"out-{fmt}-{file_type}"
    # JSON shards are typed per file by `datasets`, so multi-shard typing is checked on Parquet
    shards = 2 if file_type == "parquet" else 1
    summary = export(loaded, out, fmt=fmt, file_type=file_type, shard_size=2 // shards)
    assert summary.n_out == 2
    files = sorted(p.name for p in (out / "data").iterdir())
    assert set(files) <= {f"train-{i:05d}-of-{shards:05d}.{file_type}" for i in range(shards)} and files
    ds = datasets.load_dataset("parquet" if file_type == "parquet" else "json", data_dir=str(out), split="train")
    assert len(ds) == 2
    info = json.loads((out / "dataset_info.json").read_text())
    assert info["medcorpus"]["file_name"] == "data"
    if fmt == "alpaca":
        one = [r for r in ds if r["instruction"] == "I feel dizzy."][0]
        assert (one["system"], one["input"], one["output"]) == ("Be a doctor.", "", "Check your blood pressure.")
        multi = [r for r in ds if r["instruction"] == "三天"][0]
        assert multi["history"] == [["头疼", "多久了？"]] and multi["output"] == "去医院。" and multi["system"] == ""
        assert info["medcorpus"]["columns"]["system"] == "system"
    elif fmt == "sharegpt":
        conv = [r for r in ds if len(r["conversations"]) == 4][0]["conversations"]
        assert [c["from"] for c in conv] == ["human", "gpt", "human", "gpt"] and conv[3]["value"] == "去医院。"
        assert info["medcorpus"]["tags"]["user_tag"] == "human"
    else:
        msgs = [r for r in ds if r["messages"][0]["role"] == "system"][0]["messages"]
        assert [m["role"] for m in msgs] == ["system", "user", "assistant"]
        assert info["medcorpus"]["tags"]["role_tag"] == "role"
    card = (out / "README.md").read_text()
    assert "Records: **2**" in card and "| zh | 1 |" in card and "dataset: medcorpus" in card


def test_reexport_removes_stale_shards(loaded, tmp_path):
    out = tmp_path / "o"
    export(loaded, out, shard_size=1)
    export(loaded, out, shard_size=10)
    assert sorted(p.name for p in (out / "data").iterdir()) == ["train-00000-of-00001.parquet"]
    assert not list(out.rglob(".tmp-*")) and not (out / ".export-tmp").exists()


def test_empty_workspace_exports_empty_shard(ws, tmp_path):
    summary = export(ws, tmp_path / "e")
    assert summary.n_out == 0 and (tmp_path / "e" / "data" / "train-00000-of-00001.parquet").exists()


def test_genmedgpt_round_trip(ws, tmp_path, shared_data):
    src = json.loads((shared_data / "genmedgpt" / "chatdoctor5k.json").read_text())
    ingest(ws, [shared_data / "genmedgpt" / "chatdoctor5k.json"])
    export(ws, tmp_path / "g")
    ds = datasets.load_dataset("parquet", data_dir=str(tmp_path / "g"), split="train")
    assert len(ds) == 5452
    assert ds[0]["instruction"] == src[0]["input"].strip() and ds[0]["output"] == src[0]["output"].strip()
    assert ds[0]["system"] == src[0]["instruction"].strip() and ds[0]["input"] == ""


# ---------------------------------------------------------------- turn normalisation
def test_normalise_turns_cases():
    clean = [T("system", "S"), T("patient", "q"), T("doctor", "a")]
    assert normalise_turns(clean) == (clean, ())
    turns, fixes = normalise_turns([T("patient", "q1"), T("patient", "q2"), T("doctor", "a1"), T("doctor", "a2"),
                                    T("patient", "q3")], " / ")
    assert turns == [T("patient", "q1 / q2"), T("doctor", "a1 / a2")] and set(fixes) == {MERGED, TRAILING}
    turns, fixes = normalise_turns([T("doctor", "Hello, how can I help?"), T("patient", "q"), T("system", "S"),
                                    T("doctor", "a")])
    assert turns == [T("system", "S"), T("patient", "q"), T("doctor", "a")] and set(fixes) == {LEADING, SYSTEM}
    assert normalise_turns([T("system", "S"), T("patient", "q")]) == (None, (TRAILING, REJECTED))
    assert normalise_turns([T("patient", "q"), T("doctor", "  ")])[0] is None  # no doctor text at all


def test_export_normalises_turns_and_counts_them(ws, tmp_path, cli):
    add(ws, [
        Record.new("n", [Turn(role="patient", text="My son has a fever."), Turn(role="patient", text="He is 4."),
                         Turn(role="doctor", text="Give paracetamol.")]),
        Record.new("n", [Turn(role="patient", text="Cough for a week."), Turn(role="doctor", text="Any fever?"),
                         Turn(role="patient", text="No, thank you doctor.")]),
        Record.new("n", [Turn(role="system", text="Be kind."), Turn(role="patient", text="Anyone there?")]),
        qa(1),
    ])
    summary = export(ws, tmp_path / "o", fmt="sharegpt", merge_separator=" ")
    assert (summary.n_in, summary.n_out, summary.n_rejected) == (4, 3, 1)
    norm = summary.extra["normalised"]
    assert (norm[MERGED], norm[TRAILING], norm[REJECTED]) == (1, 2, 1)
    ds = datasets.load_dataset("parquet", data_dir=str(tmp_path / "o"), split="train")
    for row in ds:  # what LLaMA-Factory demands: human/gpt alternating, ending on gpt
        froms = [c["from"] for c in row["conversations"]]
        assert froms == ["human", "gpt"] * (len(froms) // 2) and froms
    assert "My son has a fever. He is 4." in [r["conversations"][0]["value"] for r in ds]
    card = (tmp_path / "o" / "README.md").read_text()
    assert "| merged consecutive turns | 1 |" in card and "| rejected no answer | 1 |" in card
    assert ws.one("SELECT count(*) FROM rejects WHERE stage = 'export'")[0] == 1
    export(ws, tmp_path / "o2")  # a second export replaces the export rejects, it does not add to them
    assert ws.one("SELECT count(*) FROM rejects WHERE stage = 'export'")[0] == 1
    ws.close()
    status = json.loads(cli("status", "--json", "-w", ws.path).stdout)
    assert status["extra"]["last export"]["normalised"][REJECTED] == 1


# ---------------------------------------------------------------- temp files and a killed export
def test_killed_export_leaves_nothing_a_loader_trips_on(ws, tmp_path, monkeypatch):
    from medcorpus.stages import export as export_mod

    add(ws, [qa(i) for i in range(40)])
    out = tmp_path / "o"
    export(ws, out, shard_size=10)
    before = datasets.load_dataset("parquet", data_dir=str(out), split="train")
    add(ws, [qa(i) for i in range(40, 60)])
    calls = {"n": 0}
    real_write = export_mod._ShardWriter.write_table

    def dying_write(self, rows):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process dies here: nothing after this line runs
        real_write(self, rows)

    monkeypatch.setattr(export_mod._ShardWriter, "write_table", dying_write)
    with pytest.raises(KeyboardInterrupt):
        export(ws, out, shard_size=10)
    assert list((out / ".export-tmp").iterdir())  # half-written shards, but outside data/
    assert all(not p.name.startswith(".") for p in (out / "data").iterdir())
    assert len(datasets.load_dataset("parquet", data_dir=str(out), split="train")) == len(before) == 40
    (out / "data" / ".tmp-train-00000-of-00004.parquet").write_bytes(b"half")  # an older version's leftover
    monkeypatch.setattr(export_mod._ShardWriter, "write", real_write)
    export(ws, out, shard_size=10)
    assert not (out / ".export-tmp").exists() and not list((out / "data").glob(".*"))
    assert len(datasets.load_dataset("parquet", data_dir=str(out), split="train")) == 60


# ---------------------------------------------------------------- held-out split
def _split_ids(out):
    ds = datasets.load_dataset("parquet", data_dir=str(out / "data"))
    return {s: set(ds[s]["id"]) for s in ds}


def test_holdout_split_is_stable_stratified_and_loads(ws, tmp_path):
    add(ws, [qa(i, source="a") for i in range(300)] + [qa(i, source="b", kind="instruction") for i in range(100)])
    s1 = export(ws, tmp_path / "v1", holdout="10%")
    ids1 = _split_ids(tmp_path / "v1")
    assert s1.extra["splits"] == {"train": len(ids1["train"]), "test": len(ids1["test"])}
    assert 20 <= len(ids1["test"]) <= 60 and not ids1["train"] & ids1["test"]
    assert set(held_out_ids(ws, "10%")) == ids1["test"]
    info = json.loads((tmp_path / "v1" / "dataset_info.json").read_text())
    assert info["medcorpus"]["split"] == "train" and info["medcorpus_test"]["split"] == "test"
    card = (tmp_path / "v1" / "README.md").read_text()
    assert "eval_dataset: medcorpus_test" in card and "| b / instruction |" in card
    # every source x kind stratum is sampled at the same rate (a stratum of 100 gets some test records)
    test_rows = datasets.load_dataset("parquet", data_dir=str(tmp_path / "v1" / "data"), split="test")
    assert {"a", "b"} <= set(test_rows["source"])
    # a new version with more records: nobody moves between splits
    add(ws, [qa(i, source="a") for i in range(300, 600)])
    export(ws, tmp_path / "v2", holdout="10%")
    ids2 = _split_ids(tmp_path / "v2")
    assert ids1["test"] <= ids2["test"] and ids1["train"] <= ids2["train"]
    # a bigger share only moves records from train to test
    export(ws, tmp_path / "v3", holdout="20%")
    assert ids2["test"] <= _split_ids(tmp_path / "v3")["test"]


def test_holdout_count_keeps_its_first_share_when_the_corpus_grows(ws, tmp_path):
    add(ws, [qa(i, source="a") for i in range(200)])
    first = export(ws, tmp_path / "o", holdout=20)
    before = _split_ids(tmp_path / "o")
    assert first.extra["holdout"]["share"] == pytest.approx(20 / 200)
    add(ws, [qa(i, source="a") for i in range(200, 400)])
    again = export(ws, tmp_path / "o", holdout=20)  # recomputed, 20 of 400 would halve the share
    after = _split_ids(tmp_path / "o")
    assert again.extra["holdout"]["share"] == pytest.approx(20 / 200)
    assert before["test"] <= after["test"] and before["train"] <= after["train"]
    fresh = export(ws, tmp_path / "new", holdout=20)  # a new folder resolves the count afresh
    assert fresh.extra["holdout"]["share"] == pytest.approx(20 / 400)


def test_holdout_keeps_near_duplicates_on_one_side(ws, tmp_path):
    from medcorpus.stages.dedup import Dedup

    sample = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())[:24]
    records, pairs = [], []
    for s in sample:
        a = Record.new("s", [Turn(role="patient", text=s["input"]), Turn(role="doctor", text=s["output"])])
        b = Record.new("s", [Turn(role="patient", text=s["input"]), Turn(role="doctor", text=s["output"] + " Take care.")])
        records += [a, b]
        pairs.append((a.id, b.id))
    add(ws, records)
    run_stage(ws, Dedup())
    assert len(ws.records()) == 24  # dedup kept one of each pair ...
    ws.set_chain([])  # ... then the pipeline dropped the dedup step: both members are exported again
    assert len(ws.records()) == 48
    export(ws, tmp_path / "o", holdout="50%")
    ids = _split_ids(tmp_path / "o")
    for a, b in pairs:
        assert (a in ids["test"]) == (b in ids["test"]), "near duplicates straddle the split"
    # by record id alone some pairs would straddle: the cluster is what keeps them together
    from medcorpus.export.split import held_out
    by_id = held_out([x for p in pairs for x in p], 0.5).reshape(-1, 2)
    assert (by_id[:, 0] != by_id[:, 1]).any()


def test_holdout_values():
    assert parse_holdout("2%") == ("share", 0.02) and parse_holdout(500) == ("count", 500)
    assert parse_holdout(None) is None and parse_holdout("0") is None
    for bad in ("two", "100%", "-3"):
        with pytest.raises(ValueError):
            parse_holdout(bad)
    assert ExportSettings(holdout="2%").holdout == "2%" and ExportSettings(holdout=300).holdout == "300"
    with pytest.raises(ValueError):
        ExportSettings(holdout="lots")


# ---------------------------------------------------------------- shard reuse
def _shard_table(folder):
    return sorted(pq.read_table(folder / "data").to_pylist(), key=lambda r: r["id"])


def test_new_version_hard_links_unchanged_shards(ws, tmp_path):
    add(ws, [qa(i) for i in range(200)])
    root = tmp_path / "exports"
    settings = ExportSettings(shard_size=20, holdout="5%", complete_only=False)
    s1, m1 = export_version(ws, root, settings)
    assert s1.extra["shards_reused"] == 0 and m1["shards_written"] == s1.extra["shards_written"]
    add(ws, [qa(200)])  # one new record: one train shard (or the test shard) changes
    s2, m2 = export_version(ws, root, settings)
    assert m2["version"] == "v0002" and m2["added"] == 1
    assert s2.extra["shards_written"] == 1 and s2.extra["shards_reused"] == s1.extra["shards_written"] - 1
    v1, v2 = root / "v0001" / "data", root / "v0002" / "data"
    inodes = {os.stat(p).st_ino for p in v1.iterdir()}
    assert sum(os.stat(p).st_ino in inodes for p in v2.iterdir()) == s2.extra["shards_reused"]
    # the reused version is exactly what a full export writes
    export(ws, tmp_path / "full", shard_size=20, holdout="5%", share=m2["holdout"]["share"])
    assert _shard_table(root / "v0002") == _shard_table(tmp_path / "full")
    card = (root / "v0002" / "README.md").read_text()
    assert "Records: **201**" in card


def test_reexport_in_place_writes_only_what_changed(ws, tmp_path):
    add(ws, [qa(i) for i in range(100)])
    out = tmp_path / "o"
    first = export(ws, out, shard_size=25)
    again = export(ws, out, shard_size=25)
    assert first.extra["shards_written"] == 4 and (again.extra["shards_written"], again.extra["shards_reused"]) == (0, 4)
    assert (out / "README.md").read_text().count("Records: **100**") == 1
    other = export(ws, out, shard_size=25, fmt="messages")  # another shape rewrites everything
    assert other.extra["shards_written"] == 4
    assert "messages" in pq.read_table(out / "data").column_names


def test_cli_export_holdout(cli, tmp_path):
    path = write_jsonl(tmp_path / "qa.jsonl", [{"instruction": f"Question {i} about my rash", "output": f"Answer {i}"}
                                               for i in range(60)])
    cli("ingest", path)
    res = cli("export", "--out", tmp_path / "o", "--holdout", "20", "--json")
    summary = json.loads(res.stdout)
    assert summary["extra"]["splits"]["train"] + summary["extra"]["splits"]["test"] == 60
    assert summary["extra"]["holdout"]["share"] == pytest.approx(20 / 60)
    bad = cli("export", "--out", tmp_path / "o", "--holdout", "lots", ok=False)
    assert bad.exit_code != 0 and "--holdout" in bad.output


def test_versioned_count_holdout_keeps_its_share(ws, tmp_path):
    """`holdout = 30` is 30 records of the first version; later versions keep that share, so the
    first version's test records never move to train as the corpus grows."""
    add(ws, [qa(i) for i in range(100)])
    root = tmp_path / "exports"
    settings = ExportSettings(holdout=30, complete_only=False)
    _, m1 = export_version(ws, root, settings)
    add(ws, [qa(i) for i in range(100, 300)])
    _, m2 = export_version(ws, root, settings)
    assert m1["holdout"]["share"] == m2["holdout"]["share"] == pytest.approx(0.3)
    ids1, ids2 = _split_ids(root / "v0001"), _split_ids(root / "v0002")
    assert ids1["test"] <= ids2["test"] and ids1["train"] <= ids2["train"]


def test_a_stage_that_changed_nothing_rewrites_no_shard(ws, tmp_path):
    from tests.pipeline_stages import Tag, TagConfig

    add(ws, [qa(i) for i in range(100)])
    run_stage(ws, Tag(TagConfig(suffix="", reject_word="NEVER")))
    out = tmp_path / "o"
    assert export(ws, out, shard_size=25).extra["shards_written"] == 4
    run_stage(ws, Tag(TagConfig(suffix="", reject_word="NOT-EVER")))  # new settings, every record re-run, same turns
    again = export(ws, out, shard_size=25)
    assert (again.extra["shards_written"], again.extra["shards_reused"]) == (0, 4)
    run_stage(ws, Tag(TagConfig(suffix=" [ok]", reject_word="NEVER")))  # this one changes every answer
    assert export(ws, out, shard_size=25).extra["shards_written"] == 4
