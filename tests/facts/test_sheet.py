"""The fact sheet on the real store: its form lines and head-to-head lines are read back
by the checker and judged supported (the sheet states nothing the data does not hold),
and its earlier ties are the sides' real European meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.check.checker import check_text
from matchfacts.facts.mine import StoreNames, fixture_of
from matchfacts.facts.sheet import fact_sheet
from matchfacts.store.lookup import resolve_team

FIXTURES = [
    ("Borussia Dortmund", "Bayern München", "2020-11-07"),  # a league match
    ("Liverpool", "Real Madrid", "2021-04-14"),  # the flagship, a European second leg
]


def _sheet(store, home: str, away: str, day: str):  # noqa: ANN001, ANN202
    h, a = resolve_team(store, home), resolve_team(store, away)
    date = dt.date.fromisoformat(day)
    return h, a, date, fact_sheet(store, fixture_of(store, h, a, date), StoreNames(store))


@pytest.mark.parametrize(("home", "away", "day"), FIXTURES)
def test_form_lines_read_back_supported(store, home: str, away: str, day: str) -> None:
    h, a, date, sheet = _sheet(store, home, away, day)
    form = [line for line in sheet if line.title == "Form"]
    assert len(form) >= 4  # each side's last six, overall and at its venue
    for line in form:
        claims = check_text(store, line.text, date, h, a).claims
        assert claims, line.text
        assert claims[0].verdict.verdict == "supported", (line.text, claims[0].verdict)


def test_league_head_to_head_is_said_in_the_league_of_the_fixture(store) -> None:
    h, a, date, sheet = _sheet(store, *FIXTURES[0])
    first = next(line for line in sheet if line.title == "Head to head")
    assert "in the Bundesliga" in first.text
    assert first.query["context"]["competition"] == "GER1"
    played = first.rows[0]["played"]
    wins = first.rows[0]["Borussia Dortmund wins"] + first.rows[0]["Bayern Munich wins"]
    assert played == wins + first.rows[0]["draws"]


def test_earlier_ties_are_the_real_meetings(store) -> None:
    _, _, _, sheet = _sheet(store, *FIXTURES[1])
    ties = [line.text for line in sheet if line.title == "Earlier ties"]
    # what happened: Liverpool won the 1981 final 1-0 in Paris and knocked Madrid out 5-0
    # on aggregate in 2008-09; Madrid won the 2018 final 3-1
    assert "1980-81 European Cup, final: Liverpool 1-0 Real Madrid." in ties
    assert any(t.startswith("2008-09") and "Liverpool 4-0 Real Madrid" in t for t in ties)
    assert any(t.startswith("2017-18") and "Real Madrid 3-1 Liverpool" in t for t in ties)
