"""A club's name as it was on a day: "Feijenoord, as they were then".

Read from team_name_history, which the ingest fills from lineage.csv's `renamed` and
`moved` rows. A team with no former name for the day has None: its name then is its name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True, slots=True)
class FormerName:
    name: str
    country: str  # the association of the time (Derry City: NIR until 1972)
    valid_from: dt.date | None  # None: from before the data
    valid_until: dt.date  # the day the next name took effect
    citation: str


def former_names(con: duckdb.DuckDBPyConnection, team_id: int) -> list[FormerName]:
    """Every former name of the club, oldest first."""
    rows = con.execute(
        """SELECT name, country, valid_from, valid_until, citation FROM team_name_history
           WHERE team_id = ? ORDER BY valid_until""",
        [team_id],
    ).fetchall()
    return [FormerName(*row) for row in rows]


def former_name(con: duckdb.DuckDBPyConnection, team_id: int, day: dt.date) -> FormerName | None:
    """The name the club carried on `day`, where it was not its present one."""
    for name in former_names(con, team_id):
        if (name.valid_from is None or name.valid_from <= day) and day < name.valid_until:
            return name
    return None
