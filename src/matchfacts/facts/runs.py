"""Runs and records over a team's matches, in SQL: gaps-and-islands for the current run of
each measure and the longest before it, and window counts for records.

A run is an island of consecutive matches (newest first) for which a condition holds; the
first match where it fails ended the run before it ("since a 4-0 win in March 2009").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

# measure: (SQL condition on gf, ga that continues the run, how a desk says it)
RUNS = {
    "unbeaten": ("gf >= ga", "are unbeaten in their last"),
    "winless": ("gf <= ga", "are without a win in their last"),
    "winning": ("gf > ga", "have won each of their last"),
    "losing": ("gf < ga", "have lost each of their last"),
    "scoring": ("gf > 0", "have scored in each of their last"),
    "clean_sheets": ("ga = 0", "have kept a clean sheet in each of their last"),
}
SINCE_1992 = dt.date(1992, 8, 1)  # the Champions League era, a natural window


@dataclass(frozen=True, slots=True)
class Run:
    measure: str
    length: int  # the current run, 0 when the latest match broke it
    ids: tuple[int, ...]  # the run's matches, newest first
    breaker: int | None  # the match that ended the run before, None if none did
    played: int  # every match in the scope
    rate: float  # how often it held before the run, smoothed: (hits + 1) / (matches + 2)
    best_before: int  # the longest earlier run (0 if none)
    best_since_1992: int  # the longest earlier run that began after 1 August 1992
    season_played: int  # the scope's matches in the fixture's season
    one_failure: int  # the last N matches with at most one failure (N >= length)
    one_failure_ids: tuple[int, ...]  # those N matches, newest first

    def windows(self) -> dict[str, bool]:
        """In which natural windows the run is still the story."""
        found = {f"last {n}": self.length >= n for n in (3, 4, 5, 10)}
        found["this season"] = self.season_played >= 2 and self.length >= self.season_played
        found["since 1992"] = self.length > 0 and self.length >= self.best_since_1992
        found["ever"] = self.length > 0 and self.length >= self.best_before
        return found


def runs(
    con: duckdb.DuckDBPyConnection,
    matches_sql: str,
    params: dict,
    measures: tuple[str, ...],
    season: str,
) -> dict[str, Run]:
    """The current run of each measure over the matches `matches_sql` selects (columns
    id, date, season, gf, ga), in one query: the measures are unpivoted into rows."""
    conditions = ", ".join(f'({RUNS[m][0]}) AS "{m}"' for m in measures)
    columns = ", ".join(f'"{m}"' for m in measures)
    rows = con.execute(
        f"""
        WITH base AS (SELECT id, date, season, {conditions} FROM ({matches_sql})),
        long AS (UNPIVOT base ON {columns} INTO NAME measure VALUE holds),
        ranked AS (
            SELECT *, row_number() OVER (PARTITION BY measure ORDER BY date DESC, id DESC) AS rn
            FROM long),
        counted AS (  -- k: the how-many-th failure (or success) this is, newest first
            SELECT *, row_number() OVER (PARTITION BY measure, holds ORDER BY rn) AS k
            FROM ranked),
        numbered AS (
            SELECT *,
                   coalesce(min(rn) FILTER (WHERE NOT holds) OVER w, 1e9) AS broken_at,
                   coalesce(min(rn) FILTER (WHERE NOT holds AND k = 2) OVER w, 1e9)
                       AS broken_again
            FROM counted WINDOW w AS (PARTITION BY measure)),
        islands AS (
            SELECT measure, min(rn) AS first_rn, count(*) AS length, min(date) AS began
            FROM (SELECT *, rn - k AS island FROM numbered)
            WHERE holds GROUP BY measure, island),
        best AS (
            SELECT measure, coalesce(max(length) FILTER (WHERE first_rn > 1), 0) AS before,
                   coalesce(max(length) FILTER (WHERE first_rn > 1 AND began >= $since), 0)
                       AS since
            FROM islands GROUP BY measure),
        summary AS (
            SELECT measure, count(*) AS played,
                   (count(*) FILTER (WHERE holds AND rn > broken_at) + 1)
                       / (count(*) FILTER (WHERE rn >= broken_at) + 2) AS rate,
                   count(*) FILTER (WHERE season = $season) AS season_played,
                   list(rn ORDER BY rn) FILTER (WHERE NOT holds AND k <= 2) AS failures,
                   list(id ORDER BY rn) FILTER (WHERE rn <= broken_again) AS ids
            FROM numbered GROUP BY measure)
        SELECT s.measure, s.played, s.rate, s.season_played, s.failures, s.ids,
               coalesce(b.before, 0), coalesce(b.since, 0)
        FROM summary s LEFT JOIN best b USING (measure) ORDER BY s.measure""",
        params | {"since": SINCE_1992, "season": season},
    ).fetchall()
    found = {}
    for measure, played, rate, season_played, failures, ids, before, since in rows:
        failures = failures or []
        length = failures[0] - 1 if failures else played
        one_failure = failures[1] - 1 if len(failures) > 1 else played
        found[measure] = Run(
            measure,
            length,
            tuple(ids[:length]),
            ids[length] if failures else None,
            played,
            float(rate),
            int(before),
            int(since),
            season_played,
            one_failure,
            tuple(ids[:one_failure]),
        )
    return found


@dataclass(frozen=True, slots=True)
class Record:
    """Hits and misses of a record in natural windows: 'last 3', ..., 'since 1992', 'ever'."""

    counts: dict[str, tuple[int, int]]  # window: (hits, matches)

    def windows(self, rate: float = 0.5) -> dict[str, bool]:
        """Windows (with three or more matches) in which the share of hits is on the same
        side of `rate` as over the whole record."""
        hits, n = self.counts["ever"]
        above = hits > n * rate
        return {
            name: (k > m * rate) == above and k != m * rate
            for name, (k, m) in self.counts.items()
            if m >= 3
        }


def record(
    con: duckdb.DuckDBPyConnection, rows_sql: str, params: dict, hit: str, season: str
) -> Record:
    """Window counts of `hit` (an SQL condition) over the rows `rows_sql` selects (columns
    id, date, season, ...), newest first."""
    row = con.execute(
        f"""
        WITH numbered AS (
            SELECT ({hit})::INT AS hit, date, season,
                   row_number() OVER (ORDER BY date DESC, id DESC) AS rn
            FROM ({rows_sql}))
        SELECT {", ".join(f"sum(hit) FILTER (WHERE rn <= {n}), count(*) FILTER (WHERE rn <= {n})" for n in (3, 4, 5, 10))},
               sum(hit) FILTER (WHERE season = $season), count(*) FILTER (WHERE season = $season),
               sum(hit) FILTER (WHERE date >= $since), count(*) FILTER (WHERE date >= $since),
               sum(hit), count(*)
        FROM numbered""",  # noqa: E501
        params | {"since": SINCE_1992, "season": season},
    ).fetchone()
    names = ("last 3", "last 4", "last 5", "last 10", "this season", "since 1992", "ever")
    return Record(
        {name: (int(row[2 * i] or 0), int(row[2 * i + 1])) for i, name in enumerate(names)}
    )
