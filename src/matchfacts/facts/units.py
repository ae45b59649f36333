"""A subject's units as columns: every match (or tie) of a team before a day, with the
attributes a context filters on. One SQL pass per subject and unit, built as SQLGlot
expressions; every context and window is then a mask over these columns (facts/evaluate.py).

The columns, for every unit: `id` (the match, or a tie's second leg), `date`, `season`,
`competition`, `kind` (league, continental_cup), `stage`, `round`, `venue` (home, away,
neutral: the subject's), `opponent`, `opponent_country`, `gf`, `ga` (after extra time;
a shoot-out is not a goal). Ties add `fl_venue`, `fl_gf`, `fl_ga` (the first leg, from the
subject's side), `through` and `legs` (1 for a one-match tie such as a final). A player's
matches add `goals` (his, in that match).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import duckdb
import numpy as np
from sqlglot import condition, exp, select

DIALECT = "duckdb"
# A match's score from the subject's side: extra time counts, a shoot-out does not.
GOALS_FOR = """CASE WHEN m.home_id = $team THEN coalesce(m.home_goals_et, m.home_goals)
                    ELSE coalesce(m.away_goals_et, m.away_goals) END"""
GOALS_AGAINST = """CASE WHEN m.home_id = $team THEN coalesce(m.away_goals_et, m.away_goals)
                        ELSE coalesce(m.home_goals_et, m.home_goals) END"""
VENUE = """CASE WHEN coalesce(m.neutral, false) THEN 'neutral'
                WHEN m.home_id = $team THEN 'home' ELSE 'away' END"""
OPPONENT = "CASE WHEN m.home_id = $team THEN m.away_id ELSE m.home_id END"


@dataclass(frozen=True)
class Units:
    """Columns of equal length, oldest unit first."""

    columns: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.columns["id"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]


def _team_matches(team_expr: str = "$team") -> exp.Select:
    """A team's played matches, with the attributes a context reads."""
    return (
        select(
            "m.id",
            "m.date",
            "m.season",
            "m.competition_id AS competition",
            "c.kind",
            "m.stage",
            "coalesce(m.round, '') AS round",
            f"{VENUE} AS venue",
            f"{OPPONENT} AS opponent",
            "coalesce(o.country, '') AS opponent_country",
            f"{GOALS_FOR} AS gf",
            f"{GOALS_AGAINST} AS ga",
            dialect=DIALECT,
        )
        .from_("matches_before($as_of) AS m", dialect=DIALECT)
        .join("competition AS c", on="c.id = m.competition_id", dialect=DIALECT)
        .join("team AS o", on=f"o.id = {OPPONENT}", dialect=DIALECT)
        .where(
            condition(f"{team_expr} IN (m.home_id, m.away_id)", dialect=DIALECT),
            condition("m.status = 'played'", dialect=DIALECT),
            condition("coalesce(m.home_goals, m.home_goals_et) IS NOT NULL", dialect=DIALECT),
        )
    )


@cache
def team_matches_sql() -> str:
    return _team_matches().order_by("m.date", "m.id").sql(dialect=DIALECT)


@cache
def player_matches_sql() -> str:
    """The team's matches in the competitions and seasons for which the store has its
    scorers, with the player's goals in each (own goals are not his)."""
    covered = condition(
        """(m.competition_id, m.season) IN (
            SELECT DISTINCT x.competition_id, x.season FROM goal g2
            JOIN match x ON x.id = g2.match_id WHERE g2.team_id = $team)""",
        dialect=DIALECT,
    )
    goals = """(SELECT count(*) FROM goal g WHERE g.match_id = m.id AND g.player_id = $player
                AND g.team_id = $team AND g.kind <> 'own_goal') AS goals"""
    query = _team_matches().where(covered).select(goals, dialect=DIALECT)
    return query.order_by("m.date", "m.id").sql(dialect=DIALECT)


TIE_COLUMNS = [
    "s.id",
    "s.date",
    "s.season",
    "t.competition_id AS competition",
    "c.kind",
    "f.stage",
    "coalesce(t.round, f.round, '') AS round",
    "CASE WHEN coalesce(s.neutral, false) THEN 'neutral' WHEN s.home_id = $team THEN 'home' "
    "ELSE 'away' END AS venue",
    "CASE WHEN f.home_id = $team THEN f.away_id ELSE f.home_id END AS opponent",
    "coalesce(o.country, '') AS opponent_country",
    "CASE WHEN f.home_id = $team THEN 'home' ELSE 'away' END AS fl_venue",
    "CASE WHEN f.home_id = $team THEN f.home_goals ELSE f.away_goals END AS fl_gf",
    "CASE WHEN f.home_id = $team THEN f.away_goals ELSE f.home_goals END AS fl_ga",
    "t.winner_id = $team AS through",
    "t.winner_id AS winner",
    "CASE WHEN t.second_leg_id IS NULL THEN 1 ELSE 2 END AS legs",
]


def _ties(team_expr: str) -> exp.Select:
    """Ties decided before the day, told from `team_expr`'s side: two-legged ones and
    those of one match (a final: 'won the 1981 final' is a tie won); `legs` says which,
    and only two-legged ties have a first-leg situation."""
    return (
        select(*[c.replace("$team", team_expr) for c in TIE_COLUMNS], dialect=DIALECT)
        .from_("ties_before($as_of) AS t", dialect=DIALECT)
        .join("match AS f", on="f.id = t.first_leg_id", dialect=DIALECT)
        .join("match AS s", on="s.id = coalesce(t.second_leg_id, t.first_leg_id)", dialect=DIALECT)
        .join("competition AS c", on="c.id = t.competition_id", dialect=DIALECT)
        .join(
            "team AS o",
            on=f"o.id = CASE WHEN f.home_id = {team_expr} THEN f.away_id ELSE f.home_id END",
            dialect=DIALECT,
        )
        .where(
            condition("t.winner_id IS NOT NULL AND s.date < $as_of", dialect=DIALECT),
            condition("coalesce(f.home_goals, f.home_goals_et) IS NOT NULL", dialect=DIALECT),
            condition(f"{team_expr} IN (f.home_id, f.away_id)", dialect=DIALECT),
        )
    )


@cache
def team_ties_sql() -> str:
    return _ties("$team").order_by("s.date", "s.id").sql(dialect=DIALECT)


@cache
def all_sides_ties_sql() -> str:
    """Every tie twice, once from each side: the units of "sides that ..."."""
    home = _ties("f.home_id").select("f.home_id AS side", dialect=DIALECT)
    away = _ties("f.away_id").select("f.away_id AS side", dialect=DIALECT)
    return f"SELECT * FROM ({home.sql(dialect=DIALECT)} UNION ALL {away.sql(dialect=DIALECT)}) ORDER BY date, id, side"  # noqa: E501


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> Units:
    wanted = {k: v for k, v in params.items() if f"${k}" in sql}
    columns = con.execute(sql, wanted).fetchnumpy()
    out = {}
    for name, values in columns.items():
        array = np.asarray(values)
        if np.ma.isMaskedArray(values):
            array = values.filled(-1 if values.dtype.kind in "iu" else None)
        if name == "date":
            array = _days(array)
        out[name] = array
    return Units(out)


def _days(values: np.ndarray) -> np.ndarray:
    if values.dtype.kind == "M":
        return values.astype("datetime64[D]")
    return np.array([_day(d) for d in values], dtype="datetime64[D]")


def _day(value: object) -> np.datetime64:
    if isinstance(value, dt.datetime | dt.date):
        return np.datetime64(value, "D")
    return np.datetime64(value).astype("datetime64[D]")
