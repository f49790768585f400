"""grammar: spelling and grammar correction of chosen turns, medical words protected.

Backends: `harper` (offline, harper-py) and `languagetool` (a LanguageTool server); `auto` takes
LanguageTool when a server answers at `languagetool_url`, else Harper. Turns are split into
sentences; each sentence is corrected once per backend configuration and cached in the workspace
(`grammar_cache`, a side table the runner snapshots for the workers), so a re-run or a repeated
sentence costs nothing. The original text of every changed turn goes to the `grammar_audit` side
table with its edits; `meta["grammar"]` counts edits by kind.
Records in another language than `lang` (Chinese consultations) pass through unchanged.
A backend failure (server error, timeout) keeps the record unchanged with `meta["grammar"]["error"]`.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any, ClassVar, Literal, Sequence

import orjson
import xxhash

from medcorpus.grammar.base import Correction, add_final_stop
from medcorpus.pipeline.outcome import Outcome
from medcorpus.pipeline.stage import SideTable, Stage, StageConfig, register_stage
from medcorpus.schemas import Record, Turn, cjk_ratio

_SPACE_RUN = re.compile(r"\s+")
MIN_RECORDS_FOR_POOL = 1000


class GrammarConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("vocab", "hunspell?")

    backend: Literal["auto", "languagetool", "harper"] = "auto"
    languagetool_url: str | None = None
    roles: list[str] = ["doctor"]
    lang: str = "en"
    vocab: list[str] = []                 # disease-DB CSVs (.csv) and word lists (anything else)
    hunspell: str = "auto"                # the medical .dic: "auto" (Debian path), a path, or "" for none
    shipped_terms: bool = True            # the disease-DB term list shipped with medcorpus
    dialect: str = "american"
    fixes: bool = True                    # deterministic fixes (spacing, lone i, capitals, ...)
    plain: bool = False                   # Harper baseline: first suggestion, no protection (benchmarks)
    lt_language: str = "en-US"
    lt_categories: list[str] = ["TYPOS", "GRAMMAR", "CASING", "PUNCTUATION"]
    lt_max_replacements: int = 1
    lt_concurrency: int = 8
    lt_timeout: float = 10.0


_ABBREVIATIONS = {"e.g", "i.e", "dr", "mr", "mrs", "ms", "vs", "st", "approx", "fig", "no", "prof", "a.m", "p.m"}


def _after_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]*$", text[:dot]).group(0).lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))  # "Dr.", "U.S."


def split_segments(text: str) -> list[tuple[str, str]]:
    """[(sentence, whitespace after it)]: sentences end at . ! ? (closing quotes and brackets
    kept with them) before whitespace, and at line breaks. Joining gives `text` back exactly."""
    out, last = [], 0
    for m in _SPACE_RUN.finditer(text):
        s, e = m.span()
        j = s - 1
        while j >= 0 and text[j] in "\"')]”’":
            j -= 1
        if "\n" in m.group(0) or (j >= 0 and text[j] in ".!?" and not _after_abbreviation(text, j)):
            out.append((text[last:s], text[s:e]))
            last = e
    if last < len(text) or not out:
        out.append((text[last:], ""))
    return out


def _vocab_for(config: GrammarConfig):
    from medcorpus.grammar.protect import load_vocabulary

    dbs = [p for p in config.vocab if p.lower().endswith(".csv")]
    lists = [p for p in config.vocab if not p.lower().endswith(".csv")]
    return load_vocabulary(config.hunspell or None, dbs, lists, config.shipped_terms)


def make_corrector(config: GrammarConfig, vocab=None):
    """A corrector for the (resolved) backend of `config`."""
    if config.backend == "harper":
        from medcorpus.grammar.harper import HarperCorrector

        if config.plain:
            return HarperCorrector(None, plain=True, dialect=config.dialect)
        # the full stop goes at the end of a turn, not of each sentence or list line (see _assemble)
        return HarperCorrector(vocab if vocab is not None else _vocab_for(config), dialect=config.dialect,
                               fixes=config.fixes, final_stop=False)
    if config.backend == "languagetool":
        from medcorpus.grammar.languagetool import LanguageToolCorrector

        if not config.languagetool_url:
            raise ValueError("the languagetool backend needs languagetool_url (resolve it first)")
        return LanguageToolCorrector(
            config.languagetool_url, None if config.plain else (vocab if vocab is not None else _vocab_for(config)),
            language=config.lt_language, categories=config.lt_categories,
            max_replacements=config.lt_max_replacements, timeout=config.lt_timeout,
            concurrency=config.lt_concurrency, fixes=config.fixes and not config.plain)
    raise ValueError(f"unresolved backend {config.backend!r}")


CACHE = SideTable("grammar_cache", "key VARCHAR PRIMARY KEY, backend VARCHAR, result VARCHAR, "
                  "created_at TIMESTAMP DEFAULT current_timestamp", key=("key",), on_conflict="ignore")
AUDIT = SideTable("grammar_audit", "run_id BIGINT, fingerprint VARCHAR, backend VARCHAR, record_id VARCHAR, "
                  "input_version BIGINT, turn_index INTEGER, role VARCHAR, original VARCHAR, corrected VARCHAR, "
                  "n_edits INTEGER, edits VARCHAR, created_at TIMESTAMP DEFAULT current_timestamp, "
                  "PRIMARY KEY (record_id, input_version, turn_index, fingerprint)",
                  key=("record_id", "input_version", "turn_index", "fingerprint"))


@register_stage
class GrammarStage(Stage):
    name = "grammar"
    version = "1"
    config_model = GrammarConfig
    side_tables = (CACHE, AUDIT)
    snapshots = (CACHE.name,)
    pool_min = MIN_RECORDS_FOR_POOL  # worker processes pay ~2-4 s each to load Harper and the vocabulary

    def __init__(self, config: GrammarConfig | dict | None = None):
        super().__init__(config)
        self.backend_note = ""
        self._prepared = False
        self._local_tool = None
        self._vocab = None
        self._corrector = None
        self._cache: dict[str, str] | None = None
        self.stats: Counter = Counter()
        self.kinds: Counter = Counter()

    # ------------------------------------------------------------------ set-up
    def prepare(self) -> None:
        """Resolve `auto` (probe the LanguageTool URL) or start the local LanguageTool server:
        on the driver, once, before the fingerprint (the resolved backend is part of it)."""
        if self._prepared:
            return
        self._prepared, self._given = True, self.config
        from medcorpus.grammar.languagetool import probe

        cfg = self.config
        if cfg.backend == "auto":
            if cfg.languagetool_url:
                why = probe(cfg.languagetool_url)
                if why is None:
                    self.config = cfg.model_copy(update={"backend": "languagetool"})
                    self.backend_note = f"auto: LanguageTool server answers at {cfg.languagetool_url}"
                else:
                    self.config = cfg.model_copy(update={"backend": "harper"})
                    self.backend_note = f"auto: no LanguageTool at {cfg.languagetool_url} ({why}); offline Harper"
            else:
                self.config = cfg.model_copy(update={"backend": "harper"})
                self.backend_note = "auto: no --languagetool-url given; offline Harper"
        elif cfg.backend == "languagetool" and not cfg.languagetool_url:
            # the server language_tool_python manages (Java; downloads LanguageTool on first use)
            from medcorpus.grammar.languagetool import start_local_server

            self._local_tool, url = start_local_server(cfg.lt_language)
            self.config = cfg.model_copy(update={"languagetool_url": url})
            self.backend_note = f"LanguageTool server started by language_tool_python at {url}"
        else:
            self.backend_note = cfg.backend + (f" at {cfg.languagetool_url}" if cfg.backend == "languagetool" else "")

    @property
    def vocab(self):
        if self._vocab is None and not self.config.plain:
            self._vocab = _vocab_for(self.config)
        return self._vocab

    def fingerprint(self) -> str:
        """Name, version, config (the URL left out: the same server elsewhere gives the same
        corrections) and the protected vocabulary's content."""
        h = xxhash.xxh3_64()
        cfg = self.config.model_dump(mode="json", exclude={"languagetool_url", "lt_concurrency", "lt_timeout"})
        h.update(f"{self.name}\x1f{self.version}\x1f{orjson.dumps(cfg, option=orjson.OPT_SORT_KEYS).decode()}".encode())
        h.update((self.vocab.digest() if self.vocab is not None else "plain").encode())
        return h.hexdigest()

    def setup(self) -> None:
        self.prepare()  # a no-op where the driver resolved the backend (the config says which)
        if self._corrector is None:
            self._corrector = make_corrector(self.config, self.vocab)
        if self._cache is None:
            self._cache = {}
            snapshot = self.services.snapshot(CACHE.name)
            if snapshot is not None:
                import pyarrow.parquet as pq

                table = pq.read_table(snapshot, columns=["key", "result"])
                self._cache = dict(zip(table.column("key").to_pylist(), table.column("result").to_pylist()))

    def teardown(self) -> None:
        if self._corrector is not None and hasattr(self._corrector, "close"):
            self._corrector.close()
        self._corrector = None
        if self._local_tool is not None:  # the server this stage started: the next run starts its own
            self._local_tool.close()
            self._local_tool = None
            self.config, self._prepared = self._given, False

    # ------------------------------------------------------------------ planning
    def _plan(self, records: Sequence[Record]) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """[(record index, turn index, segments)] for the turns to correct; counts what passes."""
        plan = []
        roles = set(self.config.roles)
        for ri, rec in enumerate(records):
            if rec.lang != self.config.lang:
                self.stats[f"passed_through_lang_{rec.lang}"] += 1
                continue
            for ti, turn in enumerate(rec.turns):
                if turn.role not in roles or not turn.text.strip():
                    continue
                if self.config.lang == "en" and cjk_ratio(turn.text) > 0.3:
                    self.stats["passed_through_cjk_turns"] += 1
                    continue
                plan.append((ri, ti, split_segments(turn.text)))
        return plan

    def _assemble(self, records: Sequence[Record], plan, results: dict[str, Correction]
                  ) -> tuple[list[Record], list[tuple]]:
        """Rewritten records and audit rows (record id, turn index, role, original, corrected, edits)."""
        by_record: dict[int, list] = {}
        for ri, ti, segs in plan:
            by_record.setdefault(ri, []).append((ti, segs))
        outputs, audit = [], []
        for ri, rec in enumerate(records):
            if ri not in by_record:
                if rec.lang != self.config.lang:
                    meta = {**rec.meta, "grammar": {"backend": self.config.backend,
                                                    "skipped": f"lang {rec.lang}"}}
                    outputs.append(rec.model_copy(update={"meta": meta}))
                else:
                    outputs.append(rec)
                continue
            errors = [results[seg].error for _, segs in by_record[ri] for seg, _ in segs
                      if seg.strip() and results[seg].error]
            info: dict[str, Any] = {"backend": self.config.backend}
            if errors:
                self.stats["flagged_records"] += 1
                info.update(error=errors[0], flagged=True)
                outputs.append(rec.model_copy(update={"meta": {**rec.meta, "grammar": info}}))
                continue
            turns = list(rec.turns)
            kinds: Counter = Counter()
            n_edits = skips = changed = 0
            for ti, segs in by_record[ri]:
                parts, edits = [], []
                for seg, sep in segs:
                    if seg.strip():
                        res = results[seg]
                        parts.append(res.text)
                        edits += res.edits
                        skips += res.protected_skips
                    else:
                        parts.append(seg)
                    parts.append(sep)
                text = "".join(parts)
                if self.config.fixes and not self.config.plain:
                    text, final = add_final_stop(text)
                    edits += final
                if text != turns[ti].text:
                    changed += 1
                    audit.append((rec.id, ti, turns[ti].role, turns[ti].text, text,
                                  orjson.dumps([e.to_json() for e in edits]).decode()))
                    turns[ti] = Turn.model_construct(role=turns[ti].role, text=text)
                n_edits += len(edits)
                kinds.update(e.kind for e in edits)
            self.kinds.update(kinds)
            self.stats["edits"] += n_edits
            self.stats["protected_skips"] += skips
            self.stats["turns_changed"] += changed
            info.update(edits=n_edits, kinds=dict(kinds), turns_changed=changed)
            if skips:
                info["protected_skips"] = skips
            outputs.append(rec.model_copy(update={"turns": turns, "meta": {**rec.meta, "grammar": info}}))
        return outputs, audit

    # ------------------------------------------------------------------ the Stage API
    def process(self, batch: list[Record]) -> Outcome:
        """Correct a batch: sentences from the cache (the run's snapshot plus what this worker
        corrected), the rest through the backend; new cache entries and audit rows as side rows."""
        self.setup()
        self.stats, self.kinds = Counter(), Counter()
        namespace = self.fingerprint()
        started = time.perf_counter()
        plan = self._plan(batch)
        segs = list(dict.fromkeys(seg for _, _, ss in plan for seg, _ in ss if seg.strip()))
        self.stats["segments"] += sum(1 for _, _, ss in plan for seg, _ in ss if seg.strip())
        keys = {seg: _key(namespace, seg) for seg in segs}
        results = {seg: Correction.from_json(orjson.loads(self._cache[keys[seg]]))
                   for seg in segs if keys[seg] in self._cache}
        self.stats["cache_hits"] += len(results)
        todo = [seg for seg in segs if seg not in results]
        fresh = self._correct(todo)
        self.stats["segments_corrected"] += len(todo)
        cache_rows = []
        for seg, c in zip(todo, fresh):
            if c.error is None:
                value = orjson.dumps(c.to_json()).decode()
                self._cache[keys[seg]] = value
                cache_rows.append({"key": keys[seg], "backend": self.config.backend, "result": value})
        results.update(zip(todo, fresh))
        outputs, audit = self._assemble(batch, plan, results)
        audit_rows = [{"backend": self.config.backend, "record_id": rid, "turn_index": ti, "role": role,
                       "original": orig, "corrected": new, "n_edits": len(orjson.loads(edits)), "edits": edits}
                      for rid, ti, role, orig, new, edits in audit]
        self.stats["seconds_correcting"] = time.perf_counter() - started
        counters = {**self.stats, **{f"kind.{k}": v for k, v in self.kinds.items()}}
        return Outcome(items=outputs, side_rows={CACHE.name: cache_rows, AUDIT.name: audit_rows}, counters=counters)

    def _correct(self, texts: list[str]) -> list[Correction]:
        if not texts:
            return []
        if hasattr(self._corrector, "correct_many"):
            return self._corrector.correct_many(texts)
        return [self._corrector.correct(t) for t in texts]

    def summary(self, counters: dict[str, float]) -> dict[str, Any]:
        extra: dict[str, Any] = {"backend": self.config.backend, "backend_note": self.backend_note}
        kinds = {k.removeprefix("kind."): int(v) for k, v in counters.items() if k.startswith("kind.")}
        stats = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in counters.items()
                 if not k.startswith("kind.")}
        extra.update(sorted(stats.items()))
        extra["edits_by_kind"] = dict(sorted(kinds.items(), key=lambda kv: -kv[1]))
        passed = {k: v for k, v in stats.items() if k.startswith("passed_through")}
        if passed:
            extra["note"] = ("records in another language (Chinese) and CJK turns pass through unchanged: "
                             + ", ".join(f"{k.removeprefix('passed_through_')}={v}" for k, v in passed.items()))
        return extra


def _key(namespace: str, text: str) -> str:
    return xxhash.xxh3_128_hexdigest((namespace + "\x1f" + text).encode())
