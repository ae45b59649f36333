"""The words, for other first legs and other eras."""

from __future__ import annotations

import pytest

from matchfacts.rules import (
    extra_time_words,
    first_leg_view,
    in_progress_state,
    in_progress_words,
    rules_for,
    summary_words,
)

MODERN = rules_for("UCL", "2020-21", "QF")
NO_AWAY_GOALS = rules_for("UCL", "2021-22", "QF")
REPLAYS = rules_for("UCL", "1960-61", "QF")
FINAL = rules_for("UCL", "2004-05", "F")


@pytest.mark.parametrize(
    ("first_leg", "rules", "words"),
    [
        (
            (3, 1),
            NO_AWAY_GOALS,
            "Liverpool go through by three clear goals; a two-goal win means extra time; "
            "any smaller margin puts Real Madrid through.",
        ),
        (
            (1, 1),
            MODERN,
            "Liverpool go through with any win or 0-0; 1-1 means extra time; "
            "any other draw (2-2, 3-3 ...) and any defeat put Real Madrid through.",
        ),
        (
            (0, 0),
            MODERN,
            "Liverpool go through with any win; 0-0 means extra time; "
            "any other draw (1-1, 2-2 ...) and any defeat put Real Madrid through.",
        ),
        (
            (1, 0),
            MODERN,
            "Liverpool go through by two clear goals; 1-0 means extra time; "
            "any other one-goal win (2-1, 3-2 ...) and any draw or defeat put Real Madrid through.",
        ),
        (
            (3, 2),
            MODERN,
            "Liverpool go through with 1-0 or 2-1, or by two clear goals; 3-2 means extra time; "
            "any other one-goal win (4-3, 5-4 ...) and any draw or defeat put Real Madrid through.",
        ),
        (
            (0, 1),
            MODERN,
            "Liverpool go through with any win or draw; 0-1 means extra time; "
            "any other one-goal defeat (1-2, 2-3 ...) and a defeat by two or more goals "
            "put Real Madrid through.",
        ),
        (
            (1, 3),
            MODERN,
            "Liverpool go through with any win, any draw, a one-goal defeat or 0-2; "
            "1-3 means extra time; any other two-goal defeat (2-4, 3-5 ...) and a defeat by "
            "three or more goals put Real Madrid through.",
        ),
        (
            (0, 3),
            NO_AWAY_GOALS,
            "Liverpool go through with any win, any draw or a defeat by up to two goals; "
            "a three-goal defeat means extra time; a defeat by four or more goals puts "
            "Real Madrid through.",
        ),
        (
            (2, 1),
            REPLAYS,
            "Liverpool go through by two clear goals; a one-goal win means a replay; "
            "any draw or defeat puts Real Madrid through.",
        ),
        (
            (8, 0),
            NO_AWAY_GOALS,
            "Liverpool go through by nine clear goals; an eight-goal win means extra time; "
            "any smaller margin puts Real Madrid through.",
        ),
    ],
)
def test_summary_words(first_leg: tuple[int, int], rules: object, words: str) -> None:
    assert summary_words("Liverpool", "Real Madrid", first_leg, rules) == words


def test_single_match_words() -> None:
    assert summary_words("Milan", "Liverpool", None, FINAL) == (
        "Milan go through with any win; any draw means extra time; "
        "any defeat puts Liverpool through."
    )


def test_extra_time_words_by_era() -> None:
    assert extra_time_words("Chelsea", NO_AWAY_GOALS) == (
        "In extra time a win for either side decides the tie; a draw means penalties."
    )
    assert extra_time_words("Celtic", rules_for("UCL", "1969-70", "R2")) == (
        "In extra time a win for either side decides the tie; a draw means a coin toss."
    )
    assert extra_time_words("Koln", REPLAYS) is None


def test_first_leg_view_of_an_away_goal() -> None:
    view = first_leg_view((2, 1), MODERN, home_name="Ajax", away_name="Spurs")
    assert view.text == (
        "Ajax lead 2-1 from the first leg; Spurs have one away goal. In the second leg, "
        "a 1-0 win for Spurs would put them through on away goals, and a 0-0 draw would put "
        "Ajax through."
    )


def test_first_leg_view_of_an_away_win() -> None:
    view = first_leg_view((0, 1), MODERN, home_name="Tottenham", away_name="Ajax")
    assert view.leader == "first_leg_away"
    assert view.text == (
        "Ajax lead 1-0 from the first leg and have one away goal. In the second leg, "
        "a 0-0 draw would put Ajax through, and a 2-0 win for Tottenham would put them through."
    )


def test_first_leg_view_without_away_goals() -> None:
    view = first_leg_view((1, 1), NO_AWAY_GOALS, home_name="A", away_name="B")
    assert view.away_goals is None
    assert view.text == (
        "The tie is level at 1-1 after the first leg. In the second leg, a 1-0 win for B "
        "would put them through, and a 1-0 win for A would put them through."
    )


def test_in_progress_words_in_a_replay_era() -> None:
    state = in_progress_state((2, 1), 60, (0, 0), REPLAYS)
    assert in_progress_words("Liverpool", "Real Madrid", state) == (
        "As it stands, Real Madrid go through. "
        "Liverpool need one goal to force a replay and two to go through."
    )
