"""Entity-centric self-instruct from a knowledge graph (ChatMed-TCM style), Chinese first.

For each entity of the chosen types: a knowledge card (medcorpus.knowledge.cards), a prompt
(`medcorpus/prompts/selfinstruct.<lang>.txt`) with a few seed tasks sampled from an editable seed
file, and K instruction-response pairs asked for as JSON through the shared LLM client. Each pair
must pass length bounds, the grounding check (the response names the entity and uses a card fact)
and the ROUGE-L novelty filter against every instruction kept so far (this run and earlier ones);
everything else goes to rejects with its reason. Kept pairs become records `kind="instruction"`
(user/assistant) with entity id/type, card hash and prompt version in `meta`.

It is an LLM task run by the shared driver (`llm.driver`): the reply is schema-constrained
(`{"pairs": [{"instruction", "output"}] x K}`, lengths bounded so a reply is never cut), and an
entity is finished once its records, rejects and item row are committed. The item key covers the
card, prompt, seeds, model and filter settings, so a re-run skips finished entities and a changed
card or prompt redoes them; replies are cached, so an interrupted run costs no second request.
"""
from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import ClassVar, Any, Literal

import orjson
from pydantic import Field

from medcorpus.llm.client import InvalidReply, LLMClient
from medcorpus.llm.config import LLMConfig, generation_settings
from medcorpus.llm.driver import Item, LLMTask, Outcome
from medcorpus.pipeline.io import InputError
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected, Turn

SEED_FILE = Path(__file__).resolve().parents[1] / "resources" / "selfinstruct" / "seed_tasks.jsonl"
PROMPT_NAME = "selfinstruct"
INSTRUCTION_KEYS = ("instruction", "指令", "question", "问题", "prompt", "query")
OUTPUT_KEYS = ("output", "response", "answer", "回答", "回复", "答案")
LIST_KEYS = ("pairs", "items", "data", "instructions", "results", "tasks")


class SelfInstructConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file", "seed_tasks")

    lang: Literal["zh", "en"] = "zh"
    entity_types: list[str] | None = Field(None, description="Entity types to walk (None: every type with facts "
                                           "that is not a class or intermediate node).")
    per_entity: int = Field(3, ge=1, le=20, description="Pairs asked for per entity (K).")
    seed_tasks: str | None = Field(None, description="JSONL seed file (default: the bundled one).")
    n_seeds: int = Field(0, ge=0, le=10, description="Seed tasks shown per prompt as examples of form (0: none; "
                         "a small model copies an example's content into every pair, a 7B+ one varies its tasks).")
    card_tokens: int = Field(600, ge=50, description="Token budget of a knowledge card.")
    rouge_threshold: float = Field(0.7, gt=0, lt=1, description="Drop an instruction whose ROUGE-L to a kept one exceeds this.")
    min_instruction_chars: int = 4
    max_instruction_chars: int = 400
    min_response_chars: int = 20
    max_response_chars: int = 3000
    min_fact_chars: int = Field(2, ge=1, description="Shorter card facts (温, 辛) do not count as grounding.")
    min_english_share: float = Field(0.85, ge=0, le=1, description="lang=en: the share of a pair's words that must be "
                                     "English words (or the entity's and its facts' words); 0 turns the check off.")
    prompt_file: str | None = Field(None, description="A prompt template file or directory overriding the shipped one.")
    source: str = "selfinstruct"
    limit: int | None = Field(None, ge=1, description="Entities to generate for in this run.")
    llm: LLMConfig = Field(default_factory=LLMConfig)


# ------------------------------------------------------------------ seeds and prompt
def load_seed_tasks(path: str | Path | None) -> list[dict]:
    """Seed tasks: JSONL of {lang, instruction, output[, types]}; a bad line is an error naming it."""
    p = Path(path) if path else SEED_FILE
    if not p.is_file():
        raise InputError(f"{p}: no such seed-task file")
    seeds = []
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"{p}:{lineno}: malformed JSON: {exc}") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("instruction"), str) or not obj["instruction"].strip():
            raise InputError(f"{p}:{lineno}: a seed task needs a non-empty \"instruction\"")
        types = obj.get("types") or []
        if not isinstance(types, list):
            raise InputError(f"{p}:{lineno}: \"types\" must be a list of entity types")
        seeds.append({"lang": obj.get("lang") or "", "types": [str(t) for t in types],
                      "instruction": obj["instruction"].strip(), "output": str(obj.get("output") or "").strip()})
    return seeds


def pick_seeds(seeds: list[dict], lang: str, entity_type: str, n: int, rng: random.Random) -> list[dict]:
    """n seeds in `lang`: those for this entity type first, then generic ones."""
    pool = [s for s in seeds if s["lang"] in (lang, "")]
    typed = [s for s in pool if entity_type in s["types"]]
    generic = [s for s in pool if not s["types"]]
    picked = rng.sample(typed, min(n, len(typed)))
    if len(picked) < n:
        picked += rng.sample(generic, min(n - len(picked), len(generic)))
    if len(picked) < n:  # other types' seeds still show the form
        rest = [s for s in pool if s not in picked]
        picked += rng.sample(rest, min(n - len(picked), len(rest)))
    return picked


def seed_block(seeds: list[dict], lang: str) -> str:
    """The prompt's examples paragraph ('' without seeds, so the shipped prompt shows none by default)."""
    if not seeds:
        return ""
    head = "示例任务（只看形式，不要照抄内容）：" if lang == "zh" else "Example tasks (for their form only; do not copy them):"
    return f"{head}\n{format_seeds(seeds, lang)}\n\n"


def format_seeds(seeds: list[dict], lang: str) -> str:
    lines = []
    for i, s in enumerate(seeds, 1):
        if lang == "zh":
            lines.append(f"{i}. 指令：{s['instruction']}" + (f"\n   回答：{s['output']}" if s["output"] else ""))
        else:
            lines.append(f"{i}. Instruction: {s['instruction']}" + (f"\n   Answer: {s['output']}" if s["output"] else ""))
    return "\n".join(lines) if lines else ("（无）" if lang == "zh" else "(none)")


# ------------------------------------------------------------------ the reply
def parse_pairs(obj: Any) -> list[tuple[str | None, str | None, Any]]:
    """[(instruction, output, raw item)] from the reply; ValueError (re-ask) when no pair is usable."""
    items = obj
    if isinstance(obj, dict):
        items = next((obj[k] for k in LIST_KEYS if isinstance(obj.get(k), list)), None)
        if items is None:
            lists = [v for v in obj.values() if isinstance(v, list)]
            items = lists[0] if len(lists) == 1 else ([obj] if _field(obj, INSTRUCTION_KEYS) else None)
    if not isinstance(items, list) or not items:
        raise ValueError('expected {"pairs": [{"instruction": ..., "output": ...}, ...]}')
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append((_field(item, INSTRUCTION_KEYS), _field(item, OUTPUT_KEYS), item))
        else:
            out.append((None, None, item))
    if not any(i and o for i, o, _ in out):
        raise ValueError("no item has both an instruction and an output")
    return out


LIMITS = {"en": (250, 600), "zh": (80, 250)}  # characters of an instruction, of an answer (no topics)
MAX_FACTS = 40  # card facts offered to the answer's pattern (no topics)


def reply_schema(lang: str, k: int, name: str | None = None, facts: list[str] | None = None,
                 topics: list[dict] | None = None) -> dict:
    """With topics (`knowledge.pairs`): one schema per pair holding it to its topic. Without (a card with no
    short facts): {"pairs": [{"instruction", "output"}] x 1..k}, the output opening with the entity's name and
    naming a card fact (a pattern). Lengths bounded so a reply is never cut."""
    from medcorpus.knowledge.pairs import reply_schema as topic_schema
    from medcorpus.llm.structured import enum_values, mentioning, obj, plain

    if topics:
        return topic_schema(name or "", topics, lang)
    ins, out = LIMITS[lang]
    facts = enum_values(facts or [], 80)[:MAX_FACTS]
    props = {"instruction": plain(ins, 8 if lang == "en" else 4),
             "output": mentioning(name or "", facts, 20 if lang == "en" else 10, out)}
    return obj({"pairs": {"type": "array", "items": obj(props), "minItems": 1, "maxItems": k}})


def reply_tokens(lang: str, k: int, topics: bool = True) -> int:
    """max_tokens for k pairs at the schema's lengths (about 3 characters a token in English, 1 in Chinese)."""
    from medcorpus.knowledge.pairs import reply_tokens as topic_tokens

    if topics:
        return topic_tokens(lang, k)
    ins, out = LIMITS[lang]
    return int(k * (ins + out + 120) / (3 if lang == "en" else 1)) + 64


def _field(item: dict, keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = item.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _hash(*parts: Any) -> str:
    return hashlib.sha256(orjson.dumps(parts, default=str, option=orjson.OPT_SORT_KEYS)).hexdigest()[:20]


# ------------------------------------------------------------------ the stage
@register_stage
class SelfInstruct(LLMTask, Source):
    name = "selfinstruct"
    version = "4"
    config_model = SelfInstructConfig

    def check_inputs(self, ws: Workspace) -> None:
        from medcorpus.knowledge.cards import select_entities

        if not select_entities(ws, self.config.entity_types):
            raise InputError("no knowledge-graph entities to walk: load a KG first (`medcorpus kb load-kg FILE`)"
                             + (f" or check --entity-types {','.join(self.config.entity_types)}"
                                if self.config.entity_types else ""))

    def todo_limit(self) -> int | None:
        return self.config.limit

    def items(self, ws: Workspace) -> list[Item]:
        """One item per entity, with its card and rendered prompt; also loads the kept instructions
        (this source's records) into the ROUGE-L novelty index."""
        from medcorpus.knowledge.cards import CardBuilder, select_entities
        from medcorpus.knowledge.filters import NoveltyIndex
        from medcorpus.knowledge.pairs import plan_topics
        from medcorpus.llm.prompts import load_prompt

        cfg: SelfInstructConfig = self.config
        self.prompt = load_prompt(PROMPT_NAME, cfg.lang, cfg.prompt_file)
        seeds = load_seed_tasks(cfg.seed_tasks)
        setting = _hash(cfg.model_dump(mode="json", include={
            "lang", "per_entity", "n_seeds", "card_tokens", "rouge_threshold", "min_instruction_chars",
            "max_instruction_chars", "min_response_chars", "max_response_chars", "min_fact_chars", "min_english_share",
            "source"}),
            generation_settings(cfg.llm), self.prompt.tag, _hash(seeds), self.version)
        self.index = NoveltyIndex(cfg.rouge_threshold)
        for rid, text in ws.exec(
                f"SELECT id, turns[1].text FROM ({ws.current_sql()}) WHERE source = ? AND kind = 'instruction' "
                f"ORDER BY version", [cfg.source]):
            self.index.add(text, rid)
        self.counts = {"kept_before": len(self.index), "pairs": 0, "kept": 0}
        builder = CardBuilder(ws, lang=cfg.lang, budget=cfg.card_tokens)
        entities = select_entities(ws, cfg.entity_types)
        out = []
        for start in range(0, len(entities), 500):
            batch = entities[start:start + 500]
            cards = builder.build([e["entity_id"] for e in batch])
            for ent in batch:
                card = cards[ent["entity_id"]]
                key = _hash(ent["entity_id"], card.hash, setting)
                topics = plan_topics(card, cfg.per_entity, cfg.lang)
                out.append(Item(key, {"ent": ent, "card": card, "seeds": seeds, "topics": topics},
                                f"{ent['type'] or 'entity'}/{ent['name']}"))
        return out

    def first_messages(self, item: Item) -> list[dict]:
        from medcorpus.knowledge.pairs import format_topics

        cfg, p = self.config, item.payload
        picked = pick_seeds(p["seeds"], cfg.lang, p["ent"]["type"], cfg.n_seeds, random.Random(item.key))
        topics = format_topics(p["topics"], cfg.lang) if p["topics"] else p["card"].text
        return self.prompt.render(card=p["card"].text, topics=topics, entity=p["ent"]["name"],
                                  entity_type=p["ent"]["type"] or ("实体" if cfg.lang == "zh" else "entity"),
                                  k=len(p["topics"]) or cfg.per_entity, seed_tasks=seed_block(picked, cfg.lang))

    def summary_extra(self, items: list[Item]) -> dict[str, Any]:
        return {"entities": len(items), "kept_before": self.counts["kept_before"], "prompt": self.prompt.tag}

    def after_run(self) -> dict[str, Any]:
        return {"pairs": self.counts["pairs"], "kept": self.counts["kept"]}

    async def work(self, client: LLMClient, item: Item) -> Outcome:
        return self.finish(item, await self.ask(client, item), client.config.model)

    def prepare_worker(self) -> None:
        """On an engine's worker: what `ask` needs of what `items()` loads on the driver."""
        from medcorpus.llm.prompts import load_prompt

        self.prompt = load_prompt(PROMPT_NAME, self.config.lang, self.config.prompt_file)

    async def ask(self, client: LLMClient, item: Item) -> list | Outcome:
        """The request (on an engine's worker): the parsed pairs, or the item's reject."""
        try:
            card, topics = item.payload["card"], item.payload["topics"]
            schema = reply_schema(self.config.lang, self.config.per_entity, card.name, card.facts, topics)
            return await client.chat_json(self.first_messages(item), parse_pairs, schema=schema,
                                          max_tokens=reply_tokens(self.config.lang, self.config.per_entity,
                                                                  bool(topics)))
        except InvalidReply as exc:
            return Outcome(rejected=f"invalid reply after {self.config.llm.json_retries} re-asks ({exc.reason})",
                           snippet=exc.raw_text)

    def finish(self, item: Item, pairs: list | Outcome, model: str) -> Outcome:
        """The filters (on the driver: the ROUGE-L novelty index spans every item of the run)."""
        return pairs if isinstance(pairs, Outcome) else self.filter_pairs(item, pairs, model)

    def filter_pairs(self, item: Item, pairs: list, model: str) -> Outcome:
        """Kept pairs as records; the others as rejects with their reason (length, grounding, novelty)."""
        from medcorpus.knowledge.filters import english_problem, grounding_problem, length_problem

        cfg: SelfInstructConfig = self.config
        ent, card = item.payload["ent"], item.payload["card"]
        base = {"entity_id": ent["entity_id"], "entity_type": ent["type"], "entity_name": ent["name"]}
        out = Outcome()

        def reject(reason: str, i: int, snippet: str, **kw: Any) -> None:
            out.rejects.append(Rejected(reason=reason, file=item.label, line=i + 1, snippet=snippet, **kw))

        for i, (instruction, output, raw) in enumerate(pairs):
            self.counts["pairs"] += 1
            snippet = orjson.dumps(raw, default=str).decode()[:300] if not instruction else instruction[:300]
            if i >= cfg.per_entity:
                reject(f"more pairs than the {cfg.per_entity} asked for", i, snippet, detail=base)
                continue
            if not instruction or not output:
                reject("malformed pair (no instruction or no output)", i, snippet, detail=base)
                continue
            turns = [Turn(role="user", text=instruction), Turn(role="assistant", text=output)]
            rec = Record.new(cfg.source, turns, kind="instruction", lang=cfg.lang, meta={
                **base, "card_hash": card.hash, "prompt_version": self.prompt.tag, "model": model})
            problem = length_problem(instruction, output, cfg.min_instruction_chars, cfg.max_instruction_chars,
                                     cfg.min_response_chars, cfg.max_response_chars) \
                or grounding_problem(output, card.name, card.aliases, card.facts, cfg.min_fact_chars)
            if not problem and cfg.lang == "en" and cfg.min_english_share:
                problem = english_problem(f"{instruction} {output}", [card.name, *card.aliases, *card.facts],
                                          cfg.min_english_share)
            if problem:
                reject(problem, i, snippet, record_id=rec.id, detail=base)
                continue
            verdict = self.index.check(instruction)
            if not verdict.novel:
                reject(f"too similar to a kept instruction (ROUGE-L {verdict.score:.2f} > {cfg.rouge_threshold})", i,
                       snippet, record_id=rec.id, detail={**base, "rouge_l": verdict.score, "similar_to": verdict.match})
                continue
            self.index.add(instruction, rec.id)
            self.counts["kept"] += 1
            out.records.append(rec)
        return out


def self_instruct(ws: Workspace, config: SelfInstructConfig | dict | None = None) -> Any:
    """Library entry point (what `medcorpus synth self-instruct` calls)."""
    return SelfInstruct(config).run(ws)
