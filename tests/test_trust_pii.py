"""Issue 17, PII bullets: after `scrub` + `purge` no planted identifier is left in any file of the
workspace (byte scan) or in any command's output; `rejects` never prints raw identifiers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("presidio_analyzer")

from medcorpus.pipeline.purge import scan  # noqa: E402
from tests.conftest import SAMPLE_DIR, write_jsonl  # noqa: E402

FIRST = ["Angela", "Marcus", "Priya", "Tobias", "Helena", "Dmitri", "Rosalind", "Kenji", "Beatrix", "Oswaldo"]
LAST = ["Whitfield", "Okonkwo", "Ramaswamy", "Lindqvist", "Castellano", "Petrovsky", "Ashcombe", "Takahashi",
        "Vanderberg", "Quintero"]
SYSTEM = "If you are a doctor, please answer the medical questions based on the patient's description."


SAMPLE_ROWS = json.loads((SAMPLE_DIR / "genmedgpt_sample.json").read_text())


def planted_records(n: int, offset: int = 0) -> tuple[list, list[str]]:
    """Distinct consultations (GenMedGPT sample) with a name, phone and email planted in each."""
    rows, planted = [], []
    for i in range(offset, offset + n):
        name = f"{FIRST[i % 10]} {LAST[(i * 3 + i // 10) % 10]}"
        phone = f"415-555-{1000 + i * 37:04d}"
        email = f"{FIRST[i % 10].lower()}.{LAST[(i * 3 + i // 10) % 10].lower()}{i}@example.com"
        base = SAMPLE_ROWS[i]
        rows.append({"instruction": SYSTEM,
                     "input": f"Hi doctor, my name is {name}. {base['input']} You can reach me at {phone} or {email}.",
                     "output": f"Hello {name.split()[0]}, {base['output']}"})
        planted += [name, phone, email]
    return rows, planted


BAD_LINES = ['{"instruction": "x", "input": "My name is Cornelius Blackwood, call 415-555-9876", "output": ""}',
             '{"input": "I am Philippa Grantham, email philippa.grantham@example.org" ']
BAD_PLANTED = ["Cornelius Blackwood", "415-555-9876", "Philippa Grantham", "philippa.grantham@example.org"]


def _outputs_clean(results, planted: list[str]) -> None:
    for r in results:
        text = r.output + (r.stdout or "")
        leaked = [v for v in planted if v in text]
        assert not leaked, f"leaked {leaked[:5]} in:\n{text[:2000]}"


def test_scrub_then_purge_leaves_no_planted_identifier_anywhere(cli, tmp_path):
    rows, planted = planted_records(20)
    planted += BAD_PLANTED
    clean = [{"instruction": SYSTEM, "input": SAMPLE_ROWS[100 + i]["input"], "output": SAMPLE_ROWS[100 + i]["output"]}
             for i in range(2)]  # nothing to scrub: scrub passes them through unchanged, purge must keep their text
    (tmp_path / "raw").mkdir()
    raw = write_jsonl(tmp_path / "raw" / "pii.jsonl", rows + clean + BAD_LINES)
    outputs = [cli("ingest", raw), cli("scrub")]
    before = scan(cli.workspace, planted)
    assert len(before) >= len(planted) // 2  # the raw layer holds them: the scan can fail
    outputs.append(cli("rejects"))
    outputs.append(cli("rejects", "--json"))
    assert len(json.loads(outputs[-1].stdout)) == 2  # the two bad lines
    # snippets of bad lines were masked before they were stored
    assert not {v for v in BAD_PLANTED if v in json.dumps(json.loads(outputs[-1].stdout))}
    assert "<PERSON>" in outputs[-1].stdout
    (tmp_path / "planted.txt").write_text("\n".join(planted) + "\n")
    outputs.append(cli("purge", "--verify", tmp_path / "planted.txt"))
    assert "verify: none of the 64 value(s)" in outputs[-1].output.replace("\n", " ")
    assert scan(cli.workspace, planted) == {}
    outputs += [cli("status"), cli("status", "--json"), cli("rejects"), cli("rejects", "--json"),
                cli("export", "--out", tmp_path / "out", "--file-type", "jsonl"),
                cli("export", "--out", tmp_path / "out2", "--format", "messages", "--json")]
    _outputs_clean(outputs, planted)
    assert scan(cli.workspace, planted) == {}
    assert scan(tmp_path / "out", planted) == {} and scan(tmp_path / "out2", planted) == {}
    exported = [json.loads(x) for x in next((tmp_path / "out" / "data").glob("*.jsonl")).read_text().splitlines()]
    assert len(exported) == 22
    assert sum("<PHONE>" in json.dumps(r) and "<EMAIL>" in json.dumps(r) for r in exported) == 20
    for row in clean:  # the pass-through records kept their text
        assert any(row["output"][:60] in json.dumps(r, ensure_ascii=False) for r in exported)
    st = json.loads(cli("status", "--json").stdout)
    assert st["records"] == 22 and st["removed"] == 0


def test_refresh_after_purge_processes_only_new_records(cli, tmp_path):
    rows, planted = planted_records(10)
    first = write_jsonl(tmp_path / "first.jsonl", rows)
    cli("ingest", first)
    cli("scrub")
    purged = json.loads(cli("purge", "--json").stdout)
    assert purged["records"] == 10 and purged["rows_emptied"] == 10
    more, planted2 = planted_records(5, offset=10)
    second = write_jsonl(tmp_path / "second.jsonl", more)
    again = json.loads(cli("ingest", first, second, "--json").stdout)
    assert again["n_out"] == 5  # the purged records are still known by id: re-ingesting adds nothing
    scrubbed = json.loads(cli("scrub", "--json").stdout)
    assert scrubbed["n_in"] == 5  # only the new ones; the purged ones keep their scrubbed versions
    dedup = json.loads(cli("dedup", "--json").stdout)  # a later stage reads the scrubbed versions
    assert dedup["n_in"] == 15
    cli("purge")
    assert scan(cli.workspace, planted + planted2) == {}
    cli("export", "--out", tmp_path / "out", "--file-type", "jsonl")
    lines = next((tmp_path / "out" / "data").glob("*.jsonl")).read_text().splitlines()
    assert len(lines) == 15 and not [v for v in planted + planted2 if any(v in x for x in lines)]
    # new settings for scrub cannot reach text that is gone: a clear error, nothing changed
    r = cli("scrub", "--operator", "redact", ok=False)
    assert r.exit_code == 1 and "was purged up to `scrub`" in r.output and "raw text of 15 record(s) is gone" in r.output


def test_purge_without_scrub_is_an_error(cli, tmp_path):
    rows, _ = planted_records(3)
    cli("ingest", write_jsonl(tmp_path / "a.jsonl", rows))
    r = cli("purge", ok=False)
    assert r.exit_code == 1 and "`scrub` has not run" in r.output


def test_build_purges_by_default_in_a_workspace_it_creates(cli, tmp_path):
    rows, planted = planted_records(8)
    write_jsonl(tmp_path / "raw.jsonl", rows)
    pipe = tmp_path / "pipe.toml"
    pipe.write_text('[[step]]\nuse = "ingest"\npaths = ["raw.jsonl"]\n\n[[step]]\nuse = "scrub"\n\n'
                    '[export]\nout = "exports"\nfile_type = "jsonl"\n\n[report]\nenabled = false\n')
    r = cli("build", pipe)
    assert "purged: raw text of 8 record(s) ahead of `scrub`" in r.output.replace("\n", " ")
    assert scan(cli.workspace, planted) == {} and scan(tmp_path / "exports", planted) == {}
    again = cli("build", pipe)  # a refresh with nothing new: still works, nothing more to purge
    assert "nothing new" in again.output and "purged:" not in again.output
    # a workspace made before this policy (or by `ingest`) keeps its raw text unless the step says so
    other = tmp_path / "other"
    cli("ingest", "-w", other, tmp_path / "raw.jsonl")
    cli("build", "-w", other, pipe)
    assert scan(other, planted) != {}
    pipe.write_text(pipe.read_text().replace('use = "scrub"\n', 'use = "scrub"\nretain_raw = false\n'))
    cli("build", "-w", other, pipe)
    assert scan(other, planted) == {}


def test_status_and_report_after_purge_count_purged_rows_as_kept(cli, tmp_path):
    """Purged rows (status 'purged') ahead of scrub are neither removals nor a filter reason."""
    rows, _ = planted_records(6)
    write_jsonl(tmp_path / "raw.jsonl", rows)
    pipe = tmp_path / "pipe.toml"
    pipe.write_text('[[step]]\nuse = "ingest"\npaths = ["raw.jsonl"]\n\n[[step]]\nuse = "filter"\n\n'
                    '[[step]]\nuse = "scrub"\n\n[export]\nout = "exports"\n\n[report]\nenabled = false\n')
    assert "purged:" in cli("build", pipe).output
    text = cli("status")  # printed sections used to fail on a null key from the purged rows
    assert "error" not in text.output
    st = json.loads(cli("status", "--json").stdout)
    assert None not in st["extra"]["filter"] and "null" not in st["extra"]["filter"]
    assert st["removed"] == sum(s["removed"] for s in st["stages"])
    assert {s["stage"]: s["removed"] for s in st["stages"]}["scrub"] == 0
    from medcorpus.pipeline.workspace import Workspace
    from medcorpus.report import collect

    with Workspace(cli.workspace) as ws:
        funnel = {step["step"]: step for step in collect(ws)["funnel"] if "step" in step}
    assert funnel["filter"]["kept"] + funnel["filter"]["removed"] == 6  # purged rows count as kept
