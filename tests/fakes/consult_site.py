"""A fake consultation site on 127.0.0.1 for the scrape tests and benchmark (stdlib http.server).

English Q&A pages (/en/questions?page=N listing, /en/q/N question pages with one or more doctor
answers) and a GBK-encoded Chinese 问诊 site (/zh/list/N.html, /zh/ask/N.html dialogues), plus
the pages a polite crawler must survive: robots.txt disallowing /en/private/, a 429 with
Retry-After, a 500 then success, a page slower than the timeout, a redirect loop, a PDF, a binary
body labelled HTML, a page over the size limit, a 404, a page whose answers are missing and
malformed (unclosed) HTML. The server counts fetches per path and keeps their times.

    site = ConsultSite(n_en=12)
    base = site.start()      # "http://127.0.0.1:PORT"
    ...
    site.stop()

`python -m tests.fakes.consult_site --n-en 2000 --latency 0.05` serves until killed (prints the URL).
"""
from __future__ import annotations

import argparse
import html
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

DOCTORS = ["Dr. Anna Berg", "Dr. Rahul Mehta", "Dr. Li Wei", "Dr. Sarah Okafor", "Dr. Tomas Novak"]
COMPLAINTS = [
    ("headache", "I have had a throbbing headache on the left side for three days.",
     "It gets worse in bright light & when I bend over."),
    ("cough", "My dry cough has lasted two weeks and keeps me awake at night.",
     "I do not smoke and have no fever."),
    ("knee pain", "My right knee swells after running more than 5 km.",
     "Ice helps a little but the pain comes back the next morning."),
    ("rash", "A red itchy rash appeared on both forearms after gardening.",
     "It has small blisters and spreads when I scratch it."),
    ("dizziness", "I feel dizzy when I stand up quickly, sometimes my vision goes dark.",
     "I am 34 and take no medication."),
]
ADVICE = [
    "This sounds like {c}. Please rest, drink enough water and keep a diary of the symptoms.",
    "See your family doctor if the {c} lasts more than a week; an examination is needed.",
    "Over-the-counter painkillers may help with the {c}, but do not take them for more than three days.",
]

ZH_DIALOGUES = [
    {"title": "孩子发烧咳嗽怎么办", "desc": "孩子三岁，昨晚开始发烧到38.5度，还有咳嗽。",
     "doctor": "王医生", "date": "2023-05-02",
     "chat": [("doctor", "你好，孩子精神状态怎么样？有没有吃退烧药？"),
              ("patient", "精神还可以，吃了一次布洛芬。"),
              ("patient", "现在体温降到37.8度了。"),
              ("doctor", "多喝水，注意观察，如果持续高烧超过三天请及时就医。")]},
    {"title": "胃痛反酸", "desc": "最近一个月饭后胃痛，经常反酸烧心。",
     "doctor": "李医生", "date": "2023-06-11",
     "chat": [("doctor", "有没有做过胃镜检查？饮食规律吗？"),
              ("patient", "没有做过，平时经常熬夜，吃饭不规律。"),
              ("doctor", "建议做胃镜和幽门螺杆菌检测，少吃辛辣油腻的食物。")]},
    {"title": "失眠多梦", "desc": "晚上入睡困难，睡着了也总是做梦，白天没精神。朱镕基说过的话我记得很清楚。",
     "doctor": "张医生", "date": "2023-07-20",
     "chat": [("doctor", "失眠多久了？工作压力大吗？"),
              ("patient", "大概半年了，工作压力比较大。"),
              ("doctor", "睡前不要看手机，可以适当运动，必要时到睡眠科就诊。")]},
]


def en_question(i: int) -> dict:
    """The content of /en/q/i: what a correct extraction must return."""
    topic, first, second = COMPLAINTS[i % len(COMPLAINTS)]
    n_answers = 1 + i % 2
    return {"title": f"Question {i}: {topic} for {i % 7 + 1} days",
            "question": f"{first}\n{second} (case {i})",
            "date": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            "answers": [(DOCTORS[(i + k) % len(DOCTORS)], ADVICE[(i + k) % len(ADVICE)].format(c=topic) + f" [{i}.{k}]")
                        for k in range(n_answers)]}


def _paras(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))


def en_page(i: int, related: list[int] = ()) -> str:
    q = en_question(i)
    answers = "".join(
        f'<div class="answer"><div class="doctor"><img src="/a.png"><span class="doctor-name">{html.escape(d)}</span>'
        f'</div><div class="answer-body">{_paras(t)}<script>track({k})</script></div>'
        f'<div class="votes">12 people found this helpful</div></div>'
        for k, (d, t) in enumerate(q["answers"]))
    rel = "".join(f'<li><a href="/en/q/{j}">Question {j}</a></li>' for j in related)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(q["title"])}</title></head><body>'
            f'<nav><a href="/en/questions">All questions</a> <a href="/en/about">About</a></nav>'
            f'<article class="question"><h1 class="q-title">{html.escape(q["title"])}</h1>'
            f'<time class="asked" datetime="{q["date"]}">{q["date"]}</time>'
            f'<div class="q-body">{_paras(q["question"])}</div></article>'
            f'<section class="answers">{answers}</section><ul class="related">{rel}</ul></body></html>')


def zh_desc(i: int) -> str:
    return ZH_DIALOGUES[i % len(ZH_DIALOGUES)]["desc"] + f"（编号{i}）"


def zh_page(i: int) -> str:
    d = ZH_DIALOGUES[i % len(ZH_DIALOGUES)]
    chat = "".join(f'<div class="msg {role}"><span class="who">{"患者" if role == "patient" else "医生"}：</span>'
                   f'<div class="content">{html.escape(text)}</div></div>' for role, text in d["chat"])
    return (f'<div class="crumbs"><a href="/zh/list/1.html">问诊列表</a></div>'
            f'<h1 class="title">{d["title"]}</h1><span class="ask-date">{d["date"]}</span>'
            f'<div class="doctor-card"><span class="name">{d["doctor"]}</span></div>'
            f'<div class="ask-desc">{html.escape(zh_desc(i))}</div><div class="chat">{chat}</div>')


class ConsultSite:
    def __init__(self, n_en: int = 12, per_list: int = 5, latency: float = 0.0, specials: bool = True,
                 huge_bytes: int = 300_000, slow_seconds: float = 3.0, port: int = 0):
        self.n_en, self.per_list, self.latency, self.specials = n_en, per_list, latency, specials
        self.huge_bytes, self.slow_seconds, self.port = huge_bytes, slow_seconds, port
        self.robots_status = 200  # 503: robots.txt unavailable
        self.counts: Counter = Counter()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.agents: Counter = Counter()
        self._lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        self._server: ThreadingHTTPServer | None = None
        self.base = ""

    # ------------------------------------------------------------------ content
    SPECIALS = ["ratelimited", "flaky", "slow", "loop-a", "scan.pdf", "binary", "huge", "no-answer", "malformed", "gone",
                "moved", "offsite"]

    def list_pages(self) -> int:
        return max(1, -(-self.n_en // self.per_list))

    def en_list(self, page: int) -> str:
        first = (page - 1) * self.per_list
        items = "".join(f'<li><a href="/en/q/{i}">{html.escape(en_question(i)["title"])}</a></li>'
                        for i in range(first, min(first + self.per_list, self.n_en)))
        if page == 1 and self.specials:
            items += "".join(f'<li><a href="/en/q/{s}">{s}</a></li>' for s in self.SPECIALS)
            items += '<li><a href="/en/private/q/99">members only</a></li><li><a href="https://elsewhere.example/q/1">elsewhere</a></li>'
        nxt = f'<a class="next" href="/en/questions?page={page + 1}">Next</a>' if page < self.list_pages() else ""
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Questions page {page}</title></head>'
                f'<body><ul class="questions">{items}</ul><div class="pager">{nxt}</div></body></html>')

    def route(self, path: str, query: str) -> tuple[int, dict[str, str], bytes]:
        html_type = {"Content-Type": "text/html; charset=utf-8"}
        n = self.counts[path + ("?" + query if query else "")]
        if path == "/robots.txt":
            if self.robots_status != 200:
                return self.robots_status, html_type, b"<html><body>down</body></html>"
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /en/private/\nAllow: /\n"
        if path in ("/en/questions", "/en/questions/"):
            page = int(query.split("=")[1]) if query.startswith("page=") else 1
            if page > self.list_pages():
                return 404, html_type, b"<html><body>no such page</body></html>"
            return 200, html_type, self.en_list(page).encode()
        if path.startswith("/en/q/"):
            name = path[len("/en/q/"):]
            if name == "1006":  # only reachable through /en/q/moved
                return 200, html_type, en_page(1006).encode()
            if name.isdigit() and int(name) < self.n_en:
                i = int(name)
                return 200, html_type, en_page(i, [j for j in (i + 1, i + 2) if j < self.n_en]).encode()
            if not self.specials:
                return 404, html_type, b"<html><body>not found</body></html>"
            if name == "ratelimited":
                if n == 1:
                    return 429, {"Retry-After": "1", **html_type}, b"<html><body>slow down</body></html>"
                return 200, html_type, en_page(1000).encode()
            if name == "flaky":
                if n == 1:
                    return 500, html_type, b"<html><body>oops</body></html>"
                return 200, html_type, en_page(1001).encode()
            if name == "slow":
                time.sleep(self.slow_seconds)
                return 200, html_type, en_page(1002).encode()
            if name == "moved":  # a redirect that lands on a question page
                return 301, {"Location": "/en/q/1006"}, b""
            if name == "offsite":
                return 302, {"Location": "https://elsewhere.example/q/1"}, b""
            if name == "loop-a":
                return 302, {"Location": "/en/q/loop-b"}, b""
            if name == "loop-b":
                return 302, {"Location": "/en/q/loop-a"}, b""
            if name == "scan.pdf":
                return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20
            if name == "binary":
                return 200, html_type, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
            if name == "huge":
                return 200, html_type, (b"<html><body><p>" + b"x" * self.huge_bytes + b"</p></body></html>")
            if name == "no-answer":
                page = en_page(1003).split('<section class="answers">')[0] + "</body></html>"
                return 200, html_type, page.encode()
            if name == "malformed":  # unclosed tags everywhere: the parser must recover
                q = en_question(1004)
                body = (f'<html><body><article class="question"><h1 class="q-title">{q["title"]}</h1>'
                        f'<time class="asked">{q["date"]}</time><div class="q-body"><p>{html.escape(q["question"].split(chr(10))[0])}'
                        f'<p>{html.escape(q["question"].split(chr(10))[1])}</article><section class="answers">'
                        f'<div class="answer"><span class="doctor-name">{q["answers"][0][0]}'
                        f'<div class="answer-body"><p>{html.escape(q["answers"][0][1])}')
                return 200, html_type, body.encode()
            return 404, html_type, b"<html><body>not found</body></html>"
        if path.startswith("/en/private/"):
            return 200, html_type, en_page(1005).encode()
        if path.startswith("/zh/list/"):
            page = int(path.rsplit("/", 1)[1].split(".")[0])
            ids = [1, 2, 3] if page == 1 else [4, 5]
            items = "".join(f'<li><a href="/zh/ask/{i}.html">{ZH_DIALOGUES[i % 3]["title"]}</a></li>' for i in ids)
            nxt = '<a class="next" href="/zh/list/2.html">下一页</a>' if page == 1 else ""
            body = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                    f'<title>问诊列表</title></head><body><ul>{items}</ul><div class="pages">{nxt}</div></body></html>')
            return 200, {"Content-Type": "text/html"}, body.encode("gbk")
        if path.startswith("/zh/ask/"):
            i = int(path.rsplit("/", 1)[1].split(".")[0])
            inner = zh_page(i)
            if i % 3 == 1:    # charset in the header only
                return 200, {"Content-Type": "text/html; charset=GBK"}, f"<html><body>{inner}</body></html>".encode("gbk")
            if i % 3 == 2:    # charset in a meta tag only (labelled gb2312, with a GBK-only character)
                return 200, {"Content-Type": "text/html"}, (f'<html><head><meta charset="gb2312"></head><body>{inner}'
                                                            f'</body></html>').encode("gbk")
            # no declaration at all: detection
            return 200, {"Content-Type": "text/html"}, f"<html><body>{inner}</body></html>".encode("gbk")
        return 404, html_type, b"<html><body>not found</body></html>"

    # ------------------------------------------------------------------ server
    def start(self) -> str:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                key = parts.path + ("?" + parts.query if parts.query else "")
                with site._lock:
                    site.counts[key] += 1
                    site.times[key].append(time.monotonic())
                    site.agents[self.headers.get("User-Agent", "")] += 1
                    site.inflight += 1
                    site.max_inflight = max(site.max_inflight, site.inflight)
                try:
                    if site.latency and parts.path != "/robots.txt":
                        time.sleep(site.latency)
                    status, headers, body = site.route(parts.path, parts.query)
                finally:
                    with site._lock:
                        site.inflight -= 1
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128

            def handle_error(self, request, client_address):  # a killed crawler resets connections
                pass

        self._server = Server(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self.base

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def page_fetches(self) -> Counter:
        """Fetch counts without robots.txt."""
        return Counter({k: v for k, v in self.counts.items() if k != "/robots.txt"})

    def all_request_times(self) -> list[float]:
        return sorted(t for ts in self.times.values() for t in ts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n-en", type=int, default=100)
    ap.add_argument("--per-list", type=int, default=20)
    ap.add_argument("--latency", type=float, default=0.0)
    ap.add_argument("--no-specials", action="store_true")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    site = ConsultSite(n_en=args.n_en, per_list=args.per_list, latency=args.latency,
                       specials=not args.no_specials, port=args.port)
    print(site.start(), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
