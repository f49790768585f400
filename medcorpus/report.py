"""`medcorpus report`: one self-contained HTML page (inline SVG plots + the numbers behind them)."""
from __future__ import annotations

import html
import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medcorpus.pipeline.io import atomic_path
from medcorpus.pipeline.workspace import Workspace

SYNTHETIC_ORIGINS = ("synth", "selfinstruct")


def _table_exists(ws: Workspace, name: str) -> bool:
    return ws.one("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])[0] > 0


def _columns(ws: Workspace, name: str) -> list[str]:
    return [r[0] for r in ws.exec("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name])]


def collect(ws: Workspace) -> dict[str, Any]:
    """The numbers behind every plot (also what --json prints)."""
    cur = ws.current_sql()
    data: dict[str, Any] = {}
    data["records"] = ws.one(f"SELECT count(*) FROM ({cur})")[0]
    data["turn_chars_by_source"] = {
        src: lengths for src, lengths in ws.exec(
            f"SELECT source, list(length(t.text)) FROM (SELECT source, unnest(turns) AS t FROM ({cur})) "
            f"WHERE t.role <> 'system' GROUP BY 1 ORDER BY 1")}
    data["lang"] = dict(ws.exec(f"SELECT lang, count(*) FROM ({cur}) GROUP BY 1 ORDER BY 2 DESC"))
    data["kind"] = dict(ws.exec(f"SELECT kind, count(*) FROM ({cur}) GROUP BY 1 ORDER BY 2 DESC"))
    origins = ", ".join(f"'{o}'" for o in SYNTHETIC_ORIGINS)
    data["synthetic_vs_real"] = dict(ws.exec(
        f"SELECT CASE WHEN origin IN ({origins}) OR origin LIKE 'synth%' THEN 'synthetic' ELSE 'real' END, count(*) "
        f"FROM ({cur}) GROUP BY 1 ORDER BY 1"))
    data["rejects_by_reason"] = {f"{stage}: {reason}": n for stage, reason, n in ws.exec(
        "SELECT stage, regexp_replace(split_part(reason, ':', 1), '[0-9a-f]{12,}', '…'), count(*) "
        "FROM rejects GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 25")}
    data["pii_entities"] = _pii_counts(ws)
    data["duplicate_cluster_sizes"] = _cluster_sizes(ws)
    return data


def _pii_counts(ws: Workspace) -> dict[str, int]:
    if _table_exists(ws, "scrub_audit"):
        cols = _columns(ws, "scrub_audit")
        col = next((c for c in cols if c in ("entity_type", "entity", "type", "label")), None)
        if col:  # only spans of the scrub settings now in the chain (earlier settings' rows stay for audit)
            where, params = ("WHERE fingerprint = ?", [ws.chain_fingerprint("scrub")]) if "fingerprint" in cols else ("", [])
            return dict(ws.exec(f"SELECT {col}, count(*) FROM scrub_audit {where} GROUP BY 1 ORDER BY 2 DESC", params))
    return {}


def _cluster_sizes(ws: Workspace) -> dict[int, int]:
    """Histogram: cluster size -> number of clusters, from dedup's cluster table when present,
    else from the records dedup removed (each names its kept representative)."""
    for table in ("dedup_clusters", "dedup_members"):
        if _table_exists(ws, table):
            cols = _columns(ws, table)
            col = next((c for c in cols if c in ("cluster_id", "cluster")), None)
            if col:
                return dict(ws.exec(f"SELECT size, count(*) FROM (SELECT {col}, count(*) AS size FROM {table} "
                                    f"GROUP BY 1) WHERE size > 1 GROUP BY 1 ORDER BY 1"))
    return {}


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _bar(title: str, counts: dict, xlabel: str = "", horizontal: bool = False) -> str:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.3 * len(counts)) if horizontal else 3.2))
    labels, values = [str(k) for k in counts], list(counts.values())
    (ax.barh if horizontal else ax.bar)(labels, values, color="#3b7dd8")
    if horizontal:
        ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return _svg(fig)


def _hist(title: str, series: dict[str, list[int]]) -> str:
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(7, 3.4))
    values = [v for vs in series.values() for v in vs]
    bins = np.logspace(0, np.log10(max(values) + 1), 40) if values else 10
    for name, lengths in series.items():
        ax.hist(lengths, bins=bins, histtype="step", linewidth=1.5, label=f"{name} (n={len(lengths):,})")
    ax.set_xscale("log")
    ax.set_xlabel("characters per turn (log scale)")
    ax.set_ylabel("turns")
    ax.set_title(title)
    if series:
        ax.legend(fontsize=8)
    return _svg(fig)


def _numbers(counts: dict) -> str:
    rows = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{v:,}</td></tr>" for k, v in counts.items())
    return f"<table><tr><th></th><th>count</th></tr>{rows}</table>"


def render(data: dict[str, Any], title: str = "medcorpus") -> str:
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np

    sections = []

    def section(name: str, plot: str | None, numbers: str, empty: str = "") -> None:
        body = (f'<figure class="plot">{plot}</figure>{numbers}' if plot else f"<p class='empty'>{empty}</p>")
        sections.append(f"<section><h2>{html.escape(name)}</h2>{body}</section>")

    lengths = data["turn_chars_by_source"]
    stats = {src: f"median {int(np.median(v)):,} chars, p95 {int(np.percentile(v, 95)):,}, turns {len(v):,}"
             for src, v in lengths.items() if v}
    section("Turn lengths by source", _hist("Turn length by source", lengths) if lengths else None,
            _numbers_text(stats), "no records")
    section("Language mix", _bar("Records by language", data["lang"]) if data["lang"] else None,
            _numbers(data["lang"]), "no records")
    section("Kind mix", _bar("Records by kind", data["kind"]) if data["kind"] else None, _numbers(data["kind"]), "no records")
    section("Synthetic vs real", _bar("Synthetic vs real records", data["synthetic_vs_real"]) if data["synthetic_vs_real"] else None,
            _numbers(data["synthetic_vs_real"]), "no records")
    section("PII entities removed", _bar("PII entities by type", data["pii_entities"], horizontal=True) if data["pii_entities"] else None,
            _numbers(data["pii_entities"]), "the scrub stage has not run on this workspace")
    sizes = data["duplicate_cluster_sizes"]
    section("Duplicate clusters", _bar("Clusters by size", sizes, xlabel="records in cluster") if sizes else None,
            _numbers(sizes), "no duplicate clusters (or the dedup stage has not run)")
    section("Rejects by reason", _bar("Rejects by stage and reason", data["rejects_by_reason"], horizontal=True)
            if data["rejects_by_reason"] else None, _numbers(data["rejects_by_reason"]), "no rejects")
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} — medcorpus report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}}
section{{margin:2em 0}} table{{border-collapse:collapse;font-size:.9em}} td,th{{border:1px solid #ccc;padding:2px 8px;text-align:right}}
td:first-child{{text-align:left}} .plot svg{{max-width:100%;height:auto}} .empty{{color:#888}}</style></head>
<body><h1>{html.escape(title)}</h1><p>{data['records']:,} records · generated {when} by medcorpus</p>
{''.join(sections)}</body></html>
"""


def _numbers_text(items: dict[str, str]) -> str:
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in items.items())
    return f"<table>{rows}</table>"


def write_report(ws: Workspace, out: Path, title: str = "medcorpus") -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    page = render(collect(ws), title)
    with atomic_path(out) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return out
