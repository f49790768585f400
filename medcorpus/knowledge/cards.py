"""Knowledge cards: an entity's facts from the KG as a short text, trimmed to a token budget.

A card holds the entity's attributes (its outgoing edges), one more hop through nodes that have
facts of their own (a formula -> its prescriptions -> their herbs with doses and functions), and
what points at it (a herb <- prescription <- formula: "related formulas"). Hub nodes (class nodes
such as 方剂 -include-> every formula) are skipped. Facts are filled round-robin across sections,
so a trimmed card still covers every kind of fact; `facts` lists exactly the values shown, which
is what the grounding check may accept.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field

from medcorpus.knowledge.kg import ensure_tables
from medcorpus.pipeline.workspace import Workspace

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]+")
_OTHER = re.compile(r"[^\sA-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

ALIAS_RELATIONS = {"another name", "alias", "synonym", "别名"}
ALIAS_TYPES = {"别名", "alias"}
ZH_LABELS = {"composition": "组成", "prescription type": "处方", "from": "出处", "include": "包含",
             "symptom": "症状", "test": "检查", "medication": "常用药物", "description": "简介"}
EN_LABELS = {"symptom": "Symptoms", "test": "Tests and procedures", "medication": "Common medications",
             "description": "Description", "attending": "Indications", "functions": "Functions",
             "another name": "Other names", "five flavors": "Flavours", "four properties": "Nature",
             "channel tropism": "Channels", "distribution area": "Distribution", "from": "Source",
             "composition": "Composition", "prescription type": "Prescription", "dose": "Dose"}


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate: one token per CJK character, ~1.3 per Latin word, half per sign."""
    return (len(_CJK.findall(text)) + math.ceil(1.3 * len(_WORD.findall(text)))
            + math.ceil(len(_OTHER.findall(text)) / 2))


@dataclass
class Card:
    entity_id: str
    name: str
    type: str
    text: str
    facts: list[str]
    aliases: list[str]
    tokens: int
    truncated: bool
    facts_total: int
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (label, its facts shown), aliases apart

    @property
    def hash(self) -> str:
        return hashlib.md5(self.text.encode()).hexdigest()[:16]


@dataclass
class _Section:
    label: str
    items: list[tuple[str, str | None]] = field(default_factory=list)  # (shown text, fact or None)
    alias: bool = False


# a class node (方剂 -include-> every formula): many edges of a single relation, very many edges,
# or a node named after its own type ("方剂\t方剂", "中药材\t中药材")
_HUB_HAVING = ("GROUP BY 1 HAVING (count(*) > ? AND count(DISTINCT relation) = 1) OR count(*) > 10 * ? "
               "OR head_id IN (SELECT entity_id FROM kg_entities WHERE name = type)")


def label_of(relation: str, tail_type: str, lang: str) -> str:
    if lang == "zh":
        return ZH_LABELS.get(relation) or tail_type or relation
    return EN_LABELS.get(relation) or relation.replace("_", " ").capitalize()


class CardBuilder:
    """Builds cards for batches of entity ids with a few SQL queries per batch."""

    def __init__(self, ws: Workspace, lang: str = "zh", budget: int = 600, hub_degree: int = 50,
                 max_hop2: int = 3, max_related: int = 12):
        ensure_tables(ws)
        self.ws, self.lang, self.budget = ws, lang, budget
        self.max_hop2, self.max_related = max_hop2, max_related
        self.hubs = {r[0] for r in ws.exec(f"SELECT head_id FROM kg_edges {_HUB_HAVING}", [hub_degree, hub_degree])}

    def _edges_from(self, ids: list[str]) -> list[dict]:
        if not ids:
            return []
        return self.ws.fetch_rows(
            "SELECT e.head_id, e.relation, e.tail_id, e.qualifier, t.name, t.type FROM kg_edges e "
            "JOIN kg_entities t ON t.entity_id = e.tail_id WHERE e.head_id IN (SELECT unnest(?)) "
            "ORDER BY e.head_id, e.source, e.line, e.pos, t.name", [ids])

    def _edges_to(self, ids: list[str]) -> list[dict]:
        if not ids:
            return []
        rows = self.ws.fetch_rows(
            "SELECT e.tail_id, e.relation, e.head_id, h.name, h.type FROM kg_edges e "
            "JOIN kg_entities h ON h.entity_id = e.head_id WHERE e.tail_id IN (SELECT unnest(?)) "
            "ORDER BY e.tail_id, e.source, e.line, e.pos, h.name", [ids])
        return [r for r in rows if r["head_id"] not in self.hubs]

    def build(self, ids: list[str]) -> dict[str, Card]:
        ents = {r["entity_id"]: r for r in self.ws.fetch_rows(
            "SELECT entity_id, name, type FROM kg_entities WHERE entity_id IN (SELECT unnest(?))", [ids])}
        out1 = self._edges_from(list(ents))
        tails = sorted({r["tail_id"] for r in out1})
        with_facts = {r[0] for r in self.ws.exec(
            "SELECT DISTINCT head_id FROM kg_edges WHERE head_id IN (SELECT unnest(?))", [tails])} if tails else set()
        out2 = self._edges_from(sorted(with_facts))
        in1 = self._edges_to(list(ents))
        in2 = self._edges_to(sorted({r["head_id"] for r in in1}))
        by_head: dict[str, list[dict]] = {}
        for r in out1 + out2:
            by_head.setdefault(r["head_id"], []).append(r)
        parents: dict[str, list[dict]] = {}
        for r in in1 + in2:
            parents.setdefault(r["tail_id"], []).append(r)
        return {eid: self._card(ent, by_head, with_facts, parents) for eid, ent in ents.items()}

    def card(self, entity_id: str) -> Card | None:
        return self.build([entity_id]).get(entity_id)

    # ------------------------------------------------------------------ one card
    def _card(self, ent: dict, by_head: dict, with_facts: set, parents: dict) -> Card:
        zh = self.lang == "zh"
        sections: dict[str, _Section] = {}

        def add(label: str, shown: str, fact: str | None, alias: bool = False) -> None:
            sec = sections.setdefault(label, _Section(label, alias=alias))
            if all(s != shown for s, _ in sec.items):
                sec.items.append((shown, fact))

        hop2_seen = 0
        own = by_head.get(ent["entity_id"], [])
        # direct attributes first, then the nodes one hop further
        own = [r for r in own if r["tail_id"] not in with_facts] + [r for r in own if r["tail_id"] in with_facts]
        for r in own:
            label = label_of(r["relation"], r["type"], self.lang)
            if r["tail_id"] in with_facts and r["tail_id"] != ent["entity_id"]:
                if hop2_seen >= self.max_hop2:
                    continue
                hop2_seen += 1
                for r2 in by_head.get(r["tail_id"], []):
                    if r2["tail_id"] == ent["entity_id"]:
                        continue
                    sub = f"{label} {r['name']} · {label_of(r2['relation'], r2['type'], self.lang)}"
                    add(sub, _with_qualifier(r2["name"], r2["qualifier"], zh), r2["name"])
                continue
            alias = r["relation"] in ALIAS_RELATIONS or r["type"] in ALIAS_TYPES
            add(label, _with_qualifier(r["name"], r["qualifier"], zh), r["name"], alias)
        related: set[str] = set()
        for r in parents.get(ent["entity_id"], []):
            ups = parents.get(r["head_id"], [])
            for node in (ups or [r]):
                if len(related) >= self.max_related or node["head_id"] == ent["entity_id"]:
                    break
                kind = node["type"] or node["relation"]
                add(("相关" + kind) if zh else f"Related {kind}", node["name"], node["name"])
                related.add(node["head_id"])
        header = (f"【{ent['type']}】{ent['name']}" if ent["type"] else f"【实体】{ent['name']}") if zh else \
            (f"Entity: {ent['name']} ({ent['type']})" if ent["type"] else f"Entity: {ent['name']}")
        text, facts, aliases, truncated, shown = self._fit(header, list(sections.values()))
        total = sum(1 for s in sections.values() for _, f in s.items if f)
        return Card(entity_id=ent["entity_id"], name=ent["name"], type=ent["type"], text=text, facts=facts,
                    aliases=aliases, tokens=estimate_tokens(text), truncated=truncated, facts_total=total,
                    sections=shown)

    def _fit(self, header: str, sections: list[_Section]) -> tuple[str, list[str], list[str], bool, list]:
        """Fill sections round-robin (one value of each, then a second of each, ...) within the budget."""
        zh = self.lang == "zh"
        sep = "、" if zh else "; "
        used = estimate_tokens(header) + 1
        chosen: list[list[int]] = [[] for _ in sections]
        full = [False] * len(sections)
        rnd = 0
        progress = True
        while progress:
            progress = False
            for i, sec in enumerate(sections):
                if full[i] or rnd >= len(sec.items):
                    continue
                cost = estimate_tokens(sec.items[rnd][0]) + 1
                if rnd == 0:
                    cost += estimate_tokens(self._label(sec.label)) + 1
                if used + cost > self.budget:
                    full[i] = True
                    continue
                used += cost
                chosen[i].append(rnd)
                progress = True
            rnd += 1
        lines, facts, aliases, shown_facts = [header], [], [], []
        truncated = False
        for sec, idx in zip(sections, chosen):
            if len(idx) < len(sec.items):
                truncated = True
            if not idx:
                continue
            shown = [sec.items[j][0] for j in idx]
            more = ("等" if zh else "; ...") if len(idx) < len(sec.items) else ""
            lines.append(self._label(sec.label) + sep.join(shown) + more)
            own = [sec.items[j][1] for j in idx if sec.items[j][1]]
            (aliases if sec.alias else facts).extend(own)
            if own and not sec.alias:
                shown_facts.append((sec.label, own))
        return "\n".join(lines), facts, aliases, truncated, shown_facts

    def _label(self, label: str) -> str:
        return f"【{label}】" if self.lang == "zh" else f"{label}: "


def _with_qualifier(name: str, qualifier: str | None, zh: bool) -> str:
    if not qualifier:
        return name
    return f"{name}（{qualifier}）" if zh else f"{name} ({qualifier})"


def default_entity_types(ws: Workspace, hub_degree: int = 50) -> list[str]:
    """Types worth a card: their entities have facts (outgoing edges), they are not hub/class nodes,
    and they are not only intermediate nodes (every entity of the type pointed at by a non-hub)."""
    ensure_tables(ws)
    rows = ws.exec(f"""
        WITH deg AS (SELECT head_id FROM kg_edges GROUP BY 1),
        hubs AS (SELECT head_id FROM kg_edges {_HUB_HAVING}),
        subj AS (SELECT e.entity_id, e.type, EXISTS (SELECT 1 FROM kg_edges x WHERE x.tail_id = e.entity_id
                     AND x.head_id NOT IN (SELECT head_id FROM hubs)) AS pointed
                 FROM kg_entities e WHERE e.entity_id IN (SELECT head_id FROM deg)
                   AND e.entity_id NOT IN (SELECT head_id FROM hubs))
        SELECT type, count(*) FROM subj GROUP BY 1 HAVING avg(pointed::INT) < 0.5 ORDER BY 2 DESC, 1""", [hub_degree, hub_degree])
    return [t for t, _ in rows]


def select_entities(ws: Workspace, types: list[str] | None) -> list[dict]:
    """Entities of these types that have facts, in a stable order (by id: a spread over the KG)."""
    ensure_tables(ws)
    types = types if types is not None else default_entity_types(ws)
    return ws.fetch_rows(
        "SELECT entity_id, name, type FROM kg_entities WHERE type IN (SELECT unnest(?)) "
        "AND entity_id IN (SELECT head_id FROM kg_edges) ORDER BY entity_id", [types])
