"""The three backtests of issue 4, printed as tables (about thirteen minutes on this machine):

(a) league matches of the top five leagues where odds and FiveThirtyEight both exist
    (2020-21..2022-23); the model's settings were chosen on these matches, so
(a') the three seasons before (2016-17..2018-19), which no setting was chosen on, check them
    out of sample: FiveThirtyEight forecast all five leagues, Bet365's odds in the mirror
    cover the Premier League only;
(b) Champions League matches 2016-17..2022-23 against FiveThirtyEight: the competition
    proper (group stage, knockout rounds, final), as everywhere in matchfacts; its
    qualifying rounds are printed apart, as (b'), against the bookmaker (FiveThirtyEight
    did not forecast them);
(c) every European Cup/Champions League second leg since 1994-95: progression forecasts
    against the base rate by first-leg result; the qualifying rounds' apart, as (c').

Matches are forecast with ratings refitted as of each match day, as `matchfacts forecast`
does; the thirty seasons of ties with ratings refitted every 14 days, to save time. Beside
each reference, how far matchfacts is ahead of it in RPS on the same matches, with the
standard error of that paired difference: a lead or gap within about two of them is luck.

    MATCHFACTS_DATA_MIRROR=../shared/data python benchmarks/backtest.py --db STORE
The store must hold the odds (ingest with --local for the two odds sources).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from matchfacts.cli import host_table, left_out_lines, match_set_table, write_rows
from matchfacts.model.backtest import match_backtest, per_match_rows, season_days, tie_backtest
from matchfacts.store.db import open_store

TOP_FIVE = ["ENG1", "ESP1", "ITA1", "GER1", "FRA1"]


def _seasons(first: str, last: str) -> dict:
    """The matches of seasons `first` to `last` (labels, not dates: 2019-20 ran into August
    2020)."""
    start, end = season_days(int(first[:4]), int(last[:4]))
    return {"start": start, "end": end, "seasons": (first, last)}


def _print(console: Console, title: str, run, out: Path | None = None) -> None:  # noqa: ANN001
    """A MatchBacktest's sets, each with what it leaves out; its matches to `out` (CSV)."""
    if out is not None:
        write_rows(out, per_match_rows(run.matches))
    for s in run.sets:
        console.print(match_set_table(title, s))
        for line in left_out_lines(s):
            console.print(line, markup=False, highlight=False)


MATCH_RUNS = {  # tag -> title, competitions, seasons, rounds
    "a": ("(a) top five leagues 2020-21..2022-23", TOP_FIVE, ("2020-21", "2022-23"), "proper"),
    "a'": (
        "(a') out of sample: top five leagues 2016-17..2018-19",
        TOP_FIVE,
        ("2016-17", "2018-19"),
        "proper",
    ),
    "b": ("(b) Champions League 2016-17..2022-23", ["UCL"], ("2016-17", "2022-23"), "proper"),
    "b'": (
        "(b') Champions League qualifying rounds 2016-17..2022-23",
        ["UCL"],
        ("2016-17", "2022-23"),
        "qualifying",
    ),
}
TIE_RUNS = {"c": ("(c)", "proper"), "c'": ("(c') qualifying", "qualifying")}


def _file(tag: str) -> str:
    return tag.replace("'", "-prime") + ".csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, help="folder for each backtest's per-match CSV")
    parser.add_argument("--only", help="some of a,a',b,b',c,c' (comma-separated; default all)")
    args = parser.parse_args()
    wanted = args.only.split(",") if args.only else [*MATCH_RUNS, *TIE_RUNS]
    con = open_store(Path(args.db))
    console = Console()
    started = time.perf_counter()
    for tag, (title, competitions, seasons, rounds) in MATCH_RUNS.items():
        if tag in wanted:
            run = match_backtest(con, competitions, **_seasons(*seasons), rounds=rounds)
            _print(console, title, run, args.out / _file(tag) if args.out else None)
    for tag, (label, rounds) in TIE_RUNS.items():
        if tag not in wanted:
            continue
        ties = tie_backtest(con, "UCL", "1994-95", "2024-25", refit_days=14, rounds=rounds)
        table = Table(title=f"{label} Champions League second legs 1994-95..2024-25 ({ties.n:,})")
        for column in ("model", "Brier", "log loss"):
            table.add_column(column, justify="right")
        for model, m in ties.metrics.items():
            table.add_row(model, f"{m['brier']:.4f}", f"{m['log_loss']:.4f}")
        console.print(table)
        console.print(host_table(f"{label} second-leg hosts, by era", ties.hosts))
        if args.out:
            write_rows(args.out / _file(tag), ties.ties)
    console.print(f"{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
