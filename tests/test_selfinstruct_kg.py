"""KG loading, disease DB as a KG, knowledge cards (issue #4)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcorpus.knowledge.cards import CardBuilder, default_entity_types, estimate_tokens, select_entities
from medcorpus.knowledge.kg import entity_id, kg_counts, load_kg
from medcorpus.pipeline.io import InputError

TCM = Path("tcm_kg")


def _node(t: str, n: str) -> str:
    return f"{t}\t{n}"


SMALL_FORMULAS = [
    {"node_1": _node("方剂", "方剂"), "relation": "include", "node_2": _node("方名", "桂枝汤")},
    {"node_1": _node("方名", "桂枝汤"), "relation": "prescription type", "node_2": _node("处方", "桂枝汤_1")},
    {"node_1": _node("处方", "桂枝汤_1"), "relation": "composition", "node_2": _node("中药名", "桂枝")},
    {"node_1": _node("中药名", "桂枝"), "relation": "dose", "node_2": _node("剂量", "9克")},
    {"node_1": _node("处方", "桂枝汤_1"), "relation": "composition", "node_2": _node("中药名", "芍药")},
    {"node_1": _node("中药名", "芍药"), "relation": "dose", "node_2": _node("剂量", "9克")},
    {"node_1": _node("处方", "桂枝汤_1"), "relation": "composition", "node_2": _node("中药名", "甘草")},
    {"node_1": _node("处方", "桂枝汤_1"), "relation": "functions", "node_2": _node("功能主治", "解肌发表")},
    {"node_1": _node("处方", "桂枝汤_1"), "relation": "functions", "node_2": _node("功能主治", "调和营卫")},
    {"node_1": _node("方名", "桂枝汤"), "relation": "from", "node_2": _node("来源", "伤寒论")},
    {"node_1": _node("方名", "桂枝汤"), "relation": "another name", "node_2": _node("别名", "阳旦汤")},
]


@pytest.fixture
def small_kg(tmp_path: Path) -> Path:
    path = tmp_path / "formulas.json"
    path.write_text(json.dumps(SMALL_FORMULAS, ensure_ascii=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ the shared files, exact counts
def test_load_herbs_exact_counts(ws, shared_data):
    s = load_kg(ws, shared_data / TCM / "herbs_relations.json")
    assert (s.n_in, s.n_out, s.n_rejected, s.n_skipped) == (3335, 3335, 0, 0)
    assert s.extra["format"] == "nodes-json"
    assert s.extra["entities_by_type"] == {"别名": 577, "主治": 540, "功能": 224, "中药名": 131, "分布": 34,
                                           "归经": 10, "五味": 7, "四气": 5, "来源": 4, "中药材": 1}
    assert s.extra["edges_by_relation"] == {"attending": 898, "distribution area": 641, "another name": 583,
                                            "functions": 382, "from": 221, "five flavors": 198,
                                            "channel tropism": 143, "four properties": 138, "include": 131}
    assert ws.one("SELECT count(*) FROM kb_entities")[0] == 1533


def test_load_formulas_exact_counts_doses_folded(ws, shared_data):
    s = load_kg(ws, shared_data / TCM / "formulas_relations.json")
    # 16,588 items: 5,784 dose edges become the qualifier of the composition edge before them
    assert (s.n_in, s.n_out, s.n_rejected, s.n_skipped) == (16588, 10804, 0, 0)
    assert s.extra["folded_qualifiers"] == 5784
    assert s.extra["entities_by_type"] == {"功能主治": 2289, "中药名": 997, "处方": 742, "方名": 266,
                                           "来源": 208, "别名": 54, "方剂": 1}
    assert s.extra["edges_by_relation"] == {"composition": 6521, "functions": 2729, "prescription type": 742,
                                            "from": 490, "include": 266, "another name": 56}
    assert s.extra["edges_with_qualifier"] == {"composition": 5784}
    dose = ws.one("""SELECT e.qualifier FROM kb_edges e JOIN kb_entities h ON h.entity_id = e.head_id
                     JOIN kb_entities t ON t.entity_id = e.tail_id
                     WHERE h.name = '鳖甲汤_1' AND t.name = '当归' AND e.relation = 'composition'""")
    assert dose == ("45克",)
    assert ws.one("SELECT count(*) FROM kb_edges WHERE relation = 'dose'")[0] == 0


def test_load_symmap_triples_exact_counts(ws, shared_data):
    s = load_kg(ws, shared_data / TCM / "symmap_triples_small.tsv")
    assert (s.n_in, s.n_out, s.n_rejected) == (43, 43, 0)
    assert s.extra["format"] == "triples-tsv"
    assert s.extra["entities_by_type"] == {"(untyped)": 85}
    assert s.extra["edges_by_relation"] == {"symmap_chemical": 17, "证候": 12, "chemical_MM": 11, "中药": 2, "药性": 1}
    row = ws.one("""SELECT h.name, e.relation, t.name FROM kb_edges e JOIN kb_entities h ON h.entity_id = e.head_id
                    JOIN kb_entities t ON t.entity_id = e.tail_id WHERE e.line = 1""")
    assert row == ("喜热饮", "证候", "胃中虚火证")  # head, tail, relation order in the file


def test_entities_are_shared_across_files_and_reload_is_idempotent(ws, shared_data):
    load_kg(ws, shared_data / TCM / "herbs_relations.json")
    load_kg(ws, shared_data / TCM / "formulas_relations.json")
    ents = ws.one("SELECT count(*) FROM kb_entities")[0]
    edges = ws.one("SELECT count(*) FROM kb_edges")[0]
    assert edges == 3335 + 10804
    assert ents < 1533 + 4557  # herbs of both files are the same entities
    load_kg(ws, shared_data / TCM / "formulas_relations.json")
    assert ws.one("SELECT count(*) FROM kb_entities")[0] == ents
    assert ws.one("SELECT count(*) FROM kb_edges")[0] == edges
    counts = kg_counts(ws)
    assert counts["edges_by_relation"]["composition"] == 6521


# ------------------------------------------------------------------ bad input
def test_malformed_lines_rejected_with_line_numbers(ws, tmp_path):
    tsv = tmp_path / "t.tsv"
    tsv.write_bytes("头痛\t风寒证\t证候\nonly\ttwo\n\t空\t证候\n咳嗽\t肺热证\t证候\n".encode() + b"\xff\xfe\tx\ty\n")
    s = load_kg(ws, tsv)
    assert (s.n_in, s.n_out, s.n_rejected) == (5, 2, 3)
    rej = ws.exec("SELECT line, reason FROM rejects WHERE stage = 'kb-load-kg' ORDER BY line")
    assert [r[0] for r in rej] == [2, 3, 5]
    assert "expected 3 tab-separated fields" in rej[0][1]
    assert "empty" in rej[1][1] and "UTF-8" in rej[2][1]

    js = tmp_path / "n.json"
    js.write_text(json.dumps([SMALL_FORMULAS[1], {"node_1": "no tab", "relation": "x", "node_2": "a\tb"},
                              {"node_1": "a\tb", "node_2": "c\td"}, 7], ensure_ascii=False), encoding="utf-8")
    s = load_kg(ws, js)
    assert (s.n_in, s.n_out, s.n_rejected) == (4, 1, 3)
    rej = ws.exec("SELECT line, reason FROM rejects WHERE file = ? ORDER BY line", [str(js)])
    assert [r[0] for r in rej] == [2, 3, 4]
    assert "no tab" in rej[0][1] and "missing field(s) relation" in rej[1][1] and "JSON object" in rej[2][1]


def test_table_format_with_map(cli, tmp_path):
    csv = tmp_path / "triples.csv"
    csv.write_text("s,p,o,st,ot\nAspirin,treats,Headache,drug,symptom\nAspirin,dose,500 mg,drug,dose\n", encoding="utf-8")
    res = cli("kb", "load-kg", csv, "--map", "head=s", "--map", "relation=p", "--map", "tail=o",
              "--map", "head_type=st", "--map", "tail_type=ot", "--json")
    out = json.loads(res.output)
    assert out["extra"]["entities_by_type"] == {"drug": 1, "dose": 1, "symptom": 1}
    assert out["extra"]["format"] == "table"
    bad = cli("kb", "load-kg", csv, "--map", "head=s", "--map", "relation=p", "--map", "tail=nope", ok=False)
    assert bad.exit_code == 1 and "'nope' not found" in bad.output
    bad = cli("kb", "load-kg", csv, "--format", "table", "--map", "head=s", ok=False)
    assert bad.exit_code == 1 and "--map relation=COLUMN" in bad.output


def test_unknown_format_and_missing_file(ws, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_kg(ws, tmp_path / "missing.json")
    with pytest.raises(InputError, match="unknown KG format"):
        load_kg(ws, tmp_path / "missing.json", fmt="rdf")


def test_cli_load_kg_table_output(cli, small_kg):
    res = cli("kb", "load-kg", small_kg)
    assert "composition" in res.output and "dose edges folded" in res.output
    res = cli("kb", "card", "桂枝汤")
    assert "桂枝（9克）" in res.output and "调和营卫" in res.output
    bad = cli("kb", "load-kg", small_kg, small_kg, "--source", "one", ok=False)
    assert bad.exit_code == 1 and "one file per --source" in bad.output


# ------------------------------------------------------------------ cards
def test_formula_card_two_hops_with_doses(ws, small_kg):
    load_kg(ws, small_kg)
    card = CardBuilder(ws, lang="zh", budget=600).card(entity_id("方名", "桂枝汤"))
    assert card.text.splitlines()[0] == "【方名】桂枝汤"
    assert "【出处】伤寒论" in card.text and "【别名】阳旦汤" in card.text
    assert "【处方 桂枝汤_1 · 组成】桂枝（9克）、芍药（9克）、甘草" in card.text
    assert "【处方 桂枝汤_1 · 功能主治】解肌发表、调和营卫" in card.text
    assert "方剂" not in card.text  # the class node is not a fact
    assert set(card.facts) == {"伤寒论", "桂枝", "芍药", "甘草", "解肌发表", "调和营卫"}
    assert card.aliases == ["阳旦汤"] and not card.truncated
    # a herb of the formula: what points at it
    herb = CardBuilder(ws, lang="zh").card(entity_id("中药名", "桂枝"))
    assert "【相关方名】桂枝汤" in herb.text


def test_herb_card_from_shared_kg_and_budget(ws, shared_data):
    load_kg(ws, shared_data / TCM / "herbs_relations.json")
    load_kg(ws, shared_data / TCM / "formulas_relations.json")
    eid = entity_id("中药名", "艾叶")
    full = CardBuilder(ws, lang="zh", budget=2000).card(eid)
    for label in ("【功能】", "【主治】", "【四气】温", "【五味】", "【归经】", "【别名】", "【相关方名】"):
        assert label in full.text
    assert "温经止血" in full.facts and "痛经" in full.facts
    small = CardBuilder(ws, lang="zh", budget=120).card(eid)
    assert small.tokens <= 120 and small.truncated and estimate_tokens(small.text) == small.tokens
    # round robin: every kind of fact survives the trimming, with fewer values each
    for label in ("【功能】", "【主治】", "【别名】", "【分布】"):
        assert label in small.text
    assert "等" in small.text
    assert all(f in small.text for f in small.facts)
    assert len(small.facts) < len(full.facts)
    formula = CardBuilder(ws, lang="zh", budget=300).card(entity_id("方名", "鳖甲汤"))
    assert "【处方 鳖甲汤_1 · 组成】鳖甲（30克）" in formula.text and formula.tokens <= 300
    assert formula.hash == CardBuilder(ws, lang="zh", budget=300).card(entity_id("方名", "鳖甲汤")).hash


def test_default_entity_types_and_selection(ws, shared_data):
    load_kg(ws, shared_data / TCM / "herbs_relations.json")
    load_kg(ws, shared_data / TCM / "formulas_relations.json")
    types = default_entity_types(ws)
    assert set(types) == {"方名", "中药名"}  # not 处方 (intermediate) nor 方剂 / 中药材 (class nodes)
    ents = select_entities(ws, ["方名"])
    assert len(ents) == 266 and ents == sorted(ents, key=lambda e: e["entity_id"])


def _disease_table(ws):
    ws.exec("""CREATE TABLE kb_diseases (disease_id VARCHAR, name VARCHAR, symptoms VARCHAR[], tests VARCHAR[],
               medications VARCHAR[], reason VARCHAR, reason_junk VARCHAR, source_file VARCHAR, "row" BIGINT)""")
    ws.exec("""INSERT INTO kb_diseases VALUES
        ('d1', 'Panic disorder', ['Anxiety and nervousness', 'Palpitations'], ['Electrocardiogram'],
         ['Lorazepam', 'Alprazolam (Xanax)'], 'Panic disorder is an anxiety disorder.', NULL, 'db.csv', 1),
        ('d2', 'Vocal cord polyp', ['Hoarse voice'], [], ['Nicotine'], ' beclomethasone nasal product, ', 'drug fragment', 'db.csv', 2)""")


def test_disease_db_viewed_as_kg(ws):
    from medcorpus.knowledge.kg import ensure_views

    _disease_table(ws)
    ensure_views(ws)
    types = dict(ws.exec("SELECT type, count(*) FROM kg_entities GROUP BY 1"))
    assert types == {"disease": 2, "symptom": 3, "test": 1, "medication": 3, "description": 1}
    assert default_entity_types(ws) == ["disease"]
    card = CardBuilder(ws, lang="en").card(entity_id("disease", "Panic disorder"))
    assert card.text.splitlines()[0] == "Entity: Panic disorder (disease)"
    assert "Symptoms: Anxiety and nervousness; Palpitations" in card.text
    assert "Common medications: Lorazepam; Alprazolam (Xanax)" in card.text
    assert card.text.index("Description") < card.text.index("Symptoms") < card.text.index("Tests") < card.text.index("Common medications")
    assert "Description: Panic disorder is an anxiety disorder." in card.text
    polyp = CardBuilder(ws, lang="en").card(entity_id("disease", "Vocal cord polyp"))
    assert "beclomethasone" not in polyp.text  # a junk reason is not a fact


def test_disease_table_of_another_shape_leaves_the_kg_usable(ws, small_kg):
    from medcorpus.knowledge.kg import ensure_views

    ws.exec("CREATE TABLE kb_diseases (name VARCHAR, symptom_text VARCHAR)")
    with pytest.warns(UserWarning, match="disease database is left out"):
        ensure_views(ws)
    with pytest.warns(UserWarning):
        load_kg(ws, small_kg)
    assert ws.one("SELECT count(*) FROM kg_edges")[0] == 9  # 11 items, 2 doses folded
