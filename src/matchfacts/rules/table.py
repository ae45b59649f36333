"""The outcome table: for every second-leg score up to a bound, what it means.

This is the `outcomes` list of the JSON `tie` object. Cells that mean extra time carry
their own small table of extra-time scores, so a reader sees which of those decide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchfacts.rules.exceptions import TieInputError
from matchfacts.rules.outcome import Result, Score, after_extra_time, carried_score, match_outcome
from matchfacts.rules.ruleset import RuleSet


@dataclass(frozen=True, slots=True)
class ExtraTimeCell:
    """Goals scored in extra time only (not the cumulative score) and their result."""

    home_goals: int
    away_goals: int
    result: Result


@dataclass(frozen=True, slots=True)
class OutcomeCell:
    home_goals: int  # the deciding match's home side after 90 minutes
    away_goals: int
    result: Result
    extra_time: tuple[ExtraTimeCell, ...] = ()  # only where result == "extra_time"


@dataclass(frozen=True, slots=True)
class OutcomeTable:
    first_leg: Score | None  # None for a single match
    rules: RuleSet
    bound: int
    cells: tuple[OutcomeCell, ...]  # home goals ascending, then away goals ascending

    def cell(self, home_goals: int, away_goals: int) -> OutcomeCell:
        if not (0 <= home_goals <= self.bound and 0 <= away_goals <= self.bound):
            raise TieInputError(
                f"{home_goals}-{away_goals} is outside the table (0..{self.bound} each side)"
            )
        return self.cells[home_goals * (self.bound + 1) + away_goals]

    def result(self, home_goals: int, away_goals: int) -> Result:
        return self.cell(home_goals, away_goals).result


def outcome_table(
    first_leg: Score | tuple[int, int] | None,
    rules: RuleSet,
    bound: int = 6,
    extra_time_bound: int = 3,
) -> OutcomeTable:
    """Every score 0..bound x 0..bound of the deciding match and what it means.

    `first_leg` is the first leg's score with ITS home side first (Real Madrid 3-1
    Liverpool is (3, 1) when Liverpool host the second leg); None for a single match.
    """
    if bound < 0 or extra_time_bound < 0:
        raise TieInputError(f"bounds must be 0 or more, not {bound} and {extra_time_bound}")
    carried = carried_score(first_leg, rules)
    first = None if rules.single_match else carried
    cells = tuple(
        _cell(first, Score(home, away), rules, extra_time_bound)
        for home in range(bound + 1)
        for away in range(bound + 1)
    )
    return OutcomeTable(first_leg=first, rules=rules, bound=bound, cells=cells)


def _cell(first: Score | None, score: Score, rules: RuleSet, extra_time_bound: int) -> OutcomeCell:
    result = match_outcome(first, score, rules)
    if result != "extra_time":
        return OutcomeCell(score.home, score.away, result)
    extra = tuple(
        ExtraTimeCell(home, away, after_extra_time(first, score, Score(home, away), rules))
        for home in range(extra_time_bound + 1)
        for away in range(extra_time_bound + 1)
    )
    return OutcomeCell(score.home, score.away, result, extra)
