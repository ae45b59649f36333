"""First since: what a win would end, and what the last win ended.

Prospective: "A Liverpool win would be their first over Real Madrid since a 4-0 win in
March 2009" — the current run without a win (gaps-and-islands) in the meetings, at the
hosts' ground, or against the opponent's country in knockout matches, and the win that
came before it.
Retrospective: "Liverpool's 2-1 win over Aston Villa on 10 April 2021 was their first home
league win since a 2-1 win over Tottenham Hotspur in December 2020" — the same run, over
the scope's matches before the side's latest one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from matchfacts.facts.context import Fixture, Scope, evidence, team_matches_sql
from matchfacts.facts.miners_h2h import meetings_scope, same_country
from matchfacts.facts.rank import run_chance
from matchfacts.facts.record import Fact
from matchfacts.facts.runs import Run, runs
from matchfacts.facts.words import ADJECTIVES, day, month, possessive, result, score
from matchfacts.store.lookup import TeamRef

MIN_DROUGHT = 3  # matches without a win
MIN_YEARS = 3  # ... over at least this long
LONG_AGO = 5  # or two matches without a win over at least this long
MIN_ENDED = 5  # matches without a win that the latest win ended ...
MIN_ENDED_DAYS = 90  # ... over at least this long


@dataclass(frozen=True, slots=True)
class Drought:
    scope: Scope
    phrase: str  # "over Real Madrid": what the win would be the first of
    context: dict[str, str]
    name_opponent: bool  # whether the win that came before needs its opponent named


def _played(con: duckdb.DuckDBPyConnection, match_id: int, team_id: int) -> tuple:
    """(date, goals for, goals against, opponent) of a match, from the team's side."""
    return con.execute(
        """SELECT m.date,
                  CASE WHEN m.home_id = $team THEN coalesce(m.home_goals_et, m.home_goals)
                       ELSE coalesce(m.away_goals_et, m.away_goals) END,
                  CASE WHEN m.home_id = $team THEN coalesce(m.away_goals_et, m.away_goals)
                       ELSE coalesce(m.home_goals_et, m.home_goals) END,
                  coalesce(o.short_name, o.name)
           FROM match m JOIN team o
             ON o.id = CASE WHEN m.home_id = $team THEN m.away_id ELSE m.home_id END
           WHERE m.id = $id""",
        {"id": match_id, "team": team_id},
    ).fetchone()


def droughts(fx: Fixture, team: TeamRef, other: TeamRef, side: str) -> list[Drought]:
    league = same_country(fx)
    found = [
        Drought(
            meetings_scope(fx),
            f"{'league win ' if league else ''}over {other.short_name}",
            {"opponent": other.short_name, **({"competition": "league"} if league else {})},
            False,
        )
    ]
    if side == "away":
        found.append(
            Drought(
                meetings_scope(fx, venue="away"),
                f"{'league win ' if league else ''}at {other.short_name}",
                {
                    "venue": f"{other.short_name} (home)",
                    **({"competition": "league"} if league else {}),
                },
                False,
            )
        )
    adjective = ADJECTIVES.get(other.country or "")
    if fx.european and not league and adjective:
        where = "at home to" if side == "home" else "away to"
        found.append(
            Drought(
                Scope(knockout=True, venue=side, opponent_country=True),
                f"{where} {adjective} opposition in a knockout match",
                {"stage": "knockout", "venue": side, "opposition": adjective},
                True,
            )
        )
    return found


def first_since(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """What a win in this match would be the first of since, for either side."""
    facts = []
    for team, other, side in ((fx.home, fx.away, "home"), (fx.away, fx.home, "away")):
        for drought in droughts(fx, team, other, side):
            run = runs(
                con,
                team_matches_sql(drought.scope),
                drought.scope.params(fx, team, other),
                ("winless",),
                fx.match.season,
            ).get("winless")
            if run is None or run.breaker is None or run.length < 2:
                continue
            date, gf, ga, opponent = _played(con, run.breaker, team.id)
            years = (fx.as_of - date).days / 365.25
            if not ((run.length >= MIN_DROUGHT and years >= MIN_YEARS) or years >= LONG_AGO):
                continue
            last = f"{result(gf, ga)}{f' over {opponent}' if drought.name_opponent else ''}"
            text = (
                f"A {team.short_name} win would be their first {drought.phrase} "
                f"since {last} in {month(date)}."
            )
            facts.append(_fact(con, fx, team, drought.context, "first_win", text, run, date))
    return facts


def _fact(
    con: duckdb.DuckDBPyConnection,
    fx: Fixture,
    team: TeamRef,
    context: dict[str, str],
    measure: str,
    text: str,
    run: Run,
    since: dt.date,
    latest: int | None = None,
) -> Fact:
    ids = [run.breaker, *run.ids, *([latest] if latest else [])]
    return Fact(
        "first_since",
        team.short_name,
        context,
        measure,
        run.length,
        text,
        fx.as_of,
        evidence(con, ids),
        details={
            "subject_kind": "team",
            "chance": run_chance(run.rate, run.length),
            "windows": run.windows(),
            "since": since.isoformat(),
            "sample": run.length + 1,
        },
    )


ENDED = {  # scope of the side's latest match: what a win there was the first of
    "home league win": Scope(competition="league", venue="home"),
    "away league win": Scope(competition="league", venue="away"),
    "win in European competition": Scope(competition="europe"),
}


def ended_droughts(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """A side whose latest match was a win that ended a long run without one."""
    facts = []
    for team, other in ((fx.home, fx.away), (fx.away, fx.home)):
        recent = con.execute(
            f"""SELECT id FROM ({team_matches_sql(Scope())})
                ORDER BY date DESC, id DESC LIMIT 2""",
            Scope().params(fx, team, other),
        ).fetchall()
        for noun, scope in ENDED.items():
            sql = team_matches_sql(scope)
            params = scope.params(fx, team, other)
            latest = con.execute(
                f"SELECT id, gf > ga FROM ({sql}) ORDER BY date DESC, id DESC LIMIT 1", params
            ).fetchone()
            if latest is None or not latest[1] or latest[0] not in {r[0] for r in recent}:
                continue
            before = f"""SELECT * FROM ({sql})
                QUALIFY row_number() OVER (ORDER BY date DESC, id DESC) > 1"""
            run = runs(con, before, params, ("winless",), fx.match.season).get("winless")
            if run is None or run.breaker is None or run.length < MIN_ENDED:
                continue
            date, gf, ga, opponent = _played(con, latest[0], team.id)
            since, pgf, pga, popp = _played(con, run.breaker, team.id)
            if (date - since).days < MIN_ENDED_DAYS:
                continue
            text = (
                f"{possessive(team.short_name)} {score(gf, ga)} win over {opponent} on "
                f"{day(date)} was their first {noun} since {result(pgf, pga)} over {popp} "
                f"in {month(since)}."
            )
            context = {"competition": "European" if scope.competition == "europe" else "league"}
            if scope.venue:
                context["venue"] = scope.venue
            facts.append(
                _fact(con, fx, team, context, "ended_drought", text, run, since, latest[0])
            )
    return facts
