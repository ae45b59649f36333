"""Parser for `kaggle-ucl-2016-2022`: Champions League matches 2016-17..2021-22 with goals
and their assists. No open licence: matchfacts never downloads it; a user who holds the
files passes `--local kaggle-ucl-2016-2022=DIR`.

The files carry no round or leg, and a goal names its scorer but not his side: the side is
the scorer's team in Players.csv when that team played the match (the other side for an
own goal). A scorer listed with neither side (a squad list of one season applied to
several) is kept with an empty team, and the store reports the goal instead of guessing.
Scores may be after 90 minutes or after extra time (the file does not say): the store
trusts UEFA's dump for scores and goals, and takes the assists from here.
"""

from __future__ import annotations

import datetime as dt

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import int_or_none, read_rows
from matchfacts.sources.records import (
    Competition,
    GoalKind,
    GoalRecord,
    MatchRecord,
    SourceRef,
    Status,
    TeamName,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles

SOURCE = "kaggle-ucl-2016-2022"
KINDS = {"penalty": GoalKind.PENALTY, "own goal": GoalKind.OWN_GOAL}


def parse(files: SourceFiles) -> ParsedSource:
    players = _players(files)
    matches, sides = _matches(files)
    goals = _goals(files, players, sides)
    return ParsedSource(matches=matches, goals=goals, kicks=[])


def _players(files: SourceFiles) -> dict[str, tuple[str, str]]:
    label = "Players.csv"
    out = {}
    for line, row in read_rows(files.path(label), label, ",", ("PLAYER_ID", "LAST_NAME", "TEAM")):
        name = " ".join(p for p in (row["FIRST_NAME"].strip(), row["LAST_NAME"].strip()) if p)
        if not name:
            raise ParseError(label, line, f"player {row['PLAYER_ID']!r} has no name")
        out[row["PLAYER_ID"]] = (name, row["TEAM"].strip())
    return out


def _date(value: str, label: str, line: int) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError:
        raise ParseError(label, line, f"date {value!r} is not DD-MM-YYYY") from None


def _matches(files: SourceFiles) -> tuple[list[MatchRecord], dict[str, MatchRecord]]:
    label = "Matches.csv"
    required = (
        "MATCH_ID",
        "SEASON",
        "DATE",
        "HOME_TEAM",
        "AWAY_TEAM",
        "HOME_TEAM_SCORE",
        "AWAY_TEAM_SCORE",
    )
    records, by_id = [], {}
    for line, row in read_rows(files.path(label), label, ",", required):
        start, _, end = row["SEASON"].partition("-")
        if not (start.isdigit() and end.isdigit()):
            raise ParseError(label, line, f"season {row['SEASON']!r} is not like 2021-2022")
        home = int_or_none(row["HOME_TEAM_SCORE"], label, line, "HOME_TEAM_SCORE")
        away = int_or_none(row["AWAY_TEAM_SCORE"], label, line, "AWAY_TEAM_SCORE")
        if home is None or away is None:
            raise ParseError(label, line, "a match without its score")
        record = MatchRecord(
            ref=SourceRef(SOURCE, label, line),
            competition=Competition.CHAMPIONS_LEAGUE,
            season=f"{start}-{end[2:]}",
            date=_date(row["DATE"], label, line),
            home=TeamName(row["HOME_TEAM"].strip()),
            away=TeamName(row["AWAY_TEAM"].strip()),
            # 90 minutes or after extra time: the file does not say. Taken as 90 minutes; a
            # match that went to extra time shows up as a conflict with UEFA's score.
            home_goals=home,
            away_goals=away,
            status=Status.PLAYED,
            attendance=int_or_none(row["ATTENDANCE"], label, line, "ATTENDANCE"),
            venue=row["STADIUM"].strip() or None,
            source_match_id=row["MATCH_ID"],
        )
        records.append(record)
        by_id[row["MATCH_ID"]] = record
    return records, by_id


def _goals(
    files: SourceFiles, players: dict[str, tuple[str, str]], matches: dict[str, MatchRecord]
) -> list[GoalRecord]:
    label = "goals.csv"
    out = []
    for line, row in read_rows(files.path(label), label, ",", ("MATCH_ID", "PID", "DURATION")):
        match = matches.get(row["MATCH_ID"])
        if match is None:
            raise ParseError(label, line, f"goal of unknown match {row['MATCH_ID']!r}")
        scorer = players.get(row["PID"]) if row["PID"] else None  # 103 goals name no scorer
        if row["PID"] and scorer is None:
            raise ParseError(label, line, f"unknown player {row['PID']!r}")
        assist = players.get(row["ASSIST"]) if row["ASSIST"] else None
        if row["ASSIST"] and assist is None:
            raise ParseError(label, line, f"unknown assisting player {row['ASSIST']!r}")
        kind = KINDS.get(row["GOAL_DESC"].strip().lower(), GoalKind.OPEN)
        out.append(
            GoalRecord(
                ref=SourceRef(SOURCE, label, line),
                team=TeamName(_side(scorer[1], match, kind) if scorer else ""),
                player=scorer[0] if scorer else None,
                minute=int_or_none(row["DURATION"], label, line, "DURATION"),
                kind=kind,
                source_match_id=row["MATCH_ID"],
                match_date=match.date,
                match_home=match.home.name,
                match_away=match.away.name,
                source_player_id=row["PID"] or None,
                assist_player=assist[0] if assist else None,
            )
        )
    return out


def _side(team: str, match: MatchRecord, kind: GoalKind) -> str:
    """The side the goal counts for, by the scorer's listed team ('' when neither)."""
    sides = (match.home.name, match.away.name)
    if team not in sides:
        return ""
    if kind is GoalKind.OWN_GOAL:
        return sides[1] if team == sides[0] else sides[0]
    return team
