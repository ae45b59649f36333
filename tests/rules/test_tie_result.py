"""tie_result's edges: missing data, data the rules did not need, impossible input."""

from __future__ import annotations

import pytest

from matchfacts.rules import (
    MatchResult,
    RuleSet,
    Score,
    TieInputError,
    extra_time_outcome,
    in_progress_state,
    outcome_table,
    rules_for,
    second_leg_outcome,
    tie_result,
)

MODERN = rules_for("UCL", "2020-21", "QF")
NO_AWAY_GOALS = rules_for("UCL", "2021-22", "QF")
REPLAYS = rules_for("UCL", "1960-61", "QF")
FINAL_REPLAY = rules_for("UCL", "1973-74", "F")


def legs(first: tuple[int, int], second: tuple[int, int], **second_extra: int) -> tuple:
    return (MatchResult("A", "B", *first), MatchResult("B", "A", *second, **second_extra))


def test_winner_is_the_team_key_not_a_side() -> None:
    winner, decided_by = tie_result(legs((0, 2), (1, 0)), MODERN)  # B won 2-0 away
    assert (winner, decided_by) == ("B", "aggregate")


def test_integer_team_keys() -> None:
    first = MatchResult(10, 20, 1, 1)
    second = MatchResult(20, 10, 0, 0)
    assert tie_result((first, second), MODERN).winner == 20  # their away goal in the 1-1


@pytest.mark.parametrize(
    ("second", "reason"),
    [
        ({}, "score after extra time is not given"),
        ({"home_goals_aet": 1, "away_goals_aet": 1}, "shoot-out score is not given"),
        (
            {"home_goals_aet": 1, "away_goals_aet": 1, "home_pens": 4, "away_pens": 4},
            "shoot-out score 4-4 is level",
        ),
    ],
)
def test_missing_data_is_undetermined(second: dict, reason: str) -> None:
    result = tie_result(legs((0, 0), (1, 1), **second), NO_AWAY_GOALS)
    assert result.winner is None and not result.determined
    assert reason in result.reason


def test_unknown_ninety_minute_score() -> None:
    first = MatchResult("A", "B", None, None)
    result = tie_result((first, MatchResult("B", "A", 1, 0)), MODERN)
    assert result.decided_by == "undetermined" and "first leg" in result.reason


def test_replay_missing_level_or_incomplete() -> None:
    level = legs((1, 0), (1, 0))
    assert "none is given" in tie_result(level, REPLAYS).reason
    replay = MatchResult("A", "B", 1, 1)
    assert "replay's score" in tie_result(level, REPLAYS, replay=replay).reason
    replay = MatchResult("B", "A", 1, 1, 1, 1)
    result = tie_result(level, REPLAYS, replay=replay)
    assert "winner of the toss" in result.reason
    assert tie_result(level, REPLAYS, replay=replay, coin_toss_winner="B").winner == "B"


def test_final_replay_level_again_is_not_modelled() -> None:
    final = (MatchResult("A", "B", 1, 1, 1, 1),)
    replay = MatchResult("A", "B", 0, 0, 0, 0)
    result = tie_result(final, FINAL_REPLAY, replay=replay)
    assert result.decided_by == "undetermined" and "second replay" in result.reason


def test_unneeded_data_is_reported_as_conflicts() -> None:
    result = tie_result(
        legs((0, 0), (1, 0), home_goals_aet=2, away_goals_aet=0, home_pens=3, away_pens=2),
        MODERN,
        coin_toss_winner="A",
    )
    assert (result.winner, result.decided_by) == ("B", "aggregate")
    assert len(result.conflicts) == 3


def test_source_that_repeats_the_score_as_aet_is_not_a_conflict() -> None:
    result = tie_result(legs((0, 0), (1, 0), home_goals_aet=1, away_goals_aet=0), MODERN)
    assert result.conflicts == ()


@pytest.mark.parametrize(
    ("matches", "rules", "message"),
    [
        ((MatchResult("A", "B", 1, 0),), MODERN, "2-legged"),
        ((MatchResult("A", "B", 1, 0), MatchResult("A", "B", 1, 0)), MODERN, "sides swapped"),
        ((MatchResult("A", "B", 1, 0), MatchResult("B", "C", 1, 0)), MODERN, "sides swapped"),
    ],
)
def test_malformed_ties(matches: tuple, rules: RuleSet, message: str) -> None:
    with pytest.raises(TieInputError, match=message):
        tie_result(matches, rules)


def test_replay_and_coin_toss_must_involve_the_tie_teams() -> None:
    level = legs((1, 0), (1, 0))
    with pytest.raises(TieInputError, match="replay"):
        tie_result(level, REPLAYS, replay=MatchResult("A", "C", 1, 0))
    with pytest.raises(TieInputError, match="coin-toss winner"):
        tie_result(level, REPLAYS, coin_toss_winner="C")


@pytest.mark.parametrize(
    "kwargs",
    [{"home_goals": -1}, {"home_goals_aet": 0}, {"away": "A"}, {"home_pens": 1.5}],
)
def test_impossible_matches(kwargs: dict) -> None:
    values = {"home": "A", "away": "B", "home_goals": 1, "away_goals": 0} | kwargs
    with pytest.raises(TieInputError):
        MatchResult(**values)


def test_engine_input_checks() -> None:
    with pytest.raises(TieInputError, match="does not go to extra time"):
        extra_time_outcome(3, 1, 2, 0, 1, 1, MODERN)
    with pytest.raises(TieInputError):
        second_leg_outcome(-1, 0, 0, 0, MODERN)
    with pytest.raises(TieInputError, match="single match"):
        outcome_table((1, 0), rules_for("UCL", "2004-05", "F"))
    with pytest.raises(TieInputError, match="two legs"):
        outcome_table(None, MODERN)
    with pytest.raises(TieInputError, match="score_after_90"):
        in_progress_state((3, 1), 100, (3, 1), MODERN)
    with pytest.raises(TieInputError, match="minute"):
        in_progress_state((3, 1), 121, (3, 1), MODERN)
    with pytest.raises(TieInputError):
        Score(1, -2)


def test_single_match_variant_for_unplayed_legs() -> None:
    # 2019-20 Europa League: Inter v Getafe became one match in Germany.
    rules = rules_for("UEL", "2019-20", "R16").as_single_match()
    assert rules.legs == 1 and not rules.away_goals
    result = tie_result((MatchResult("Inter", "Getafe", 2, 0),), rules)
    assert (result.winner, result.decided_by) == ("Inter", "normal_time")


def test_replay_era_without_extra_time_in_the_second_leg() -> None:
    table = outcome_table((1, 0), REPLAYS)
    assert table.result(1, 0) == "replay"
    assert table.cell(1, 0).extra_time == ()
