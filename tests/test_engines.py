"""The engine interface: process_rows, the local engine in-process and in a spawn pool, get_engine."""
import pickle

import pytest

from medcorpus.pipeline.engines import get_engine
from medcorpus.pipeline.outcome import Outcome, process_rows
from medcorpus.pipeline.stage import Stage
from medcorpus.schemas import Record, Rejected, Turn
from tests.pipeline_stages import Tag


def rows(n):
    out = []
    for i in range(n):
        r = Record.new("t", [Turn(role="patient", text=f"q{i}"), Turn(role="doctor", text=f"a{i} REJECTME" if i % 3 == 0 else f"a{i}")]).to_row()
        out.append({**r, "version": i + 1})
    return out


class Counting(Stage):
    name = "test_counting"

    def process(self, batch):
        return Outcome(items=list(batch), side_rows={"t": [{"record_id": r.id} for r in batch]},
                       counters={"seen": len(batch)})


def test_process_rows_takes_iterables_and_outcomes():
    out = process_rows(Tag(), rows(3))
    assert isinstance(out, Outcome) and len(out.items) == 3
    assert isinstance(out.items[0], Rejected) and out.items[1].turns[1].text.endswith("[checked]")
    out = process_rows(Counting(), rows(2))
    assert out.counters == {"seen": 2} and len(out.side_rows["t"]) == 2
    assert pickle.loads(pickle.dumps(out)).items[0].id == out.items[0].id


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_same_outcomes_in_process_and_in_a_pool(workers, tmp_path):
    data = rows(10)
    batches = [data[i:i + 4] for i in range(0, 10, 4)]
    engine = get_engine("local")
    got = list(engine.map_batches(Tag, Tag.config_model(), iter(batches), workers=workers, scratch=tmp_path))
    assert [r["id"] for rs, _ in got for r in rs] == [r["id"] for r in data]
    want = [process_rows(Tag(), b) for b in batches]
    assert [[o.model_dump() for o in out.items] for _, out in got] == [[o.model_dump() for o in w.items] for w in want]
    assert engine.describe()["workers"] == workers
    engine.close()


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        get_engine("spark")
