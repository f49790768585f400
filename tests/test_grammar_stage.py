"""The grammar stage through the CLI: audit, meta, Chinese pass-through, cache, auto, failures."""
from __future__ import annotations

import json

import pytest

from medcorpus.pipeline.workspace import Workspace
from tests.conftest import write_jsonl
from tests.fakes.languagetool_server import LanguageToolFake

ROWS = [
    {"instruction": "If you are a doctor, please answer.", "input": "i have diabetis.what should i do",
     "output": "you should take metformine. i think teh pateint needs rest"},
    {"instruction": "If you are a doctor, please answer.", "input": "my head hurts",
     "output": "Take Augmentin twice a day. i think teh pateint needs rest"},
    {"instruction": "If you are a doctor, please answer.", "input": "ok", "output": "This answer is fine."},
]
ZH = {"query": "我头疼怎么办", "response": "建议多休息，必要时就医。i think"}


def _ingest(cli, tmp_path, rows=ROWS, name="a.json"):
    p = tmp_path / name
    p.write_text(json.dumps(rows))
    cli("ingest", p)
    cli("ingest", write_jsonl(tmp_path / "zh.jsonl", [ZH]), "--format", "chatmed")


def _records(cli):
    ws = Workspace(cli.workspace)
    try:
        recs = {r.id: r for r in ws.records()}
        audit = ws.fetch_rows("SELECT * FROM grammar_audit ORDER BY record_id, turn_index")
        cache = ws.one("SELECT count(*) FROM grammar_cache")[0]
    finally:
        ws.close()
    return recs, audit, cache


def test_grammar_harper_cli(cli, tmp_path):
    _ingest(cli, tmp_path)
    out = json.loads(cli("grammar", "--backend", "harper", "--json").stdout)
    assert out["n_in"] == 4 and out["n_out"] == 4 and out["extra"]["backend"] == "harper"
    assert out["extra"]["passed_through_lang_zh"] == 1 and "Chinese" in out["extra"]["note"]
    recs, audit, cache = _records(cli)
    doctor = {r.turns[-1].text for r in recs.values() if r.lang == "en"}
    assert "You should take metformin. I think the patient needs rest." in doctor
    assert "This answer is fine." in doctor
    patient = {r.turns[1].text for r in recs.values() if r.lang == "en"}
    assert "i have diabetis.what should i do" in patient            # only doctor turns by default
    zh = next(r for r in recs.values() if r.lang == "zh")
    assert zh.turns[-1].text == ZH["response"] and zh.meta["grammar"]["skipped"] == "lang zh"
    changed = [r for r in recs.values() if r.meta.get("grammar", {}).get("edits")]
    assert changed and all(r.meta["grammar"]["kinds"] for r in changed)
    # the original text is kept for audit, with its edits
    originals = {a["original"] for a in audit}
    assert "you should take metformine. i think teh pateint needs rest" in originals
    assert all(a["n_edits"] == len(json.loads(a["edits"])) for a in audit)
    # a re-run does nothing; a new record with a known sentence comes from the cache
    again = json.loads(cli("grammar", "--backend", "harper", "--json").stdout)
    assert again["n_in"] == 0
    more = tmp_path / "b.json"
    more.write_text(json.dumps([{"instruction": "x", "input": "hello", "output": "i think teh pateint needs rest"}]))
    cli("ingest", more)
    third = json.loads(cli("grammar", "--backend", "harper", "--json").stdout)
    assert third["n_in"] == 1 and third["extra"]["cache_hits"] == 1 and third["extra"]["segments_corrected"] == 0


def test_grammar_languagetool_cli_cache_and_roles(cli, tmp_path):
    _ingest(cli, tmp_path)
    with LanguageToolFake() as lt:
        out = json.loads(cli("grammar", "--backend", "auto", "--languagetool-url", lt.url,
                             "--roles", "doctor,patient", "--json").stdout)
        first_requests = lt.requests
    assert out["extra"]["backend"] == "languagetool" and "answers" in out["extra"]["backend_note"]
    recs, audit, cache = _records(cli)
    texts = {t.text for r in recs.values() for t in r.turns}
    assert "I think the patient needs rest" in " ".join(texts)
    assert any("diabetes" in t for t in texts)   # "diabetis" -> only to a protected word
    assert "Take Augmentin twice a day." in " ".join(texts)
    # "i think teh pateint needs rest" appears twice but is sent once
    assert sum("teh pateint" in t for t in lt.texts) == 1
    assert any(t.startswith("I have diabetis. What") for t in lt.texts)  # deterministic fixes first
    assert cache == first_requests
    # a new record of known sentences costs no request
    more = tmp_path / "b.json"
    more.write_text(json.dumps([{"instruction": "x", "input": "my head hurts", "output": "i think teh pateint needs rest"}]))
    cli("ingest", more)
    with LanguageToolFake() as lt2:
        again = json.loads(cli("grammar", "--backend", "languagetool", "--languagetool-url", lt2.url,
                               "--roles", "doctor,patient", "--json").stdout)
        assert lt2.requests == 0
    assert again["n_in"] == 1 and again["extra"]["cache_hits"] >= 1


def test_grammar_languagetool_failures_keep_records(cli, tmp_path):
    rows = [{"instruction": "x", "input": "q", "output": "teh answer SERVER_ERROR here"},
            {"instruction": "x", "input": "q2", "output": "teh answer SLOW_TIMEOUT here"},
            {"instruction": "x", "input": "q3", "output": "teh answer is fine"}]
    _ingest(cli, tmp_path, rows)
    with LanguageToolFake(hang=3.0) as lt:
        out = json.loads(cli("grammar", "--backend", "languagetool", "--languagetool-url", lt.url,
                             "--timeout", "0.5", "--json").stdout)
    assert out["n_out"] == 4 and out["n_rejected"] == 0 and out["extra"]["flagged_records"] == 2
    recs, _, cache = _records(cli)
    by_text = {r.turns[-1].text: r for r in recs.values()}
    for text in ("teh answer SERVER_ERROR here", "teh answer SLOW_TIMEOUT here"):
        assert by_text[text].meta["grammar"]["flagged"] is True and by_text[text].meta["grammar"]["error"]
    assert "The answer is fine." in by_text
    assert cache == 1  # failures are not cached: a later run asks again


def test_grammar_auto_falls_back_to_harper(cli, tmp_path):
    _ingest(cli, tmp_path, ROWS[:1])
    out = json.loads(cli("grammar", "--languagetool-url", "http://127.0.0.1:9", "--json").stdout)
    assert out["extra"]["backend"] == "harper" and "no LanguageTool" in out["extra"]["backend_note"]
    r = cli("grammar", "--backend", "languagetool", "--languagetool-url", "http://127.0.0.1:9", ok=False)
    assert r.exit_code != 0 and "no LanguageTool server answers" in r.output


def test_grammar_bad_vocab_file(cli, tmp_path):
    r = cli("grammar", "--backend", "harper", "--vocab", tmp_path / "missing.txt", ok=False)
    assert r.exit_code == 1 and "not found" in r.output


@pytest.mark.slow
def test_grammar_workers(cli, tmp_path):
    rows = [{"instruction": "x", "input": f"q{i}", "output": f"i think teh pateint {i} needs rest.it hurts"}
            for i in range(60)]
    _ingest(cli, tmp_path, rows)
    out = json.loads(cli("grammar", "--backend", "harper", "--workers", "2", "--batch-size", "20", "--json").stdout)
    assert out["n_out"] == 61
    recs, _, _ = _records(cli)
    assert all("I think the patient" in r.turns[-1].text for r in recs.values() if r.lang == "en")
