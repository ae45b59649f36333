"""A forecast of a fixture as of its day: match probabilities, likely scores, progression.

Everything is computed from matches before the day (the ratings see nothing on or after
it). What is known before kick-off about the fixture itself, the venue (neutral or not)
and whether fans are admitted (behind closed doors), is read from the fixture's row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np

from matchfacts.errors import NotFoundError
from matchfacts.model.blend import ELO_WEIGHT, blended
from matchfacts.model.data import home_league, load_matches
from matchfacts.model.dixon_coles import Ratings, fit
from matchfacts.model.elo import EloRatings, elo_as_of
from matchfacts.model.grid import ScoreGrid, score_grid
from matchfacts.model.progression import Progression, progression, second_leg_rates
from matchfacts.model.venue import with_venue_truth
from matchfacts.rules.loader import builtin_catalogue
from matchfacts.rules.outcome import Score
from matchfacts.store.lookup import MatchRow, TeamRef, fixture, match_by_id, tie_legs
from matchfacts.store.planned import Plan


@dataclass(frozen=True, slots=True)
class Forecast:
    home: TeamRef
    away: TeamRef
    match: MatchRow
    as_of: dt.date
    home_rate: float
    away_rate: float
    grid: ScoreGrid
    progress: Progression | None
    kind: str  # "second_leg", "first_leg", "single", "match"
    ratings: Ratings
    elo: EloRatings

    def as_dict(self) -> dict:
        out = {
            "as_of": self.as_of.isoformat(),
            "home": self.home.short_name,
            "away": self.away.short_name,
            "expected_goals": {"home": self.home_rate, "away": self.away_rate},
            "match": {
                "home": self.grid.home_win,
                "draw": self.grid.draw,
                "away": self.grid.away_win,
            },
            "scorelines": [
                {"home_goals": h, "away_goals": a, "p": p} for h, a, p in self.grid.most_likely(10)
            ],
            "neutral": bool(self.match.neutral),
            "behind_closed_doors": bool(self.match.behind_closed_doors),
            "tie_stage": self.kind,
            "model": {
                "name": "dixon-coles, blended with elo",
                "elo_weight": ELO_WEIGHT,
                "matches": self.ratings.matches,
                "home_advantage": self.ratings.home,
                "home_advantage_closed_doors": self.ratings.home_closed,
                "home_advantage_competition": self.ratings.home_by_league.get(
                    home_league(self.match.competition_id), 0.0
                ),
                "rho": self.ratings.rho,
            },
        }
        out["elo"] = {
            "home": self.elo.rating.get(self.home.id),
            "away": self.elo.rating.get(self.away.id),
            "home_expected_score": self.elo.expected(
                self.home.id,
                self.away.id,
                bool(self.match.neutral),
                bool(self.match.behind_closed_doors),
            ),
        }
        if self.progress is not None:
            out["progress"] = self.progress.as_dict()
        return out


def ratings_as_of(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> Ratings:
    """Ratings from every match before `as_of`."""
    return fit(load_matches(con, as_of))


def forecast(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    cache_key: str = "",
    plan: Plan | None = None,
) -> Forecast:
    match = with_venue_truth(con, fixture(con, home, away, date, plan))
    ratings = ratings_as_of(con, match.date)
    for team in (home, away):
        if not ratings.knows(team.id):
            raise NotFoundError(
                f"{team.short_name} played no match in the six years before "
                f"{match.date}: no rating to forecast with"
            )
    neutral, closed = bool(match.neutral), bool(match.behind_closed_doors)
    league = home_league(match.competition_id)
    lh, la = ratings.rates(home.id, away.id, neutral, closed, league)
    legs = tie_legs(con, match)
    if legs is not None and legs[1] is not None and (match.id or 0) == legs[1]:
        rules = builtin_catalogue().select(match.competition_id, match.season, match.round)
        lh, la = second_leg_rates(lh, la, rules)
    elo = elo_as_of(con, match.date)
    grid = blended(
        score_grid(lh, la, ratings.rho),
        elo.expected(home.id, away.id, neutral, closed),
    )
    kind, progress = _progress(con, match, ratings, elo, home, away, lh, la, grid)
    return Forecast(home, away, match, match.date, lh, la, grid, progress, kind, ratings, elo)


def _progress(con, match, ratings, elo, home, away, lh, la, grid):  # noqa: ANN001, ANN202, PLR0913
    legs = tie_legs(con, match)
    if legs is None:
        return "match", None
    first_id, second_id = legs
    rules = builtin_catalogue().select(match.competition_id, match.season, match.round)
    if rules.single_match or second_id is None:
        return "single", progression(
            None,
            rules.as_single_match(neutral_venue=bool(match.neutral))
            if not rules.single_match
            else rules,
            lh,
            la,
            ratings.rho,
            grid,
        )
    if match.id == second_id:
        first = match_by_id(con, first_id)
        if first.home_goals is None:
            return "second_leg", None
        return "second_leg", progression(
            Score(first.home_goals, first.away_goals), rules, lh, la, ratings.rho, grid
        )
    # A first leg: every first-leg score, weighted by its probability, then the return leg
    # at the other ground (same crowd status assumed).
    neutral, closed = bool(match.neutral), bool(match.behind_closed_doors)
    back_h, back_a = second_leg_rates(
        *ratings.rates(away.id, home.id, neutral, closed, home_league(match.competition_id)),
        rules,
    )
    back = blended(
        score_grid(back_h, back_a, ratings.rho),
        elo.expected(away.id, home.id, neutral, closed),
    )
    p_first_home = 0.0
    breakdown = np.zeros(6)
    size = min(grid.p.shape[0], 13)  # first legs beyond 12 goals a side carry no mass
    for h in range(size):
        for a in range(size):
            p = grid.p[h, a]
            step = progression(Score(h, a), rules, back_h, back_a, ratings.rho, back)
            p_first_home += p * step.away  # the first leg's home side is away in the second
            breakdown += p * np.array(
                [
                    step.away_in_normal_time,
                    step.home_in_normal_time,
                    step.away_in_extra_time,
                    step.home_in_extra_time,
                    step.away_on_penalties,
                    step.home_on_penalties,
                ]
            )
    rest = 1.0 - grid.p[:size, :size].sum()
    b = [float(v) for v in breakdown]
    return "first_leg", Progression(
        home=float(p_first_home + rest / 2),
        away=float(1 - p_first_home - rest / 2),
        home_in_normal_time=b[0],
        away_in_normal_time=b[1],
        home_in_extra_time=b[2],
        away_in_extra_time=b[3],
        home_on_penalties=b[4],
        away_on_penalties=b[5],
        extra_time=b[2] + b[3] + b[4] + b[5],
        settled_after=rules.level_after_extra_time,
    )
