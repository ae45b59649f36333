"""Two-legged ties: how often sides in this tie's situation went through, and each side's
own record in its situation."""

from __future__ import annotations

import duckdb

from matchfacts.facts.context import COMPETITION_PHRASES, EUROPEAN, Fixture, evidence
from matchfacts.facts.rank import binomial_chance
from matchfacts.facts.record import Fact
from matchfacts.facts.runs import record
from matchfacts.facts.words import count, number, score
from matchfacts.store.lookup import TeamRef

MIN_TIES = 4  # a side's record in a situation needs this many ties


def _first_leg(con: duckdb.DuckDBPyConnection, fx: Fixture) -> tuple | None:
    """(home id, away id, home goals, away goals) of this tie's first leg."""
    if not fx.european or fx.match.leg != 2 or fx.match.tie_id is None:
        return None
    first = con.execute(
        """SELECT f.home_id, f.away_id, f.home_goals, f.away_goals FROM tie t
           JOIN match f ON f.id = t.first_leg_id WHERE t.id = ? AND f.date < ?""",
        [fx.match.tie_id, fx.as_of],
    ).fetchone()
    return None if first is None or first[2] is None else first


def first_leg_base_rate(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """How often sides in the hosts' position went through: same first-leg score, away."""
    first = _first_leg(con, fx)
    if first is None:
        return []
    first = first[2:]
    rows_sql = """
        SELECT s.id, s.date, s.season, t.winner_id = s.home_id AS through
        FROM ties_before($as_of) t
        JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
        WHERE t.competition_id = $comp AND t.winner_id IS NOT NULL AND s.date < $as_of
          AND f.stage <> 'qualifying'  -- qualifying rounds apart, as for a named competition
          AND f.home_goals = $fh AND f.away_goals = $fa"""
    params = {"as_of": fx.as_of, "comp": fx.competition, "fh": first[0], "fa": first[1]}
    rows = con.execute(f"{rows_sql} ORDER BY s.date, s.id", params).fetchall()
    if len(rows) < 5:
        return []
    through = [r[0] for r in rows if r[3]]
    n, k = len(rows), len(through)
    lost_or_won = "lost" if first[0] > first[1] else ("won" if first[0] < first[1] else "drew")
    result = score(max(first), min(first)) if first[0] != first[1] else score(*first)
    phrase = COMPETITION_PHRASES[fx.competition]
    text = (
        f"Sides that {lost_or_won} the first leg {result} away have gone through in "
        f"{'none' if k == 0 else number(k)} of {number(n)} {phrase} ties."
    )
    facts = [
        Fact(
            "conditional_record",
            fx.home.short_name,
            {"competition": phrase, "first_leg": f"{lost_or_won} {result} away"},
            "went_through",
            k,
            text,
            fx.as_of,
            evidence(con, [r[0] for r in rows]),
            numerator=k,
            denominator=n,
            details={
                "subject_kind": "tie",
                "chance": binomial_chance(k, n, 0.5),
                "windows": record(con, rows_sql, params, "through", fx.match.season).windows(),
            },
        )
    ]
    if k <= 3 and lost_or_won == "lost":
        nth = {0: "first", 1: "second", 2: "third", 3: "fourth"}[k]
        names = _tie_winners(con, through)
        after = f", after {_join(names)}" if names else ""
        facts.append(
            Fact(
                "prospective_kth",
                fx.home.short_name,
                {"competition": phrase},
                "could_become",
                k + 1,
                f"{fx.home.short_name} could become the {nth} side to overturn a {result} "
                f"first-leg defeat away in the {phrase}{after}.",
                fx.as_of,
                evidence(con, through),
                numerator=k,
                denominator=n,
                details={"subject_kind": "team", "chance": (k + 1) / (n + 1)},
            )
        )
    return facts


def _tie_winners(con: duckdb.DuckDBPyConnection, second_legs: list[int]) -> list[str]:
    rows = con.execute(
        """SELECT t.short_name FROM match m JOIN team t ON t.id = m.home_id
                          WHERE m.id IN (SELECT unnest(?::INTEGER[])) ORDER BY m.date, m.id""",
        [second_legs],
    ).fetchall()
    return [r[0] for r in rows]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# A side's ties in European competition (qualifying rounds apart) where it stood as it
# stands now after the first leg: at home or away, by the same margin (or the same result).
SITUATION_SQL = f"""
    SELECT s.id, s.date, s.season, t.winner_id = $team AS through,
           CASE WHEN f.home_id = $team THEN f.home_goals - f.away_goals
                ELSE f.away_goals - f.home_goals END AS margin
    FROM ties_before($as_of) t
    JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
    WHERE t.competition_id IN {EUROPEAN} AND f.stage <> 'qualifying'
      AND t.winner_id IS NOT NULL AND s.date < $as_of AND f.home_goals IS NOT NULL
      AND CASE WHEN $at_home THEN f.home_id = $team ELSE f.away_id = $team END
      AND NOT coalesce(f.neutral, false)"""


def tie_records(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Each side's record in European ties after the same first leg: 'Liverpool have gone
    through in one of their eight European ties after losing the first leg away by two
    goals'. Rarity against every side's record in that situation."""
    first = _first_leg(con, fx)
    if first is None:
        return []
    home_id, _, home_goals, away_goals = first
    facts = []
    for team in (fx.home, fx.away):
        at_home = team.id == home_id
        margin = (home_goals - away_goals) * (1 if at_home else -1)
        for exact in (True, False):
            fact = _tie_record(con, fx, team, at_home, margin, exact)
            if fact is not None:
                facts.append(fact)
    return facts


def _situation(at_home: bool, margin: int, exact: bool) -> tuple[str, str]:
    """('after losing the first leg away by two goals', 'lost away by two goals')."""
    where = "at home" if at_home else "away"
    if margin == 0:
        return f"after drawing the first leg {where}", f"drew {where}"
    verb, short = ("winning", "won") if margin > 0 else ("losing", "lost")
    by = f" by {count(abs(margin), 'goal')}" if exact else ""
    return f"after {verb} the first leg {where}{by}", f"{short} {where}{by}"


def _tie_record(
    con: duckdb.DuckDBPyConnection,
    fx: Fixture,
    team: TeamRef,
    at_home: bool,
    margin: int,
    exact: bool,
) -> Fact | None:
    if margin == 0 and not exact:
        return None
    same = "margin = $margin" if exact else "sign(margin) = sign($margin)"
    rows_sql = f"SELECT * FROM ({SITUATION_SQL}) WHERE {same}"
    params = {"as_of": fx.as_of, "team": team.id, "at_home": at_home, "margin": margin}
    k, n, ids = con.execute(
        f"SELECT count(*) FILTER (WHERE through), count(*), list(id ORDER BY date, id) "
        f"FROM ({rows_sql})",
        params,
    ).fetchone()
    if n < MIN_TIES:
        return None
    same_first_leg = (
        "f.home_goals - f.away_goals = $m"
        if exact
        else "sign(f.home_goals - f.away_goals) = sign($m)"
    )
    base = con.execute(
        f"""SELECT avg((t.winner_id = f.home_id)::INT) FROM ties_before($as_of) t
            JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
            WHERE t.competition_id IN {EUROPEAN} AND f.stage <> 'qualifying'
              AND t.winner_id IS NOT NULL AND s.date < $as_of AND f.home_goals IS NOT NULL
              AND NOT coalesce(f.neutral, false) AND {same_first_leg}""",
        {"as_of": fx.as_of, "m": margin if at_home else -margin},
    ).fetchone()[0]
    rate = float(base) if at_home else 1 - float(base)
    situation, short = _situation(at_home, margin, exact)
    noun = f"European {'tie' if n == 1 else 'ties'}"
    if k == 0:
        text = f"{team.short_name} have not gone through in any of their {number(n)} {noun}"
    elif k == n:
        text = f"{team.short_name} have gone through in all {number(n)} of their {noun}"
    else:
        text = f"{team.short_name} have gone through in {number(k)} of their {number(n)} {noun}"
    return Fact(
        "conditional_record",
        team.short_name,
        {"competition": "European", "first_leg": short},
        "went_through",
        k,
        f"{text} {situation}.",
        fx.as_of,
        evidence(con, list(ids)),
        numerator=k,
        denominator=n,
        details={
            "subject_kind": "team",
            "chance": binomial_chance(k, n, rate),
            "windows": record(con, rows_sql, params, "through", fx.match.season).windows(rate),
            "base_rate": round(rate, 4),
            "sample": n,
        },
    )
