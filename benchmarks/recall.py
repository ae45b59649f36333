"""Recall of the miners on other people's previews: of the data-checkable findings each
published preview in tests/check/corpus states (verdict supported or imprecise, with a
query), how many appear among the top 30 facts or in the fact sheet for that fixture, read
as the same query (or stated by a record line of the same context and window: "won 14 of
their 55" is in "14 wins, 28 defeats and 13 draws in their 55"). Prints a table per
preview and the total.

Run: MATCHFACTS_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/recall.py [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from pathlib import Path

from matchfacts.check.corpus import actual_reading, covered_by, expected_reading, load
from matchfacts.config import default_db_path
from matchfacts.errors import MatchfactsError
from matchfacts.facts.mine import StoreNames, facts_for, fixture_of
from matchfacts.facts.sheet import fact_sheet
from matchfacts.store.db import open_store
from matchfacts.store.lookup import resolve_team

LIMIT = 30
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "check" / "corpus"


def queries_for(con, fixture: dict) -> list[dict] | None:  # noqa: ANN001
    try:
        home, away = resolve_team(con, fixture["home"]), resolve_team(con, fixture["away"])
        day = dt.date.fromisoformat(fixture["date"])
        found = [f.query for f in facts_for(con, home, away, day, LIMIT)]
        sheet = [line.query for line in fact_sheet(con, fixture_of(con, home, away, day),
                                                    StoreNames(con))]  # fmt: skip
    except MatchfactsError:
        return None  # the match is not in the store
    return [q for q in found + sheet if q]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    con = open_store(args.db or default_db_path())
    by_preview: dict[str, list[bool]] = defaultdict(list)
    cache: dict[tuple, list[dict] | None] = {}
    for claim in load(CORPUS):
        if claim["verdict"] not in ("supported", "imprecise") or not claim.get("query"):
            continue
        fx = claim["fixture"]
        key = (fx["home"], fx["away"], fx["date"])
        if key not in cache:
            cache[key] = queries_for(con, fx)
        expected = expected_reading(con, claim)
        found = cache[key]
        hit = bool(found) and any(
            covered_by(expected, actual_reading(con, q)) for q in found
        )
        by_preview[f"{claim['address'][:70]} {fx['home']} v {fx['away']} {fx['date']}"].append(hit)
    total = sum(len(v) for v in by_preview.values())
    hits = sum(sum(v) for v in by_preview.values())
    print(f"{'preview':<110} found / findings")
    for name, found in sorted(by_preview.items()):
        print(f"{name:<110} {sum(found):>3} / {len(found)}")
    print(f"\nall previews: {hits} of {total} findings ({100 * hits / max(total, 1):.0f}%)")


if __name__ == "__main__":
    main()
