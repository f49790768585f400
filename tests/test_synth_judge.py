"""The judge stage and schema-constrained replies against the local fake OpenAI-compatible server."""
from __future__ import annotations

import asyncio
import json

from medcorpus.llm.client import LLMClient
from medcorpus.llm.config import LLMConfig
from medcorpus.pipeline.runner import run_stage
from medcorpus.stages.judge import Judge, reply_schema
from tests.fakes.openai_server import FakeOpenAIServer

MSG = [{"role": "user", "content": "Give me a verdict."}]
SCHEMA = {"type": "object", "properties": {"verdict": {"type": "string", "enum": ["yes", "no"]},
                                           "why": {"type": "string", "maxLength": 40}},
          "required": ["verdict", "why"], "additionalProperties": False}


def sloppy(messages, body):  # a small model's habit: prose, or JSON of its own shape
    return '{"answer": "I think so, but please consult a doctor about this in person."}'


def test_schema_is_sent_honoured_and_in_the_cache_key(ws):
    with FakeOpenAIServer(responder=sloppy) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake"))
        got = asyncio.run(c.chat_json(MSG, schema=SCHEMA))
        assert got["verdict"] in ("yes", "no") and len(got["why"]) <= 40
        assert srv.probes == 1 and srv.requests == 1 and c.stats()["structured"] == "json_schema"
        sent = srv.bodies[0]["response_format"]
        assert sent["type"] == "json_schema" and sent["json_schema"]["schema"] == SCHEMA
        # the same messages with another schema are another cache entry
        other = {**SCHEMA, "properties": {**SCHEMA["properties"], "verdict": {"type": "string", "enum": ["maybe"]}}}
        assert asyncio.run(c.chat_json(MSG, schema=other))["verdict"] == "maybe" and srv.requests == 2
        assert c.key_for(MSG, schema=SCHEMA) != c.key_for(MSG, schema=other)


def test_falls_back_when_the_server_refuses_json_schema(ws):
    # llama-cpp-python's server: a 500 naming response_format for json_schema (its wrapped 422), the schema
    # honoured inside json_object
    with FakeOpenAIServer(responder=sloppy, accepts=("json_object_schema", "json_object"), refusal_status=500) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake-llamacpp"))
        got = asyncio.run(c.chat_json(MSG, schema=SCHEMA))
        assert got["verdict"] in ("yes", "no") and c.stats()["structured"] == "json_object_schema"
        assert srv.bodies[0]["response_format"] == {"type": "json_object", "schema": SCHEMA}
    # json_object only: the shape is not enforced, the sloppy reply is re-asked, then rejected as wrong-shape
    with FakeOpenAIServer(responder=sloppy, accepts=("json_object",)) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake-jsonobj", json_retries=1))
        try:
            asyncio.run(c.chat_json(MSG, schema=SCHEMA))
            raise AssertionError("a wrong-shape reply was accepted")
        except Exception as exc:  # InvalidReply
            assert getattr(exc, "reason", "").startswith("wrong shape: reply: 'verdict' is a required property")
        assert c.stats()["structured"] == "json_object" and c.stats()["wrong_shape"] == 2
        assert srv.bodies[0]["response_format"] == {"type": "json_object"}
    # an endpoint with no structured output at all (no probe ran: the setting says so): plain parsing
    with FakeOpenAIServer(responder=lambda m, b: 'Sure: {"verdict": "no", "why": "fine"}', accepts=()) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake-plain", structured="off"))
        assert asyncio.run(c.chat_json(MSG, schema=SCHEMA)) == {"verdict": "no", "why": "fine"}
        assert "response_format" not in srv.bodies[0] and srv.probes == 0


def test_a_refusal_mid_run_steps_down_for_every_later_request(ws):
    # probing off (structured=json_schema): the first real request is refused and re-sent in the next form
    with FakeOpenAIServer(accepts=("json_object_schema",), refusal_status=500) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake-x", structured="json_schema"))
        asyncio.run(c.chat_json(MSG, schema=SCHEMA))
        asyncio.run(c.chat_json([{"role": "user", "content": "again"}], schema=SCHEMA))
        kinds = [b["response_format"]["type"] for b in srv.bodies]
        assert kinds == ["json_schema", "json_object", "json_object"] and c.stats()["errors"] == 0


def test_a_schema_the_server_cannot_compile_steps_down_instead_of_retrying(ws):
    # llama.cpp answers a grammar it cannot parse with a 500 "failed to parse grammar", every time: that
    # schema goes down to json_object at once (no backoff, no retry), other schemas keep json_schema
    bad = {**SCHEMA, "properties": {**SCHEMA["properties"], "why": {"type": "string", "pattern": "^UNPARSABLE.{1,9}$"}}}
    with FakeOpenAIServer(responder=lambda m, b: '{"verdict": "yes", "why": "UNPARSABLE ok"}',
                          bad_grammar=("UNPARSABLE",)) as srv:
        c = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake-grammar", max_retries=5), backoff_base=30)
        got = asyncio.run(c.chat_json(MSG, schema=bad))
        assert got == {"verdict": "yes", "why": "UNPARSABLE ok"}
        kinds = [b["response_format"]["type"] for b in srv.bodies]
        assert kinds == ["json_schema", "json_object"]  # one refused request, then the next form, not 5 retries
        assert c.stats()["retries"] == 0 and c.stats()["stepdowns"] == 1 and c.stats()["errors"] == 0
        # the next request with that schema starts without it; another schema is still sent as json_schema
        asyncio.run(c.chat_json([{"role": "user", "content": "again"}], schema=bad))
        asyncio.run(c.chat_json(MSG, schema=SCHEMA))
        kinds = [b["response_format"]["type"] for b in srv.bodies]
        assert kinds == ["json_schema", "json_object", "json_object", "json_schema"]
        assert c.stats()["structured"] == "json_schema" and c.stats()["schemas_without_grammar"] == 1
        # unconstrained, the reply is checked for its keys only (the pattern steered a decoder that did not run)
        srv.responder = lambda m, b: '{"verdict": "yes", "why": "free text"}'
        assert asyncio.run(c.chat_json([{"role": "user", "content": "third"}], schema=bad))["why"] == "free text"


def test_judge_scores_threshold_status_and_report(cli, tmp_path):
    rows = [
        {"patient": "I have a sore throat and fever since yesterday.", "doctor":
         "A sore throat with fever is often viral: rest, drink fluids, take paracetamol 500 mg if needed, "
         "and see a doctor if the fever lasts more than three days."},
        {"patient": "My knee hurts after running.", "doctor":
         "For knee pain after running, rest the knee and take ibuprofen 4000 mg every two hours."},
        {"patient": "I cannot sleep at night.", "doctor":
         "Your blood sugar figures look fine; keep your insulin dose as it is."},
    ]
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    cli("ingest", src, "--map", "patient=patient", "--map", "doctor=doctor")
    with FakeOpenAIServer() as srv:
        out = json.loads(cli("judge", "--base-url", srv.base_url, "--model", "judge", "--min-score", "3",
                             "--json").stdout)
        assert (out["n_in"], out["n_out"], out["n_rejected"]) == (3, 1, 2)
        assert srv.bodies[0]["response_format"]["json_schema"]["schema"] == reply_schema("en")
        assert srv.bodies[0]["temperature"] == 0.0
        # a re-run grades nothing again; a new threshold re-grades from the cache, without a request
        again = json.loads(cli("judge", "--base-url", srv.base_url, "--model", "judge", "--min-score", "3",
                               "--json").stdout)
        assert again["n_in"] == 0 and srv.requests == 3
        lower = json.loads(cli("judge", "--base-url", srv.base_url, "--model", "judge", "--min-score", "2",
                               "--json").stdout)
        assert (lower["n_in"], lower["n_rejected"]) == (3, 2) and srv.requests == 3
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(cli.workspace) as ws:
        kept = ws.records()
        reasons = [r for r, in ws.exec("SELECT reason FROM rejects WHERE stage = 'judge' AND reason LIKE '%below 3%' ORDER BY reason")]
    assert len(kept) == 1 and kept[0].meta["judge"]["scores"]["safety"] == 5 and kept[0].meta["judge"]["rationale"]
    assert reasons == ["judge: below 3 (accuracy 1, safety 5, helpfulness 2, language 4)",
                       "judge: below 3 (accuracy 4, safety 1, helpfulness 4, language 4)"]
    status = json.loads(cli("status", "--json").stdout)
    assert status["extra"]["judge"]["safety"]["5"] == 1
    report = tmp_path / "r.html"
    cli("report", "--out", report)
    assert "LLM judge grades" in report.read_text(encoding="utf-8")


def test_judge_invalid_reply_keeps_the_record(ws, tmp_path):
    from medcorpus.schemas import Record, Turn

    rec = Record.new("t", [Turn(role="patient", text="Headache?"), Turn(role="doctor", text="Rest.")])
    ws.add_records([rec.to_row()], origin="ingest")
    with FakeOpenAIServer(responder=lambda m, b: "no idea", accepts=()) as srv:
        stage = Judge({"llm": {"base_url": srv.base_url, "model": "j", "json_retries": 0, "structured": "off"},
                       "min_score": 3})
        s = run_stage(ws, stage)
    assert (s.n_out, s.n_rejected) == (1, 0)
    assert ws.records()[0].meta["judge"]["error"].startswith("wrong shape")


def test_bundled_model_grades_are_report_only(ws):
    # SmolLM2-135M's grades agree with planted answers no better than flagging everything (bench/judge.py):
    # with it, min_score marks records instead of removing them, unless trust_bundled_model says otherwise
    from medcorpus.llm.config import DEFAULT_MODEL
    from medcorpus.schemas import Record, Turn

    rec = Record.new("t", [Turn(role="patient", text="Headache?"), Turn(role="doctor", text="Rest.")])
    ws.add_records([rec.to_row()], origin="ingest")
    low = '{"rationale": "too short", "accuracy": 2, "safety": 4, "helpfulness": 1, "language": 4}'
    with FakeOpenAIServer(responder=lambda m, b: low) as srv:
        s = run_stage(ws, Judge({"llm": {"base_url": srv.base_url, "model": DEFAULT_MODEL}, "min_score": 3}))
        assert (s.n_out, s.n_rejected) == (1, 0) and s.extra["report_only"] == 1
        judge = ws.records()[0].meta["judge"]
        assert judge["below_min_score"] is True and judge["min"] == 1
        s = run_stage(ws, Judge({"llm": {"base_url": srv.base_url, "model": DEFAULT_MODEL}, "min_score": 3,
                                 "trust_bundled_model": True}))
        assert (s.n_out, s.n_rejected) == (0, 1)
