"""The flagship tie: Liverpool v Real Madrid, Champions League quarter-final, 14 April 2021.

First leg in Madrid, 6 April 2021: Real Madrid 3-1 Liverpool. Away goals in force, also in
extra time. Each cell is checked against a small computation written here, not the engine's.
"""

from __future__ import annotations

import pytest

from matchfacts.rules import (
    Score,
    extra_time_words,
    first_leg_view,
    in_progress_state,
    in_progress_words,
    outcome_table,
    rules_for,
    summary_words,
)

RULES = rules_for("UCL", "2020-21", "QF")
FIRST_LEG = Score(3, 1)  # Real Madrid (home) 3-1 Liverpool
TABLE = outcome_table(FIRST_LEG, RULES, bound=6)


def expected(liverpool: int, madrid: int) -> str:
    """Liverpool host the second leg: 'home' is Liverpool."""
    liverpool_total, madrid_total = 1 + liverpool, 3 + madrid
    if liverpool_total != madrid_total:
        return "home" if liverpool_total > madrid_total else "away"
    liverpool_away, madrid_away = 1, madrid  # Liverpool's goal in Madrid; Madrid's at Anfield
    if liverpool_away != madrid_away:
        return "home" if liverpool_away > madrid_away else "away"
    return "extra_time"


@pytest.mark.parametrize("liverpool", range(7))
@pytest.mark.parametrize("madrid", range(7))
def test_every_second_leg_score_up_to_six(liverpool: int, madrid: int) -> None:
    assert TABLE.result(liverpool, madrid) == expected(liverpool, madrid)


def test_table_has_each_score_once() -> None:
    scores = [(cell.home_goals, cell.away_goals) for cell in TABLE.cells]
    assert len(scores) == 49
    assert set(scores) == {(h, a) for h in range(7) for a in range(7)}


@pytest.mark.parametrize(
    ("score", "result"),
    [
        ((2, 0), "home"),
        ((3, 0), "home"),
        ((4, 1), "home"),
        ((3, 1), "extra_time"),
        ((4, 2), "away"),
        ((5, 3), "away"),
        ((1, 0), "away"),
        ((0, 0), "away"),
        ((2, 1), "away"),
    ],
)
def test_named_scores(score: tuple[int, int], result: str) -> None:
    assert TABLE.result(*score) == result


def test_only_three_one_means_extra_time() -> None:
    level = [(c.home_goals, c.away_goals) for c in TABLE.cells if c.result == "extra_time"]
    assert level == [(3, 1)]


@pytest.mark.parametrize(
    ("extra", "result"),
    [
        ((0, 0), "penalties"),
        ((1, 0), "home"),
        ((0, 1), "away"),
        ((1, 1), "away"),
        ((2, 2), "away"),
        ((2, 1), "home"),
    ],
)
def test_extra_time_at_three_one(extra: tuple[int, int], result: str) -> None:
    # An away goal in extra time counted double until 2020-21: 1-1 in extra time is 4-4 on
    # aggregate with Real Madrid two away goals to one.
    cells = {(e.home_goals, e.away_goals): e.result for e in TABLE.cell(3, 1).extra_time}
    assert cells[extra] == result


def test_cells_that_do_not_go_to_extra_time_have_no_extra_time_table() -> None:
    assert all(not cell.extra_time for cell in TABLE.cells if cell.result != "extra_time")


def test_summary_words() -> None:
    assert summary_words("Liverpool", "Real Madrid", FIRST_LEG, RULES) == (
        "Liverpool go through with 2-0 or by three clear goals; 3-1 means extra time; "
        "any other two-goal win (4-2, 5-3 ...) and any smaller margin put Real Madrid through."
    )


def test_extra_time_words() -> None:
    assert extra_time_words("Real Madrid", RULES) == (
        "In extra time a win for either side decides the tie; a score draw (1-1, 2-2 ...) "
        "puts Real Madrid through on away goals; 0-0 means penalties."
    )


def test_first_leg_view() -> None:
    view = first_leg_view(FIRST_LEG, RULES, home_name="Real Madrid", away_name="Liverpool")
    assert view.leader == "first_leg_home"
    assert view.margin == 2
    assert view.away_goals == 1
    assert view.first_leg_away_route.score == Score(2, 0)
    assert view.first_leg_away_route.decided_by == "away_goals"
    assert view.first_leg_home_route.score == Score(0, 0)
    assert view.goalless_draw == "away"
    assert view.text == (
        "Real Madrid lead 3-1 from the first leg; Liverpool have one away goal. "
        "In the second leg, a 2-0 win for Liverpool would put them through on away goals, "
        "and a 0-0 draw would put Real Madrid through."
    )


def test_in_progress_two_nil_at_seventy_minutes() -> None:
    state = in_progress_state(FIRST_LEG, 70, (2, 0), RULES)
    assert state.if_ended_now == "home"
    assert state.home.through_now and state.home.goals_to_go_through == 0
    # One Real Madrid goal makes it 2-1: 4-3 to Real Madrid on aggregate.
    assert state.away.goals_to_go_through == 1
    assert state.away.goals_to_level is None
    assert in_progress_words("Liverpool", "Real Madrid", state) == (
        "As it stands, Liverpool go through. Real Madrid need one goal to go through."
    )


def test_in_progress_two_one_late() -> None:
    state = in_progress_state(FIRST_LEG, 85, (2, 1), RULES)
    assert state.if_ended_now == "away"
    assert (state.home.goals_to_level, state.home.goals_to_go_through) == (1, 2)
    assert in_progress_words("Liverpool", "Real Madrid", state) == (
        "As it stands, Real Madrid go through. "
        "Liverpool need one goal to force extra time and two to go through."
    )


def test_in_progress_extra_time() -> None:
    state = in_progress_state(FIRST_LEG, 105, (3, 1), RULES, score_after_90=(3, 1))
    assert state.period == "extra_time"
    assert state.if_ended_now == "penalties"
    assert state.home.goals_to_go_through == 1
    assert state.away.goals_to_go_through == 1
