"""Backtests: our forecasts against what happened, beside FiveThirtyEight, the bookmaker and
a base rate, always on exactly the same matches.

Our forecast of a match comes from ratings refitted every `refit_days` from matches before
the refit day, a day on or before the match, blended with the Elo ratings of the match day
(model/blend.py): nothing from the match day on is seen. Matches are refitted every day by
default, so each forecast is the one `matchfacts forecast` gives on the match day; long
runs of ties refit less often to save time. The references are picked by the rules of
model/references.py; every match of a backtest is kept as a row (per_match_rows), with
the sets it is scored in and the reason it is left out of the others.
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
from matchfacts.model.progression import progression, second_leg_rates
from matchfacts.model.references import PROVIDERS, load_references
from matchfacts.model.scoring import brier, calibration, log_loss, ranked_probability_score
from matchfacts.model.venue import neutral_sql
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
    # reason -> the matches of the backtest left out of this set for it ("date home v away")
    left_out: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MatchBacktest:
    """The sets (the first: every match the model rated; then each reference's; then the
    matches every reference forecast, when there are two) and every match of the backtest,
    one row each (per_match_rows)."""

    sets: list[MatchSet]
    matches: list[dict]


def _outcomes(home: np.ndarray, away: np.ndarray) -> np.ndarray:
    return np.where(home > away, 0, np.where(home == away, 1, 2))


RESULTS = "HDA"
ROW_FIELDS = ("match_id", "date", "season", "competition", "home", "away", "neutral",
              "home_goals", "away_goals", "result")  # fmt: skip
EVERY_REFERENCE = "matches with every reference"


def match_backtest(
    con: duckdb.DuckDBPyConnection,
    competitions: list[str],
    start: dt.date,
    end: dt.date,
    refit_days: int = 1,
    progress=None,  # noqa: ANN001
    rounds: str = "proper",
    seasons: tuple[str, str] | None = None,
) -> MatchBacktest:
    """90-minute results of the matches in `competitions` from `start` to `end`.

    `rounds`: "proper" leaves a cup's qualifying rounds out, as every figure of matchfacts
    does for a named competition; "qualifying" takes only them; "all" both. `seasons`
    (first, last), when given, keeps only the matches of those seasons: the 2019-20 leagues
    and Champions League ended in July and August 2020, after the 2020-21 window opened.
    References follow model/references.py's rules; a match left out of a set is named with
    its reason in the set's `left_out`.
    """
    stages = _stage_filter(rounds, "m")
    first_season, last_season = seasons or ("", "~")  # "~" sorts after every label
    rows = con.execute(
        f"""SELECT m.id, m.date, m.competition_id, m.home_id, m.away_id, m.home_goals,
                   m.away_goals, m.season, h.name, a.name, {neutral_sql("m")},
                   coalesce(m.behind_closed_doors, false), m.round, t.second_leg_id = m.id
            FROM match m JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
            LEFT JOIN tie t ON t.id = m.tie_id
            WHERE m.competition_id IN ({",".join("?" * len(competitions))})
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
    refs = load_references(con, [r[0] for r in rows])
    base_rates: dict[tuple[str, int], tuple[float, float, float]] = {}
    matches = []
    catalogue = builtin_catalogue()
    for i, row_ in enumerate(rows):
        mid, date, comp, h, a, hg, ag, season, hn, an, neutral, closed, rnd, second = row_
        if progress and i % 200 == 0:
            progress(f"forecasting {i:,}/{len(rows):,} ({date})")
        row = {
            "match_id": mid, "date": date.isoformat(), "season": season, "competition": comp,
            "home": hn, "away": an, "neutral": bool(neutral), "home_goals": hg,
            "away_goals": ag, "result": RESULTS[int(_outcomes(hg, ag))],
        }  # fmt: skip
        ratings = refits.on(date)
        unknown = [name for t, name in ((h, hn), (a, an)) if not ratings.knows(t)]
        if unknown:
            # a club with no match in the store's window before the day (promoted from a
            # division the open data lacks): no rating, so no forecast of ours
            row["left_out"] = f"no rating for {' or '.join(unknown)}: no earlier match"
            matches.append(row)
            continue
        rates = ratings.rates(h, a, neutral, closed, home_league(comp))
        if second:  # as `forecast` gives it: the second-leg host effect of its era
            rates = second_leg_rates(*rates, catalogue.select(comp, season, rnd))
        grid = blended(
            score_grid(*rates, ratings.rho), elo.on(date).expected(h, a, neutral, closed)
        )
        row["matchfacts"] = (grid.home_win, grid.draw, grid.away_win)
        row["base rate"] = _base_rate(con, comp, date, base_rates)
        for provider in PROVIDERS:
            ref = refs.used[provider].get(mid)
            if ref is not None:
                row[provider] = ref.p
            else:
                row[f"{provider} left out"] = refs.reason(provider, mid)
                ref = refs.broken.get(mid) if provider == "bet365" else None
            if ref is not None:  # where the forecast is, or the broken line left out
                row[f"{provider} source"] = f"{ref.source}/{ref.file}:{ref.line}"
        matches.append(row)
    return MatchBacktest(_sets(matches), matches)


def _label(row: dict) -> str:
    return f"{row['date']} {row['home']} v {row['away']}"


def _sets(matches: list[dict]) -> list[MatchSet]:
    unrated = defaultdict(list)
    for row in matches:
        if "left_out" in row:
            unrated[row["left_out"]].append(_label(row))
    rated = [row for row in matches if "matchfacts" in row]
    if not rated:
        raise NotFoundError("no match of the backtest has both sides rated: nothing to score")
    sets = [_set("all matches", rated, ("matchfacts", "base rate"), dict(unrated))]
    present = [p for p in PROVIDERS if any(p in row for row in rated)]
    groups = [(f"matches with {p}", (p,)) for p in present]
    if len(present) > 1:
        groups.append((EVERY_REFERENCE, tuple(present)))
    for name, providers in groups:
        left_out = defaultdict(list, {k: list(v) for k, v in unrated.items()})
        keep = []
        for row in rated:
            reasons = [row[f"{p} left out"] for p in providers if p not in row]
            if reasons:
                left_out["; ".join(reasons)].append(_label(row))
            else:
                keep.append(row)
                row.setdefault("sets", []).append(name)
        if keep:
            sets.append(_set(name, keep, ("matchfacts", *providers, "base rate"), left_out))
    for row in rated:
        row.setdefault("sets", []).insert(0, "all matches")
    return sets


def _set(name: str, rows: list[dict], models: tuple[str, ...], left_out: dict) -> MatchSet:
    outcome = np.array([RESULTS.index(r["result"]) for r in rows])
    forecasts = {model: np.array([r[model] for r in rows], dtype=float) for model in models}
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
        name,
        len(outcome),
        metrics,
        calibration(forecasts["matchfacts"], outcome),
        lead,
        {reason: names for reason, names in left_out.items() if names},
    )


def per_match_rows(matches: list[dict]) -> list[dict]:
    """Every match of a backtest as a flat row (CSV, JSON): its result, each forecast's
    three probabilities (empty where there is none), the sets it is scored in and, where
    it is left out of one, why."""
    out = []
    for row in matches:
        flat = {k: row.get(k) for k in ROW_FIELDS}
        for model in ("matchfacts", "base rate", *PROVIDERS):
            p = row.get(model) or (None, None, None)
            for outcome, value in zip(("home", "draw", "away"), p, strict=True):
                flat[f"{model.replace(' ', '_')}_{outcome}"] = value
        for provider in PROVIDERS:
            flat[f"{provider}_source"] = row.get(f"{provider} source")
        flat["sets"] = "|".join(row.get("sets", []))
        reasons = [row.get("left_out")] + [row.get(f"{p} left out") for p in PROVIDERS]
        flat["left_out"] = "; ".join(r for r in reasons if r)
        out.append(flat)
    return out


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


@dataclass(frozen=True, slots=True)
class TieSet:
    n: int
    metrics: dict[str, dict[str, float]]
    calibration: list[dict]  # ours: stated chance of going through against how often
    # the second-leg hosts alone, by era: stated chance against how often they went through
    hosts: list[dict] = field(default_factory=list)
    ties: list[dict] = field(default_factory=list)  # one row a tie, as forecast


AWAY_GOALS_ERA, AFTER_AWAY_GOALS = "away-goals rule", "no away-goals rule"


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
                  f.home_goals, f.away_goals, t.winner_id, {neutral_sql("s")},
                  coalesce(s.behind_closed_doors, false), h.name, a.name
           FROM tie t JOIN match f ON f.id = t.first_leg_id JOIN match s ON s.id = t.second_leg_id
           JOIN team h ON h.id = s.home_id JOIN team a ON a.id = s.away_id
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
    ties = []
    catalogue = builtin_catalogue()
    for i, (tid, season, rnd, date, h, a, fh, fa, winner, neutral, closed, hn, an) in enumerate(
        rows
    ):
        if progress and i % 50 == 0:
            progress(f"tie {i:,}/{len(rows):,} ({date})")
        ratings = refits.on(date)
        rules = catalogue.select(competition, season, rnd)
        if rules.single_match or not (ratings.knows(h) and ratings.knows(a)):
            continue
        lh, la = second_leg_rates(*ratings.rates(h, a, neutral, closed, league), rules)
        expected = elo.on(date).expected(h, a, neutral, closed)
        grid = blended(score_grid(lh, la, ratings.rho), expected)
        ours = progression(Score(fh, fa), rules, lh, la, ratings.rho, grid)
        ties.append(
            {
                "tie_id": tid, "season": season, "round": rnd, "date": date.isoformat(),
                "host": hn, "visitor": an, "first_leg": f"{fa}-{fh}", "neutral": bool(neutral),
                "era": AWAY_GOALS_ERA if rules.away_goals else AFTER_AWAY_GOALS,
                "matchfacts": ours.home, "base rate": _tie_base_rate(history, fa - fh, date),
                "host_through": int(winner == h),
            }
        )  # fmt: skip
    y = np.array([t["host_through"] for t in ties], dtype=int)
    metrics, both_sides = {}, {}
    for model in ("matchfacts", "base rate"):
        p = np.array([t[model] for t in ties])
        # each side's chance: the hosts' and the visitors'; outcome 0 = the hosts went through
        both_sides[model] = np.column_stack([p, 1 - p])
        metrics[model] = {
            "brier": float(brier(both_sides[model], 1 - y).mean() / 2),
            "log_loss": float(log_loss(both_sides[model], 1 - y).mean()),
        }
    return TieSet(
        len(y), metrics, calibration(both_sides["matchfacts"], 1 - y), host_calibration(ties), ties
    )


def host_calibration(ties: list[dict]) -> list[dict]:
    """The second-leg hosts' mean stated chance of going through against how often they
    did, by era (the bias a table over both sides of each tie cancels out), with the
    standard error of the mean difference and each era's Brier beside the base rate's."""
    out = []
    for era in (AWAY_GOALS_ERA, AFTER_AWAY_GOALS):
        group = [t for t in ties if t["era"] == era]
        if not group:
            continue
        p = np.array([t["matchfacts"] for t in group])
        base = np.array([t["base rate"] for t in group])
        y = np.array([t["host_through"] for t in group], dtype=float)
        gap = y - p
        out.append(
            {
                "era": era,
                "n": len(group),
                "stated": float(p.mean()),
                "observed": float(y.mean()),
                "gap_standard_error": float(gap.std(ddof=1) / np.sqrt(len(gap)))
                if len(gap) > 1
                else float("nan"),
                "brier": float(((p - y) ** 2).mean()),
                "base_rate_brier": float(((base - y) ** 2).mean()),
            }
        )
    return out


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
