"""Warm preview, forecast and facts over 20 varied fixtures: median and worst, as a table.

    python benchmarks/preview.py [--db STORE] [--baseline REV]

The fixtures span eras (1962 to a planned one in 2026), competitions (European Cup,
Champions League, Europa League, Cup Winners' Cup, five leagues) and kinds (league
matches, first and second legs, finals, a scheduled final, a planned league match). Each
fixture is run once cold (its preview, which reads its subjects' matches and fits the
ratings as of its day), then forecast, facts (with the fact sheet, as the preview builds
them) and preview are each timed warm, best of `--repeat`.

With --baseline REV, the same calls are timed in the same run with the code of REV (taken
with `git archive` into /tmp, run in a subprocess), beside today's.
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
    ("Liverpool", "Real Madrid", "2021-04-14"),  # the flagship: a second leg
    ("Real Madrid", "Liverpool", "2021-04-06"),  # its first leg
    ("Benfica", "Real Madrid", "1962-05-02"),  # a European Cup final
    ("Ajax", "Juventus", "1973-05-30"),
    ("AC Milan", "Liverpool", "2005-05-25"),
    ("Barcelona", "Chelsea", "2012-04-24"),
    ("Bayern München", "Paris Saint-Germain", "2021-04-07"),
    ("Arsenal", "Lens", "2023-11-29"),  # a group match
    ("Sevilla", "Roma", "2023-05-31"),  # a Europa League final
    ("West Ham United", "Bayer Leverkusen", "2024-04-18"),
    # A Cup Winners' Cup final settled in a replay: refused today ("rule set ... is for two
    # legs: give the first leg"), so skipped and said so until the forecast takes it.
    ("Chelsea", "Real Madrid", "1971-05-19"),
    ("Arsenal", "Chelsea", "1999-01-31"),  # league matches of five countries
    ("Manchester United", "Liverpool", "2000-03-04"),
    ("Real Madrid", "Barcelona", "2022-10-16"),
    ("Internazionale", "AC Milan", "2020-02-09"),
    ("Borussia Dortmund", "Bayern München", "2020-11-07"),
    ("Paris Saint-Germain", "Marseille", "2020-09-13"),
    ("Celtic", "Rangers", "2024-05-11"),
    ("Paris Saint-Germain", "Arsenal", "2026-05-30"),  # a final the sources list, unplayed
    ("Arsenal", "Chelsea", "2026-12-05"),  # planned: not in the store at all
]
CALLS = ("forecast", "facts", "preview")


def time_fixtures(db: str, repeat: int) -> dict:
    """{fixture: {call: warm seconds, 'cold': seconds}} with the code on sys.path."""
    from matchfacts.errors import MatchfactsError
    from matchfacts.facts.evaluate import Evaluator
    from matchfacts.facts.mine import StoreNames, facts_for, fixture_of
    from matchfacts.facts.sheet import fact_sheet
    from matchfacts.model.forecast import forecast
    from matchfacts.preview.compose import compose
    from matchfacts.store.db import open_store
    from matchfacts.store.lookup import resolve_team

    con = open_store(Path(db))
    out: dict[str, dict] = {}
    for home, away, day in FIXTURES:
        date = dt.date.fromisoformat(day)
        try:
            h, a = resolve_team(con, home), resolve_team(con, away)
        except MatchfactsError as exc:
            print(f"skipped {home} v {away}: {exc}", file=sys.stderr)
            continue

        def facts_and_sheet() -> None:
            fx = fixture_of(con, h, a, date)  # noqa: B023
            ev = Evaluator(con, fx.match.date)
            facts_for(con, h, a, date, 20, ev)  # noqa: B023
            fact_sheet(con, fx, StoreNames(con), ev)

        calls = {
            "forecast": lambda: forecast(con, h, a, date),  # noqa: B023
            "facts": facts_and_sheet,
            "preview": lambda: compose(con, h, a, date),  # noqa: B023
        }
        try:
            started = time.perf_counter()
            calls["preview"]()
            row = {"cold": time.perf_counter() - started}
        except MatchfactsError as exc:
            print(f"skipped {home} v {away} {day}: {exc}", file=sys.stderr)
            continue
        for name in CALLS:
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                calls[name]()
                runs.append(time.perf_counter() - started)
            row[name] = min(runs)
        out[f"{home} v {away} {day}"] = row
        print(f"{home} v {away} {day}: " + ", ".join(f"{k} {v:.2f}" for k, v in row.items()),
              file=sys.stderr)  # fmt: skip
    con.close()
    return out


def baseline(db: str, rev: str, repeat: int) -> dict:
    """The same calls with the code of `rev`, in a subprocess."""
    tree = Path(f"/tmp/matchfacts-preview-baseline-{rev}")
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev, "src"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(
        [sys.executable, __file__, "--db", db, "--repeat", str(repeat), "--inner"],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--repeat", type=int, default=2, help="warm runs of each call")
    parser.add_argument("--baseline", default=None, help="an earlier commit to time beside")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from matchfacts import config

    db = args.db or str(config.default_db_path())
    if args.inner:
        print(json.dumps(time_fixtures(db, args.repeat)))
        return
    from rich.console import Console
    from rich.table import Table

    now = time_fixtures(db, args.repeat)
    before = baseline(db, args.baseline, args.repeat) if args.baseline else {}
    table = Table(title=f"Warm seconds, {len(now)} fixtures (best of {args.repeat})")
    columns = ["fixture", "cold preview", *CALLS]
    if before:
        columns += [f"{args.baseline}: {c}" for c in CALLS]
    for column in columns:
        table.add_column(column, justify="left" if column == "fixture" else "right")
    for name, row in now.items():
        old = before.get(name, {})
        then = [f"{old[c]:.2f}" if c in old else "" for c in CALLS] if before else []
        table.add_row(name, f"{row['cold']:.2f}", *(f"{row[c]:.2f}" for c in CALLS), *then)
    for label, pick in (("median", statistics.median), ("worst", max)):
        cells = [pick([r[c] for r in now.values()]) for c in CALLS]
        olds = [pick([r[c] for r in before.values()]) for c in CALLS] if before else []
        table.add_row(label, "", *(f"{v:.2f}" for v in cells), *(f"{v:.2f}" for v in olds),
                      style="bold")  # fmt: skip
    Console().print(table)
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
