"""`synth disease-dialogues`: for each disease-DB entry, K patient/doctor exchanges (GenMedGPT-5k style).

Each exchange uses a different subset of the entry's symptoms: the patient complains in everyday
words without naming the disease, the doctor names the likely disease, tests and medications from
the entry. An exchange is kept only if it passes the faithfulness check (`llm.faithful`); a failing
reply is re-asked (`json_retries`), then rejected with its reason.
"""
from __future__ import annotations

import json
import random
from typing import ClassVar, Any

from pydantic import Field

from medcorpus.llm.client import LLMClient
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.driver import Item, Outcome, dry_run, generation_settings, item_key, run_items
from medcorpus.llm.faithful import check_exchange
from medcorpus.llm.prompts import load_prompt
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Turn

MODE = "disease-dialogues"
MAX_LIST = 8  # tests/medications shown to the model
MAX_ABOUT = 600  # characters of the (non-junk) description


class DiseaseDialoguesConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file",)

    llm: LLMConfig = Field(default_factory=LLMConfig)
    per_item: int = Field(1, ge=1, le=50, description="Exchanges per disease, each with its own symptom subset.")
    limit: int | None = Field(None, ge=1, description="Diseases to use (in load order).")
    lang: str = Field("en", pattern="^(en|zh)$")
    prompt_file: str | None = None
    min_symptoms: int = Field(2, ge=1)
    max_symptoms: int = Field(5, ge=1)
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
        pick = sorted(rng.sample(range(len(symptoms)), n))
        key = tuple(symptoms[i] for i in pick)
        if key not in seen:
            seen.add(key)
            out.append(list(key))
    return out


def case_of(entry: dict[str, Any], symptoms: list[str]) -> dict[str, Any]:
    case: dict[str, Any] = {"disease": entry["name"], "symptoms": symptoms,
                            "tests": (entry.get("tests") or [])[:MAX_LIST],
                            "medications": (entry.get("medications") or [])[:MAX_LIST]}
    if entry.get("reason") and not entry.get("reason_junk"):
        case["about"] = entry["reason"][:MAX_ABOUT]
    return case


def validate_exchange(case: dict[str, Any]):
    def validate(obj: Any) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise ValueError("reply is not a JSON object")
        patient, doctor = obj.get("patient"), obj.get("doctor")
        if not isinstance(patient, str) or not isinstance(doctor, str) or not patient.strip() or not doctor.strip():
            raise ValueError("reply lacks 'patient' and 'doctor' text")
        found = check_exchange(patient, doctor, case["disease"], case["tests"], case["medications"])
        return {"patient": patient.strip(), "doctor": doctor.strip(), **found}
    return validate


@register_stage
class SynthDiseaseDialogues(Source):
    name = "synth_disease_dialogues"
    version = "1"
    config_model = DiseaseDialoguesConfig

    def items(self, ws: Workspace) -> list[Item]:
        from medcorpus.knowledge.diseases import iter_diseases

        cfg = self.config
        prompt = load_prompt("disease_dialogue", cfg.lang, cfg.prompt_file)
        settings = generation_settings(cfg.llm)
        out = []
        for entry in iter_diseases(ws, limit=cfg.limit):
            subsets = symptom_subsets(entry["disease_id"], entry.get("symptoms") or [], cfg.per_item,
                                      cfg.min_symptoms, cfg.max_symptoms, cfg.seed)
            for k, subset in enumerate(subsets):
                case = case_of(entry, subset)
                key = item_key(self.name, self.version, entry["disease_id"], k, case, prompt.tag, cfg.lang, settings)
                out.append(Item(key, {"entry": entry, "k": k, "case": case, "prompt": prompt},
                                f"{entry['name']} #{k}"))
        return out

    @staticmethod
    def messages(item: Item) -> list[dict]:
        p = item.payload
        return p["prompt"].render(case=json.dumps(p["case"], ensure_ascii=False, indent=1),
                                  disease=p["case"]["disease"])

    async def work(self, client: LLMClient, item: Item) -> Outcome:
        p = item.payload
        got = await client.chat_json(self.messages(item), validate_exchange(p["case"]))
        entry = p["entry"]
        meta = {"synth": {"mode": MODE, "model": client.config.model, "prompt": p["prompt"].tag,
                          "disease_id": entry["disease_id"], "disease": entry["name"], "variant": p["k"],
                          "symptoms": p["case"]["symptoms"], "named": got["named"], "item": item.key}}
        rec = Record.new(self.config.source, [Turn(role="patient", text=got["patient"]),
                                              Turn(role="doctor", text=got["doctor"])],
                         lang=self.config.lang, meta=meta)
        return Outcome(records=[rec])

    def run(self, ws: Workspace, endpoint: tuple[str | None, str] | None = None, limit: int | None = None,
            **_: Any) -> RunSummary:
        """`endpoint`: (url, where) already resolved by the caller; `limit`: cases (overrides the config's)."""
        if limit is not None:
            self.config = self.config.model_copy(update={"limit": limit})
        from medcorpus.knowledge.diseases import disease_count

        if not disease_count(ws):
            raise ValueError("no disease database in this workspace: run `medcorpus kb load-diseases CSV` first")
        items = self.items(ws)
        if self.config.llm.dry_run:
            from medcorpus.llm.driver import done_keys

            done = done_keys(ws, self.name)
            return dry_run(self.name, [i for i in items if i.key not in done], self.messages, self.config.llm)
        return run_items(ws, self.name, "", self.config.model_dump(mode="json"), self.config.llm, items, self.work,
                         origin=self.name, endpoint=endpoint, extra={"mode": MODE, "diseases": len({i.payload["entry"]["disease_id"]
                                                                                  for i in items})})
