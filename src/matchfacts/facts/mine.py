"""All the facts for a fixture: mined, scored, merged and capped."""

from __future__ import annotations

import datetime as dt

import duckdb

from matchfacts.facts.context import Fixture
from matchfacts.facts.merge import PER_FORM, PER_PLAYER, PER_SUBJECT, merged
from matchfacts.facts.miners import MINERS
from matchfacts.facts.rank import order_key, scored
from matchfacts.facts.record import Fact
from matchfacts.store.lookup import TeamRef, fixture

__all__ = ["PER_FORM", "PER_PLAYER", "PER_SUBJECT", "candidates", "facts_for"]


def candidates(con: duckdb.DuckDBPyConnection, fx: Fixture) -> list[Fact]:
    """Every fact the miners find, scored, best first (before merging and caps)."""
    found = [scored(fact) for miner in MINERS for fact in miner(con, fx)]
    return sorted(found, key=order_key)


def facts_for(
    con: duckdb.DuckDBPyConnection,
    home: TeamRef,
    away: TeamRef,
    date: dt.date,
    limit: int = 20,
) -> list[Fact]:
    match = fixture(con, home, away, date)
    fx = Fixture(home, away, match, match.date)
    return merged(candidates(con, fx))[:limit]
