"""Exact and near-duplicate removal with MinHash LSH: the one *global* stage.

Shingles are language-aware: the normalised text (NFKC, lower case, digits folded to 0,
punctuation and whitespace dropped) is cut into tokens where every CJK character is a token
of its own and every other run of letters is a word; a mostly-CJK text is shingled into
character n-grams (`char_ngram`), any other into word n-grams (`ngram`). Mixed text works:
an English drug name in a Chinese consultation is one token.

Signatures are computed by `MinHasher`, a vectorised NumPy MinHash that gives exactly the
signatures of `datasketch.MinHash(num_perm, seed)` (its default "affine32" scheme: sha1_hash32,
MurmurHash3 fmix32, then `a*h + b mod 2^32` with datasketch's seeded permutations) for the same
shingle bytes. Bands and rows come from the threshold by minimising false positives plus false
negatives (`optimal_param`, datasketch's `_optimal_param` idea), false negatives weighted 19:1
because candidates are verified.

A run (see `Dedup.run`):
1. signatures for every pending record, batch by batch (a process pool with `workers` > 1);
2. records whose earlier entry is stale (their input changed, or left the input layer) leave
   the index; duplicates whose kept representative did so are re-opened and decided again;
3. candidate pairs from the band table in DuckDB: each new record is linked to the first
   record of every bucket it falls in (old records first); a pair stays if its estimated
   Jaccard is at least the threshold minus two standard errors and each side (question,
   answer) reaches SIDE_MIN too, so a shared template answer alone merges nothing; then
   connected components (scipy);
4. one record kept per cluster (`keep`: longest or first); a cluster that already has a kept
   record from an earlier run keeps it (a refresh never un-exports a record), and the new
   members are removed as its duplicates. Removed records become `Rejected` with the reason
   ("near duplicate of <id> (jaccard≈0.87)") and the cluster in `dedup_clusters`.

Tables (keyed by `pk`, one per fingerprint, so another threshold is a separate index that is
recomputed from the input layer and switching back finds the old one intact):
`dedup_params`, `dedup_clusters` (one row per record: cluster, status, kept representative,
estimated Jaccard) and `dedup_bands` (band hashes).
"""
from __future__ import annotations

import hashlib
import math
import re
import time
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Literal, Optional, Sequence

import numpy as np
import orjson
import xxhash
from pydantic import Field, model_validator

from medcorpus.pipeline.progress import progress_bar
from medcorpus.pipeline.stage import Stage, StageConfig, register_stage
from medcorpus.schemas import Record, Rejected, Turn

# ------------------------------------------------------------------ shingles
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df"
_TOKEN = re.compile(f"[{_CJK_CLASS}]|[^\\W_{_CJK_CLASS}]+")
_CJK = re.compile(f"[{_CJK_CLASS}]")
# ASCII letters lower-cased, digits folded to 0, ASCII and common Unicode punctuation to spaces
_FOLD = {**{c: " " for c in range(0x21, 0x7F) if not chr(c).isalnum()},
         **{ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
         **{ord(c): "0" for c in "123456789"},
         **{ord(c): " " for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00b7\u3000"}}


def tokens(text: str) -> list[str]:
    """Normalised tokens: NFKC, lower case, every digit folded to '0', punctuation and
    whitespace dropped; each CJK character is a token, any other letter run is a word."""
    folded = text.translate(_FOLD)
    if folded.isascii():  # the fast path (same tokens as the general one for ASCII text)
        return folded.split()
    folded = unicodedata.normalize("NFKC", folded).lower().translate(_FOLD)
    return _TOKEN.findall(folded)


def shingles(text: str, ngram: int = 3, char_ngram: int = 5) -> list[str]:
    """Word n-grams, or character n-grams when most tokens are CJK characters. A text shorter
    than n gives one shingle of all its tokens; an empty text gives none."""
    toks = tokens(text)
    if not toks:
        return []
    n = ngram if text.isascii() or 2 * len(_CJK.findall(text)) < len(toks) else char_ngram
    if len(toks) <= n:
        return [" ".join(toks)]
    if n == 1:
        return toks
    if n == 3:  # the default, spelt out: about 40% faster than the general form
        return list(map(" ".join, zip(toks, toks[1:], toks[2:])))
    return list(map(" ".join, zip(*(toks[i:] for i in range(n)))))


ASKING = ("patient", "user")
ANSWERING = ("doctor", "assistant")


def doc_sides(turns: Sequence[dict | Turn], on: str) -> tuple[str, ...]:
    """The texts dedup compares: (asking side, answering side) for 'all', one side otherwise
    (system turns never count)."""
    ask, ans = [], []
    for t in turns:
        role, text = (t["role"], t["text"]) if isinstance(t, dict) else (t.role, t.text)
        if role in ASKING:
            ask.append(text)
        elif role in ANSWERING:
            ans.append(text)
    if on == "patient":
        return ("\n".join(ask),)
    if on == "doctor":
        return ("\n".join(ans),)
    return "\n".join(ask), "\n".join(ans)


def doc_text(turns: Sequence[dict | Turn], on: str) -> str:
    return "\n".join(x for x in doc_sides(turns, on) if x)


# ------------------------------------------------------------------ MinHash
_MAX32 = np.uint32(0xFFFFFFFF)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (datasketch's pre-mix for the affine32 scheme)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _fmix64(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def datasketch_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) parameters `datasketch.MinHash(num_perm, seed)` draws for its default scheme."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class MinHasher:
    """Vectorised MinHash: `signatures(list of shingle lists)` -> (N, num_perm) uint32, equal
    to datasketch's `MinHash(num_perm, seed).update_batch(shingle bytes).hashvalues`.

    The permutations run as one (num_perm x shingles) array per chunk, reduced per document
    with `np.minimum.reduceat`."""

    CHUNK = 8192  # shingles per permutation block (128 x 8192 x 4 B = 4 MiB)

    def __init__(self, num_perm: int = 128, seed: int = 1):
        self.num_perm, self.seed = num_perm, seed
        self.a, self.b = datasketch_permutations(num_perm, seed)

    @staticmethod
    def _hashes(items: list[str]) -> np.ndarray:
        """sha1_hash32 of every shingle (a plain loop beats caching: a dict lookup in a large
        cache costs about as much as sha1 of a short string)."""
        sha1 = hashlib.sha1
        digests = b"".join([sha1(s.encode()).digest()[:4] for s in items])
        return np.frombuffer(digests, dtype="<u4").astype(np.uint32)

    def signatures(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        n = len(docs)
        sig = np.full((n, self.num_perm), _MAX32, dtype=np.uint32)
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=n)
        nonempty = np.flatnonzero(lengths)
        if not len(nonempty):
            return sig
        flat: list[str] = []
        for i in nonempty:
            flat.extend(docs[i])
        hv = _fmix32(self._hashes(flat))
        ends = np.cumsum(lengths[nonempty])
        starts = ends - lengths[nonempty]
        a, b = self.a, self.b
        # documents grouped so that each block holds about CHUNK shingles
        i = 0
        while i < len(nonempty):
            j = int(np.searchsorted(ends, starts[i] + self.CHUNK, side="right"))
            j = max(j, i + 1)
            lo, hi = int(starts[i]), int(ends[j - 1])
            block = np.multiply.outer(a, hv[lo:hi])  # (num_perm, shingles): rows contiguous
            block += b[:, None]
            sig[nonempty[i:j]] = np.minimum.reduceat(block, starts[i:j] - lo, axis=1).T
            i = j
        return sig

    def signature(self, shingle_list: Sequence[str]) -> np.ndarray:
        return self.signatures([shingle_list])[0]


def band_hashes(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(N, bands) signed 64-bit hashes of each band's `rows` signature values."""
    n = sig.shape[0]
    out = np.empty((n, bands), dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    for band in range(bands):
        h = np.full(n, np.uint64(0xCBF29CE484222325) ^ np.uint64(band), dtype=np.uint64)
        for col in range(band * rows, (band + 1) * rows):
            h = (h ^ sig[:, col].astype(np.uint64)) * prime
        out[:, band] = _fmix64(h)
    return out.view(np.int64)


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard of row pairs (the share of equal signature values)."""
    return (sig_a == sig_b).mean(axis=-1)


# ------------------------------------------------------------------ parameters
_trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy < 2 names it trapz


@lru_cache(maxsize=64)
def optimal_param(threshold: float, num_perm: int, fp_weight: float = 0.5,
                  fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) minimising the weighted probabilities of false positives (pairs below
    the threshold that share a band) and false negatives (pairs above it that share none),
    as datasketch's `_optimal_param`; the integrals are done on a fine grid."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    grid = 4001
    s_lo = np.linspace(0.0, threshold, grid)
    s_hi = np.linspace(threshold, 1.0, grid)
    best, opt = math.inf, (1, 1)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _trapezoid(1 - (1 - s_lo ** r) ** b, s_lo)
            fn = _trapezoid((1 - s_hi ** r) ** b, s_hi)
            err = fp * fp_weight + fn * fn_weight
            if err < best:
                best, opt = err, (b, r)
    return opt


# ------------------------------------------------------------------ signatures of a batch
_hashers: dict[tuple[int, int], MinHasher] = {}


def _hasher(num_perm: int, seed: int) -> MinHasher:
    key = (num_perm, seed)
    if key not in _hashers:
        _hashers[key] = MinHasher(num_perm, seed)
    return _hashers[key]


# Jaccard estimates use the signatures' low 8 bits: two different values agree there with
# probability 1/256, which biases an estimate by at most +0.004 * (1 - J) and quarters memory.
VDTYPE = np.uint8


def sketch_batch(docs: Sequence[tuple[str, ...]], ngram: int, char_ngram: int, num_perm: int, seed: int,
                 bands: int, rows: int) -> tuple[np.ndarray, ...]:
    """Sketch a batch of documents, each a tuple of sides (asking, answering) or one text.

    Shingles never span two sides; a document's signature is the minimum of its sides'
    signatures, i.e. the MinHash of the union of their shingles. Returns (exact keys int64,
    empty flags, band hashes int64 (N, bands), the signature's low 8 bits (N, num_perm) for
    Jaccard estimates, the sides' signatures' low 8 bits (N, sides, num_perm)).
    A top-level function: it runs in worker processes."""
    k = len(docs[0]) if docs else 1
    segs = [shingles(side, ngram, char_ngram) for doc in docs for side in doc]
    n = len(docs)
    exact = np.fromiter(
        (xxhash.xxh3_64_intdigest("\x1e".join("\x1f".join(seg) for seg in segs[i * k:(i + 1) * k]).encode())
         for i in range(n)), dtype=np.uint64, count=n).view(np.int64)
    empty = np.fromiter((not any(segs[i * k:(i + 1) * k]) for i in range(n)), dtype=bool, count=n)
    side_sig = _hasher(num_perm, seed).signatures(segs).reshape(n, k, num_perm)
    sig = side_sig.min(axis=1) if k > 1 else side_sig[:, 0]
    return exact, empty, band_hashes(sig, bands, rows), sig.astype(VDTYPE), side_sig.astype(VDTYPE)


# ------------------------------------------------------------------ the stage
FP_WEIGHT, FN_WEIGHT = 0.05, 0.95
# Each side (question, answer) of a duplicate pair must reach this Jaccard too (or the
# threshold, if lower): two different questions answered by one template are no duplicates.
SIDE_MIN = 0.4


class DedupConfig(StageConfig):
    threshold: float = Field(0.8, gt=0.0, lt=1.0, description="Jaccard similarity above which two texts are duplicates.")
    num_perm: int = Field(128, ge=8, le=1024, description="MinHash permutations.")
    ngram: int = Field(3, ge=1, le=32, description="Word n-gram size (non-CJK text).")
    char_ngram: int = Field(3, ge=1, le=32, description="Character n-gram size (mostly-CJK text).")
    on: Literal["all", "patient", "doctor"] = Field("all", description="Which turns make the compared text.")
    keep: Literal["longest", "first"] = Field("longest", description="Which record of a cluster is kept.")
    bands: Optional[int] = Field(None, ge=1, description="LSH bands (default: derived from the threshold).")
    rows: Optional[int] = Field(None, ge=1, description="Rows per band (default: derived from the threshold).")
    seed: int = 1

    @model_validator(mode="after")
    def _check_bands(self) -> "DedupConfig":
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give both bands and rows, or neither")
        if self.bands is not None and self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands x rows ({self.bands} x {self.rows}) exceeds num_perm ({self.num_perm})")
        return self

    def lsh_params(self) -> tuple[int, int]:
        """Bands x rows minimising false positives plus false negatives around the threshold,
        false negatives weighted 19:1: every candidate pair is verified on its signatures, so
        a false positive costs one comparison while a false negative is a missed duplicate."""
        if self.bands is not None:
            return self.bands, self.rows
        return optimal_param(self.threshold, self.num_perm, FP_WEIGHT, FN_WEIGHT)


_DDL = """
CREATE TABLE IF NOT EXISTS dedup_params (pk INTEGER, fingerprint VARCHAR, config VARCHAR,
    bands INTEGER, rows_per_band INTEGER, created_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS dedup_clusters (pk INTEGER, n BIGINT, id VARCHAR, version BIGINT,
    exact BIGINT, length BIGINT, status VARCHAR, cluster VARCHAR, rep_n BIGINT, jaccard DOUBLE,
    run_id BIGINT);
CREATE TABLE IF NOT EXISTS dedup_bands (pk INTEGER, band SMALLINT, bhash BIGINT, n BIGINT);
"""

KEPT, EXACT, NEAR, EMPTY = "kept", "exact", "near", "empty"


def ensure_tables(ws: Any) -> None:
    ws.exec(_DDL)


def param_key(ws: Any, fingerprint: str, create: dict | None = None) -> int | None:
    """The integer key of a fingerprint's index (created when `create` holds its config)."""
    row = ws.one("SELECT pk FROM dedup_params WHERE fingerprint = ?", [fingerprint])
    if row or create is None:
        return row[0] if row else None
    pk = ws.one("SELECT coalesce(max(pk), 0) + 1 FROM dedup_params")[0]
    ws.exec("INSERT INTO dedup_params (pk, fingerprint, config, bands, rows_per_band) VALUES (?,?,?,?,?)",
            [pk, fingerprint, orjson.dumps(create["config"]).decode(), create["bands"], create["rows"]])
    return pk


def input_sql(ws: Any, stage: str = "dedup") -> str:
    """SQL of the rows the stage reads (the layer before it in the chain), status ok."""
    pos = ws.one("SELECT position FROM chain WHERE stage = ?", [stage])[0]
    ctes, k = ws.layer_ctes(pos - 1)
    return f"{ctes} SELECT * FROM L{k} WHERE status = 'ok'"


class _Nodes:
    """Columns of the records this run decides (pending first, then re-opened ones)."""

    COLS = ("version", "length", "exact", "empty", "bands", "vsig", "side")

    def __init__(self, capacity: int, num_perm: int, bands: int, sides: int):
        self.ids: list[str] = []
        self.version = np.zeros(capacity, np.int64)
        self.length = np.zeros(capacity, np.int64)
        self.exact = np.zeros(capacity, np.int64)
        self.empty = np.zeros(capacity, bool)
        self.bands = np.zeros((capacity, bands), np.int64)
        self.vsig = np.zeros((capacity, num_perm), VDTYPE)
        self.side = np.zeros((capacity, sides, num_perm), VDTYPE)
        self.size = 0

    def add(self, ids: list[str], versions: Sequence[int], lengths: Sequence[int], result: tuple) -> None:
        i, j = self.size, self.size + len(ids)
        if j > len(self.version):
            grow = max(j, 2 * len(self.version))
            for name in self.COLS:
                old = getattr(self, name)
                new = np.zeros((grow,) + old.shape[1:], old.dtype)
                new[:i] = old[:i]
                setattr(self, name, new)
        self.ids.extend(ids)
        self.version[i:j] = versions
        self.length[i:j] = lengths
        self.exact[i:j], self.empty[i:j], self.bands[i:j], self.vsig[i:j], self.side[i:j] = result
        self.size = j


class _Kept(Record):
    """A kept record written back as it was read: its turns stay the row's dicts (a record is
    copied unchanged, so rebuilding Turn models for a million rows would be wasted time)."""

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "lang": self.lang, "kind": self.kind,
                "turns": self.turns, "meta": self.meta}


@register_stage
class Dedup(Stage):
    """Exact and near duplicates (MinHash LSH); one record kept per cluster."""

    name = "dedup"
    version = "1"
    config_model = DedupConfig
    parallel = False  # a global stage: `run` drives its own process pool for signatures
    POOL_MIN = 4000  # fewer pending records than this: no process pool (starting one costs ~1 s)

    def __init__(self, config: DedupConfig | dict | None = None):
        super().__init__(config)
        self._extra: dict[str, Any] = {}

    def summary_extra(self) -> dict[str, Any]:
        return self._extra

    def process(self, batch: list[Record]) -> Iterable[Record | Rejected]:
        raise NotImplementedError("dedup is a global stage: run it with run_stage (it overrides run)")

    # -------------------------------------------------------------- signatures
    def _sketch_args(self) -> tuple:
        c = self.config
        b, r = c.lsh_params()
        return c.ngram, c.char_ngram, c.num_perm, c.seed, b, r

    def _texts(self, rows: list[dict]) -> list[tuple[str, ...]]:
        return [doc_sides(r["turns"], self.config.on) for r in rows]

    def _row_batches(self, rows: list[dict], size: int):
        """(ids, versions, lengths, sides) batches of workspace rows (re-opened records)."""
        for s in range(0, len(rows), size):
            part = rows[s:s + size]
            yield ([r["id"] for r in part], [r["version"] for r in part],
                   [sum(len(t["text"]) for t in r["turns"]) for r in part], self._texts(part))

    def _pending_batches(self, ctx: Any, size: int):
        """(ids, versions, lengths, sides) batches of the pending rows, in version order (the
        order of `ctx.pending_rows`); DuckDB extracts the compared texts, so only they travel."""
        def side(roles: tuple[str, ...]) -> str:
            return (f"array_to_string(list_transform(list_filter(turns, lambda t: t.role IN "
                    f"({', '.join(repr(r) for r in roles)})), lambda t: t.text), chr(10))")
        sides = {"all": [side(ASKING), side(ANSWERING)], "patient": [side(ASKING)], "doctor": [side(ANSWERING)]}
        cols = ", ".join(f"{expr} AS s{i}" for i, expr in enumerate(sides[self.config.on]))
        limit = f" LIMIT {int(ctx.limit)}" if ctx.limit else ""
        ws = ctx.ws
        # materialised and read page by page: no DuckDB result stays open while workers run
        ws.exec(f"CREATE OR REPLACE TEMP TABLE _dd_texts AS SELECT row_number() OVER (ORDER BY version) AS rn, "
                f"id, version, coalesce(list_sum(list_transform(turns, lambda t: length(t.text))), 0) AS length, "
                f"{cols} FROM ({ws.pending_sql(self.name, ctx.fingerprint)}) ORDER BY version{limit}")
        try:
            total = ws.one("SELECT count(*) FROM _dd_texts")[0]
            for start in range(0, total, size):
                b = ws.con.sql(f"SELECT * FROM _dd_texts WHERE rn > {start} AND rn <= {start + size} "
                               "ORDER BY rn").to_arrow_table()
                texts = [b.column(f"s{i}").to_pylist() for i in range(len(sides[self.config.on]))]
                yield (b.column("id").to_pylist(), b.column("version").to_pylist(), b.column("length").to_pylist(),
                       list(zip(*texts)))
        finally:
            ws.exec("DROP TABLE IF EXISTS _dd_texts")

    def _sketch_stream(self, batches: Iterable[tuple], workers: int, total: int):
        """Yield (batch, sketch result) in order; a process pool when workers > 1."""
        args = self._sketch_args()
        if workers <= 1 or total < self.POOL_MIN:
            for b in batches:
                yield b, sketch_batch(b[3], *args)
            return
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn")) as pool:
            inflight: list = []
            for b in batches:
                inflight.append((b, pool.submit(sketch_batch, b[3], *args)))
                if len(inflight) > workers * 2:
                    b0, fut = inflight.pop(0)
                    yield b0, fut.result()
            for b0, fut in inflight:
                yield b0, fut.result()

    # -------------------------------------------------------------- the run
    def run(self, ctx: Any) -> None:
        ws, cfg = ctx.ws, self.config
        n_bands, n_rows = cfg.lsh_params()
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        ensure_tables(ws)
        pk = param_key(ws, ctx.fingerprint, {"config": cfg.model_dump(mode="json"), "bands": n_bands, "rows": n_rows})
        self._extra = {"bands": n_bands, "rows": n_rows, "threshold": cfg.threshold, "num_perm": cfg.num_perm}

        # 1. signatures of every pending record
        nodes = _Nodes(ctx.n_pending, cfg.num_perm, n_bands, 2 if cfg.on == "all" else 1)
        batch = min(ctx.batch_size, 2000)
        with progress_bar("dedup: signatures", total=ctx.n_pending) as advance:
            for b, result in self._sketch_stream(self._pending_batches(ctx, batch), ctx.workers, ctx.n_pending):
                nodes.add(b[0], b[1], b[2], result)
                advance(len(b[0]))
        n_pending = nodes.size
        timings["signatures"] = time.perf_counter() - t0
        if n_pending == 0:
            self._extra.update(exact_removed=0, near_removed=0, clusters=0, reopened=0)
            return

        # 2. stale index entries leave; duplicates of a stale representative are re-opened
        t1 = time.perf_counter()
        inp = input_sql(ws, self.name)
        has_index = ws.one("SELECT count(*) FROM dedup_clusters WHERE pk = ?", [pk])[0] > 0
        reopened: list[dict] = []
        ws.con.register("_dd_pending_arrow", _arrow_ids(nodes.ids))
        try:
            ws.exec("CREATE OR REPLACE TEMP TABLE _dd_pending AS SELECT id FROM _dd_pending_arrow")
        finally:
            ws.con.unregister("_dd_pending_arrow")
        if has_index:
            ws.exec(f"""CREATE OR REPLACE TEMP TABLE _dd_stale AS
                SELECT m.n, m.id, m.status FROM dedup_clusters m WHERE m.pk = {pk} AND (
                    m.id IN (SELECT id FROM _dd_pending)
                    OR NOT EXISTS (SELECT 1 FROM ({inp}) p WHERE p.id = m.id AND p.version = m.version))""")
            ws.exec(f"""CREATE OR REPLACE TEMP TABLE _dd_reopen AS
                SELECT m.n, m.id, m.status FROM dedup_clusters m WHERE m.pk = {pk}
                AND m.status IN ('{EXACT}', '{NEAR}') AND m.rep_n IN (SELECT n FROM _dd_stale)
                AND m.n NOT IN (SELECT n FROM _dd_stale)""")
            reopened = ws.fetch_rows(f"SELECT * FROM ({inp}) p WHERE p.id IN (SELECT id FROM _dd_reopen) "
                                     "ORDER BY p.version")
            for b in self._row_batches(reopened, batch):
                nodes.add(b[0], b[1], b[2], sketch_batch(b[3], *self._sketch_args()))
            ws.exec("INSERT INTO _dd_stale SELECT * FROM _dd_reopen")
            ws.exec("DROP TABLE _dd_reopen")
        else:
            ws.exec("CREATE OR REPLACE TEMP TABLE _dd_stale (n BIGINT, id VARCHAR, status VARCHAR)")
        m = nodes.size
        base = ws.one(f"SELECT coalesce(max(n), 0) + 1 FROM dedup_clusters WHERE pk = {pk}")[0]
        node_n = base + np.arange(m, dtype=np.int64)

        # 3. candidate pairs from the band table, verified, then connected components
        import pyarrow as pa

        live = np.flatnonzero(~nodes.empty[:m])
        band_table = pa.table({
            "band": pa.array(np.repeat(np.arange(n_bands, dtype=np.int16)[None, :], len(live), 0).ravel()),
            "bhash": pa.array(nodes.bands[live].ravel()),
            "n": pa.array(np.repeat(node_n[live], n_bands))})
        ws.con.register("_dd_newbands_arrow", band_table)
        try:
            ws.exec("CREATE OR REPLACE TEMP TABLE _dd_newbands AS SELECT * FROM _dd_newbands_arrow")
        finally:
            ws.con.unregister("_dd_newbands_arrow")
        old_join = ""
        if has_index:
            old_join = f"""UNION SELECT nb.n AS u, o.root AS v FROM _dd_newbands nb JOIN (
                    SELECT b.band, b.bhash, min(b.n) AS root FROM dedup_bands b
                    WHERE b.pk = {pk} AND b.n NOT IN (SELECT n FROM _dd_stale)
                      AND EXISTS (SELECT 1 FROM _dd_newbands x WHERE x.band = b.band AND x.bhash = b.bhash)
                    GROUP BY ALL) o ON nb.band = o.band AND nb.bhash = o.bhash"""
        edges = ws.con.sql(f"""
            SELECT DISTINCT u, v FROM (
                SELECT nb.n AS u, r.root AS v FROM _dd_newbands nb JOIN (
                    SELECT band, bhash, min(n) AS root FROM _dd_newbands GROUP BY ALL HAVING count(*) > 1) r
                    ON nb.band = r.band AND nb.bhash = r.bhash WHERE nb.n <> r.root
                {old_join})""").to_arrow_table()
        eu = edges.column("u").to_numpy().astype(np.int64) if edges.num_rows else np.zeros(0, np.int64)
        ev = edges.column("v").to_numpy().astype(np.int64) if edges.num_rows else np.zeros(0, np.int64)
        timings["candidates"] = time.perf_counter() - t1

        # old records touched by an edge, and their representatives: signatures recomputed
        old = _OldNodes.load(ws, pk, inp, np.unique(ev[ev < base]), self) if has_index else _OldNodes.empty(cfg)
        decisions = resolve(nodes, node_n, base, eu, ev, old, cfg)
        timings["resolve"] = time.perf_counter() - t1 - timings["candidates"]

        # 4. the index: stale entries out, this run's decisions in (one transaction)
        status, rep, jac = decisions
        is_new_rep = rep >= 0
        old_k = np.where(is_new_rep, 0, -rep - 1)
        rep_n = np.where(is_new_rep, node_n[np.where(is_new_rep, rep, 0)], old.n[old_k] if len(old.n) else 0)
        cluster_ids = [nodes.ids[r_] if r_ >= 0 else old.ids[-r_ - 1] for r_ in rep.tolist()]
        members = pa.table({
            "pk": pa.array(np.full(m, pk, np.int32)), "n": pa.array(node_n),
            "id": pa.array(nodes.ids[:m]), "version": pa.array(nodes.version[:m]),
            "exact": pa.array(nodes.exact[:m]), "length": pa.array(nodes.length[:m]),
            "status": pa.array(status), "cluster": pa.array(cluster_ids), "rep_n": pa.array(rep_n),
            "jaccard": pa.array(jac, mask=np.isnan(jac)), "run_id": pa.array(np.full(m, ctx.run_id, np.int64))})
        with ws.transaction():
            if has_index:
                ws.exec(f"DELETE FROM dedup_bands WHERE pk = {pk} AND n IN (SELECT n FROM _dd_stale)")
                ws.exec(f"DELETE FROM dedup_clusters WHERE pk = {pk} AND n IN (SELECT n FROM _dd_stale)")
            ws.con.register("_dd_members", members)
            try:
                ws.exec("INSERT INTO dedup_clusters SELECT * FROM _dd_members")
            finally:
                ws.con.unregister("_dd_members")
            ws.exec(f"INSERT INTO dedup_bands SELECT {pk}, band, bhash, n FROM _dd_newbands")
        for t in ("_dd_newbands", "_dd_stale", "_dd_pending"):
            ws.exec(f"DROP TABLE IF EXISTS {t}")
        del band_table, edges

        # 5. outputs: a Record for each kept one, a Rejected for each duplicate
        t3 = time.perf_counter()
        with progress_bar("dedup: write", total=m) as advance:
            pos = 0
            for rows in ctx.pending_rows(batch):
                ctx.write([self._output(row, pos + k, nodes, status, cluster_ids, jac)
                           for k, row in enumerate(rows)])
                pos += len(rows)
                advance(len(rows))
            for start in range(0, len(reopened), batch):
                rows = reopened[start:start + batch]
                ctx.write([self._output(row, pos + k, nodes, status, cluster_ids, jac)
                           for k, row in enumerate(rows)])
                pos += len(rows)
                advance(len(rows))
        timings["write"] = time.perf_counter() - t3
        counts = {s: int((status == s).sum()) for s in (KEPT, EXACT, NEAR, EMPTY)}
        self._extra.update(
            exact_removed=counts[EXACT], near_removed=counts[NEAR], kept=counts[KEPT], empty_text=counts[EMPTY],
            clusters=len({cluster_ids[i] for i in range(m) if status[i] in (EXACT, NEAR)}),
            reopened=len(reopened), candidate_pairs=int(len(eu)),
            seconds={k: round(v, 2) for k, v in timings.items()})

    def _output(self, row: dict, i: int, nodes: _Nodes, status, cluster_ids, jac):
        if nodes.ids[i] != row["id"]:
            raise RuntimeError(f"dedup: pending rows changed order during the run ({row['id']} != {nodes.ids[i]})")
        st, cid = status[i], cluster_ids[i]
        if st in (KEPT, EMPTY):
            info = {"cluster": cid} if st == KEPT else {"cluster": cid, "empty_text": True}
            return row, _Kept.model_construct(id=row["id"], source=row["source"], lang=row["lang"], kind=row["kind"],
                                              turns=row["turns"], meta={**(row.get("meta") or {}), "dedup": info})
        j = float(jac[i])
        reason = (f"exact duplicate of {cid}" if st == EXACT
                  else f"near duplicate of {cid} (jaccard≈{j:.2f})")
        text = doc_text(row["turns"], self.config.on)
        return row, Rejected.model_construct(record_id=row["id"], reason=reason, snippet=text[:200], file=None, line=None,
                                             detail={"cluster": cid, "kept": cid, "kind": st, "jaccard": round(j, 3)})


# ------------------------------------------------------------------ resolution
def _in_list(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values) or "NULL"


def _arrow_ids(ids: list[str]):
    import pyarrow as pa

    return pa.table({"id": pa.array(ids, pa.string())})


class _OldNodes:
    """Index entries from earlier runs that this run's records matched, plus their kept
    representatives, with signatures recomputed from their (unchanged) input rows."""

    def __init__(self, n, ids, exact, rep_k, vsig, side):
        self.n, self.ids, self.exact, self.rep_k, self.vsig, self.side = n, ids, exact, rep_k, vsig, side

    @classmethod
    def empty(cls, cfg: DedupConfig) -> "_OldNodes":
        sides = 2 if cfg.on == "all" else 1
        return cls(np.zeros(0, np.int64), [], np.zeros(0, np.int64), np.zeros(0, np.int64),
                   np.zeros((0, cfg.num_perm), VDTYPE), np.zeros((0, sides, cfg.num_perm), VDTYPE))

    @classmethod
    def load(cls, ws: Any, pk: int, inp: str, touched: np.ndarray, stage: "Dedup") -> "_OldNodes":
        if not len(touched):
            return cls.empty(stage.config)
        import pyarrow as pa

        ws.con.register("_dd_touched", pa.table({"n": pa.array(touched.astype(np.int64))}))
        try:
            rows = ws.fetch_rows(f"""
                WITH t AS (SELECT n FROM _dd_touched UNION SELECT m.rep_n FROM dedup_clusters m
                           WHERE m.pk = {pk} AND m.n IN (SELECT n FROM _dd_touched))
                SELECT m.n, m.id, m.exact, m.rep_n, p.turns FROM dedup_clusters m
                JOIN ({inp}) p ON p.id = m.id AND p.version = m.version
                WHERE m.pk = {pk} AND m.n IN (SELECT n FROM t) ORDER BY m.n""")
        finally:
            ws.con.unregister("_dd_touched")
        n = np.array([r["n"] for r in rows], np.int64)
        rep_n = np.array([r["rep_n"] for r in rows], np.int64)
        rep_k = np.searchsorted(n, rep_n)
        if len(n) and ((rep_k >= len(n)) | (n[np.minimum(rep_k, len(n) - 1)] != rep_n)).any():
            raise RuntimeError("dedup index is inconsistent: a kept representative is missing; "
                               "re-run with another threshold or delete the dedup_* tables")
        _, _, _, vsig, side = sketch_batch(stage._texts(rows), *stage._sketch_args())
        return cls(n, [r["id"] for r in rows], np.array([r["exact"] for r in rows], np.int64), rep_k, vsig, side)


def verify_floor(threshold: float, num_perm: int) -> float:
    """Candidate pairs whose estimated Jaccard is more than two standard errors below the
    threshold are dropped (the estimate's error is sqrt(J(1-J)/num_perm))."""
    return threshold - 2.0 * math.sqrt(threshold * (1.0 - threshold) / num_perm)


def resolve(nodes: _Nodes, node_n: np.ndarray, base: int, eu: np.ndarray, ev: np.ndarray,
            old: _OldNodes, cfg: DedupConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Decide every node of this run: (status, representative, estimated Jaccard to it).
    A representative >= 0 is a node of this run, -k-1 is old entry k."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    m, k_old = nodes.size, len(old.n)
    status = np.full(m, KEPT, dtype=object)
    status[nodes.empty[:m]] = EMPTY
    rep = np.arange(m, dtype=np.int64)
    jac = np.full(m, np.nan)
    if not len(eu):
        return status, rep, jac

    # verified edges (u is always a node of this run; v of this run or old)
    v_new = ev >= base
    pos = np.minimum(np.searchsorted(old.n, ev), max(k_old - 1, 0))
    found = v_new | ((k_old > 0) & (old.n[pos] == ev) if k_old else False)
    eu, ev, v_new, pos = eu[found], ev[found], v_new[found], pos[found]  # (an old entry always loads)
    lu = eu - base
    lv = np.where(v_new, ev - base, m + pos)
    est = np.empty(len(eu))
    side_ok = np.ones(len(eu), bool)
    side_floor = min(SIDE_MIN, cfg.threshold)
    for s in range(0, len(eu), 65536):
        sl = slice(s, s + 65536)
        vn, vi, ui = v_new[sl], lv[sl], lu[sl]
        for own, other, out in ((nodes.vsig, old.vsig, "all"), (nodes.side, old.side, "side")):
            b = np.empty((len(ui),) + own.shape[1:], own.dtype)
            b[vn] = own[vi[vn]]
            b[~vn] = other[vi[~vn] - m]
            if out == "all":
                est[sl] = jaccard(own[ui], b)
            else:  # every side must be similar too: a shared template answer alone is no duplicate
                side_ok[sl] = (jaccard(own[ui], b) >= side_floor).all(axis=-1)
    ok = (est >= verify_floor(cfg.threshold, cfg.num_perm)) & side_ok
    lu, lv, est, v_new = lu[ok], lv[ok], est[ok], v_new[ok]
    if not len(lu):
        return status, rep, jac
    size = m + k_old
    graph = coo_matrix((np.ones(len(lu), np.int8), (lu, lv)), shape=(size, size)).tocsr()
    _, comp = connected_components(graph, directed=False)
    comp_new = comp[:m]
    has_old = np.zeros(comp.max() + 1, bool)
    has_old[comp[m:]] = True
    live = ~nodes.empty[:m]

    # clusters of new records only: the policy picks the kept one
    sel = np.flatnonzero(live & ~has_old[comp_new])
    if len(sel):
        c = comp_new[sel]
        version = nodes.version[sel]
        order = (np.lexsort((version, -nodes.length[sel], c)) if cfg.keep == "longest"
                 else np.lexsort((version, c)))
        sc = c[order]
        first = np.r_[True, sc[1:] != sc[:-1]]
        rep_of = np.full(len(has_old), -1, np.int64)
        rep_of[sc[first]] = sel[order][first]
        rep[sel] = rep_of[c]

    # clusters touching earlier runs' records: their kept record stays, the new ones go
    sel = np.flatnonzero(live & has_old[comp_new])
    if len(sel):
        # the primary old cluster of each component: its representative with the lowest n
        comp_old = comp[m:]
        rep_nk = old.n[old.rep_k]
        order = np.lexsort((rep_nk, comp_old))
        sc = comp_old[order]
        first = np.r_[True, sc[1:] != sc[:-1]]
        primary = np.full(len(has_old), -1, np.int64)
        primary[sc[first]] = old.rep_k[order][first]
        target = primary[comp_new[sel]]
        # a record matching old entries directly joins the cluster of its most similar one
        to_old = ~v_new
        if to_old.any():
            ou, ok_, oe = lu[to_old], lv[to_old] - m, est[to_old]
            order = np.lexsort((-oe, ou))
            su = ou[order]
            first = np.r_[True, su[1:] != su[:-1]]
            best = np.full(m, -1, np.int64)
            best[su[first]] = old.rep_k[ok_[order][first]]
            direct = best[sel]
            target = np.where(direct >= 0, direct, target)
        rep[sel] = -target - 1

    # status and estimated Jaccard against the kept record
    dup = np.flatnonzero(live & (rep != np.arange(m)))
    if len(dup):
        r = rep[dup]
        new_r = r >= 0
        rsig = np.empty((len(dup), nodes.vsig.shape[1]), VDTYPE)
        rsig[new_r] = nodes.vsig[r[new_r]]
        rsig[~new_r] = old.vsig[-r[~new_r] - 1]
        jac[dup] = jaccard(nodes.vsig[dup], rsig)
        rexact = np.where(new_r, nodes.exact[np.where(new_r, r, 0)],
                          old.exact[np.where(new_r, 0, -r - 1)] if k_old else 0)
        status[dup] = np.where(nodes.exact[dup] == rexact, EXACT, NEAR)
    return status, rep, jac


# ------------------------------------------------------------------ inspection
def _current_pk(ws: Any) -> tuple[int, dict]:
    tables = {r[0] for r in ws.exec("SELECT table_name FROM duckdb_tables() WHERE table_name = 'dedup_params'")}
    row = ws.one("SELECT fingerprint FROM chain WHERE stage = 'dedup'") if tables else None
    if not row:
        raise LookupError("dedup has not run in this workspace")
    prm = ws.one("SELECT pk, config, bands, rows_per_band FROM dedup_params WHERE fingerprint = ?", [row[0]])
    if not prm:
        raise LookupError("dedup has not run with its current settings yet")
    return prm[0], {**orjson.loads(prm[1]), "bands": prm[2], "rows": prm[3]}


def show_cluster(ws: Any, key: str) -> dict[str, Any]:
    """The members of a cluster (by cluster id, or the cluster of a record id) under the
    workspace's current dedup settings: the kept record first, then its duplicates."""
    pk, cfg = _current_pk(ws)
    row = ws.one(f"SELECT cluster FROM dedup_clusters WHERE pk = {pk} AND (cluster = ? OR id = ?) LIMIT 1",
                 [key, key])
    if not row:
        raise LookupError(f"no cluster or record {key!r} in the dedup index")
    cluster = row[0]
    members = ws.fetch_rows(f"""
        SELECT m.id, m.status, m.jaccard, m.length, m.version, r.turns FROM dedup_clusters m
        LEFT JOIN records r ON r.version = m.version
        WHERE m.pk = {pk} AND m.cluster = ?
        ORDER BY m.status <> '{KEPT}', m.jaccard DESC NULLS FIRST, m.n""", [cluster])
    for m in members:
        m["text"] = doc_text(m.pop("turns") or [], cfg.get("on", "all"))
    return {"cluster": cluster, "threshold": cfg.get("threshold"), "bands": cfg["bands"], "rows": cfg["rows"],
            "members": members}


def status_section(ws: Any) -> dict[str, Any] | None:
    """`medcorpus status`: clusters and removed duplicates under the current settings."""
    try:
        pk, cfg = _current_pk(ws)
    except LookupError:
        return None
    counts = dict(ws.exec(f"SELECT status, count(*) FROM dedup_clusters WHERE pk = {pk} GROUP BY 1"))
    clusters = ws.one(f"SELECT count(DISTINCT cluster) FROM dedup_clusters WHERE pk = {pk} "
                      f"AND status IN ('{EXACT}', '{NEAR}')")[0]
    return {"threshold": cfg.get("threshold"), "bands": cfg["bands"], "rows": cfg["rows"],
            "indexed": sum(counts.values()), "clusters_with_duplicates": clusters,
            "exact_removed": counts.get(EXACT, 0), "near_removed": counts.get(NEAR, 0)}
