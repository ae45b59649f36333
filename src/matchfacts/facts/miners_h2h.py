"""The two sides' meetings: head-to-head runs and record, and the visitors' record at the
hosts' ground.

Sides from different countries meet only in European competition, so every meeting the
store holds is a meeting; sides from the same country also meet in domestic cups, which the
store does not hold, so their facts count league meetings and say so ("in the league").
"""

from __future__ import annotations

import duckdb

from matchfacts.facts.context import Fixture, Scope, evidence, team_matches_sql
from matchfacts.facts.rank import binomial_chance, run_chance
from matchfacts.facts.record import Fact
from matchfacts.facts.runs import record, runs
from matchfacts.facts.words import ADJECTIVES, count, month, number, result, times

MIN_COUNTRY_MATCHES = 6


def same_country(fx: Fixture) -> bool:
    return fx.home.country is not None and fx.home.country == fx.away.country


def meetings_scope(fx: Fixture, **filters: object) -> Scope:
    return Scope(competition="league" if same_country(fx) else None, opponent=True, **filters)


def since_phrase(con: duckdb.DuckDBPyConnection, match_id: int, team_id: int) -> str:
    """', since a 4-0 win in March 2009' for the match that ended the previous run."""
    date, gf, ga = con.execute(
        """SELECT m.date,
                  CASE WHEN m.home_id = $team THEN coalesce(m.home_goals_et, m.home_goals)
                       ELSE coalesce(m.away_goals_et, m.away_goals) END,
                  CASE WHEN m.home_id = $team THEN coalesce(m.away_goals_et, m.away_goals)
                       ELSE coalesce(m.home_goals_et, m.home_goals) END
           FROM match m WHERE m.id = $id""",
        {"id": match_id, "team": team_id},
    ).fetchone()
    return f", since {result(gf, ga)} in {month(date)}"


H2H_VERBS = {
    "winless": "have not beaten {other}",
    "winning": "have beaten {other}",
    "unbeaten": "are unbeaten against {other}",
}


def head_to_head(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Active runs in the meetings of the two sides."""
    facts = []
    league = " in the league" if same_country(fx) else ""
    scope = meetings_scope(fx)
    for team, other in ((fx.home, fx.away), (fx.away, fx.home)):
        found = runs(
            con,
            team_matches_sql(scope),
            scope.params(fx, team, other),
            tuple(H2H_VERBS),
            fx.match.season,
        )
        for measure in ("winless", "winning", "unbeaten"):
            run = found.get(measure)
            if run is None or run.length < 3:
                continue
            since = since_phrase(con, run.breaker, team.id) if run.breaker else ""
            verb = H2H_VERBS[measure].format(other=other.short_name)
            scope_words = "in each of their last" if measure == "winning" else "in their last"
            text = (
                f"{team.short_name} {verb} {scope_words} "
                f"{count(run.length, 'meeting')}{league}{since}."
            )
            context = {"opponent": other.short_name}
            if same_country(fx):
                context["competition"] = "league"
            facts.append(
                Fact(
                    "head_to_head_run",
                    team.short_name,
                    context,
                    measure,
                    run.length,
                    text,
                    fx.as_of,
                    evidence(con, [*run.ids, *([run.breaker] if run.breaker else [])]),
                    details={
                        "subject_kind": "team",
                        "chance": run_chance(run.rate, run.length),
                        "windows": run.windows(),
                    },
                )
            )
    return _without_mirrors(facts)


def _without_mirrors(facts: list[Fact]) -> list[Fact]:
    """ "A have beaten B in each of their last four" says all that "A are unbeaten in four"
    and "B have not beaten A in four" say: keep the strongest statement of each length."""
    winning = {f.value for f in facts if f.measure == "winning"}
    unbeaten = {f.value for f in facts if f.measure == "unbeaten"}
    return [
        f
        for f in facts
        if f.measure == "winning"
        or (f.value not in winning and (f.measure != "winless" or f.value not in unbeaten))
    ]


def head_to_head_record(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Wins, draws and defeats over all the meetings, told by the side with more wins."""
    scope = meetings_scope(fx)
    sql = team_matches_sql(scope)
    params = scope.params(fx, fx.home, fx.away)
    row = con.execute(
        f"""SELECT count(*) FILTER (WHERE gf > ga), count(*) FILTER (WHERE gf = ga),
                   count(*) FILTER (WHERE gf < ga), list(id ORDER BY date, id)
            FROM ({sql})""",
        params,
    ).fetchone()
    home_wins, draws, away_wins, ids = row
    n = home_wins + draws + away_wins
    if n < 3:
        return []
    team, other, wins, losses = (
        (fx.home, fx.away, home_wins, away_wins)
        if home_wins >= away_wins
        else (fx.away, fx.home, away_wins, home_wins)
    )
    league = " in the league" if same_country(fx) else ""
    text = f"{team.short_name} have won {number(wins)} of their {number(n)} meetings with "
    text += f"{other.short_name}{league}, {other.short_name} "
    if draws == 0:
        text += f"the other {number(losses)}." if losses else "none."
    else:
        text += f"{number(losses)}, with {count(draws, 'draw')}."
    if wins == 0:  # nobody has won: a record of draws is said another way
        text = f"All {number(n)} meetings between {fx.home.short_name} and "
        text += f"{fx.away.short_name}{league} have been drawn."
    decisive = f"SELECT * FROM ({team_matches_sql(scope)}) WHERE gf <> ga"
    context = {"opponent": other.short_name}
    if same_country(fx):
        context["competition"] = "league"
    return [
        Fact(
            "head_to_head_record",
            team.short_name,
            context,
            "wins",
            wins,
            text,
            fx.as_of,
            evidence(con, list(ids)),
            numerator=wins,
            denominator=n,
            details={
                "subject_kind": "team",
                "chance": binomial_chance(wins, wins + losses, 0.5),
                "windows": record(
                    con, decisive, scope.params(fx, team, other), "gf > ga", fx.match.season
                ).windows(),
                "draws": draws,
                "losses": losses,
            },
        )
    ]


def venue_history(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """The visitors' record at the hosts' ground (their home matches)."""
    scope = meetings_scope(fx, venue="away")
    sql = team_matches_sql(scope)
    params = scope.params(fx, fx.away, fx.home)
    wins, visits, ids, away_rate = con.execute(
        f"""SELECT count(*) FILTER (WHERE gf > ga), count(*), list(id ORDER BY date, id),
                   (SELECT avg((gf > ga)::INT) FROM ({team_matches_sql(Scope(venue="away"))}))
            FROM ({sql})""",
        params,
    ).fetchone()
    if visits < 2:
        return []
    team, host = fx.away.short_name, fx.home.short_name
    league = " in the league" if same_country(fx) else ""
    if not wins:
        text = f"{team} have never won at {host}{league}: {count(visits, 'visit')} without a win."
    else:
        text = f"{team} have won {times(wins)} in {count(visits, 'visit')} to {host}{league}."
    rate = float(away_rate or 0.3)
    context = {"venue": f"{host} (home)"}
    if same_country(fx):
        context["competition"] = "league"
    return [
        Fact(
            "venue_history",
            team,
            context,
            "wins",
            wins,
            text,
            fx.as_of,
            evidence(con, list(ids)),
            numerator=wins,
            denominator=visits,
            details={
                "subject_kind": "team",
                "chance": binomial_chance(wins, visits, rate),
                "windows": record(con, sql, params, "gf > ga", fx.match.season).windows(rate),
            },
        )
    ]


def country_records(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Each side's record in European matches at this venue against sides from the
    opponent's country: 'Liverpool have won six of their 20 European home matches against
    Spanish sides'. Rarity against the side's record at that venue against everyone."""
    if not fx.european or same_country(fx):
        return []
    facts = []
    for team, other, side in ((fx.home, fx.away, "home"), (fx.away, fx.home, "away")):
        adjective = ADJECTIVES.get(other.country or "")
        if adjective is None:
            continue
        scope = Scope(competition="europe", venue=side, opponent_country=True)
        sql = team_matches_sql(scope)
        params = scope.params(fx, team, other)
        wins, n, ids, rate = con.execute(
            f"""SELECT count(*) FILTER (WHERE gf > ga), count(*), list(id ORDER BY date, id),
                       (SELECT avg((gf > ga)::INT)
                        FROM ({team_matches_sql(Scope(competition="europe", venue=side))}))
                FROM ({sql})""",
            params,
        ).fetchone()
        if n < MIN_COUNTRY_MATCHES:
            continue
        rate = float(rate)
        won = f"won {number(wins)}" if wins else "not won any"
        text = (
            f"{team.short_name} have {won} of their {number(n)} European {side} "
            f"matches against {adjective} sides."
        )
        facts.append(
            Fact(
                "head_to_head_record",
                team.short_name,
                {"competition": "European", "venue": side, "opposition": adjective},
                "wins",
                wins,
                text,
                fx.as_of,
                evidence(con, list(ids)),
                numerator=wins,
                denominator=n,
                details={
                    "subject_kind": "team",
                    "chance": binomial_chance(wins, n, rate),
                    "windows": record(con, sql, params, "gf > ga", fx.match.season).windows(rate),
                    "base_rate": round(rate, 4),
                },
            )
        )
    return facts
