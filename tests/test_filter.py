"""The filter stage: each filter on positive and negative cases (English and Chinese), repair vs
reject thresholds, the labelled set, the CLI (--dry-run, --only, --config), counts and status."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from medcorpus.filters import FILTERS, ORDER, labelled
from medcorpus.filters.base import Work
from medcorpus.filters.text import AnyPattern, required_literals, split_sentences
from medcorpus.pipeline.runner import run_stage
from medcorpus.schemas import Record, Rejected, Turn
from medcorpus.stages.filter import FilterStage, build_config, dry_run
from tests.conftest import ROOT, write_jsonl

LABELLED = ROOT / "tests" / "data" / "filter_labelled.jsonl"
EN_Q = "Doctor, I have had a cough and a mild fever for three days. What should I do?"
EN_BODY = ("Based on your symptoms, it sounds like you may have a viral upper respiratory infection. "
           "Drink plenty of fluids and take paracetamol for the fever. "
           "If the cough lasts more than two weeks, we should do a chest x-ray.")
ZH_Q = "我最近总是胃痛，饭后更明显，请问是怎么回事？"
ZH_BODY = "根据您的描述，可能是慢性胃炎引起的。建议您到医院做胃镜检查，明确诊断后再对症治疗。平时注意饮食规律，少吃辛辣刺激的食物。"


def rec(answer: str, question: str = EN_Q, lang: str | None = None, rid: str | None = None) -> Record:
    r = Record.new("t", [Turn(role="patient", text=question), Turn(role="doctor", text=answer)], lang=lang)
    return r.model_copy(update={"id": rid}) if rid else r


def run_one(name: str, answer: str, question: str = EN_Q, **settings):
    f = FILTERS[name](settings or None)
    w = Work(rec(answer, question))
    return f.apply(w), w


# ---------------------------------------------------------------------------- text helpers
def test_sentence_pieces_join_back_and_respect_abbreviations():
    for text in [EN_BODY, ZH_BODY, "Hi,\n\nThanks.  \nTake 2.5 mg, e.g. with food. See Dr. Rao.", ""]:
        assert "".join(split_sentences(text)) == text
    assert split_sentences("See Dr. Rao tomorrow. Then rest.") == ["See Dr. Rao tomorrow. ", "Then rest."]
    assert split_sentences("您好！建议休息。祝早日康复~") == ["您好！", "建议休息。", "祝早日康复~"]


def test_any_pattern_prefilter_is_exact():
    assert required_literals(r"(?:click|use)\s+the\s+link") == frozenset({"link"})
    assert required_literals(r"0{5,}") == frozenset({"00000"})
    assert required_literals(r"\d+") is None
    p = AnyPattern([r"premium\s+query", r"\d{3}-XYZ", r"[#＃]{4,}"], "test")
    assert p.search("Send it as a PREMIUM  query.") and p.search("code 123-xyz") and p.search("#####")
    assert not p.search("a premium product") and not p.search("###")


# ---------------------------------------------------------------------------- artefacts
def test_artefacts_drop_cut_sentences_and_keep_the_rest():
    answer = ("He may need anxiolytic Chat Doctor.  Also give him pantoprazole 40 mg before breakfast. "
              "Levipil 500 mg (Levitiracetam)is an antiepileptic Chat Doctor. " + EN_BODY)
    v, w = run_one("artefacts", answer)
    assert v is None
    assert "Chat Doctor" not in w.texts[1] and "pantoprazole" in w.texts[1] and EN_BODY in w.texts[1]
    assert w.notes["artefacts"] == {"sentences": 2}


def test_artefacts_keep_a_capitalised_tail_and_handle_chinese():
    v, w = run_one("artefacts", "Maintain adequate HY Chat Doctor Also avoid coffee and alcohol for a week. " + EN_BODY)
    assert v is None and w.texts[1].startswith("Also avoid coffee and alcohol for a week.")
    assert w.notes["artefacts"] == {"sentences": 1, "tails_kept": 1}
    v, w = run_one("artefacts", ZH_BODY + "建议口服阿莫西林Chat Doctor。", ZH_Q)
    assert v is None and w.texts[1] == ZH_BODY


def test_artefacts_strip_a_placeholder_salutation_only():
    f = FILTERS["artefacts"]()
    w = Work(rec(EN_BODY, question="Hi Chat Doctor, my son has had a fever for three days. What should I do?"))
    assert f.apply(w) is None
    assert w.texts[0] == "My son has had a fever for three days. What should I do?"
    assert w.notes["artefacts"] == {"salutations": 1}
    v, w = run_one("artefacts", "Dear Chat Doctor: " + EN_BODY)  # a lone "Chat Doctor." stays damage
    assert w.texts[1] == EN_BODY


def test_artefacts_reject_when_too_much_is_damaged():
    answer = "irritable bowel syn Chat Doctor. Maintain adequate HY Chat Doctor. Drink water."
    v, _ = run_one("artefacts", answer)
    assert v is not None and "2 of 3 sentences" in v.why
    v, _ = run_one("artefacts", answer, reject_ratio=0.7, min_kept_chars=5)  # threshold moved: repaired
    assert v is None
    v, _ = run_one("artefacts", "Take rest. Maintain adequate HY Chat Doctor. Drink water.", min_kept_chars=30)
    assert v is not None and "characters left" in v.why


def test_artefacts_negative_and_configurable_placeholder():
    v, w = run_one("artefacts", EN_BODY + " Chat with your doctor about it.")
    assert v is None and not w.notes
    v, w = run_one("artefacts", "Take ibuprofen for the [NAME] pain. " + EN_BODY, placeholders=["[NAME]"])
    assert w.notes["artefacts"] == {"sentences": 1} and w.texts[1] == EN_BODY


# ---------------------------------------------------------------------------- boilerplate
@pytest.mark.parametrize("opening,closing", [
    ("Hi and welcome to Chat Doctor.", "Hope I have answered your query. Let me know if I can assist you further."),
    ("Thanks for your question on Chat Doctor.", "Take care."),
    ("Hi, dairy have gone through your question.", "Regards, Dr. Ashok Kumar."),
    ("HiT hanks for posting your query.", "Wish you good health."),
])
def test_boilerplate_strips_openings_and_closings(opening, closing):
    v, w = run_one("boilerplate", f"{opening} {EN_BODY} {closing}")
    assert v is None and w.texts[1] == EN_BODY


def test_boilerplate_greeting_prefix_chinese_and_hard_negatives():
    v, w = run_one("boilerplate", "Hello, the rash on your arm looks like contact dermatitis. " + EN_BODY)
    assert w.texts[1].startswith("The rash on your arm") and w.notes["boilerplate"] == {"greeting": 1}
    v, w = run_one("boilerplate", "您好！" + ZH_BODY + "祝您早日康复！希望我的回答对您有所帮助。", ZH_Q)
    assert w.texts[1] == ZH_BODY and w.notes["boilerplate"] == {"opening": 1, "closing": 2}
    for advice in ("Take care to keep the wound clean and dry.",
                   "Let me know if the fever rises above 102 F after two days of paracetamol.",
                   "Feel free to apply an ice pack three times a day."):
        v, w = run_one("boilerplate", EN_BODY + " " + advice)
        assert not w.notes, advice
    v, w = run_one("boilerplate", ZH_BODY + "如果症状加重，请及时就医。", ZH_Q)
    assert not w.notes


def test_boilerplate_never_empties_a_turn_and_takes_extra_phrases():
    v, w = run_one("boilerplate", "Hi and welcome to Chat Doctor. Hope this helps. Take care.")
    assert v is None and w.texts[1] == "Hi and welcome to Chat Doctor. Hope this helps. Take care."
    assert w.notes["boilerplate"] == {"kept_all_formulaic": 1}
    v, w = run_one("boilerplate", EN_BODY + " Stay blessed always my friend.",
                   extra_closings=[r"stay\s+blessed\s+always.{0,20}"])
    assert w.texts[1] == EN_BODY


def test_boilerplate_generic_formula_words_rule():
    v, w = run_one("boilerplate", "Hi, I am Dr. Mehta, a general physician. " + EN_BODY + " Happy to help. Cheers.")
    assert w.texts[1] == EN_BODY and w.notes["boilerplate"] == {"opening": 1, "closing": 2}
    for content in ("Take care of the wound.", "Thanks to the vaccine, the risk is low.", "Hope for 2 more days."):
        v, w = run_one("boilerplate", EN_BODY + " " + content)
        assert not w.notes, content
    v, w = run_one("boilerplate", EN_BODY + " Happy to help.", formula_cues=[], similarity=1)  # rules off
    assert not w.notes


# ---------------------------------------------------------------------------- chrome
def test_chrome_removes_upsell_and_site_links():
    answer = (EN_BODY + " You can send us some pictures through premium query. "
              "For further queries use the below-mentioned link:bit.ly/ Chat Doctor. "
              "My profile: www.ChatDoctor .com/doctors/ for follow up.")
    v, w = run_one("chrome", answer)
    assert v is None and w.texts[1] == EN_BODY and w.notes["chrome"] == {"sentences": 3}
    v, w = run_one("chrome", ZH_BODY + "可以点击下方链接进行付费咨询。", ZH_Q)
    assert w.texts[1] == ZH_BODY


def test_chrome_keeps_other_links_unless_asked_and_rejects_pure_chrome():
    answer = EN_BODY + " See https://www.who.int/health-topics/influenza for more."
    v, w = run_one("chrome", answer)
    assert not w.notes
    v, w = run_one("chrome", answer, drop_all_links=True)
    assert w.texts[1] == EN_BODY
    v, _ = run_one("chrome", "Please ask me a premium question with your reports.")
    assert v is not None and "only site chrome" in v.why


# ---------------------------------------------------------------------------- placeholders
def test_placeholders_reject_or_mark():
    v, _ = run_one("placeholders", EN_BODY + " Please get back to me 000000.")
    assert v is not None and "000000" in v.why
    v, _ = run_one("placeholders", EN_BODY + " Your XXXX report is fine.")
    assert v is not None
    v, w = run_one("placeholders", EN_BODY + " Please get back to me 000000.", action="mark")
    assert v is None and w.notes["placeholders"] == {"marked": 1}
    for fine in ("Take 100000 units of vitamin D weekly.", "A level of 0.000001 is normal.", "Call 020-0000 0000."):
        v, w = run_one("placeholders", EN_BODY + " " + fine)
        assert v is None and not w.notes, fine


# ---------------------------------------------------------------------------- length
def test_length_is_language_aware():
    v, _ = run_one("length", "This could be a symptom of chronic otitis media.")
    assert v is not None and v.why == "answer too short (9 words < 10)"
    assert run_one("length", EN_BODY)[0] is None
    v, _ = run_one("length", "多喝水，注意休息。", ZH_Q)
    assert v is not None and "characters" in v.why
    assert run_one("length", ZH_BODY, ZH_Q)[0] is None
    v, _ = run_one("length", EN_BODY, min_answer={"en": 5}, max_answer={"en": 20})
    assert v is not None and "too long" in v.why
    v, _ = run_one("length", EN_BODY, question="Help?")
    assert v is not None and v.why.startswith("question too short")


# ---------------------------------------------------------------------------- language
def test_language_rejects_answers_in_another_language():
    v, _ = run_one("language", ZH_BODY)  # English question, Chinese answer, record detected as en or zh
    assert v is not None
    f = FILTERS["language"]()
    assert f.apply(Work(rec(ZH_BODY, lang="en"))).detail["turn_lang"] == "zh"
    assert f.apply(Work(rec(EN_BODY, ZH_Q, lang="zh"))).detail["turn_lang"] == "en"
    spanish = ("Usted puede tener una infección de garganta. Es importante que tome el antibiótico durante "
               "siete días y que beba mucha agua para que la fiebre baje.")
    assert f.apply(Work(rec(spanish, lang="en"))).detail["turn_lang"] == "other"


def test_language_keeps_matching_and_drug_lists():
    f = FILTERS["language"]()
    assert f.apply(Work(rec(EN_BODY))) is None
    assert f.apply(Work(rec(ZH_BODY, ZH_Q))) is None
    drugs = ("Your required medications include Digoxin, Captopril, Palivizumab (Synagis), Chlorothiazide, "
             "Treprostinil (Remodulin), Procainamide, Ambrisentan (Letairis), Bosentan, Sildenafil.")
    assert f.apply(Work(rec(drugs))) is None
    assert f.apply(Work(rec(ZH_BODY, "你好，我的CT报告显示 mild fatty liver，需要吃药吗？请医生帮忙看看。", lang="zh"))) is None


# ---------------------------------------------------------------------------- repetition
def test_repetition_rejects_loops_not_normal_answers():
    loop = " ".join(["Drink plenty of fluids and take paracetamol for the fever."] * 4 + [EN_BODY])
    v, _ = run_one("repetition", loop)
    assert v is not None and "repeated" in v.why
    ngram = "You should rest and you should drink water and you should rest and you should drink water " * 4
    v, _ = run_one("repetition", ngram)
    assert v is not None and "gram" in v.why
    assert run_one("repetition", EN_BODY * 1)[0] is None
    zh_loop = "建议多喝水多休息，" * 12 + "注意观察。"
    v, _ = run_one("repetition", zh_loop, ZH_Q)
    assert v is not None


def test_pathological_texts_stay_fast():
    import time

    stage = FilterStage()
    texts = [".", " ", "! ", "Hi, ", "www.", "0", "Chat Doctor ", "建议多喝水，", "-"]
    recs = [rec(t * (50_000 // len(t)), rid=f"p{i}") for i, t in enumerate(texts)]
    t0 = time.process_time()
    outs = list(stage.process(recs))
    assert len(outs) == len(recs) and time.process_time() - t0 < 3.0  # was 86 s for the dots before


# ---------------------------------------------------------------------------- the stage
def test_labelled_set_meets_the_issue_goals():
    examples = labelled.load(LABELLED)
    assert len(examples) >= 100
    stage = FilterStage()
    outs = list(stage.process([labelled.to_record(e) for e in examples]))
    s = labelled.score(examples, outs)
    assert s["artefact"]["removed"] / s["artefact"]["total"] >= 0.95
    assert s["clean_removed"] <= 0.02
    assert s["decisions_right"] >= 0.95 * len(examples), s["wrong"]


def test_rejected_carries_filter_name_and_repairs_note_counts():
    stage = FilterStage()
    a = rec("Hi and welcome to Chat Doctor. " + EN_BODY + " He may need anxiolytic Chat Doctor. Take care.", rid="a")
    b = rec("Hi, thanks for the query. This could be a symptom of chronic otitis media.", rid="b")
    c = rec(EN_BODY, rid="c")
    out = {o.id if isinstance(o, Record) else o.record_id: o for o in stage.process([a, b, c])}
    assert out["a"].turns[1].text == EN_BODY
    assert out["a"].meta["filter"] == {"boilerplate": {"opening": 1, "closing": 1}, "artefacts": {"sentences": 1}}
    assert isinstance(out["b"], Rejected) and out["b"].reason.startswith("length: answer too short")
    assert out["b"].detail["filter"] == "length" and out["b"].detail["repairs"] == {"boilerplate": {"opening": 1}}
    assert out["c"] is c


def test_config_file_only_and_fingerprint(tmp_path):
    toml = tmp_path / "f.toml"
    toml.write_text('[filter.length]\nmin_answer = {en = 3, zh = 5}\n[repetition]\nenabled = false\n')
    with pytest.raises(Exception):
        build_config(toml)  # a file is either [filter.*] or top-level tables, not both
    toml.write_text('[length]\nmin_answer = {en = 3, zh = 5}\n[repetition]\nenabled = false\n')
    cfg = build_config(toml)
    assert cfg.length.min_answer["en"] == 3 and "repetition" not in cfg.enabled()
    yml = tmp_path / "f.yaml"
    yml.write_text("filter:\n  artefacts:\n    placeholders: ['Chat Doctor', '[NAME]']\n")
    assert build_config(yml).artefacts.placeholders == ["Chat Doctor", "[NAME]"]
    assert build_config(None, ["artefacts,length"]).enabled() == ["artefacts", "length"]
    with pytest.raises(ValueError, match="unknown filter"):
        build_config(None, ["artefact"])
    bad = tmp_path / "bad.toml"
    bad.write_text("[length]\nmin_answers = 3\n")
    with pytest.raises(Exception, match="min_answers"):
        build_config(bad)
    # editing a phrase file changes the fingerprint (records get reprocessed)
    phrases = tmp_path / "openings.txt"
    phrases.write_text("welcome\\s+aboard\n")
    fp1 = FilterStage(build_config(None).model_copy(update={
        "boilerplate": build_config(None).boilerplate.model_copy(update={"openings": [str(phrases)]})})).fingerprint()
    phrases.write_text("welcome\\s+aboard\nnice\\s+to\\s+meet\\s+you\n")
    fp2 = FilterStage(build_config(None).model_copy(update={
        "boilerplate": build_config(None).boilerplate.model_copy(update={"openings": [str(phrases)]})})).fingerprint()
    assert fp1 != fp2 and FilterStage().fingerprint() == FilterStage().fingerprint()


def _consultations(tmp_path: Path) -> Path:
    rows = [
        {"instruction": "If you are a doctor, please answer.", "input": EN_Q,
         "output": "Hi and welcome to Chat Doctor. " + EN_BODY + " He may need anxiolytic Chat Doctor. "
                   "You can send us some pictures through premium query. Hope I have answered your query."},
        {"instruction": "If you are a doctor, please answer.", "input": "Doctor, my ear has hurt for months.",
         "output": "This could be a symptom of chronic otitis media."},
        {"instruction": "If you are a doctor, please answer.", "input": "Doctor, I feel dizzy when I stand up.",
         "output": "Maintain adequate HY Chat Doctor. irritable bowel syn Chat Doctor. Drink water."},
        {"instruction": "If you are a doctor, please answer.", "input": "Doctor, my knee hurts when I climb stairs.",
         "output": EN_BODY + " Please get back to me 000000."},
        {"instruction": "If you are a doctor, please answer.", "input": "Doctor, I have a sore throat and fever.",
         "output": EN_BODY},
    ]
    return write_jsonl(tmp_path / "raw.jsonl", rows)


def test_cli_filter_end_to_end_with_counts_status_and_export(cli, tmp_path):
    cli("ingest", _consultations(tmp_path))
    out = json.loads(cli("filter", "--json").stdout)
    assert (out["n_in"], out["n_out"], out["n_rejected"]) == (5, 2, 3)
    assert out["extra"]["artefacts"] == {"touched": 2, "repaired": 1, "rejected": 1, "sentences": 1}
    assert out["extra"]["length"] == {"touched": 1, "repaired": 0, "rejected": 1}
    assert out["extra"]["placeholders"] == {"touched": 1, "repaired": 0, "rejected": 1}
    assert out["extra"]["boilerplate"] == {"touched": 1, "repaired": 1, "rejected": 0, "closing": 1, "opening": 1}
    assert out["extra"]["chrome"] == {"touched": 1, "repaired": 1, "rejected": 0, "sentences": 1}
    assert out["extra"]["repetition"] == {"touched": 0, "repaired": 0, "rejected": 0}
    rej = json.loads(cli("rejects", "--stage", "filter", "--json").stdout)
    assert sorted(r["reason"].split(":")[0] for r in rej) == ["artefacts", "length", "placeholders"]
    st = json.loads(cli("status", "--json").stdout)
    assert st["extra"]["filter"]["artefacts"] == {"rejected": 1, "repaired_or_marked": 1}
    assert st["extra"]["filter"]["length"] == {"rejected": 1}
    again = json.loads(cli("filter", "--json").stdout)
    assert again["n_in"] == 0  # incremental: nothing pending
    cli("export", "--out", tmp_path / "o", "--format", "alpaca")
    rows = pq.read_table(next((tmp_path / "o" / "data").glob("*.parquet"))).to_pylist()
    assert len(rows) == 2
    text = " ".join(r["output"] for r in rows)
    assert "Chat Doctor" not in text and "premium" not in text and "welcome" not in text
    assert EN_BODY in text
    human = cli("filter", "--only", "length", "--config", _len_cfg(tmp_path)).output
    assert "per filter" in human and "length" in human


def _len_cfg(tmp_path: Path) -> Path:
    p = tmp_path / "len.toml"
    p.write_text("[length]\nmin_answer = {en = 3, zh = 5}\n")
    return p


def test_cli_dry_run_changes_nothing(cli, tmp_path):
    cli("ingest", _consultations(tmp_path))
    from medcorpus.pipeline.workspace import Workspace

    def snapshot():
        ws = Workspace(cli.workspace)
        try:
            return (ws.exec("SELECT count(*), max(version) FROM records"), ws.exec("SELECT count(*) FROM runs"),
                    ws.exec("SELECT count(*) FROM rejects"), ws.chain())
        finally:
            ws.close()

    before = snapshot()
    out = json.loads(cli("filter", "--dry-run", "--json").stdout)
    assert out["dry_run"] and (out["n_in"], out["n_rejected"], out["n_repaired"]) == (5, 3, 1)
    assert out["filters"]["artefacts"]["rejected"] == 1
    assert any("Chat Doctor" in e["text"] for e in out["examples"]["artefacts"])
    assert snapshot() == before
    human = cli("filter", "--dry-run").output
    assert "dry run" in human and "nothing written" in human
    assert snapshot() == before
    # a real run afterwards still processes everything, and a dry run then sees nothing pending
    assert json.loads(cli("filter", "--json").stdout)["n_in"] == 5
    assert json.loads(cli("filter", "--dry-run", "--json").stdout)["n_in"] == 0
    assert cli("filter", "--only", "nope", ok=False).exit_code == 1


def test_counts_are_the_same_with_two_workers(ws, tmp_path):
    from medcorpus.stages.ingest import ingest

    examples = labelled.load(LABELLED)
    path = write_jsonl(tmp_path / "l.jsonl", [{"instruction": labelled.SYSTEM, "input": e["question"],
                                              "output": labelled.answer_of(e)} for e in examples])
    ingest(ws, [path], fmt="alpaca")
    one = FilterStage()
    dry = dry_run(ws, one)
    two = run_stage(ws, FilterStage(), batch_size=40, workers=2)
    assert two.n_in == len(examples) and two.extra == dry["filters"]
    assert two.n_rejected == dry["n_rejected"] and two.extra["artefacts"]["sentences"] > 40


# ---------------------------------------------------------------------------- formulas by similarity (issue 19)
def test_formula_similarity_index_and_medical_veto():
    from medcorpus.filters.formula import ExampleIndex, FormulaDetector, char_ngrams, medical_lexicon

    assert " th" in char_ngrams("Thanks!") and "anks " in char_ngrams("Thanks!")
    idx = ExampleIndex(["Thanks for writing in.", "Get well soon."])
    sim, near = idx.nearest("Thank you so much for writing to us.")
    assert near == "Thanks for writing in." and 0.4 < sim < 1
    assert idx.nearest("Take paracetamol for the fever.")[0] < 0.3
    med = medical_lexicon()
    assert {"pneumonia", "metformin", "inhaler", "fever"} <= med and "thanks" not in med
    d = FormulaDetector(["Thanks for writing in."], frozenset({"thanks", "for"}), med, 0.45, 14)
    assert d.is_formula("Thanks so much for writing in.")
    assert not d.is_formula("Thanks for writing in about the 2 tablets.")       # a digit
    assert not d.is_formula("Thanks for writing in about the pneumonia.")       # a medical word
    assert not d.is_formula("Thanks for writing in?")                           # a question
    assert not d.is_formula("Patient: Thanks for writing in.")                  # a dialogue line


def test_boilerplate_unseen_wording_by_similarity():
    opening, closing = "Many thanks for the trust you placed in us.", "Hope my reply was of use to you."
    v, w = run_one("boilerplate", f"{opening} {EN_BODY} {closing}")
    assert w.texts[1] == EN_BODY and w.notes["boilerplate"] == {"opening": 1, "closing": 1}
    # the same edge with medical content stays; and with the rule off nothing similar is taken
    v, w = run_one("boilerplate", f"{EN_BODY} Hope my reply about the fever was of use to you.", formula_cues=[])
    assert not w.notes
    v, w = run_one("boilerplate", f"{opening} {EN_BODY} {closing}", similarity=1, formula_cues=[])
    assert not w.notes


def test_chrome_unseen_wording_by_similarity():
    line = "Please post a direct question to me for more details."
    v, w = run_one("chrome", f"{EN_BODY} {line}")
    assert w.texts[1] == EN_BODY and w.notes["chrome"] == {"sentences": 1}
    v, w = run_one("chrome", f"{EN_BODY} {line}", similarity=1)
    assert not w.notes


# ---------------------------------------------------------------------------- formulas by corpus frequency (issue 19)
def test_frequency_pass_map_merge_resolve_apply():
    from medcorpus.filters.formula import medical_content_check
    from medcorpus.filters.frequency import (count_batch, frequent_sentences, merge, sentence_key,
                                             strip_frequent)

    house = "Our team sends you its warmest greetings!"      # wording no list knows
    advice = "Drink plenty of fluids."                       # frequent, but medical
    recs = []
    for i in range(30):
        recs.append(Record.new("t", [Turn(role="patient", text=f"Question number {i} about my cough?"),
                                     Turn(role="doctor", text=f"{house} {EN_BODY} {advice}")]))
    # one patient asking 10 times is one patient
    for _ in range(10):
        recs.append(Record.new("t", [Turn(role="patient", text="Same question?"),
                                     Turn(role="doctor", text=f"{EN_BODY} We are glad you came here.")]))
    parts = [count_batch(recs[i:i + 7], keep=50) for i in range(0, len(recs), 7)]
    merged = merge(parts)
    whole = count_batch(recs, keep=50)
    assert merged.patients == whole.patients                 # batch counts merge exactly
    assert merged.distinct(sentence_key(house)) == 30 and merged.distinct(sentence_key("We are glad you came here.")) == 1
    freq = frequent_sentences(merged, min_patients=20, medical=medical_content_check())
    assert sentence_key(house) in freq and sentence_key(advice) not in freq
    assert set(frequent_sentences(merged, min_patients=20)) >= {sentence_key(house), sentence_key(advice)}
    text, n = strip_frequent(recs[0].turns[1].text, freq)
    assert n == 1 and text == f"{EN_BODY} {advice}"
    assert strip_frequent(house, freq) == (house, 0)         # a turn of formulas only is kept whole
    with pytest.raises(ValueError):
        frequent_sentences(merged, min_patients=51)
