"""Forecasts from the real store: the flagship, and nothing known after the day."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import numpy as np
import pytest

from matchfacts.model.data import EUROPE, load_matches
from matchfacts.model.dixon_coles import fit
from matchfacts.model.forecast import forecast
from matchfacts.model.progression import SECOND_LEG_HOST
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

DAY = dt.date(2021, 4, 14)


@pytest.fixture(scope="module")
def flagship(store_path):
    con = open_store(store_path)
    try:
        return forecast(con, resolve_team(con, "Liverpool"), resolve_team(con, "Real Madrid"), DAY)
    finally:
        con.close()


def test_flagship_progression_with_its_breakdown(flagship):
    p = flagship.progress
    assert flagship.kind == "second_leg"
    assert 0.6 < p.away < 0.95  # Real Madrid, 3-1 up, favourites to go through
    assert p.home + p.away == pytest.approx(1.0, abs=1e-12)
    assert p.away_in_normal_time > p.away_in_extra_time > 0
    assert p.home_on_penalties == pytest.approx(p.away_on_penalties)
    assert flagship.match.behind_closed_doors is True
    assert flagship.grid.p.sum() == pytest.approx(1.0, abs=1e-12)


def test_the_model_sees_a_smaller_home_advantage_without_crowds(flagship):
    r = flagship.ratings
    assert 0.1 < r.home < 0.4
    assert r.home_closed < r.home


def test_each_league_and_europe_has_its_own_home_advantage(flagship):
    offsets = flagship.ratings.home_by_league
    assert {"ENG1", "ESP1", "GER1", "ITA1", "FRA1", EUROPE} <= offsets.keys()
    assert all(abs(v) < 0.2 for v in offsets.values())  # offsets to a common one, shrunk
    assert flagship.as_dict()["model"]["home_advantage_competition"] == offsets[EUROPE]
    r, liverpool, madrid = flagship.ratings, flagship.home.id, flagship.away.id
    at_anfield = r.mu + r.attack[r.teams[liverpool]] - r.defence[r.teams[madrid]]
    # a second leg of the away-goals era: the hosts' rate carries the second-leg effect
    plain = np.exp(at_anfield + r.home_closed + offsets[EUROPE])
    assert flagship.home_rate == pytest.approx(plain * SECOND_LEG_HOST)


def test_later_matches_change_nothing(store_path, tmp_path):
    """Delete every match on or after the day from a copy: the forecast is identical."""
    copy = tmp_path / "before.duckdb"
    shutil.copy(store_path, copy)
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM match WHERE date >= ?", [DAY])
    con.close()
    full = open_store(store_path)
    cut = open_store(copy)
    try:
        a, b = load_matches(full, DAY), load_matches(cut, DAY)
        assert len(a) == len(b) > 10_000
        ra, rb = fit(a), fit(b)
        liverpool, madrid = (resolve_team(full, n).id for n in ("Liverpool", "Real Madrid"))
        assert ra.rates(liverpool, madrid, closed=True) == rb.rates(liverpool, madrid, closed=True)
    finally:
        full.close()
        cut.close()


def test_elo_rates_europe_on_one_scale(store_path, flagship):
    from matchfacts.model.elo import elo_as_of, top

    con = open_store(store_path)
    try:
        elo = elo_as_of(con, DAY)
        names = dict(con.execute("SELECT id, short_name FROM team").fetchall())
    finally:
        con.close()
    best = [names[t] for t, _ in top(elo, 10)]
    assert "Bayern Munich" in best and "Manchester City" in best
    assert elo.rating[flagship.away.id] > 1900 and elo.rating[flagship.home.id] > 1900
    assert 0 < flagship.as_dict()["elo"]["home_expected_score"] < 1


def test_the_forecast_is_dixon_coles_blended_with_elo(flagship):
    """The grid's draw is Dixon-Coles'; its home win moved a fifth of the way to Elo's."""
    from matchfacts.model.blend import ELO_WEIGHT
    from matchfacts.model.grid import score_grid

    plain = score_grid(flagship.home_rate, flagship.away_rate, flagship.ratings.rho)
    expected = flagship.as_dict()["elo"]["home_expected_score"]
    grid = flagship.grid
    assert grid.draw == pytest.approx(plain.draw, abs=1e-12)
    elo_home = expected - plain.draw / 2
    assert grid.home_win == pytest.approx(
        (1 - ELO_WEIGHT) * plain.home_win + ELO_WEIGHT * elo_home, abs=1e-12
    )
    assert grid.home_win + grid.draw + grid.away_win == pytest.approx(1.0, abs=1e-12)
    assert flagship.as_dict()["model"]["elo_weight"] == ELO_WEIGHT


def test_elo_day_by_day_is_elo_as_of_each_day(store_path):
    from matchfacts.model.elo import EloByDay, elo_as_of

    con = open_store(store_path)
    try:
        days = [dt.date(2020, 9, 1), DAY, dt.date(2022, 5, 1)]
        by_day = EloByDay(con, until=days[-1])
        for day in days:
            assert by_day.on(day).rating == elo_as_of(con, day).rating
        with pytest.raises(ValueError, match="only moves forward"):
            by_day.on(DAY)
    finally:
        con.close()
