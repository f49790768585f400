"""Site profiles: a TOML file saying where to go on a site and what to take from its pages."""
from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class ProfileError(ValueError):
    """A profile that cannot be read or is inconsistent (the message names the file and key)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Links(_Strict):
    """Which links to follow. Patterns are regular expressions searched in the absolute URL."""

    listing: list[str] = Field(default_factory=list, description="listing / index pages: followed, not extracted")
    question: list[str] = Field(default_factory=list, description="consultation pages: extracted")
    next_page: str | None = Field(None, description="selector of the pagination link(s) on a listing page")
    ignore: list[str] = Field(default_factory=list, description="URLs matching these are never queued")

    @field_validator("listing", "question", "ignore")
    @classmethod
    def _compile(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad regular expression {p!r}: {exc}") from None
        return patterns


class Extract(_Strict):
    """Selectors (CSS by default, or XPath with `syntax = "xpath"`).

    `mode = "qa"`: a question (`patient`) with one or more doctor answers (`answers`); each
    answer becomes one record [patient, doctor]. `mode = "dialogue"`: the page is a
    conversation; `messages` selects every message in order and `patient_messages` the ones
    the patient wrote (the rest are the doctor's); consecutive messages of one side are joined.
    `answer_text` and `doctor_name` are looked up inside each answer block (qa mode);
    `doctor_name` falls back to the whole page, like `title` and `date`.
    """

    syntax: Literal["css", "xpath"] = "css"
    mode: Literal["qa", "dialogue"] = "qa"
    title: str | None = None
    patient: str | None = None
    answers: str | None = None
    answer_text: str | None = None
    doctor_name: str | None = None
    date: str | None = None
    messages: str | None = None
    patient_messages: str | None = None
    title_in_question: bool = Field(False, description="prepend the title to the patient text")
    min_chars: int = Field(2, ge=0, description="a turn shorter than this counts as not found")

    @model_validator(mode="after")
    def _needs(self) -> "Extract":
        need = ("patient", "answers") if self.mode == "qa" else ("messages", "patient_messages")
        missing = [k for k in need if not getattr(self, k)]
        if missing:
            raise ValueError(f"mode {self.mode!r} needs selector(s): {', '.join(missing)}")
        return self


class Politeness(_Strict):
    user_agent: str = "medcorpus-scraper/0.1 (+https://github.com/medcorpus/medcorpus)"
    rate: float = Field(1.0, ge=0, description="requests per second per host (0: no limit)")
    concurrency: int = Field(2, ge=1, description="requests in flight per host (and crawler workers)")
    timeout: float = Field(20.0, gt=0, description="seconds for connect/read of one request")
    max_bytes: int = Field(2_000_000, gt=0, description="larger pages are rejected")
    max_redirects: int = Field(5, ge=0)
    retries: int = Field(4, ge=0, description="extra attempts on 429/503, other 5xx, timeouts, network errors")
    backoff: float = Field(1.0, gt=0, description="base seconds of the exponential backoff (full jitter)")
    backoff_max: float = Field(60.0, gt=0)
    max_retry_after: float = Field(300.0, ge=0, description="a longer Retry-After gives up on the page")
    obey_robots: bool = True
    content_types: list[str] = Field(default_factory=lambda: ["text/html", "application/xhtml+xml"])


class Profile(_Strict):
    name: str = Field(description="the source name of the records")
    description: str = ""
    lang: str | None = Field(None, description="'en', 'zh', ... (default: detected per record)")
    allowed_hosts: list[str] = Field(default_factory=list, description="host or host:port; empty: the start URLs' hosts")
    start: list[str] = Field(default_factory=list)
    links: Links = Field(default_factory=Links)
    extract: Extract
    politeness: Politeness = Field(default_factory=Politeness)
    path: str | None = Field(None, exclude=True)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", v):
            raise ValueError("name must be letters, digits, '_', '.', '-'")
        return v

    def hosts(self, start: list[str] | None = None) -> set[str]:
        hosts = {h.lower() for h in self.allowed_hosts}
        if not hosts:
            hosts = {urlsplit(u).netloc.lower() for u in (start or self.start)}
        return hosts

    def classify(self, url: str) -> str | None:
        """'question', 'list' or None (not to be followed)."""
        if any(re.search(p, url) for p in self.links.ignore):
            return None
        if any(re.search(p, url) for p in self.links.question):
            return "question"
        if any(re.search(p, url) for p in self.links.listing):
            return "list"
        return None


BUNDLED = ("healthqa-en", "wenzhen-zh")


def bundled_path(name: str) -> Path:
    return Path(str(resources.files("medcorpus") / "profiles" / f"{name}.toml"))


def load_profile(spec: str | Path) -> Profile:
    """A profile from a TOML path, or a bundled profile by name (healthqa-en, wenzhen-zh)."""
    path = Path(spec)
    if not path.exists() and str(spec) in BUNDLED:
        path = bundled_path(str(spec))
    if not path.exists():
        raise ProfileError(f"{spec}: no such profile file (bundled: {', '.join(BUNDLED)})")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None
    try:
        profile = Profile(**data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ProfileError(f"{path}: {problems}") from None
    profile.path = str(path)
    return profile
