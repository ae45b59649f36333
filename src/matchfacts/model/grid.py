"""Exact scoreline probabilities of one match: independent Poisson goals with Dixon and
Coles' correction of the four low scores. No sampling anywhere."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

MAX_GOALS = 20  # the last row and column hold "20 or more": every grid sums to one


@dataclass(frozen=True, slots=True)
class ScoreGrid:
    """p[h, a]: probability that the home side scores h and the away side a."""

    p: np.ndarray

    @property
    def home_win(self) -> float:
        return float(np.tril(self.p, -1).sum())

    @property
    def draw(self) -> float:
        return float(np.trace(self.p))

    @property
    def away_win(self) -> float:
        return float(np.triu(self.p, 1).sum())

    def most_likely(self, n: int = 5) -> list[tuple[int, int, float]]:
        flat = np.argsort(self.p, axis=None)[::-1][:n]
        size = self.p.shape[1]
        return [(int(i // size), int(i % size), float(self.p.flat[i])) for i in flat]


def score_grid(
    home_rate: float, away_rate: float, rho: float = 0.0, max_goals: int = MAX_GOALS
) -> ScoreGrid:
    p = np.outer(_pmf(home_rate, max_goals), _pmf(away_rate, max_goals))
    # Dixon and Coles' bounds on rho keep every adjusted cell a probability (>= 0).
    rho = min(max(rho, -1 / home_rate, -1 / away_rate), 1 / (home_rate * away_rate), 1.0)
    # Dixon-Coles tau: these four adjustments add up to zero, so the grid still sums to one.
    p[0, 0] *= 1 - home_rate * away_rate * rho
    p[0, 1] *= 1 + home_rate * rho
    p[1, 0] *= 1 + away_rate * rho
    p[1, 1] *= 1 - rho
    return ScoreGrid(p)


def with_results(grid: ScoreGrid, home_win: float, away_win: float) -> ScoreGrid:
    """The grid with its home-win cells scaled to add up to `home_win` and its away-win
    cells to `away_win`, the draws as they were: the scorelines keep their shape within
    each result. `home_win + grid.draw + away_win` must be one, and so is the new grid."""
    if abs(home_win + grid.draw + away_win - 1) > 1e-9:
        raise ValueError(f"{home_win} + {grid.draw} + {away_win} is not one")
    p = grid.p.copy()
    below, above = np.tril_indices_from(p, -1), np.triu_indices_from(p, 1)
    p[below] *= home_win / grid.home_win
    p[above] *= away_win / grid.away_win
    return ScoreGrid(p)


def _pmf(rate: float, max_goals: int) -> np.ndarray:
    """P(0), ..., P(max_goals - 1), then P(max_goals or more): sums to one exactly."""
    pmf = poisson.pmf(np.arange(max_goals + 1), rate)
    pmf[-1] = poisson.sf(max_goals - 1, rate)
    return pmf
