"""The round trip: every fact the lattice mines, as its sentence, is read back by the
checker into the very query it came from, and judged supported. Fixtures across eras,
competitions and countries; the benchmark (benchmarks/facts.py) runs twenty."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.check.checker import check_text
from matchfacts.facts.mine import candidates, fixture_of
from matchfacts.store.lookup import resolve_team

FIXTURES = [
    ("Liverpool", "Real Madrid", "2021-04-14"),  # the flagship, a second leg
    ("Barcelona", "Chelsea", "2012-04-24"),  # a semi-final second leg
    ("Ajax", "Juventus", "1973-05-30"),  # a final at a neutral ground
    ("Celtic", "Rangers", "2024-05-11"),  # a league covered from 1994-95 only
    ("Manchester United", "Liverpool", "2000-03-04"),  # a league match
]


def _plain(query: dict) -> dict:
    """The query without the names `as_dict` adds for readers."""
    subject = {k: v for k, v in query["subject"].items() if k != "team_name"}
    context = {k: v for k, v in query["context"].items() if k != "opponent_name"}
    return {**query, "subject": subject, "context": context}


@pytest.mark.parametrize(("home", "away", "day"), FIXTURES)
def test_every_mined_fact_reads_back_into_its_query_and_is_supported(store, home, away, day):
    h, a = resolve_team(store, home), resolve_team(store, away)
    date = dt.date.fromisoformat(day)
    facts = candidates(store, fixture_of(store, h, a, date))
    assert len(facts) >= 10
    missed = []
    for fact in facts:
        claims = check_text(store, fact.text, date, h, a).claims
        verdict = claims[0].verdict if len(claims) == 1 else None
        if verdict is None or verdict.verdict != "supported":
            missed.append((fact.text, verdict))
        elif verdict.parsed.get("query") != _plain(fact.query):
            missed.append((fact.text, verdict.parsed.get("query")))
    assert not missed
