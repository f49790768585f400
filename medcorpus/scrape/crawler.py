"""The crawl: a frontier and the fetched pages in the workspace, one asyncio loop.

Every database write happens on the event loop's thread (DuckDB: one connection, one writer),
and each page is committed in one transaction together with its records, its rejects and the
links it adds to the frontier. A crawl killed at any moment therefore loses at most the pages
in flight (still `pending`, fetched again on the next run) and never fetches a finished page twice.
"""
from __future__ import annotations

import asyncio
import gzip
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

import pyarrow as pa

from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Rejected, Turn
from medcorpus.scrape.encoding import decode_html
from medcorpus.scrape.extract import ExtractError, extract, links, normalise_url
from medcorpus.scrape.fetch import Disallowed, Fetcher, Page, PageFailed, PageRejected, RobotsUnavailable
from medcorpus.scrape.profile import Profile

STAGE = "scrape"
COMMIT_MAX = 256  # pages per transaction at most
COMMIT_WINDOW_MAX = 0.25  # seconds a fetched page may wait for its transaction
COMMIT_WINDOW_FACTOR = 3  # gather for 3x the last commit: the database takes at most ~1/4 of the loop

DDL = """
CREATE SEQUENCE IF NOT EXISTS scrape_seq START 1;
CREATE TABLE IF NOT EXISTS scrape_frontier (
    profile VARCHAR, url VARCHAR, kind VARCHAR, depth INTEGER, parent VARCHAR, seq BIGINT,
    status VARCHAR, reason VARCHAR, attempts INTEGER, updated_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (profile, url));
CREATE TABLE IF NOT EXISTS scrape_pages (
    profile VARCHAR, url VARCHAR, final_url VARCHAR, kind VARCHAR, http_status INTEGER,
    content_type VARCHAR, codec VARCHAR, codec_from VARCHAR, fetched_at VARCHAR, n_bytes BIGINT,
    html_gz BLOB, n_records INTEGER, extract_error VARCHAR, run_id BIGINT);
"""
PAGE_SCHEMA = pa.schema([
    ("profile", pa.string()), ("url", pa.string()), ("final_url", pa.string()), ("kind", pa.string()),
    ("http_status", pa.int32()), ("content_type", pa.string()), ("codec", pa.string()), ("codec_from", pa.string()),
    ("fetched_at", pa.string()), ("n_bytes", pa.int64()), ("html_gz", pa.binary()), ("n_records", pa.int32()),
    ("extract_error", pa.string()), ("run_id", pa.int64())])
# frontier status: pending -> done (fetched and stored) | rejected (permanent: 404, not HTML, too big,
# redirect loop) | failed (transient problem outlived the retries; --retry-failed re-queues) | disallowed (robots.txt)


def ensure_tables(ws: Workspace) -> None:
    ws.exec(DDL)


@dataclass
class CrawlStats:
    pages: int = 0            # pages fetched and stored this run
    records: int = 0          # new records added
    extracted: int = 0        # consultations extracted (incl. ones already in the workspace)
    rejected: int = 0         # rejects written (fetch and extraction problems)
    disallowed: int = 0       # URLs robots.txt forbids (never fetched)
    failed: int = 0           # transient failures that outlived the retries
    robots_unavailable: int = 0
    already_done: int = 0     # frontier URLs finished by earlier runs
    reasons: Counter = field(default_factory=Counter)


class Frontier:
    """The profile's frontier in the workspace plus an in-memory view (known URLs)."""

    def __init__(self, ws: Workspace, profile: str):
        self.ws, self.profile = ws, profile
        ensure_tables(ws)
        self.known: set[str] = {r[0] for r in ws.exec(
            "SELECT url FROM scrape_frontier WHERE profile = ?", [profile])}

    def add(self, items: list[tuple[str, str, int, str | None]]) -> list[tuple[str, str, int]]:
        """Insert new (url, kind, depth, parent); returns the ones that were new. Call inside a transaction
        when it belongs to a page's commit."""
        new = []
        for url, kind, depth, parent in items:
            if url in self.known:
                continue
            self.known.add(url)
            new.append((url, kind, depth, parent))
        if new:
            cols = list(zip(*new))
            self.ws.exec(
                "INSERT INTO scrape_frontier (profile, url, kind, depth, parent, seq, status, attempts) "
                "SELECT ?, url, kind, depth, parent, nextval('scrape_seq'), 'pending', 0 FROM ("
                "SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS kind, unnest(?::INTEGER[]) AS depth, "
                "unnest(?::VARCHAR[]) AS parent, generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i "
                "ON CONFLICT DO NOTHING",
                [self.profile, list(cols[0]), list(cols[1]), list(cols[2]), list(cols[3]), list(cols[0])])
        return [(u, k, d) for u, k, d, _ in new]

    def mark_done(self, items: list[tuple[str, str | None, int]]) -> None:
        urls, reasons, attempts = (list(c) for c in zip(*items))
        self.ws.exec(
            "UPDATE scrape_frontier f SET status = 'done', reason = v.reason, attempts = f.attempts + v.attempts, "
            "updated_at = current_timestamp FROM (SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS reason, "
            "unnest(?::INTEGER[]) AS attempts) v WHERE f.profile = ? AND f.url = v.url",
            [urls, reasons, attempts, self.profile])

    def pending(self) -> list[tuple[str, str, int]]:
        return [tuple(r) for r in self.ws.exec(
            "SELECT url, kind, depth FROM scrape_frontier WHERE profile = ? AND status = 'pending' ORDER BY seq",
            [self.profile])]

    def mark(self, url: str, status: str, reason: str | None = None, attempts: int = 1) -> None:
        self.ws.exec("UPDATE scrape_frontier SET status = ?, reason = ?, attempts = attempts + ?, "
                     "updated_at = current_timestamp WHERE profile = ? AND url = ?",
                     [status, reason, attempts, self.profile, url])

    def counts(self) -> dict[str, int]:
        return dict(self.ws.exec("SELECT status, count(*) FROM scrape_frontier WHERE profile = ? GROUP BY 1",
                                 [self.profile]))


def page_records(profile: Profile, url: str, final_url: str, fetched_at: str,
                 text: str) -> list[Record]:
    """The consultations on one decoded page as Records (raises ExtractError)."""
    out = []
    for item in extract(text, profile):
        meta: dict[str, Any] = {"url": url, "fetched_at": fetched_at, "profile": profile.name, **item.meta}
        if final_url and final_url != url:
            meta["final_url"] = final_url
        out.append(Record.new(profile.name, [Turn(**t) for t in item.turns], lang=profile.lang, meta=meta))
    return out


class Crawl:
    def __init__(self, ws: Workspace, profile: Profile, start: list[str], max_pages: int | None,
                 run_id: int | None, advance: Callable[[int], None] = lambda n: None,
                 fetcher: Fetcher | None = None):
        self.ws, self.profile, self.run_id, self.advance = ws, profile, run_id, advance
        self.start = [normalise_url(u) for u in (start or profile.start)]
        self.hosts = profile.hosts(self.start)
        for url in self.start:
            if urlsplit(url).netloc not in self.hosts:
                raise ValueError(f"start URL {url}: host {urlsplit(url).netloc} is not in the profile's "
                                 f"allowed_hosts ({', '.join(sorted(self.hosts))})")
        self.max_pages = max_pages
        self.frontier = Frontier(ws, profile.name)
        self.fetcher = fetcher
        self.stats = CrawlStats()
        self._claimed = 0

    # ---------------------------------------------------------------- the loop
    async def run(self) -> CrawlStats:
        fetcher = self.fetcher or Fetcher(self.profile.politeness, self.hosts)
        self.fetcher = fetcher
        with self.ws.transaction():
            seeds = [(u, self.profile.classify(u) or "start", 0, None) for u in self.start
                     if urlsplit(u).netloc in self.hosts]
            self.frontier.add(seeds)
        counts = self.frontier.counts()
        self.stats.already_done = sum(n for s, n in counts.items() if s != "pending")
        queue: asyncio.Queue = asyncio.Queue()
        for item in self.frontier.pending():
            queue.put_nowait(item)
        self._ready: list[Prepared] = []
        self._wake = asyncio.Event()
        tasks = [asyncio.create_task(self._worker(queue, fetcher))
                 for _ in range(self.profile.politeness.concurrency * max(1, len(self.hosts)))]
        tasks.append(asyncio.create_task(self._committer(queue)))
        joiner = asyncio.create_task(queue.join())
        try:
            done, _ = await asyncio.wait([joiner, *tasks], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if task is not joiner and task.exception():
                    raise task.exception()
        finally:
            for task in [joiner, *tasks]:
                task.cancel()
            await asyncio.gather(joiner, *tasks, return_exceptions=True)
            if self.fetcher is fetcher:
                await fetcher.aclose()
        return self.stats

    async def _worker(self, queue: asyncio.Queue, fetcher: Fetcher) -> None:
        while True:
            url, kind, depth = await queue.get()
            handed_over = False
            try:
                if self.max_pages is not None and self._claimed >= self.max_pages:
                    continue  # stays pending for the next run
                self._claimed += 1
                handed_over = await self._one(fetcher, url, kind, depth)
            finally:
                if not handed_over:
                    queue.task_done()

    async def _one(self, fetcher: Fetcher, url: str, kind: str, depth: int) -> bool:
        """Fetch one URL; True when the page went to the committer (which marks it done)."""
        try:
            page = await fetcher.fetch(url)
        except Disallowed:
            self.stats.disallowed += 1
            self.frontier.mark(url, "disallowed", "robots.txt", 0)
            return False
        except RobotsUnavailable as exc:
            self.stats.robots_unavailable += 1
            self.stats.reasons[str(exc)] += 1
            return False  # stays pending
        except PageRejected as exc:
            self._reject(url, "rejected", exc.reason, 1)
            return False
        except PageFailed as exc:
            self.stats.failed += 1
            self._reject(url, "failed", exc.reason, exc.attempts)
            return False
        self._ready.append(self._prepare(page, kind, depth))
        self._wake.set()
        return True

    async def _committer(self, queue: asyncio.Queue) -> None:
        """Group commit: every page fetched while the previous commit ran goes into the next
        transaction (alone when the crawl is slow, together when it is fast)."""
        last = 0.0
        while True:
            await self._wake.wait()
            # gather for as long as the last commit took (the database is busy at most half the
            # time); a kill in this window loses these pages, which are fetched again on resume
            await asyncio.sleep(min(COMMIT_WINDOW_MAX, COMMIT_WINDOW_FACTOR * last))
            self._wake.clear()
            while self._ready:
                started = time.perf_counter()
                batch, self._ready = self._ready[:COMMIT_MAX], self._ready[COMMIT_MAX:]
                try:
                    for item in self._commit(batch):  # synchronous: one transaction, no await inside
                        queue.put_nowait(item)
                finally:  # after the new links are queued, or join() could end the crawl early
                    for _ in batch:
                        queue.task_done()
                self.advance(len(batch))
                last = time.perf_counter() - started
                await asyncio.sleep(0)

    def _reject(self, url: str, status: str, reason: str, attempts: int) -> None:
        self.stats.rejected += 1
        self.stats.reasons[reason.split(":")[0].split(" (")[0]] += 1
        with self.ws.transaction():
            self.frontier.mark(url, status, reason, attempts)
            self.ws.add_rejects([Rejected(reason=reason, file=url)], STAGE, self.run_id)

    def _prepare(self, page: Page, kind: str, depth: int) -> "Prepared":
        """Decode, extract and find links (CPU only, no database)."""
        text, codec, codec_from = decode_html(page.body, page.content_type)
        records: list[Record] = []
        error = None
        kind = self.profile.classify(page.url) or kind
        if kind == "question":
            try:
                records = page_records(self.profile, page.url, page.final_url, page.fetched_at, text)
            except ExtractError as exc:
                error = str(exc)
        found = []
        try:
            found = [(u, k, depth + 1, page.url) for u, k in links(text, page.final_url, self.profile, kind)
                     if urlsplit(u).netloc in self.hosts]
        except ExtractError:
            pass
        row = dict(zip(PAGE_SCHEMA.names, (
            self.profile.name, page.url, page.final_url, kind, page.status, page.content_type, codec, codec_from,
            page.fetched_at, len(page.body), gzip.compress(page.body, 6), len(records), error, self.run_id)))
        return Prepared(page.url, page.attempts, row, records, error, found)

    def _commit(self, batch: list["Prepared"]) -> list[tuple[str, str, int]]:
        rows = []
        for p in batch:
            for r in p.records:
                row = r.to_row()
                row["origin"] = p.url
                rows.append(row)
        errors = [Rejected(reason=p.error, file=p.url) for p in batch if p.error]
        new: list[tuple[str, str, int]] = []

        def bookkeeping() -> None:  # the pages and the frontier commit with the records made from them
            self.ws.insert_arrow("scrape_pages", pa.Table.from_pylist([p.row for p in batch], schema=PAGE_SCHEMA),
                                 by_name=False)
            new.extend(self.frontier.add([link for p in batch for link in p.links]))
            self.frontier.mark_done([(p.url, p.error, p.attempts) for p in batch])

        added, _ = self.ws.commit_source(rows, errors, STAGE, origin="", run_id=self.run_id, also=bookkeeping)
        self.stats.pages += len(batch)
        self.stats.extracted += sum(len(p.records) for p in batch)
        self.stats.records += added
        for e in errors:
            self.stats.rejected += 1
            self.stats.reasons[e.reason.split(" (")[0]] += 1
        return new


@dataclass
class Prepared:
    url: str
    attempts: int
    row: dict
    records: list[Record]
    error: str | None
    links: list[tuple[str, str, int, str | None]]


def retry_failed(ws: Workspace, profile: str) -> int:
    ensure_tables(ws)
    n = ws.one("SELECT count(*) FROM scrape_frontier WHERE profile = ? AND status = 'failed'", [profile])[0]
    ws.exec("UPDATE scrape_frontier SET status = 'pending' WHERE profile = ? AND status = 'failed'", [profile])
    return n


def reextract(ws: Workspace, profile: Profile, run_id: int | None,
              advance: Callable[[int], None] = lambda n: None, chunk: int = 200) -> CrawlStats:
    """Extract again from the stored pages with the (changed) profile: no network.

    New consultations are added; records this profile made from these pages before and no longer
    extracts are deleted (with their later-stage versions); links the new patterns match are queued.
    """
    ensure_tables(ws)
    frontier = Frontier(ws, profile.name)
    stats = CrawlStats()
    hosts = profile.hosts([u for u in frontier.known])
    rows = ws.exec("SELECT rowid, url FROM scrape_pages WHERE profile = ? ORDER BY rowid", [profile.name])
    if not rows:
        known = [p for (p,) in ws.exec("SELECT DISTINCT profile FROM scrape_pages ORDER BY 1")]
        raise ValueError(f"no stored pages for profile {profile.name!r} (pages are kept per profile name; "
                         f"stored: {', '.join(known) or 'none'})")
    keep: set[str] = set()
    urls: set[str] = set()
    for i in range(0, len(rows), chunk):
        ids = [r[0] for r in rows[i:i + chunk]]
        pages = ws.fetch_rows("SELECT rowid AS rid, url, final_url, kind, content_type, fetched_at, html_gz "
                              "FROM scrape_pages WHERE rowid IN (SELECT unnest(?::BIGINT[]))", [ids])
        rows, errors, updates, found = [], [], [], []
        for p in pages:
            body = gzip.decompress(p["html_gz"])
            text, _, _ = decode_html(body, p["content_type"])
            kind = profile.classify(p["url"]) or p["kind"]
            records, error = [], None
            if kind == "question":
                try:
                    records = page_records(profile, p["url"], p["final_url"], p["fetched_at"], text)
                except ExtractError as exc:
                    error = str(exc)
            urls.add(p["url"])
            keep.update(r.id for r in records)
            rows.extend({**r.to_row(), "origin": p["url"]} for r in records)
            if error:
                errors.append(Rejected(reason=error, file=p["url"]))
                stats.reasons[error.split(" (")[0]] += 1
            stats.pages += 1
            stats.extracted += len(records)
            updates.append([kind, len(records), error, p["rid"]])
            try:
                found.extend((u, k, 0, p["url"]) for u, k in links(text, p["final_url"], profile, kind)
                             if urlsplit(u).netloc in hosts)
            except ExtractError:
                pass

        def bookkeeping() -> None:  # the pages' new extraction state and links commit with their records
            for update in updates:
                ws.exec("UPDATE scrape_pages SET kind = ?, n_records = ?, extract_error = ? WHERE rowid = ?", update)
            frontier.add(found)

        added, _ = ws.commit_source(rows, errors, STAGE, origin="", run_id=run_id, also=bookkeeping)
        stats.records += added
        stats.rejected += len(errors)
        advance(len(pages))
    stale = [r[0] for r in ws.exec(
        "SELECT DISTINCT id FROM records WHERE stage = 'source' AND source = ? "
        "AND json_extract_string(meta, '$.url') IN (SELECT unnest(?::VARCHAR[]))", [profile.name, sorted(urls)])
        if r[0] not in keep]
    if stale:
        with ws.transaction():
            ws.exec("DELETE FROM records WHERE source = ? AND id IN (SELECT unnest(?::VARCHAR[]))",
                    [profile.name, stale])
    stats.reasons["superseded records deleted"] = len(stale)
    return stats
