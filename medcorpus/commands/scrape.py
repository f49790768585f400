"""medcorpus scrape: crawl a consultation site with a TOML profile."""
from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from medcorpus.commands._common import JsonOpt, WorkspaceOpt, fail, open_workspace, print_summaries


def scrape(
    profile: Annotated[str, typer.Option("--profile", "-p", help="Profile TOML file, or a bundled profile: healthqa-en, wenzhen-zh.")],
    start: Annotated[Optional[List[str]], typer.Option("--start", help="Start URL (repeatable; default: the profile's).")] = None,
    max_pages: Annotated[Optional[int], typer.Option("--max-pages", min=1, help="Fetch at most N pages in this run (the rest stays queued).")] = None,
    concurrency: Annotated[Optional[int], typer.Option("--concurrency", "-c", min=1, help="Requests in flight per host (default: the profile's).")] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", min=0, help="Requests per second per host; 0 = no limit (default: the profile's).")] = None,
    user_agent: Annotated[Optional[str], typer.Option("--user-agent", help="User-Agent header (and robots.txt agent).")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0.001, help="Seconds per request.")] = None,
    reextract: Annotated[bool, typer.Option("--reextract", help="Extract again from the stored pages (after a profile change); no network.")] = False,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Queue pages that failed earlier (5xx, timeouts) again.")] = False,
    workspace: WorkspaceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Crawl a consultation site politely (robots.txt, rate limit, retries) and store its
    consultations as records. Resumable: run the same command again to continue."""
    from pydantic import ValidationError

    from medcorpus.scrape.profile import ProfileError
    from medcorpus.stages.scrape import Scrape

    try:
        stage = Scrape({"profile": profile, "start": start or [], "max_pages": max_pages, "concurrency": concurrency,
                        "rate": rate, "user_agent": user_agent, "timeout": timeout, "reextract": reextract,
                        "retry_failed": retry_failed})
        stage.load_profile()
    except (ProfileError, ValidationError) as exc:
        fail(str(exc))
    ws = open_workspace(workspace, json, create=True)
    try:
        summary = stage.run(ws)
    except (ProfileError, ValueError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted: finished pages are stored; run the same command again to resume", code=130)
    finally:
        ws.close()
    print_summaries(summary, json, "scrape")




def register(app: typer.Typer) -> None:
    app.command()(scrape)
