"""Backtests: our forecasts against what happened, beside FiveThirtyEight, the bookmaker and
a base rate, always on exactly the same matches.

Our forecast of a match comes from ratings refitted every `refit_days` from matches before
the refit day, a day on or before the match, blended with the Elo ratings of the match day
(model/blend.py): nothing from the match day on is seen. Matches are refitted every day by
default, so each forecast is the one `matchfacts forecast` gives on the match day; long
runs of ties refit less often to save time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb
import numpy as np

from matchfacts.errors import NotFoundError
from matchfacts.model.blend import blended
from matchfacts.model.data import home_league, load_matches
from matchfacts.model.dixon_coles import Ratings, fit
from matchfacts.model.elo import EloByDay
from matchfacts.model.grid import score_grid
from matchfacts.model.progression import progression
from matchfacts.model.scoring import brier, calibration, log_loss, ranked_probability_score
from matchfacts.rules.loader import builtin_catalogue
from matchfacts.rules.outcome import Score

BASE_RATE_YEARS = 5
# which rounds a backtest takes: a condition on the stage of the (second-leg) match
ROUNDS = {"proper": "<> 'qualifying'", "qualifying": "= 'qualifying'", "all": "IS NOT NULL"}


def season_days(first_year: int, last_year: int) -> tuple[dt.date, dt.date]:
    """The days that hold the seasons starting in `first_year` .. `last_year`: from 1
    January of the first (summer qualifiers) to 31 December after the last (seasons that
    ran late, as 2019-20 did); `seasons` in match_backtest then picks the matches."""
    return dt.date(first_year, 1, 1), dt.date(last_year + 1, 12, 31)


def _stage_filter(rounds: str, match: str) -> str:
    if rounds not in ROUNDS:
        raise ValueError(f"rounds {rounds!r} is not one of {', '.join(ROUNDS)}")
    return f"{match}.stage {ROUNDS[rounds]}"


@dataclass(slots=True)
class RatingsByPeriod:
    """Ratings refitted on a fixed calendar, every `refit_days`: those of the refit day on
    or before each date (each from the last refit's, which makes a refit quick)."""

    con: duckdb.DuckDBPyConnection
    refit_days: int = 1
    fitted: dict[dt.date, Ratings] = field(default_factory=dict)
    _last: Ratings | None = None

    def on(self, date: dt.date) -> Ratings:
        epoch = dt.date(2000, 1, 3)  # a Monday
        day = date - dt.timedelta(days=(date - epoch).days % self.refit_days)
        if day not in self.fitted:
            self._last = fit(load_matches(self.con, day), start=self._last)
            self.fitted[day] = self._last
        return self.fitted[day]


@dataclass(frozen=True, slots=True)
class MatchSet:
    name: str
    n: int
    metrics: dict[str, dict[str, float]]  # model -> metric -> mean
    calibration: list[dict]
    # model -> (its RPS less ours, the standard error of that mean over these matches): how
    # far ahead matchfacts is on exactly the same matches, and whether that is more than luck
    lead: dict[str, tuple[float, float]] = field(default_factory=dict)


def _outcomes(home: np.ndarray, away: np.ndarray) -> np.ndarray:
    return np.where(home > away, 0, np.where(home == away, 1, 2))


def match_backtest(
    con: duckdb.DuckDBPyConnection,
    competitions: list[str],
    start: dt.date,
    end: dt.date,
    refit_days: int = 1,
    progress=None,  # noqa: ANN001
    rounds: str = "proper",
    seasons: tuple[str, str] | None = None,
) -> list[MatchSet]:
    """90-minute results of the matches in `competitions` from `start` to `end`.

    `rounds`: "proper" leaves a cup's qualifying rounds out, as every figure of matchfacts
    does for a named competition; "qualifying" takes only them; "all" both. `seasons`
    (first, last), when given, keeps only the matches of those seasons: the 2019-20 leagues
    and Champions League ended in July and August 2020, after the 2020-21 window opened.
    """
    stages = _stage_filter(rounds, "m")
    first_season, last_season = seasons or ("", "~")  # "~" sorts after every label
    rows = con.execute(
        f"""SELECT m.id, m.date, m.competition_id, m.home_id, m.away_id, m.home_goals,
                   m.away_goals, coalesce(m.neutral, false), coalesce(m.behind_closed_doors, false)
            FROM match m WHERE m.competition_id IN ({",".join("?" * len(competitions))})
              AND m.date BETWEEN ? AND ? AND m.home_goals IS NOT NULL AND m.status = 'played'
              AND {stages} AND m.season BETWEEN ? AND ?
            ORDER BY m.date, m.id""",
        [*competitions, start, end, first_season, last_season],
    ).fetchall()
    if not rows:
        raise NotFoundError(
            f"no played match of {', '.join(competitions)} from {first_season} to "
            f"{last_season} in the store: nothing to backtest"
        )
    refits = RatingsByPeriod(con, refit_days)
    elo = EloByDay(con, until=end + dt.timedelta(days=1))
    ours, base, ids = [], [], []
    base_rates: dict[tuple[str, int], tuple[float, float, float]] = {}
    for i, (mid, date, comp, h, a, *_rest, neutral, closed) in enumerate(rows):
        if progress and i % 200 == 0:
            progress(f"forecasting {i:,}/{len(rows):,} ({date})")
        ratings = refits.on(date)
        if not (ratings.knows(h) and ratings.knows(a)):
            continue
        grid = blended(
            score_grid(*ratings.rates(h, a, neutral, closed, home_league(comp)), ratings.rho),
            elo.on(date).expected(h, a, neutral, closed),
        )
        ours.append((grid.home_win, grid.draw, grid.away_win))
        base.append(_base_rate(con, comp, date, base_rates))
        ids.append((mid, rows[i][5], rows[i][6]))
    p_ours, p_base = np.array(ours), np.array(base)
    outcome = _outcomes(np.array([r[1] for r in ids]), np.array([r[2] for r in ids]))
    refs = _references(con, [r[0] for r in ids])
    sets = [_set("all matches", {"matchfacts": p_ours, "base rate": p_base}, outcome)]
    for provider, by_match in refs.items():
        keep = np.array([m in by_match for m, _, _ in ids])
        if keep.sum() == 0:
            continue
        theirs = np.array([by_match[m] for m, _, _ in ids if m in by_match])
        sets.append(
            _set(
                f"matches with {provider}",
                {"matchfacts": p_ours[keep], provider: theirs, "base rate": p_base[keep]},
                outcome[keep],
            )
        )
    return sets


def _set(name: str, forecasts: dict[str, np.ndarray], outcome: np.ndarray) -> MatchSet:
    rps = {model: ranked_probability_score(p, outcome) for model, p in forecasts.items()}
    metrics = {
        model: {
            "rps": float(rps[model].mean()),
            "log_loss": float(log_loss(p, outcome).mean()),
            "brier": float(brier(p, outcome).mean()),
        }
        for model, p in forecasts.items()
    }
    lead = {}
    for model, theirs in rps.items():
        if model != "matchfacts" and len(outcome) > 1:
            gap = theirs - rps["matchfacts"]
            lead[model] = (float(gap.mean()), float(gap.std(ddof=1) / np.sqrt(len(gap))))
    return MatchSet(
        name, len(outcome), metrics, calibration(forecasts["matchfacts"], outcome), lead
    )


def _base_rate(  # noqa: ANN202
    con: duckdb.DuckDBPyConnection, competition: str, date: dt.date, cache: dict
):
    """Home, draw, away shares in the competition over the years before the season.

    `cache` belongs to one backtest run, so rates never outlive the store they came from.
    """
    key = (competition, date.year if date.month >= 7 else date.year - 1)
    if key not in cache:
        season_start = dt.date(key[1], 7, 1)
        row = con.execute(
            """SELECT count(*) FILTER (WHERE home_goals > away_goals),
                      count(*) FILTER (WHERE home_goals = away_goals),
                      count(*) FILTER (WHERE home_goals < away_goals)
               FROM matches_before(?::DATE) WHERE competition_id = ? AND date >= ?
                 AND home_goals IS NOT NULL""",
            [season_start, competition, season_start - dt.timedelta(days=365 * BASE_RATE_YEARS)],
        ).fetchone()
        counts = np.array(row, dtype=float) + 1  # Laplace: a new competition starts even
        cache[key] = tuple(counts / counts.sum())
    return cache[key]


def _references(con: duckdb.DuckDBPyConnection, match_ids: list[int]) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(dict)
    if not match_ids:
        return out
    rows = con.execute(
        "SELECT match_id, provider, p_home, p_draw, p_away FROM reference_forecast"
        " WHERE match_id IN (SELECT unnest(?::INTEGER[]))"
        # One forecast a match and provider: snapshots sort by date, the latest wins.
        " ORDER BY match_id, provider, file, line",
        [match_ids],
    ).fetchall()
    for mid, provider, *p in rows:
        out[provider][mid] = p
    return out


@dataclass(frozen=True, slots=True)
class TieSet:
    n: int
    metrics: dict[str, dict[str, float]]
    calibration: list[dict]  # ours: stated chance of going through against how often


def tie_backtest(
    con: duckdb.DuckDBPyConnection,
    competition: str,
    first_season: str,
    last_season: str,
    refit_days: int = 7,
    progress=None,  # noqa: ANN001
    rounds: str = "proper",
) -> TieSet:
    """Second legs: P(the second leg's home side goes through) against the base rate of
    earlier ties with the same first-leg margin. `rounds` as in match_backtest."""
    stages = _stage_filter(rounds, "s")
    rows = con.execute(
        f"""SELECT t.id, t.season, t.round, s.date, s.home_id, s.away_id,
                  f.home_goals, f.away_goals, t.winner_id, coalesce(s.neutral, false),
                  coalesce(s.behind_closed_doors, false)
           FROM tie t JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
           WHERE t.competition_id = ? AND t.season BETWEEN ? AND ?
             AND t.winner_id IS NOT NULL AND f.home_goals IS NOT NULL
             AND {stages}
           ORDER BY s.date, s.id""",
        [competition, first_season, last_season],
    ).fetchall()
    history = _tie_history(con, competition)
    refits = RatingsByPeriod(con, refit_days)
    elo = EloByDay(con, until=rows[-1][3] + dt.timedelta(days=1)) if rows else None
    league = home_league(competition)
    ours, base, outcome = [], [], []
    catalogue = builtin_catalogue()
    for i, (_, season, rnd, date, h, a, fh, fa, winner, neutral, closed) in enumerate(rows):
        if progress and i % 50 == 0:
            progress(f"tie {i:,}/{len(rows):,} ({date})")
        ratings = refits.on(date)
        rules = catalogue.select(competition, season, rnd)
        if rules.single_match or not (ratings.knows(h) and ratings.knows(a)):
            continue
        lh, la = ratings.rates(h, a, neutral, closed, league)
        expected = elo.on(date).expected(h, a, neutral, closed)
        grid = blended(score_grid(lh, la, ratings.rho), expected)
        ours.append(progression(Score(fh, fa), rules, lh, la, ratings.rho, grid).home)
        base.append(_tie_base_rate(history, fa - fh, date))
        outcome.append(int(winner == h))
    y = np.array(outcome, dtype=int)
    metrics, both_sides = {}, {}
    for model, p in (("matchfacts", np.array(ours)), ("base rate", np.array(base))):
        # each side's chance: the hosts' and the visitors'; outcome 0 = the hosts went through
        both_sides[model] = np.column_stack([p, 1 - p])
        metrics[model] = {
            "brier": float(brier(both_sides[model], 1 - y).mean() / 2),
            "log_loss": float(log_loss(both_sides[model], 1 - y).mean()),
        }
    return TieSet(len(y), metrics, calibration(both_sides["matchfacts"], 1 - y))


def _tie_history(con: duckdb.DuckDBPyConnection, competition: str) -> list[tuple]:
    """(second-leg date, margin the second-leg hosts carry in, did they go through)."""
    return con.execute(
        """SELECT s.date, f.away_goals - f.home_goals, t.winner_id = s.home_id
           FROM tie t JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
           WHERE t.competition_id = ? AND t.winner_id IS NOT NULL AND f.home_goals IS NOT NULL
           ORDER BY s.date, s.id""",
        [competition],
    ).fetchall()


def _tie_base_rate(history: list[tuple], margin: int, before: dt.date) -> float:
    """Share of earlier ties whose second-leg hosts, carrying the same margin (capped at 3),
    went through; Laplace-smoothed."""
    capped = max(-3, min(3, margin))
    wins = total = 0
    for date, m, through in history:
        if date >= before:
            break
        if max(-3, min(3, m)) == capped:
            total += 1
            wins += bool(through)
    return (wins + 1) / (total + 2)
