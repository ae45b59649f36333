"""Parser for `fivethirtyeight-spi`: FiveThirtyEight's club soccer predictions (SPI),
five snapshots of the same file taken at different dates and kept in other repositories.

A match may appear in several snapshots; the latest snapshot's row is kept (its forecast
is still the pre-match one: FiveThirtyEight froze a forecast at kick-off). Only the
leagues the store covers are read; the others (MLS, the J League ...) have no matches to
be compared with, and are counted, not parsed.
"""

from __future__ import annotations

import datetime as dt
import logging

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import int_or_none, read_rows
from matchfacts.sources.records import ReferenceForecast, SourceRef
from matchfacts.sources.registry import ParsedSource, SourceFiles

logger = logging.getLogger(__name__)
SOURCE = "fivethirtyeight-spi"
# FiveThirtyEight's league names -> the store's competition ids (the leagues it covers).
LEAGUES = {
    "UEFA Champions League": "UCL",
    "UEFA Europa League": "UEL",
    "UEFA Europa Conference League": "UECL",
    "Barclays Premier League": "ENG1",
    "English League Championship": "ENG2",
    "English League One": "ENG3",
    "English League Two": "ENG4",
    "Spanish Primera Division": "ESP1",
    "Italy Serie A": "ITA1",
    "German Bundesliga": "GER1",
    "German 2. Bundesliga": "GER2",
    "French Ligue 1": "FRA1",
    "Dutch Eredivisie": "NED1",
    "Portuguese Liga": "POR1",
    "Scottish Premiership": "SCO1",
    "Turkish Turkcell Super Lig": "TUR1",
    "Belgian Jupiler League": "BEL1",
    "Greek Super League": "GRE1",
}
COLUMNS = ("date", "league", "team1", "team2", "prob1", "prob2", "probtie")


def parse(files: SourceFiles) -> ParsedSource:
    latest: dict[tuple, ReferenceForecast] = {}
    for name in files.names("*/*.csv"):  # snapshot folders sort by date: later wins
        skipped = 0
        for line, row in read_rows(files.path(name), name, ",", COLUMNS):
            if row["league"] not in LEAGUES:
                skipped += 1
                continue
            forecast = _forecast(row, name, line)
            if forecast is not None:
                latest[(forecast.date, forecast.home, forecast.away)] = forecast
        logger.info("%s: %d rows of leagues the store does not cover", name, skipped)
    return ParsedSource(matches=[], goals=[], kicks=[], references=list(latest.values()))


def _probability(row: dict[str, str], column: str, label: str, line: int) -> float:
    try:
        value = float(row[column])
    except ValueError:
        raise ParseError(label, line, f"{column} {row[column]!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise ParseError(label, line, f"{column} {value} is not a probability")
    return value


def _forecast(row: dict[str, str], label: str, line: int) -> ReferenceForecast | None:
    try:
        date = dt.date.fromisoformat(row["date"])
    except ValueError:
        raise ParseError(label, line, f"date {row['date']!r} is not YYYY-MM-DD") from None
    home, draw, away = (_probability(row, c, label, line) for c in ("prob1", "probtie", "prob2"))
    total = home + draw + away
    if abs(total - 1) > 0.01:
        raise ParseError(label, line, f"probabilities add up to {total:.4f}, not 1")
    return ReferenceForecast(
        ref=SourceRef(SOURCE, label, line),
        provider="fivethirtyeight",
        date=date,
        league=LEAGUES[row["league"]],
        home=row["team1"].strip(),
        away=row["team2"].strip(),
        p_home=home / total,
        p_draw=draw / total,
        p_away=away / total,
        home_goals=int_or_none(row.get("score1", ""), label, line, "score1"),
        away_goals=int_or_none(row.get("score2", ""), label, line, "score2"),
        home_xg=_expected_goals(row, "xg1", label, line),
        away_xg=_expected_goals(row, "xg2", label, line),
        home_nsxg=_expected_goals(row, "nsxg1", label, line),
        away_nsxg=_expected_goals(row, "nsxg2", label, line),
    )


def _expected_goals(row: dict[str, str], column: str, label: str, line: int) -> float | None:
    """A match's expected goals (xg or nsxg): empty before the match (or where 538 had no
    data for it)."""
    text = (row.get(column) or "").strip()
    if not text or text == "NA":
        return None
    try:
        value = float(text)
    except ValueError:
        raise ParseError(label, line, f"{column} {text!r} is not a number") from None
    if not 0.0 <= value < 20.0:
        raise ParseError(label, line, f"{column} {value} is not a plausible expected-goals figure")
    return value
