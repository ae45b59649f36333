"""All the facts for a fixture, ranked and capped."""

from __future__ import annotations

import datetime as dt

import duckdb

from matchfacts.facts.context import Fixture
from matchfacts.facts.miners import MINERS
from matchfacts.facts.record import Fact
from matchfacts.store.lookup import TeamRef, fixture

PER_FORM = 3


def facts_for(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    limit: int = 20,
) -> list[Fact]:
    match = fixture(con, home, away, date)
    fx = Fixture(home, away, match, match.date)
    found = [fact for miner in MINERS for fact in miner(con, fx)]
    found.sort(key=lambda f: (-f.score, f.form, f.subject, f.text))
    kept, per_form = [], {}
    for fact in found:
        if per_form.get(fact.form, 0) >= PER_FORM:
            continue
        per_form[fact.form] = per_form.get(fact.form, 0) + 1
        kept.append(fact)
    return kept[:limit]
