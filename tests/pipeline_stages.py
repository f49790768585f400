"""Stages used by the build tests (referenced from pipeline files as `tests.pipeline_stages:Name`)."""
import time

from typing import ClassVar

from medcorpus.pipeline.stage import Stage, StageConfig
from medcorpus.schemas import Rejected, Turn
from medcorpus.stages.boilerplate import Boilerplate, BoilerplateConfig, BoilerplateCounts
from medcorpus.stages.dedup import Dedup, DedupConfig


class TagConfig(StageConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("progress_file",)
    suffix: str = " [checked]"
    sleep_per_batch: float = 0.0
    reject_word: str = "REJECTME"
    progress_file: str = ""  # a line per processed batch, so a test can kill the build mid-stage


class Tag(Stage):
    """Appends a suffix to doctor turns; rejects records containing a word; can be slowed down."""

    name = "test_tag"
    config_model = TagConfig

    def process(self, batch):
        time.sleep(self.config.sleep_per_batch)
        if self.config.progress_file:
            with open(self.config.progress_file, "a") as fh:
                fh.write(f"{len(batch)}\n")
        for r in batch:
            if self.config.reject_word in r.text_of():
                yield Rejected(record_id=r.id, reason=f"contains {self.config.reject_word}")
                continue
            turns = [Turn(role=t.role, text=t.text + self.config.suffix if t.role == "doctor" else t.text)
                     for t in r.turns]
            yield r.model_copy(update={"turns": turns})


class Count(Stage):
    """Counts words into meta (a second stage, to check what a changed upstream setting touches)."""

    name = "test_count"

    def process(self, batch):
        for r in batch:
            yield r.model_copy(update={"meta": {**r.meta, "words": len(r.text_of().split())}})


def slowed(res, config):
    """A global stage's resolution whose write phase sleeps per batch and logs each batch it decides."""
    decide = res.decide
    if decide is not None:
        def slow(rows):
            time.sleep(config.sleep_per_batch)
            with open(config.progress_file, "a") as fh:
                fh.write(f"{len(rows)}\n")
            return decide(rows)
        res.decide = slow
    return res


class SlowDedupConfig(DedupConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("progress_file",)
    progress_file: str = ""
    sleep_per_batch: float = 0.0


class SlowDedup(Dedup):
    """dedup whose write phase is slowed down and reports each committed batch (crash tests)."""

    name = "test_slow_dedup"
    config_model = SlowDedupConfig

    def resolve(self, ctx, mapped):
        return slowed(super().resolve(ctx, mapped), self.config)


class SlowBoilerplateConfig(BoilerplateConfig):
    path_fields: ClassVar[tuple[str, ...]] = ("progress_file",)
    progress_file: str = ""
    sleep_per_batch: float = 0.0


class SlowBoilerplate(Boilerplate):
    """boilerplate whose write phase is slowed down and reports each batch it decides (crash tests)."""

    name = "test_slow_boilerplate"
    config_model = SlowBoilerplateConfig
    map_phase = type("SlowBoilerplateCounts", (BoilerplateCounts,), {"config_model": SlowBoilerplateConfig})

    def resolve(self, ctx, mapped):
        return slowed(super().resolve(ctx, mapped), self.config)
