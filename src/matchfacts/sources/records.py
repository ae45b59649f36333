"""Canonical records: what every parser in `sources/` yields, whatever its format.

Parsers only read and translate; they never look names up, merge sources or decide
tie winners. Those are the store's and the tie engine's jobs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Competition(StrEnum):
    """Canonical competition codes.

    UEFA's club competitions are kept as one lineage each, the convention of the
    record books: the European Cup and the Champions League are one competition,
    as are the Fairs Cup, the UEFA Cup and the Europa League.
    """

    CHAMPIONS_LEAGUE = "UCL"  # European Cup 1955-92, Champions League since, incl. qualifying
    EUROPA_LEAGUE = "UEL"  # Inter-Cities Fairs Cup 1955-71, UEFA Cup 1971-2009, Europa League
    CUP_WINNERS_CUP = "UCWC"  # 1960-61 .. 1998-99
    CONFERENCE_LEAGUE = "UECL"  # since 2021-22
    INTERTOTO = "UIC"  # UEFA Intertoto Cup 1995..2008
    SUPER_CUP = "USC"
    LEAGUE = "LEAGUE"  # domestic league; the country and tier say which one


class Stage(StrEnum):
    QUALIFYING = "qualifying"
    GROUP = "group"  # group stage or league phase
    KNOCKOUT = "knockout"
    FINAL = "final"
    LEAGUE = "league"  # a domestic league match
    UNKNOWN = "unknown"


class Status(StrEnum):
    PLAYED = "played"
    SCHEDULED = "scheduled"  # listed by a source but not (yet) played in its copy
    ABANDONED = "abandoned"
    CANCELLED = "cancelled"  # includes walkovers and annulled matches


class GoalKind(StrEnum):
    OPEN = "open"  # open play, including direct free kicks
    PENALTY = "penalty"
    OWN_GOAL = "own_goal"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record came from: source name, file (as in the registry) and 1-based line."""

    source: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class TeamName:
    """A team as one source names it.

    `country` is a UEFA three-letter association code (ENG, ESP, GER, SCO, ...), or None
    where the source does not say. `source_id` is the source's own id where it has one.
    """

    name: str
    country: str | None = None
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """One match as one source reports it.

    Goals: `home_goals`/`away_goals` are after 90 minutes; `*_et` after extra time
    (cumulative, so 2-1 after 90 and one more home goal in extra time is et 3-1);
    `*_pens` the shoot-out. A source that only gives the score after extra time puts it
    in `*_et` and leaves the 90-minute score None (never guesses it).
    `round` uses the codes of `ROUNDS` below. `leg` is 1 or 2 for two-legged ties,
    3 for a replay of a tie, None for a single match.
    `source_tie_winner` is the source's own claim of who won the tie, kept only to be
    compared with the tie engine's derivation.
    """

    ref: SourceRef
    competition: Competition
    season: str  # "2020-21"; a calendar-year league season "2020" is written "2020-21" too
    date: dt.date | None  # None only where the source lacks it; the store dates it from another
    home: TeamName
    away: TeamName
    home_goals: int | None
    away_goals: int | None
    status: Status = Status.PLAYED
    stage: Stage = Stage.UNKNOWN
    round: str | None = None
    leg: int | None = None
    home_goals_ht: int | None = None
    away_goals_ht: int | None = None
    home_goals_et: int | None = None
    away_goals_et: int | None = None
    home_pens: int | None = None
    away_pens: int | None = None
    went_to_extra_time: bool | None = None  # None: the source does not say
    went_to_penalties: bool | None = None
    neutral: bool | None = None
    attendance: int | None = None
    venue: str | None = None
    kickoff_utc: dt.datetime | None = None
    home_shots: int | None = None  # shots of each side, where the source counts them
    away_shots: int | None = None
    home_shots_on_target: int | None = None
    away_shots_on_target: int | None = None
    country: str | None = None  # for league matches: the league's country code
    tier: int | None = None  # for league matches: 1 = top division
    source_match_id: str | None = None
    source_other_leg_id: str | None = None
    source_tie_winner: str | None = None  # a team name as the source spells it
    source_decided_by: str | None = None  # the source's own reason, verbatim


@dataclass(frozen=True, slots=True)
class GoalRecord:
    """One goal as one source reports it, attached to a match of the same source.

    The match is named by `source_match_id` where the source has ids, else by
    (`match_date`, `match_home`, `match_away`) as the source spells them.
    `minute` is the regular minute (1..120), `added_minute` the stoppage-time minute
    ("45+2" is minute 45, added 2). `team` is the side credited with the goal
    (for an own goal, the side that benefits).
    """

    ref: SourceRef
    team: TeamName
    player: str | None
    minute: int | None
    kind: GoalKind = GoalKind.OPEN
    added_minute: int | None = None
    source_match_id: str | None = None
    match_date: dt.date | None = None
    match_home: str | None = None
    match_away: str | None = None
    source_player_id: str | None = None
    assist_player: str | None = None


@dataclass(frozen=True, slots=True)
class ShootoutKick:
    ref: SourceRef
    source_match_id: str
    team: TeamName
    player: str | None
    scored: bool
    order: int | None = None


# Canonical round codes, in the order a season plays them.
ROUNDS: tuple[str, ...] = (
    "PRE",  # preliminary round
    "Q1",
    "Q2",
    "Q3",
    "PO",  # qualifying rounds and play-off round
    "R1",
    "R2",
    "R3",  # first, second, third round (pre-group-stage eras, UEFA Cup rounds)
    "GROUP",
    "GROUP2",
    "LEAGUE_PHASE",
    "KPO",  # knockout round play-offs (Europa League 2021-, Champions League 2024-)
    "R32",
    "R16",
    "QF",
    "SF",
    "F",
    "3P",  # third-place match (early Fairs Cup / Super Cup oddities)
)


def season_label(start_year: int) -> str:
    """'2020-21' for 2020: the label of the season that starts in that year."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def season_of(date: dt.date) -> str:
    """The European season a date falls in: July to June."""
    return season_label(date.year if date.month >= 7 else date.year - 1)


@dataclass(frozen=True, slots=True)
class ReferenceForecast:
    """A published pre-match forecast to compare ours with: FiveThirtyEight's
    probabilities, or a bookmaker's odds (with their margin removed in `p_*`).

    `league` is the store's competition id (ENG1, UCL ...); teams are as it spells them;
    the score (where given) helps find the match, never enters a metric.
    """

    ref: SourceRef
    provider: str  # "fivethirtyeight" | "bet365"
    date: dt.date
    league: str
    home: str
    away: str
    p_home: float
    p_draw: float
    p_away: float
    home_goals: int | None = None
    away_goals: int | None = None
    odds: tuple[float, float, float] | None = None
    # Expected goals the provider measured in the match (FiveThirtyEight), once played:
    # known after that match, so a model may learn from them for later ones.
    home_xg: float | None = None
    away_xg: float | None = None
    home_nsxg: float | None = None  # non-shot expected goals (FiveThirtyEight)
    away_nsxg: float | None = None
