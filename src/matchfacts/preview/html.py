"""The preview as a web page (Jinja2): the same document the web app serves."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from matchfacts.preview.compose import MARKS, Preview, preview_dict

LABELS = {
    "home": "home side through",
    "away": "away side through",
    "extra_time": "extra time",
    "penalties": "penalties",
    "replay": "a replay",
    "coin_toss": "a coin toss",
}

SCORE_CHART = 5  # scorelines up to 5-5 in the chart of the match's probabilities

_env = Environment(
    loader=PackageLoader("matchfacts.preview", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


def render_html(p: Preview) -> str:
    d = preview_dict(p)
    grid = None
    if d["tie"] and d["tie"]["outcomes"]:
        cells = {(c["home_goals"], c["away_goals"]): c["result"] for c in d["tie"]["outcomes"]}
        bound = max(h for h, _ in cells)
        grid = {
            "columns": list(range(bound + 1)),
            "rows": [
                {"home_goals": h, "cells": [cells[(h, a)] for a in range(bound + 1)]}
                for h in range(bound + 1)
            ],
        }
    probabilities = p.forecast.grid.p[: SCORE_CHART + 1, : SCORE_CHART + 1]
    top = float(probabilities.max())
    scores = [
        [{"p": float(x), "shade": round(float(x) / top, 3)} for x in row] for row in probabilities
    ]
    return _env.get_template("preview.html.j2").render(
        d=d,
        grid=grid,
        scores=scores,
        home=p.home.short_name,
        away=p.away.short_name,
        marks=MARKS,
        labels=LABELS,
        pct=lambda x: round(100 * x),
    )
