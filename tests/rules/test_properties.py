"""Properties every rule set must have, whatever the era."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from matchfacts.rules import (
    RuleSet,
    Score,
    builtin_catalogue,
    extra_time_outcome,
    first_leg_view,
    in_progress_state,
    outcome_table,
    second_leg_outcome,
    summary_words,
)
from matchfacts.rules.outcome import LEVEL_RESULTS

ALL_RULES = [entry.rules for entry in builtin_catalogue().entries]
TWO_LEGGED = [rules for rules in ALL_RULES if rules.legs == 2]
# Synthetic rule sets cover combinations no UEFA era used (straight to penalties...).
SYNTHETIC = [
    RuleSet(
        "no-et-pens",
        away_goals=True,
        away_goals_in_extra_time=False,
        extra_time=False,
        level_after_extra_time="penalties",
    ),
    RuleSet(
        "ag-no-et-coin",
        away_goals=True,
        away_goals_in_extra_time=False,
        extra_time=False,
        level_after_extra_time="coin_toss",
    ),
    RuleSet(
        "ag-not-in-et",
        away_goals=True,
        away_goals_in_extra_time=False,
        extra_time=True,
        level_after_extra_time="penalties",
    ),
]
rule_sets = st.sampled_from(TWO_LEGGED + SYNTHETIC)
no_away_goal_rules = st.sampled_from([r for r in TWO_LEGGED + SYNTHETIC if not r.away_goals])
goals = st.integers(min_value=0, max_value=9)
SECOND_LEG_RESULTS = {"home", "away", "extra_time", "replay", "coin_toss", "penalties"}


def home_rank(result: str) -> int:
    """How good a result is for the deciding match's home side."""
    return {"away": 0, "home": 2}.get(result, 1)


@given(rule_sets, goals, goals, st.integers(0, 8))
def test_outcomes_partition_the_scores(rules: RuleSet, fh: int, fa: int, bound: int) -> None:
    table = outcome_table((fh, fa), rules, bound=bound)
    cells = [(c.home_goals, c.away_goals) for c in table.cells]
    assert len(cells) == len(set(cells)) == (bound + 1) ** 2
    home = {c for c in table.cells if c.result == "home"}
    away = {c for c in table.cells if c.result == "away"}
    level = {c for c in table.cells if c.result in LEVEL_RESULTS}
    assert not (home & away or home & level or away & level)
    assert len(home) + len(away) + len(level) == len(cells)
    assert {c.result for c in table.cells} <= SECOND_LEG_RESULTS


@given(rule_sets, goals, goals, goals, goals)
def test_at_most_one_level_score_per_margin_with_away_goals(
    rules: RuleSet, fh: int, fa: int, h: int, a: int
) -> None:
    # With away goals, a level tie needs the visitors to match the away goals carried:
    # of all scores with one margin, exactly one can be level.
    if not rules.away_goals:
        return
    result = second_leg_outcome(fh, fa, h, a, rules)
    if result in LEVEL_RESULTS:
        assert a == fa and h - a == fh - fa


@given(rule_sets, goals, goals, goals, goals)
def test_a_goal_never_hurts_its_scorer_in_normal_time(
    rules: RuleSet, fh: int, fa: int, h: int, a: int
) -> None:
    now = home_rank(second_leg_outcome(fh, fa, h, a, rules))
    assert home_rank(second_leg_outcome(fh, fa, h + 1, a, rules)) >= now
    assert home_rank(second_leg_outcome(fh, fa, h, a + 1, rules)) <= now


@given(rule_sets, goals, goals, goals, goals, st.integers(0, 5), st.integers(0, 5))
def test_a_goal_never_hurts_its_scorer_in_extra_time(
    rules: RuleSet, fh: int, fa: int, h: int, a: int, eh: int, ea: int
) -> None:
    if second_leg_outcome(fh, fa, h, a, rules) != "extra_time":
        return
    now = home_rank(extra_time_outcome(fh, fa, h, a, eh, ea, rules))
    assert home_rank(extra_time_outcome(fh, fa, h, a, eh + 1, ea, rules)) >= now
    assert home_rank(extra_time_outcome(fh, fa, h, a, eh, ea + 1, rules)) <= now


SWAP = {"home": "away", "away": "home"}


@given(no_away_goal_rules, goals, goals, goals, goals, st.integers(0, 5), st.integers(0, 5))
def test_without_away_goals_the_engine_is_symmetric(
    rules: RuleSet, fh: int, fa: int, h: int, a: int, eh: int, ea: int
) -> None:
    # Swapping the sides swaps each side's totals: (fh, fa, h, a) -> (fa, fh, a, h).
    result = second_leg_outcome(fh, fa, h, a, rules)
    assert second_leg_outcome(fa, fh, a, h, rules) == SWAP.get(result, result)
    if result == "extra_time":
        after = extra_time_outcome(fh, fa, h, a, eh, ea, rules)
        assert extra_time_outcome(fa, fh, a, h, ea, eh, rules) == SWAP.get(after, after)


@given(rule_sets, goals, goals)
def test_first_leg_routes_are_the_cheapest_ways_through(rules: RuleSet, fh: int, fa: int) -> None:
    view = first_leg_view((fh, fa), rules)
    for side, route in (("home", view.first_leg_away_route), ("away", view.first_leg_home_route)):
        score = route.score
        assert second_leg_outcome(fh, fa, score.home, score.away, rules) == side
        cheaper = [
            (h, a)
            for h in range(score.home + score.away)
            for a in range(score.home + score.away)
            if h + a < score.home + score.away
        ]
        assert all(second_leg_outcome(fh, fa, h, a, rules) != side for h, a in cheaper)


@given(rule_sets, goals, goals, goals, goals, st.integers(1, 90))
def test_in_progress_needs_are_exact(
    rules: RuleSet, fh: int, fa: int, h: int, a: int, minute: int
) -> None:
    state = in_progress_state((fh, fa), minute, (h, a), rules)
    for needs, extra in ((state.home, Score(1, 0)), (state.away, Score(0, 1))):
        n = needs.goals_to_go_through
        reached = Score(h + n * extra.home, a + n * extra.away)
        assert second_leg_outcome(fh, fa, reached.home, reached.away, rules) == needs.side
        if n:
            short = Score(reached.home - extra.home, reached.away - extra.away)
            assert second_leg_outcome(fh, fa, short.home, short.away, rules) != needs.side


WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def named_scores(text: str) -> list[tuple[int, int]]:
    return [(int(h), int(a)) for h, a in re.findall(r"(\d+)-(\d+)", text)]


@given(rule_sets, goals, goals)
def test_summary_words_agree_with_the_engine(rules: RuleSet, fh: int, fa: int) -> None:
    text = summary_words("Home", "Away", (fh, fa), rules)
    through_home, level, through_away = text.split("; ")
    assert through_home.startswith("Home go through ")
    assert re.search(r" puts? Away through\.$", through_away)
    for h, a in named_scores(through_home):
        assert second_leg_outcome(fh, fa, h, a, rules) == "home"
    for h, a in named_scores(level):
        assert second_leg_outcome(fh, fa, h, a, rules) in LEVEL_RESULTS
    for h, a in named_scores(through_away):
        assert second_leg_outcome(fh, fa, h, a, rules) == "away"
    clear = re.search(r"by (\w+) clear goals", through_home)
    if clear:  # 'by N clear goals': every win by N or more
        n = WORD_NUMBERS[clear.group(1)]
        assert all(
            second_leg_outcome(fh, fa, n + k + a, a, rules) == "home"
            for k in range(3)
            for a in range(4)
        )
        assert any(second_leg_outcome(fh, fa, n - 1 + a, a, rules) != "home" for a in range(10))
