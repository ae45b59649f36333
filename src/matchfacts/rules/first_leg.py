"""What a first-leg result means for the second leg.

Names here are the FIRST leg's: its home side hosts the first leg and visits for the
second. "Routes" are the cheapest second-leg scores (fewest goals in all) that put each
side through, the figures a preview quotes ("a 1-0 win would do").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from matchfacts.rules.outcome import Result, Score, carried_score, match_outcome
from matchfacts.rules.phrases import number
from matchfacts.rules.ruleset import RuleSet

FirstLegSide = Literal["first_leg_home", "first_leg_away"]


@dataclass(frozen=True, slots=True)
class Route:
    """A second-leg score (second leg's home side first) and what it wins the tie by."""

    score: Score
    decided_by: Literal["aggregate", "away_goals"]


@dataclass(frozen=True, slots=True)
class FirstLegView:
    first_leg: Score
    leader: FirstLegSide | None  # on aggregate; None when level
    margin: int  # goals between the sides, 0 when level
    away_goals: int | None  # the first leg's visitors' away goals; None when they don't count
    first_leg_away_route: Route  # cheapest way through for the side at home in the second leg
    first_leg_home_route: Route  # ... and for the side away in the second leg
    goalless_draw: Result  # what 0-0 in the second leg means
    text: str


def first_leg_view(
    first_leg: Score | tuple[int, int],
    rules: RuleSet,
    *,
    home_name: str = "the home side",
    away_name: str = "the away side",
) -> FirstLegView:
    """The state of a tie after its first leg; `home_name` hosted the first leg."""
    first = carried_score(first_leg, rules)
    margin = first.home - first.away
    leader: FirstLegSide | None = None
    if margin:
        leader = "first_leg_home" if margin > 0 else "first_leg_away"
    visitors_route = _cheapest(first, rules, "home")
    hosts_route = _cheapest(first, rules, "away")
    text = _text(first, rules, home_name, away_name, visitors_route, hosts_route)
    return FirstLegView(
        first_leg=first,
        leader=leader,
        margin=abs(margin),
        away_goals=first.away if rules.away_goals else None,
        first_leg_away_route=visitors_route,
        first_leg_home_route=hosts_route,
        goalless_draw=match_outcome(first, Score(0, 0), rules),
        text=text,
    )


def _cheapest(first: Score, rules: RuleSet, side: str) -> Route:
    """The second-leg score with fewest goals that puts `side` (of the second leg) through;
    among equals, the one where `side` concedes least."""
    limit = first.home + first.away + 2  # a win by (deficit + 1) to nil always suffices
    candidates = [
        Score(home, away)
        for home in range(limit + 1)
        for away in range(limit + 1)
        if match_outcome(first, Score(home, away), rules) == side
    ]

    def cost(score: Score) -> tuple[int, int]:
        conceded = score.away if side == "home" else score.home
        return (score.home + score.away, conceded)

    best = min(candidates, key=cost)
    level = first.away + best.home == first.home + best.away
    return Route(best, "away_goals" if level else "aggregate")


def _text(
    first: Score,
    rules: RuleSet,
    home_name: str,
    away_name: str,
    visitors_route: Route,
    hosts_route: Route,
) -> str:
    margin = first.home - first.away
    if margin > 0:
        opening = f"{home_name} lead {first.home}-{first.away} from the first leg"
    elif margin < 0:
        opening = f"{away_name} lead {first.away}-{first.home} from the first leg"
    else:
        opening = f"The tie is level at {first} after the first leg"
    if rules.away_goals:
        held = (
            "no away goal"
            if first.away == 0
            else (f"{number(first.away)} away goal{'' if first.away == 1 else 's'}")
        )
        # When the visitors lead, the away goals are theirs too: one subject reads better.
        opening += f" and have {held}" if margin < 0 else f"; {away_name} have {held}"
    # In the second leg the first leg's visitors are at home.
    visitors = _route_words(visitors_route, away_name, home_name, away_name)
    hosts = _route_words(hosts_route, away_name, home_name, home_name)
    return f"{opening}. In the second leg, {visitors}, and {hosts}."


def _route_words(route: Route, second_home: str, second_away: str, through: str) -> str:
    score = route.score
    if score.home > score.away:
        winner, result = second_home, f"a {score.home}-{score.away} win for {second_home}"
    elif score.home < score.away:
        winner, result = second_away, f"a {score.away}-{score.home} win for {second_away}"
    else:
        winner, result = None, f"a {score} draw"
    who = "them" if winner == through else through
    how = " on away goals" if route.decided_by == "away_goals" else ""
    return f"{result} would put {who} through{how}"
