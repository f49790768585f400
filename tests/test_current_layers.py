"""The committer's `current_layers` table: what the per-stage self-join finds, kept batch by batch."""
import pytest

from medcorpus.pipeline.current import KV_KEY, LAYERS
from medcorpus.pipeline.runner import run_stage
from tests.test_workspace_runner import Suffix, Upper, UpperConfig, add


def layers(ws):
    """The table's rows that name a stored version (rows of deleted records are ignored)."""
    return sorted(ws.exec(f"SELECT l.id, l.depth, l.version, l.input_version FROM {LAYERS} l "
                          "JOIN records r ON r.version = l.version"))


def assert_matches_self_join(ws):
    """The table equals a rebuild from the chain's self-join, and reads agree with the self-join."""
    kept = layers(ws)
    via_table = [sorted(ws.exec(ws.current_sql(include_removed=flag))) for flag in (False, True)]
    pending = {s: sorted(ws.exec(ws.pending_sql(s, fp))) for s, fp in ws.chain()[1:]}
    inputs = {s: sorted(ws.exec(ws.input_sql(s))) for s, _ in ws.chain()[1:]}
    saved = ws.get(KV_KEY)
    ws.set(KV_KEY, None)  # readers fall back to the self-join
    assert not ws.layers_ok()
    assert [sorted(ws.exec(ws.current_sql(include_removed=flag))) for flag in (False, True)] == via_table
    assert {s: sorted(ws.exec(ws.pending_sql(s, fp))) for s, fp in ws.chain()[1:]} == pending
    assert {s: sorted(ws.exec(ws.input_sql(s))) for s, _ in ws.chain()[1:]} == inputs
    ws.set(KV_KEY, saved)
    ws.rebuild_layers()
    assert layers(ws) == kept


def test_kept_batch_by_batch_through_changes_and_reruns(ws):
    add(ws, *[(f"q{i}", f"a{i}") for i in range(20)], ("buy spam", "x"))
    run_stage(ws, Upper(), batch_size=4)
    run_stage(ws, Suffix(), batch_size=4)
    assert ws.layers_ok()
    assert ws.one(f"SELECT count(*) FROM {LAYERS}")[0] == 21 + 21 + 20  # source, upper (1 removed), suffix
    assert_matches_self_join(ws)
    add(ws, ("late", "one"))  # a new source record: pending for both stages
    assert_matches_self_join(ws)
    run_stage(ws, Upper(UpperConfig(drop_word="q1")), batch_size=4)  # new fingerprint in the middle
    assert_matches_self_join(ws)
    assert len(ws.exec(ws.pending_sql("test_suffix", ws.chain_fingerprint("test_suffix")))) == 22 - 11
    run_stage(ws, Suffix(), batch_size=4)
    assert_matches_self_join(ws)
    # back to the first settings: their old rows hold again, only the late record is new to them
    assert run_stage(ws, Upper(), batch_size=4).n_in == 1
    assert run_stage(ws, Suffix(), batch_size=4).n_in == 1
    assert_matches_self_join(ws)


def test_a_failed_batch_leaves_it_consistent_and_a_rerun_finishes(ws, monkeypatch):
    add(ws, *[(f"q{i}", f"a{i}") for i in range(10)])
    calls = {"n": 0}
    advance = type(ws)._layers_advance

    def fail_third(self, new, position, **kw):
        advance(self, new, position, **kw)
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("killed after the layer update, before the commit")

    monkeypatch.setattr(type(ws), "_layers_advance", fail_third)
    with pytest.raises(OSError):
        run_stage(ws, Suffix(), batch_size=3)
    assert ws.one("SELECT count(*) FROM records WHERE stage = 'test_suffix'")[0] == 6
    assert_matches_self_join(ws)
    monkeypatch.undo()
    assert run_stage(ws, Suffix(), batch_size=3).n_in == 4
    assert_matches_self_join(ws)


def test_reads_use_the_table_not_a_join_per_stage(ws):
    add(ws, ("a", "b"), ("c", "d"))
    run_stage(ws, Upper())
    run_stage(ws, Suffix())
    fp = ws.chain_fingerprint("test_suffix")
    for sql in (ws.current_sql(), ws.pending_sql("test_suffix", fp), ws.input_sql("test_suffix")):
        assert LAYERS in sql and "L1 AS" not in sql
    # the table is what they read: forgetting a record's suffix layer makes it pending again
    vid = ws.one(f"SELECT version FROM {LAYERS} WHERE depth = 2 ORDER BY id LIMIT 1")[0]
    ws.exec(f"DELETE FROM {LAYERS} WHERE version = ?", [vid])
    assert len(ws.exec(ws.pending_sql("test_suffix", fp))) == 1
    assert sorted(r[0] for r in ws.exec(f"SELECT depth FROM ({ws.current_sql()})")) == [1, 2]


def test_a_workspace_without_the_table_gets_it_on_open(tmp_path):
    from medcorpus.pipeline.workspace import Workspace

    with Workspace(tmp_path / "w") as ws:
        add(ws, ("a", "b"), ("c", "d"))
        run_stage(ws, Suffix())
        want = layers(ws)
        ws.exec(f"DROP TABLE {LAYERS}")
        ws.exec("DELETE FROM kv WHERE key = ?", [KV_KEY])
    with Workspace(tmp_path / "w", read_only=True) as ro:
        assert not ro.layers_ok() and len(ro.exec(ro.current_sql())) == 2  # the self-join answers
    with Workspace(tmp_path / "w") as ws:
        assert ws.layers_ok() and layers(ws) == want



def test_pending_rows_are_held_as_versions_and_read_batch_by_batch(ws):
    import pyarrow as pa

    from medcorpus.pipeline.runner import StageContext

    add(ws, *[(f"q{i}", f"a{i}") for i in range(25)])
    stage = Suffix()
    ws.enter_chain(stage.name, stage.fingerprint())
    ctx = StageContext(ws, stage, ws.start_run(stage.name), batch_size=10, workers=1)
    assert ctx.n_pending == 25 and ctx._todo.type == pa.int64()
    assert ws.one("SELECT count(*) FROM duckdb_tables() WHERE temporary")[0] == 0  # no copy of the rows
    batches = list(ctx.pending_rows(select="id, version"))
    assert [len(b) for b in batches] == [10, 10, 5] and set(batches[0][0]) == {"id", "version"}
    full = [r for b in ctx.pending_rows() for r in b]
    assert [r["version"] for r in full] == sorted(r["version"] for r in full)
    assert full[0]["turns"][0]["text"] == "q0" and isinstance(full[0]["meta"], dict)
