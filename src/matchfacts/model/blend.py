"""The forecast of a match: Dixon-Coles' scoreline grid, with its win probabilities moved
a fifth of the way towards what the Elo ratings expect.

Why: the two models read the same results differently (Elo moves after every match, by
its result alone; Dixon-Coles fits goals and expected goals with a time decay), and their
blend is better than either. On the 3,580 top-five league matches of 2020-23 that
FiveThirtyEight forecast (RPS): Dixon-Coles .2026, Elo .2063, blended at 0.1 .2023, at
0.2 .2021, at 0.3 .2022, at 0.5 .2026.

Elo gives an expected score (a win 1, a draw 1/2), not three probabilities; the draw is
Dixon-Coles', and the rest of Elo's expectation is the home win. The grid keeps every
scoreline's share within its result (grid.with_results), so progression, extra time and
the most likely scores all read the blended forecast.
"""

from __future__ import annotations

from matchfacts.model.grid import ScoreGrid, with_results

ELO_WEIGHT = 0.2
FLOOR = 0.005  # no result is certain, whatever the ratings say


def blended(grid: ScoreGrid, elo_expected: float, weight: float = ELO_WEIGHT) -> ScoreGrid:
    """`grid` with its home and away wins blended with Elo's (weight on Elo)."""
    draw = grid.draw
    elo_home = min(max(elo_expected - draw / 2, FLOOR), 1 - draw - FLOOR)
    home = (1 - weight) * grid.home_win + weight * elo_home
    return with_results(grid, home, 1 - draw - home)
