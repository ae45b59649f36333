"""Which seasons of each competition the store holds, from which source, and what it lacks.

The `coverage` table (built at ingest) has a row per competition, season and source with
its matches and first and last dates. coverage.toml adds what the sources cannot say: the
season each competition was first played, and the seasons it was not played (wars). With
both, a fact can tell an all-time record from one "since 1994-95", and a run can tell a
season nobody played from a season the data lacks.

Seasons are labels, "1994-95"; they sort as they run.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import duckdb

from matchfacts.sources.records import season_label
from matchfacts.store.reconcile import MergedMatch, competition_id

Competitions = str | Iterable[str]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    competition_id: str
    season: str
    source: str
    matches: int
    first_date: dt.date
    last_date: dt.date


def coverage_rows(matches: list[MergedMatch]) -> list[CoverageRow]:
    """One row per competition, season and source: the matches that source reports."""
    found: dict[tuple[str, str, str], list[dt.date]] = defaultdict(list)
    for merged in matches:
        key = (competition_id(merged.values), str(merged.values["season"]))
        day = merged.values["date"]
        for source in {report.ref.source for report in merged.reports}:
            found[(*key, source)].append(day)  # type: ignore[arg-type]
    return [
        CoverageRow(comp, season, source, len(days), min(days), max(days))
        for (comp, season, source), days in sorted(found.items())
    ]


@cache
def _curated() -> dict:
    text = resources.files("matchfacts.store").joinpath("coverage.toml").read_text("utf-8")
    return tomllib.loads(text)


def first_edition(competition: str) -> str | None:
    """The season the competition was first played, where coverage.toml knows it."""
    return _curated()["first_edition"].get(competition)


def seasons_not_held(competition: str) -> dict[str, str]:
    """Seasons in which the competition was not played, each with the reason."""
    return dict(_curated()["not_held"].get(competition, {}))


def _ids(competitions: Competitions) -> list[str]:
    return [competitions] if isinstance(competitions, str) else sorted(set(competitions))


def seasons_held(
    con: duckdb.DuckDBPyConnection, competitions: Competitions, source: str | None = None
) -> list[str]:
    """The seasons the store holds any match of the competitions in (from one source)."""
    ids = _ids(competitions)
    if not ids:
        return []
    sql = "SELECT DISTINCT season FROM coverage WHERE list_contains(?, competition_id)"
    params: list = [ids]
    if source is not None:
        sql += " AND source = ?"
        params.append(source)
    return sorted(row[0] for row in con.execute(sql, params).fetchall())


def first_season(
    con: duckdb.DuckDBPyConnection, competitions: Competitions, source: str | None = None
) -> str | None:
    """The earliest season held of the competitions: what "since ..." names."""
    held = seasons_held(con, competitions, source)
    return held[0] if held else None


def last_season(
    con: duckdb.DuckDBPyConnection, competitions: Competitions, source: str | None = None
) -> str | None:
    held = seasons_held(con, competitions, source)
    return held[-1] if held else None


def from_first_edition(con: duckdb.DuckDBPyConnection, competition: str) -> bool:
    """Whether the store holds the competition from its first season: only then may a
    fact over all of its seasons be called all-time rather than "since ..."."""
    first = first_edition(competition)
    return first is not None and first_season(con, competition) == first


def seasons_missing(
    con: duckdb.DuckDBPyConnection,
    competitions: Competitions,
    from_season: str | None = None,
    to_season: str | None = None,
) -> list[str]:
    """Seasons from `from_season` to `to_season` (both included; by default each
    competition's first and last held) in which a competition was played but the store
    holds none of its matches: the gaps no run, count or "every season since" may cross.

    Not gaps: seasons the competition was not played (coverage.toml), seasons before its
    first edition, and seasons after the last one held (not yet played, or not yet in the
    sources: the store's freshness, not a hole in its history). Seasons before the first
    held are gaps when asked for: a fact over them says "since" the first held instead.
    """
    missing: set[str] = set()
    for competition in _ids(competitions):
        held = seasons_held(con, competition)
        missing |= _missing(competition, held, from_season, to_season)
    return sorted(missing)


def gaps(con: duckdb.DuckDBPyConnection) -> dict[str, frozenset[str]]:
    """Every competition's `seasons_missing` between its first and last held, in one read
    of the coverage table (an evaluator asks for all of them at once)."""
    rows = con.execute(
        "SELECT competition_id, list(DISTINCT season) FROM coverage GROUP BY competition_id"
    ).fetchall()
    return {c: frozenset(_missing(c, sorted(held))) for c, held in rows}


def _missing(
    competition: str, held: list[str], from_season: str | None = None,
    to_season: str | None = None,
) -> set[str]:  # fmt: skip
    if not held:
        return set()
    start, end = from_season or held[0], min(to_season or held[-1], held[-1])
    start = max(start, first_edition(competition) or start)
    not_held = seasons_not_held(competition)
    present = set(held)
    return {
        season
        for season in season_range(start, end)
        if season not in present and season not in not_held
    }


def season_range(first: str, last: str) -> list[str]:
    """Every season label from `first` to `last`, both included."""
    return [season_label(year) for year in range(int(first[:4]), int(last[:4]) + 1)]


def source_seasons(con: duckdb.DuckDBPyConnection, competition: str) -> dict[str, list[str]]:
    """For a competition, each source and the seasons it gives (a preview's footer)."""
    rows = con.execute(
        "SELECT source, list(season ORDER BY season) FROM coverage WHERE competition_id = ?"
        " GROUP BY source ORDER BY source",
        [competition],
    ).fetchall()
    return {source: seasons for source, seasons in rows}
