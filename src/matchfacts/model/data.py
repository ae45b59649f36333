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

    def __len__(self) -> int:
        return len(self.home)


def load_matches(con: duckdb.DuckDBPyConnection, as_of: dt.date, years: float = 6.0) -> MatchData:
    """Every played match in the `years` before `as_of` that has a 90-minute score.

    Matches known only by their score after extra time are left out: the model is of
    90 minutes, and their 90-minute score is unknown.
    """
    since = as_of - dt.timedelta(days=round(365.25 * years))
    rows = con.execute(
        """SELECT home_id, away_id, home_goals, away_goals, datediff('day', date, ?::DATE),
                  coalesce(neutral, false), coalesce(behind_closed_doors, false)
           FROM matches_before(?::DATE)
           WHERE status = 'played' AND home_goals IS NOT NULL AND date >= ?::DATE""",
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
    )
