"""Model timings on the real store: the joint Dixon-Coles fit and one tie's progression.

    MATCHFACTS_DATA_MIRROR=../shared/data python benchmarks/fit.py [--db PATH]

Targets (issue 4): one tie's progression under 1 ms. The side-by-side comparison with
penaltyblog on one league runs when penaltyblog is installed (pip install penaltyblog);
it is not a dependency of matchfacts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import timeit
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from matchfacts.model.data import MatchData, load_matches
from matchfacts.model.dixon_coles import Ratings, fit, weighted_log_likelihood
from matchfacts.model.progression import progression
from matchfacts.rules.loader import rules_for
from matchfacts.rules.outcome import Score
from matchfacts.store.db import open_store

DAY = dt.date(2021, 4, 14)


def _store(path: str | None) -> Path:
    if path:
        return Path(path)
    from matchfacts.rules.fill import fill_tie_results
    from matchfacts.store.ingest import ingest

    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    ingest(db, None, finalize=fill_tie_results)
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    con = open_store(_store(args.db))
    data = load_matches(con, DAY)
    started = time.perf_counter()
    ratings = fit(data)
    fit_seconds = time.perf_counter() - started
    rules = rules_for("UCL", "2020-21", "QF")
    per_call = (
        min(
            timeit.repeat(
                lambda: progression(Score(3, 1), rules, 1.6, 1.1, -0.04), number=200, repeat=5
            )
        )
        / 200
    )
    table = Table(title="Model timings (one run, this machine)")
    for column in ("what", "value", "target"):
        table.add_column(column)
    table.add_row("matches in the joint fit (6 years before 2021-04-14)", f"{len(data):,}", "")
    table.add_row("teams rated on one scale", f"{len(ratings.teams):,}", "")
    table.add_row(
        "joint Dixon-Coles fit, all leagues and European matches", f"{fit_seconds:.2f} s", ""
    )
    table.add_row("one tie's progression (exact)", f"{per_call * 1000:.3f} ms", "< 1 ms")
    try:
        import penaltyblog  # noqa: F401
    except ImportError:
        table.add_row("penaltyblog comparison", "not installed: pip install penaltyblog", "5x")
    else:
        for row in compare_with_penaltyblog(con):
            table.add_row(*row)
    Console().print(table)


def premier_league(con, start: dt.date, end: dt.date) -> MatchData:  # noqa: ANN001
    rows = con.execute(
        """SELECT home_id, away_id, home_goals, away_goals, datediff('day', date, ?::DATE)
           FROM match WHERE competition_id = 'ENG1' AND date >= ? AND date < ?
             AND home_goals IS NOT NULL""",
        [end, start, end],
    ).fetchnumpy()
    values = list(rows.values())
    n = len(values[0])
    return MatchData(
        as_of=end,
        home=values[0].astype(np.int64),
        away=values[1].astype(np.int64),
        home_goals=values[2].astype(float),
        away_goals=values[3].astype(float),
        days_before=values[4].astype(float),
        neutral=np.zeros(n, bool),
        closed=np.zeros(n, bool),
    )


def compare_with_penaltyblog(con) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """The same model on the same league data, fitted by both; one yardstick for both."""
    import penaltyblog as pb

    data = premier_league(con, dt.date(2018, 8, 1), dt.date(2021, 6, 1))
    weights = np.exp(-np.log(2) / 365.0 * data.days_before)

    def ours() -> Ratings:
        return fit(data, ridge=0.0, weights=weights)

    def theirs(options: dict | None = None):  # noqa: ANN202
        model = pb.models.DixonColesGoalModel(
            data.home_goals.astype(int),
            data.away_goals.astype(int),
            data.home.astype(str),
            data.away.astype(str),
            weights,
        )
        model.fit(minimizer_options=options)
        return model

    tight = {"ftol": 1e-11, "maxiter": 20000}
    our_seconds = min(timeit.repeat(ours, number=1, repeat=5))
    their_seconds = min(timeit.repeat(theirs, number=1, repeat=5))
    tight_seconds = min(timeit.repeat(lambda: theirs(tight), number=1, repeat=3))
    mine = ours()
    our_ll = weighted_log_likelihood(mine, data, weights)
    model, tight_model = theirs(), theirs(tight)
    # One yardstick: penaltyblog's own objective, at its optimum and at ours.
    their_ll, tight_ll = (
        -model._loss_function(model._params),
        -tight_model._loss_function(tight_model._params),
    )
    their_at_ours = -model._loss_function(_as_penaltyblog(mine, model))
    return [
        ("Premier League 2018-19..2020-21, weighted (matches)", f"{len(data):,}", ""),
        (
            "log-likelihood at the same parameters: matchfacts / penaltyblog's own",
            f"{our_ll:.9f} / {their_at_ours:.9f}",
            "equal to 1e-6",
        ),
        (
            "maximum reached: matchfacts / penaltyblog / penaltyblog at ftol 1e-11",
            f"{our_ll:.6f} / {their_ll:.6f} / {tight_ll:.6f}",
            "",
        ),
        (
            "fit time: matchfacts / penaltyblog / penaltyblog at ftol 1e-11",
            f"{our_seconds * 1000:.1f} ms / {their_seconds * 1000:.0f} ms "
            f"({their_seconds / our_seconds:.0f}x) / {tight_seconds * 1000:.0f} ms",
            ">= 5x",
        ),
    ]


def _as_penaltyblog(ratings: Ratings, model) -> np.ndarray:  # noqa: ANN001
    """Our parameters in penaltyblog's layout: attack (mean one), defence (its sign is
    ours reversed, carrying mu), home advantage, rho."""
    n = len(model.teams)
    params = np.empty_like(model._params)
    for i, team in enumerate(model.teams):
        j = ratings.teams[int(team)]
        params[i], params[n + i] = ratings.attack[j], -ratings.defence[j]
    shift = 1 - params[:n].mean()
    params[:n] += shift
    params[n : 2 * n] += ratings.mu - shift
    params[-2], params[-1] = ratings.home, ratings.rho
    return params


if __name__ == "__main__":
    main()
