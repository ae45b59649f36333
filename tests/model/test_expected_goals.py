"""Expected goals read from shots, where FiveThirtyEight measured none."""

from __future__ import annotations

import datetime as dt

import numpy as np

from matchfacts.model.data import MIN_CALIBRATION_MATCHES, load_matches, shot_expected_goals


def test_the_shot_values_are_learnt_from_matches_with_both():
    rng = np.random.default_rng(7)
    n = 3000
    shots = rng.integers(3, 25, size=(2, n)).astype(float)
    on_target = np.floor(shots * rng.uniform(0.2, 0.5, size=(2, n)))
    xg = 0.3 * on_target + 0.05 * (shots - on_target) + 0.1
    xg[:, :500] = np.nan  # not measured: these get the shots' figure
    home, away = shot_expected_goals(xg[0], xg[1], shots[0], shots[1], *on_target)
    expected = 0.3 * on_target + 0.05 * (shots - on_target) + 0.1
    np.testing.assert_allclose(home[:500], expected[0, :500])
    np.testing.assert_allclose(away[:500], expected[1, :500])
    assert np.isnan(home[500:]).all()  # measured: 538's own figure is used
    few = MIN_CALIBRATION_MATCHES // 2
    home, _ = shot_expected_goals(xg[0, :few], xg[1, :few], shots[0, :few], shots[1, :few],
                                  on_target[0, :few], on_target[1, :few])  # fmt: skip
    assert np.isnan(home).all()


def test_the_season_fivethirtyeight_missed_gets_xg_from_its_shots(con):
    """538's snapshots hold no 2021-22 league xG; in March 2022 the model reads that
    season's from the shots: about as many expected goals as goals, never both figures."""
    data = load_matches(con, dt.date(2022, 3, 1))
    from_shots = ~np.isnan(data.home_sxg)
    this_season = data.days_before < (dt.date(2022, 3, 1) - dt.date(2021, 8, 1)).days
    assert (from_shots & this_season).sum() > 1000  # the top five leagues since August
    assert not (from_shots & ~np.isnan(data.home_xg)).any()
    goals = data.home_goals[from_shots].mean() + data.away_goals[from_shots].mean()
    expected = data.home_sxg[from_shots].mean() + data.away_sxg[from_shots].mean()
    assert abs(expected - goals) < 0.25


def test_shots_are_stored(con):
    row = con.execute(
        """SELECT home_shots, away_shots, home_shots_on_target, away_shots_on_target
           FROM match m JOIN team h ON h.id = m.home_id
           WHERE m.date = DATE '2021-08-13' AND m.competition_id = 'ENG1'"""
    ).fetchall()
    assert row == [(8, 22, 3, 4)]  # Brentford 2-0 Arsenal
