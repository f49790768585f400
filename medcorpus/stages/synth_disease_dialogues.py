"""`synth disease-dialogues`: for each disease-DB entry, K patient/doctor exchanges (GenMedGPT-5k style).

Two calls per exchange, as two agents (HuatuoGPT's role-play idea), so faithfulness comes by design:
1. the patient's call sees only a subset of the entry's symptoms (never the disease) and writes the
   complaint (`disease_patient.<lang>.txt`, reply `{"complaint"}`, which opens with one of the symptoms);
2. the doctor's call sees the complaint and the entry and replies in a schema that names the disease
   (an `enum` of one), picks tests and medications from the entry's lists (`enum`s) and then writes
   the answer, which opens with the diagnosis (`disease_doctor.<lang>.txt`).
The openings are `pattern`s of the schema: a small model continues from them instead of drifting
(SmolLM2-135M copied the prompt's example complaint, whatever the symptoms, without them).
Where the endpoint honours schemas (llama.cpp, vLLM, OpenAI) the names cannot be wrong. When the
free-text answer leaves out the disease or every picked name, the doctor turn states them in one
plain sentence (`meta.synth.added` says which). The exchange is then checked (`llm.faithful`): the
complaint must not name the disease, the answer must name it and a test or medication of the entry.
"""
from __future__ import annotations

import random
from typing import ClassVar, Any

from pydantic import Field

from medcorpus.llm.client import LLMClient
from medcorpus.llm.config import LLMConfig, generation_settings
from medcorpus.llm.driver import Item, LLMTask, Outcome, item_key
from medcorpus.llm.faithful import check_exchange, mentions, mentions_any
from medcorpus.llm.prompts import load_prompt
from medcorpus.llm.structured import enum_values, obj, opened, pick
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.schemas import Record, Turn

MODE = "disease-dialogues"
MAX_LIST = 8  # tests/medications shown to the model
LIMITS = {"en": {"complaint": 300, "answer": 600}, "zh": {"complaint": 120, "answer": 250}}
MAX_TOKENS = {"patient": 256, "doctor": 640}  # above what the schema's lengths allow: replies are not cut
# the opening of each turn is fixed by the schema (a `pattern`): the complaint starts with one of its symptoms,
# the answer with the disease, and a small model continues from there instead of drifting off
OPENING = {"en": {"patient": "Hello doctor, I have had {symptom}", "doctor": "It is most likely {disease}"},
           "zh": {"patient": "医生您好，我最近{symptom}", "doctor": "很可能是{disease}"}}
ADDED = {"en": ("It is most likely {disease}. ", " I recommend {names}."),
         "zh": ("很可能是{disease}。", "建议：{names}。")}


class DiseaseDialoguesConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file",)

    llm: LLMConfig = Field(default_factory=LLMConfig)
    per_item: int = Field(1, ge=1, le=50, description="Exchanges per disease, each with its own symptom subset.")
    limit: int | None = Field(None, ge=1, description="Diseases to use (in load order).")
    lang: str = Field("en", pattern="^(en|zh)$")
    prompt_file: str | None = Field(None, description="A directory with disease_patient.<lang>.txt and "
                                    "disease_doctor.<lang>.txt (the shipped ones are the default).")
    min_symptoms: int = Field(2, ge=1)
    max_symptoms: int = Field(4, ge=1)
    seed: int = 0
    source: str = "synth-disease-dialogues"


def symptom_subsets(disease_id: str, symptoms: list[str], k: int, lo: int, hi: int, seed: int = 0) -> list[list[str]]:
    """k different symptom subsets (fewer if the entry has too few), the same on every run; the first
    j of them do not depend on k, so raising --per-item adds exchanges instead of changing them."""
    if not symptoms:
        return []
    rng = random.Random(f"{seed}\x1f{disease_id}")
    lo, hi = min(lo, len(symptoms)), min(hi, len(symptoms))
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    tries = 0
    while len(out) < k and tries < 50 * k:
        tries += 1
        n = rng.randint(lo, hi)
        pick_ = sorted(rng.sample(range(len(symptoms)), n))
        key = tuple(symptoms[i] for i in pick_)
        if key not in seen:
            seen.add(key)
            out.append(list(key))
    return out


def case_of(entry: dict[str, Any], symptoms: list[str]) -> dict[str, Any]:
    return {"disease": entry["name"], "symptoms": symptoms, "tests": (entry.get("tests") or [])[:MAX_LIST],
            "medications": (entry.get("medications") or [])[:MAX_LIST]}


def patient_schema(case: dict[str, Any], lang: str) -> dict:
    opening = OPENING[lang]["patient"].format(symptom=case["symptoms"][0].lower())
    return obj({"complaint": opened(opening, 10, LIMITS[lang]["complaint"])})


def doctor_schema(case: dict[str, Any], lang: str) -> dict:
    props: dict[str, dict] = {"disease": {"type": "string", "enum": enum_values([case["disease"]], 300) or
                                          [case["disease"].replace('"', "'").replace("\\", "/")]}}
    if enum_values(case["tests"]):
        props["tests"] = pick(case["tests"], 1, 2)
    if enum_values(case["medications"]):
        props["medications"] = pick(case["medications"], 1, 2)
    opening = OPENING[lang]["doctor"].format(disease=case["disease"])
    props["answer"] = opened(opening, 20, LIMITS[lang]["answer"])
    return obj(props)


def doctor_turn(reply: dict[str, Any], case: dict[str, Any], lang: str) -> tuple[str, list[str]]:
    """The doctor's text: the model's answer, plus a plain sentence for what it left out."""
    answer, added = reply["answer"].strip(), []
    picked = list(dict.fromkeys((reply.get("tests") or []) + (reply.get("medications") or [])))
    if not mentions(answer, case["disease"]):
        answer = ADDED[lang][0].format(disease=case["disease"]) + answer
        added.append("disease")
    if picked and not mentions_any(answer, case["tests"] + case["medications"]):
        sep = "、" if lang == "zh" else ", "
        answer = answer.rstrip() + ADDED[lang][1].format(names=sep.join(picked))
        added.append("names")
    return answer, added


def _complaint_validator(disease: str):
    def validate(reply: Any) -> str:
        text = reply["complaint"].strip()
        if mentions(text, disease):
            raise ValueError("unfaithful: the complaint names the disease")
        return text
    return validate


@register_stage
class SynthDiseaseDialogues(LLMTask, Source):
    name = "synth_disease_dialogues"
    version = "2"
    config_model = DiseaseDialoguesConfig
    requests_per_item = (2, 2)

    def check_inputs(self, ws: Any) -> None:
        from medcorpus.knowledge.diseases import disease_count

        if not disease_count(ws):
            raise ValueError("no disease database in this workspace: run `medcorpus kb load-diseases CSV` first")

    def prompts(self) -> tuple[Any, Any]:
        cfg = self.config
        return (load_prompt("disease_patient", cfg.lang, cfg.prompt_file),
                load_prompt("disease_doctor", cfg.lang, cfg.prompt_file))

    def items(self, ws: Any) -> list[Item]:
        from medcorpus.knowledge.diseases import iter_diseases

        cfg = self.config
        prompts = self.prompts()
        settings = generation_settings(cfg.llm)
        out = []
        for entry in iter_diseases(ws, limit=cfg.limit):
            # a symptom that names the disease ("Acne" for acne) would make the complaint name it
            symptoms = [s for s in entry.get("symptoms") or [] if not mentions(s, entry["name"])]
            for k, subset in enumerate(symptom_subsets(entry["disease_id"], symptoms, cfg.per_item,
                                                       cfg.min_symptoms, cfg.max_symptoms, cfg.seed)):
                case = case_of(entry, subset)
                key = item_key(self.name, self.version, entry["disease_id"], k, case, [p.tag for p in prompts],
                               cfg.lang, settings)
                out.append(Item(key, {"entry": entry, "k": k, "case": case, "prompts": prompts},
                                f"{entry['name']} #{k}"))
        return out

    def summary_extra(self, items: list[Item]) -> dict[str, Any]:
        return {"mode": MODE, "diseases": len({i.payload["entry"]["disease_id"] for i in items})}

    def first_messages(self, item: Item) -> list[dict]:
        sep = "、" if self.config.lang == "zh" else ", "
        return item.payload["prompts"][0].render(symptoms=sep.join(s.lower() for s in item.payload["case"]["symptoms"]))

    def doctor_messages(self, item: Item, complaint: str) -> list[dict]:
        case, sep = item.payload["case"], "、" if self.config.lang == "zh" else ", "
        none = "（无）" if self.config.lang == "zh" else "(none)"
        return item.payload["prompts"][1].render(complaint=complaint.replace('"', "'"), disease=case["disease"],
                                                 tests=sep.join(case["tests"]) or none,
                                                 medications=sep.join(case["medications"]) or none)

    async def work(self, client: LLMClient, item: Item) -> Outcome:
        cfg, p = self.config, item.payload
        case = p["case"]
        complaint = await client.chat_json(self.first_messages(item), _complaint_validator(case["disease"]),
                                           schema=patient_schema(case, cfg.lang), max_tokens=MAX_TOKENS["patient"])
        reply = await client.chat_json(self.doctor_messages(item, complaint), schema=doctor_schema(case, cfg.lang),
                                       max_tokens=MAX_TOKENS["doctor"])
        doctor, added = doctor_turn(reply, case, cfg.lang)
        try:
            found = check_exchange(complaint, doctor, case["disease"], case["tests"], case["medications"])
        except ValueError as exc:
            return Outcome(rejected=str(exc), snippet=f"{complaint}\n---\n{doctor}")
        entry = p["entry"]
        meta = {"synth": {"mode": MODE, "model": client.config.model, "prompt": [q.tag for q in p["prompts"]],
                          "disease_id": entry["disease_id"], "disease": entry["name"], "variant": p["k"],
                          "symptoms": case["symptoms"], "named": found["named"], "added": added, "item": item.key}}
        rec = Record.new(cfg.source, [Turn(role="patient", text=complaint), Turn(role="doctor", text=doctor)],
                         lang=cfg.lang, meta=meta)
        return Outcome(records=[rec])
