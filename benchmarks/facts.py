"""All facts for the flagship fixture on the full store, cold and warm (target: < 1 s warm).

    python benchmarks/facts.py --db STORE
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from matchfacts.facts.mine import facts_for
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    con = open_store(Path(args.db))
    home, away = resolve_team(con, "Liverpool"), resolve_team(con, "Real Madrid")
    day = dt.date(2021, 4, 14)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        found = facts_for(con, home, away, day, limit=50)
        times.append(time.perf_counter() - started)
    table = Table(title="Facts for Liverpool v Real Madrid, 2021-04-14 (full store)")
    for column in ("run", "seconds", "target"):
        table.add_column(column)
    table.add_row("cold (first)", f"{times[0]:.3f}", "")
    table.add_row("warm (best of the next four)", f"{min(times[1:]):.3f}", "< 1 s")
    table.add_row("facts found (limit 50)", str(len(found)), "")
    preview = facts_for(con, home, away, day)
    table.add_row("facts at the default limit", str(len(preview)), ">= 15")
    table.add_row("forms among them", str(len({f.form for f in preview})), ">= 7")
    Console().print(table)


if __name__ == "__main__":
    main()
