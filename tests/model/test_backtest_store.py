"""A short backtest on the real store: every model scored on exactly the same matches."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.model.backtest import match_backtest, tie_backtest
from matchfacts.store.db import open_store


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


def test_premier_league_autumn_2020_beside_fivethirtyeight(con):
    sets = match_backtest(con, ["ENG1"], dt.date(2020, 9, 1), dt.date(2020, 11, 30), refit_days=28)
    everything = sets[0]
    assert everything.n > 90
    ours = everything.metrics["matchfacts"]
    assert ours["rps"] < everything.metrics["base rate"]["rps"]  # the model adds information
    beside = next(s for s in sets if s.name == "matches with fivethirtyeight")
    assert set(beside.metrics) == {"matchfacts", "fivethirtyeight", "base rate"}
    # same matches for every model: within 0.02 of FiveThirtyEight on a short window
    assert (
        abs(beside.metrics["matchfacts"]["rps"] - beside.metrics["fivethirtyeight"]["rps"]) < 0.02
    )


def test_second_legs_beat_the_base_rate_over_a_few_seasons(con):
    result = tie_backtest(con, "UCL", "2017-18", "2019-20", refit_days=56)
    assert result.n > 100
    assert result.metrics["matchfacts"]["brier"] < result.metrics["base rate"]["brier"]
