"""The matches behind a fact (its evidence), read from the store, and the competition
phrases the preview's standfirst uses."""

from __future__ import annotations

import duckdb

from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.record import Evidence

COMPETITION_PHRASES = {
    "UCL": "European Cup and Champions League",
    "UEL": "Fairs Cup, UEFA Cup and Europa League",
    "UCWC": "Cup Winners' Cup",
    "UECL": "Conference League",
}

EVIDENCE_COLUMNS = """m.id, m.date, m.competition_id, m.round, h.short_name, a.short_name,
    coalesce(m.home_goals_et, m.home_goals), coalesce(m.away_goals_et, m.away_goals)"""

# "European competition": the lexicon's one answer (UEFA's season-long club competitions).
EUROPEAN = LEXICON.european


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
