"""Parser of engsoccerdata: champs.csv (European Cup 1955-56..2015-16, a row a match), ten
domestic league CSVs and england.rda (English league since 1888); codes: engsoccerdata_spec.

`hgoal`/`vgoal` are after 90 minutes even when `aet` is set (1958 final: FT 2-2, aet 3-2,
hgoal 2). `FT` repeats hgoal-vgoal, `aethgoal`/`aetvgoal` repeat `aet`: both are checked.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from matchfacts.errors import ParseError
from matchfacts.sources import engsoccerdata_spec as spec
from matchfacts.sources.records import (
    Competition,
    MatchRecord,
    SourceRef,
    Stage,
    Status,
    TeamName,
    season_label,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles

SOURCE = "engsoccerdata"
log = logging.getLogger(__name__)
T = TypeVar("T")
Divs = dict[str, int] | None  # a league file's division -> tier, None: it has no division

_SCORE = re.compile(r"(\d+)-(\d+)")
_COUNTRY = re.compile(r"[A-Z]{3}")


def parse(files: SourceFiles) -> ParsedSource:
    # The cyclic garbage collector would rescan every record built so far each few hundred
    # allocations: a fifth of the parse time, for nothing (records hold no cycles).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        matches = _fix_duplicate_legs(list(_champs(files.path(spec.CHAMPS))))
        for name, (country, divisions) in spec.LEAGUES.items():
            matches.extend(_league_csv(files.path(name), name, country, divisions))
        matches.extend(_england(files.path(spec.ENGLAND)))
    finally:
        if gc_was_enabled:
            gc.enable()
    return ParsedSource(matches=matches, goals=[], kicks=[])


def _clean(value: Any) -> str | None:
    """A cell as text; None where missing: NA or empty in the CSVs, NaN or None from R."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return None if text in ("NA", "") else text


# Teams, dates, seasons, scores and tiers repeat across thousands of rows: each distinct
# raw value is converted and checked once (a third of the parse time saved). Keys are raw
# cells, so a bad value is never cached and raises on every row that holds it. (TeamName
# is frozen: one instance serves all the records of a team.)
_TEAMS: dict[Any, TeamName] = {}
_DATES: dict[Any, dt.date] = {}
_SEASONS: dict[Any, str] = {}
_GOALS: dict[Any, tuple[int | None, int | None]] = {}
_TIERS: dict[Any, int] = {}


def _cached(table: dict[Any, T], key: Any, convert: Callable[[], T]) -> T:
    value = table.get(key)
    if value is None:
        value = table[key] = convert()
    return value


class _Row:
    """One row's cells with the file and line, so every bad value names where it is."""

    __slots__ = ("file", "line", "cells")

    def __init__(self, file: str, line: int, cells: dict[str, Any]) -> None:
        self.file, self.line, self.cells = file, line, cells

    def error(self, message: str) -> ParseError:
        return ParseError(self.file, self.line, message)

    def text(self, column: str) -> str | None:
        return _clean(self.cells[column])

    def need(self, column: str) -> str:
        text = self.text(column)
        if text is None:
            raise self.error(f"{column} is missing")
        return text

    def int(self, column: str) -> int | None:
        value = self.cells[column]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # R stores Season and tier as doubles
        text = _clean(value)
        if text is not None and not (text.isdigit() and text.isascii()):
            raise self.error(f"{column} {value!r} is not a whole number")
        return None if text is None else int(text)

    def need_int(self, column: str) -> int:
        value = self.int(column)
        if value is None:
            raise self.error(f"{column} is missing")
        return value

    def score(self, column: str) -> tuple[int | None, int | None]:
        text = _clean(self.cells[column])
        match = None if text is None else _SCORE.fullmatch(text)
        if text is not None and match is None:
            raise self.error(f"{column} {text!r} is not a score like '2-1'")
        return (int(match[1]), int(match[2])) if match else (None, None)

    def team(self, column: str, country: str | None) -> TeamName:
        key = (self.cells[column], country)
        return _cached(_TEAMS, key, lambda: TeamName(self.need(column), country))

    def date(self) -> dt.date:
        return _cached(_DATES, self.cells["Date"], self._date)

    def _date(self) -> dt.date:
        try:
            return dt.date.fromisoformat(str(self.cells["Date"]).strip())
        except ValueError:
            raise self.error(f"Date {self.cells['Date']!r} is not YYYY-MM-DD") from None

    def season(self) -> str:
        season = self.cells["Season"]
        return _cached(_SEASONS, season, lambda: season_label(self.need_int("Season")))

    def goals(self) -> tuple[int | None, int | None]:
        key = (self.cells["FT"], self.cells["hgoal"], self.cells["vgoal"])
        return _cached(_GOALS, key, self._goals)

    def _goals(self) -> tuple[int | None, int | None]:
        ft, home, away = self.text("FT"), self.text("hgoal"), self.text("vgoal")
        if ft in (None, "NA-NA") and home is None and away is None:
            # greece.csv line 6428, Panathinaikos v Olympiakos 2019-03-17: no score at all.
            return None, None
        goals = self.need_int("hgoal"), self.need_int("vgoal")
        if ft != f"{goals[0]}-{goals[1]}":
            raise self.error(f"FT {ft!r} disagrees with hgoal/vgoal {home}-{away}")
        return goals


def _rows(path: Path, file: str, required: list[str]) -> Iterator[_Row]:
    """The data rows of a CSV, each with the physical line it starts on (header: line 1)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [column for column in required if column not in header]
        if missing:
            raise ParseError(file, 1, f"missing column(s) {', '.join(missing)} in {header}")
        line = 2
        try:
            for cells in reader:
                if cells:  # a blank line is not a row
                    yield _Row(file, line, dict(zip(header, cells, strict=True)))
                line = reader.line_num + 1  # a quoted field may have spanned lines
        except (csv.Error, UnicodeDecodeError, ValueError) as exc:  # ValueError: zip, width
            raise ParseError(file, line, f"bad CSV row, header of {len(header)}: {exc}") from exc


def _champs(path: Path) -> Iterator[MatchRecord]:
    for row in _rows(path, spec.CHAMPS, spec.CHAMPS_COLUMNS):
        round_text, leg_text = row.cells["round"].strip(), row.cells["leg"].strip()
        if round_text not in spec.CHAMPS_ROUNDS:
            raise row.error(f"unknown round {round_text!r}")
        round_code, stage = spec.CHAMPS_ROUNDS[round_text]
        if (leg_text == spec.GROUP_LEG) != (stage is Stage.GROUP):
            raise row.error(f"leg {leg_text!r} does not fit round {round_text!r}")
        if leg_text != spec.GROUP_LEG and leg_text not in spec.CHAMPS_LEGS:
            raise row.error(f"unknown leg {leg_text!r}")
        home, away = row.goals()
        if home is None:
            raise row.error(f"FT {row.cells['FT']!r}: no score")
        ht, et = row.score("HT"), row.score("aet")
        if et != (row.int("aethgoal"), row.int("aetvgoal")):
            raise row.error(f"aet {row.cells['aet']!r} disagrees with aethgoal/aetvgoal")
        pens, decided_by = _pens(row)
        countries = row.need("hcountry"), row.need("vcountry")
        if not all(_COUNTRY.fullmatch(country) for country in countries):
            raise row.error(f"countries {countries} are not both three-letter codes")
        # fmt: off
        yield MatchRecord(
            ref=SourceRef(SOURCE, spec.CHAMPS, row.line),
            competition=Competition.CHAMPIONS_LEAGUE, season=row.season(), date=row.date(),
            home=row.team("home", countries[0]), away=row.team("visitor", countries[1]),
            home_goals=home, away_goals=away,
            status=Status.ABANDONED if decided_by == "walkover" else Status.PLAYED,
            stage=stage, round=round_code, leg=spec.CHAMPS_LEGS.get(leg_text),
            home_goals_ht=ht[0], away_goals_ht=ht[1],
            home_goals_et=et[0], away_goals_et=et[1],
            home_pens=pens[0], away_pens=pens[1],
            went_to_extra_time=et[0] is not None,  # `aet` is filled wherever there was any
            went_to_penalties=pens[0] is not None,
            neutral=True if stage is Stage.FINAL else None,  # the file says nothing else
            source_tie_winner=row.text("tiewinner"), source_decided_by=decided_by,
        )
        # fmt: on


def _pens(row: _Row) -> tuple[tuple[int | None, int | None], str | None]:
    """The shoot-out score, or the source's word for another decider, verbatim."""
    text = row.text("pens")
    if text in spec.CHAMPS_DECIDED_BY:
        return (None, None), text
    return row.score("pens"), None  # raises on anything else


def _fix_duplicate_legs(matches: list[MatchRecord]) -> list[MatchRecord]:
    """Renumber by date (logged) the legs of a tie whose two matches carry the same leg:
    the four 1992-93 preliminary ties are written with legs 1,1 or 2,2."""
    ties: dict[tuple[str, str | None, frozenset[str]], list[int]] = {}
    for index, match in enumerate(matches):
        if match.leg in (1, 2):
            key = (match.season, match.round, frozenset((match.home.name, match.away.name)))
            ties.setdefault(key, []).append(index)
    for indexes in ties.values():
        if len(indexes) == 2 and matches[indexes[0]].leg == matches[indexes[1]].leg:
            for leg, i in enumerate(sorted(indexes, key=lambda i: matches[i].date), start=1):
                old = matches[i]
                log.warning("%s:%d: leg %s renumbered %d by date: its tie has two legs %s",
                            spec.CHAMPS, old.ref.line, old.leg, leg, old.leg)  # fmt: skip
                matches[i] = replace(old, leg=leg)
    return matches


def _league_csv(path: Path, file: str, country: str, divisions: Divs) -> Iterator[MatchRecord]:
    for row in _rows(path, file, spec.LEAGUE_COLUMNS + (["division"] if divisions else [])):
        round_code = None
        if "round" in row.cells:  # spain.csv only
            round_text = row.cells["round"].strip()
            if round_text not in spec.SPAIN_ROUNDS:
                raise row.error(f"unknown round {round_text!r}")
            round_code = spec.SPAIN_ROUNDS[round_text]
            if "group" in row.cells and (row.text("group") is None) != (round_code is None):
                raise row.error(f"group {row.cells['group']!r} does not fit round {round_text!r}")
        ht = row.score("HT") if "HT" in row.cells else (None, None)
        # spain.csv `notes`: one value, '1-0 win awarded to AD Almeria' (1979-80, the
        # goals are the awarded 0-1): kept verbatim as the source's word on the result.
        note = row.text("notes") if "notes" in row.cells else None
        yield _league_match(row, country, divisions, round=round_code, home_goals_ht=ht[0],
                            away_goals_ht=ht[1], source_decided_by=note)  # fmt: skip


def _england(path: Path) -> Iterator[MatchRecord]:
    import pyreadr  # needs pandas, 0.3 s to import: only when the file is read

    required = [*spec.LEAGUE_COLUMNS, "division"]
    try:
        frame = pyreadr.read_r(str(path))["england"]
        columns = [frame[column].tolist() for column in required]
    except Exception as exc:  # pyreadr's own errors, OSError; KeyError: no such object/column
        raise ParseError(spec.ENGLAND, None, f"unreadable R data file: {exc!r}") from exc
    # No lines in an R file: line = row index + 2, the line the row would have in a CSV
    # with a header (row 0 -> line 2), as engsoccerdata's own CSV export has.
    for line, values in enumerate(zip(*columns, strict=True), start=2):
        row = _Row(spec.ENGLAND, line, dict(zip(required, values, strict=True)))
        yield _league_match(row, "ENG", spec.ENGLAND_DIVISIONS)


def _league_match(row: _Row, country: str, divisions: Divs, **extra: Any) -> MatchRecord:
    tier_key = (row.file, row.cells.get("division"), row.cells["tier"])
    tier = _cached(_TIERS, tier_key, lambda: _tier(row, divisions))
    home, away = row.goals()
    # fmt: off
    return MatchRecord(
        ref=SourceRef(SOURCE, row.file, row.line),
        competition=Competition.LEAGUE, season=row.season(), date=row.date(),
        # A club's association can differ from its league's (Cardiff in England, Monaco in
        # France): the file does not say, so the team's country is left None.
        home=row.team("home", None), away=row.team("visitor", None),
        home_goals=home, away_goals=away,
        status=Status.SCHEDULED if home is None else Status.PLAYED,  # no score: not played
        stage=Stage.LEAGUE, country=country, tier=tier,
        **extra,  # round, half-time score, note: what only some files have
    )
    # fmt: on


def _tier(row: _Row, divisions: Divs) -> int:
    """The `tier` column, checked against the division where the file has one."""
    tier = row.need_int("tier")
    if divisions is not None and divisions.get(str(row.text("division"))) != tier:
        raise row.error(f"division {row.cells['division']!r} is unknown or not tier {tier}")
    return tier
