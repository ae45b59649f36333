"""Exact progression probabilities of a tie: the deciding match's scoreline grid, then
extra time (independent Poisson goals at a third of the 90-minute rates), then the
shoot-out, under that season's rules from the tie engine.

What every second-leg score means depends only on the first leg and the rules, not on the
teams, so it is tabulated once per (first leg, rules) and the forecast is a masked sum over
the grid: well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from matchfacts.model.grid import MAX_GOALS, ScoreGrid, score_grid
from matchfacts.rules.outcome import Score, carried_score, match_outcome
from matchfacts.rules.ruleset import RuleSet

EXTRA_TIME_SHARE = 30 / 90
SHOOTOUT_HOME = 0.5  # shoot-outs are close to a coin toss; no home edge is assumed
CODES = {"home": 0, "away": 1, "extra_time": 2, "penalties": 3, "replay": 4, "coin_toss": 5}


@dataclass(frozen=True, slots=True)
class Progression:
    """Probabilities for the deciding match's sides."""

    home: float
    away: float
    home_in_normal_time: float
    away_in_normal_time: float
    home_in_extra_time: float
    away_in_extra_time: float
    home_on_penalties: float  # or by whatever settles a level tie in that era
    away_on_penalties: float
    extra_time: float  # probability that the tie goes to extra time
    settled_after: str  # "penalties", "replay" or "coin_toss"

    def as_dict(self) -> dict:
        return {
            "home": self.home,
            "away": self.away,
            "via": {
                "normal_time": {"home": self.home_in_normal_time, "away": self.away_in_normal_time},
                "extra_time": {"home": self.home_in_extra_time, "away": self.away_in_extra_time},
                "penalties": {"home": self.home_on_penalties, "away": self.away_on_penalties},
            },
            "p_extra_time": self.extra_time,
            "settled_after": self.settled_after,
        }


@lru_cache(maxsize=4096)
def outcome_codes(first_leg: Score | None, rules: RuleSet, size: int = MAX_GOALS + 1) -> np.ndarray:
    """codes[h, a]: what h-a in the deciding match means (see CODES)."""
    codes = np.empty((size, size), dtype=np.int8)
    for h in range(size):
        for a in range(size):
            codes[h, a] = CODES[match_outcome(first_leg, Score(h, a), rules)]
    codes.setflags(write=False)
    return codes


def _extra_time(home_rate: float, away_rate: float, rules: RuleSet) -> tuple[float, float, float]:
    """(home, away, still level) after 30 minutes of a tie level at 90 (incl. away goals)."""
    # no Dixon-Coles correction in extra time: its low scores are not 90-minute low scores
    p = score_grid(home_rate * EXTRA_TIME_SHARE, away_rate * EXTRA_TIME_SHARE).p
    home, away, level = np.tril(p, -1).sum(), np.triu(p, 1).sum(), np.trace(p)
    if rules.away_goals_in_extra_time:  # a score draw puts the visitors through
        away += level - p[0, 0]
        level = p[0, 0]
    return float(home), float(away), float(level)


def progression(
    first_leg: Score | None,
    rules: RuleSet,
    home_rate: float,
    away_rate: float,
    rho: float = 0.0,
    grid: ScoreGrid | None = None,
) -> Progression:
    """Who goes through, for the deciding match's home side with these 90-minute rates.

    `first_leg` is the first leg's score with its own home side first (None for a single
    match). A replay is taken as a coin toss between the sides: the replays of the 1950s
    and 60s are outside what this model forecasts.
    """
    first = None if rules.single_match else carried_score(first_leg, rules)
    grid = grid or score_grid(home_rate, away_rate, rho)
    codes = outcome_codes(first, rules, grid.p.shape[0])
    p = grid.p
    home_90 = float(p[codes == CODES["home"]].sum())
    away_90 = float(p[codes == CODES["away"]].sum())
    to_et = float(p[codes == CODES["extra_time"]].sum())
    level_90 = 1.0 - home_90 - away_90 - to_et  # settled without extra time (replay eras)
    et_home, et_away, et_level = _extra_time(home_rate, away_rate, rules)
    settle_share = to_et * et_level + level_90
    return Progression(
        home=home_90 + to_et * et_home + settle_share * SHOOTOUT_HOME,
        away=away_90 + to_et * et_away + settle_share * (1 - SHOOTOUT_HOME),
        home_in_normal_time=home_90,
        away_in_normal_time=away_90,
        home_in_extra_time=to_et * et_home,
        away_in_extra_time=to_et * et_away,
        home_on_penalties=settle_share * SHOOTOUT_HOME,
        away_on_penalties=settle_share * (1 - SHOOTOUT_HOME),
        extra_time=to_et,
        settled_after=rules.level_after_extra_time,
    )



# In the away-goals era the second leg's hosts went through more often than their ratings
# said (+.07 on the 124 second legs of 1994-95..2007-08): a goal conceded at home costs
# the visitors less than it costs them, so the visitors sit on a lead and the hosts press
# with the crowd behind them. The host's rate is scaled up and the visitors' down by this
# factor in such second legs; chosen on 1994-95..2007-08 alone (best Brier at 1.15 of 1.00,
# 1.05 .. 1.30) and measured on the seasons after (benchmarks/second_legs.py, README). Ties
# without the rule keep the ratings' rates: there the hosts went through as often as said.
SECOND_LEG_HOST = 1.15


def second_leg_rates(
    home_rate: float, away_rate: float, rules: RuleSet, factor: float = SECOND_LEG_HOST
) -> tuple[float, float]:
    """A second leg's 90-minute rates (its home side first) under `rules`."""
    if rules.single_match or not rules.away_goals:
        return home_rate, away_rate
    return home_rate * factor, away_rate / factor
