"""`medcorpus report`: one self-contained HTML page that answers a corpus owner's questions in order:
how many records survived each stage and why the others left (the funnel), the held-out split,
benchmark contamination, whether training helped (the eval table), then the distributions.

A chart is drawn only where there is more than one category; a single category is a figure (a
number with its label). Two columns on a laptop-wide screen, one on a narrow one. Plots are inline
SVG (matplotlib), so the file works offline.
"""
from __future__ import annotations

import html
import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medcorpus.pipeline.io import atomic_path
from medcorpus.pipeline.workspace import Workspace

SYNTHETIC_ORIGINS = ("synth", "selfinstruct")
EVAL_KEY = "eval:latest"
_MASK = "regexp_replace(regexp_replace(split_part(reason, ' (', 1), '[0-9a-f]{12,}', '…', 'g'), '[0-9]+([.][0-9]+)?', 'N', 'g')"


def _table_exists(ws: Workspace, name: str) -> bool:
    return ws.one("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])[0] > 0


def _columns(ws: Workspace, name: str) -> list[str]:
    return [r[0] for r in ws.exec("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name])]


# ------------------------------------------------------------------ numbers
def collect(ws: Workspace) -> dict[str, Any]:
    """The numbers behind every section (also what --json prints)."""
    cur = ws.current_sql()
    data: dict[str, Any] = {}
    data["records"] = ws.one(f"SELECT count(*) FROM ({cur})")[0]
    data["funnel"] = _funnel(ws)
    data["export"] = _latest_export(ws)
    data["decontamination"] = _decontam(ws)
    data["eval"] = ws.get(EVAL_KEY)
    data["turn_chars_by_source"] = {
        src: lengths for src, lengths in ws.exec(
            f"SELECT source, list(length(t.text)) FROM (SELECT source, unnest(turns) AS t FROM ({cur})) "
            f"WHERE t.role <> 'system' GROUP BY 1 ORDER BY 1")}
    data["lang"] = dict(ws.exec(f"SELECT lang, count(*) FROM ({cur}) GROUP BY 1 ORDER BY 2 DESC"))
    data["kind"] = dict(ws.exec(f"SELECT kind, count(*) FROM ({cur}) GROUP BY 1 ORDER BY 2 DESC"))
    data["source"] = dict(ws.exec(f"SELECT source, count(*) FROM ({cur}) GROUP BY 1 ORDER BY 2 DESC"))
    origins = ", ".join(f"'{o}'" for o in SYNTHETIC_ORIGINS)
    data["synthetic_vs_real"] = dict(ws.exec(
        f"SELECT CASE WHEN origin IN ({origins}) OR origin LIKE 'synth%' THEN 'synthetic' ELSE 'real' END, count(*) "
        f"FROM ({cur}) GROUP BY 1 ORDER BY 1"))
    data["rejects_by_reason"] = {f"{stage}: {reason}": n for stage, reason, n in ws.exec(
        f"SELECT stage, {_MASK}, count(*) FROM rejects GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 25")}
    data["pii_entities"] = _pii_counts(ws)
    data["duplicate_cluster_sizes"] = _cluster_sizes(ws)
    from medcorpus.stages.judge import score_histogram

    data["judge_scores"] = score_histogram(ws) or {}
    return data


def _funnel(ws: Workspace) -> list[dict[str, Any]]:
    """Records through the chain: ingested, then per stage kept/removed/pending and the reasons."""
    steps = [{"step": "ingested", "kept": ws.one("SELECT count(*) FROM records WHERE stage = 'source'")[0],
              "removed": ws.one("SELECT count(*) FROM rejects WHERE stage = 'ingest'")[0],
              "reasons": dict(ws.exec(f"SELECT {_MASK}, count(*) FROM rejects WHERE stage = 'ingest' "
                                      "GROUP BY 1 ORDER BY 2 DESC LIMIT 4"))}]
    for pos, (stage, fp) in enumerate(ws.chain()[1:], 1):
        ctes, _ = ws.layer_ctes(pos)
        kept, removed = ws.one(f"{ctes} SELECT count(*) FILTER (WHERE status IN ('ok', 'purged')), "
                               f"count(*) FILTER (WHERE status = 'removed') FROM L{pos}")
        pending = ws.one(f"SELECT count(*) FROM ({ws.pending_sql(stage, fp)})")[0]
        reasons = dict(ws.exec(
            f"{ctes} SELECT {_MASK}, count(*) FROM L{pos} WHERE status = 'removed' GROUP BY 1 ORDER BY 2 DESC LIMIT 4"))
        steps.append({"step": stage, "kept": kept, "removed": removed, "pending": pending, "reasons": reasons})
    return steps


def _rows_in(files: list[Path]) -> int:
    import pyarrow.parquet as pq

    n = 0
    for f in files:
        if f.name.endswith(".parquet"):
            n += pq.read_metadata(f).num_rows
        else:
            with open(f, "rb") as fh:
                n += sum(1 for line in fh if line.strip())
    return n


def _latest_export(ws: Workspace) -> dict[str, Any] | None:
    """The newest export version: its records per split (rows in data/<split>-* shards)."""
    if not _table_exists(ws, "export_versions"):
        return None
    row = ws.one("SELECT out, max(vno) FROM export_versions GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
    if not row:
        return None
    folder = Path(row[0]) / f"v{row[1]:04d}" / "data"
    splits = {}
    for split in ("train", "test"):
        files = sorted(folder.glob(f"{split}-*")) if folder.is_dir() else []
        if files:
            splits[split] = _rows_in(files)
    return {"version": f"v{row[1]:04d}", "out": row[0], "splits": splits}


def _decontam(ws: Workspace) -> dict[str, Any] | None:
    from medcorpus.pipeline.queries import decontam_counts

    return decontam_counts(ws)


def _pii_counts(ws: Workspace) -> dict[str, int]:
    if _table_exists(ws, "scrub_audit"):
        cols = _columns(ws, "scrub_audit")
        col = next((c for c in cols if c in ("entity_type", "entity", "type", "label")), None)
        if col:  # only spans of the scrub settings now in the chain (earlier settings' rows stay for audit)
            where, params = ("WHERE fingerprint = ?", [ws.chain_fingerprint("scrub")]) if "fingerprint" in cols else ("", [])
            return dict(ws.exec(f"SELECT {col}, count(*) FROM scrub_audit {where} GROUP BY 1 ORDER BY 2 DESC", params))
    return {}


def _cluster_sizes(ws: Workspace) -> dict[int, int]:
    """Histogram: cluster size -> number of clusters, from dedup's cluster table."""
    for table in ("dedup_clusters", "dedup_members"):
        if _table_exists(ws, table):
            cols = _columns(ws, table)
            col = next((c for c in cols if c in ("cluster_id", "cluster")), None)
            if col:
                return dict(ws.exec(f"SELECT size, count(*) FROM (SELECT {col}, count(*) AS size FROM {table} "
                                    f"GROUP BY 1) WHERE size > 1 GROUP BY 1 ORDER BY 1"))
    return {}


# ------------------------------------------------------------------ drawing
def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _bar(counts: dict, xlabel: str = "", horizontal: bool = True) -> str:
    import matplotlib.pyplot as plt

    labels, values = [str(k) for k in counts], list(counts.values())
    fig, ax = plt.subplots(figsize=(5.6, max(1.6, 0.32 * len(counts) + 0.6)) if horizontal else (5.6, 2.8))
    (ax.barh if horizontal else ax.bar)(labels, values, color="#3b7dd8")
    if horizontal:
        ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _svg(fig)


def _hist(series: dict[str, list[int]]) -> str:
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(5.6, 2.9))
    values = [v for vs in series.values() for v in vs]
    bins = np.logspace(0, np.log10(max(values) + 1), 40) if values else 10
    for name, lengths in series.items():
        ax.hist(lengths, bins=bins, histtype="step", linewidth=1.5, label=f"{name} (n={len(lengths):,})")
    ax.set_xscale("log")
    ax.set_xlabel("characters per turn (log scale)")
    ax.set_ylabel("turns")
    ax.legend(fontsize=7)
    return _svg(fig)


def _esc(x: Any) -> str:
    return html.escape(str(x))


def _num(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.3f}"
    return f"{v:,}" if isinstance(v, int) else _esc(v)


def _table(header: list[str], rows: list[list[Any]], cls: str = "") -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c if isinstance(c, _Raw) else _num(c)}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f'<table class="{cls}"><tr>{head}</tr>{body}</table>'


class _Raw(str):
    """Already-escaped HTML for a table cell."""


def _figure(value: Any, label: str) -> str:
    return f'<div class="figure"><span class="big">{_num(value)}</span><span class="label">{_esc(label)}</span></div>'


def _distribution(counts: dict, noun: str, empty: str) -> str:
    """A chart when there is more than one category, else a figure."""
    if not counts:
        return f"<p class='empty'>{_esc(empty)}</p>"
    if len(counts) == 1:
        (k, v), = counts.items()
        return _figure(v, f"{noun}, all {k}")
    return f'<figure class="plot">{_bar(counts)}</figure>' + _table(["", "records"], [[k, v] for k, v in counts.items()])


# ------------------------------------------------------------------ sections
def _funnel_section(data: dict) -> str:
    steps = data["funnel"]
    export = data.get("export") or {}
    bars = {s["step"]: s["kept"] for s in steps}
    splits = export.get("splits") or {}
    if splits:
        bars[f"exported ({export['version']})"] = sum(splits.values())
    rows = []
    for s in steps:
        reasons = "<br>".join(f"{_esc(r)} <b>{n:,}</b>" for r, n in s["reasons"].items())
        rows.append([s["step"], s["kept"], s["removed"], s.get("pending", 0), _Raw(reasons)])
    if splits:
        rows.append([f"exported {export['version']}", sum(splits.values()), None, None,
                     _Raw(" · ".join(f"{k} <b>{v:,}</b>" for k, v in splits.items()))])
    chart = f'<figure class="plot">{_bar(bars, "records after the step")}</figure>' if len(bars) > 1 else ""
    return chart + _table(["step", "records", "removed", "pending", "removed because"], rows, "funnel")


def _split_section(data: dict) -> str:
    splits = (data.get("export") or {}).get("splits") or {}
    if not splits:
        return "<p class='empty'>no export yet</p>"
    if "test" not in splits:
        return (_figure(splits.get("train", 0), "records in train") +
                "<p class='empty'>no held-out split: export with a holdout (e.g. <code>holdout = \"2%\"</code>) "
                "to measure training on records it never saw</p>")
    total = sum(splits.values())
    return (f'<div class="figures">{_figure(splits["train"], "train")}{_figure(splits["test"], "held out (test)")}'
            f'{_figure(round(100 * splits["test"] / total, 1) if total else 0, "% held out")}</div>'
            "<p class='note'>held-out records are chosen by record id (stable across versions); their near "
            "duplicates stay out of train</p>")


def _decontam_section(data: dict) -> str:
    info = data.get("decontamination")
    if not info:
        return "<p class='empty'>the decontaminate stage has not run</p>"
    rows = [[name, b["items"], b["items_seen"], b["records_removed"], b["records_flagged"]]
            for name, b in info["benchmarks"].items()]
    return _table(["benchmark", "items", "items seen in corpus", "records removed", "records flagged"], rows)


def _eval_section(data: dict) -> str:
    ev = data.get("eval")
    if not ev:
        return ("<p class='empty'>no evaluation yet: <code>medcorpus build --then-train</code> with an "
                "<code>[eval]</code> section, or <code>medcorpus eval -w WS</code></p>")
    cols = [("model", "model"), ("loss", "loss"), ("perplexity", "perplexity"), ("rouge_l", "ROUGE-L"),
            ("names_disease", "names disease"), ("names_test", "names a test"),
            ("names_medication", "names a medication"), ("judge_score", "judge score")]
    cols = [(k, h) for k, h in cols if k == "model" or any(r.get(k) is not None for r in ev["table"])]
    table = _table([h for _, h in cols], [[r.get(k) for k, _ in cols] for r in ev["table"]], "eval")
    pairs = "".join(f"<p>{_esc(p['model'])} vs {_esc(p['versus'])}: <b>{p['win']}</b> win · <b>{p['tie']}</b> tie · "
                    f"<b>{p['loss']}</b> loss (judged in both orders)</p>" for p in ev.get("pairwise") or [])
    note = (f"<p class='note'>{_esc(ev['split'])} split of {_esc(Path(ev['data']).name)}: {ev['conversations']:,} "
            f"conversations for the loss (doctor turns only, masked as in training), {ev['prompts']:,} generated "
            f"answers; template {_esc(ev['template'])}</p>")
    return table + pairs + note


def render(data: dict[str, Any], title: str = "medcorpus") -> str:
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np

    sections: list[str] = []

    def section(name: str, body: str, wide: bool = False) -> None:
        sections.append(f'<section class="{"wide" if wide else ""}"><h2>{_esc(name)}</h2>{body}</section>')

    section("Records through the pipeline", _funnel_section(data), wide=True)
    section("Held-out split", _split_section(data))
    section("Benchmark contamination", _decontam_section(data))
    section("Did training help?", _eval_section(data), wide=True)
    lengths = {k: v for k, v in data["turn_chars_by_source"].items() if v}
    stats = [[src, int(np.median(v)), int(np.percentile(v, 95)), len(v)] for src, v in lengths.items()]
    section("Turn lengths by source", (f'<figure class="plot">{_hist(lengths)}</figure>' if lengths else
                                       "<p class='empty'>no records</p>") +
            (_table(["source", "median chars", "p95", "turns"], stats) if stats else ""))
    section("Sources", _distribution(data["source"], "records", "no records"))
    section("Language mix", _distribution(data["lang"], "records", "no records"))
    section("Kind mix", _distribution(data["kind"], "records", "no records"))
    section("Synthetic vs real", _distribution(data["synthetic_vs_real"], "records", "no records"))
    section("PII entities removed", _distribution(data["pii_entities"], "entities",
                                                  "the scrub stage has not run on this workspace"))
    sizes = {f"{k} records": v for k, v in data["duplicate_cluster_sizes"].items()}
    section("Duplicate clusters", _distribution(sizes, "clusters", "no duplicate clusters (or dedup has not run)"))
    judged = {f"{c} {g}": n for c, grades in (data.get("judge_scores") or {}).items() for g, n in grades.items()}
    section("LLM judge grades", _distribution(judged, "records", "the judge stage has not run"))
    section("Rejects by reason", _distribution(data["rejects_by_reason"], "rejects", "no rejects"), wide=True)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    export = data.get("export") or {}
    exported = f" · latest export {export['version']}" if export else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)} — medcorpus report</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:1280px;margin:1.2em auto;padding:0 1em;color:#222}}
h1{{margin:.2em 0}} h2{{font-size:1.1em;margin:.2em 0 .6em}}
.grid{{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:1em}}
section{{border:1px solid #e3e3e3;border-radius:6px;padding:.8em 1em;min-width:0}}
section.wide{{grid-column:1/-1}}
@media (max-width:900px){{.grid{{grid-template-columns:1fr}}}}
table{{border-collapse:collapse;font-size:.85em;margin:.4em 0}} td,th{{border:1px solid #ddd;padding:2px 8px;text-align:right;vertical-align:top}}
td:first-child,th:first-child{{text-align:left}} table.funnel td:last-child{{text-align:left;font-size:.9em}}
.plot svg{{max-width:100%;height:auto}} figure{{margin:0}} .empty,.note{{color:#777;font-size:.85em}}
.figures{{display:flex;gap:1.5em}} .figure{{display:flex;flex-direction:column;margin:.3em 0}}
.figure .big{{font-size:2em;font-weight:600;color:#3b7dd8}} .figure .label{{color:#555;font-size:.85em}}
</style></head>
<body><h1>{_esc(title)}</h1><p>{data['records']:,} records{exported} · generated {when} by medcorpus</p>
<div class="grid">{''.join(sections)}</div></body></html>
"""


def write_report(ws: Workspace, out: Path, title: str = "medcorpus") -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    page = render(collect(ws), title)
    with atomic_path(out) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return out
