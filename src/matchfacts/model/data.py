"""The matches a model learns from, read as of a date (nothing on or after it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np


@dataclass(frozen=True, slots=True)
class MatchData:
    """Played matches before `as_of` with a 90-minute score, as arrays."""

    as_of: dt.date
    home: np.ndarray  # team ids
    away: np.ndarray
    home_goals: np.ndarray
    away_goals: np.ndarray
    days_before: np.ndarray  # as_of - date, in days (>= 1)
    neutral: np.ndarray  # bool
    closed: np.ndarray  # bool: behind closed doors
    european: np.ndarray | None = None  # bool: a UEFA club competition match
    # FiveThirtyEight's expected goals of the match where it measured them, else NaN
    home_xg: np.ndarray | None = None
    away_xg: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.home)


def load_matches(con: duckdb.DuckDBPyConnection, as_of: dt.date, years: float = 6.0) -> MatchData:
    """Every played match in the `years` before `as_of` that has a 90-minute score.

    Matches known only by their score after extra time are left out: the model is of
    90 minutes, and their 90-minute score is unknown.
    """
    since = as_of - dt.timedelta(days=round(365.25 * years))
    rows = con.execute(
        """SELECT m.home_id, m.away_id, m.home_goals, m.away_goals,
                  datediff('day', m.date, ?::DATE),
                  coalesce(m.neutral, false), coalesce(m.behind_closed_doors, false),
                  coalesce(x.home_xg, 'NaN'::DOUBLE), coalesce(x.away_xg, 'NaN'::DOUBLE),
                  m.competition_id IN ('UCL', 'UEL', 'UCWC', 'UECL', 'UIC', 'USC')
           FROM matches_before(?::DATE) m
           LEFT JOIN (SELECT match_id, any_value(home_xg) AS home_xg,
                             any_value(away_xg) AS away_xg
                      FROM reference_forecast
                      WHERE provider = 'fivethirtyeight' AND home_xg IS NOT NULL
                      GROUP BY match_id) x ON x.match_id = m.id
           WHERE m.status = 'played' AND m.home_goals IS NOT NULL AND m.date >= ?::DATE
           ORDER BY m.date, m.id""",
        [as_of, as_of, since],
    ).fetchnumpy()
    return MatchData(
        as_of=as_of,
        home=rows["home_id"].astype(np.int64),
        away=rows["away_id"].astype(np.int64),
        home_goals=rows["home_goals"].astype(np.float64),
        away_goals=rows["away_goals"].astype(np.float64),
        days_before=rows[list(rows)[4]].astype(np.float64),
        neutral=rows[list(rows)[5]].astype(bool),
        closed=rows[list(rows)[6]].astype(bool),
        home_xg=rows[list(rows)[7]].astype(np.float64),
        away_xg=rows[list(rows)[8]].astype(np.float64),
        european=rows[list(rows)[9]].astype(bool),
    )
