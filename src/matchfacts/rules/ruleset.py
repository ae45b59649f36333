"""The rules that decide a tie in one competition, season and round, as a frozen record.

A `RuleSet` says nothing about which competition it belongs to: `catalogue.py` maps
competitions, seasons and rounds to rule sets. Keeping the two apart lets one rule set
(say "away goals, also in extra time, then penalties") serve fifty seasons unchanged.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, get_args

from matchfacts.rules.exceptions import RuleSetError

LevelAfter = Literal[
    "replay",  # a replay; a level replay is not settled by these rules (a second replay)
    "coin_toss",
    "penalties",
    "replay_then_coin_toss",
    "replay_then_penalties",
]
SuddenDeath = Literal["none", "golden_goal", "silver_goal"]

LEVEL_AFTER_VALUES: tuple[str, ...] = get_args(LevelAfter)
SUDDEN_DEATH_VALUES: tuple[str, ...] = get_args(SuddenDeath)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """How a tie is decided.

    `legs` is 2 for home-and-away ties, 1 for a single match (finals, the 2019-20 final
    eight). For a two-legged tie everything below applies to the second leg.

    - `away_goals`: level aggregates after 90 minutes of the second leg go to the side
      with more away goals.
    - `away_goals_in_extra_time`: goals the visitors score in extra time count as away
      goals too (UEFA until 2020-21), so a score draw in extra time sends them through.
    - `extra_time`: 30 minutes are played when still level after 90. In the early
      European Cup a level second leg went straight to a replay.
    - `level_after_extra_time`: what settles a tie still level at the end of the match
      (after extra time if it was played). With a replay, `replay_extra_time` says if the
      replay gets extra time, and the suffix what follows a level replay.
    - `sudden_death`: golden or silver goal in extra time. It changes when extra time
      ends, never who wins from a final score, so the engine only carries it.
    """

    id: str
    away_goals: bool
    away_goals_in_extra_time: bool
    extra_time: bool
    level_after_extra_time: LevelAfter
    legs: int = 2
    replay_extra_time: bool = True
    neutral_venue: bool = False
    sudden_death: SuddenDeath = "none"
    source: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        for key, message in rule_problems(self):
            raise RuleSetError(message, file=f"rule set {self.id!r}", key=key)

    @property
    def single_match(self) -> bool:
        return self.legs == 1

    @property
    def replays(self) -> bool:
        return self.level_after_extra_time.startswith("replay")

    def as_single_match(self, *, neutral_venue: bool = True) -> RuleSet:
        """The same rules for a tie played as one match (e.g. the 2019-20 Europa League ties
        that could not play their legs): away goals cannot apply to a single match."""
        return dataclasses.replace(
            self,
            id=f"{self.id}+single",
            legs=1,
            away_goals=False,
            away_goals_in_extra_time=False,
            neutral_venue=neutral_venue,
        )


def rule_problems(rules: RuleSet) -> list[tuple[str, str]]:
    """(key, message) for each way the fields contradict each other; empty if none."""
    problems: list[tuple[str, str]] = []
    if rules.legs not in (1, 2):
        problems.append(("legs", f"must be 1 or 2, not {rules.legs!r}"))
    if rules.level_after_extra_time not in LEVEL_AFTER_VALUES:
        allowed = ", ".join(LEVEL_AFTER_VALUES)
        problems.append(
            ("level_after_extra_time", f"{rules.level_after_extra_time!r} is not one of {allowed}")
        )
    if rules.sudden_death not in SUDDEN_DEATH_VALUES:
        allowed = ", ".join(SUDDEN_DEATH_VALUES)
        problems.append(("sudden_death", f"{rules.sudden_death!r} is not one of {allowed}"))
    if rules.legs == 1 and rules.away_goals:
        problems.append(("away_goals", "a single match has no away goals (legs = 1)"))
    if rules.away_goals_in_extra_time and not (rules.away_goals and rules.extra_time):
        problems.append(
            ("away_goals_in_extra_time", "needs both away_goals and extra_time to be true")
        )
    if rules.sudden_death != "none" and not rules.extra_time:
        problems.append(("sudden_death", "needs extra_time to be true"))
    return problems
