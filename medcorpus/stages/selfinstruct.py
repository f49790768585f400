"""Entity-centric self-instruct from a knowledge graph (ChatMed-TCM style), Chinese first.

For each entity of the chosen types: a knowledge card (medcorpus.knowledge.cards), a prompt
(`medcorpus/prompts/selfinstruct.<lang>.txt`) with a few seed tasks sampled from an editable seed
file, and K instruction-response pairs asked for as JSON through the shared LLM client. Each pair
must pass length bounds, the grounding check (the response names the entity and uses a card fact)
and the ROUGE-L novelty filter against every instruction kept so far (this run and earlier ones);
everything else goes to rejects with its reason. Kept pairs become records `kind="instruction"`
(user/assistant) with entity id/type, card hash and prompt version in `meta`.

Resume: an entity is done once its records, rejects and a row in `selfinstruct_done` are written
(one transaction per window of entities). The done key covers the card, prompt, seeds, model and
filter settings, so a re-run skips finished entities and a changed card or prompt redoes them;
replies are also cached by the LLM client, so an interrupted window costs no second request.
"""
from __future__ import annotations

import asyncio
import hashlib
import random
import time
from pathlib import Path
from typing import ClassVar, Any, Literal

import orjson
from pydantic import Field

from medcorpus.llm.config import LLMConfig
from medcorpus.pipeline.io import InputError
from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected, Turn

SEED_FILE = Path(__file__).resolve().parents[1] / "resources" / "selfinstruct" / "seed_tasks.jsonl"
PROMPT_NAME = "selfinstruct"
DONE_DDL = """CREATE TABLE IF NOT EXISTS selfinstruct_done (
    key VARCHAR PRIMARY KEY, entity_id VARCHAR, entity_type VARCHAR, entity_name VARCHAR, card_hash VARCHAR,
    prompt VARCHAR, status VARCHAR, n_pairs INTEGER, n_kept INTEGER, run_id BIGINT,
    created_at TIMESTAMP DEFAULT current_timestamp)"""
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
    n_seeds: int = Field(3, ge=0, le=10, description="Seed tasks shown per prompt.")
    card_tokens: int = Field(600, ge=50, description="Token budget of a knowledge card.")
    rouge_threshold: float = Field(0.7, gt=0, lt=1, description="Drop an instruction whose ROUGE-L to a kept one exceeds this.")
    min_instruction_chars: int = 4
    max_instruction_chars: int = 400
    min_response_chars: int = 20
    max_response_chars: int = 3000
    min_fact_chars: int = Field(2, ge=1, description="Shorter card facts (温, 辛) do not count as grounding.")
    prompt_file: str | None = Field(None, description="A prompt template file or directory overriding the shipped one.")
    source: str = "selfinstruct"
    limit: int | None = Field(None, ge=1, description="Entities to generate for in this run.")
    window: int | None = Field(None, ge=1, description="Entities per committed window (default: 2 x concurrency).")
    llm: LLMConfig = Field(default_factory=lambda: LLMConfig(max_tokens=1536))


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
class SelfInstruct(Source):
    name = "selfinstruct"
    version = "1"
    config_model = SelfInstructConfig

    def run(self, ws: Workspace) -> RunSummary:
        from medcorpus.llm.client import NoEndpoint
        from medcorpus.llm.server import ensure_endpoint

        with ensure_endpoint(self.config.llm) as (base_url, where):
            if base_url is None and not self.config.llm.dry_run:
                raise NoEndpoint(where)
            return asyncio.run(self._run(ws, base_url))

    async def _run(self, ws: Workspace, base_url: str | None) -> RunSummary:
        from medcorpus.knowledge.cards import CardBuilder, select_entities
        from medcorpus.knowledge.filters import NoveltyIndex
        from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, bounded_map
        from medcorpus.llm.prompts import load_prompt

        cfg: SelfInstructConfig = self.config
        ws.exec(DONE_DDL)
        prompt = load_prompt(PROMPT_NAME, cfg.lang, cfg.prompt_file)
        seeds = load_seed_tasks(cfg.seed_tasks)
        seeds_hash = _hash(seeds)
        entities = select_entities(ws, cfg.entity_types)
        if not entities:
            raise InputError("no knowledge-graph entities to walk: load a KG first (`medcorpus kb load-kg FILE`)"
                             + (f" or check --entity-types {','.join(cfg.entity_types)}" if cfg.entity_types else ""))
        builder = CardBuilder(ws, lang=cfg.lang, budget=cfg.card_tokens)
        client = LLMClient(ws, cfg.llm, base_url=base_url)
        setting = _hash(cfg.model_dump(mode="json", include={
            "lang", "per_entity", "n_seeds", "card_tokens", "rouge_threshold", "min_instruction_chars",
            "max_instruction_chars", "min_response_chars", "max_response_chars", "min_fact_chars", "source"}),
            cfg.llm.model, cfg.llm.temperature, cfg.llm.max_tokens, prompt.tag, seeds_hash)
        config = cfg.model_dump(mode="json")
        run_id = ws.start_run(self.name, setting, config)
        started = time.perf_counter()

        index = NoveltyIndex(cfg.rouge_threshold)
        for rid, text in ws.exec(
                f"SELECT id, turns[1].text FROM ({ws.current_sql()}) WHERE source = ? AND kind = 'instruction' "
                f"ORDER BY version", [cfg.source]):
            index.add(text, rid)
        kept_before = len(index)

        counts = {"entities": 0, "skipped_done": 0, "pairs": 0, "kept": 0, "rejected": 0, "failed_entities": 0}
        reasons: dict[str, int] = {}
        stopped = None
        window = cfg.window or max(2, 2 * cfg.llm.concurrency)
        status = "failed"

        def reject(rejects: list[Rejected], reason: str, **kw: Any) -> None:
            rejects.append(Rejected(reason=reason, **kw))
            key = reason.split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1

        async def generate(job: dict) -> Any:
            return await client.chat_json(job["messages"], parse_pairs)

        try:
            todo_total = len(entities) if cfg.limit is None else min(cfg.limit, len(entities))
            with progress_bar("selfinstruct", total=todo_total) as advance:
                pos = 0
                while pos < len(entities) and stopped is None:
                    if cfg.limit is not None and counts["entities"] >= cfg.limit:
                        break
                    batch = entities[pos: pos + window * 4]
                    pos += len(batch)
                    cards = builder.build([e["entity_id"] for e in batch])
                    jobs = []
                    for ent in batch:
                        card = cards[ent["entity_id"]]
                        key = _hash(ent["entity_id"], card.hash, setting)
                        jobs.append({"ent": ent, "card": card, "key": key})
                    done = {r[0] for r in ws.exec("SELECT key FROM selfinstruct_done WHERE key IN (SELECT unnest(?))",
                                                  [[j["key"] for j in jobs]])}
                    counts["skipped_done"] += sum(1 for j in jobs if j["key"] in done)
                    jobs = [j for j in jobs if j["key"] not in done]
                    if cfg.limit is not None:
                        jobs = jobs[: cfg.limit - counts["entities"]]
                    for j in jobs:
                        rng = random.Random(j["key"])
                        picked = pick_seeds(seeds, cfg.lang, j["ent"]["type"], cfg.n_seeds, rng)
                        j["messages"] = prompt.render(card=j["card"].text, entity=j["ent"]["name"],
                                                      entity_type=j["ent"]["type"] or ("实体" if cfg.lang == "zh" else "entity"),
                                                      k=cfg.per_entity, seed_tasks=format_seeds(picked, cfg.lang))
                    if cfg.llm.dry_run:
                        counts["entities"] += len(jobs)
                        if jobs and "example" not in counts:
                            counts["example"] = jobs[0]["messages"]  # type: ignore[assignment]
                        advance(len(jobs))
                        continue
                    for start in range(0, len(jobs), window):
                        chunk = jobs[start: start + window]
                        results: dict[str, Any] = {}
                        async for job, result in bounded_map(chunk, generate, cfg.llm.concurrency,
                                                             stop=lambda: stopped is not None):
                            if isinstance(result, BudgetExceeded):
                                stopped = str(result)  # no new request; this entity stays to do
                                continue
                            results[job["key"]] = result
                        self._write(ws, run_id, chunk, results, index, counts, reject, prompt.tag, InvalidReply)
                        advance(len(chunk))
                        if stopped:
                            break
            status = "ok" if stopped is None else "stopped"
        finally:
            seconds = time.perf_counter() - started
            extra = {"entities": counts["entities"], "skipped_done": counts["skipped_done"],
                     "failed_entities": counts["failed_entities"], "pairs": counts["pairs"], "kept": counts["kept"],
                     "rejected_by_reason": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
                     "kept_before": kept_before, "prompt": prompt.tag, "llm": client.stats()}
            if stopped:
                extra["stopped"] = stopped
            if "example" in counts:
                extra["dry_run_example"] = counts["example"]
            await client.aclose()
            ws.finish_run(run_id, status, counts["entities"], counts["kept"], counts["rejected"],
                          counts["skipped_done"], seconds, extra)
        return RunSummary(stage=self.name, fingerprint=setting, n_in=counts["entities"], n_out=counts["kept"],
                          n_rejected=counts["rejected"], n_skipped=counts["skipped_done"],
                          seconds=round(seconds, 3), extra=extra)

    def _write(self, ws: Workspace, run_id: int, chunk: list[dict], results: dict, index: Any, counts: dict,
               reject: Any, prompt_tag: str, InvalidReply: type) -> None:
        """Filter one window's replies in entity order and commit records, rejects and done rows."""
        from medcorpus.knowledge.filters import grounding_problem, length_problem

        cfg: SelfInstructConfig = self.config
        rows: list[dict] = []
        rejects: list[Rejected] = []
        done_rows = []
        for job in chunk:
            if job["key"] not in results:
                continue  # not started (budget reached): stays to do
            ent, card, result = job["ent"], job["card"], results[job["key"]]
            where = f"{ent['type'] or 'entity'}/{ent['name']}"
            base = {"entity_id": ent["entity_id"], "entity_type": ent["type"], "entity_name": ent["name"]}
            counts["entities"] += 1
            if isinstance(result, InvalidReply):
                reject(rejects, f"invalid reply after {cfg.llm.json_retries} re-asks ({result.reason})",
                       file=where, line=0, snippet=result.raw_text[:300], detail={**base, "reason": result.reason})
                counts["failed_entities"] += 1
                done_rows.append((job, "invalid", 0, 0))
                continue
            if isinstance(result, BaseException):
                reject(rejects, f"LLM request failed ({type(result).__name__}: {str(result)[:200]})",
                       file=where, line=0, detail=base)
                counts["failed_entities"] += 1  # not marked done: retried by the next run
                continue
            n_kept = 0
            for i, (instruction, output, raw) in enumerate(result):
                counts["pairs"] += 1
                snippet = orjson.dumps(raw, default=str).decode()[:300] if not instruction else instruction[:300]
                if i >= cfg.per_entity:
                    reject(rejects, f"more pairs than the {cfg.per_entity} asked for", file=where, line=i + 1, snippet=snippet,
                           detail=base)
                    continue
                if not instruction or not output:
                    reject(rejects, "malformed pair (no instruction or no output)", file=where, line=i + 1, snippet=snippet,
                           detail=base)
                    continue
                turns = [Turn(role="user", text=instruction), Turn(role="assistant", text=output)]
                rec = Record.new(cfg.source, turns, kind="instruction", lang=cfg.lang, meta={
                    **base, "card_hash": card.hash, "prompt_version": prompt_tag, "model": cfg.llm.model})
                problem = length_problem(instruction, output, cfg.min_instruction_chars, cfg.max_instruction_chars,
                                         cfg.min_response_chars, cfg.max_response_chars) \
                    or grounding_problem(output, card.name, card.aliases, card.facts, cfg.min_fact_chars)
                if problem:
                    reject(rejects, problem, record_id=rec.id, file=where, line=i + 1, snippet=snippet, detail=base)
                    continue
                verdict = index.check(instruction)
                if not verdict.novel:
                    reject(rejects, f"too similar to a kept instruction (ROUGE-L {verdict.score:.2f} > "
                                    f"{cfg.rouge_threshold})", record_id=rec.id, file=where, line=i + 1, snippet=snippet,
                           detail={**base, "rouge_l": verdict.score, "similar_to": verdict.match})
                    continue
                index.add(instruction, rec.id)
                rows.append(rec.to_row())
                n_kept += 1
            done_rows.append((job, "ok", len(result), n_kept))
        with ws.transaction():
            added = ws.add_records(rows, origin=self.name, run_id=run_id)
            ws.add_rejects(rejects, self.name, run_id)
            for job, status, n_pairs, n_kept in done_rows:
                ws.exec("INSERT OR REPLACE INTO selfinstruct_done (key, entity_id, entity_type, entity_name, "
                        "card_hash, prompt, status, n_pairs, n_kept, run_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        [job["key"], job["ent"]["entity_id"], job["ent"]["type"], job["ent"]["name"],
                         job["card"].hash, prompt_tag, status, n_pairs, n_kept, run_id])
        counts["kept"] += added
        counts["rejected"] += len(rejects)


def self_instruct(ws: Workspace, config: SelfInstructConfig | dict | None = None) -> RunSummary:
    """Library entry point (what `medcorpus synth self-instruct` calls)."""
    return SelfInstruct(config).run(ws)
