"""The scrape source: crawl a consultation site described by a TOML profile into Records.

`Scrape({"profile": "healthqa-en", "start": [...]}).run(ws)`, or `medcorpus scrape`. See
`medcorpus.scrape` for the parts (profile, fetch, encoding, extract, crawler).
"""
from __future__ import annotations

import asyncio
import time
from typing import ClassVar, Optional

from pydantic import Field

from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.runner import RunSummary
from medcorpus.pipeline.stage import Source, StageConfig, register_stage
from medcorpus.pipeline.workspace import Workspace


class ScrapeConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("profile?",)

    profile: str = Field(description="a profile TOML path or a bundled profile name")
    start: list[str] = Field(default_factory=list, description="start URLs (default: the profile's)")
    max_pages: Optional[int] = Field(None, ge=1, description="fetch at most this many pages in this run")
    concurrency: Optional[int] = Field(None, ge=1, description="requests in flight per host (overrides the profile)")
    rate: Optional[float] = Field(None, ge=0, description="requests per second per host, 0 = no limit (overrides)")
    user_agent: Optional[str] = None
    timeout: Optional[float] = Field(None, gt=0)
    reextract: bool = Field(False, description="extract again from stored pages, no network")
    retry_failed: bool = Field(False, description="queue pages that failed (5xx, timeouts) again")


@register_stage
class Scrape(Source):
    name = "scrape"
    version = "1"
    config_model = ScrapeConfig

    def load_profile(self):
        from medcorpus.scrape.profile import load_profile

        profile = load_profile(self.config.profile)
        pol = profile.politeness
        overrides = {k: v for k, v in (("concurrency", self.config.concurrency), ("rate", self.config.rate),
                                       ("user_agent", self.config.user_agent), ("timeout", self.config.timeout))
                     if v is not None}
        if overrides:
            profile.politeness = pol.model_copy(update=overrides)
        return profile

    def run(self, ws: Workspace) -> RunSummary:
        from medcorpus.scrape import crawler

        cfg = self.config
        profile = self.load_profile()
        run_id = ws.start_run(self.name, config={**cfg.model_dump(), "profile_name": profile.name,
                                                 "politeness": profile.politeness.model_dump()})
        started = time.perf_counter()
        status, stats, extra = "failed", crawler.CrawlStats(), {}
        try:
            if cfg.reextract:
                with progress_bar(f"re-extract {profile.name}") as advance:
                    stats = crawler.reextract(ws, profile, run_id, advance)
            else:
                if cfg.retry_failed:
                    extra["requeued_failed"] = crawler.retry_failed(ws, profile.name)
                with progress_bar(f"scrape {profile.name}") as advance:
                    crawl = crawler.Crawl(ws, profile, cfg.start, cfg.max_pages, run_id, advance)
                    if not crawl.start and not crawler.Frontier(ws, profile.name).known:
                        raise ValueError(f"profile {profile.name!r} has no start URLs: pass --start URL")
                    try:
                        stats = asyncio.run(crawl.run())
                    finally:
                        stats = crawl.stats
                        if crawl.fetcher is not None:
                            fs = crawl.fetcher.stats
                            extra.update(requests=fs.requests, retries=fs.retries, bytes=fs.bytes,
                                         http_status=fs.by_status)
            status = "ok"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            seconds = time.perf_counter() - started
            frontier = crawler.Frontier(ws, profile.name).counts()
            extra.update(profile=profile.name, mode="reextract" if cfg.reextract else "crawl",
                         consultations_extracted=stats.extracted, disallowed=stats.disallowed,
                         failed=stats.failed, robots_unavailable=stats.robots_unavailable,
                         pages_per_s=round(stats.pages / seconds, 2) if seconds else 0.0,
                         frontier=frontier, reasons=dict(stats.reasons))
            ws.finish_run(run_id, status, stats.pages, stats.records, stats.rejected, stats.already_done,
                          seconds, extra)
        return RunSummary(stage=self.name, n_in=stats.pages, n_out=stats.records, n_rejected=stats.rejected,
                          n_skipped=stats.already_done, seconds=round(seconds, 3), extra=extra)


def _frontier_status(ws) -> dict | str:
    """Frontier URLs per profile and status (pending, done, rejected, failed, disallowed)."""
    if not ws.table_exists("scrape_frontier"):
        return "not run"
    out: dict = {}
    for profile, status, n in ws.exec("SELECT profile, status, count(*) FROM scrape_frontier GROUP BY 1, 2 ORDER BY 1, 2"):
        out.setdefault(profile, {})[status] = n
    return out


Scrape.status_sections = {"scrape": _frontier_status}
