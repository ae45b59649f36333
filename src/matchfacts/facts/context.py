"""The fixture a set of facts is about, and shared SQL for reading its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.record import Evidence
from matchfacts.store.lookup import MatchRow, TeamRef

COMPETITION_PHRASES = {
    "UCL": "European Cup and Champions League",
    "UEL": "Fairs Cup, UEFA Cup and Europa League",
    "UCWC": "Cup Winners' Cup",
    "UECL": "Conference League",
}

# A match's final score from one side: extra time counts, a shoot-out does not.
FOR_AGAINST = """
    CASE WHEN m.home_id = $team THEN coalesce(m.home_goals_et, m.home_goals)
         ELSE coalesce(m.away_goals_et, m.away_goals) END AS gf,
    CASE WHEN m.home_id = $team THEN coalesce(m.away_goals_et, m.away_goals)
         ELSE coalesce(m.home_goals_et, m.home_goals) END AS ga
"""
EVIDENCE_COLUMNS = """m.id, m.date, m.competition_id, m.round, h.short_name, a.short_name,
    coalesce(m.home_goals_et, m.home_goals), coalesce(m.away_goals_et, m.away_goals)"""


@dataclass(frozen=True, slots=True)
class Fixture:
    home: TeamRef
    away: TeamRef
    match: MatchRow
    as_of: dt.date

    @property
    def competition(self) -> str:
        return self.match.competition_id

    @property
    def european(self) -> bool:
        return self.competition in COMPETITION_PHRASES


def evidence(con: duckdb.DuckDBPyConnection, match_ids: list[int]) -> tuple[Evidence, ...]:
    """The matches behind a fact, oldest first."""
    if not match_ids:
        return ()
    found = evidence_by_id(con, match_ids)
    return tuple(sorted((found[i] for i in set(match_ids)), key=lambda e: (e.date, e.match_id)))


def evidence_by_id(con: duckdb.DuckDBPyConnection, match_ids: list[int]) -> dict[int, Evidence]:
    """Many facts' matches in one read: id -> Evidence."""
    rows = con.execute(
        f"""SELECT {EVIDENCE_COLUMNS} FROM match m JOIN team h ON h.id = m.home_id
            JOIN team a ON a.id = m.away_id WHERE m.id IN (SELECT unnest(?::INTEGER[]))
            ORDER BY m.date, m.id""",
        [sorted(set(match_ids))],
    ).fetchall()
    return {row[0]: Evidence(*row) for row in rows}


# "European competition": the lexicon's one answer (UEFA's season-long club competitions).
EUROPEAN = LEXICON.european


def season_name(competition: str, season: str) -> str:
    """The competition's name in that season: 'European Cup' in 1975-76, 'Champions
    League' in 2020-21; 'Fairs Cup', 'UEFA Cup', 'Europa League' by era."""
    if competition == "UCL":
        return "European Cup" if season < "1992-93" else "Champions League"
    if competition == "UEL":
        if season < "1971-72":
            return "Fairs Cup"
        return "UEFA Cup" if season < "2009-10" else "Europa League"
    return COMPETITION_PHRASES.get(competition, competition)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which of a team's played matches a fact counts: at most three filters."""

    competition: str | None = None  # a competition id, "europe", "league"; None: all
    knockout: bool = False  # knockout ties and finals only
    venue: str | None = None  # "home" or "away" (neutral grounds are neither)
    opponent: bool = False  # only against $other
    opponent_country: bool = False  # only against sides from $country

    def params(self, fx: Fixture, team: TeamRef, other: TeamRef) -> dict:
        params: dict = {"as_of": fx.as_of, "team": team.id}
        if self.competition not in (None, "europe", "league"):
            params["comp"] = self.competition
        if self.opponent:
            params["other"] = other.id
        if self.opponent_country:
            params["country"] = other.country
        return params


def team_matches_sql(scope: Scope) -> str:
    """SQL for a team's played matches in the scope (columns id, date, season, gf, ga,
    opponent), before $as_of; parameters as `Scope.params` gives them."""
    where = [
        "$team IN (m.home_id, m.away_id)",
        "m.status = 'played'",
        "coalesce(m.home_goals, m.home_goals_et) IS NOT NULL",
    ]
    if scope.competition == "europe":
        where.append(f"m.competition_id IN {EUROPEAN} AND m.stage <> 'qualifying'")
    elif scope.competition == "league":
        where.append("c.kind = 'league'")
    elif scope.competition is not None:
        where.append("m.competition_id = $comp")
    if scope.knockout:
        where.append("m.stage IN ('knockout', 'final')")
    if scope.venue is not None:
        where.append(f"m.{scope.venue}_id = $team AND NOT coalesce(m.neutral, false)")
    if scope.opponent:
        where.append("$other IN (m.home_id, m.away_id)")
    if scope.opponent_country:
        where.append("o.country = $country")
    return f"""
        SELECT m.id, m.date, m.season, {FOR_AGAINST}, o.id AS opponent
        FROM matches_before($as_of) m JOIN competition c ON c.id = m.competition_id
        JOIN team o ON o.id = CASE WHEN m.home_id = $team THEN m.away_id ELSE m.home_id END
        WHERE {" AND ".join(where)}"""


def short_name(con: duckdb.DuckDBPyConnection, team_id: int) -> str:
    return con.execute(
        "SELECT coalesce(short_name, name) FROM team WHERE id = ?", [team_id]
    ).fetchone()[0]
