"""`synth roleplay`: a patient agent and a doctor agent talk for up to T exchanges (HuatuoGPT style).

The case is a disease-DB entry (the patient knows a subset of its symptoms, the doctor has the entry
as reference notes the patient cannot see) or an ingested real consultation (the patient starts from
the real complaint, the doctor has the real answer as reference). The doctor asks follow-up
questions before concluding; the conversation stops on the doctor's closing turn (`"final": true`),
a repeated turn, or the turn limit (the doctor is told to conclude on the last one). The result is
one multi-turn Record. For a disease case, a patient turn that names the disease or a conclusion
that does not is re-asked, then the case is rejected with the reason.
"""
from __future__ import annotations

import json
from typing import ClassVar, Any, Literal

from pydantic import Field

from medcorpus.llm.client import LLMClient
from medcorpus.llm.config import LLMConfig, generation_settings
from medcorpus.llm.driver import Item, LLMTask, Outcome, item_key
from medcorpus.llm.faithful import fold, mentions
from medcorpus.llm.prompts import Prompt, load_prompt
from medcorpus.llm.structured import obj, plain
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.schemas import Record, Turn
from medcorpus.stages.synth_disease_dialogues import symptom_subsets

MODE = "roleplay"
CASE_CHARS = 1500
PATIENT_SCHEMA = obj({"reply": plain(500)})
DOCTOR_SCHEMA = obj({"reply": plain(900), "final": {"type": "boolean"}})
MAX_TOKENS = {"patient": 320, "doctor": 640}  # above what the schemas' lengths allow: replies are not cut
NUDGE = {"en": "\n\n(This is your last turn: give your conclusion now.)",
         "zh": "\n\n（这是你的最后一轮：现在给出结论。）"}


class RoleplayConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("prompt_file",)

    llm: LLMConfig = Field(default_factory=LLMConfig)
    cases: Literal["diseases", "records"] = "diseases"
    per_item: int = Field(1, ge=1, le=20, description="Conversations per case (disease cases: each with its own symptoms).")
    limit: int | None = Field(None, ge=1, description="Cases to use.")
    max_turns: int = Field(4, ge=1, le=20, description="Doctor turns at most (each after a patient turn).")
    lang: str = Field("en", pattern="^(en|zh)$")
    prompt_file: str | None = Field(None, description="A directory with roleplay_patient.<lang>.txt / roleplay_doctor.<lang>.txt.")
    seed: int = 0
    source: str = "synth-roleplay"


def _reply_validator(disease: str | None, first_doctor_turn: bool = False, may_conclude_at_once: bool = True,
                     doctor: bool = False):
    def validate(obj: Any) -> tuple[str, bool]:
        if not isinstance(obj, dict) or not isinstance(obj.get("reply"), str) or not obj["reply"].strip():
            raise ValueError("reply is not a JSON object with 'reply' text")
        text = obj["reply"].strip()
        final = bool(obj.get("final")) if doctor else False
        if disease and not doctor and mentions(text, disease):
            raise ValueError("unfaithful: the patient names the disease")
        if doctor and final and first_doctor_turn and not may_conclude_at_once:
            raise ValueError("the doctor concluded without asking a follow-up question")
        if doctor and final and disease and not mentions(text, disease):
            raise ValueError("unfaithful: the conclusion does not name the disease")
        return text, final
    return validate


@register_stage
class SynthRoleplay(LLMTask, Source):
    name = "synth_roleplay"
    version = "2"
    config_model = RoleplayConfig

    @property
    def requests_per_item(self) -> tuple[int, int]:  # type: ignore[override]
        return 2, 2 * self.config.max_turns

    def prompts(self) -> tuple[Prompt, Prompt]:
        cfg = self.config
        return (load_prompt("roleplay_patient", cfg.lang, cfg.prompt_file),
                load_prompt("roleplay_doctor", cfg.lang, cfg.prompt_file))

    def cases(self, ws: Any) -> list[dict[str, Any]]:
        cfg = self.config
        out = []
        if cfg.cases == "diseases":
            from medcorpus.knowledge.diseases import disease_count, iter_diseases

            if not disease_count(ws):
                raise ValueError("no disease database in this workspace: run `medcorpus kb load-diseases CSV` first "
                                 "(or use --from records)")
            for entry in iter_diseases(ws, limit=cfg.limit):
                for k, subset in enumerate(symptom_subsets(entry["disease_id"], entry.get("symptoms") or [],
                                                           cfg.per_item, 2, 5, cfg.seed)):
                    ref = {"disease": entry["name"], "tests": (entry.get("tests") or [])[:8],
                           "medications": (entry.get("medications") or [])[:8]}
                    out.append({"id": entry["disease_id"], "k": k, "label": f"{entry['name']} #{k}",
                                "disease": entry["name"], "patient_case": {"symptoms": subset}, "reference": ref})
        else:
            sql = (f"SELECT id, turns FROM ({ws.current_sql()}) WHERE kind = 'consultation' AND lang = ? "
                   f"ORDER BY version" + (f" LIMIT {int(cfg.limit)}" if cfg.limit else ""))
            for row in ws.fetch_rows(sql, [cfg.lang]):
                patient = next((t["text"] for t in row["turns"] if t["role"] == "patient"), None)
                doctor = next((t["text"] for t in row["turns"] if t["role"] == "doctor"), None)
                if not patient:
                    continue
                for k in range(cfg.per_item):
                    out.append({"id": row["id"], "k": k, "label": f"record {row['id']} #{k}", "disease": None,
                                "patient_case": {"complaint": patient[:CASE_CHARS]},
                                "reference": {"answer": doctor[:CASE_CHARS]} if doctor else {}})
        return out

    def items(self, ws: Any) -> list[Item]:
        cfg = self.config
        patient_p, doctor_p = self.prompts()
        settings = generation_settings(cfg.llm)
        return [Item(item_key(self.name, self.version, cfg.cases, c["id"], c["k"], c["patient_case"], c["reference"],
                              patient_p.tag, doctor_p.tag, cfg.max_turns, cfg.lang, settings),
                     {**c, "prompts": (patient_p, doctor_p)}, c["label"]) for c in self.cases(ws)]

    def _systems(self, item: Item) -> tuple[list[dict], dict]:
        p = item.payload
        patient_p, doctor_p = p["prompts"]
        patient_msgs = patient_p.render(case=json.dumps(p["patient_case"], ensure_ascii=False, indent=1))
        doctor_sys = {"role": "system", "content": doctor_p.render_system(
            reference=json.dumps(p["reference"], ensure_ascii=False, indent=1),
            max_questions=max(1, self.config.max_turns - 1))}
        return patient_msgs, doctor_sys

    def first_messages(self, item: Item) -> list[dict]:
        return self._systems(item)[0]

    async def work(self, client: LLMClient, item: Item) -> Outcome:
        cfg, p = self.config, item.payload
        patient_msgs, doctor_sys = self._systems(item)
        if len(patient_msgs) < 2:  # a custom template without the opening line
            patient_msgs = patient_msgs + [{"role": "user", "content": "Hello, what brings you here today?"}]
        disease = p["disease"]
        turns: list[tuple[str, str]] = []
        stop = "turn limit"
        for t in range(cfg.max_turns):
            history_p = patient_msgs + [{"role": "assistant" if r == "patient" else "user", "content": x}
                                        for r, x in turns]
            ptext, _ = await client.chat_json(history_p, _reply_validator(disease), schema=PATIENT_SCHEMA,
                                              max_tokens=MAX_TOKENS["patient"])
            if any(fold(ptext) == fold(x) for r, x in turns if r == "patient"):
                stop = "repeated turn"
                break
            turns.append(("patient", ptext))
            history_d = [doctor_sys] + [{"role": "user" if r == "patient" else "assistant", "content": x}
                                        for r, x in turns]
            last = t == cfg.max_turns - 1
            if last:
                history_d[-1] = {"role": "user", "content": history_d[-1]["content"] + NUDGE[cfg.lang]}
            dtext, final = await client.chat_json(history_d, _reply_validator(
                disease, first_doctor_turn=(t == 0), may_conclude_at_once=cfg.max_turns == 1, doctor=True),
                schema=DOCTOR_SCHEMA, max_tokens=MAX_TOKENS["doctor"])
            if any(fold(dtext) == fold(x) for r, x in turns if r == "doctor"):
                stop = "repeated turn"
                break
            turns.append(("doctor", dtext))
            if final:
                stop = "closing turn"
                break
        if turns and turns[-1][0] == "patient":
            turns.pop()
        if not turns:
            return Outcome(rejected="no complete exchange (the first turn repeated)")
        if disease and not mentions(turns[-1][1], disease):
            return Outcome(rejected="unfaithful: the conversation ends without naming the disease",
                           snippet=turns[-1][1])
        patient_p, doctor_p = p["prompts"]
        meta = {"synth": {"mode": MODE, "model": client.config.model,
                          "prompt": [patient_p.tag, doctor_p.tag], "case": cfg.cases,
                          ("disease_id" if cfg.cases == "diseases" else "record_id"): p["id"], "variant": p["k"],
                          "stop": stop, "exchanges": len(turns) // 2, "item": item.key}}
        if disease:
            meta["synth"]["disease"] = disease
        rec = Record.new(cfg.source, [Turn(role=r, text=x) for r, x in turns], lang=cfg.lang, meta=meta)
        return Outcome(records=[rec])

    def summary_extra(self, items: list[Item]) -> dict[str, Any]:
        return {"mode": MODE, "cases": len({i.payload["id"] for i in items})}
