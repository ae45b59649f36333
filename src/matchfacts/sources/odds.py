"""Parser for bookmaker odds files in football-data.co.uk's layout (Bet365 1X2 columns):
`odds-gutormin-backtest` (top five leagues and the Champions League, 2020-21..) and
`odds-epl-1993-2026-andrespleite` (Premier League). Neither has an open licence: they are
read from files the user holds (`--local NAME=DIR`), never downloaded.

Probabilities are the inverse odds scaled to sum to one (the bookmaker's margin removed
proportionally); the raw odds are kept beside them.
"""

from __future__ import annotations

import datetime as dt

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import int_or_none, read_rows
from matchfacts.sources.records import ReferenceForecast, SourceRef
from matchfacts.sources.registry import ParsedSource, SourceFiles

LEAGUES = {"E0": "ENG1", "SP1": "ESP1", "I1": "ITA1", "D1": "GER1", "F1": "FRA1", "EUROPE": "UCL"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y")


def parse(files: SourceFiles) -> ParsedSource:
    references = []
    for name in files.names("*.csv"):
        league = LEAGUES.get(name.split("_")[0])
        if league is None:
            raise ParseError(name, None, "file name does not say which league it holds")
        references += _file(files, name, league)
    return ParsedSource(matches=[], goals=[], kicks=[], references=references)


def _date(value: str, label: str, line: int) -> dt.date:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ParseError(label, line, f"date {value!r} is not a date")


def _file(files: SourceFiles, label: str, league: str) -> list[ReferenceForecast]:
    out = []
    required = ("Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG")
    for line, row in read_rows(files.path(label), label, ",", required):
        # early seasons' files carry no Bet365 columns at all: nothing to compare there
        quoted = tuple(row.get(c, "").strip() for c in ("B365H", "B365D", "B365A"))
        if not all(quoted):
            continue  # no odds quoted for this match (early seasons): nothing to compare
        try:
            odds = tuple(float(q) for q in quoted)
        except ValueError:
            raise ParseError(label, line, f"odds {quoted} are not numbers") from None
        if min(odds) <= 1.0:
            raise ParseError(label, line, f"odds {quoted} are not decimal odds above 1")
        inverse = [1 / o for o in odds]
        total = sum(inverse)
        out.append(
            ReferenceForecast(
                ref=SourceRef(files.name, label, line),
                provider="bet365",
                date=_date(row["Date"], label, line),
                league=league,
                home=row["HomeTeam"].strip(),
                away=row["AwayTeam"].strip(),
                p_home=inverse[0] / total,
                p_draw=inverse[1] / total,
                p_away=inverse[2] / total,
                home_goals=int_or_none(row["FTHG"], label, line, "FTHG"),
                away_goals=int_or_none(row["FTAG"], label, line, "FTAG"),
                odds=odds,  # type: ignore[arg-type]
            )
        )
    return out
