"""A short backtest on the real store: every model scored on exactly the same matches."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.model.backtest import (
    AWAY_GOALS_ERA,
    ROUNDS,
    match_backtest,
    season_days,
    tie_backtest,
)
from matchfacts.store.db import open_store


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


def test_premier_league_autumn_2020_beside_fivethirtyeight(con):
    autumn = (dt.date(2020, 9, 1), dt.date(2020, 11, 30))
    sets = match_backtest(con, ["ENG1"], *autumn, refit_days=28).sets
    everything = sets[0]
    assert everything.n > 90
    ours = everything.metrics["matchfacts"]
    assert ours["rps"] < everything.metrics["base rate"]["rps"]  # the model adds information
    beside = next(s for s in sets if s.name == "matches with fivethirtyeight")
    assert set(beside.metrics) == {"matchfacts", "fivethirtyeight", "base rate"}
    # same matches for every model: within 0.02 of FiveThirtyEight on a short window
    gap = beside.metrics["fivethirtyeight"]["rps"] - beside.metrics["matchfacts"]["rps"]
    assert abs(gap) < 0.02
    # the lead is that same gap, match by match, with the standard error of its mean
    lead, standard_error = beside.lead["fivethirtyeight"]
    assert lead == pytest.approx(gap, abs=1e-12)
    assert 0.1 / beside.n**0.5 > standard_error > 0.001 / beside.n**0.5
    assert "matchfacts" not in beside.lead


def test_a_season_is_its_matches_not_a_calendar_window(con):
    """LaLiga 2019-20 ran into July 2020, after 2020-21's July-to-June window opened; the
    season's label picks its 380 matches and only them."""
    start, end = season_days(2020, 2020)
    season = ("2020-21", "2020-21")
    sets = match_backtest(con, ["ESP1"], start, end, refit_days=7, seasons=season).sets
    # all but Cádiz's first: up from the Segunda (not in the open data), with no match in
    # the six years before, it has no rating until it has played
    assert sets[0].n == 379
    # and that match is named with its reason, not silently dropped
    assert {r: len(m) for r, m in sets[0].left_out.items()} == {
        "no rating for Cadiz CF: no earlier match": 1
    }
    assert sets[0].left_out["no rating for Cadiz CF: no earlier match"][0].startswith("2020-09")
    july_2020 = match_backtest(con, ["ESP1"], dt.date(2020, 7, 1), dt.date(2020, 7, 31), 56)
    assert july_2020.sets[0].n > 30  # the 2019-20 matches a window by dates alone would take


def test_second_legs_beat_the_base_rate_over_a_few_seasons(con):
    result = tie_backtest(con, "UCL", "2010-11", "2019-20", refit_days=56)
    assert result.n == 134  # knockout ties (the 2019-20 quarter-finals on were single matches)
    assert result.metrics["matchfacts"]["brier"] < result.metrics["base rate"]["brier"]
    # calibration over both sides of every tie: each well-filled bin's stated chance is
    # near how often it came true
    bins = result.calibration
    assert sum(b["n"] for b in bins) == 2 * result.n
    for b in bins:
        if b["n"] >= 40:
            assert abs(b["stated"] - b["observed"]) < 0.2, b
    # the second-leg hosts alone, where a table over both sides cancels their bias out:
    # every tie of these seasons counted away goals
    (hosts,) = result.hosts
    assert hosts["era"] == AWAY_GOALS_ERA and hosts["n"] == result.n == len(result.ties)
    assert abs(hosts["observed"] - hosts["stated"]) < 3 * hosts["gap_standard_error"]
    assert hosts["brier"] < hosts["base_rate_brier"]


def test_qualifying_rounds_are_left_out_unless_asked_for(con):
    """As every figure of matchfacts for a named competition: the Champions League proper
    of autumn 2019 (group stage) has no qualifier in it; the two parts make the whole."""
    window = (con, ["UCL"], dt.date(2019, 7, 1), dt.date(2019, 12, 31), 56)
    proper, qualifying, whole = (match_backtest(*window, rounds=r).sets[0] for r in ROUNDS)
    assert proper.n == 96  # 8 groups x 12 matches
    assert qualifying.n > 50
    assert proper.n + qualifying.n == whole.n
    with pytest.raises(ValueError, match="rounds 'groups'"):
        match_backtest(*window, rounds="groups")
