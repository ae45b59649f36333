"""Parser of the openfootball champions-league files (Football.TXT).

One file per season and competition (`2020-21/cl.txt`, `el`, `conf`, and the
qualifying files `clq`, `elq`, `confq`), laid out as:

    = UEFA Champions League 2020/21          header: competition and season
    # Matches    125                         comments
    » Round of 16                            section heading: the round
      Tue Feb/16 2021                        date; the year is carried forward
        21.00  RB Leipzig (GER)  v Liverpool FC (ENG)  0-2 (0-0)

A line that fits none of these raises ParseError: nothing is dropped silently.
The source has no scorers, so only match records come out of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from matchfacts.errors import ParseError
from matchfacts.sources import openfootball_spec as spec
from matchfacts.sources.records import MatchRecord, SourceRef, Status, TeamName
from matchfacts.sources.registry import ParsedSource, SourceFiles

_HEADER = re.compile(r"= (?P<title>.+) (?P<start>\d{4})/(?P<end>\d{2})")
_HEADING = re.compile(r"» (?P<heading>.+)")
_DATE = re.compile(
    r"\s+(?P<weekday>[A-Z][a-z]{2}) (?P<month>[A-Z][a-z]{2})/(?P<day>\d{1,2})(?: (?P<year>\d{4}))?"
)
# The kick-off time (local, zone unstated) is optional: a line without one shares the
# time of the line above. Team names may start with digits ("1. FC Köln", "1899
# Hoffenheim"), which the strict HH.MM pattern keeps apart from a time.
_MATCH = re.compile(
    r"\s+(?:\d{1,2}\.\d{2}\s+)?"
    r"(?P<home>\S.*?) \((?P<home_country>[A-Z]{3})\)\s+v\s+"
    r"(?P<away>\S.*?) \((?P<away_country>[A-Z]{3})\)"
    r"(?:\s+(?P<result>\S.*))?"
)

_S = r"(\d{1,2})-(\d{1,2})"
# "2-1 (1-1)": 90 minutes, half time.
_PLAIN = re.compile(rf"{_S}(?: \({_S}\))?")
# "4-3 pen. 1-0 a.e.t. (1-0, 1-0)": shoot-out, after extra time, (90 minutes, half
# time). With one score in the parentheses it is the 90-minute one, as in the
# format's reference parser (sportdb score-formats: "4-1 a.e.t. (3-1)" is ft 3-1):
# e.g. the 2023-24 UECL final, Olympiakos 1-0 Fiorentina a.e.t. (0-0).
_EXTRA = re.compile(rf"(?:{_S} pen\. )?{_S} a\.e\.t\.(?: \({_S}(?:, {_S})?\))?")
# "3-0 [awarded]", "[cancelled]": matches that were not played.
_NOTE = re.compile(rf"(?:{_S} )?\[(?P<note>[a-z]+)\]")

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Result:
    status: Status
    ft: Pair | None = None
    ht: Pair | None = None
    et: Pair | None = None
    pens: Pair | None = None
    extra_time: bool | None = None
    penalties: bool | None = None
    note: str | None = None


def _pair(groups: tuple[str | None, ...], at: int) -> Pair | None:
    home, away = groups[at], groups[at + 1]
    return None if home is None or away is None else (int(home), int(away))


def _parse_result(text: str | None) -> _Result | None:
    """The result part of a match line, or None if it fits no known notation."""
    if text is None:  # a fixture not yet played in this copy
        return _Result(Status.SCHEDULED)
    text = " ".join(text.split())  # the notes are set off by runs of spaces
    if m := _PLAIN.fullmatch(text):
        g = m.groups()
        return _Result(
            Status.PLAYED, ft=_pair(g, 0), ht=_pair(g, 2), extra_time=False, penalties=False
        )
    if m := _EXTRA.fullmatch(text):
        g = m.groups()
        pens = _pair(g, 0)
        return _Result(
            Status.PLAYED,
            et=_pair(g, 2),
            ft=_pair(g, 4),
            ht=_pair(g, 6),
            pens=pens,
            extra_time=True,
            penalties=pens is not None,
        )
    if m := _NOTE.fullmatch(text):
        note, score = m["note"], _pair(m.groups(), 0)
        # An awarded result stands as the official score (it counts in the tie's
        # aggregate and in the table), but no match was played: hence CANCELLED,
        # which covers walkovers, with the note kept verbatim.
        if note == spec.NOTE_AWARDED and score is not None:
            return _Result(Status.CANCELLED, ft=score, note=note)
        if note == spec.NOTE_CANCELLED and score is None:
            return _Result(Status.CANCELLED, note=note)
    return None


class _FileParser:
    """Reads one file line by line, keeping the section, date and year in force."""

    def __init__(self, name: str) -> None:
        self.name = name
        folder, _, filename = name.partition("/")
        self.stem = filename.removesuffix(".txt")
        if not re.fullmatch(r"\d{4}-\d{2}", folder) or self.stem not in spec.FILE_KINDS:
            raise ParseError(name, None, f"not a <season>/<kind>.txt file of {spec.SOURCE}")
        self.season = folder
        self.start_year = int(folder[:4])
        self.competition, self.title, quali = spec.FILE_KINDS[self.stem]
        self.headings = spec.QUALI_HEADINGS if quali else spec.MAIN_HEADINGS
        self.neutral_rounds = {"F"} | spec.NEUTRAL_ROUNDS.get((self.season, self.stem), set())
        self.round: str | None = None
        self.date: dt.date | None = None
        self.year: int | None = None
        self.records: list[MatchRecord] = []

    def error(self, line_no: int, message: str) -> ParseError:
        return ParseError(self.name, line_no, message)

    def parse(self, text: str) -> list[MatchRecord]:
        # Split on "\n" only: the files mix CRLF and LF line ends, and str.splitlines()
        # would also split on rarer separators and shift the line numbers.
        for line_no, raw in enumerate(text.split("\n"), start=1):
            line = raw.rstrip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("="):
                self.header(line_no, line)
            elif line.startswith("»"):
                self.heading(line_no, line)
            elif m := _DATE.fullmatch(line):
                self.date = self.parse_date(line_no, m)
            elif line[0].isspace() and " v " in line:
                self.records.append(self.match(line_no, line))
            else:
                raise self.error(line_no, f"unknown line {line.strip()!r}")
        return _assign_legs(self.name, self.records, self.neutral_rounds)

    def header(self, line_no: int, line: str) -> None:
        m = _HEADER.fullmatch(line)
        ok = (
            m is not None
            and m["title"] == self.title
            and int(m["start"]) == self.start_year
            and m["end"] == self.season[-2:]
        )
        if not ok:
            raise self.error(
                line_no,
                f"header {line!r} is not '= {self.title} {self.start_year}/{self.season[-2:]}'",
            )

    def heading(self, line_no: int, line: str) -> None:
        m = _HEADING.fullmatch(line)
        heading = m["heading"] if m else line
        if heading not in self.headings:
            raise self.error(line_no, f"unknown section heading {heading!r}")
        self.round = self.headings[heading]

    def parse_date(self, line_no: int, m: re.Match[str]) -> dt.date:
        """A date line. Without a year, the last year given in the file holds.

        The year is carried forward, not inferred from the month: each group's section
        starts again in the autumn after the previous group's December, so "a month
        earlier than the last date means next year" would be wrong. The files give the
        year again at the turn of the year; the weekday check below catches any date
        whose carried-forward year is wrong.
        """
        line = m.group(0).strip()
        if m["month"] not in spec.MONTHS or m["weekday"] not in spec.WEEKDAYS:
            raise self.error(line_no, f"unknown month or weekday in date {line!r}")
        if m["year"] is not None:
            self.year = int(m["year"])
        month = spec.MONTHS.index(m["month"]) + 1
        if self.year is None:  # no year given yet: the season's half says which
            self.year = self.start_year if month >= 7 else self.start_year + 1
        try:
            date = dt.date(self.year, month, int(m["day"]))
        except ValueError as exc:
            raise self.error(line_no, f"impossible date {line!r}: {exc}") from exc
        if spec.WEEKDAYS[date.weekday()] != m["weekday"]:
            raise self.error(
                line_no,
                f"date {line!r} is a {date:%a} in {self.year}, "
                "so its year is not the one carried forward",
            )
        return date

    def match(self, line_no: int, line: str) -> MatchRecord:
        m = _MATCH.fullmatch(line)
        result = _parse_result(m["result"]) if m else None
        if m is None or result is None:
            raise self.error(line_no, f"cannot read match line {line.strip()!r}")
        if self.round is None or self.date is None:
            raise self.error(line_no, "match line before any section heading or date")
        ft, ht, et, pens = result.ft, result.ht, result.et, result.pens
        return MatchRecord(
            ref=SourceRef(spec.SOURCE, self.name, line_no),
            competition=self.competition,
            season=self.season,
            date=self.date,
            home=TeamName(m["home"], m["home_country"]),
            away=TeamName(m["away"], m["away_country"]),
            home_goals=ft[0] if ft else None,
            away_goals=ft[1] if ft else None,
            status=result.status,
            stage=spec.STAGE_OF_ROUND[self.round],
            round=self.round,
            home_goals_ht=ht[0] if ht else None,
            away_goals_ht=ht[1] if ht else None,
            home_goals_et=et[0] if et else None,
            away_goals_et=et[1] if et else None,
            home_pens=pens[0] if pens else None,
            away_pens=pens[1] if pens else None,
            went_to_extra_time=result.extra_time,
            went_to_penalties=result.penalties,
            source_decided_by=result.note,
        )


def _assign_legs(
    name: str, records: list[MatchRecord], neutral_rounds: set[str]
) -> list[MatchRecord]:
    """Number the legs of two-legged ties; mark single matches at neutral venues.

    Within a round, the second meeting of two teams with home and away swapped is the
    second leg. A pair that meets once plays a single match (a final, or the 2019-20
    one-match quarter- and semi-finals). Any other repeat is not a two-legged tie, and
    the source does not say what it is, so it is an error.
    """
    out = list(records)
    first: dict[tuple[str, frozenset[TeamName]], int] = {}
    order = sorted(range(len(records)), key=lambda i: (records[i].date, records[i].ref.line))
    for i in order:
        rec = records[i]
        if rec.round not in spec.TIE_ROUNDS:
            continue
        key = (rec.round, frozenset({rec.home, rec.away}))
        if key not in first:
            first[key] = i
            continue
        j = first[key]
        if out[j].leg is not None or (records[j].home, records[j].away) != (rec.away, rec.home):
            raise ParseError(
                name,
                rec.ref.line,
                f"{rec.home.name} v {rec.away.name} meets "
                f"again in {rec.round} but not as the return leg of line "
                f"{records[j].ref.line}",
            )
        out[j] = replace(out[j], leg=1)
        out[i] = replace(rec, leg=2)
    return [
        replace(rec, neutral=True) if rec.round in neutral_rounds and rec.leg is None else rec
        for rec in out
    ]


def parse_file(name: str, path: Path) -> list[MatchRecord]:
    """The matches of one file; `name` is its registry path, e.g. '2020-21/cl.txt'."""
    # utf-8-sig: a byte-order mark, should one appear, must not spoil the header line.
    return _FileParser(name).parse(path.read_text(encoding="utf-8-sig"))


def parse(files: SourceFiles) -> ParsedSource:
    matches: list[MatchRecord] = []
    for name in files.names("*/*.txt"):
        matches.extend(parse_file(name, files.path(name)))
    return ParsedSource(matches=matches, goals=[], kicks=[])
