"""`medcorpus kb load-diseases`: both ChatDoctor layouts, a mapped table, junk reasons, rejects."""
from __future__ import annotations

import json

import pytest

from medcorpus.knowledge.diseases import decode_escapes, iter_diseases, load_diseases, parse_list, reason_junk
from medcorpus.pipeline.io import InputError
from tests.conftest import SAMPLE_DIR


def test_format_dataset_full(ws, shared_data):
    s = load_diseases(ws, shared_data / "disease_db" / "format_dataset.csv")
    assert (s.n_in, s.n_out, s.n_rejected) == (796, 796, 0)
    rows = {r["name"]: r for r in iter_diseases(ws)}
    polyp = rows["Vocal cord polyp"]
    assert polyp["reason_junk"] == "drug-fragment shape" and polyp["reason"] == "beclomethasone nasal product,"
    assert polyp["symptoms"][0] == "Hoarse voice" and len(polyp["symptoms"]) == 12
    assert "Esomeprazole (Nexium)" in polyp["medications"]
    assert "Ullrich–Turner" in rows["Turner syndrome"]["reason"]  # literal \xe2\x80\x93 decoded
    # every one of the 121 reasons under 40 characters is flagged, plus long fragments and stubs
    short = ws.one("SELECT count(*), count(reason_junk) FROM kb_diseases WHERE length(trim(reason)) < 40")
    assert short == (121, 121)
    assert s.extra["reason_junk"] == ws.one("SELECT count(reason_junk) FROM kb_diseases")[0] == 130
    assert rows["Panic disorder"]["reason_junk"] is None
    # reloading replaces, never duplicates
    load_diseases(ws, shared_data / "disease_db" / "format_dataset.csv")
    assert ws.one("SELECT count(*), count(DISTINCT disease_id) FROM kb_diseases") == (796, 796)


def test_mini_layout(ws, shared_data):
    s = load_diseases(ws, shared_data / "disease_db" / "disease_database_mini.csv")
    assert s.n_out == 100 and s.extra["columns"]["tests"] == "Medical Tests"
    row = iter_diseases(ws, limit=1)[0]
    assert row["disease_id"] == "disease_database_mini:0" and row["reason"] is None and row["reason_junk"] is None
    assert row["tests"] and row["medications"]


def test_bundled_sample_and_cli(cli):
    r = cli("kb", "load-diseases", SAMPLE_DIR / "disease_db_sample.csv", "--json")
    out = json.loads(r.stdout)
    assert out["n_out"] == 60 and out["n_rejected"] == 0


def test_mapped_table_and_rejects(ws, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "code,condition,signs,exams,drugs\n"
        "A1,Gout,joint pain; swelling,uric acid test,colchicine|allopurinol\n"
        "A2,,fever,,\n"
        "A3,Flu,\"['fever', 'cough'\",,\n"
        "A4,Cold,\"['sneezing', 'Sneezing', ' runny nose ']\",,\n", encoding="utf-8")
    with pytest.raises(InputError, match="symptoms"):
        load_diseases(ws, path)
    s = load_diseases(ws, path, {"id": "code", "name": "condition", "symptoms": "signs", "tests": "exams",
                                 "medications": "drugs"})
    assert (s.n_in, s.n_out, s.n_rejected) == (4, 2, 2)
    gout, cold = iter_diseases(ws)
    assert gout["symptoms"] == ["joint pain", "swelling"] and gout["medications"] == ["colchicine", "allopurinol"]
    assert cold["symptoms"] == ["sneezing", "runny nose"]
    reasons = [r for r, in ws.exec("SELECT reason FROM rejects WHERE stage = 'kb_diseases' ORDER BY line")]
    assert reasons[0].startswith("empty disease name") and "malformed list" in reasons[1]
    with pytest.raises(InputError, match="no column"):
        load_diseases(ws, path, {"name": "nope"})


def test_helpers():
    assert parse_list("['a', 'b']", "c") == ["a", "b"]
    assert parse_list('["a", "b"]', "c") == ["a", "b"]
    assert decode_escapes(r"caf\xc3\xa9") == "café"
    assert reason_junk(" thiamine, ") == "drug-fragment shape"
    assert reason_junk("HCM may refer to:") == "disambiguation stub"
    assert reason_junk("Polyvinyl chloride is a plastic.").startswith("too short")
    assert reason_junk("Gout is a form of inflammatory arthritis characterised by recurrent attacks.") is None
    assert reason_junk(None) is None
