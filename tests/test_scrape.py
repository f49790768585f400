"""The scrape stage against a real HTTP server on 127.0.0.1 (tests/fakes/consult_site.py)."""
from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import tomli_w

from medcorpus.pipeline.workspace import Workspace
from medcorpus.scrape.encoding import decode_html
from medcorpus.scrape.fetch import parse_retry_after
from medcorpus.scrape.profile import ProfileError, bundled_path, load_profile
from medcorpus.stages.scrape import Scrape
from tests.conftest import ROOT
from tests.fakes.consult_site import ZH_DIALOGUES, ConsultSite, en_question, zh_desc

FAST = {"rate": 0.0, "concurrency": 4, "timeout": 0.5, "retries": 1, "backoff": 0.05, "max_bytes": 100_000}


def make_profile(tmp_path: Path, bundled: str = "healthqa-en", name: str | None = None,
                 extract: dict | None = None, top: dict | None = None, **politeness) -> Path:
    data = tomllib.loads(bundled_path(bundled).read_text(encoding="utf-8"))
    data.update(top or {})
    data["politeness"] = {**data.get("politeness", {}), **politeness}
    if extract is not None:
        data["extract"] = extract
    if name:
        data["name"] = name
    path = tmp_path / f"{data['name']}-{len(list(tmp_path.glob('*.toml')))}.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def site():
    s = ConsultSite(n_en=12, slow_seconds=1.5)
    s.start()
    yield s
    s.stop()


def expected_en(base: str, ids: dict[str, int]) -> set[tuple]:
    out = set()
    for path, i in ids.items():
        q = en_question(i)
        for k, (doctor, answer) in enumerate(q["answers"]):
            out.add((f"{base}{path}", q["question"], answer, doctor, q["title"], q["date"], k))
    return out


def got_en(ws: Workspace) -> set[tuple]:
    return {(r.meta["url"], r.turns[0].text, r.turns[1].text, r.meta.get("doctor"), r.meta.get("title"),
             r.meta.get("date"), r.meta["answer"]) for r in ws.records() if r.source == "healthqa-en"}


def en_ids(n: int, specials: bool = True) -> dict[str, int]:
    ids = {f"/en/q/{i}": i for i in range(n)}
    if specials:
        ids.update({"/en/q/ratelimited": 1000, "/en/q/flaky": 1001, "/en/q/malformed": 1004, "/en/q/moved": 1006})
    return ids


# ------------------------------------------------------------------ the English site, every rule
def test_english_site_exact_records_rejects_and_politeness(ws, site, tmp_path):
    profile = make_profile(tmp_path, user_agent="medcorpus-test/1.0", **FAST)
    summary = Scrape({"profile": str(profile), "start": [site.base + "/en/questions"]}).run(ws)

    # exact records: every question page, one record per doctor answer, malformed HTML recovered
    assert got_en(ws) == expected_en(site.base, en_ids(12))
    recs = ws.records()
    assert all(r.source == "healthqa-en" and r.lang == "en" and [t.role for t in r.turns] == ["patient", "doctor"]
               and r.meta["fetched_at"] for r in recs)
    assert summary.n_out == len(recs) == 23
    moved = next(r for r in recs if r.meta["url"].endswith("/moved"))
    assert moved.meta["final_url"] == site.base + "/en/q/1006"

    # each bad page is one reject with its URL and reason; the crawl went on
    rejects = {f: r for f, r in ws.exec("SELECT file, reason FROM rejects WHERE stage = 'scrape'")}
    b = site.base + "/en/q/"
    assert set(rejects) == {b + x for x in ("scan.pdf", "loop-a", "binary", "huge", "no-answer", "gone", "slow",
                                            "offsite")}
    assert rejects[b + "scan.pdf"] == "not HTML: content type application/pdf"
    assert rejects[b + "loop-a"] == f"redirect loop: {b}loop-a -> {b}loop-b -> {b}loop-a"
    assert rejects[b + "binary"] == "non-HTML body (binary data)"
    assert rejects[b + "huge"].startswith("over the size limit")
    assert rejects[b + "no-answer"].startswith("no doctor answer (selector 'div.answer'")
    assert rejects[b + "gone"] == "http 404"
    assert rejects[b + "slow"] == "timeout (after 2 attempts)"
    assert rejects[b + "offsite"] == "redirect to a host outside the profile: elsewhere.example"
    assert summary.n_rejected == 8

    # robots.txt: the disallowed page is never fetched, and counted; other hosts are not queued
    assert site.counts["/en/private/q/99"] == 0
    assert summary.extra["disallowed"] == 1
    frontier = dict(ws.exec("SELECT url, status FROM scrape_frontier"))
    assert frontier[site.base + "/en/private/q/99"] == "disallowed"
    assert not any("elsewhere.example" in u for u in frontier)
    assert site.counts["/robots.txt"] == 1

    # retries: 429 waited Retry-After (1 s), 500 retried once, slow page timed out twice; the rest once
    fetched = site.page_fetches()
    assert fetched["/en/q/ratelimited"] == 2 and fetched["/en/q/flaky"] == 2 and fetched["/en/q/slow"] == 2
    t429 = site.times["/en/q/ratelimited"]
    assert t429[1] - t429[0] >= 0.95
    assert all(n == 1 for p, n in fetched.items() if p.split("/")[-1] not in ("ratelimited", "flaky", "slow"))
    # pagination followed through every listing page; the profile's User-Agent was sent
    assert {"/en/questions", "/en/questions?page=2", "/en/questions?page=3"} <= set(fetched)
    assert set(site.agents) == {"medcorpus-test/1.0"}

    assert all(n == 1 for p, n in site.counts.items() if "elsewhere" in p)  # (never asked for)

    # the raw HTML is stored compressed, and a second run fetches nothing again
    html = ws.one("SELECT html_gz FROM scrape_pages WHERE url = ?", [site.base + "/en/q/3"])[0]
    assert en_question(3)["title"] in gzip.decompress(html).decode()
    before = sum(site.page_fetches().values())
    again = Scrape({"profile": str(profile), "start": [site.base + "/en/questions"]}).run(ws)
    assert (again.n_in, again.n_out) == (0, 0) and sum(site.page_fetches().values()) == before


# ------------------------------------------------------------------ Chinese, GBK
def test_chinese_gbk_dialogues_decode_and_extract(ws, site, tmp_path):
    profile = make_profile(tmp_path, "wenzhen-zh", **FAST)
    summary = Scrape({"profile": str(profile), "start": [site.base + "/zh/list/1.html"]}).run(ws)
    assert (summary.n_in, summary.n_out, summary.n_rejected) == (7, 5, 0)
    got = {r.meta["url"].rsplit("/", 1)[1]: r for r in ws.records()}
    assert set(got) == {f"{i}.html" for i in range(1, 6)}
    for i in range(1, 6):
        d, r = ZH_DIALOGUES[i % 3], got[f"{i}.html"]
        turns = [{"role": "patient", "text": zh_desc(i)}]
        for role, text in d["chat"]:
            if turns[-1]["role"] == role:
                turns[-1]["text"] += "\n" + text
            else:
                turns.append({"role": role, "text": text})
        assert [t.model_dump() for t in r.turns] == turns
        assert (r.lang, r.meta["title"], r.meta["doctor"], r.meta["date"]) == ("zh", d["title"], d["doctor"], d["date"])
    assert "朱镕基" in got["2.html"].turns[0].text  # a GBK-only character in a page labelled gb2312
    where = dict(ws.exec("SELECT regexp_extract(url, '[^/]+$'), codec_from FROM scrape_pages"))
    assert (where["1.html"], where["2.html"], where["3.html"]) == ("header", "meta", "detected")


def test_decode_html_sources():
    text = "<p>患者：最近总是头疼，晚上睡不好，请问需要做什么检查？医生建议先量血压再做头颅检查。</p>"
    gbk = text.encode("gbk")
    assert decode_html(gbk, "text/html; charset=gb2312")[1:] == ("gb18030", "header")
    assert decode_html(b'<meta charset="GBK">' + gbk, "text/html")[1:] == ("gb18030", "meta")
    assert decode_html(gbk, None)[0] == text
    assert decode_html(text.encode(), "text/html")[1:] == ("utf-8", "detected")
    assert decode_html("\ufeff<p>hi</p>".encode("utf-8"), "text/html; charset=latin-1")[0] == "<p>hi</p>"


def test_retry_after_header_forms():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    from email.utils import formatdate

    assert 8 <= parse_retry_after(formatdate(time.time() + 10, usegmt=True)) <= 10


# ------------------------------------------------------------------ politeness measured
def test_rate_limit_spacing_and_concurrency_cap(ws, tmp_path):
    s = ConsultSite(n_en=6, per_list=10, specials=False)
    s.start()
    try:
        profile = make_profile(tmp_path, **{**FAST, "rate": 5.0, "concurrency": 3})
        Scrape({"profile": str(profile), "start": [s.base + "/en/questions"]}).run(ws)
        times = s.all_request_times()  # robots.txt, the listing and 6 questions
        assert len(times) == 8
        gaps = [b - a for a, b in zip(times, times[1:])]
        # starts 1/5 s apart: over the whole crawl (robust to a late thread on a loaded machine), and
        # pair by pair with wide room for the server seeing two requests closer than they were sent
        # under load (unlimited, 3 in flight would give gaps of ~1 ms)
        assert times[-1] - times[0] >= 7 * 0.2 * 0.95, gaps
        assert min(gaps) >= 0.05 and sorted(gaps)[len(gaps) // 2] >= 0.15, gaps
    finally:
        s.stop()
    s = ConsultSite(n_en=8, per_list=10, specials=False, latency=0.15)
    s.start()
    try:
        profile = make_profile(tmp_path, **{**FAST, "concurrency": 2})
        t = time.perf_counter()
        Scrape({"profile": str(profile), "start": [s.base + "/en/questions"]}).run(Workspace(tmp_path / "ws2"))
        assert s.max_inflight == 2  # the cap is used, and never exceeded
        assert time.perf_counter() - t >= 0.15 * (1 + 8 / 2) * 0.9
    finally:
        s.stop()


def test_robots_unavailable_keeps_pages_queued(ws, tmp_path):
    s = ConsultSite(n_en=3, per_list=10, specials=False)
    s.robots_status = 503
    s.start()
    try:
        profile = make_profile(tmp_path, **FAST)
        cfg = {"profile": str(profile), "start": [s.base + "/en/questions"]}
        first = Scrape(cfg).run(ws)
        assert (first.n_in, first.extra["robots_unavailable"], first.extra["frontier"]) == (0, 1, {"pending": 1})
        assert s.page_fetches() == {} and s.counts["/robots.txt"] == 2  # one retry, then the host is off limits
        s.robots_status = 200
        second = Scrape(cfg).run(ws)
        assert (second.n_in, second.n_out) == (4, 4)
    finally:
        s.stop()
    with pytest.raises(ValueError, match="not in the profile's allowed_hosts"):
        Scrape({"profile": str(make_profile(tmp_path, top={"allowed_hosts": ["127.0.0.1:1"]}, **FAST)),
                "start": ["http://other.example/en/questions"]}).run(ws)


# ------------------------------------------------------------------ resume
def test_max_pages_then_resume(ws, site, tmp_path):
    profile = make_profile(tmp_path, **FAST)
    cfg = {"profile": str(profile), "start": [site.base + "/en/questions"]}
    first = Scrape({**cfg, "max_pages": 4}).run(ws)
    assert first.n_in == 4 and first.extra["frontier"]["pending"] > 0
    Scrape(cfg).run(ws)
    assert got_en(ws) == expected_en(site.base, en_ids(12))
    assert all(n == 1 for p, n in site.page_fetches().items() if p.split("/")[-1] not in ("ratelimited", "flaky", "slow"))


def test_long_retry_after_fails_then_retry_failed_requeues(ws, site, tmp_path):
    impatient = make_profile(tmp_path, **{**FAST, "max_retry_after": 0.5})
    url = site.base + "/en/q/ratelimited"
    first = Scrape({"profile": str(impatient), "start": [url], "max_pages": 1}).run(ws)
    assert (first.n_in, first.n_out, first.extra["failed"]) == (0, 0, 1)
    assert ws.one("SELECT status, reason FROM scrape_frontier WHERE url = ?", [url]) == (
        "failed", "http 429 with Retry-After 1s (over max_retry_after 0s)")
    Scrape({"profile": str(impatient), "start": [url], "max_pages": 1}).run(ws)
    assert site.counts["/en/q/ratelimited"] == 1  # a failed page waits for --retry-failed
    again = Scrape({"profile": str(impatient), "start": [url], "max_pages": 1, "retry_failed": True}).run(ws)
    assert (again.n_in, again.n_out, again.extra["requeued_failed"]) == (1, 1, 1)
    assert site.counts["/en/q/ratelimited"] == 2


def _crawl_cmd(wsdir: Path, profile: Path, base: str) -> list[str]:
    return [sys.executable, "-m", "medcorpus", "scrape", "-w", str(wsdir), "--profile", str(profile),
            "--start", base + "/en/questions", "--json"]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


@pytest.mark.slow
def test_kill_and_resume_matches_uninterrupted_crawl(tmp_path):
    n = 40
    ref_site = ConsultSite(n_en=n, per_list=8, specials=False, latency=0.02)
    ref_site.start()
    profile = make_profile(tmp_path, **{**FAST, "concurrency": 3})
    try:
        ref_ws = Workspace(tmp_path / "ref")
        Scrape({"profile": str(profile), "start": [ref_site.base + "/en/questions"]}).run(ref_ws)
        ref = {(r.id, tuple((t.role, t.text) for t in r.turns), r.meta["url"].split("/", 3)[3]) for r in ref_ws.records()}
        ref_ws.close()
    finally:
        ref_site.stop()
    assert len(ref) == n + n // 2

    site = ConsultSite(n_en=n, per_list=8, specials=False, latency=0.02)
    site.start()
    wsdir = tmp_path / "killed"
    done_at_kill: list[set[str]] = []
    fetched_at_kill: list[dict[str, int]] = []
    try:
        for kill_after in (12, 30):  # page fetches seen by the server when the crawler gets SIGKILL
            proc = subprocess.Popen(_crawl_cmd(wsdir, profile, site.base), env=_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + 30
            while sum(site.page_fetches().values()) < kill_after and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            assert proc.poll() is None, proc.stderr.read().decode()
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            fetched_at_kill.append(dict(site.page_fetches()))
            with Workspace(wsdir) as w:
                done_at_kill.append({u for (u,) in w.exec("SELECT url FROM scrape_pages")})
        assert 0 < len(done_at_kill[0]) < len(done_at_kill[1]) < n + 6
        proc = subprocess.run(_crawl_cmd(wsdir, profile, site.base), env=_env(), capture_output=True, timeout=60)
        assert proc.returncode == 0, proc.stderr.decode()
    finally:
        site.stop()
    with Workspace(wsdir) as w:
        got = {(r.id, tuple((t.role, t.text) for t in r.turns), r.meta["url"].split("/", 3)[3]) for r in w.records()}
        pages = w.one("SELECT count(*), count(DISTINCT url) FROM scrape_pages")
        statuses = dict(w.exec("SELECT status, count(*) FROM scrape_frontier GROUP BY 1"))
    assert got == ref  # same records, none lost
    assert pages[0] == pages[1] and statuses == {"done": pages[0]}
    fetched = site.page_fetches()
    # no page finished before a kill was fetched again; only pages in flight at a kill were
    in_flight: set[str] = set()
    for done, counts in zip(done_at_kill, fetched_at_kill):
        paths = {"/" + u.split("/", 3)[3] for u in done}
        assert {p: fetched[p] for p in paths} == {p: counts[p] for p in paths}
        in_flight |= set(counts) - paths
    assert {p for p, c in fetched.items() if c > 1} <= in_flight
    assert max(fetched.values()) <= 1 + len(done_at_kill)


# ------------------------------------------------------------------ re-extraction, offline
XPATH_EXTRACT = {
    "syntax": "xpath", "mode": "qa", "title": "//h1[@class='q-title']",
    "patient": "//article[@class='question']/div[@class='q-body']", "answers": "//div[@class='answer']",
    "answer_text": ".//div[@class='answer-body']", "doctor_name": ".//span[@class='doctor-name']",
    "date": "//time[@class='asked']/@datetime",
}


def test_reextract_after_profile_change_needs_no_network(ws, tmp_path):
    s = ConsultSite(n_en=6, per_list=10, specials=False)
    s.start()
    broken = make_profile(tmp_path, extract={**XPATH_EXTRACT, "answers": "//div[@class='reply']"}, **FAST)
    first = Scrape({"profile": str(broken), "start": [s.base + "/en/questions"]}).run(ws)
    s.stop()  # from here on, any request would fail
    assert first.n_out == 0 and first.n_rejected == 6
    assert {r for (r,) in ws.exec("SELECT DISTINCT reason FROM rejects")} == {
        "no doctor answer (selector \"//div[@class='reply']\" / \".//div[@class='answer-body']\" found nothing)"}

    fixed = make_profile(tmp_path, extract=XPATH_EXTRACT, **FAST)
    again = Scrape({"profile": str(fixed), "reextract": True}).run(ws)
    assert (again.n_in, again.n_out, again.n_rejected) == (7, 9, 0)
    assert got_en(ws) == expected_en(s.base, en_ids(6, specials=False))
    assert sum(s.page_fetches().values()) == 7

    # a profile that changes the text: the old records of those pages are replaced, not kept beside
    titled = make_profile(tmp_path, extract={**XPATH_EXTRACT, "title_in_question": True}, **FAST)
    third = Scrape({"profile": str(titled), "reextract": True}).run(ws)
    recs = ws.records()
    assert third.n_out == 9 and len(recs) == 9
    assert all(r.turns[0].text == f"{r.meta['title']}\n{en_question(int(r.meta['url'].rsplit('/', 1)[1]))['question']}"
               for r in recs)
    assert third.extra["reasons"]["superseded records deleted"] == 9
    with pytest.raises(ValueError, match="no stored pages for profile 'wenzhen-zh'"):
        Scrape({"profile": "wenzhen-zh", "reextract": True}).run(ws)


# ------------------------------------------------------------------ profiles and the CLI
def test_profile_errors_name_the_file_and_key(tmp_path):
    for name in ("healthqa-en", "wenzhen-zh"):
        assert load_profile(name).name == name
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[links]\nquestion = ["(unclosed"]\n[extract]\nmode = "qa"\npatient = "p"\nanswers = "a"\n')
    with pytest.raises(ProfileError, match=r"bad.toml: links.question: .*bad regular expression"):
        load_profile(bad)
    bad.write_text('name = "x"\n[extract]\nmode = "dialogue"\nmessages = "div"\n')
    with pytest.raises(ProfileError, match="needs selector.*patient_messages"):
        load_profile(bad)
    bad.write_text('name = "x"\nratee = 3\n[extract]\npatient = "p"\nanswers = "a"\n')
    with pytest.raises(ProfileError, match="ratee"):
        load_profile(bad)
    with pytest.raises(ProfileError, match="no such profile"):
        load_profile(tmp_path / "missing.toml")


def test_cli_bundled_profile_then_export(cli, tmp_path):
    s = ConsultSite(n_en=7, per_list=4, specials=False)
    s.start()
    try:
        res = cli("scrape", "--profile", "healthqa-en", "--start", s.base + "/en/questions",
                  "--rate", "0", "--concurrency", "3", "--json")
    finally:
        s.stop()
    import json

    summary = json.loads(res.stdout)
    assert (summary["stage"], summary["n_in"], summary["n_out"], summary["n_rejected"]) == ("scrape", 9, 10, 0)
    cli("export", "--out", tmp_path / "out", "--format", "alpaca")
    table = pq.read_table(next((tmp_path / "out" / "data").glob("*.parquet")))
    assert table.num_rows == 10
    rows = table.to_pylist()
    assert {r["instruction"] for r in rows} == {en_question(i)["question"] for i in range(7)}
    bad = cli("scrape", "--profile", tmp_path / "nope.toml", ok=False)
    assert bad.exit_code == 1 and "no such profile" in bad.output


def test_build_pipeline_with_a_scrape_step(tmp_path):
    from medcorpus.build import build

    s = ConsultSite(n_en=5, per_list=10, specials=False)
    s.start()
    try:
        make_profile(tmp_path, name="mysite", **FAST)
        profile = next(tmp_path.glob("mysite-*.toml")).name  # relative: resolved beside the pipeline file
        (tmp_path / "pipeline.toml").write_text(
            f'name = "t"\nworkspace = "ws"\n[[step]]\nuse = "scrape"\nprofile = "{profile}"\n'
            f'start = ["{s.base}/en/questions"]\n[export]\nout = "exports"\n', encoding="utf-8")
        first = build(tmp_path / "pipeline.toml")
        assert [(x.stage, x.n_in, x.n_out) for x in first.steps if x.stage == "scrape"] == [("scrape", 6, 7)]
        assert first.export and first.did_work
        fetched = sum(s.page_fetches().values())
        again = build(tmp_path / "pipeline.toml")
        assert not again.did_work and sum(s.page_fetches().values()) == fetched
    finally:
        s.stop()
    with Workspace(tmp_path / "ws") as w:
        assert {r.source for r in w.records()} == {"mysite"}
