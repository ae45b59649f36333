"""Error class (audit, issue 15): "their last meeting" named a meeting that was not the
last, because the fact sheet looked only at the league (two clubs of one country) or at
"league and European" matches, which leave out the Super Cup and the qualifying rounds.
Juventus v Liverpool, 29 May 1985: the sheet said 13 October 1965; they had met in the
Super Cup on 16 January 1985."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.facts.evaluate import Evaluator
from matchfacts.facts.mine import StoreNames, fixture_of
from matchfacts.facts.sheet import previous_meetings
from matchfacts.store.lookup import resolve_team

FIXTURES = [
    ("Juventus", "Liverpool", dt.date(1985, 5, 29)),  # a Super Cup in between
    ("Chelsea", "Liverpool", dt.date(2009, 10, 4)),  # one country, a European tie in between
    ("Celtic", "Rangers", dt.date(2023, 12, 30)),
]


@pytest.mark.parametrize(("home", "away", "day"), FIXTURES)
def test_the_last_meeting_is_the_last_match_the_store_holds_between_them(store, home, away, day):
    h_ref, a_ref = resolve_team(store, home), resolve_team(store, away)
    h, a = h_ref.id, a_ref.id
    last = store.execute(
        """SELECT max(date) FROM match WHERE status = 'played' AND date < ?
           AND ((home_id = ? AND away_id = ?) OR (home_id = ? AND away_id = ?))""",
        [day, h, a, a, h],
    ).fetchone()[0]
    fx = fixture_of(store, h_ref, a_ref, day)
    lines = previous_meetings(Evaluator(store, day), fx, StoreNames(store))
    assert lines, "they had met"
    assert lines[0].rows[0]["date"] == last.isoformat()
