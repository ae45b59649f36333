"""Who won a played tie, and how: derived from the scores and the era's rules.

Teams are named by whatever key the caller uses (a store id, a name): the winner is that
key, so there is no doubt which 'home' is meant. Missing data gives an explicit
'undetermined' result with the reason; data the rules did not need (a shoot-out score on
a tie won in 90 minutes) is reported in `conflicts`, since it means either the source or
the rule set is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from matchfacts.rules.exceptions import TieInputError
from matchfacts.rules.outcome import (
    Result,
    Score,
    check_goals,
    extra_time_outcome,
    second_leg_outcome,
)
from matchfacts.rules.ruleset import RuleSet

TeamKey = str | int
DecidedBy = Literal[
    "normal_time",  # a single match won in 90 minutes
    "aggregate",
    "away_goals",
    "extra_time",
    "away_goals_extra_time",
    "penalties",
    "replay",
    "coin_toss",
    "undetermined",
]


@dataclass(frozen=True, slots=True)
class MatchResult:
    """One match of a tie. Goals after 90 minutes; `*_aet` the cumulative score after
    extra time (as in `records.MatchRecord`), None where there was none or it is unknown."""

    home: TeamKey
    away: TeamKey
    home_goals: int | None
    away_goals: int | None
    home_goals_aet: int | None = None
    away_goals_aet: int | None = None
    home_pens: int | None = None
    away_pens: int | None = None

    def __post_init__(self) -> None:
        if self.home == self.away:
            raise TieInputError(f"a match needs two different teams, not {self.home!r} twice")
        for goals in (
            self.home_goals,
            self.away_goals,
            self.home_goals_aet,
            self.away_goals_aet,
            self.home_pens,
            self.away_pens,
        ):
            if goals is not None:
                check_goals(goals)
        for ninety, aet in (
            (self.home_goals, self.home_goals_aet),
            (self.away_goals, self.away_goals_aet),
        ):
            if ninety is not None and aet is not None and aet < ninety:
                raise TieInputError(
                    f"{self.home} v {self.away}: fewer goals after extra time"
                    f" ({aet}) than after 90 minutes ({ninety})"
                )

    @property
    def ninety(self) -> Score | None:
        if self.home_goals is None or self.away_goals is None:
            return None
        return Score(self.home_goals, self.away_goals)

    @property
    def after_extra_time(self) -> Score | None:
        if self.home_goals_aet is None or self.away_goals_aet is None:
            return None
        return Score(self.home_goals_aet, self.away_goals_aet)

    def team(self, side: str) -> TeamKey:
        """The team on `side` ('home' or 'away') of this match."""
        return self.home if side == "home" else self.away


@dataclass(frozen=True, slots=True)
class TieResult:
    winner: TeamKey | None  # None only when undetermined
    decided_by: DecidedBy
    reason: str = ""  # why undetermined
    conflicts: tuple[str, ...] = ()  # data the rules did not use

    @property
    def determined(self) -> bool:
        return self.decided_by != "undetermined"

    def __iter__(self) -> Iterator[TeamKey | None | str]:
        """Unpacks as `winner, decided_by = tie_result(...)`."""
        yield self.winner
        yield self.decided_by


def tie_result(
    legs: Sequence[MatchResult],
    rules: RuleSet,
    *,
    replay: MatchResult | None = None,
    coin_toss_winner: TeamKey | None = None,
) -> TieResult:
    """The winner of a tie and what decided it.

    `legs`: the two legs in order (or the single match); `replay`: the play-off where one
    was held; `coin_toss_winner`: the team that won a toss, where one was needed.
    """
    legs = tuple(legs)
    _check_shape(legs, rules, replay, coin_toss_winner)
    first = legs[0].ninety if len(legs) == 2 else Score(0, 0)
    decider = legs[-1]
    if first is not None and decider.ninety is None and decider.after_extra_time is not None:
        settled = _extra_time_alone(first, decider)
        if settled is not None:
            return settled
    if first is None or decider.ninety is None:
        which = "first leg" if first is None else "deciding match"
        return _undetermined(f"the 90-minute score of the {which} is not given")
    extras = _Extras(decider, replay, coin_toss_winner, legs[0] if len(legs) == 2 else None)
    ninety = decider.ninety
    result = second_leg_outcome(first.home, first.away, ninety.home, ninety.away, rules)
    if result in ("home", "away"):
        by = _decided_in_ninety(first, ninety, rules)
        return TieResult(decider.team(result), by, conflicts=extras.unused(after_90=True))
    if result == "extra_time":
        return _after_extra_time(first, decider, rules, extras)
    return _settle(result, rules, extras)


def _extra_time_alone(first: Score, decider: MatchResult) -> TieResult | None:
    """A deciding match given only with its score after extra time (older cup data: the
    2010 Europa League final, 2-1 after extra time): extra time means the tie was level
    after 90 minutes, so a side ahead on aggregate after extra time went through, whatever
    the away-goals rule; level after extra time stays undetermined."""
    aet = decider.after_extra_time
    first_home = first.home + aet.away  # the first leg's hosts play away in the decider
    first_away = first.away + aet.home
    if first_home == first_away:
        return None
    return TieResult(decider.team("away" if first_home > first_away else "home"), "extra_time")


@dataclass(frozen=True, slots=True)
class _Extras:
    """The optional data of a tie, and what is left unused at each way of deciding it."""

    decider: MatchResult
    replay: MatchResult | None
    coin_toss_winner: TeamKey | None
    first_leg: MatchResult | None

    def unused(
        self, *, after_90: bool = False, pens: bool = True, replay: bool = True, coin: bool = True
    ) -> tuple[str, ...]:
        notes: list[str] = []
        if self.first_leg is not None and _has_extra_time(self.first_leg):
            notes.append("the first leg has a different score after extra time")
        if after_90 and _has_extra_time(self.decider):
            notes.append("an extra-time score is given though 90 minutes decided the tie")
        if pens and self.decider.home_pens is not None:
            notes.append("a shoot-out is given though the tie did not need one")
        if replay and self.replay is not None:
            notes.append("a replay is given though the tie did not need one")
        if coin and self.coin_toss_winner is not None:
            notes.append("a coin-toss winner is given though the tie did not need a toss")
        return tuple(notes)


def _has_extra_time(match: MatchResult) -> bool:
    aet = match.after_extra_time
    return aet is not None and aet != match.ninety


def _decided_in_ninety(first: Score, ninety: Score, rules: RuleSet) -> DecidedBy:
    if rules.single_match:
        return "normal_time"
    level = first.home + ninety.away == first.away + ninety.home
    return "away_goals" if level else "aggregate"


def _after_extra_time(
    first: Score, decider: MatchResult, rules: RuleSet, extras: _Extras
) -> TieResult:
    ninety, aet = decider.ninety, decider.after_extra_time
    if ninety is None or aet is None:
        return _undetermined(
            "the match went to extra time, but its score after extra time is not given"
        )
    et_home, et_away = aet.home - ninety.home, aet.away - ninety.away
    result = extra_time_outcome(
        first.home, first.away, ninety.home, ninety.away, et_home, et_away, rules
    )
    if result in ("home", "away"):
        by: DecidedBy = "extra_time" if et_home != et_away else "away_goals_extra_time"
        return TieResult(decider.team(result), by, conflicts=extras.unused())
    return _settle(result, rules, extras)


def _settle(result: Result, rules: RuleSet, extras: _Extras) -> TieResult:
    if result == "penalties":
        outcome = _shootout(extras.decider)
        return _with_conflicts(outcome, extras.unused(pens=False))
    if result == "coin_toss":
        return _with_conflicts(_coin_toss(extras.coin_toss_winner), extras.unused(coin=False))
    return _replayed(rules, extras)


def _replayed(rules: RuleSet, extras: _Extras) -> TieResult:
    replay = extras.replay
    if replay is None:
        return _undetermined(
            "the rules call for a replay, and none is given",
            extras.unused(replay=False, coin=False),
        )
    winner = _replay_winner(replay, rules)
    if winner == "undetermined":
        return _undetermined(
            "the replay's score is not given in full", extras.unused(replay=False, coin=False)
        )
    if winner is not None:
        return TieResult(replay.team(winner), "replay", conflicts=extras.unused(replay=False))
    if rules.level_after_extra_time == "replay_then_coin_toss":
        return _with_conflicts(
            _coin_toss(extras.coin_toss_winner), extras.unused(replay=False, coin=False)
        )
    conflicts = extras.unused(replay=False)
    if rules.level_after_extra_time == "replay_then_penalties":
        return _with_conflicts(_shootout(replay), conflicts)
    return _undetermined("the replay was level too, and a second replay is not modelled", conflicts)


def _replay_winner(replay: MatchResult, rules: RuleSet) -> str | None:
    """'home' or 'away' of the replay, None if level at its end, 'undetermined' if unknown."""
    ninety, aet = replay.ninety, replay.after_extra_time
    if ninety is None:
        return "undetermined"
    if ninety.home != ninety.away:
        return "home" if ninety.home > ninety.away else "away"
    if not rules.replay_extra_time:
        return None
    if aet is None:
        return "undetermined"
    if aet.home != aet.away:
        return "home" if aet.home > aet.away else "away"
    return None


def _shootout(match: MatchResult) -> TieResult:
    if match.home_pens is None or match.away_pens is None:
        return _undetermined("the match went to penalties, but the shoot-out score is not given")
    if match.home_pens == match.away_pens:
        return _undetermined(f"the shoot-out score {match.home_pens}-{match.away_pens} is level")
    side = "home" if match.home_pens > match.away_pens else "away"
    return TieResult(match.team(side), "penalties")


def _coin_toss(winner: TeamKey | None) -> TieResult:
    if winner is None:
        return _undetermined(
            "the tie was decided by the toss of a coin, and the winner of the toss is not given"
        )
    return TieResult(winner, "coin_toss")


def _with_conflicts(result: TieResult, conflicts: tuple[str, ...]) -> TieResult:
    return TieResult(result.winner, result.decided_by, result.reason, result.conflicts + conflicts)


def _undetermined(reason: str, conflicts: tuple[str, ...] = ()) -> TieResult:
    return TieResult(None, "undetermined", reason, conflicts)


def _check_shape(
    legs: tuple[MatchResult, ...],
    rules: RuleSet,
    replay: MatchResult | None,
    coin_toss_winner: TeamKey | None,
) -> None:
    if len(legs) != rules.legs:
        raise TieInputError(
            f"rule set {rules.id!r} is for {rules.legs}-legged ties, but"
            f" {len(legs)} match(es) were given"
        )
    teams = {legs[0].home, legs[0].away}
    if len(legs) == 2 and (legs[1].home, legs[1].away) != (legs[0].away, legs[0].home):
        raise TieInputError(
            f"the second leg ({legs[1].home} v {legs[1].away}) must be the"
            f" first ({legs[0].home} v {legs[0].away}) with sides swapped"
        )
    if replay is not None and {replay.home, replay.away} != teams:
        raise TieInputError(
            f"the replay ({replay.home} v {replay.away}) is not between the tie's teams"
        )
    if coin_toss_winner is not None and coin_toss_winner not in teams:
        raise TieInputError(f"the coin-toss winner {coin_toss_winner!r} is not in the tie")
