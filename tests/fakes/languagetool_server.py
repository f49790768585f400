"""A local HTTP server speaking LanguageTool's `/v2/check` and `/v2/languages` JSON API.

Deterministic rules stand in for LanguageTool's: a few typos (TYPOS), lone "i" (CASING), "he go"
(GRAMMAR), "very unique" (STYLE), an overlapping GRAMMAR match over "teh patient", an ambiguous
typo ("wich": two replacements) and a medical word LanguageTool does not know ("metformin" ->
"met formin"). Offsets and lengths are in UTF-16 code units, as the Java server sends them.

Text containing SERVER_ERROR gets a 500, text containing SLOW_TIMEOUT a reply after `hang`
seconds; `latency` delays every reply; `requests` counts /v2/check calls and `max_in_flight` is the
most requests the server held at once. With `gather=N` each request waits (up to `gather_wait`
seconds) until N requests have arrived, so a client that sends N at once is seen with N in flight
whatever the machine's load, and a one-at-a-time client with 1.

    with LanguageToolFake(latency=0.05) as lt:
        lt.url  # http://127.0.0.1:PORT
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

TYPOS = {"teh": ["the"], "recieve": ["receive"], "pateint": ["patient"], "becuase": ["because"],
         "diabetis": ["diabetic", "diabetes"], "wich": ["which", "witch"], "metformin": ["met formin"],
         "symtoms": ["symptoms"]}


def u16(text: str, i: int) -> int:
    """UTF-16 offset of text[i]."""
    return len(text[:i].encode("utf-16-le")) // 2


def _match(text: str, start: int, end: int, replacements: list[str], rule: str, category: str,
           message: str = "Possible error") -> dict:
    off, length = u16(text, start), u16(text, end) - u16(text, start)
    return {"message": message, "shortMessage": "", "replacements": [{"value": r} for r in replacements],
            "offset": off, "length": length,
            "context": {"text": text[max(0, start - 20):end + 20], "offset": min(start, 20), "length": end - start},
            "sentence": text, "type": {"typeName": "Other"},
            "rule": {"id": rule, "description": message, "issueType": "misspelling" if category == "TYPOS" else "grammar",
                     "category": {"id": category, "name": category.title()}},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0}


def check(text: str) -> list[dict]:
    matches = []
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group(0)
        if w.lower() in TYPOS:
            reps = [r[:1].upper() + r[1:] if w[:1].isupper() else r for r in TYPOS[w.lower()]]
            matches.append(_match(text, m.start(), m.end(), reps, "MORFOLOGIK_RULE_EN_US", "TYPOS",
                                  "Possible spelling mistake found."))
    for m in re.finditer(r"(?<![\w'])i(?![\w'])", text):
        matches.append(_match(text, m.start(), m.end(), ["I"], "I_LOWERCASE", "CASING"))
    for m in re.finditer(r"\b([Hh]e|[Ss]he) go\b", text):
        matches.append(_match(text, m.start(), m.end(), [m.group(1) + " goes"], "HE_VERB_AGR", "GRAMMAR"))
    for m in re.finditer(r"\bvery unique\b", text):
        matches.append(_match(text, m.start(), m.end(), ["unique"], "EN_REDUNDANCY", "STYLE"))
    for m in re.finditer(r"\bteh patient\b", text):  # overlaps the "teh" typo
        matches.append(_match(text, m.start(), m.end(), ["the patients"], "AGREEMENT_OVERLAP", "GRAMMAR"))
    return sorted(matches, key=lambda x: x["offset"])


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:
        path = urlparse(self.path).path
        if path.rstrip("/") == "/v2/languages":
            self._send(200, [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                             {"name": "English", "code": "en", "longCode": "en"}])
        elif path.rstrip("/") == "/v2/check":
            self._check(parse_qs(urlparse(self.path).query))
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        if urlparse(self.path).path.rstrip("/") != "/v2/check":
            self._send(404, {"error": "not found"})
            return
        n = int(self.headers.get("Content-Length", 0))
        self._check(parse_qs(self.rfile.read(n).decode("utf-8")))

    def _check(self, form: dict) -> None:
        text = form.get("text", [""])[0]
        srv = self.server
        with srv.arrived:
            srv.requests += 1
            srv.texts.append(text)
            srv.in_flight += 1
            srv.max_in_flight = max(srv.max_in_flight, srv.in_flight)
            srv.arrived.notify_all()
            if srv.gather:
                srv.arrived.wait_for(lambda: srv.requests >= srv.gather, timeout=srv.gather_wait)
        try:
            self._reply(text, form)
        finally:
            with srv.arrived:
                srv.in_flight -= 1

    def _reply(self, text: str, form: dict) -> None:
        if self.server.latency:
            time.sleep(self.server.latency)
        if "SERVER_ERROR" in text:
            self._send(500, b"Internal Server Error")
            return
        if "SLOW_TIMEOUT" in text:
            time.sleep(self.server.hang)
        self._send(200, {"software": {"name": "LanguageTool", "version": "6.5-fake", "apiVersion": 1},
                         "language": {"name": "English (US)", "code": form.get("language", ["en-US"])[0]},
                         "matches": check(text)})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests = 0
    latency = 0.0
    hang = 5.0
    gather = 0
    gather_wait = 10.0

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.arrived = threading.Condition()
        self.texts: list[str] = []
        self.in_flight = self.max_in_flight = 0


class LanguageToolFake:
    def __init__(self, latency: float = 0.0, hang: float = 5.0, gather: int = 0, gather_wait: float = 10.0):
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.latency = latency
        self.server.hang = hang
        self.server.gather, self.server.gather_wait = gather, gather_wait
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def requests(self) -> int:
        return self.server.requests

    @property
    def texts(self) -> list[str]:
        return self.server.texts

    @property
    def max_in_flight(self) -> int:
        return self.server.max_in_flight

    def __enter__(self) -> "LanguageToolFake":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":  # python tests/fakes/languagetool_server.py [latency]
    import sys

    fake = LanguageToolFake(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0)
    print(fake.url, flush=True)
    fake.server.serve_forever()
