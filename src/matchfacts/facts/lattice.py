"""The lattice: every query around a fixture, evaluated and kept where it is a story.

For each subject of the fixture (the two sides; every side in the tie's situation; each
side's leading scorers) it enumerates events x shapes x contexts of up to three filters x
windows, prunes by sample size, and answers each from the subject's units fetched once
(facts/evaluate.py). Ranking and merging are facts/rank.py's and facts/merge.py's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace

import duckdb

from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import Context, FirstLeg, Query, Subject, Window
from matchfacts.store.lookup import MatchRow, TeamRef, tie_legs

RUN_EVENTS = ("win", "unbeaten", "winless", "loss", "scored", "clean_sheet", "failed_to_score")
MIN_RUN = {"opponent": 3, None: 4}  # meetings are fewer: a run of three is a story there
MIN_RECORD = {"opponent": 3, "first_leg": 4, None: 6}
MAX_FILTERS = 3
MIN_SPLIT = 5  # "five of their 11 home defeats": a split of fewer is no story
ROUND_STAGES = {"QF": "quarter_final", "SF": "semi_final", "R16": "round_of_16", "F": "final"}


@dataclass(frozen=True, slots=True)
class Fixture:
    home: TeamRef
    away: TeamRef
    match: MatchRow
    first_leg: tuple[int, int, int, int] | None  # home id, away id, home goals, away goals

    @property
    def competition(self) -> str:
        return self.match.competition_id

    @property
    def european(self) -> bool:
        return self.competition in LEXICON.european

    @property
    def same_country(self) -> bool:
        return self.home.country is not None and self.home.country == self.away.country


def first_leg_of(con: duckdb.DuckDBPyConnection, match: MatchRow) -> tuple | None:
    legs = tie_legs(con, match)
    if match.leg != 2 or legs is None:
        return None
    row = con.execute(
        """SELECT home_id, away_id, home_goals, away_goals FROM match
           WHERE id = ? AND date < ?""",
        [legs[0], match.date],
    ).fetchone()
    return None if row is None or row[2] is None else row


def team_contexts(fx: Fixture, team: TeamRef, other: TeamRef, side: str) -> Iterator[Context]:
    """Natural contexts for one side: competition sets x venue x opponent x stage x season,
    at most three filters off their default."""
    competitions = ["all", "league"]
    if fx.european:
        competitions = [fx.competition, "european", "all"]
    elif fx.match.competition_id not in ("all",):
        # a league match: "their last four league games" (whatever the tier, as a desk
        # counts a promoted side's run); the tier itself for meetings and this season
        competitions = [fx.competition, "league", "all"]
    stages: list[str | None] = [None]
    if fx.european and fx.match.stage in ("knockout", "final"):
        stages.append("knockout")
        if ROUND_STAGES.get(fx.match.round or "") not in (None, "final"):
            stages.append(ROUND_STAGES[fx.match.round])  # "their home semi-finals"
    venue_options: list[str | None] = [None, side if not fx.match.neutral else "neutral"]
    opponents: list[tuple[int | None, str | None]] = [(None, None), (other.id, None)]
    if fx.european and not fx.same_country and other.country:
        opponents.append((None, other.country))
    seasons = [None, fx.match.season]
    for comp, stage, venue, (opp, country), season in itertools.product(
        competitions, stages, venue_options, opponents, seasons
    ):
        if season is not None and (comp in ("all",) or opp is not None or country):
            continue
        if comp == "all" and (stage or country):
            continue
        if comp == "league" and season is not None:
            continue  # this season's league matches are the tier's
        if not fx.european and comp == fx.competition and opp is None and season is None:
            continue  # a side's own runs and records: its league matches, any tier
        ctx = Context(
            competition=comp,
            stage=stage,
            venue=venue,
            opponent=opp,
            opponent_country=country,
            season=season,
        )
        if len(ctx.filters()) <= MAX_FILTERS:
            yield ctx


def team_queries(fx: Fixture, team: TeamRef, other: TeamRef, side: str) -> Iterator[Query]:
    subject = Subject(team=team.id)
    for ctx in team_contexts(fx, team, other, side):
        for event in RUN_EVENTS:
            yield Query(subject, event, "match", "run", ctx)
        yield Query(subject, "win", "match", "k_of_n", ctx)
        if ctx.opponent is not None or ctx.opponent_country is not None:
            yield Query(subject, "win", "match", "first_since", ctx)
            yield Query(subject, "played", "match", "record", ctx)  # the statbox line
        if ctx.opponent is not None and ctx.venue == "away" and fx.european:
            yield Query(subject, "played", "match", "nth", ctx)
        if ctx.venue is not None and ctx.opponent is None and ctx.season is None:
            yield Query(subject, "win", "match", "k_of_n", ctx, Window(last=10))
        if ctx.opponent is None and ctx.opponent_country is None and ctx.season is None:
            for part in _parts(fx, other):
                for event in ("loss", "win"):
                    yield Query(subject, event, "match", "split", ctx, part=part)


def _parts(fx: Fixture, other: TeamRef) -> list[Context]:
    """What a side's wins or defeats are split by: the opponent's country (in Europe)."""
    if fx.european and not fx.same_country and other.country:
        return [Context(opponent_country=other.country)]
    return []


def situation(fx: Fixture, team: TeamRef) -> tuple[FirstLeg, FirstLeg, FirstLeg] | None:
    """The first leg from `team`'s side: by the exact score, by the margin, by the margin
    or more."""
    if fx.first_leg is None:
        return None
    home_id, _, hg, ag = fx.first_leg
    venue = "home" if team.id == home_id else "away"
    gf, ga = (hg, ag) if venue == "home" else (ag, hg)
    result = "win" if gf > ga else ("loss" if gf < ga else "draw")
    margin = abs(gf - ga)
    return (
        FirstLeg(result, venue, score=(gf, ga)),
        FirstLeg(result, venue, margin if margin else None),
        FirstLeg(result, venue, margin if margin else None, or_more=margin > 0),
    )


def tie_queries(fx: Fixture) -> Iterator[Query]:
    if fx.first_leg is None or not fx.european:
        return
    for team in (fx.home, fx.away):
        exact, by_margin, or_more = situation(fx, team)
        anywhere = [replace(fl, venue=None) for fl in (by_margin, or_more)]  # home or away
        for fl in (by_margin, or_more, *anywhere):
            for comp in (fx.competition, "european"):
                ctx = Context(competition=comp, first_leg=fl)
                yield Query(Subject(team=team.id), "through", "tie", "k_of_n", ctx)
    exact, _, _ = situation(fx, fx.home)
    for comp in (fx.competition, "european"):
        ctx = Context(competition=comp, first_leg=exact)
        yield Query(Subject(sides=True), "through", "tie", "k_of_n", ctx)
        # the side that could become the n-th is named: the hosts, in the situation
        yield Query(Subject(team=fx.home.id, sides=True), "through", "tie", "nth", ctx)


def season_queries(fx: Fixture) -> Iterator[Query]:
    """Each side's seasons in this European competition: which this is, how many in a row,
    and which time it reaches this round ("a seventh semi-final in the Champions League")."""
    if not fx.european:
        return
    stage = ROUND_STAGES.get(fx.match.round or "")
    for team in (fx.home, fx.away):
        subject = Subject(team=team.id)
        ctx = Context(competition=fx.competition)
        yield Query(subject, "played", "season", "nth", ctx)
        yield Query(subject, "played", "season", "run", ctx)
        if stage in ("quarter_final", "semi_final", "final"):
            for comp in (fx.competition, "european"):
                yield Query(subject, "reached", "season", "nth", Context(competition=comp, stage=stage))  # noqa: E501


def leading_scorers(
    con: duckdb.DuckDBPyConnection, fx: Fixture, team: TeamRef, limit: int = 3
) -> list[int]:
    """The side's leading scorers in this competition this season (or, failing that, in
    every European match of the last two seasons)."""
    rows = con.execute(
        """SELECT g.player_id FROM goals_before($as_of) g JOIN match m ON m.id = g.match_id
           WHERE g.team_id = $team AND g.kind <> 'own_goal' AND g.player_id IS NOT NULL
             AND m.competition_id = $comp AND m.season >= $season
           GROUP BY g.player_id ORDER BY count(*) DESC, g.player_id LIMIT $limit""",
        {
            "as_of": fx.match.date,
            "team": team.id,
            "comp": fx.competition,
            "season": fx.match.season,
            "limit": limit,
        },
    ).fetchall()
    return [r[0] for r in rows]


def player_queries(con: duckdb.DuckDBPyConnection, fx: Fixture) -> Iterator[Query]:
    if not fx.european:
        return
    for team in (fx.home, fx.away):
        for player in leading_scorers(con, fx, team):
            subject = Subject(team=team.id, player=player)
            comp = Context(competition=fx.competition)
            yield Query(subject, "goal", "match", "run", comp)
            yield Query(subject, "goal", "match", "share", Context(competition=fx.competition, season=fx.match.season))  # noqa: E501
            yield Query(subject, "goal", "match", "count", comp)
            if fx.match.stage in ("knockout", "final"):
                yield Query(subject, "goal", "match", "count", Context(competition=fx.competition, stage="knockout"))  # noqa: E501
                yield Query(subject, "goal", "match", "split", comp, part=Context(stage="knockout"))  # noqa: E501


def queries(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Query]:
    found = [
        *team_queries(fx, fx.home, fx.away, "home"),
        *team_queries(fx, fx.away, fx.home, "away"),
        *tie_queries(fx),
        *season_queries(fx),
        *player_queries(con, fx),
    ]
    return list(dict.fromkeys(found))


def enough(q: Query, n: int, value: object) -> bool:
    """Prune by sample size: a run or a record needs enough units to be a story."""
    key = "opponent" if q.context.opponent is not None else None
    if q.context.first_leg is not None:
        key = "first_leg"
    if q.window.last is not None and n < q.window.last:
        return False  # "the last ten" of seven is all seven: that query is asked too
    if q.shape == "record":
        return n >= 3  # a statbox line: three meetings will do
    if q.unit == "season":  # a first season is no story; a run of two is every other side's
        return isinstance(value, int) and value >= (3 if q.shape == "run" else 2)
    if q.shape == "run":
        return isinstance(value, int) and value >= MIN_RUN.get(key, 4)
    if q.shape == "k_of_n":
        return n >= MIN_RECORD.get(key, 6)
    if q.shape == "first_since":
        return value is not None
    if q.shape == "count":
        return isinstance(value, int) and value > 0
    if q.shape == "split":
        return value[1] >= MIN_SPLIT and value[0] > 0
    return n >= 1


def answered(evaluator: Evaluator, qs: list[Query]) -> Iterator[tuple[Query, object]]:
    for q in qs:
        answer = evaluator.answer(q)
        if answer.value is not None and enough(q, answer.n, answer.value):
            yield q, answer
