"""read(realise(q)) == q: every sentence the realiser writes for a query of the lattice's
kinds is read back by the checker into that query, with the stated figure, with no
database (a two-club name table stands in for the store)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from matchfacts.check.mentions import MentionFinder
from matchfacts.check.read import Claim, Fixture, Reader
from matchfacts.facts.lattice import RUN_EVENTS
from matchfacts.facts.query import Answer, Context, Query, Subject, Window
from matchfacts.facts.realise import realise

TEAMS = {1: "Liverpool", 2: "Real Madrid"}
COUNTRIES = {1: "ENG", 2: "ESP"}
FINDER = MentionFinder([{"label": "TEAM", "pattern": n, "id": str(i)} for i, n in TEAMS.items()])


class Names:
    def team(self, team_id: int) -> str:
        return TEAMS[team_id]

    def player(self, player_id: int) -> str:  # no players in these queries
        raise KeyError(player_id)


@st.composite
def lattice_queries(draw) -> tuple[Query, Answer]:  # noqa: ANN001
    team = draw(st.sampled_from((1, 2)))
    other = 3 - team
    competition = draw(st.sampled_from(("UCL", "european", "all", "league")))
    venue = draw(st.sampled_from((None, "home", "away")))
    opponent = draw(st.sampled_from((None, other)))
    country = None if opponent or competition in ("all", "league") else draw(
        st.sampled_from((None, COUNTRIES[other]))
    )
    cup = competition in ("UCL", "european")
    stage = draw(st.sampled_from((None, "knockout"))) if cup else None
    season = None
    if opponent is None and country is None and competition != "all":
        season = draw(st.sampled_from((None, "2020-21")))
    ctx = Context(competition=competition, stage=stage, venue=venue, opponent=opponent,
                  opponent_country=country, season=season)  # fmt: skip
    shape = draw(st.sampled_from(("run", "k_of_n", "first_since")))
    subject = Subject(team=team)
    if shape == "run":
        q = Query(subject, draw(st.sampled_from(RUN_EVENTS)), "match", "run", ctx)
        return q, Answer(draw(st.integers(4, 40)), n=50, first_season="1955-56")
    if shape == "first_since":
        q = Query(subject, "win", "match", "first_since", ctx)
        day = draw(st.dates(dt.date(1960, 1, 1), dt.date(2020, 12, 1)))
        return q, Answer(day, n=50, first_season="1955-56")
    last = draw(st.sampled_from((None, 10)))
    n = 10 if last else draw(st.integers(6, 300))
    k = draw(st.integers(0, n))
    q = Query(subject, "win", "match", "k_of_n", ctx, Window(last=last))
    return q, Answer((k, n), n=n, first_season="1955-56")


@settings(max_examples=300, deadline=None)
@given(lattice_queries())
def test_the_checker_reads_back_what_the_realiser_writes(pair: tuple[Query, Answer]) -> None:
    q, answer = pair
    text = realise(q, answer, Names())
    reader = Reader(Fixture(1, 2, "UCL", "2020-21", True, False))
    claim = reader.read(text, FINDER.mentions(FINDER.doc(text)[:]))
    assert isinstance(claim, Claim), (text, claim)
    assert claim.query == q, text
    if q.shape == "first_since":
        assert (claim.stated.year, claim.stated.month) == (answer.value.year, answer.value.month)
    else:
        assert claim.stated == answer.value, text
