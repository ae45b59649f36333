"""The matches a model learns from, read as of a date (nothing on or after it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np

from matchfacts.model.venue import neutral_sql
from matchfacts.store.competitions import CONTINENTAL_CUPS

EUROPE = "europe"  # the home-advantage group of UEFA's club competitions


def home_league(competition_id: str) -> str:
    """Whose home advantage a match of `competition_id` has: its league's, or Europe's."""
    return EUROPE if competition_id in CONTINENTAL_CUPS else competition_id


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
    # whose home advantage applies: the league's competition id, or EUROPE
    league: np.ndarray | None = None
    # FiveThirtyEight's expected goals of the match where it measured them, else NaN
    home_xg: np.ndarray | None = None
    away_xg: np.ndarray | None = None
    # FiveThirtyEight's non-shot expected goals, where it measured them, else NaN
    home_nsxg: np.ndarray | None = None
    away_nsxg: np.ndarray | None = None
    # expected goals read from the shots where 538 measured none (shot_expected_goals)
    home_sxg: np.ndarray | None = None
    away_sxg: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.home)

    @property
    def european(self) -> np.ndarray | None:
        """Whether each match is of a UEFA club competition."""
        return None if self.league is None else self.league == EUROPE


def load_matches(con: duckdb.DuckDBPyConnection, as_of: dt.date, years: float = 6.0) -> MatchData:
    """Every played match in the `years` before `as_of` that has a 90-minute score.

    Matches known only by their score after extra time are left out: the model is of
    90 minutes, and their 90-minute score is unknown.
    """
    since = as_of - dt.timedelta(days=round(365.25 * years))
    rows = con.execute(
        f"""SELECT m.home_id, m.away_id, m.home_goals, m.away_goals,
                  datediff('day', m.date, ?::DATE),
                  {neutral_sql("m")}, coalesce(m.behind_closed_doors, false),
                  coalesce(x.home_xg, 'NaN'::DOUBLE), coalesce(x.away_xg, 'NaN'::DOUBLE),
                  m.home_shots, m.away_shots, m.home_shots_on_target, m.away_shots_on_target,
                  coalesce(x.home_nsxg, 'NaN'::DOUBLE), coalesce(x.away_nsxg, 'NaN'::DOUBLE),
                  CASE WHEN c.kind = 'continental_cup' THEN ? ELSE m.competition_id END
           FROM matches_before(?::DATE) m JOIN competition c ON c.id = m.competition_id
           LEFT JOIN (SELECT match_id, any_value(home_xg) AS home_xg,
                             any_value(away_xg) AS away_xg,
                             any_value(home_nsxg) AS home_nsxg,
                             any_value(away_nsxg) AS away_nsxg
                      FROM reference_forecast
                      WHERE provider = 'fivethirtyeight' AND home_xg IS NOT NULL
                      GROUP BY match_id) x ON x.match_id = m.id
           WHERE m.status = 'played' AND m.home_goals IS NOT NULL AND m.date >= ?::DATE
           ORDER BY m.date, m.id""",
        [as_of, EUROPE, as_of, since],
    ).fetchnumpy()
    columns = list(rows)
    home_xg = rows[columns[7]].astype(np.float64)
    away_xg = rows[columns[8]].astype(np.float64)
    shots = [_counts(rows[c]) for c in columns[9:13]]
    home_sxg, away_sxg = shot_expected_goals(home_xg, away_xg, *shots)
    return MatchData(
        as_of=as_of,
        home=rows["home_id"].astype(np.int64),
        away=rows["away_id"].astype(np.int64),
        home_goals=rows["home_goals"].astype(np.float64),
        away_goals=rows["away_goals"].astype(np.float64),
        days_before=rows[columns[4]].astype(np.float64),
        neutral=rows[columns[5]].astype(bool),
        closed=rows[columns[6]].astype(bool),
        home_xg=home_xg,
        away_xg=away_xg,
        league=rows[columns[15]].astype(str).astype(object),
        home_sxg=home_sxg,
        away_sxg=away_sxg,
        home_nsxg=rows[columns[13]].astype(np.float64),
        away_nsxg=rows[columns[14]].astype(np.float64),
    )


def _counts(column: np.ndarray) -> np.ndarray:
    """A nullable integer column as floats, NaN where NULL."""
    if np.ma.isMaskedArray(column):
        return column.astype(np.float64).filled(np.nan)
    return column.astype(np.float64)


MIN_CALIBRATION_MATCHES = 1000


def shot_expected_goals(
    home_xg: np.ndarray,
    away_xg: np.ndarray,
    home_shots: np.ndarray,
    away_shots: np.ndarray,
    home_on_target: np.ndarray,
    away_on_target: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Expected goals read from shots, for the matches FiveThirtyEight did not measure.

    xG ~ a x shots on target + b x other shots + c, by least squares over the sides of the
    earlier matches that have both (about 0.21 a shot on target and 0.06 another shot,
    R^2 0.53 on 2016-23); nothing (NaN) with fewer than MIN_CALIBRATION_MATCHES of them,
    or where a match's shots are not counted. Only matches before the forecast day are
    read, so the calibration is as of that day too.
    """
    on_target = np.concatenate([home_on_target, away_on_target])
    other = np.concatenate([home_shots - home_on_target, away_shots - away_on_target])
    xg = np.concatenate([home_xg, away_xg])
    design = np.column_stack([on_target, other, np.ones_like(xg)])
    counted = ~np.isnan(on_target) & ~np.isnan(other)
    both = counted & ~np.isnan(xg)
    if both.sum() < 2 * MIN_CALIBRATION_MATCHES:
        nothing = np.full(len(home_xg), np.nan)
        return nothing, nothing.copy()
    coef, *_ = np.linalg.lstsq(design[both], xg[both], rcond=None)
    estimate = np.where(counted & np.isnan(xg), np.clip(design @ coef, 0.0, None), np.nan)
    return estimate[: len(home_xg)], estimate[len(home_xg) :]
