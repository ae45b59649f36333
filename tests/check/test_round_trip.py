"""Every sentence the facts miners write is read back by the checker and supported: the
generator and the checker share one registry of forms (facts.forms.FORMS)."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.check.checker import PATTERNS, check_text
from matchfacts.facts.context import Fixture
from matchfacts.facts.forms import FORMS
from matchfacts.facts.mine import candidates
from matchfacts.rules.situation import tie_situation
from matchfacts.store.db import open_store
from matchfacts.store.lookup import fixture, resolve_team

FIXTURES = [  # the flagship, a 1970s tie, recent knockouts, league matches
    ("Liverpool", "Real Madrid", "2021-04-14"),
    ("Liverpool", "Barcelona", "2019-05-07"),
    ("Real Madrid", "Bayern München", "1976-03-31"),
    ("Bayern München", "Real Madrid", "2018-04-25"),
    ("Borussia Dortmund", "Tottenham Hotspur", "2019-03-05"),
    ("Juventus", "AFC Ajax", "2019-04-16"),
    ("Manchester City", "Real Madrid", "2020-08-07"),
    ("Barcelona", "Paris Saint Germain", "2017-03-08"),  # could become the first side
    ("Manchester United", "Liverpool", "2021-05-13"),
    ("Arsenal", "Chelsea", "2019-01-19"),
]


@pytest.fixture(scope="module")
def con(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


@pytest.mark.parametrize(("home", "away", "day"), FIXTURES)
def test_every_generated_fact_is_supported(con, home, away, day):
    """Every fact the miners find (before merging and caps), read back from its text."""
    h, a, d = resolve_team(con, home), resolve_team(con, away), dt.date.fromisoformat(day)
    match = fixture(con, h, a, d)
    facts = candidates(con, Fixture(h, a, match, match.date))
    assert facts
    for fact in facts:
        report = check_text(con, fact.text, d, h, a)
        assert len(report.claims) == 1, (fact.text, [c.text for c in report.claims])
        claim = report.claims[0]
        assert claim.form == fact.form, (fact.text, claim.form)
        assert claim.verdict.verdict == "supported", (fact.text, claim.verdict.reason)


def test_every_form_has_patterns_that_read_it():
    read = {p.form for p in PATTERNS}
    assert read == set(FORMS)


def test_the_round_trip_covers_every_form_the_miners_write(con):
    written = set()
    for home, away, day in FIXTURES:
        h, a, d = resolve_team(con, home), resolve_team(con, away), dt.date.fromisoformat(day)
        match = fixture(con, h, a, d)
        written |= {f.form for f in candidates(con, Fixture(h, a, match, match.date))}
    assert written == set(FORMS) - {"tie_need"}  # tie needs are the tie engine's words


SECOND_LEGS = [
    ("Liverpool", "Real Madrid", "2021-04-14"),
    ("Real Madrid", "Bayern München", "2018-05-01"),
    ("Liverpool", "Barcelona", "2019-05-07"),
    ("Bayern München", "Real Madrid", "1976-04-14"),
    ("Chelsea", "Atlético Madrid", "2021-03-17"),
]


@pytest.mark.parametrize(("home", "away", "day"), SECOND_LEGS)
def test_the_tie_engines_own_words_are_read_back_and_supported(con, home, away, day):
    """'Liverpool go through with 2-0 or by three clear goals; 3-1 means extra time; ...'"""
    h, a, d = resolve_team(con, home), resolve_team(con, away), dt.date.fromisoformat(day)
    words = tie_situation(con, h, a, d).summary
    claims = check_text(con, words, d, h, a).claims
    read = [c for c in claims if c.form == "tie_need"]
    assert len(read) >= 2, [c.text for c in claims]
    assert all(c.verdict.verdict == "supported" for c in read), [
        (c.text, c.verdict.reason) for c in read
    ]


def test_a_wrong_route_through_is_refuted_with_the_score_that_breaks_it(con):
    h, a = resolve_team(con, "Liverpool"), resolve_team(con, "Real Madrid")
    text = "Liverpool go through with 3-1 or by two clear goals; 2-0 means extra time."
    first, second = check_text(con, text, dt.date(2021, 4, 14), h, a).claims
    assert first.verdict.verdict == "refuted" and first.verdict.actual == "3-1"
    assert second.verdict.verdict == "refuted" and "they go through" in second.verdict.reason
