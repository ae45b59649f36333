"""`preview --all` on a full matchday: fixtures per second, one worker process against
every core.

    python benchmarks/batch.py [--db STORE] [--date 2023-11-29] [--format md]

The default day holds the Champions League's fifth group matchday beside league matches
of England, Spain, France and Greece (17 fixtures). Each run writes every preview of the
day into a fresh temporary folder through `matchfacts.preview.batch.write_all`, the code
`preview --all` runs, spawning its workers (so each run pays for their start and for the
day's rating fits once per worker, as the command does). Figures depend on what else the
machine runs: the table says how many cores there were.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--date", default="2023-11-29")
    parser.add_argument("--format", default="md", choices=("md", "html", "json"))
    args = parser.parse_args()

    from matchfacts import config
    from matchfacts.preview.batch import fixtures_between, write_all
    from matchfacts.store.db import open_store

    db = args.db or config.default_db_path()
    day = dt.date.fromisoformat(args.date)
    con = open_store(db)
    fixtures = fixtures_between(con, day, day)
    con.close()
    competitions = sorted({f.competition for f in fixtures})
    cores = os.cpu_count() or 1
    title = f"preview --all, {day}: {len(fixtures)} fixtures ({', '.join(competitions)})"
    table = Table(title=title)
    for column in ("workers", "seconds", "fixtures/s", "slowest fixture (s)", "written"):
        table.add_column(column, justify="right")
    for workers in sorted({1, cores}):
        with tempfile.TemporaryDirectory(prefix="batch-bench-") as folder:
            started = time.perf_counter()
            results = write_all(db, fixtures, Path(folder), args.format, workers)
            seconds = time.perf_counter() - started
        written = sum(1 for r in results if r.file)
        table.add_row(
            str(workers),
            f"{seconds:.1f}",
            f"{len(fixtures) / seconds:.2f}",
            f"{max(r.seconds for r in results):.1f}",
            f"{written}/{len(results)}",
        )
    Console().print(table)
    print(f"cores: {cores}; load average before the last run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
