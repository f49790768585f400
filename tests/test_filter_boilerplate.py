"""The boilerplate stage (formulas by corpus frequency, a global stage): what it strips and keeps,
incremental re-opening of earlier records, the CLI, and a SIGKILL in its write phase."""
from __future__ import annotations

import json
import signal

from medcorpus.pipeline.runner import run_stage
from medcorpus.pipeline.workspace import Workspace
from medcorpus.schemas import Record, Turn
from medcorpus.stages.boilerplate import Boilerplate, formulas
from tests.conftest import medcorpus_process, slow_stage_pipeline, wait_for_lines, write_jsonl

HOUSE = "Hey there, glad you wrote to us."          # wording no phrase list carries
CLOSE = "Wishing you all the very best."
ADVICE = "Drink plenty of fluids and rest."          # as frequent, but medical: it stays
BODY = "The cough is most likely viral and should settle within a week. See a doctor if you get a fever."


def answers(n: int, start: int = 0) -> list[Record]:
    return [Record.new("t", [Turn(role="patient", text=f"Question {i}: I have had a cough for {i} days."),
                             Turn(role="doctor", text=f"{HOUSE} {BODY} {ADVICE} {CLOSE}")])
            for i in range(start, start + n)]


def current(ws: Workspace) -> dict[str, tuple[str, str | None, str | None]]:
    rows = ws.fetch_rows(ws.current_sql(include_removed=True))
    return {r["id"]: (r["status"], r["reason"], r["turns"][-1]["text"] if r["turns"] else None) for r in rows}


def test_frequent_edge_formulas_are_removed_and_advice_stays(tmp_path):
    recs = answers(12)
    # one patient asking eight times counts once; an answer made only of formulas is rejected
    recs += [Record.new("t", [Turn(role="patient", text="Same question?"),
                              Turn(role="doctor", text=f"{BODY} Thank you for choosing our clinic today.")])
             for _ in range(8)]
    recs[-1] = Record.new("t", [Turn(role="patient", text="Anything else?"),
                                Turn(role="doctor", text=f"{HOUSE} {CLOSE}")])
    with Workspace(tmp_path / "ws") as ws:
        ws.add_records([r.to_row() for r in recs], origin="test")
        s = run_stage(ws, Boilerplate({"min_patients": 10}), batch_size=5)
        assert s.extra["formulas"] == 2 and s.n_rejected == 1
        cur = current(ws)
        stripped = [cur[r.id] for r in recs[:12]]
        assert all(st == ("ok", None, f"{BODY} {ADVICE}") for st in stripped)
        assert cur[recs[-1].id][0] == "removed" and "only formulas" in cur[recs[-1].id][1]
        assert cur[recs[12].id][2].endswith("Thank you for choosing our clinic today.")  # 1 patient, not 7
        meta = {r["id"]: r["meta"] for r in ws.fetch_rows(ws.current_sql())}[recs[0].id]
        assert meta["boilerplate"] == {"removed": 2}
        found = {f["wording"]: f["patients"] for f in formulas(ws)}
        assert found == {HOUSE: 13, CLOSE: 13}
        assert ws.one("SELECT count(*) FROM rejects WHERE stage = 'boilerplate'")[0] == 1
        # nothing changed: a re-run processes and re-opens nothing
        again = run_stage(ws, Boilerplate({"min_patients": 10}), batch_size=5)
        assert again.n_in == 0 and again.extra.get("reopened", 0) == 0


def test_new_records_make_a_formula_frequent_and_earlier_records_are_rewritten(tmp_path):
    first, second = answers(6), answers(6, start=6)
    with Workspace(tmp_path / "ws") as ws:
        ws.add_records([r.to_row() for r in first], origin="test")
        s = run_stage(ws, Boilerplate({"min_patients": 10}), batch_size=4)
        assert s.extra["formulas"] == 0 and all(t.startswith(HOUSE) for _, _, t in current(ws).values())
        ws.add_records([r.to_row() for r in second], origin="test")
        s = run_stage(ws, Boilerplate({"min_patients": 10}), batch_size=4)
        assert s.extra["formulas"] == 2 and s.extra["reopened"] == 6 and s.n_in == 12
        assert {t for _, _, t in current(ws).values()} == {f"{BODY} {ADVICE}"}
        assert run_stage(ws, Boilerplate({"min_patients": 10})).extra.get("reopened", 0) == 0
        # records leave the input (a changed upstream record): the formula is no longer frequent
        # and the records that lost it get it back
        ws.exec("UPDATE records SET status = 'removed', reason = 'test' WHERE stage = 'source' AND id IN ?",
                [[r.id for r in second]])
        s = run_stage(ws, Boilerplate({"min_patients": 10}))
        assert s.extra["formulas"] == 0 and s.extra["reopened"] == 6
        live = {k: v for k, v in current(ws).items() if v[0] == "ok" and k in {r.id for r in first}}
        assert {t for _, _, t in live.values()} == {f"{HOUSE} {BODY} {ADVICE} {CLOSE}"}


def test_boilerplate_command(cli, tmp_path):
    rows = [{"instruction": "x", "input": f"Question {i}: cough for {i} days?", "output": f"{HOUSE} {BODY}"}
            for i in range(5)]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(rows))
    cli("init", tmp_path / "cli-ws")
    cli("ingest", path)
    out = json.loads(cli("boilerplate", "--min-patients", "4", "--json").stdout)
    assert out["n_in"] == 5 and out["extra"]["formulas"] == 1
    shown = json.loads(cli("boilerplate", "--min-patients", "4", "--show", "--json").stdout)
    assert [f["wording"] for f in shown] == [HOUSE] and shown[0]["patients"] == 5
    r = cli("boilerplate", "--only-formulas", "drop", ok=False)
    assert r.exit_code != 0 and "only_formulas" in r.output




def make_project(path, sleep: float, parts: int) -> None:
    (path / "raw").mkdir(parents=True, exist_ok=True)
    for k in range(parts):
        write_jsonl(path / "raw" / f"{k}.jsonl", [{"instruction": "x", "input": f"Question {k}-{i}: cough {i} days?",
                                                  "output": f"{HOUSE} {BODY} {CLOSE}"} for i in range(20)])
    (path / "pipeline.toml").write_text(slow_stage_pipeline("tests.pipeline_stages:SlowBoilerplate", ["raw/*.jsonl"], sleep,
                                                            tail="min_patients = 30\n[report]\nenabled = false\n"))


def test_sigkill_in_boilerplate_write_phase_then_rerun_matches_uninterrupted(tmp_path):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for path in (clean, killed):  # 20 answers: below the threshold; then 20 more make it frequent
        make_project(path, 0.0, 1)
        assert medcorpus_process(path, "build", "pipeline.toml").wait(timeout=180) == 0
    make_project(clean, 0.0, 2)
    assert medcorpus_process(clean, "build", "pipeline.toml").wait(timeout=180) == 0
    make_project(killed, 0.5, 2)
    (killed / "progress.txt").unlink(missing_ok=True)
    proc = medcorpus_process(killed, "build", "pipeline.toml")
    wait_for_lines(killed / "progress.txt", 3, timeout=120)  # the 20 new records and a batch of the 20 re-opened ones
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Workspace(killed / "ws") as ws:
        texts = [t for _, _, t in current(ws).values()]
    assert 0 < sum(not t.startswith(HOUSE) for t in texts) < 40  # killed mid-phase
    assert medcorpus_process(killed, "build", "pipeline.toml").wait(timeout=180) == 0
    with Workspace(killed / "ws") as ws, Workspace(clean / "ws") as want_ws:
        got, want = current(ws), current(want_ws)
        assert ws.one("SELECT count(*) FROM records WHERE stage = 'test_slow_boilerplate'")[0] == 60
    assert got == want and {t for _, _, t in want.values()} == {BODY}
