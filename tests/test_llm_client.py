"""The shared LLM layer against the local fake OpenAI-compatible server."""
from __future__ import annotations

import asyncio
import json
import time

import pytest

from medcorpus.llm.cache import llm_status
from medcorpus.llm.client import BudgetExceeded, InvalidReply, LLMClient, LLMError, NoEndpoint, estimate_tokens, parse_json
from medcorpus.llm.config import LLMConfig
from medcorpus.llm.driver import bounded_map
from medcorpus.llm.endpoint import find_endpoint
from medcorpus.llm.prices import price_of
from medcorpus.llm.prompts import PromptError, load_prompt
from tests.fakes.openai_server import FakeOpenAIServer

MSG = [{"role": "user", "content": "Say hello"}]


def client_for(ws, srv, **cfg) -> LLMClient:
    cfg.setdefault("model", "fake")
    return LLMClient(ws, LLMConfig(base_url=srv.base_url, **cfg), backoff_base=0.01)


def test_chat_caches_and_counts_tokens(ws):
    with FakeOpenAIServer() as srv:
        c = client_for(ws, srv)
        r1 = asyncio.run(c.chat(MSG))
        r2 = asyncio.run(c.chat(MSG))  # a second event loop: the client rebinds
        assert srv.requests == 1
        assert r1.text == r2.text and not r1.cached and r2.cached
        assert r1.prompt_tokens > 0 and r1.completion_tokens > 0
        s = c.stats()
        assert (s["requests"], s["cache_hits"]) == (1, 1)
        # different parameters are a different cache entry; --no-cache bypasses reading
        asyncio.run(c.chat(MSG, temperature=0.0))
        asyncio.run(LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake", cache=False)).chat(MSG))
        assert srv.requests == 3
        assert c.flush_writes() == 2  # new replies are committed by the caller (with what was made of them)
        # a fresh client (a re-run) reads the same workspace cache
        c2 = client_for(ws, srv)
        assert asyncio.run(c2.chat(MSG)).cached and srv.requests == 3
    assert ws.one("SELECT count(*) FROM llm_cache")[0] == 2


@pytest.mark.parametrize("fault", ["429", "500", "truncated"])
def test_retries_transient_faults(ws, fault):
    with FakeOpenAIServer(faults=[fault, fault]) as srv:
        c = client_for(ws, srv)
        reply = asyncio.run(c.chat(MSG))
        assert reply.text.startswith("Thank you")
        assert srv.requests == 3 and c.stats()["retries"] == 2


def test_retry_after_is_honoured(ws):
    with FakeOpenAIServer(faults=["429"], retry_after="0.6") as srv:
        c = client_for(ws, srv)
        t0 = time.perf_counter()
        asyncio.run(c.chat(MSG))
        assert time.perf_counter() - t0 >= 0.55


def test_gives_up_after_max_retries_and_timeouts(ws):
    with FakeOpenAIServer(faults=["500"] * 5) as srv:
        c = client_for(ws, srv, max_retries=2)
        with pytest.raises(LLMError, match="500"):
            asyncio.run(c.chat(MSG))
        assert srv.requests == 3 and c.stats()["errors"] == 1
    with FakeOpenAIServer(faults=["slow"], slow_delay=2.0) as srv:
        c = client_for(ws, srv, timeout=0.3)
        assert asyncio.run(c.chat(MSG)).text  # timed out once, then answered
        assert c.stats()["retries"] == 1


def test_non_retryable_4xx_fails_at_once(ws):
    with FakeOpenAIServer(faults=["400"]) as srv:
        c = client_for(ws, srv)
        with pytest.raises(LLMError, match="bad request"):
            asyncio.run(c.chat(MSG))
        assert c.stats()["retries"] == 0 and srv.requests == 1


def test_chat_json_reasks_then_rejects(ws):
    def validate(obj):
        if not isinstance(obj, dict) or not isinstance(obj.get("answer"), str):
            raise ValueError("expected {\"answer\": str}")
        return obj["answer"]

    with FakeOpenAIServer(responder=lambda m, b: '```json\n{"answer": "42"}\n```', faults=["nonjson"]) as srv:
        c = client_for(ws, srv)
        assert asyncio.run(c.chat_json(MSG, validate)) == "42"
        assert srv.requests == 2 and c.stats()["invalid"] == 1
        assert srv.bodies[0]["response_format"] == {"type": "json_object"}
        # a re-run replays both replies from the cache: zero requests
        c.flush_writes()
        c2 = client_for(ws, srv)
        assert asyncio.run(c2.chat_json(MSG, validate)) == "42" and srv.requests == 2
    with FakeOpenAIServer(responder=lambda m, b: '{"answer": 42}') as srv:
        c = client_for(ws, srv, json_retries=2)
        with pytest.raises(InvalidReply) as info:
            asyncio.run(c.chat_json([{"role": "user", "content": "other"}], validate))
        assert "expected" in info.value.reason and info.value.raw_text == '{"answer": 42}'
        assert srv.requests == 3


def test_parse_json_tolerates_fences_and_prose():
    assert parse_json('```\n{"a": 1}\n```') == {"a": 1}
    assert parse_json('Sure! Here it is: {"a": [1, 2]} Hope this helps.') == {"a": [1, 2]}
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_json("no json here")


def test_concurrency_is_bounded_and_parallel(ws):
    with FakeOpenAIServer(latency=0.3) as srv:
        c = client_for(ws, srv, concurrency=4)

        async def main():
            out = []
            async for item, res in bounded_map(range(12), lambda i: c.chat([{"role": "user", "content": f"q{i}"}]), 50):
                out.append((item, res))
            return out

        t0 = time.perf_counter()
        results = asyncio.run(main())
        elapsed = time.perf_counter() - t0
        assert len(results) == 12 and all(not isinstance(r, BaseException) for _, r in results)
        assert srv.max_inflight == 4
        assert elapsed < 12 * 0.3 * 2 / 3  # parallel: ~3 rounds of 0.3 s (0.9 s), not 12 (3.6 s)


def test_bounded_map_stop_drains_running(ws):
    started = []

    async def work(i):
        started.append(i)
        await asyncio.sleep(0.01)
        return i

    async def main():
        done = []
        async for item, res in bounded_map(range(100), work, 3, stop=lambda: len(done) >= 5):
            done.append(res)
        return done

    done = asyncio.run(main())
    assert 5 <= len(done) <= 8 and len(started) == len(done)


def test_budget_stops_requests(ws):
    with FakeOpenAIServer() as srv:
        c = client_for(ws, srv, max_cost=0.0001, price_input=1000.0, price_output=1000.0)
        asyncio.run(c.chat([{"role": "user", "content": "first"}]))
        assert c.stats()["cost_usd"] >= 0.0001
        with pytest.raises(BudgetExceeded):
            asyncio.run(c.chat([{"role": "user", "content": "second"}]))
        assert srv.requests == 1
    with pytest.raises(ValueError, match="price"):
        LLMClient(ws, LLMConfig(base_url="http://x/v1", model="unpriced-model", max_cost=1.0))


def test_rate_limit_rpm(ws):
    from medcorpus.llm.ratelimit import RateLimiter

    async def main():
        rl = RateLimiter(rpm=2, tpm=None)
        t0 = time.monotonic()
        await rl.acquire(1)
        await rl.acquire(1)
        # the third must wait for the window: check it is blocked
        task = asyncio.ensure_future(rl.acquire(1))
        await asyncio.sleep(0.2)
        blocked = not task.done()
        task.cancel()
        return blocked, time.monotonic() - t0

    blocked, _ = asyncio.run(main())
    assert blocked


def test_no_endpoint_and_key_never_stored(ws, monkeypatch, tmp_path):
    for env in ("MEDCORPUS_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setenv("MEDCORPUS_LLM_STATE", str(tmp_path / "none.json"))
    c = LLMClient(ws, LLMConfig(model="fake"))
    with pytest.raises(NoEndpoint):
        asyncio.run(c.chat(MSG))
    monkeypatch.setenv("MEDCORPUS_LLM_BASE_URL", "http://127.0.0.1:1/v1")
    assert find_endpoint(LLMConfig()).url == "http://127.0.0.1:1/v1"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-test-key")
    with FakeOpenAIServer() as srv:
        c = client_for(ws, srv)
        asyncio.run(c.chat(MSG))
        c.flush_writes()
        assert "sk-secret" not in json.dumps(c.config.model_dump()) + json.dumps(c.stats())
    dump = ws.exec("SELECT * FROM llm_cache")
    assert "sk-secret" not in str(dump)


def test_prices_and_estimates():
    assert price_of("gpt-4o-mini-2024-07-18") == price_of("gpt-4o-mini")
    assert price_of("some-local-model") is None
    assert price_of("some-local-model", price_input=1.0) == (1.0, 0.0)
    assert estimate_tokens("头痛三天") >= 4 and estimate_tokens("a" * 400) == 101


def test_prompts_ship_in_both_languages(tmp_path):
    for name in ("disease_patient", "disease_doctor", "roleplay_patient", "roleplay_doctor", "distill_answer"):
        for lang in ("en", "zh"):
            p = load_prompt(name, lang)
            assert p.version.isdigit() and (p.system or p.user)
    p = load_prompt("disease_doctor", "en")
    msgs = p.render(complaint="I cough", disease="Flu", tests="Chest x-ray", medications="Rest")
    assert msgs[0]["role"] == "system" and "Diagnosis: Flu" in msgs[1]["content"]
    with pytest.raises(PromptError, match=r"\$disease"):
        p.render(complaint="{}")
    custom = tmp_path / "mine.txt"
    custom.write_text("# version: 7\n### user\nTell me about $disease.\n", encoding="utf-8")
    q = load_prompt("disease_doctor", "en", custom)
    assert q.version == "7" and q.render(disease="gout") == [{"role": "user", "content": "Tell me about gout."}]
    with pytest.raises(PromptError):
        load_prompt("disease_doctor", "fr")


def test_llm_status_section(ws):
    assert llm_status(ws) is None or llm_status(ws)["by_model"] == {}
    with FakeOpenAIServer() as srv:
        c = client_for(ws, srv, price_input=1.0, price_output=2.0)
        asyncio.run(c.chat(MSG))
        c.flush_writes()
    info = llm_status(ws)
    assert info["by_model"]["fake"]["replies"] == 1 and info["total_cost_usd"] > 0
