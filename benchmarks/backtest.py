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

from matchfacts.cli import match_set_table
from matchfacts.model.backtest import match_backtest, season_days, tie_backtest
from matchfacts.store.db import open_store

TOP_FIVE = ["ENG1", "ESP1", "ITA1", "GER1", "FRA1"]


def _seasons(first: str, last: str) -> dict:
    """The matches of seasons `first` to `last` (labels, not dates: 2019-20 ran into August
    2020)."""
    start, end = season_days(int(first[:4]), int(last[:4]))
    return {"start": start, "end": end, "seasons": (first, last)}


def _print(console: Console, title: str, sets) -> None:  # noqa: ANN001
    for s in sets:
        console.print(match_set_table(title, s))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    con = open_store(Path(args.db))
    console = Console()
    started = time.perf_counter()
    _print(
        console,
        "(a) top five leagues 2020-21..2022-23",
        match_backtest(con, TOP_FIVE, **_seasons("2020-21", "2022-23")),
    )
    _print(
        console,
        "(a') out of sample: top five leagues 2016-17..2018-19",
        match_backtest(con, TOP_FIVE, **_seasons("2016-17", "2018-19")),
    )
    _print(
        console,
        "(b) Champions League 2016-17..2022-23",
        match_backtest(con, ["UCL"], **_seasons("2016-17", "2022-23")),
    )
    _print(
        console,
        "(b') Champions League qualifying rounds 2016-17..2022-23",
        match_backtest(con, ["UCL"], **_seasons("2016-17", "2022-23"), rounds="qualifying"),
    )
    for label, rounds in (("(c)", "proper"), ("(c') qualifying", "qualifying")):
        ties = tie_backtest(con, "UCL", "1994-95", "2024-25", refit_days=14, rounds=rounds)
        table = Table(title=f"{label} Champions League second legs 1994-95..2024-25 ({ties.n:,})")
        for column in ("model", "Brier", "log loss"):
            table.add_column(column, justify="right")
        for model, m in ties.metrics.items():
            table.add_row(model, f"{m['brier']:.4f}", f"{m['log_loss']:.4f}")
        console.print(table)
    console.print(f"{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
