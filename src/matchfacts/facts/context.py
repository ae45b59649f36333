"""The fixture a set of facts is about, and shared SQL for reading its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

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
    rows = con.execute(
        f"""SELECT {EVIDENCE_COLUMNS} FROM match m JOIN team h ON h.id = m.home_id
            JOIN team a ON a.id = m.away_id WHERE m.id IN (SELECT unnest(?::INTEGER[]))
            ORDER BY m.date, m.id""",
        [match_ids],
    ).fetchall()
    return tuple(Evidence(*row) for row in rows)
