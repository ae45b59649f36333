"""All facts and the fact sheet for 20 varied fixtures, warm (target: under 1 s each),
median and worst, side by side with the hand-written miners of an earlier commit.

    python benchmarks/facts.py --db STORE [--baseline db3c136]

With --baseline, the earlier commit is checked out in a git worktree under /tmp and the
same fixtures are timed with its code in a subprocess, in the same run. Each fixture is
run once cold (its first call, which reads the subject's units) and then three times warm;
the warm figure is the best of three.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = [
    ("Liverpool", "Real Madrid", "2021-04-14"),
    ("Barcelona", "Chelsea", "2012-04-24"),
    ("Bayern München", "Paris Saint-Germain", "2021-04-07"),
    ("Ajax", "Juventus", "1973-05-30"),
    ("Real Madrid", "Bayern München", "2018-05-01"),
    ("Manchester United", "Barcelona", "2008-04-29"),
    ("AC Milan", "Liverpool", "2005-05-25"),
    ("Celtic", "Internazionale", "1967-05-25"),
    ("Benfica", "Real Madrid", "1962-05-02"),
    ("Porto", "Monaco", "2004-05-26"),
    ("Arsenal", "Chelsea", "1999-01-31"),
    ("Manchester United", "Liverpool", "2000-03-04"),
    ("Celtic", "Rangers", "2024-05-11"),
    ("Borussia Dortmund", "Bayern München", "2020-11-07"),
    ("Real Madrid", "Barcelona", "2022-10-16"),
    ("Internazionale", "AC Milan", "2020-02-09"),
    ("Ajax", "Feyenoord", "2018-10-28"),
    ("Paris Saint-Germain", "Marseille", "2020-09-13"),
    ("Sevilla", "Roma", "2023-05-31"),
    ("West Ham United", "Bayer Leverkusen", "2024-04-18"),
]


def time_fixtures(db: str, with_sheet: bool) -> dict:
    """{fixture: (cold seconds, warm seconds, facts)} with the code on sys.path."""
    from matchfacts.errors import MatchfactsError
    from matchfacts.facts.mine import facts_for
    from matchfacts.store.db import open_store
    from matchfacts.store.lookup import resolve_team

    con = open_store(Path(db))
    out = {}
    for home, away, day in FIXTURES:
        try:
            h, a = resolve_team(con, home), resolve_team(con, away)
        except MatchfactsError:
            continue
        date = dt.date.fromisoformat(day)

        def run() -> int:
            if not with_sheet:  # the baseline's code: facts only
                return len(facts_for(con, h, a, date, 30))  # noqa: B023
            from matchfacts.facts.evaluate import Evaluator
            from matchfacts.facts.mine import StoreNames, fixture_of
            from matchfacts.facts.sheet import fact_sheet

            fx = fixture_of(con, h, a, date)  # noqa: B023
            ev = Evaluator(con, fx.match.date)  # as the preview does: one for both
            found = facts_for(con, h, a, date, 30, ev)  # noqa: B023
            fact_sheet(con, fx, StoreNames(con), ev)
            return len(found)

        try:
            started = time.perf_counter()
            found = run()
            cold = time.perf_counter() - started
        except MatchfactsError:
            continue  # the match is not in the store
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            run()
            warm.append(time.perf_counter() - started)
        out[f"{home} v {away} {day}"] = (cold, min(warm), found)
    return out


def baseline(db: str, rev: str) -> dict:
    tree = Path(f"/tmp/matchfacts-baseline-{rev}")
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], check=True,
                       capture_output=True)  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(
        [sys.executable, __file__, "--db", db, "--inner"], env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--baseline", default=None, help="an earlier commit to compare with")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:  # the baseline's code, facts only (it had no fact sheet)
        print(json.dumps(time_fixtures(args.db, with_sheet=False)))
        return
    from rich.console import Console
    from rich.table import Table

    now = time_fixtures(args.db, with_sheet=True)
    before = baseline(args.db, args.baseline) if args.baseline else {}
    table = Table(title=f"Facts and fact sheet, {len(now)} fixtures (full store), seconds")
    for column in ("fixture", "cold", "warm", "facts", "before: warm", "before: facts"):
        table.add_column(column)
    for name, (cold, warm, n) in now.items():
        old = before.get(name)
        table.add_row(name, f"{cold:.3f}", f"{warm:.3f}", str(n),
                      f"{old[1]:.3f}" if old else "", str(old[2]) if old else "")  # fmt: skip
    warm = [w for _, w, _ in now.values()]
    table.add_row("median", "", f"{statistics.median(warm):.3f}", "",
                  f"{statistics.median([o[1] for o in before.values()]):.3f}" if before else "",
                  "")  # fmt: skip
    table.add_row("worst", "", f"{max(warm):.3f}", "",
                  f"{max(o[1] for o in before.values()):.3f}" if before else "", "")  # fmt: skip
    Console().print(table)


if __name__ == "__main__":
    main()
