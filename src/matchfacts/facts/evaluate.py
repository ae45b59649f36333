"""Evaluate: what a query means in data. The only place that decides it.

A subject's units are fetched once (facts/units.py); a context is a mask over their
columns, a window a cut of the newest units, the event a predicate, the shape a reduction.
So one SQL pass per subject answers every context the lattice asks of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import duckdb
import numpy as np

from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import Answer, Context, FirstLeg, Query, Record, Window
from matchfacts.facts.units import (
    Units,
    all_sides_ties_sql,
    fetch,
    player_matches_sql,
    team_matches_sql,
    team_ties_sql,
)
from matchfacts.sources.records import season_label, season_of
from matchfacts.store.coverage import gaps as coverage_gaps
from matchfacts.store.coverage import season_range

# An event as a predicate on a match's or a tie's columns, from the subject's side.
EVENT_TESTS: dict[str, Callable[[Units], np.ndarray]] = {
    "win": lambda u: u["gf"] > u["ga"],
    "draw": lambda u: u["gf"] == u["ga"],
    "loss": lambda u: u["gf"] < u["ga"],
    "unbeaten": lambda u: u["gf"] >= u["ga"],
    "winless": lambda u: u["gf"] <= u["ga"],
    "scored": lambda u: u["gf"] > 0,
    "conceded": lambda u: u["ga"] > 0,
    "clean_sheet": lambda u: u["ga"] == 0,
    "failed_to_score": lambda u: u["gf"] == 0,
    "played": lambda u: np.ones(len(u), dtype=bool),
    "through": lambda u: u["through"].astype(bool),
    "out": lambda u: ~u["through"].astype(bool),
    "goal": lambda u: goals_of(u) > 0,
    "reached": lambda u: np.ones(len(u), dtype=bool),  # a unit at the stage: it was reached
}


def goals_of(units: Units) -> np.ndarray:
    """A player's goals in each match; for a team, its goals."""
    return units["goals"] if "goals" in units.columns else units["gf"]


STAGE_ROUNDS = {"semi_final": "SF", "quarter_final": "QF", "round_of_16": "R16"}


class Evaluator:
    """Answers queries as of a day; a subject's units are read once and kept."""

    def __init__(self, con: duckdb.DuckDBPyConnection, as_of: dt.date) -> None:
        self.con = con
        self.as_of = as_of
        self._units: dict[tuple, Units] = {}
        self._coverage: dict[str, str] | None = None
        self._gaps: dict[str, frozenset[str]] | None = None
        self._answers: dict[Query, Answer] = {}
        self._masks: dict[int, dict] = {}  # per units: (filter, value) -> mask

    def units(self, query: Query) -> Units:
        s = query.subject
        if s.sides:
            key, sql, params = ("sides",), all_sides_ties_sql(), {}
        elif s.player is not None:
            key, sql = ("player", s.team, s.player), player_matches_sql()
            params = {"team": s.team, "player": s.player}
        elif query.unit == "tie":
            key, sql, params = ("ties", s.team), team_ties_sql(), {"team": s.team}
        else:
            key, sql, params = ("matches", s.team), team_matches_sql(), {"team": s.team}
        if key not in self._units:
            self._units[key] = fetch(self.con, sql, params | {"as_of": self.as_of})
        return self._units[key]

    def answer(self, query: Query) -> Answer:
        """The query's answer; the same query (the lattice and its neighbours ask many
        twice) is answered once."""
        if query not in self._answers:
            self._answers[query] = self._answer(query)
        return self._answers[query]

    def _answer(self, query: Query) -> Answer:
        units = self.units(query)
        mask = context_mask(units, query.context, self._masks.setdefault(id(units), {}))
        if query.unit == "season":
            return season_answer(query, units, mask, season_of(self.as_of))
        answer = shape_answer(query, units, mask, self.gaps())
        if answer.n and query.window.everything:
            held = set(units["competition"][mask].tolist())
            # "league matches" (a set, not a named league) reach back to the country's
            # league football; "in the Eredivisie" only to the Eredivisie's first season
            named = query.context.competition not in ("all", "league", "european")
            start = LEXICON.first_season if named else LEXICON.league_from
            late = any(self.coverage().get(c, "") > (start(c) or "") for c in held)
            answer = replace(answer, partial=late)
        return answer

    def gaps(self) -> dict[str, frozenset[str]]:
        """Each competition's seasons the store lacks between its first and last held
        (store/coverage.py): a run never bridges one."""
        if self._gaps is None:
            self._gaps = coverage_gaps(self.con)
        return self._gaps

    def coverage(self) -> dict[str, str]:
        """The first season the store holds of each competition (coverage as data)."""
        if self._coverage is None:
            rows = self.con.execute(
                "SELECT competition_id, min(season) FROM match GROUP BY competition_id"
            ).fetchall()
            self._coverage = dict(rows)
        return self._coverage


def _competition(units: Units, value: str) -> np.ndarray:
    competition = units["competition"]
    if value == "european":
        return np.isin(competition, LEXICON.european)
    if value == "league":
        return units["kind"] == "league"
    if value == "all":  # every competition: the one-off Super Cup is not a season's match
        return competition != "USC"
    return competition == value


def _stage(units: Units, stage: str | None) -> np.ndarray | None:
    if stage is None:
        return None
    if stage == "knockout":
        return np.isin(units["stage"], ("knockout", "final"))
    if stage in ("final", "group"):
        return units["stage"] == stage
    return units["round"] == STAGE_ROUNDS[stage]


def _equal(column: str) -> Callable[[Units, object], np.ndarray | None]:
    return lambda units, value: None if value is None else units[column] == value


# Each filter of a context as a mask over a subject's units (None: it keeps every unit).
FILTERS: dict[str, Callable[[Units, object], np.ndarray | None]] = {
    "competition": _competition,
    "qualifying": lambda u, counted: None if counted else u["stage"] != "qualifying",
    "stage": _stage,
    "venue": _equal("venue"),
    "opponent": _equal("opponent"),
    "opponent_country": _equal("opponent_country"),
    "season": _equal("season"),
    "first_leg": lambda u, fl: None if fl is None else first_leg_mask(u, fl),
    "match": _equal("id"),
}


def context_mask(units: Units, ctx: Context, cache: dict | None = None) -> np.ndarray:
    """The units a context keeps: the AND of its filters' masks, each computed once per
    subject when a cache is given."""
    keep = np.ones(len(units), dtype=bool)
    if len(units) == 0:
        return keep
    for name, mask_of in FILTERS.items():
        key = (name, getattr(ctx, name))
        if cache is not None and key in cache:
            mask = cache[key]
        else:
            mask = mask_of(units, key[1])
            if cache is not None:
                cache[key] = mask
        if mask is not None:
            keep &= mask
    return keep


def first_leg_mask(units: Units, fl: FirstLeg) -> np.ndarray:
    margin = units["fl_gf"] - units["fl_ga"]
    keep = units["legs"] == 2  # a one-match final has no first leg to come back from
    if fl.venue:
        keep &= units["fl_venue"] == fl.venue
    if fl.score is not None:
        return keep & (units["fl_gf"] == fl.score[0]) & (units["fl_ga"] == fl.score[1])
    sign = {"win": 1, "draw": 0, "loss": -1}[fl.result]
    keep &= np.sign(margin) == sign
    if fl.margin is not None and sign != 0:
        size = np.abs(margin)
        keep &= size >= fl.margin if fl.or_more else size == fl.margin
    return keep


def window_positions(units: Units, mask: np.ndarray, window: Window) -> np.ndarray:
    """Positions of the context's units inside the window, oldest first."""
    positions = np.flatnonzero(mask)
    if window.since is not None:
        positions = positions[units["date"][positions] >= np.datetime64(window.since, "D")]
    if window.last is not None:
        positions = positions[-window.last :]
    return positions


def shape_answer(
    query: Query, units: Units, mask: np.ndarray, gaps: dict[str, frozenset[str]] | None = None
) -> Answer:
    positions = window_positions(units, mask, query.window)
    ids = units["id"]
    first_season = str(units["season"][positions[0]]) if len(positions) else None
    if len(positions) == 0:
        return Answer(None, n=0)
    hits = EVENT_TESTS[query.event](units)[positions]
    shape = query.shape
    common = {"n": len(positions), "first_season": first_season}
    if shape in ("count", "k_of_n", "nth"):
        if query.unit == "goal":  # the team's goals, for or against, not its matches
            column = units["gf"] if query.event == "scored" else units["ga"]
            k = int(column[positions].sum())
        elif query.event == "goal" and shape == "count":
            k = int(goals_of(units)[positions].sum())
        else:
            k = int(hits.sum())
        value = (k, len(positions)) if shape == "k_of_n" else (k + 1 if shape == "nth" else k)
        if query.subject.sides and shape == "nth":  # the k-th side: distinct sides
            value = len(set(units["side"][positions][hits].tolist())) + 1
        evidence = positions[hits] if shape != "k_of_n" else positions
        return Answer(value, _ids(ids, evidence), rate=_rate(hits), **common)
    if shape == "split":  # of the event's units (or goals) in the context, those in the part
        weight = goals_of(units)[positions] if query.event == "goal" else hits.astype(int)
        inside = context_mask(units, query.part)[positions]
        k, n = int(weight[inside].sum()), int(weight.sum())
        evidence = positions[(weight > 0) & inside]
        return Answer((k, n), _ids(ids, evidence), **common)
    if shape == "share":
        goals = int(units["goals"][positions].sum())
        team_goals = int(units["gf"][positions].sum())
        evidence = positions[units["goals"][positions] > 0]
        return Answer((goals, team_goals), _ids(ids, evidence), **common)
    if shape == "record":
        gf, ga = units["gf"][positions], units["ga"][positions]
        value = Record(
            len(positions),
            int((gf > ga).sum()),
            int((gf == ga).sum()),
            int((gf < ga).sum()),
            int(gf.sum()),
            int(ga.sum()),
        )
        return Answer(value, _ids(ids, positions), **common)
    if shape == "run":
        answer = _active_run(ids, positions, hits, common)
        return _cut_at_gap(answer, units, positions, hits, gaps) if gaps else answer
    if shape == "best_run":
        return _best_run(ids, positions, hits, common)
    if shape == "first_since":
        found = np.flatnonzero(hits)
        if len(found) == 0:
            return Answer(None, (), **common)
        last = positions[found[-1]]
        since = positions[positions >= last]
        date = units["date"][last].astype(dt.date)
        return Answer(date, _ids(ids, since), breaker=int(ids[last]), **common)
    raise ValueError(f"shape {shape!r} is not evaluated here (need goes to the tie engine)")


def season_answer(query: Query, units: Units, mask: np.ndarray, current: str) -> Answer:
    """Seasons in which the subject played in the context (reached its stage): how many
    (count); which this one is, the current season counted once (nth: "a seventh
    Champions League semi-final"); how many in a row up to this one (run: "a 19th straight
    Champions League season")."""
    positions = window_positions(units, mask, query.window)
    if len(positions) == 0:
        return Answer(None, n=0)
    seasons = units["season"][positions]
    held = sorted(set(seasons.tolist()))
    first = {season: int(positions[seasons == season][0]) for season in held}
    evidence = tuple(int(units["id"][first[s]]) for s in held)
    common = {"n": len(held), "first_season": held[0]}
    if query.shape == "count":
        return Answer(len(held), evidence, **common)
    if query.shape == "nth":
        return Answer(len(held) + (current not in held), evidence, **common)
    run, year = 0, int(current[:4])  # seasons in a row back from this one
    if current not in held:
        run = 1  # this season's is the next of the run
        year -= 1
    while season_label(year) in held:
        run, year = run + 1, year - 1
    common["first_season"] = season_label(year + 1)  # the run's first: "in the Champions League"
    in_run = tuple(e for s, e in zip(held, evidence, strict=True) if s >= common["first_season"])
    return Answer(run, in_run, **common)


def _ids(ids: np.ndarray, positions: np.ndarray) -> tuple[int, ...]:
    return tuple(ids[positions].tolist())


def _rate(hits: np.ndarray) -> float:
    """How often the event held, smoothed: (hits + 1) / (n + 2)."""
    return (float(hits.sum()) + 1) / (len(hits) + 2)


def _active_run(ids, positions, hits, common) -> Answer:
    misses = np.flatnonzero(~hits)
    start = misses[-1] + 1 if len(misses) else 0
    run = positions[start:]
    breaker = int(ids[positions[misses[-1]]]) if len(misses) else None
    before = hits[:start]
    return Answer(len(run), _ids(ids, run), breaker=breaker, rate=_rate(before), **common)


def _cut_at_gap(
    answer: Answer,
    units: Units,
    positions: np.ndarray,
    hits: np.ndarray,
    gaps: dict[str, frozenset[str]],
) -> Answer:
    """The run from the last season the store lacks inside it: "unbeaten in 40 league
    games" must not count across 2022-23 in England's second tier, where the data holds no
    match (the side may have lost every one)."""
    misses = np.flatnonzero(~hits)
    run = positions[misses[-1] + 1 :] if len(misses) else positions
    if len(run) < 2:
        return answer
    seasons, competitions = units["season"][run], units["competition"][run]
    first, last = seasons[0], seasons[-1]
    if not any(first < g < last for c in set(competitions.tolist()) for g in gaps.get(c, ())):
        return answer  # no gap inside the run's span: the usual case, answered at once
    for k in range(len(run) - 1, 0, -1):
        between = season_range(seasons[k - 1], seasons[k])[1:-1]
        held_in = {competitions[k - 1], competitions[k]}
        if any(season in gaps.get(c, ()) for c in held_in for season in between):
            kept = answer.evidence[k:]
            return replace(answer, value=len(kept), evidence=kept, breaker=None)
    return answer


def _best_run(ids, positions, hits, common) -> Answer:
    best, best_end, length = 0, -1, 0
    for i, hit in enumerate(hits):
        length = length + 1 if hit else 0
        if length > best:
            best, best_end = length, i
    run = positions[best_end - best + 1 : best_end + 1] if best else positions[:0]
    return Answer(best, _ids(ids, run), rate=_rate(hits), **common)
