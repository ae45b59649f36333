"""Reweighting a scoreline grid to other result probabilities, and the Elo blend."""

from __future__ import annotations

import numpy as np
import pytest

from matchfacts.model.blend import blended
from matchfacts.model.grid import score_grid, with_results


def test_with_results_keeps_draws_and_the_shape_within_each_result():
    grid = score_grid(1.6, 1.1, -0.05)
    moved = with_results(grid, 0.5, 1 - grid.draw - 0.5)
    assert moved.p.sum() == pytest.approx(1.0, abs=1e-12)
    assert moved.home_win == pytest.approx(0.5) and moved.draw == pytest.approx(grid.draw)
    assert np.allclose(np.diag(moved.p), np.diag(grid.p))
    # within the home wins, 2-1 stays as likely against 1-0 as before
    assert moved.p[2, 1] / moved.p[1, 0] == pytest.approx(grid.p[2, 1] / grid.p[1, 0])
    with pytest.raises(ValueError, match="is not one"):
        with_results(grid, 0.5, 0.5)


@pytest.mark.parametrize("expected", [0.05, 0.5, 0.62, 0.97])
def test_the_blend_moves_the_home_win_towards_elo(expected):
    grid = score_grid(1.4, 1.2, -0.05)
    mixed = blended(grid, expected)
    assert mixed.p.sum() == pytest.approx(1.0, abs=1e-12)
    assert (mixed.p >= 0).all()
    assert mixed.draw == pytest.approx(grid.draw)
    elo_home = expected - grid.draw / 2
    # between Dixon-Coles' home win and Elo's (bounded away from 0 and 1)
    low, high = sorted([grid.home_win, min(max(elo_home, 0.005), 1 - grid.draw - 0.005)])
    assert low - 1e-12 <= mixed.home_win <= high + 1e-12
    assert blended(grid, expected, weight=0.0).p == pytest.approx(grid.p)
