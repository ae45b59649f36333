"""A deciding match in progress: who goes through if it ended now, and what each side needs.

"Needs" counts goals by one side alone, with the other side scoring none: the smallest
change that flips the tie for that side, as commentators put it ("one more goal takes
them to extra time, two takes them through"). Monotonicity of the rules (a goal never
hurts the side that scores it) makes the first count found the smallest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from matchfacts.rules.exceptions import TieInputError
from matchfacts.rules.outcome import (
    LEVEL_RESULTS,
    Result,
    Score,
    Side,
    after_extra_time,
    as_score,
    carried_score,
    level_result,
    match_outcome,
)
from matchfacts.rules.phrases import goals, level_phrase, number
from matchfacts.rules.ruleset import RuleSet

Period = Literal["normal_time", "extra_time"]


@dataclass(frozen=True, slots=True)
class SideNeeds:
    side: Side  # of the match in progress
    through_now: bool
    goals_to_level: int | None  # goals that would force extra time/penalties/replay; None: none
    goals_to_go_through: int  # 0 when through as it stands


@dataclass(frozen=True, slots=True)
class InProgressState:
    minute: int
    period: Period
    score: Score  # the match so far, cumulative (including extra-time goals)
    if_ended_now: Result  # at the end of the current period
    level_means: Result  # what a level tie leads to in this period: extra time, penalties...
    home: SideNeeds
    away: SideNeeds


def in_progress_state(
    first_leg: Score | tuple[int, int] | None,
    minute: int,
    second_leg_score: Score | tuple[int, int],
    rules: RuleSet,
    *,
    score_after_90: Score | tuple[int, int] | None = None,
) -> InProgressState:
    """The state of the deciding match at `minute` (1..120; pass 90 for added time at the
    end of normal time). Past 90 it is extra time: `second_leg_score` is cumulative and
    `score_after_90` must be given. `first_leg` is None for a single match.
    """
    carried = carried_score(first_leg, rules)
    first = None if rules.single_match else carried
    score = as_score(second_leg_score)
    if isinstance(minute, bool) or not isinstance(minute, int) or not 0 <= minute <= 120:
        raise TieInputError(f"minute must be 0..120, not {minute!r}")
    period: Period = "normal_time" if minute <= 90 else "extra_time"
    outcome_of = (
        _normal_time(first, rules)
        if period == "normal_time"
        else _extra_time(first, score, score_after_90, rules)
    )
    return InProgressState(
        minute=minute,
        period=period,
        score=score,
        if_ended_now=outcome_of(score),
        level_means=_level_means(period, rules),
        home=_needs("home", score, outcome_of),
        away=_needs("away", score, outcome_of),
    )


def in_progress_words(home_name: str, away_name: str, state: InProgressState) -> str:
    """'As it stands, Real Madrid go through. Liverpool need two goals to go through.'"""
    now = state.if_ended_now
    if now in ("home", "away"):
        sentences = [f"As it stands, {home_name if now == 'home' else away_name} go through."]
    else:
        sentences = [f"As it stands, it means {level_phrase(now)}."]
    for needs, name in ((state.home, home_name), (state.away, away_name)):
        if needs.through_now:
            continue
        through = needs.goals_to_go_through
        if needs.goals_to_level is not None and needs.goals_to_level > 0:
            force = level_phrase(state.level_means)
            sentences.append(
                f"{name} need {goals(needs.goals_to_level)} to force {force}"
                f" and {number(through)} to go through."
            )
        else:
            sentences.append(f"{name} need {goals(through)} to go through.")
    return " ".join(sentences)


def _level_means(period: Period, rules: RuleSet) -> Result:
    if period == "normal_time" and rules.extra_time:
        return "extra_time"
    return level_result(rules)


def _normal_time(first: Score | None, rules: RuleSet) -> Callable[[Score], Result]:
    return lambda score: match_outcome(first, score, rules)


def _extra_time(
    first: Score | None,
    score: Score,
    score_after_90: Score | tuple[int, int] | None,
    rules: RuleSet,
) -> Callable[[Score], Result]:
    if score_after_90 is None:
        raise TieInputError("past the 90th minute give score_after_90 as well")
    ninety = as_score(score_after_90)
    if match_outcome(first, ninety, rules) != "extra_time":
        raise TieInputError(f"{ninety} after 90 minutes does not go to extra time ({rules.id!r})")
    if score.home < ninety.home or score.away < ninety.away:
        raise TieInputError(f"the score {score} is behind the score after 90 minutes, {ninety}")

    def outcome(current: Score) -> Result:
        extra = Score(current.home - ninety.home, current.away - ninety.away)
        return after_extra_time(first, ninety, extra, rules)

    return outcome


def _needs(side: Side, score: Score, outcome_of: Callable[[Score], Result]) -> SideNeeds:
    level_at: int | None = None
    added = 0
    while True:  # ends: enough goals always win the aggregate outright
        current = score.plus(home=added) if side == "home" else score.plus(away=added)
        result = outcome_of(current)
        if result == side:
            return SideNeeds(side, added == 0, level_at, added)
        if result in LEVEL_RESULTS and level_at is None:
            level_at = added
        added += 1
