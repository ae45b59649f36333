"""Error class (audit, issue 15): "their league matches" counted from the first season of
a league that was not the start of league football in its country, worded as all-time.
Ajax v Feyenoord, 13 October 1957: "Ajax have won 27 of their 41 league and European
matches" and "Ajax and Feyenoord have met two times in the league" (the store holds the
Eredivisie from 1956-57; they had played league football for decades). Such a count must
say "since 1956-57"; one in the Eredivisie by name need not."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.query import Context, Query, Subject
from matchfacts.facts.realise import coverage_words
from matchfacts.store.lookup import resolve_team

DAY = dt.date(1957, 10, 13)


@pytest.mark.parametrize("competition", ["league", "all"])
def test_a_league_set_over_a_league_younger_than_league_football_says_since(store, competition):
    ajax = resolve_team(store, "Ajax").id
    q = Query(Subject(team=ajax), "win", "match", "k_of_n", Context(competition=competition))
    answer = Evaluator(store, DAY).answer(q)
    assert answer.n > 30
    assert coverage_words(q, answer) == "since 1956-57"


def test_the_league_by_name_counts_from_its_own_first_season(store):
    ajax = resolve_team(store, "Ajax").id
    q = Query(Subject(team=ajax), "win", "match", "k_of_n", Context(competition="NED1"))
    answer = Evaluator(store, DAY).answer(q)
    assert coverage_words(q, answer) == ""


def test_england_from_the_football_leagues_first_season_needs_no_since(store):
    everton = resolve_team(store, "Everton").id
    q = Query(Subject(team=everton), "win", "match", "k_of_n", Context(competition="league"))
    answer = Evaluator(store, dt.date(1960, 1, 1))
    assert coverage_words(q, answer.answer(q)) == ""
