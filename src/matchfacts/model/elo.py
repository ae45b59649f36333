"""Elo-style ratings over every match in the store, on one scale across leagues.

The World Football Elo formula, for clubs: after each match both sides move by
K * G * (W - We), where We = 1 / (1 + 10 ** (-(dr) / 400)), dr the rating difference plus
home advantage (none at a neutral venue, less behind closed doors), W 1 / 0.5 / 0 for a
win / draw / loss after 90 minutes, and G grows with the goal margin. European matches
move ratings between leagues: that is what puts the leagues on one scale. A club's first
match starts it at its league's mean rating (or the overall mean).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np

from matchfacts.model.venue import neutral_sql

K_LEAGUE = 20.0
# One K for a European match as for a league match, as ClubElo has. Measured as the blend's
# RPS (model/blend.py), top five leagues 2020-23 on 538's 3,580 / Champions League 2016-23
# on 538's 830, K for European matches: 10 .20183 / .18388, 20 .20191 / .18350, 30 .20199
# / .18331; the sum over both sets is lowest at 20. (Before the clubs' European and league
# ids were joined in aliases.csv, 10 had been best: a club's European matches were then
# its only ones. A home advantage learnt per competition, as ClubElo has, gained nothing
# on the leagues and lost .0001 on the Champions League.)
K_EUROPE = 20.0
HOME = 65.0
HOME_CLOSED = 35.0
START = 1500.0


@dataclass(frozen=True, slots=True)
class EloRatings:
    as_of: dt.date
    rating: dict[int, float]
    matches: int

    def expected(
        self, home_id: int, away_id: int, neutral: bool = False, closed: bool = False
    ) -> float:
        """The home side's expected score (win 1, draw 0.5)."""
        advantage = 0.0 if neutral else (HOME_CLOSED if closed else HOME)
        dr = self.rating.get(home_id, START) - self.rating.get(away_id, START) + advantage
        return 1.0 / (1.0 + 10 ** (-dr / 400))


def _margin_factor(margin: int) -> float:
    if margin <= 1:
        return 1.0
    if margin == 2:
        return 1.5
    return (11 + margin) / 8


def elo_as_of(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> EloRatings:
    """Ratings after every played match before `as_of`, in date order."""
    return EloByDay(con, until=as_of).on(as_of)


class EloByDay:
    """Elo ratings carried forward through the store's matches, read as of one day after
    another in order: a backtest's many days without replaying all history for each."""

    def __init__(self, con: duckdb.DuckDBPyConnection, until: dt.date) -> None:
        self._rows = con.execute(
            f"""SELECT date, home_id, away_id, home_goals, away_goals, {neutral_sql("m")},
                      coalesce(behind_closed_doors, false), competition_id
               FROM matches_before(?::DATE) m
               WHERE status = 'played' AND home_goals IS NOT NULL
               ORDER BY date, id""",
            [until],
        ).fetchall()
        self._next = 0
        self._day: dt.date | None = None
        self._ratings: EloRatings | None = None  # as of self._day, for the day's other matches
        self.rating: dict[int, float] = {}
        self._league_sum: dict[str, list[float]] = {}

    def on(self, day: dt.date) -> EloRatings:
        """The ratings after every match before `day` (days must not go back)."""
        if self._day is not None and day < self._day:
            raise ValueError(f"{day} is before {self._day}: Elo only moves forward")
        if day == self._day and self._ratings is not None:
            return self._ratings
        self._day = day
        while self._next < len(self._rows) and self._rows[self._next][0] < day:
            self._play(*self._rows[self._next][1:])
            self._next += 1
        self._ratings = EloRatings(day, dict(self.rating), self._next)
        return self._ratings

    def _play(self, home, away, hg, ag, neutral, closed, comp) -> None:  # noqa: ANN001, PLR0913
        rating = self.rating
        for team in (home, away):
            if team not in rating:
                pool = self._league_sum.get(comp)
                rating[team] = pool[0] / pool[1] if pool and pool[1] else START
        advantage = 0.0 if neutral else (HOME_CLOSED if closed else HOME)
        dr = rating[home] - rating[away] + advantage
        expected = 1.0 / (1.0 + 10 ** (-dr / 400))
        result = 1.0 if hg > ag else (0.5 if hg == ag else 0.0)
        k = K_LEAGUE if comp[-1].isdigit() else K_EUROPE
        change = k * _margin_factor(abs(hg - ag)) * (result - expected)
        rating[home] += change
        rating[away] -= change
        if comp[-1].isdigit():  # a league: keep its running mean for newcomers
            pool = self._league_sum.setdefault(comp, [0.0, 0])
            pool[0] += rating[home] + rating[away]
            pool[1] += 2


def top(ratings: EloRatings, n: int = 10) -> list[tuple[int, float]]:
    order = np.argsort([-r for r in ratings.rating.values()])[:n]
    items = list(ratings.rating.items())
    return [items[i] for i in order]
