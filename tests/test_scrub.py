"""scrub: recognizers (positives and medical traps), Chinese checks, operators, audit, CLI, chunking."""
from __future__ import annotations

import json

import pytest

from medcorpus.pipeline.runner import run_stage
from medcorpus.schemas import Record, Turn

from tests.scrub_helpers import found

pytest.importorskip("presidio_analyzer")


def values(scrubber, text, lang="auto"):
    return [v for v, _ in found(scrubber, text, lang)]


# ----------------------------------------------------------------------------- English
@pytest.mark.parametrize("text,expected", [
    ("hi, my name is angie and i am 26 years old. i have a rash.", [("angie", "PERSON")]),
    ("My knee hurts since 3 years.\nThanks & Regards,Nilesh", [("Nilesh", "PERSON")]),
    ("Hello Mrs. Nair, your TSH is borderline.", [("Nair", "PERSON")]),
    ("Hi Dr. Rynne, is a 4 mm nodule serious?", [("Rynne", "PERSON")]),
    ("I am Priya Raman, 34 years, with PCOS.", [("Priya Raman", "PERSON")]),
    ("My son Ethan has had fever for 3 days.", [("Ethan", "PERSON")]),
    ("Thank you doctor.\nRegards,\nJohn Whitaker", [("John Whitaker", "PERSON")]),
    ("Regards, Dr. Alok Mehta\nSunrise Family Clinic", [("Alok Mehta", "PERSON"), ("Sunrise Family Clinic", "ORG")]),
    ("Call me at 212-555-0199 please.", [("212-555-0199", "PHONE")]),
    ("Call me at (415) 555-0132 or +1-278-596-9843x69669.", [("(415) 555-0132", "PHONE"), ("+1-278-596-9843x69669", "PHONE")]),
    ("Mail me at k.obrien77@yahoo.com today.", [("k.obrien77@yahoo.com", "EMAIL")]),
    ("Reports: https://drive.example.com/share/8f3k2 and www.mysite.org.", [("https://drive.example.com/share/8f3k2", "URL"), ("www.mysite.org", "URL")]),
    ("My SSN is 078-05-1120 and MRN 00482913.", [("078-05-1120", "ID"), ("00482913", "ID")]),
    ("I live at 221 Baker Street, Springfield, IL 62704.", [("221 Baker Street, Springfield, IL 62704", "LOCATION")]),
    ("DOB: 04/11/1961. Seen on March 14, 2023.", [("04/11/1961", "DATE"), ("March 14, 2023", "DATE")]),
    ("My father is 93 years old.", [("93 years old", "AGE")]),
    ("Login from 131.81.153.85 failed.", [("131.81.153.85", "IP")]),
])
def test_english_recognizers_find(scrubber, text, expected):
    got = found(scrubber, text)
    for item in expected:
        assert item in got, f"{item} not in {got}"


@pytest.mark.parametrize("text", [
    "I was told it could be Parkinson's disease or maybe Crohn's disease.",
    "My uncle had Hodgkin's lymphoma and my cousin has Down syndrome.",
    "I take Tylenol and Lasix every morning, and Zoloft at night.",
    "The doctor mentioned Bell's palsy and Guillain-Barre syndrome.",
    "Could this be Cushing's syndrome or Addison's disease? Tests: CBC, TSH, MRI, Hemoglobin A1c.",
    "My BP is 150/95 mmHg, pulse 96 bpm, the pain is 7/10, LDL 160 mg/dL, take 500 mg for 5 days.",
    "Hi, Based on your symptoms, it sounds like Vitiligo; a fungus called Histoplasma is another cause.",
    "I am worried. I am diabetic and I'm pregnant. This is serious.",
    "I am 45, male, since 2019 I take 1.5 mg. Age 35. I was born in 1980.",
    "Hi doctor, I live in Texas and my family is from India.",
])
def test_medical_text_and_plain_numbers_are_kept(scrubber, text):
    assert found(scrubber, text) == []


def test_phone_is_not_uk_nhs(scrubber):
    assert found(scrubber, "reach me on 212-555-0199") == [("212-555-0199", "PHONE")]


def test_eponym_names_kept_in_strong_context_only(scrubber):
    assert ("Bell", "PERSON") in found(scrubber, "Hello Mrs. Bell, you may have Bell's palsy.")
    assert found(scrubber, "Hello, you may have Bell's palsy.") == []


# ----------------------------------------------------------------------------- Chinese
def test_chinese_id_checksum():
    from medcorpus.scrub.recognizers_en import cn_id_checksum_ok, luhn_ok

    assert cn_id_checksum_ok("110101195307214418")
    assert cn_id_checksum_ok("11010519491231002X")
    assert not cn_id_checksum_ok("110101195307214415")
    assert luhn_ok("4539 1488 0343 6467") and not luhn_ok("4539 1488 0343 6468")


def test_chinese_identifiers(scrubber):
    text = ("我叫刘芳，手机13912345678，邮箱zhangwei88@163.com，身份证号110101195307214418，QQ号：278456391，"
            "微信：zw_1988，电话010-62751234，银行卡6222021234567894，家住浙江省杭州市西湖区文三路158号。")
    got = found(scrubber, text)
    for item in [("刘芳", "PERSON"), ("13912345678", "PHONE"), ("zhangwei88@163.com", "EMAIL"),
                 ("110101195307214418", "ID"), ("278456391", "ID"), ("zw_1988", "ID"), ("010-62751234", "PHONE"),
                 ("浙江省杭州市西湖区文三路158号", "LOCATION")]:
        assert item in got, f"{item} not in {got}"
    assert any(v.startswith("6222") for v, e in got if e == "ID")


def test_chinese_id_checksum_changes_the_score(scrubber):
    good = scrubber.analyze(["身份证110101195307214418"])[0]
    bad = scrubber.analyze(["编号110101195307214415"])[0]
    assert good[0].score == 1.0 and good[0].recognizer.endswith("cn_resident_id")
    assert bad and bad[0].score < 1.0


def test_email_does_not_swallow_the_chinese_word_before_it(scrubber):
    assert found(scrubber, "我的邮箱zhangwei@example.com谢谢") == [("zhangwei@example.com", "EMAIL")]


@pytest.mark.parametrize("text,name", [
    ("患者王建国，男，67岁，胸闷。", "王建国"), ("张医生您好，我父亲有高血压。", "张"), ("我是张婷婷。", "张婷婷"),
    ("谢谢刘医生！", "刘"), ("联系人：王丽，电话", "王丽"),
])
def test_chinese_names(scrubber, text, name):
    assert (name, "PERSON") in found(scrubber, text)


@pytest.mark.parametrize("text", [
    "请问黄芪和当归一起泡水喝可以补气血吗？我有点贫血。",
    "方子里有白术、茯苓、柴胡、甘草、马钱子，这样吃对吗？",
    "主任医生建议做CT，向医生咨询后由医生决定。谢谢医生！",
    "最近这段时间肌张力高，吃了阿奇霉素。",
    "我的心前区疼痛，肝区不适。",
])
def test_chinese_medical_text_is_kept(scrubber, text):
    assert found(scrubber, text) == []


def test_mixed_english_and_chinese(scrubber):
    text = "Hi doctor, my name is Ryan. 我的手机 13611112222, my email ryan@example.com，谢谢李医生。"
    got = found(scrubber, text)
    for item in [("Ryan", "PERSON"), ("13611112222", "PHONE"), ("ryan@example.com", "EMAIL"), ("李", "PERSON")]:
        assert item in got


def test_a_mixed_text_runs_the_identifier_patterns_once(scrubber, monkeypatch):
    """A mixed text goes through the Chinese and the English recognizers; the identifier patterns
    (email, phone, ID, ...) are the same in both, so only its Chinese pass runs them."""
    text = "Hi doctor, my name is Ryan. 我的手机 13611112222, my email ryan@example.com，谢谢李医生。"
    assert scrubber.languages_of(text) == ["zh", "en"]
    calls = []
    for rec in scrubber.analyzer.registry.recognizers:
        if rec.name == "Email":
            monkeypatch.setattr(rec, "analyze", lambda *a, _orig=rec.analyze, _lang=rec.supported_language, **k:
                                calls.append(_lang) or _orig(*a, **k))
    got = found(scrubber, text)
    assert ("ryan@example.com", "EMAIL") in got and ("13611112222", "PHONE") in got
    assert calls == ["zh"]
    calls.clear()
    found(scrubber, "Hi doctor, write to ryan@example.com please.")
    assert calls == ["en"]  # an English text still runs them


# ----------------------------------------------------------------------------- long and odd input
def test_chunk_text_covers_everything():
    from medcorpus.scrub.engine import chunk_text

    text = ("word " * 50 + ". ") * 40
    pieces = chunk_text(text, 300)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 300 for _, p in pieces) and len(pieces) > 5
    assert all(text[o:o + len(p)] == p for o, p in pieces)


def test_long_text_is_chunked_with_right_offsets():
    from medcorpus.scrub.engine import Scrubber

    small = Scrubber(max_chunk_chars=500, use_ner=False)
    text = "I have had a cough for a week. " * 100 + "Call me at 212-555-0199. My name is angie."
    spans = small.analyze([text])[0]
    assert [(text[s.start:s.end], s.entity) for s in spans] == [("212-555-0199", "PHONE"), ("angie", "PERSON")]


def test_empty_and_blank_texts(scrubber):
    assert scrubber.analyze(["", "   ", "\n"]) == [[], [], []]


def test_tldextract_stays_offline():
    import tldextract.tldextract as tx

    import medcorpus.scrub  # noqa: F401

    assert tuple(tx.TLD_EXTRACTOR.suffix_list_urls) == ()
    assert tx.TLD_EXTRACTOR._medcorpus_offline
    assert tx.extract("https://www.example.co.uk/x").suffix == "co.uk"


def test_unknown_model_is_a_clear_error():
    from medcorpus.scrub.engine import load_spacy_model

    with pytest.raises(RuntimeError, match="not installed"):
        load_spacy_model("no_such_spacy_model_xyz")


# ----------------------------------------------------------------------------- allow-list
def test_allow_list_from_disease_db(tmp_path):
    from medcorpus.scrub.allowlist import MedicalTerms, terms_from_disease_db
    from tests.conftest import SAMPLE_DIR

    terms = terms_from_disease_db(SAMPLE_DIR / "disease_db_sample.csv")
    assert "panic disorder" in terms and "anxiety and nervousness" in terms
    mt = MedicalTerms(terms | {"parkinson's disease", "crohn's disease"})
    text = "Crohn’s disease, Parkinson disease and Panic Disorder"
    assert [text[s:e] for s, e in mt.find(text)] == ["Crohn’s disease", "Parkinson disease", "Panic Disorder"]


# ----------------------------------------------------------------------------- operators
def test_operators():
    from medcorpus.scrub.engine import Span
    from medcorpus.scrub.operators import Surrogates, apply

    text = "Hi John, call 212-555-0199."
    spans = [Span(3, 7, "PERSON", 0.9, "x"), Span(14, 26, "PHONE", 0.8, "y")]
    assert apply(text, spans, "placeholder") == "Hi <PERSON>, call <PHONE>."
    assert apply(text, spans, "redact") == "Hi , call ."
    fake = apply(text, spans, "surrogate", Surrogates("rec1"))
    assert "John" not in fake and "212-555-0199" not in fake
    assert fake == apply(text, spans, "surrogate", Surrogates("rec1"))  # deterministic per record
    phone = fake.split("call ")[1][:-1]
    assert len(phone) == 12 and phone[3] == "-" and phone[7] == "-"  # same shape


def test_surrogates_consistent_within_a_record(ws):
    from medcorpus.stages.scrub import ScrubStage

    rec = Record.new("t", [Turn(role="patient", text="My name is John Smith. Call me at 212-555-0199."),
                           Turn(role="doctor", text="Hello Mr. John Smith, please call 212-555-0199 again.")])
    ws.add_records([rec.to_row()], origin="t")
    run_stage(ws, ScrubStage({"operator": "surrogate", "ner": False}))
    out = ws.records()[0]
    p, d = out.turns[0].text, out.turns[1].text
    assert "John" not in p + d and "212-555-0199" not in p + d
    fake_name = p.split("My name is ")[1].split(".")[0]
    fake_phone = p.split("Call me at ")[1].rstrip(".")
    assert fake_name in d and fake_phone in d


# ----------------------------------------------------------------------------- stage, audit, status, CLI
PLANTED = [
    ("patient", "Hi doctor, my name is angie. Call me at 212-555-0199 or angie.b@gmail.com. I have Crohn's disease."),
    ("doctor", "Hello Mrs. Nair, Crohn's disease needs a colonoscopy. Regards, Dr. Alok Mehta"),
]
VALUES = ["angie", "212-555-0199", "angie.b@gmail.com", "Nair", "Alok Mehta"]


def test_stage_writes_audit_without_values_and_meta_counts(ws):
    from medcorpus.pipeline.status import collect_status
    from medcorpus.stages.scrub import ScrubStage

    recs = [Record.new("t", [Turn(role=r, text=t) for r, t in PLANTED]),
            Record.new("t", [Turn(role="patient", text="")]),
            Record.new("t", [Turn(role="patient", text="请问黄芪能和当归一起吃吗？我叫王小明，电话13812345678。")])]
    ws.add_records([r.to_row() for r in recs], origin="t")
    s = run_stage(ws, ScrubStage())
    assert (s.n_in, s.n_out, s.n_rejected) == (3, 3, 0)
    out = {r.id: r for r in ws.records()}
    first = out[recs[0].id]
    text = " ".join(t.text for t in first.turns)
    assert not any(v in text for v in VALUES) and "Crohn's disease" in text and "<PERSON>" in text
    assert first.meta["pii"]["counts"] == {"EMAIL": 1, "PERSON": 3, "PHONE": 1}
    assert "spans" not in first.meta["pii"]
    assert out[recs[1].id].turns[0].text == "" and out[recs[1].id].meta["pii"]["total"] == 0
    assert "黄芪" in out[recs[2].id].turns[0].text and "王小明" not in out[recs[2].id].turns[0].text
    rows = ws.fetch_rows("SELECT * FROM scrub_audit")
    assert len(rows) == 7
    assert {r["entity"] for r in rows} == {"PERSON", "PHONE", "EMAIL"}
    dump = json.dumps(rows, default=str)
    assert not any(v in dump for v in VALUES + ["王小明", "13812345678"])
    r0 = next(r for r in rows if r["record_id"] == recs[0].id and r["entity"] == "EMAIL")
    assert PLANTED[r0["turn"]][1][r0["start_char"]:r0["end_char"]] == "angie.b@gmail.com"
    assert collect_status(ws)["extra"]["pii"]["by_entity"] == {"PERSON": 4, "PHONE": 2, "EMAIL": 1}
    # a re-run does nothing and adds no audit rows
    assert run_stage(ws, ScrubStage()).n_in == 0
    assert ws.one("SELECT count(*) FROM scrub_audit")[0] == 7


def test_cli_end_to_end(cli, tmp_path):
    from tests.conftest import write_jsonl

    src = write_jsonl(tmp_path / "in.jsonl", [
        {"messages": [{"role": "user", "content": t1}, {"role": "assistant", "content": t2}]}
        for t1, t2 in [(PLANTED[0][1], PLANTED[1][1]),
                       ("My SSN is 078-05-1120. Thanks & Regards,Nilesh", "Take Tylenol for Parkinson's disease.")]])
    cli("ingest", src)
    res = cli("scrub", "--json", "--entities", "PERSON,PHONE,EMAIL", "-e", "ID")
    summary = json.loads(res.stdout)
    assert summary["n_out"] == 2 and summary["extra"]["by_entity"]["PERSON"] == 4
    out = tmp_path / "out"
    cli("export", "--out", out, "--format", "messages", "--file-type", "jsonl")
    exported = "".join(p.read_text() for p in (out / "data").glob("*.jsonl"))
    assert not any(v in exported for v in VALUES + ["078-05-1120", "Nilesh"])
    assert "Tylenol" in exported and "Parkinson's disease" in exported and "<ID>" in exported
    status = cli("status", "--json")
    assert json.loads(status.stdout)["extra"]["pii"]["spans"] == 7  # 4 names, a phone, an email, an SSN
    bad = cli("scrub", "--entities", "NAMES", ok=False)
    assert bad.exit_code == 1 and "unknown entity" in bad.output
    bad = cli("scrub", "--allow-list", tmp_path / "missing.csv", ok=False)
    assert bad.exit_code == 1 and "not found" in bad.output


@pytest.mark.slow
def test_workers_give_the_same_result(ws):
    from medcorpus.stages.scrub import ScrubStage

    recs = [Record.new("t", [Turn(role="patient", text=f"My name is Ann{chr(97 + i % 26)}. Call 212-555-01{i:02d}.")])
            for i in range(40)]
    ws.add_records([r.to_row() for r in recs], origin="t")
    s = run_stage(ws, ScrubStage({"ner": False}), workers=2, batch_size=10)
    assert s.n_out == 40 and s.extra["by_entity"] == {"PERSON": 40, "PHONE": 40}
    assert all("<PERSON>" in r.turns[0].text and "<PHONE>" in r.turns[0].text for r in ws.records())
    assert ws.one("SELECT count(*) FROM scrub_audit")[0] == 80


@pytest.mark.parametrize("text,name", [
    ("Emily, thank you for the details. It sounds like a migraine.", "Emily"),
    ("I have a rash.\nBest,\nAlexandra", "Alexandra"),
    ("Take rest and fluids.\n\nJulia White, MD\nLara Children Hospital", "Julia White"),
    ("Hello sir, Christina here. I have a cough.", "Christina"),
    ("Doctor, I (Angela Price) have a question.", "Angela Price"),
    ("Hi there Logan! Well, headaches can have many causes.", "Logan"),
    ("I had an MRI of the brain.\n-- Tammy", "Tammy"),
])
def test_signatures_and_vocatives(scrubber, text, name):
    assert (name, "PERSON") in found(scrubber, text)


@pytest.mark.parametrize("text,name", [
    ("冯红梅，女，49岁，请问芭蕉油能用吗？", "冯红梅"), ("病人姓名：关健。", "关健"), ("盼复，贾建国", "贾建国"),
    ("咨询人：郭海燕，我的脸部肌肤松弛。", "郭海燕"),
])
def test_chinese_names_more_shapes(scrubber, text, name):
    assert (name, "PERSON") in found(scrubber, text)


def test_headings_and_lone_capitalised_lines_are_kept(scrubber):
    text = "Diagnosis\nYou may have Graves disease.\nTreatment Plan\nTake methimazole.\nFollow up in 2 weeks."
    assert found(scrubber, text) == []
