"""The Dixon-Coles fit on simulated leagues whose truth is known."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from matchfacts.model import dixon_coles
from matchfacts.model.data import MatchData
from matchfacts.model.dixon_coles import fit

TRUE_HOME = {"AAA1": 0.05, "BBB1": 0.45}  # log-rate home advantage of each league
MU = 0.2


def _two_leagues(seasons: int = 6, seed: int = 7) -> tuple[MatchData, dict[int, float]]:
    """Two leagues of 12 clubs, each playing a double round robin a season, with the
    same spread of strengths but very different home advantages; goals are Poisson."""
    rng = np.random.default_rng(seed)
    strength = {}
    rows = []
    for k, (league, home_adv) in enumerate(TRUE_HOME.items()):
        clubs = range(100 * k, 100 * k + 12)
        for club in clubs:
            strength[club] = rng.normal(0, 0.3)
        for _ in range(seasons):
            for h in clubs:
                for a in clubs:
                    if h == a:
                        continue
                    lh = np.exp(MU + strength[h] - strength[a] + home_adv)
                    la = np.exp(MU + strength[a] - strength[h])
                    rows.append((h, a, rng.poisson(lh), rng.poisson(la), league))
    home, away, hg, ag, league = (np.array(c) for c in zip(*rows, strict=True))
    n = len(rows)
    data = MatchData(
        as_of=dt.date(2024, 1, 1),
        home=home.astype(np.int64),
        away=away.astype(np.int64),
        home_goals=hg.astype(float),
        away_goals=ag.astype(float),
        days_before=np.ones(n),  # no decay: every match counts the same
        neutral=np.zeros(n, bool),
        closed=np.zeros(n, bool),
        league=league.astype(object),
    )
    return data, strength


def test_each_league_gets_its_own_home_advantage():
    data, _ = _two_leagues()
    ratings = fit(data, ridge=0.01)
    for league, truth in TRUE_HOME.items():
        estimate = ratings.home + ratings.home_by_league[league]
        assert estimate == pytest.approx(truth, abs=0.06), league
    # the same two clubs' rates differ between the leagues only by the home advantage
    lh_a, la_a = ratings.rates(0, 1, league="AAA1")
    lh_b, la_b = ratings.rates(0, 1, league="BBB1")
    assert la_a == la_b
    assert np.log(lh_b / lh_a) == pytest.approx(0.40, abs=0.1)
    # a league the fit never saw, or a neutral venue, gets the common one or none
    level = ratings.mu + ratings.attack[0] - ratings.defence[1]
    assert ratings.rates(0, 1, league="ZZZ9")[0] == pytest.approx(np.exp(level + ratings.home))
    assert ratings.rates(0, 1, neutral=True, league="BBB1")[0] == pytest.approx(np.exp(level))


def test_a_heavy_ridge_leaves_one_home_advantage_for_all():
    data, _ = _two_leagues()
    ratings = fit(data, ridge=0.01, home_ridge=1e9)
    assert all(abs(v) < 1e-6 for v in ratings.home_by_league.values())
    assert ratings.home == pytest.approx(np.mean(list(TRUE_HOME.values())), abs=0.06)


def test_the_sparse_solve_finds_the_dense_solves_maximum(monkeypatch):
    """The sparse path (the joint fit over all of Europe) and the dense one (one league)
    are the same Newton steps: on the same matches they reach the same ratings."""
    data, _ = _two_leagues(seasons=3)
    dense = fit(data)
    monkeypatch.setattr(dixon_coles, "DENSE_UP_TO", 0)
    sparse = fit(data)
    assert sparse.log_likelihood == pytest.approx(dense.log_likelihood, abs=1e-8)
    np.testing.assert_allclose(sparse.attack, dense.attack, atol=1e-6)
    np.testing.assert_allclose(sparse.defence, dense.defence, atol=1e-6)
    assert sparse.home_by_league == pytest.approx(dense.home_by_league, abs=1e-6)
