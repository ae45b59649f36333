"""Wall time and peak memory of a full ingest from the mirror (target: < 30 s, < 2 GiB).

MATCHFACTS_DATA_MIRROR=../shared/data python benchmarks/ingest.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from matchfacts.rules.fill import fill_tie_results
from matchfacts.sources.fetch import Fetcher
from matchfacts.store.ingest import ingest


def main() -> None:
    fetcher = Fetcher()
    if fetcher.mirror is None:
        sys.exit("set MATCHFACTS_DATA_MIRROR to the data mirror")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        report = ingest(db, None, fetcher, finalize=fill_tie_results)
        seconds = time.perf_counter() - started
        size = db.stat().st_size
    peak_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB on Linux
    table = Table(title="Full ingest from the mirror")
    for column in ("measure", "value", "target"):
        table.add_column(column)
    table.add_row("wall time", f"{seconds:.1f} s", "< 30 s")
    table.add_row("peak memory (max RSS)", f"{peak_gib:.2f} GiB", "< 2 GiB")
    table.add_row("store size", f"{size / 1024**2:.0f} MiB", "")
    for name, count in report.rows.items():
        table.add_row(f"rows: {name}", f"{count:,}", "")
    Console().print(table)


if __name__ == "__main__":
    main()
