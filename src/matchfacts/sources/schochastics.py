"""Parser for `schochastics-football-data`: every match of UEFA's club competitions
1955-2019 (results/*.csv), and Champions League / Europa League scorers (goals_time/).

The results give the score at the end of the match (after extra time where played) and
whether it went to extra time or penalties, but neither the 90-minute score nor the
shoot-out: we keep what is there and never guess the rest. Rounds and legs are rebuilt
in `schochastics_rounds`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import int_or_none, read_rows
from matchfacts.sources.records import (
    GoalRecord,
    MatchRecord,
    SourceRef,
    Stage,
    TeamName,
    season_label,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles
from matchfacts.sources.schochastics_rounds import RawMatch, rebuild
from matchfacts.sources.schochastics_spec import COMPETITIONS, COUNTRIES, FULL_TIME

SOURCE = "schochastics-football-data"
RESULT_COLUMNS = (
    "home",
    "away",
    "date",
    "gh",
    "ga",
    "full_time",
    "competition",
    "home_country",
    "away_country",
)
GOAL_COLUMNS = ("scoring_player", "scoring_team", "time", "GH", "GA", "game", "date")
GAME = re.compile(r"^\s*(?P<home>.+?) vs\. (?P<away>.+?) (?P<hg>\d+):(?P<ag>\d+)")
MINUTE = re.compile(r"^(?P<minute>\d+)(?:\+(?P<added>\d+))?$")
STAGES = {
    "group": Stage.GROUP,
    "knockout": Stage.KNOCKOUT,
    "qualifying": Stage.QUALIFYING,
    "final": Stage.FINAL,
}


def parse(files: SourceFiles) -> ParsedSource:
    matches: list[MatchRecord] = []
    for name in files.names("results/*.csv"):
        matches += _results(files, name)
    goals: list[GoalRecord] = []
    for name in files.names("goals_time/*.csv"):
        goals += _goals(files, name)
    return ParsedSource(matches=matches, goals=goals, kicks=[])


def season_of_cup_date(date: dt.date) -> str:
    """The season of a European cup match: qualifying starts in late June."""
    return season_label(date.year if (date.month, date.day) >= (6, 20) else date.year - 1)


def _date(value: str, label: str, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParseError(label, line, f"date {value!r} is not YYYY-MM-DD") from None


def _country(value: str, label: str, line: int) -> str:
    if value not in COUNTRIES:
        raise ParseError(label, line, f"unknown country {value!r}")
    return COUNTRIES[value]


def _results(files: SourceFiles, label: str) -> list[MatchRecord]:
    records: list[MatchRecord] = []
    for line, row in read_rows(files.path(label), label, ",", RESULT_COLUMNS):
        competition = COMPETITIONS.get(row["competition"])
        if competition is None:
            raise ParseError(label, line, f"unknown competition {row['competition']!r}")
        ending = FULL_TIME.get(row["full_time"])
        if ending is None:
            raise ParseError(label, line, f"unknown full_time {row['full_time']!r}")
        date = _date(row["date"], label, line)
        gh = int_or_none(row["gh"], label, line, "gh")
        ga = int_or_none(row["ga"], label, line, "ga")
        if gh is None or ga is None:
            raise ParseError(label, line, f"missing score {row['gh']!r}-{row['ga']!r}")
        extra = ending != "normal"
        records.append(
            MatchRecord(
                ref=SourceRef(SOURCE, label, line),
                competition=competition,
                season=season_of_cup_date(date),
                date=date,
                home=TeamName(row["home"].strip(), _country(row["home_country"], label, line)),
                away=TeamName(row["away"].strip(), _country(row["away_country"], label, line)),
                home_goals=None if extra else gh,
                away_goals=None if extra else ga,
                home_goals_et=gh if extra else None,
                away_goals_et=ga if extra else None,
                went_to_extra_time=extra,
                went_to_penalties=ending == "penalties",
            )
        )
    return _with_structure(records)


def _with_structure(records: list[MatchRecord]) -> list[MatchRecord]:
    """Fill stage, round and leg, rebuilt per competition (one file is one competition)."""
    if not records:
        return records
    raw = [
        RawMatch(i, r.season, r.date, r.home.name, r.away.name)  # type: ignore[arg-type]
        for i, r in enumerate(records)
    ]
    structure = rebuild(raw, records[0].competition.value)
    out = []
    for i, record in enumerate(records):
        s = structure[i]
        out.append(
            replace(
                record,
                stage=STAGES[s.stage],
                round=s.round,
                leg=s.leg,
                neutral=True if _neutral_final(s, record) else None,
            )
        )
    return out


def _neutral_final(s, record: MatchRecord) -> bool:  # noqa: ANN001
    """A final played once was at a neutral ground; so was every Cup Winners' Cup final
    after the two-legged first (1960-61) and its replay: Real Madrid v Chelsea in Athens,
    1971, both matches, not Chelsea's home and Real Madrid's away."""
    if s.round != "F":
        return False
    return s.leg is None or (record.competition.value == "UCWC" and record.season > "1960-61")


def _goals(files: SourceFiles, label: str) -> list[GoalRecord]:
    goals: list[GoalRecord] = []
    for line, row in read_rows(files.path(label), label, ",", GOAL_COLUMNS):
        game = GAME.match(row["game"])
        if game is None:
            raise ParseError(label, line, f"game {row['game'][:80]!r} is not 'A vs. B h:a'")
        minute = MINUTE.match(row["time"].strip())
        if minute is None:
            raise ParseError(label, line, f"time {row['time']!r} is not a minute like 45+2")
        goals.append(
            GoalRecord(
                ref=SourceRef(SOURCE, label, line),
                team=TeamName(row["scoring_team"].strip()),
                player=row["scoring_player"].strip() or None,
                minute=int(minute["minute"]),
                added_minute=int(minute["added"]) if minute["added"] else None,
                match_date=_date(row["date"], label, line),
                match_home=game["home"].strip(),
                match_away=game["away"].strip(),
            )
        )
    return goals
