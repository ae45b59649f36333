"""A subject's units from the raw matches (tests/audit/raw.py): a team's matches, its
two-legged ties, or every side of every tie. Plain pandas, written apart from the product.

A tie's winner is read from what happened next, not from a rule book: of the two sides, the
one that played again later in the same competition and season went through (so a tie
settled by a coin toss, a play-off or a shoot-out the files do not score still has its
winner). A final over two legs has no later match: its winner is the aggregate, then away
goals, then the third match if one was played.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

import pandas as pd

from audit import identity, raw

EUROPEAN = ("UCL", "UEL", "UCWC", "UECL", "UIC")


@cache
def matches() -> pd.DataFrame:
    frame = identity.with_ids(raw.raw_matches())
    frame = frame[frame["home_id"].notna() & frame["away_id"].notna()].copy()
    frame["home_id"] = frame["home_id"].astype(int)
    frame["away_id"] = frame["away_id"].astype(int)
    frame["kind"] = ["continental_cup" if c in EUROPEAN or c == "USC" else "league"
                     for c in frame["comp"]]  # fmt: skip
    frame = _fill_dates(frame)
    # football-datasets repeats engsoccerdata's league matches: a pair meets at one
    # ground once a season in a league, so the second report of it is the same match
    is_fd = frame["home"].map(lambda k: k[0] == "fd")
    key = ["comp", "season", "home_id", "away_id"]
    esd = set(map(tuple, frame.loc[~is_fd, key].itertuples(index=False)))
    repeat = is_fd & pd.Series([tuple(r) in esd for r in frame[key].itertuples(index=False)],
                               index=frame.index)  # fmt: skip
    frame = frame[~repeat]
    frame = frame[~_repeats(frame)]
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def _repeats(frame: pd.DataFrame) -> pd.Series:
    """A fallback row whose pair played a kept row within a day."""
    frame["fallback"] = frame["fallback"].fillna(False).astype(bool)
    kept = frame[~frame["fallback"]]
    seen = {(d + dt.timedelta(k), frozenset((h, a)))
            for d, h, a in zip(kept["date"], kept["home_id"], kept["away_id"], strict=True)
            for k in (-1, 0, 1)}  # fmt: skip
    return frame["fallback"] & pd.Series(
        [(d, frozenset((h, a))) in seen
         for d, h, a in zip(frame["date"], frame["home_id"], frame["away_id"], strict=True)],
        index=frame.index,
    )  # fmt: skip


def _fill_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """UEFA's dump has no day for 431 early matches: take it from engsoccerdata's
    European Cup file, the same season, home side, away side and replay or not."""
    days, extra = {}, []
    keys = ("season", "home_id", "away_id", "replay")
    held = set(zip(*(frame[k] for k in keys), strict=True))
    for r in raw.champs():
        home, away = identity.team_id(r["home"]), identity.team_id(r["away"])
        key = (r["season"], home, away, r["replay"])
        days[key] = r["date"]
        if key not in held and home is not None and away is not None:
            extra.append(r | {"home_id": home, "away_id": away, "kind": "continental_cup"})
    for r in raw.sch_ucl_dates():  # a second witness where the first has no row
        home, away = identity.team_id(r["home"]), identity.team_id(r["away"])
        days.setdefault((r["season"], home, away, False), r["date"])
    missing = frame["date"].isna()
    frame.loc[missing, "date"] = [
        days.get((r.season, r.home_id, r.away_id, r.replay)) for r in frame[missing].itertuples()
    ]
    frame = frame[frame["date"].notna()]
    # the same match may list its sides the other way round in the two files
    pairs = map(frozenset, zip(frame["home_id"], frame["away_id"], strict=True))
    seen = set(zip(frame["date"], pairs, strict=True))
    extra = [r for r in extra if (r["date"], frozenset((r["home_id"], r["away_id"]))) not in seen]
    frame = pd.concat([frame, pd.DataFrame(extra)], ignore_index=True)
    return frame


def team_matches(team: int, as_of: dt.date) -> pd.DataFrame:
    m = matches()
    m = m[((m["home_id"] == team) | (m["away_id"] == team)) & m["played"] & (m["date"] < as_of)]
    home = m["home_id"] == team
    out = pd.DataFrame({
        "id": m.index, "date": m["date"], "season": m["season"], "comp": m["comp"],
        "kind": m["kind"], "stage": m["stage"], "round": m["round"].fillna(""),
        "venue": [
            "neutral" if n else ("home" if h else "away")
            for n, h in zip(m["neutral"], home, strict=True)
        ],
        "opponent": m["away_id"].where(home, m["home_id"]),
        "gf": m["hg"].where(home, m["ag"]).astype(int),
        "ga": m["ag"].where(home, m["hg"]).astype(int),
    })  # fmt: skip
    out["opponent_country"] = out["opponent"].map(identity.country)
    return out.reset_index(drop=True)


@cache
def all_ties() -> pd.DataFrame:
    """Every two-legged tie of the European competitions with its winner, one row a tie."""
    m = matches()
    euro = m[m["comp"].isin(EUROPEAN)]
    rows = []
    for (_comp, _season), season in euro.groupby(["comp", "season"], sort=False):
        later = defaultdict(list)  # team -> dates it played in this competition and season
        for r in season.itertuples():
            later[r.home_id].append(r.date)
            later[r.away_id].append(r.date)
        pairs = defaultdict(list)
        for r in season[season["stage"].isin(("knockout", "qualifying", "final"))].itertuples():
            pairs[frozenset((r.home_id, r.away_id))].append(r)
        for legs in pairs.values():
            legs.sort(key=lambda r: r.date)
            if len(legs) < 2 or legs[0].home_id != legs[1].away_id or not legs[1].played:
                continue
            if legs[0].neutral:  # a final and its replay, not a two-legged tie
                continue
            first, second = legs[0], legs[1]
            a, b = first.home_id, first.away_id
            end = legs[-1].date
            on = [t for t in (a, b) if any(d > end for d in later[t])]
            winner = on[0] if len(on) == 1 else None
            if not on and first.round == "F":
                winner = _final_winner(legs)
            rows.append(dict(
                id=second.Index, date=second.date, season=second.season, comp=second.comp,
                kind="continental_cup", stage=first.stage, round=first.round or "",
                a=a, b=b, fl_a=int(first.hg), fl_b=int(first.ag), neutral2=second.neutral,
                winner=winner,
            ))  # fmt: skip
    return pd.DataFrame(rows)


def _final_winner(legs: list) -> int | None:
    first, second = legs[0], legs[1]
    a, b = first.home_id, first.away_id
    agg_a, agg_b = first.hg + second.ag, first.ag + second.hg
    if agg_a != agg_b:
        return a if agg_a > agg_b else b
    if second.ag != first.ag:  # away goals: a's away goals are second.ag
        return a if second.ag > first.ag else b
    if len(legs) > 2 and legs[2].played and legs[2].hg != legs[2].ag:
        third = legs[2]
        return third.home_id if third.hg > third.ag else third.away_id
    return None


def _side(ties: pd.DataFrame, side: str) -> pd.DataFrame:
    other = "b" if side == "a" else "a"
    is_a = side == "a"
    out = pd.DataFrame({
        "id": ties["id"], "date": ties["date"], "season": ties["season"], "comp": ties["comp"],
        "kind": ties["kind"], "stage": ties["stage"], "round": ties["round"],
        "venue": ["neutral" if n else ("away" if is_a else "home") for n in ties["neutral2"]],
        "opponent": ties[other], "side": ties[side],
        "fl_venue": "home" if is_a else "away",
        "fl_gf": ties["fl_a"] if is_a else ties["fl_b"],
        "fl_ga": ties["fl_b"] if is_a else ties["fl_a"],
        "through": ties["winner"] == ties[side],
    })  # fmt: skip
    out["opponent_country"] = out["opponent"].map(identity.country)
    return out


def team_ties(team: int | None, as_of: dt.date) -> pd.DataFrame:
    """A team's decided ties before the day (every side's when team is None), oldest first."""
    t = all_ties()
    t = t[t["winner"].notna() & (t["date"] < as_of)]
    if team is None:
        both = pd.concat([_side(t, "a"), _side(t, "b")])
    else:
        both = pd.concat([_side(t[t["a"] == team], "a"), _side(t[t["b"] == team], "b")])
    return both.sort_values(["date", "id", "side"], kind="stable").reset_index(drop=True)
