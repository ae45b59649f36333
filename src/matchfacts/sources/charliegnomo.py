"""Parser for `charliegnomo-champions-uefa-data`: UEFA's match API dump of the European Cup
and Champions League, 1955-56..2021-22, semicolon-separated.

What the columns mean, as checked against known matches:
- ft1/ft2 are the 90-minute score, et1/et2 the score after extra time (equal to ft when
  none was played), pen1/pen2 the shoot-out. Awarded matches keep the score at
  abandonment in ft and the awarded score in et; we keep ft and record the awarded score
  in `source_decided_by`.
- attendance 0 in 2020-21 marks a match behind closed doors (the store derives that).
- winners.csv is the source's own verdict on each tie: kept only to be compared with the
  tie engine's derivation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from matchfacts.errors import ParseError
from matchfacts.sources.csvrows import int_or_none, read_rows
from matchfacts.sources.records import (
    Competition,
    GoalKind,
    GoalRecord,
    MatchRecord,
    ShootoutKick,
    SourceRef,
    Stage,
    Status,
    TeamName,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles

SOURCE = "charliegnomo-champions-uefa-data"

ROUND_CODES = {
    "PRELIMINARY": "PRE",
    "QUALIFYING": "Q1",  # the single qualifying round of the early 1990s
    "FIRST_QUALIFYING": "Q1",
    "SECOND_QUALIFYING": "Q2",
    "INTERMEDIATE": "Q2",  # 1990s intermediate round between qualifying and groups
    "THIRD_QUALIFYING": "Q3",
    "PLAY_OFF": "PO",
    "FIRST": "R1",
    "SECOND": "R2",
    "THIRD": "GROUP",  # 1991-92: the group stage is filed as a third round
    "FIRST_GROUP_MATCH_STAGE": "GROUP",
    "GROUP_STANDINGS": "GROUP",
    "SECOND_GROUP_MATCH_STAGE": "GROUP2",
    "ROUND_OF_16": "R16",
    "QUARTER_FINALS": "QF",
    "SEMIFINAL": "SF",
    "FINAL": "F",
}
STATUS = {
    "FINISHED": Status.PLAYED,
    "UPCOMING": Status.SCHEDULED,
    "ABANDONED": Status.ABANDONED,
    "CANCELED": Status.CANCELLED,
}
LEGS = {"FIRST_LEG": 1, "SECOND_LEG": 2, "REPLAY": 3, "SINGLE": None, "GROUP_STAGE": None}
GOAL_KINDS = {"SCORED": GoalKind.OPEN, "PENALTY": GoalKind.PENALTY, "OWN": GoalKind.OWN_GOAL}


def parse(files: SourceFiles) -> ParsedSource:
    teams = _teams(files)
    players = _players(files)
    winners = _winners(files)
    matches, team_of_match = _matches(files, teams, winners, _stadiums(files))
    goals, kicks = _goals(files, teams, players, team_of_match)
    return ParsedSource(matches=matches, goals=goals, kicks=kicks)


def _teams(files: SourceFiles) -> dict[str, TeamName]:
    label = "teams.csv"
    rows = read_rows(files.path(label), label, ";", ("id", "full_name", "country_code"))
    return {
        row["id"]: TeamName(row["full_name"].strip(), row["country_code"] or None, row["id"])
        for _, row in rows
    }


def _players(files: SourceFiles) -> dict[str, str]:
    label = "players.csv"
    names: dict[str, str] = {}
    # players.csv repeats a player once per season; the name is the same in each row.
    for line, row in read_rows(files.path(label), label, ";", ("player_id", "full_name")):
        name = (row["international_name"] or row["full_name"]).strip()
        if not name:
            raise ParseError(label, line, f"player {row['player_id']} has no name")
        names.setdefault(row["player_id"], name)
    return names


def _stadiums(files: SourceFiles) -> dict[str, str]:
    label = "stadiums.csv"
    rows = read_rows(files.path(label), label, ";", ("id", "name", "city"))
    return {row["id"]: ", ".join(filter(None, (row["name"], row["city"]))) for _, row in rows}


def _winners(files: SourceFiles) -> dict[str, tuple[str, str]]:
    label = "winners.csv"
    rows = read_rows(files.path(label), label, ";", ("match_id", "winner_aggregate"))
    return {
        row["match_id"]: (row["winner_aggregate"], row["reason_aggregate"])
        for _, row in rows
        if row["winner_aggregate"]
    }


def _stage(row: dict[str, str], round_code: str) -> Stage:
    if row["phase"] == "QUALIFYING":
        return Stage.QUALIFYING
    if round_code.startswith("GROUP"):
        return Stage.GROUP
    return Stage.FINAL if round_code == "F" else Stage.KNOCKOUT


def _season(value: str, label: str, line: int) -> str:
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit() and int(end) == int(start) + 1):
        raise ParseError(label, line, f"season {value!r} is not like '2020-2021'")
    return f"{start}-{end[2:]}"


def _kickoff(value: str, label: str, line: int) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(label, line, f"date {value!r} is not an ISO timestamp") from None


def _matches(
    files: SourceFiles,
    teams: dict[str, TeamName],
    winners: dict[str, tuple[str, str]],
    stadiums: dict[str, str],
) -> tuple[list[MatchRecord], dict[str, tuple[str, str]]]:
    label = "matches.csv"
    out: list[MatchRecord] = []
    sides: dict[str, tuple[str, str]] = {}
    grounds: list[tuple[str, str, str, str]] = []
    required = ("match_id", "season", "status", "match_type", "round", "date", "t1", "t2")
    for line, row in read_rows(files.path(label), label, ";", required):
        for column, table in (("round", ROUND_CODES), ("status", STATUS), ("match_type", LEGS)):
            if row[column] not in table:
                raise ParseError(label, line, f"unknown {column} {row[column]!r}")
        kickoff = _kickoff(row["date"], label, line)
        home, away = _team(teams, row["t1"], label, line), _team(teams, row["t2"], label, line)
        sides[row["match_id"]] = (row["t1"], row["t2"])
        record = _match_record(row, line, kickoff, home, away, teams, winners)
        out.append(replace(record, venue=stadiums.get(row["stadium"], record.venue)))
        grounds.append((row["t1"], row["stadium"], row["match_type"], row["round"]))
    return _neutral_grounds(out, grounds), sides


# A replay, and a tie played as one match (2019-20's final eight in Lisbon), was mostly on
# a ground chosen by UEFA: Liverpool v Köln in Rotterdam (1965), Ajax v Benfica in Paris
# (1969), Barcelona v Hamburg in Brussels (1961). Framed as the listed home side's home
# match, it made "won k of their n away matches" count a neutral play-off as away.
ONE_MATCH = ("REPLAY", "SINGLE")


def _neutral_grounds(
    records: list[MatchRecord], grounds: list[tuple[str, str, str, str]]
) -> list[MatchRecord]:
    """Such a match is neutral when its ground is none of the listed home side's own (the
    grounds of its two-legged and group home matches)."""
    own: dict[str, set[str]] = {}
    for team, stadium, match_type, round_name in grounds:
        if match_type not in ONE_MATCH and round_name != "FINAL" and stadium:
            own.setdefault(team, set()).add(stadium)
    return [
        replace(r, neutral=True)
        if match_type in ONE_MATCH and stadium and stadium not in own.get(team, set())
        else r
        for r, (team, stadium, match_type, _) in zip(records, grounds, strict=True)
    ]


def _team(teams: dict[str, TeamName], team_id: str, label: str, line: int) -> TeamName:
    if team_id not in teams:
        raise ParseError(label, line, f"team id {team_id!r} is not in teams.csv")
    return teams[team_id]


def _match_record(
    row: dict[str, str],
    line: int,
    kickoff: dt.datetime | None,
    home: TeamName,
    away: TeamName,
    teams: dict[str, TeamName],
    winners: dict[str, tuple[str, str]],
) -> MatchRecord:
    label = "matches.csv"

    def num(column: str) -> int | None:
        return int_or_none(row[column], label, line, column)

    status = STATUS[row["status"]]
    ft = (num("ft1"), num("ft2"))
    et = (num("et1"), num("et2"))
    pens = (num("pen1"), num("pen2"))
    went_to_pens = pens[0] is not None
    decided = None
    if status is Status.ABANDONED and et != ft:
        decided = f"awarded {et[0]}-{et[1]}"
    went_to_et = status is Status.PLAYED and (went_to_pens or et != ft)
    round_code = ROUND_CODES[row["round"]]
    winner = winners.get(row["match_id"])
    tie_winner = teams[winner[0]].name if winner and winner[0] in teams else None
    return MatchRecord(
        ref=SourceRef(SOURCE, label, line),
        competition=Competition.CHAMPIONS_LEAGUE,
        season=_season(row["season"], label, line),
        # About 300 early matches have no date here; the store dates them from another source.
        date=kickoff.date() if kickoff else None,
        kickoff_utc=kickoff,
        home=home,
        away=away,
        home_goals=ft[0],
        away_goals=ft[1],
        status=status,
        stage=_stage(row, round_code),
        round=round_code,
        leg=LEGS[row["match_type"]],
        home_goals_ht=num("ht1") if status is Status.PLAYED else None,
        away_goals_ht=num("ht2") if status is Status.PLAYED else None,
        home_goals_et=et[0] if went_to_et else None,
        away_goals_et=et[1] if went_to_et else None,
        home_pens=pens[0],
        away_pens=pens[1],
        went_to_extra_time=went_to_et if status is Status.PLAYED else None,
        went_to_penalties=went_to_pens if status is Status.PLAYED else None,
        neutral=True if round_code == "F" else None,
        attendance=num("attendance"),
        venue=row["stadium"] or None,
        source_match_id=row["match_id"],
        source_other_leg_id=row["related_matches"] or None,
        source_tie_winner=tie_winner,
        source_decided_by=decided or (winner[1] if winner else None),
    )


def _goals(
    files: SourceFiles,
    teams: dict[str, TeamName],
    players: dict[str, str],
    sides: dict[str, tuple[str, str]],
) -> tuple[list[GoalRecord], list[ShootoutKick]]:
    label = "goals.csv"
    goals: list[GoalRecord] = []
    kicks: list[ShootoutKick] = []
    required = ("match_id", "type", "player_id", "team_id", "mode", "minute")
    for line, row in read_rows(files.path(label), label, ";", required):
        match_id = row["match_id"]
        if match_id not in sides:
            raise ParseError(label, line, f"goal of unknown match {match_id!r}")
        team = _team(teams, row["team_id"], label, line)
        player = players.get(row["player_id"]) if row["player_id"] else None
        if row["player_id"] and player is None:
            raise ParseError(label, line, f"player id {row['player_id']!r} not in players.csv")
        ref = SourceRef(SOURCE, label, line)
        if row["type"] == "PENALTY":
            if row["mode"] not in ("SCORED", "MISSED"):
                raise ParseError(label, line, f"unknown shoot-out kick mode {row['mode']!r}")
            kicks.append(ShootoutKick(ref, match_id, team, player, row["mode"] == "SCORED"))
            continue
        if row["type"] != "MATCH" or row["mode"] not in GOAL_KINDS:
            raise ParseError(label, line, f"unknown goal type/mode {row['type']}/{row['mode']}")
        goals.append(
            GoalRecord(
                ref=ref,
                team=_credited_team(row, sides[match_id], teams, label, line),
                player=player,
                minute=int_or_none(row["minute"], label, line, "minute"),
                added_minute=int_or_none(row["injury_minute"], label, line, "injury_minute"),
                kind=GOAL_KINDS[row["mode"]],
                source_match_id=match_id,
                source_player_id=row["player_id"] or None,
            )
        )
    return goals, kicks


def _credited_team(
    row: dict[str, str],
    sides: tuple[str, str],
    teams: dict[str, TeamName],
    label: str,
    line: int,
) -> TeamName:
    """The side a goal counts for: for an own goal, the opponent of the player's team."""
    team_id = row["team_id"]
    if team_id not in sides:
        raise ParseError(label, line, f"team {team_id} did not play match {row['match_id']}")
    if row["mode"] == "OWN":
        team_id = sides[1] if team_id == sides[0] else sides[0]
    return teams[team_id]
