"""The Ray engine: a stage's batches run on a Ray cluster through Ray Data; the committer stays here.

The pending batches are snapshotted to Parquet under `scratch` (one file per batch, named by its
version range, written to a temp name and renamed), read back with `ray.data.read_parquet` on the
driver's node (`local://`, so the workspace need not be on a shared filesystem) and sent through
`map_batches` with the stage as a stateful actor class: `setup` runs once per actor. Each actor
batch comes back to the driver as (input rows, Outcome), where the runner's one committer writes it
in its own transaction, exactly as with the local engine. A killed worker makes Ray restart the actor
and retry the batch; a run that still fails leaves every committed batch, and the re-run does the rest.

No `address` (and no RAY_ADDRESS) starts a throwaway local instance; "auto", "host:port" or
"ray://host:10001" joins a running cluster.
"""
from __future__ import annotations

import logging
import os
import pickle
import re
import shutil
import uuid
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import ray  # a missing Ray is reported by get_engine as "pip install 'medcorpus[ray]'"

from medcorpus.pipeline.outcome import Outcome, process_rows, start_stage

if TYPE_CHECKING:
    from medcorpus.pipeline.stage import Stage, StageConfig

JSON_SUFFIX = "__json"  # a snapshot column holding a dict column (meta) as JSON text
LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # a throwaway instance stays small (shared machines, CI)


class RayEngine:
    """Runs batches on Ray. Options (the pipeline file's `[engine]` table or CLI flags):
    `address` (None: a throwaway local instance; "auto", "host:port", "ray://host:10001"),
    `num_cpus` (CPUs each actor reserves, default 1), `concurrency` (actors per stage, default:
    the cluster's CPUs / num_cpus, never more than the batches), `batch_size` (records per actor
    call; default: the runner's batch size). Nothing starts until the first `map_batches`."""

    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: float | None = None, concurrency: int | None = None,
                 batch_size: int | None = None, object_store_memory: int | None = None, **unknown: Any):
        if unknown:
            raise TypeError(f"unknown ray engine option(s): {', '.join(sorted(unknown))} "
                            f"(options: address, num_cpus, concurrency, batch_size, object_store_memory)")
        self.address = address or None
        self.num_cpus = float(num_cpus) if num_cpus else 1.0
        self.concurrency = int(concurrency) if concurrency else None
        self.batch_size = int(batch_size) if batch_size else None
        self.object_store_memory = object_store_memory
        self._started_here = False  # we called ray.init, so close() calls ray.shutdown
        self._actors: dict[str, int] = {}  # stage name -> actors of its last run

    # -- cluster ---------------------------------------------------------------------------------
    def _connect(self, workers: int) -> None:
        if not ray.is_initialized():
            self._start(workers)
        configure_ray_data()

    def _start(self, workers: int) -> None:
        os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # a local instance refuses to start without it here
        address = self.address or os.environ.get("RAY_ADDRESS") or None
        quiet = dict(log_to_driver=False, logging_level=logging.WARNING)
        if address:
            ray.init(address=address, **({} if address.startswith("ray://") else quiet))
        else:  # a throwaway instance: --workers CPUs (all of them by default), no dashboard, small store
            cpus = workers if workers > 1 else (os.cpu_count() or 1)
            ray.init(num_cpus=cpus, object_store_memory=self.object_store_memory or LOCAL_OBJECT_STORE,
                     include_dashboard=False, **quiet)
        self._started_here = True

    def cluster_cpus(self) -> int:
        return int(ray.cluster_resources().get("CPU", 0)) if ray.is_initialized() else 0

    # -- the engine interface ----------------------------------------------------------------------
    def map_batches(self, stage_cls: type["Stage"], config: "StageConfig", batches: Iterable[list[dict]], *,
                    workers: int = 1, scratch: Path | None = None) -> Iterator[tuple[list[dict], Outcome]]:
        if scratch is None:
            raise ValueError("the ray engine needs a scratch folder in the workspace for its snapshots")
        self._connect(workers)
        folder = Path(scratch) / f"ray-{re.sub(r'[^A-Za-z0-9_]+', '-', stage_cls.name)}-{uuid.uuid4().hex[:8]}"
        try:
            files, batch_size = snapshot_batches(batches, folder, self.batch_size)
            if not files:
                return
            actors = self._actor_count(stage_cls, len(files))  # a file is a block is one actor call
            self._actors[stage_cls.name] = actors
            actor_cls = type(f"{StageActor.__name__}[{stage_cls.name}]", (StageActor,),
                             {"stage_cls": stage_cls, "config": config, "scratch": str(scratch)})
            plan = (actor_cls, batch_size, self.num_cpus, actors)
            if ray.util.client.ray.is_connected():
                # Ray Client (ray://): Ray Data cannot execute on a client driver (its executor needs
                # a core worker), so one task on the cluster runs the plan and returns the payloads
                tables = [pq.read_table(f) for f in files]
                payloads = ray.get(_run_plan_remote.remote(tables, *plan))
            else:
                payloads = _run_plan(read_snapshot(files), *plan)
            for payload in payloads:
                yield pickle.loads(payload)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _actor_count(self, stage_cls: type, n_batches: int) -> int:
        if not getattr(stage_cls, "parallel", True):  # a stage that must not run twice at once
            return 1
        wanted = self.concurrency or max(1, int(self.cluster_cpus() // self.num_cpus))
        return max(1, min(wanted, n_batches))

    def actors_for(self, n_batches: int, parallel: bool = True) -> int:
        """Actors a parallel stage of `n_batches` batches gets (starts the cluster connection)."""
        self._connect(1)
        return self._actor_count(type("_", (), {"parallel": parallel}), n_batches)

    def rate_limiter(self, rpm: int | None, tpm: int | None) -> "SharedRateLimiter | None":
        """One requests/tokens-per-minute window for every actor of a run (None: no limit)."""
        if not rpm and not tpm:
            return None
        self._connect(1)
        return SharedRateLimiter(rpm, tpm, name=f"medcorpus-llm-rate-limit-{uuid.uuid4().hex[:8]}")

    def describe(self) -> dict[str, Any]:
        info: dict[str, Any] = {"engine": self.name, "address": self.address or os.environ.get("RAY_ADDRESS") or "local"}
        if ray.is_initialized():
            info["cpus"] = self.cluster_cpus()
            info["nodes"] = sum(1 for n in ray.nodes() if n.get("Alive"))
        info["actors"] = dict(self._actors)
        return info

    def close(self) -> None:
        if self._started_here and ray.is_initialized():
            ray.shutdown()
        self._started_here = False


def _run_plan(ds: "ray.data.Dataset", actor_cls: type, batch_size: int, num_cpus: float,
              actors: int) -> Iterator[bytes]:
    """The stage's actors over the snapshot; each actor call's pickled (rows, Outcome), streamed."""
    ds = ds.map_batches(actor_cls, batch_size=batch_size, batch_format="pyarrow", num_cpus=num_cpus,
                        compute=ray.data.ActorPoolStrategy(size=actors))
    for block in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=2):
        yield from block.column("payload").to_pylist()


@ray.remote(num_cpus=0)
def _run_plan_remote(tables: list[pa.Table], *plan: Any) -> list[bytes]:
    """`_run_plan` as a task on the cluster, for a Ray Client driver (every payload at once)."""
    configure_ray_data()
    return list(_run_plan(ray.data.from_arrow(tables), *plan))


def configure_ray_data() -> None:
    """Ray Data settings for this driver (also when joining an instance someone else started)."""
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # the runner draws the one progress bar
    ctx.print_on_execution_start = False
    # Ray Data's v2 Parquet read lists files in a task that reserves a whole CPU, which never
    # starts while the actor pool holds every CPU (a deadlock); the v1 read honours num_cpus=0.
    ctx.use_datasource_v2 = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


class StageActor:
    """One per Ray actor: builds the stage and runs its `setup` once, then processes batches.
    `map_batches` gets a subclass named after the stage (`StageActor[scrub]`, which is what
    `ray list actors` and `ps` show), with the stage class, config and scratch folder bound."""

    stage_cls: type["Stage"]
    config: "StageConfig"
    scratch: str

    def __init__(self) -> None:
        self.stage = start_stage(self.stage_cls, self.config, Path(self.scratch))

    def __call__(self, table: pa.Table) -> pa.Table:
        rows = rows_from_snapshot(table)
        outcome = process_rows(self.stage, rows)
        return pa.table({"payload": pa.array([pickle.dumps((rows, outcome), protocol=5)], pa.large_binary())})

    def __del__(self) -> None:
        teardown = getattr(getattr(self, "stage", None), "teardown", None)
        if teardown is not None:
            teardown()


def snapshot_batches(batches: Iterable[list[dict]], folder: Path, size: int | None = None) -> tuple[list[Path], int]:
    """Write each batch (cut to `size` rows when given) to `folder/part-<n>-<first version>-<last
    version>.parquet` (temp name, then rename: a crash never leaves half a file). Returns the files
    and the largest batch size."""
    folder.mkdir(parents=True, exist_ok=True)
    files, largest = [], 0
    pieces = (batch[i:i + (size or len(batch))] for batch in batches for i in range(0, len(batch), size or len(batch) or 1))
    for i, rows in enumerate(pieces):
        if not rows:
            continue
        largest = max(largest, len(rows))
        first, last = rows[0].get("version", i), rows[-1].get("version", i)
        path = folder / f"part-{i:06d}-{first}-{last}.parquet"
        tmp = path.with_suffix(".tmp")
        pq.write_table(rows_to_snapshot(rows), tmp, compression="zstd")
        os.replace(tmp, path)
        files.append(path)
    return files, largest


def rows_to_snapshot(rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table; dict columns (meta) become JSON text, so they come back exactly."""
    dict_cols = {k for r in rows[:1] for k, v in r.items() if isinstance(v, dict)}
    dict_cols |= {k for r in rows for k, v in r.items() if k not in dict_cols and isinstance(v, dict)}
    if not dict_cols:
        return pa.Table.from_pylist(rows)
    return pa.Table.from_pylist([{(k + JSON_SUFFIX if k in dict_cols else k):
                                  (orjson.dumps(v).decode() if k in dict_cols and v is not None else v)
                                  for k, v in r.items()} for r in rows])


def rows_from_snapshot(table: pa.Table) -> list[dict]:
    rows = table.to_pylist()
    json_cols = [c for c in table.column_names if c.endswith(JSON_SUFFIX)]
    for r in rows:
        for c in json_cols:
            value = r.pop(c)
            r[c[: -len(JSON_SUFFIX)]] = orjson.loads(value) if value is not None else None
    return rows


def read_snapshot(files: list[Path]) -> "ray.data.Dataset":
    """The snapshot as a Dataset. `local://` makes Ray read the files on the driver's node (the
    workspace need not be on a shared filesystem). (A Ray Client driver is not a cluster node: it
    uploads the tables to a task instead, see `map_batches`.)"""
    with warnings.catch_warnings():  # local:// is deprecated after Ray 2.60 (pinned); see README
        warnings.simplefilter("ignore")
        # num_cpus=0: reading never waits for an actor's CPU; concurrency=2: without a CPU to bound
        # them, Ray would start a worker process per file at once
        return ray.data.read_parquet(["local://" + str(f.resolve()) for f in files], override_num_blocks=len(files),
                                     num_cpus=0, concurrency=2)


class SharedRateLimiter:
    """The LLM client's limiter (`async acquire(tokens)`) shared by every actor of a run: one named
    Ray actor holds the requests- and tokens-per-minute windows, so N actors together stay under
    the endpoint's RPM/TPM. Picklable: pass it to actors, each client awaits the same window."""

    def __init__(self, rpm: int | None, tpm: int | None, name: str = "medcorpus-llm-rate-limit"):
        self.rpm, self.tpm = rpm, tpm
        self.handle = ray.remote(num_cpus=0)(_RateWindow).options(name=name, get_if_exists=True).remote(rpm, tpm)

    async def acquire(self, tokens: int) -> None:
        if self.rpm or self.tpm:
            await self.handle.acquire.remote(tokens)

    def close(self) -> None:
        ray.kill(self.handle)


class _RateWindow:
    """The actor behind SharedRateLimiter: the project's one-process limiter, awaited by every caller."""

    def __init__(self, rpm: int | None, tpm: int | None):
        try:
            from medcorpus.llm.ratelimit import RateLimiter
        except ImportError:  # before the LLM driver's split, the limiter lived in the client module
            from medcorpus.llm.client import RateLimiter
        self.limiter = RateLimiter(rpm, tpm)

    async def acquire(self, tokens: int) -> None:
        await self.limiter.acquire(tokens)
