"""Checking a 1,500-word preview, warm (target: under 2 s): the flagship's claims from the
corpus of other people's previews, with the flagship's own Markdown preview after them,
cut to 1,500 words.

    python benchmarks/check.py --db STORE
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from matchfacts.check.checker import check_text
from matchfacts.check.corpus import load
from matchfacts.preview.compose import compose
from matchfacts.preview.markdown import render_markdown
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "check" / "corpus"
WORDS = 1500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    con = open_store(Path(args.db))
    home, away = resolve_team(con, "Liverpool"), resolve_team(con, "Real Madrid")
    day = dt.date(2021, 4, 14)
    claims = [c["text"] for c in load(CORPUS) if "Liverpool" in c["fixture"]["home"] + c["fixture"]["away"]]  # noqa: E501
    text = " ".join(claims) + "\n\n" + render_markdown(compose(con, home, away, day))
    text = " ".join(text.split(" ")[:WORDS])
    times = []
    for _ in range(4):
        started = time.perf_counter()
        report = check_text(con, text, day, home, away)
        times.append(time.perf_counter() - started)
    table = Table(title=f"Checking a {len(text.split())}-word preview (full store)")
    for column in ("run", "seconds", "target"):
        table.add_column(column)
    table.add_row("cold (first, builds the name patterns)", f"{times[0]:.3f}", "")
    table.add_row("warm (best of three)", f"{min(times[1:]):.3f}", "< 2 s")
    table.add_row("sentences / claims", f"{report.sentences} / {len(report.claims)}", "")
    Console().print(table)


if __name__ == "__main__":
    main()
