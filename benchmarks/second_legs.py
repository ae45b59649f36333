"""Second-leg hosts: how the stated chance of going through compares with how often they
did, by era, and the second-leg host factor (model/progression.py SECOND_LEG_HOST) that
removes the gap, chosen on seasons apart from those it is measured on.

The split was fixed before looking at any figure: the factor is chosen on the second legs
of 1994-95..2007-08 (TUNE) and measured on 2008-09..2024-25 (the rest of the away-goals
era, to 2020-21, and every season after it). That the factor applies only where the rule
counts was decided after seeing the seasons without it (64 ties, hosts through exactly as
often as stated without the factor, too few to choose a factor of their own on).

    python benchmarks/second_legs.py --db STORE     (about five minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np

from matchfacts.model.backtest import RatingsByPeriod, _tie_base_rate, _tie_history
from matchfacts.model.blend import blended
from matchfacts.model.data import home_league
from matchfacts.model.elo import EloByDay
from matchfacts.model.grid import score_grid
from matchfacts.model.progression import progression, second_leg_rates
from matchfacts.model.venue import neutral_sql
from matchfacts.rules.loader import builtin_catalogue
from matchfacts.rules.outcome import Score
from matchfacts.store.db import open_store

TUNE = ("1994-95", "2007-08")
FACTORS = (1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3)


def _inputs(con, first: str, last: str) -> list[dict]:  # noqa: ANN001
    """Each second leg's ratings-based rates, Elo expectation and rules (once)."""
    rows = con.execute(
        f"""SELECT t.season, t.round, s.date, s.home_id, s.away_id, f.home_goals,
                   f.away_goals, t.winner_id, {neutral_sql("s")},
                   coalesce(s.behind_closed_doors, false)
            FROM tie t JOIN match f ON f.id = t.first_leg_id
            JOIN match s ON s.id = t.second_leg_id
            WHERE t.competition_id = 'UCL' AND t.season BETWEEN ? AND ?
              AND t.winner_id IS NOT NULL AND f.home_goals IS NOT NULL
              AND s.stage <> 'qualifying'
            ORDER BY s.date, s.id""",
        [first, last],
    ).fetchall()
    refits = RatingsByPeriod(con, 14)
    elo = EloByDay(con, until=rows[-1][2] + dt.timedelta(days=1))
    history = _tie_history(con, "UCL")
    catalogue, out = builtin_catalogue(), []
    for season, rnd, date, h, a, fh, fa, winner, neutral, closed in rows:
        ratings = refits.on(date)
        rules = catalogue.select("UCL", season, rnd)
        if rules.single_match or not (ratings.knows(h) and ratings.knows(a)):
            continue
        out.append(
            {
                "season": season, "rules": rules, "first": Score(fh, fa), "rho": ratings.rho,
                "rates": ratings.rates(h, a, neutral, closed, home_league("UCL")),
                "elo": elo.on(date).expected(h, a, neutral, closed),
                "base": _tie_base_rate(history, fa - fh, date), "y": int(winner == h),
            }
        )  # fmt: skip
    return out


def _host(tie: dict, factor: float | None) -> float:
    """The hosts' chance with the factor in every era (None: as the model has it)."""
    if factor is None:
        lh, la = second_leg_rates(*tie["rates"], tie["rules"])
    else:
        lh, la = tie["rates"][0] * factor, tie["rates"][1] / factor
    grid = blended(score_grid(lh, la, tie["rho"]), tie["elo"])
    return progression(tie["first"], tie["rules"], lh, la, tie["rho"], grid).home


def _line(label: str, ties: list[dict], factor: float | None) -> str:
    p = np.array([_host(t, factor) for t in ties])
    y = np.array([t["y"] for t in ties], dtype=float)
    base = np.array([t["base"] for t in ties])
    se = (y - p).std(ddof=1) / np.sqrt(len(y))
    return (
        f"{label:<34} n {len(y):>4}  stated {p.mean():.3f}  observed {y.mean():.3f}"
        f"  gap {y.mean() - p.mean():+.3f} ± {se:.3f}  Brier {((p - y) ** 2).mean():.4f}"
        f" (base rate {((base - y) ** 2).mean():.4f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    con = open_store(Path(args.db))
    ties = _inputs(con, "1994-95", "2024-25")
    tune = [t for t in ties if TUNE[0] <= t["season"] <= TUNE[1]]
    test = [t for t in ties if t["season"] > TUNE[1]]
    print(f"choosing on {TUNE[0]}..{TUNE[1]}:")
    for factor in FACTORS:
        print(f"  factor {factor:.2f}  " + _line("second legs", tune, factor))
    for factor in (*FACTORS, None):
        print(f"measured at factor {factor:.2f}:" if factor else "measured, as the model is:")
        for era, away_goals in (("away-goals era from 2008-09", True), ("after it", False)):
            group = [t for t in test if t["rules"].away_goals == away_goals]
            print("  " + _line(era, group, factor))
        if factor is None:
            for era, away_goals in (("away-goals era, all", True), ("after it", False)):
                group = [t for t in ties if t["rules"].away_goals == away_goals]
                print("  " + _line(era, group, 1.0) + "  (before: factor 1)")
                print("  " + _line(era, group, None) + "  (after)")


if __name__ == "__main__":
    main()
