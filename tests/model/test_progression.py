"""Exact probabilities: grids and progression sum to one, and agree with simulation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchfacts.model.grid import score_grid
from matchfacts.model.progression import progression, second_leg_rates
from matchfacts.rules.loader import rules_for
from matchfacts.rules.outcome import Score, extra_time_outcome, second_leg_outcome

ERAS = [
    ("UCL", "1960-61", "R1"),
    ("UCL", "1975-76", "QF"),
    ("UCL", "2020-21", "QF"),
    ("UCL", "2022-23", "R16"),
    ("UCL", "2020-21", "F"),
]


@given(st.floats(0.05, 5), st.floats(0.05, 5), st.floats(-0.2, 0.2))
def test_a_score_grid_sums_to_one(home, away, rho):
    grid = score_grid(home, away, rho)
    assert grid.p.sum() == pytest.approx(1.0, abs=1e-12)
    assert (grid.p >= 0).all()
    assert grid.home_win + grid.draw + grid.away_win == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=60)
@given(
    st.sampled_from(ERAS),
    st.integers(0, 5),
    st.integers(0, 5),
    st.floats(0.2, 3.5),
    st.floats(0.2, 3.5),
)
def test_progression_of_the_two_sides_sums_to_one(era, h, a, home_rate, away_rate):
    rules = rules_for(*era)
    first = None if rules.single_match else Score(h, a)
    p = progression(first, rules, home_rate, away_rate, -0.05)
    assert p.home + p.away == pytest.approx(1.0, abs=1e-12)
    parts = (
        p.home_in_normal_time
        + p.home_in_extra_time
        + p.home_on_penalties
        + p.away_in_normal_time
        + p.away_in_extra_time
        + p.away_on_penalties
    )
    assert parts == pytest.approx(1.0, abs=1e-12)


def test_more_goals_expected_never_hurts():
    rules = rules_for("UCL", "2020-21", "QF")
    weaker = progression(Score(3, 1), rules, 1.4, 1.2)
    stronger = progression(Score(3, 1), rules, 1.8, 1.2)
    assert stronger.home > weaker.home


def test_monte_carlo_agrees_with_the_exact_sum():
    """Simulate the flagship second leg, extra time and shoot-out; compare within 4 sigma."""
    rules = rules_for("UCL", "2020-21", "QF")
    lh, la, n = 1.6, 1.1, 200_000
    exact = progression(Score(3, 1), rules, lh, la, rho=0.0)
    rng = np.random.default_rng(20210414)
    home90, away90 = rng.poisson(lh, n), rng.poisson(la, n)
    et_h, et_a = rng.poisson(lh / 3, n), rng.poisson(la / 3, n)
    coin = rng.random(n) < 0.5
    through = 0
    for i in range(n):
        r = second_leg_outcome(3, 1, int(home90[i]), int(away90[i]), rules)
        if r == "extra_time":
            r = extra_time_outcome(
                3, 1, int(home90[i]), int(away90[i]), int(et_h[i]), int(et_a[i]), rules
            )
        if r == "penalties":
            r = "home" if coin[i] else "away"
        through += r == "home"
    estimate = through / n
    sigma = (exact.home * (1 - exact.home) / n) ** 0.5
    assert abs(estimate - exact.home) < 4 * sigma


@pytest.mark.parametrize(("season", "counts"), [("2020-21", True), ("2022-23", False)])
def test_the_second_leg_host_effect_lives_only_where_away_goals_count(season, counts):
    rules = rules_for("UCL", season, "R16")
    assert rules.away_goals is counts
    lh, la = second_leg_rates(1.4, 1.1, rules)
    before = progression(Score(1, 1), rules, 1.4, 1.1).home
    after = progression(Score(1, 1), rules, lh, la).home
    if counts:
        assert lh > 1.4 and la < 1.1 and after > before
    else:
        assert (lh, la) == (1.4, 1.1) and after == before
    # a final is one match: no second leg, no effect
    final = rules_for("UCL", season, "F")
    assert second_leg_rates(1.4, 1.1, final) == (1.4, 1.1)
