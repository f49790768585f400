"""The report opens with the funnel, the split, contamination and the eval table; a chart only where
there is more than one category; two columns on a laptop screen (checked in headless Chromium)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from medcorpus.pipeline.runner import run_stage
from medcorpus.report import collect, write_report
from medcorpus.stages.decontaminate import Decontaminate, DecontamConfig
from medcorpus.stages.ingest import ingest
from tests.conftest import SAMPLE_DIR

BENCH = SAMPLE_DIR.parent / "benchmarks"


@pytest.fixture
def built(ws, tmp_path):
    from medcorpus.stages.export import export

    ingest(ws, [SAMPLE_DIR / "genmedgpt_sample.json"])
    run_stage(ws, Decontaminate(DecontamConfig(against=[str(BENCH / "medqa_style_sample.jsonl")])))
    from medcorpus.pipeline.config import ExportSettings
    from medcorpus.versions import export_version

    export_version(ws, tmp_path / "exports", ExportSettings(holdout="10%"))
    ws.set("eval:latest", {"data": str(tmp_path / "exports" / "v0001"), "split": "test", "template": "auto",
                           "conversations": 30, "prompts": 6, "seconds": 1.0,
                           "table": [{"model": "base", "loss": 2.5, "perplexity": 12.2, "rouge_l": 0.11,
                                      "names_disease": 0.2, "names_test": None, "names_medication": 0.1,
                                      "judge_score": None},
                                     {"model": "tuned", "loss": 1.9, "perplexity": 6.7, "rouge_l": 0.19,
                                      "names_disease": 0.6, "names_test": None, "names_medication": 0.3,
                                      "judge_score": None}],
                           "pairwise": [{"model": "base", "versus": "tuned", "win": 1, "tie": 2, "loss": 3,
                                         "position_bias": 0}]})
    del export
    return ws


def test_sections_in_order_with_the_numbers(built, tmp_path):
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    data = collect(built)
    funnel = {s["step"]: s for s in data["funnel"]}
    assert funnel["ingested"]["kept"] == 300 and funnel["decontaminate"]["removed"] == 1
    assert "contaminated: medqa_style_sample item mc-en-N" in funnel["decontaminate"]["reasons"]
    splits = data["export"]["splits"]
    assert splits["train"] + splits["test"] == 299 and splits["test"] > 0
    assert data["decontamination"]["benchmarks"]["medqa_style_sample"]["records_removed"] == 1
    page = write_report(built, tmp_path / "report.html").read_text()
    tree = HTMLParser(page)
    titles = [h.text() for h in tree.css("h2")]
    assert titles[:4] == ["Records through the pipeline", "Held-out split", "Benchmark contamination",
                          "Did training help?"]
    eval_rows = [[td.text() for td in tr.css("td")] for tr in tree.css("table.eval tr")[1:]]
    assert eval_rows[1][:4] == ["tuned", "1.900", "6.700", "0.190"]
    assert "names a test" not in page  # a column with no value anywhere is left out
    assert "1</b> win" in page
    # one kind, one language, one source: figures, not single-bar charts
    kind = next(s for s in tree.css("section") if s.css_first("h2").text() == "Kind mix")
    assert kind.css_first("figure.plot") is None and "all consultation" in kind.text()
    funnel_sec = tree.css("section")[0]
    assert funnel_sec.css_first("figure.plot svg") is not None  # several steps: a chart


def test_two_columns_in_headless_chromium(built, tmp_path):
    chromium = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
    if chromium is None:
        pytest.skip("chromium is not installed (make system-deps)")
    page = write_report(built, tmp_path / "report.html").read_text()
    probe = ("<script>window.addEventListener('load',()=>{const xs=new Set([...document.querySelectorAll('section')]"
             ".map(s=>Math.round(s.getBoundingClientRect().left)));document.body.dataset.columns=xs.size;"
             "document.body.dataset.overflow=document.documentElement.scrollWidth>window.innerWidth;});</script>")
    probed = tmp_path / "probe.html"
    probed.write_text(page.replace("</body>", probe + "</body>"))

    def columns(width: int) -> tuple[str, str]:
        out = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update",
                              f"--user-data-dir={tmp_path / f'chrome{width}'}", f"--window-size={width},900",
                              "--virtual-time-budget=5000", "--dump-dom", probed.as_uri()],
                             capture_output=True, text=True, timeout=120)
        from selectolax.lexbor import LexborHTMLParser as HTMLParser

        body = HTMLParser(out.stdout).css_first("body")
        assert body is not None, out.stderr[-2000:]
        return body.attributes.get("data-columns"), body.attributes.get("data-overflow")

    assert columns(1366) == ("2", "false")  # a laptop screen: two columns, nothing wider than the window
    assert columns(700)[0] == "1"
