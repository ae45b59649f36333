"""Parser of football-datasets: top divisions in football-data.co.uk's CSV layout.

One file a league and season, `<league>/season-YYZZ.csv`, one row a match:
Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HTHG,HTAG,HTR, then match statistics (not read).
The pinned copy writes every date as ISO yyyy-mm-dd; football-data.co.uk's own files
write dd/mm/yy or dd/mm/yyyy, so those are read too (a copy of their file can be
pointed at with --local). A `Div` column, where present, is ignored: the folder says it.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from matchfacts.errors import ParseError
from matchfacts.sources.records import (
    Competition,
    MatchRecord,
    SourceRef,
    Stage,
    TeamName,
    season_label,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles

SOURCE = "football-datasets"
log = logging.getLogger(__name__)

# Folder -> UEFA code of the league's country; every league here is the top tier.
LEAGUES: dict[str, str] = {
    "premier-league": "ENG",
    "la-liga": "ESP",
    "serie-a": "ITA",
    "bundesliga": "GER",
    "ligue-1": "FRA",
}
REQUIRED = ("Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG")
_FILE = re.compile(r"([a-z0-9-]+)/season-(\d\d)(\d\d)\.csv")
SHOT_FIELDS = ("home_shots", "away_shots", "home_shots_on_target", "away_shots_on_target")
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DMY = re.compile(r"(\d\d?)/(\d\d?)/(\d\d|\d{4})")


def parse(files: SourceFiles) -> ParsedSource:
    matches: list[MatchRecord] = []
    for name in files.names("*/season-*.csv"):
        country, start = _league_and_season(name)
        matches.extend(_season(files.path(name), name, country, start))
    return ParsedSource(matches=matches, goals=[], kicks=[])


@cache
def _team(name: str) -> TeamName:
    return TeamName(name)  # frozen: one instance serves all the records of a team


def _league_and_season(name: str) -> tuple[str, int]:
    """'premier-league/season-9394.csv' -> ('ENG', 1993): country and the season's start."""
    match = _FILE.fullmatch(name)
    if match is None or match[1] not in LEAGUES:
        raise ParseError(name, None, f"not a known <league>/season-YYZZ.csv: {name!r}")
    first, second = int(match[2]), int(match[3])
    if second != (first + 1) % 100:
        raise ParseError(name, None, f"season {match[2]}{match[3]} is not two years in a row")
    # Two digits: the data start in 1993, so 90-99 is the 1900s and the rest the 2000s.
    return LEAGUES[match[1]], (1900 if first >= 90 else 2000) + first


def _season(path: Path, name: str, country: str, start: int) -> Iterator[MatchRecord]:
    season = season_label(start)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [column.strip() for column in next(reader, [])]
        missing = [column for column in REQUIRED if column not in header]
        if missing:
            raise ParseError(name, 1, f"missing column(s) {', '.join(missing)} in {header}")
        index = {column: header.index(column) for column in header}
        line = 2
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):  # an empty row (",,,,") is not data
                    row = _Row(name, line, cells, index)
                    home, away = row.team("HomeTeam"), row.team("AwayTeam")
                    yield MatchRecord(
                        ref=SourceRef(SOURCE, name, line),
                        competition=Competition.LEAGUE,
                        season=season,
                        date=row.date(start),
                        home=_team(home),
                        away=_team(away),
                        **row.scores(),
                        **row.shots(),
                        stage=Stage.LEAGUE,
                        country=country,
                        tier=1,
                    )
                line = reader.line_num + 1  # a quoted field may have spanned lines
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ParseError(name, line, f"unreadable CSV: {exc}") from exc


class _Row:
    """One row's cells with the file and line, so every bad value names where it is."""

    def __init__(self, file: str, line: int, cells: list[str], index: dict[str, int]) -> None:
        self.file, self.line, self.cells, self.index = file, line, cells, index
        # Extra commas make extra fields: harmless while empty, a shifted row otherwise.
        extra = [cell for cell in cells[len(index) :] if cell.strip()]
        if extra:
            raise self.error(f"{len(cells)} fields, the header has {len(index)}: extra {extra}")

    def error(self, message: str) -> ParseError:
        return ParseError(self.file, self.line, message)

    def get(self, column: str) -> str:
        position = self.index.get(column)
        if position is None or position >= len(self.cells):
            return ""  # an optional column this file lacks, or a row cut short
        return self.cells[position].strip()

    def team(self, column: str) -> str:
        name = self.get(column)
        if not name:
            raise self.error(f"{column} is missing")
        return name

    def goals(self, column: str) -> int | None:
        text = self.get(column)
        if text and not (text.isdigit() and text.isascii()):
            raise self.error(f"{column} {text!r} is not a number of goals")
        return int(text) if text else None

    def scores(self) -> dict[str, int | None]:
        home, away = self.goals("FTHG"), self.goals("FTAG")
        if home is None or away is None:
            raise self.error(f"full-time score {self.get('FTHG')!r}-{self.get('FTAG')!r}")
        home_ht, away_ht = self.goals("HTHG"), self.goals("HTAG")
        if (home_ht is None) != (away_ht is None):  # both empty: not recorded (before 1995)
            raise self.error(f"half-time score {self.get('HTHG')!r}-{self.get('HTAG')!r}")
        result = self.get("FTR")
        if result not in ("", "H", "D", "A"):
            raise self.error(f"FTR {result!r} is not H, D or A")
        expected = "H" if home > away else "A" if home < away else "D"
        if result and result != expected:
            # The goals are the primary data: kept, and the disagreement logged.
            log.warning("%s:%d: FTR %r disagrees with FTHG-FTAG %s-%s; goals kept",
                        self.file, self.line, result, home, away)  # fmt: skip
        return {"home_goals": home, "away_goals": away,
                "home_goals_ht": home_ht, "away_goals_ht": away_ht}  # fmt: skip

    def shots(self) -> dict[str, int | None]:
        """Shots (HS, AS) and shots on target (HST, AST), each pair where the row has both
        (files before about 2000 have neither, 2003-06 Bundesliga rows only shots). A row
        whose shots on target outnumber its shots keeps its score and loses its shots,
        with a warning."""
        shots, on_target = self.pair("HS", "AS"), self.pair("HST", "AST")
        if shots and on_target and (on_target[0] > shots[0] or on_target[1] > shots[1]):
            log.warning("%s:%d: shots on target %d-%d exceed shots %d-%d; shots left out",
                        self.file, self.line, *on_target, *shots)  # fmt: skip
            shots = on_target = None
        return dict(zip(SHOT_FIELDS, (*(shots or (None, None)), *(on_target or (None, None))),
                        strict=True))  # fmt: skip

    def pair(self, home: str, away: str) -> tuple[int, int] | None:
        texts = (self.get(home), self.get(away))
        if not any(texts):
            return None
        if not all(t.isdigit() and t.isascii() for t in texts):
            raise self.error(f"{home} {texts[0]!r}, {away} {texts[1]!r}: not a pair of counts")
        return int(texts[0]), int(texts[1])

    def date(self, start: int) -> dt.date:
        """ISO yyyy-mm-dd, dd/mm/yyyy or dd/mm/yy, within the season's two calendar years."""
        text = self.get("Date")
        iso, dmy = _ISO.fullmatch(text), _DMY.fullmatch(text)
        try:
            if iso:
                date = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif dmy and len(dmy[3]) == 2:  # yy: the season's start or end year
                years = {start % 100: start, (start + 1) % 100: start + 1}
                if int(dmy[3]) not in years:
                    raise ValueError(f"year {dmy[3]} is not {start} or {start + 1}")
                date = dt.date(years[int(dmy[3])], int(dmy[2]), int(dmy[1]))
            elif dmy:
                date = dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
            else:
                raise ValueError("no known format")
        except ValueError as exc:
            raise self.error(f"Date {text!r} is not a date ({exc})") from None
        if date.year not in (start, start + 1):
            raise self.error(f"Date {text!r} is outside season {season_label(start)}")
        return date
