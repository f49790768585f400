"""Issue 17, ingest bullets: bad files never stop good ones, --map only where it belongs, format
detection by vote, corrupt Parquet named by `train`."""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DIR, write_jsonl

ROWS = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())


def _corrupt_gzip(path: Path, rows: list[dict]) -> Path:
    raw = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    path.write_bytes(raw[:len(raw) // 2] + b"\x00garbage" * 50 + raw[len(raw) // 2:])
    return path


def test_a_bad_file_is_reported_and_the_others_are_ingested(cli, tmp_path):
    # was: the first unreadable file stopped the run; later good files were silently not ingested
    a = write_jsonl(tmp_path / "a.jsonl", ROWS[:100])
    b = tmp_path / "b.json"
    b.write_text(json.dumps(ROWS[100:280]))
    c = _corrupt_gzip(tmp_path / "c.jsonl.gz", ROWS[280:290])
    d = write_jsonl(tmp_path / "d.jsonl", ROWS[290:300])
    missing = tmp_path / "e.jsonl"
    r = cli("ingest", a, b, c, d, missing, ok=False)
    assert r.exit_code == 1
    assert "2 of 5 file(s) could not be ingested (the others were)" in r.output
    assert f"{c}: corrupt or truncated gzip file" in r.output.replace("\n", " ") or "corrupt" in r.output
    summary = json.loads(cli("ingest", a, b, c, d, missing, "--json", ok=False).stdout)
    files = summary["extra"]["files"]
    assert [files[str(p)]["added"] for p in (a, b, c, d)] == [0, 0, 0, 0]  # second run: all there already
    assert "corrupt or truncated gzip" in files[str(c)]["error"] and "no such file" in files[str(missing)]["error"]
    st = json.loads(cli("status", "--json").stdout)
    assert st["records"] == 290  # a + b + d; nothing of c
    assert st["runs"][0]["status"] == "partial"


def test_map_applies_to_table_files_only(cli, tmp_path):
    # was: --map was applied to every file (180 good alpaca records rejected, exit 0)
    alpaca = tmp_path / "alpaca.json"
    alpaca.write_text(json.dumps(ROWS[:180]))
    table = tmp_path / "qa.csv"
    with open(table, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["q", "a"])
        for row in ROWS[180:200]:
            w.writerow([row["input"], row["output"]])
    summary = json.loads(cli("ingest", alpaca, table, "--map", "patient=q", "--map", "doctor=a", "--json").stdout)
    files = summary["extra"]["files"]
    assert files[str(alpaca)]["format"] == "alpaca" and files[str(alpaca)]["added"] == 180
    assert files[str(alpaca)]["rejected"] == 0 and "--map not used" in files[str(alpaca)]["note"]
    assert files[str(table)]["format"] == "table" and files[str(table)]["added"] == 20


def test_map_for_one_file(cli, tmp_path):
    one = tmp_path / "one.csv"
    two = tmp_path / "two.tsv"
    with open(one, "w", newline="") as fh:
        csv.writer(fh).writerows([["question", "answer"], ["I have a cough.", "Drink water and rest."]])
    with open(two, "w", newline="") as fh:
        csv.writer(fh, delimiter="\t").writerows([["ask", "reply"], ["My knee hurts.", "Ice it twice a day."]])
    summary = json.loads(cli("ingest", one, two, "--map", "one.csv:patient=question", "--map", "one.csv:doctor=answer",
                             "--map", f"{two}:patient=ask", "--map", f"{two}:doctor=reply", "--json").stdout)
    assert summary["n_out"] == 2
    r = cli("ingest", one, "--map", "other.csv:patient=x", ok=False)
    assert r.exit_code == 1 and "other.csv is not one of the files" in r.output


def test_one_bad_first_record_is_a_reject_not_a_refused_file(cli, tmp_path):
    # was: with --format auto, one bad first record refused a whole file (99 good records lost),
    # while the same record at line 51 was a reject
    odd = {"note": "exported by hand", "by": "someone"}
    first = write_jsonl(tmp_path / "first.jsonl", [odd] + ROWS[:99])
    later = write_jsonl(tmp_path / "later.jsonl", ROWS[100:150] + [odd] + ROWS[150:199])
    summary = json.loads(cli("ingest", first, later, "--json").stdout)
    files = summary["extra"]["files"]
    for path in (first, later):
        assert files[str(path)] == {**files[str(path)], "format": "alpaca", "added": 99, "rejected": 1}
    rejects = json.loads(cli("rejects", "--json").stdout)
    assert sorted((Path(r["file"]).name, r["line"]) for r in rejects) == [("first.jsonl", 1), ("later.jsonl", 51)]


def test_a_file_of_unknown_shape_is_still_refused(cli, tmp_path):
    odd = write_jsonl(tmp_path / "odd.jsonl", [{"a": i, "b": "x"} for i in range(10)])
    r = cli("ingest", odd, ok=False)
    assert r.exit_code == 1 and "none of its first 10 records has a known shape" in r.output


def test_train_names_a_corrupt_parquet_shard(cli, tmp_path):
    # was: `OSError: Couldn't deserialize thrift` with a traceback, the file not named
    from medcorpus.training.data import DataError, read_rows

    cli("ingest", SAMPLE_DIR / "genmedgpt_sample.json")
    out = tmp_path / "out"
    cli("export", "--out", out, "--shard-size", "150")
    shards = sorted((out / "data").glob("train-*.parquet"))
    assert len(shards) == 2
    data = bytearray(shards[1].read_bytes())
    for i in range(8, len(data) - 2000):  # the pages; the footer stays, so the file still opens
        data[i] = 0xFF
    shards[1].write_bytes(bytes(data))
    with pytest.raises(DataError, match=f"{shards[1]}: damaged or not a Parquet file"):
        list(read_rows(out))
    data[-2000:] = b"\xff" * 2000  # and now the footer too
    shards[1].write_bytes(bytes(data))
    with pytest.raises(DataError, match=f"{shards[1]}: damaged or not a Parquet file"):
        list(read_rows(out))


def test_train_command_names_the_corrupt_shard(cli, tmp_path):
    pytest.importorskip("transformers")
    from medcorpus.training.tiny import build_tiny_model

    cli("ingest", SAMPLE_DIR / "genmedgpt_sample.json")
    out = tmp_path / "out"
    cli("export", "--out", out, "--shard-size", "150")
    shard = sorted((out / "data").glob("train-*.parquet"))[1]
    data = bytearray(shard.read_bytes())
    data[8:len(data) - 8] = b"\xff" * (len(data) - 16)
    shard.write_bytes(bytes(data))
    model = build_tiny_model(tmp_path / "tiny")
    r = cli("train", "--data", out, "--model", model, "--output", tmp_path / "run", "--max-steps", "1", ok=False)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{shard}: damaged or not a Parquet file" in r.output.replace("\n", "")
