"""Re-derive a fact's figure from the raw matches: the query (as `facts --json` prints it)
read as plain data and answered with pandas over tests/audit/units.py. It follows the
meaning the README gives each slot (a competition set, the stage, the venue, the first-leg
situation, the window), not the product's code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from audit import units as U

ROUNDS = {"semi_final": "SF", "quarter_final": "QF", "round_of_16": "R16"}
WINS = {"win": lambda f: f.gf > f.ga, "draw": lambda f: f.gf == f.ga, "loss": lambda f: f.gf < f.ga,
        "unbeaten": lambda f: f.gf >= f.ga, "winless": lambda f: f.gf <= f.ga,
        "scored": lambda f: f.gf > 0, "conceded": lambda f: f.ga > 0,
        "clean_sheet": lambda f: f.ga == 0, "failed_to_score": lambda f: f.gf == 0,
        "played": lambda f: pd.Series(True, index=f.index),
        "reached": lambda f: pd.Series(True, index=f.index),
        "through": lambda f: f.through.astype(bool),
        "out": lambda f: ~f.through.astype(bool)}  # fmt: skip


@dataclass
class Derived:
    value: object  # int, (k, n), a date, (P, W, D, L, F, A), or None
    n: int
    evidence: list  # the units counted, for the table's reason
    spans_gap: bool = False  # a run over a season the raw files do not hold


class NotDerivable(Exception):
    """A fact the independent reader cannot speak to (a player's goals)."""


def season_of(day: dt.date) -> str:
    y = day.year if day.month >= 7 else day.year - 1
    return f"{y}-{(y + 1) % 100:02d}"


def mask(f: pd.DataFrame, ctx: dict) -> pd.Series:
    keep = pd.Series(True, index=f.index)
    comp = ctx.get("competition", "all")
    if comp == "european":
        keep &= f["comp"].isin(U.EUROPEAN)
    elif comp == "league":
        keep &= f["kind"] == "league"
    elif comp == "all":
        keep &= f["comp"] != "USC"
    else:
        keep &= f["comp"] == comp
    if not ctx.get("qualifying"):
        keep &= f["stage"] != "qualifying"
    stage = ctx.get("stage")
    if stage == "knockout":
        keep &= f["stage"].isin(("knockout", "final"))
    elif stage in ("final", "group"):
        keep &= f["stage"] == stage
    elif stage:
        keep &= f["round"] == ROUNDS[stage]
    for key, column in (
        ("venue", "venue"),
        ("opponent", "opponent"),
        ("opponent_country", "opponent_country"),
        ("season", "season"),
    ):
        if ctx.get(key) is not None:
            keep &= f[column] == ctx[key]
    if ctx.get("ground"):
        raise NotDerivable("a named ground")
    fl = ctx.get("first_leg")
    if fl:
        keep &= _first_leg(f, fl)
    return keep


def _first_leg(f: pd.DataFrame, fl: dict) -> pd.Series:
    keep = pd.Series(True, index=f.index)
    if fl.get("venue"):
        keep &= f["fl_venue"] == fl["venue"]
    if fl.get("score"):
        return keep & (f["fl_gf"] == fl["score"][0]) & (f["fl_ga"] == fl["score"][1])
    margin = f["fl_gf"] - f["fl_ga"]
    sign = {"win": 1, "draw": 0, "loss": -1}[fl["result"]]
    keep &= margin.apply(lambda x: (x > 0) - (x < 0)) == sign
    if fl.get("margin") is not None and sign:
        keep &= margin.abs() >= fl["margin"] if fl.get("or_more") else margin.abs() == fl["margin"]
    return keep


def derive(query: dict, as_of: dt.date, gaps: dict[str, set[str]]) -> Derived:
    subject = query["subject"]
    if "player" in subject or query["event"] == "goal":
        raise NotDerivable("a player's goals: the audit reads no scorer")
    if subject.get("sides"):
        f = U.team_ties(None, as_of)
    elif query["unit"] == "tie":
        f = U.team_ties(subject["team"], as_of)
    else:
        f = U.team_matches(subject["team"], as_of)
    f = f[mask(f, query.get("context", {}))]
    window = query.get("window", "all")
    if window != "all":
        if window.get("since"):
            f = f[f["date"] >= dt.date.fromisoformat(window["since"])]
        if window.get("last"):
            f = f.tail(window["last"])
    if query["unit"] == "season":
        return _seasons(query, f, season_of(as_of))
    if f.empty:
        return Derived(None, 0, [])
    hits = WINS[query["event"]](f)
    shape = query["shape"]
    ids = list(f["id"])
    if shape == "k_of_n":
        return Derived((int(hits.sum()), len(f)), len(f), ids)
    if shape in ("count", "nth"):
        if query["unit"] == "goal":
            k = int(f["gf" if query["event"] == "scored" else "ga"].sum())
        else:
            k = int(hits.sum())
        if subject.get("sides") and shape == "nth":
            return Derived(f["side"][hits].nunique() + 1, len(f), ids)
        return Derived(k + 1 if shape == "nth" else k, len(f), ids)
    if shape == "record":
        return Derived(
            (
                len(f),
                int((f.gf > f.ga).sum()),
                int((f.gf == f.ga).sum()),
                int((f.gf < f.ga).sum()),
                int(f.gf.sum()),
                int(f.ga.sum()),
            ),
            len(f),
            ids,
        )
    if shape == "split":
        part = mask(f, query["part"]) & hits
        return Derived((int(part.sum()), int(hits.sum())), len(f), ids)
    if shape == "run":
        flags = list(hits)
        k = 0
        while k < len(flags) and flags[-1 - k]:
            k += 1
        run = f.tail(k)
        return Derived(k, len(f), list(run["id"]), _spans_gap(run, gaps))
    if shape == "best_run":
        best = length = 0
        for flag in hits:
            length = length + 1 if flag else 0
            best = max(best, length)
        return Derived(best, len(f), ids)
    if shape == "first_since":
        found = f[hits]
        return Derived(found["date"].iloc[-1] if len(found) else None, len(f), ids)
    raise NotDerivable(f"shape {shape}")


def _seasons(query: dict, f: pd.DataFrame, current: str) -> Derived:
    held = sorted(set(f["season"]))
    if not held:
        return Derived(None, 0, [])
    if query["shape"] == "count":
        return Derived(len(held), len(held), held)
    if query["shape"] == "nth":
        return Derived(len(held) + (current not in held), len(held), held)
    year, run = int(current[:4]), 0
    if current not in held:
        run, year = 1, year - 1
    while f"{year}-{(year + 1) % 100:02d}" in held:
        run, year = run + 1, year - 1
    return Derived(run, len(held), held)


def _spans_gap(run: pd.DataFrame, gaps: dict[str, set[str]]) -> bool:
    if len(run) < 2:
        return False
    first, last = run["season"].iloc[0], run["season"].iloc[-1]
    return any(first < g < last for c in set(run["comp"]) for g in gaps.get(c, ()))


def raw_gaps() -> dict[str, set[str]]:
    """Seasons inside each competition's span that the raw files do not hold, the wars
    (no football was played) aside."""
    from audit.raw import season_label

    not_played = {season_label(y) for y in (*range(1915, 1919), *range(1939, 1946))}
    not_played |= {"1936-37", "1937-38", "1938-39"}  # Spain's civil war
    m = U.matches()
    out = {}
    for comp, seasons in m.groupby("comp")["season"]:
        held = set(seasons)
        years = range(int(min(held)[:4]), int(max(held)[:4]) + 1)
        out[comp] = {season_label(y) for y in years} - held - not_played
    return out
