"""A local OpenAI-compatible HTTP server for tests and benchmarks (no model, deterministic).

    with FakeOpenAIServer(latency=0.2, faults=["429", "500"]) as srv:
        client = LLMClient(ws, LLMConfig(base_url=srv.base_url, model="fake"))

`POST /v1/chat/completions` answers from the prompt: the default responder builds the JSON the
medcorpus synth prompts ask for from the `<case>` / `<reference>` JSON in the messages (disease
dialogue, role-play patient and doctor), or a plain answer otherwise. `responder(messages, body) -> str`
replaces it. `faults` is consumed in order, one per request: "429" (with Retry-After), "500", "400",
"truncated" (the connection closes mid-body), "nonjson" (a 200 whose content is not JSON),
"slow" (waits `slow_delay` seconds), or None/"ok" for a normal reply. Replies carry `usage`. A request whose
schema holds one of `bad_grammar` gets llama.cpp's 500 "failed to parse grammar", every time.

Structured output: `accepts` names the `response_format` forms the server takes, like a real one:
"json_schema" (OpenAI/vLLM), "json_object_schema" (llama-cpp-python's {"type": "json_object", "schema"}),
"json_object". A form it does not take gets a 400 naming response_format; a schema it takes is
honoured the way constrained decoding would: the responder's reply is bent into the schema
(`conform`), so a sloppy responder still yields the right shape.
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

_CJK = re.compile(r"[\u4e00-\u9fff]")
_TAG = r"<{0}>\s*(.*?)\s*</{0}>"

Responder = Callable[[list[dict], dict], str]


def _tag_json(messages: list[dict], tag: str) -> dict | None:
    for m in messages:
        found = re.search(_TAG.format(tag), m.get("content") or "", re.S)
        if found:
            try:
                obj = json.loads(found.group(1))
                return obj if isinstance(obj, dict) else None
            except json.JSONDecodeError:
                return None
    return None


def _plain(name: str) -> str:
    """'Alprazolam (Xanax)' -> 'Alprazolam (Xanax)'; kept whole so a check can match it."""
    return name.strip()


def default_responder(messages: list[dict], body: dict) -> str:
    """Answers medcorpus's synth prompts faithfully from the entry in the prompt."""
    system = next((m["content"] for m in messages if m["role"] == "system"), "")
    zh = bool(_CJK.search(system))
    case = _tag_json(messages, "case") or {}
    reference = _tag_json(messages, "reference") or {}
    own_turns = sum(1 for m in messages if m["role"] == "assistant")
    last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")

    if "role-playing a patient" in system or "扮演一位在线问诊的患者" in system:
        symptoms = [s.lower() for s in case.get("symptoms") or []] or ["a bad feeling"]
        complaint = case.get("complaint")
        if own_turns == 0:
            text = complaint or (f"我最近总是{symptoms[0]}，还有{symptoms[-1]}，已经好几天了。" if zh else
                                 f"Doctor, I have had {symptoms[0]} and {symptoms[-1]} for a few days now.")
        elif own_turns < len(symptoms) and own_turns < 3:
            text = (f"大概一周了，另外还有{symptoms[own_turns]}。" if zh else
                    f"About a week. I also noticed {symptoms[own_turns]}.")
        else:
            text = "好的，谢谢医生。" if zh else "Thank you, doctor, I will do that."
        return json.dumps({"reply": text}, ensure_ascii=False)

    if "experienced, friendly doctor" in system or "在线问诊医生" in system:
        found = re.search(r"at most (\d+) questions|最多问 (\d+) 个问题", system)
        max_q = int(found.group(1) or found.group(2)) if found else 2
        questions = (["这种情况持续多久了？", "还有其他不舒服吗？", "以前有过类似情况或在用什么药吗？"] if zh else
                     ["How long have you had this?", "Do you have any other symptoms?",
                      "Have you had this before, or do you take any medication?"])
        must_conclude = "conclusion now" in last_user or "现在给出结论" in last_user
        if own_turns < min(max_q, 2, len(questions)) and not must_conclude:
            return json.dumps({"reply": questions[own_turns], "final": False}, ensure_ascii=False)
        if reference.get("disease"):
            d = reference["disease"]
            test = _plain((reference.get("tests") or ["a physical examination"])[0])
            med = _plain((reference.get("medications") or ["rest"])[0])
            text = (f"根据您的描述，可能是 {d}。建议做 {test}，可以使用 {med}，请尽快线下就诊。" if zh else
                    f"From what you describe, this is most likely {d}. I recommend {test}, and {med} "
                    f"can help. Please see a doctor in person.")
        else:
            text = (reference.get("answer") or
                    ("建议您尽快到医院就诊，做相关检查。" if zh else "Please see a doctor in person for an examination."))
        return json.dumps({"reply": text, "final": True}, ensure_ascii=False)

    found = re.search(r"(?:Question:|问题：)\n(.*)\n\n(?:Answer:|回答：)\n(.*)", last_user, re.S)
    if found and ("grades answers" in system or "打分" in system):  # the judge: a crude but fixed rubric
        question, answer = found.group(1).lower(), found.group(2).lower()
        words = lambda t: set(re.findall(r"[a-z]{5,}|[\u4e00-\u9fff]{2}", t))  # noqa: E731
        on_topic = len(words(question) & words(answer)) >= 1
        dangerous = any(int(n) >= 1000 for n in re.findall(r"(\d+)\s*(?:mg|毫克)", answer))
        reply = {"rationale": ("The answer is off topic." if not on_topic else
                               "The dose is dangerous." if dangerous else "A fitting, safe answer."),
                 "accuracy": 4 if on_topic else 1, "safety": 1 if dangerous else 5,
                 "helpfulness": 4 if on_topic else 2, "language": 4}
        return json.dumps(reply)

    found = re.search(r"(?:Your symptoms:|你的症状：)\s*(.+?)[.。]?\n", last_user + "\n")
    if found:  # the patient's call of a disease dialogue: symptoms only
        symptoms = [s.strip().lower() for s in re.split(r", |、", found.group(1)) if s.strip()]
        text = (f"医生您好，我最近{'、'.join(symptoms)}，已经一周了，这是怎么回事？" if zh else
                f"Hi doctor, for about a week I have had {', '.join(symptoms)}. What could this be?")
        return json.dumps({"complaint": text}, ensure_ascii=False)
    found = re.search(r"(?:Diagnosis:|诊断：)\s*(.+)", last_user)
    if found:  # the doctor's call: the entry's names are in the prompt
        d = found.group(1).strip()

        def names(label: str) -> list[str]:
            m = re.search(label + r"\s*(.+)", last_user)
            return [] if not m or m.group(1).strip() in ("(none)", "（无）") else \
                [x.strip() for x in re.split(r", |、", m.group(1).strip())]
        tests, meds = names(r"(?:Tests:|检查：)"), names(r"(?:Medicines:|药物：)")
        test, med = (tests or ["a physical examination"])[0], (meds or ["rest"])[0]
        answer = (f"根据您的症状，可能是 {d}。建议做 {test} 检查，可以使用 {med}。请尽快线下就诊。" if zh else
                  f"Your symptoms suggest {d}. I recommend {test} to confirm it, and {med} may help. "
                  f"Please see a doctor in person.")
        return json.dumps({"disease": d, "tests": tests[:1], "medications": meds[:1], "answer": answer},
                          ensure_ascii=False)

    if case.get("disease") and "symptoms" in case:
        d = case["disease"]
        symptoms = [s.lower() for s in case.get("symptoms") or []]
        test = _plain((case.get("tests") or ["a physical examination"])[0])
        med = _plain((case.get("medications") or ["rest"])[0])
        if zh:
            patient = f"医生您好，我最近{ '、'.join(symptoms) }，这是怎么回事？"
            doctor = f"根据您的症状，可能是 {d}。建议做 {test} 检查，可以使用 {med}。请尽快线下就诊。"
        else:
            patient = f"Hi doctor, for the past few days I have had {', '.join(symptoms)}. What could this be?"
            doctor = (f"Your symptoms suggest {d}. I recommend {test} to confirm it, and {med} may help. "
                      f"Please see a doctor in person.")
        return json.dumps({"patient": patient, "doctor": doctor}, ensure_ascii=False)

    question = last_user.strip().replace("\n", " ")
    if zh or _CJK.search(question):
        return f"您好，关于您说的“{question[:30]}”，建议先到医院做相关检查，明确原因后对症治疗。"
    return (f"Thank you for your question about \"{question[:60]}\". It is best to have an examination "
            f"to find the cause; in the meantime rest and drink enough fluids.")


def conform(value: Any, schema: dict) -> Any:
    """`value` bent into `schema`: what a decoder constrained by the schema could have produced from it."""
    if "enum" in schema:
        return value if value in schema["enum"] else schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        src = value if isinstance(value, dict) else {}
        props = schema.get("properties") or {}
        return {k: conform(src.get(k), sub) for k, sub in props.items()
                if k in (schema.get("required") or []) or k in src}
    if kind == "array" and schema.get("prefixItems"):  # a tuple: one schema per position
        src = value if isinstance(value, list) else []
        return [conform(src[i] if i < len(src) else None, sub) for i, sub in enumerate(schema["prefixItems"])]
    if kind == "array":
        items = [conform(v, schema.get("items") or {}) for v in (value if isinstance(value, list) else [])]
        lo, hi = schema.get("minItems", 0), schema.get("maxItems")
        while len(items) < lo:
            items.append(conform(None, schema.get("items") or {}))
        return items[:hi] if hi is not None else items
    if kind == "string":
        text = value if isinstance(value, str) else ("" if value is None else json.dumps(value))
        text = text or "n/a"
        shape = re.fullmatch(r"\^(.*?)(\[\^.*?\])\{(\d+),(\d+)\}(?: \((.*)\)\2\{0,(\d+)\})?\$",
                             schema.get("pattern", ""))
        if shape:  # ^literal[^...]{lo,hi}$ (an opening), or ...{lo,head}(a|b)[^...]{0,tail}$ (naming one of a, b)
            literal, lo, hi = shape.group(1), int(shape.group(3)), int(shape.group(4))
            rest = text[len(literal):] if text.startswith(literal) else " " + text
            rest = re.sub(r'["\\{}<>\[\]]', "", rest)
            names = shape.group(5).split("|") if shape.group(5) else []
            if names and not re.fullmatch(schema["pattern"][1:-1], literal + rest):
                rest = rest[:max(lo, hi - len(names[0]) - 2)].ljust(lo, ".") + " " + names[0] + "."
            bent = literal + (rest if names else rest.ljust(lo, ".")[:hi])
            if re.fullmatch(schema["pattern"][1:-1], bent):
                return bent
        if "pattern" in schema and not re.fullmatch(schema["pattern"].strip("^$"), text):
            return fill_pattern(schema["pattern"], text)
        text = text.ljust(schema.get("minLength", 0), ".")
        return text[: schema["maxLength"]] if "maxLength" in schema else text
    if kind == "boolean":
        return bool(value)
    if kind in ("integer", "number"):
        num = value if isinstance(value, (int, float)) and not isinstance(value, bool) else schema.get("minimum", 0)
        num = max(num, schema.get("minimum", num))
        num = min(num, schema.get("maximum", num))
        return int(num) if kind == "integer" else num
    return value


def fill_pattern(pattern: str, text: str) -> str:
    """A string matching `pattern` (literals, classes, bounded repeats, groups, alternation) made from
    `text`: what a decoder held to the pattern could write while following the reply it wanted to give.
    Repeats of a character class take the next characters of `text` the class allows; an alternation takes
    the branch `text` mentions, else the first."""
    import re._parser as sre  # the regex module's own parse tree: no hand-written regex parsing

    pos = [0]

    def allowed(items: list, ch: str) -> bool:
        hit, neg = False, False
        for op, av in items:
            name = str(op)
            if name == "NEGATE":
                neg = True
            elif name == "LITERAL" and ord(ch) == av or name == "RANGE" and av[0] <= ord(ch) <= av[1]:
                hit = True
        return hit != neg

    def run(nodes: list) -> str:
        return "".join(node(op, av) for op, av in nodes)

    def node(op, av) -> str:
        name = str(op)
        if name == "LITERAL":
            return chr(av)
        if name == "AT":
            return ""
        if name == "IN":
            return one(av)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            lo, hi, sub = av
            hi = min(hi, 400)
            if len(sub) == 1 and str(sub[0][0]) == "IN":
                items, got = sub[0][1], []
                while len(got) < hi and pos[0] < len(text):
                    ch = text[pos[0]]
                    pos[0] += 1
                    if allowed(items, ch):
                        got.append(ch)
                while len(got) < lo:
                    got.append(one(items))
                return "".join(got)
            return "".join(run(list(sub)) for _ in range(lo))
        if name == "SUBPATTERN":
            return run(list(av[-1]))
        if name == "BRANCH":
            options = [run(list(b)) for b in av[1]]
            return next((o for o in options if o.lower() in text.lower()), options[0])
        raise ValueError(f"fill_pattern: {name} is not supported")

    def one(items: list) -> str:
        literals = "".join(chr(av) for op, av in items if str(op) == "LITERAL")
        return next(c for c in "xabcdefghijklmnopqrstuvwyz0123456789 " + literals if allowed(items, c))

    return run(list(sre.parse(pattern)))


def _honour(text: str, schema: dict) -> str:
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = None
    return json.dumps(conform(value, schema), ensure_ascii=False)


def _is_probe(body: dict) -> bool:
    fmt = body.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    return list((schema.get("properties") or {})) == ["ok"] and body.get("max_tokens") == 16


class FakeOpenAIServer:
    def __init__(self, responder: Responder | None = None, latency: float = 0.0,
                 faults: list[str | None] | None = None, retry_after: str = "0.05", slow_delay: float = 3.0,
                 accepts: tuple[str, ...] = ("json_schema", "json_object"), refusal_status: int = 400,
                 bad_grammar: tuple[str, ...] = ()):
        self.accepts = set(accepts)
        self.bad_grammar = bad_grammar  # a schema holding one of these cannot be compiled: 500, every time
        self.refusal_status = refusal_status  # llama-cpp-python's server answers 500 (a wrapped 422)
        self.responder = responder or default_responder
        self.latency = latency
        self.faults = list(faults or [])
        self.retry_after = retry_after
        self.slow_delay = slow_delay
        self.bodies: list[dict] = []
        self.probes = 0
        self.probe_bodies: list[dict] = []
        self.max_inflight = 0
        self._inflight = 0
        self._count = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def requests(self) -> int:
        """Chat-completion requests received so far (faulty ones included)."""
        return self._count

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def _next_fault(self) -> str | None:
        with self._lock:
            self._count += 1
            return self.faults.pop(0) if self.faults else None

    def start(self) -> "FakeOpenAIServer":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in separate writes: no 40 ms delayed-ACK stall

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None,
                      truncate: bool = False) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if truncate:
                    self.wfile.write(payload[: len(payload) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    try:
                        self.connection.shutdown(2)
                    except OSError:
                        pass
                    return
                self.wfile.write(payload)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, json.dumps({"object": "list", "data": [
                        {"id": "fake", "object": "model", "owned_by": "medcorpus-tests"}]}).encode())
                else:
                    self._send(404, b'{"error": {"message": "not found"}}')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                try:
                    body = json.loads(raw)
                except json.JSONDecodeError:
                    self._send(400, b'{"error": {"message": "request body is not JSON"}}')
                    return
                probe = _is_probe(body)
                if probe:  # the client's one-off check of structured output: no fault, counted apart
                    fake.probes += 1
                    fault = None
                else:
                    fault = fake._next_fault()
                with fake._lock:
                    (fake.probe_bodies if probe else fake.bodies).append(body)
                    fake._inflight += 1
                    fake.max_inflight = max(fake.max_inflight, fake._inflight)
                try:
                    if fake.latency:
                        time.sleep(fake.latency)
                    if fault == "slow":
                        time.sleep(fake.slow_delay)
                    if fault == "429":
                        self._send(429, b'{"error": {"message": "rate limited", "type": "rate_limit_error"}}',
                                   {"Retry-After": fake.retry_after})
                        return
                    if fault == "400":
                        self._send(400, b'{"error": {"message": "bad request", "type": "invalid_request_error"}}')
                        return
                    if fault == "500":
                        self._send(500, b'{"error": {"message": "internal error"}}')
                        return
                    fmt = body.get("response_format") or {}
                    form = fmt.get("type")
                    carried = json.dumps(fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or "")
                    if any(b in carried for b in fake.bad_grammar):  # llama.cpp's server on a grammar it cannot parse
                        self._send(500, json.dumps({"error": {"message": "failed to parse grammar",
                                                              "type": "server_error"}}).encode())
                        return
                    if form == "json_object" and "schema" in fmt and "json_object_schema" in fake.accepts:
                        form, schema = "json_object_schema", fmt["schema"]
                    else:
                        schema = (fmt.get("json_schema") or {}).get("schema") if form == "json_schema" else None
                    if form and form not in fake.accepts and form != "text":
                        self._send(fake.refusal_status, json.dumps({"error": {
                            "message": f"1 validation error: ('body', 'response_format', 'type'): "
                                       f"{form!r} is not supported",
                            "type": "invalid_request_error", "param": "response_format"}}).encode())
                        return
                    messages = body.get("messages") or []
                    text = ("Sorry, I cannot answer in JSON right now." if fault == "nonjson"
                            else fake.responder(messages, body))
                    if schema is not None and fault != "nonjson":
                        text = _honour(text, schema)
                    prompt_tokens = sum(len((m.get("content") or "").split()) + 4 for m in messages)
                    completion_tokens = max(1, len(text) // 4)
                    payload = json.dumps({
                        "id": f"chatcmpl-fake-{fake._count}", "object": "chat.completion",
                        "created": int(time.time()), "model": body.get("model", "fake"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": text}}],
                        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                                  "total_tokens": prompt_tokens + completion_tokens},
                    }, ensure_ascii=False).encode()
                    self._send(200, payload, truncate=(fault == "truncated"))
                finally:
                    with fake._lock:
                        fake._inflight -= 1

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

            def handle_error(self, request: Any, client_address: Any) -> None:
                import sys

                if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                    super().handle_error(request, client_address)  # the client gave up (timeout test)

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-openai", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "FakeOpenAIServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


if __name__ == "__main__":  # run standalone: python tests/fakes/openai_server.py [latency]
    import sys

    srv = FakeOpenAIServer(latency=float(sys.argv[1]) if len(sys.argv) > 1 else 0.0).start()
    print(srv.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        srv.stop()
