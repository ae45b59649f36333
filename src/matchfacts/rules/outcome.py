"""The arithmetic of a tie: what a deciding match's score means under a rule set.

Every function speaks for the match being played and names its sides 'home' and 'away'.
In a two-legged tie that match is the second leg, whose home side was the AWAY side of the
first leg: with a first leg Real Madrid 3-1 Liverpool, the second leg's 'home' is
Liverpool, who carry 1 goal (an away goal) and trail by 2. A single match (a final) is
the same arithmetic with nothing carried: pass `first_leg=None` where a function takes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from matchfacts.rules.exceptions import TieInputError
from matchfacts.rules.ruleset import RuleSet

Result = Literal["home", "away", "extra_time", "penalties", "replay", "coin_toss"]
Side = Literal["home", "away"]
LEVEL_RESULTS: frozenset[str] = frozenset({"extra_time", "penalties", "replay", "coin_toss"})


@dataclass(frozen=True, slots=True)
class Score:
    """A score, home goals first. Goals are whole numbers, never negative."""

    home: int
    away: int

    def __post_init__(self) -> None:
        for goals in (self.home, self.away):
            check_goals(goals)

    def __str__(self) -> str:
        return f"{self.home}-{self.away}"

    def plus(self, home: int = 0, away: int = 0) -> Score:
        return Score(self.home + home, self.away + away)

    def swapped(self) -> Score:
        return Score(self.away, self.home)


def check_goals(goals: object) -> int:
    if isinstance(goals, bool) or not isinstance(goals, int) or goals < 0:
        raise TieInputError(f"goals must be a whole number 0 or more, not {goals!r}")
    return goals


def as_score(value: Score | tuple[int, int]) -> Score:
    if isinstance(value, Score):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        return Score(*value)
    raise TieInputError(f"a score is a Score or a (home, away) pair, not {value!r}")


def carried_score(first_leg: Score | tuple[int, int] | None, rules: RuleSet) -> Score:
    """The first leg as the engine uses it: 0-0 for a single match.

    Raises TieInputError when the first leg and the rule set disagree on the format.
    """
    if rules.single_match:
        if first_leg is not None:
            raise TieInputError(f"rule set {rules.id!r} is for a single match: no first leg")
        return Score(0, 0)
    if first_leg is None:
        raise TieInputError(f"rule set {rules.id!r} is for two legs: give the first leg")
    return as_score(first_leg)


def level_result(rules: RuleSet) -> Result:
    """What settles a tie that nothing on the pitch has separated."""
    if rules.replays:
        return "replay"
    if rules.level_after_extra_time == "coin_toss":
        return "coin_toss"
    return "penalties"


def second_leg_outcome(
    first_leg_home_goals: int,
    first_leg_away_goals: int,
    second_home: int,
    second_away: int,
    rules: RuleSet,
) -> Result:
    """The result of a second leg after 90 minutes, for the second leg's sides.

    'home' or 'away': that side of the second leg goes through; 'extra_time'; or, where
    the era played no extra time, 'replay', 'coin_toss' or 'penalties'. For a single
    match pass 0, 0 as the first leg.
    """
    for goals in (first_leg_home_goals, first_leg_away_goals, second_home, second_away):
        check_goals(goals)
    # The second leg's home side played the first leg away: its first-leg goals are its
    # away goals, and the second leg's away side scores its away goals now.
    home_total = first_leg_away_goals + second_home
    away_total = first_leg_home_goals + second_away
    if home_total != away_total:
        return "home" if home_total > away_total else "away"
    if rules.away_goals and first_leg_away_goals != second_away:
        return "home" if first_leg_away_goals > second_away else "away"
    return "extra_time" if rules.extra_time else level_result(rules)


def extra_time_outcome(
    first_leg_home_goals: int,
    first_leg_away_goals: int,
    second_home: int,
    second_away: int,
    et_home: int,
    et_away: int,
    rules: RuleSet,
) -> Result:
    """The result after extra time, given the 90-minute score and the goals scored in
    extra time by each side (not the cumulative score).

    Raises TieInputError if the 90-minute score did not lead to extra time.
    """
    ninety = second_leg_outcome(
        first_leg_home_goals, first_leg_away_goals, second_home, second_away, rules
    )
    if ninety != "extra_time":
        raise TieInputError(
            f"{second_home}-{second_away} after a {first_leg_home_goals}-{first_leg_away_goals}"
            f" first leg does not go to extra time under {rules.id!r} (it means {ninety})"
        )
    check_goals(et_home)
    check_goals(et_away)
    if et_home != et_away:  # level at 90 on aggregate, so extra time's winner takes the tie
        return "home" if et_home > et_away else "away"
    # Level again. Only the visitors can add away goals in extra time, and they were level
    # on away goals at 90: any goals in a drawn extra time put the visitors through.
    if rules.away_goals_in_extra_time and et_away > 0:
        return "away"
    return level_result(rules)


def match_outcome(first_leg: Score | None, score: Score, rules: RuleSet) -> Result:
    """`second_leg_outcome` for Score values; `first_leg` None for a single match."""
    carried = carried_score(first_leg, rules)
    return second_leg_outcome(carried.home, carried.away, score.home, score.away, rules)


def after_extra_time(
    first_leg: Score | None, ninety: Score, extra: Score, rules: RuleSet
) -> Result:
    """`extra_time_outcome` for Score values; `extra` holds the goals of extra time only."""
    carried = carried_score(first_leg, rules)
    return extra_time_outcome(
        carried.home, carried.away, ninety.home, ninety.away, extra.home, extra.away, rules
    )
