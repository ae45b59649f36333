"""The algebra's types: every query survives its dict form (what `facts --json` gives an
integrator to re-run), with no database."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from matchfacts.facts.query import (
    MATCH_EVENTS,
    Context,
    FirstLeg,
    Query,
    Subject,
    Window,
)

first_legs = st.one_of(
    st.none(),
    st.builds(
        FirstLeg,
        st.sampled_from(("win", "loss")),
        st.sampled_from(("home", "away")),
        st.one_of(st.none(), st.integers(1, 4)),
        st.booleans(),
    ),
)
contexts = st.builds(
    Context,
    competition=st.sampled_from(("all", "european", "league", "UCL", "ENG1")),
    stage=st.sampled_from((None, "knockout", "final", "quarter_final")),
    qualifying=st.booleans(),
    venue=st.sampled_from((None, "home", "away", "neutral")),
    opponent=st.one_of(st.none(), st.integers(1, 2000)),
    opponent_country=st.sampled_from((None, "ESP", "ENG")),
    first_leg=first_legs,
    season=st.sampled_from((None, "2020-21")),
)
windows = st.one_of(
    st.just(Window()),
    st.builds(Window, last=st.integers(1, 20)),
    st.builds(Window, since=st.dates(dt.date(1955, 1, 1), dt.date(2026, 1, 1))),
)
queries = st.builds(
    Query,
    subject=st.builds(Subject, team=st.integers(1, 2000)),
    event=st.sampled_from(MATCH_EVENTS),
    unit=st.just("match"),
    shape=st.sampled_from(("count", "k_of_n", "run", "best_run", "first_since", "nth")),
    context=contexts,
    window=windows,
)


@given(queries)
def test_a_query_survives_its_dict_form(q: Query) -> None:
    assert Query.from_dict(q.as_dict()) == q


def test_a_filter_off_its_default_is_named() -> None:
    ctx = Context(competition="UCL", venue="away")
    assert ctx.filters() == ("competition", "venue")
    assert Context().filters() == ()
