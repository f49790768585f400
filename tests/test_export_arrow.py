"""Export's column-wise path for two-turn records gives what the per-record path gives."""
import pyarrow as pa
import pytest

from medcorpus.export.arrow_shapes import Pairs
from medcorpus.export.card import PartStats
from medcorpus.export.turns import normalise_turns
from medcorpus.schemas import SHAPES
from medcorpus.stages.export import EXTRA_COLUMNS, SHAPE_SCHEMAS, _shape

TURNS = [
    [("patient", "I have a fever."), ("doctor", "Drink water.")],
    [("user", "头痛怎么办？"), ("assistant", "多休息。")],
    [("patient", "   "), ("doctor", "An answer to nothing.")],  # empty question: rejected
    [("doctor", "Hello."), ("patient", "Pain?")],  # wrong order: rejected
    [("system", "Be kind."), ("patient", "Q"), ("doctor", "A")],
    [("patient", "Q1"), ("patient", "Q2"), ("doctor", "A"), ("patient", "trailing")],
    [("patient", "Q"), ("doctor", "\u3000")],  # whitespace-only answer (not ASCII)
    [("patient", "x"), ("doctor", "9")],
    [("system", "Be brief."), ("user", "Dose?"), ("assistant", "5 mg.")],
    [("system", " "), ("patient", "Q"), ("doctor", "A")],  # empty system turn: dropped (a fix)
    [("patient", "Q"), ("system", "late system"), ("doctor", "A")],
]


def batch():
    rows = [{"id": f"r{i}", "source": "s", "lang": None if i == 1 else "en", "kind": "consultation",
             "turns": [{"role": r, "text": t} for r, t in turns]} for i, turns in enumerate(TURNS)]
    return pa.RecordBatch.from_pylist(rows, schema=pa.schema(
        [("id", pa.string()), ("source", pa.string()), ("lang", pa.string()), ("kind", pa.string()),
         ("turns", pa.list_(pa.struct([("role", pa.string()), ("text", pa.string())])))]))


@pytest.mark.parametrize("fmt", list(SHAPES))
def test_column_wise_shapes_equal_the_per_record_path(fmt):
    b = batch()
    assert Pairs(b.column("turns")).rows.tolist() == [0, 1, 4, 7, 8]  # the rows shaped column-wise
    stats = PartStats()
    got = _shape(b, fmt, "\n", stats)
    want, want_stats = [], PartStats()
    for row in b.to_pylist():
        turns, fixes = normalise_turns(row["turns"])
        want_stats.fixes.update(fixes)
        if turns is None:
            want_stats.rejected.append(row["id"])
            continue
        want_stats.add(row, turns)
        want.append({**SHAPES[fmt](turns), **{k: row[k] for k, _ in EXTRA_COLUMNS}})
    assert got.schema == pa.schema(SHAPE_SCHEMAS[fmt] + EXTRA_COLUMNS)
    assert got.to_pylist() == want
    assert [r["id"] for r in want] == ["r0", "r1", "r4", "r5", "r7", "r8", "r9", "r10"]
    assert stats.__dict__ == want_stats.__dict__ and stats.rejected == ["r2", "r3", "r6"]
