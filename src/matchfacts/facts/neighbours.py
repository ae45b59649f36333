"""The natural other readings of a query: drop one filter, count the qualifying rounds,
widen a competition to every European one (or narrow it), home and away together, another
window (the last ten, since 1992-93).

The ranking asks whether a fact survives its neighbours (robustness); the checker asks
whether a neighbour gives the figure a writer stated (imprecise, naming the reading).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields, replace

from matchfacts.facts.lexicon import LEXICON
from matchfacts.facts.query import EVER, Context, Query, Window

SINCE_1992 = dt.date(1992, 8, 1)  # the Champions League era, a natural window

READINGS = {  # a dropped filter, in words
    "competition": "in every competition held",
    "stage": "at every stage",
    "venue": "home and away together",
    "opponent": "against every opponent",
    "opponent_country": "against every country's sides",
    "season": "in every season",
    "first_leg": "whatever the first leg",
}


def neighbours(q: Query) -> Iterator[tuple[str, Query]]:
    """(the reading in words, the query) for each natural neighbour of `q`."""
    ctx = q.context
    for name in ctx.filters():
        if name in ("qualifying", "match"):
            continue
        if name == "first_leg" and q.unit == "tie" and q.subject.sides:
            continue  # a base rate without its situation is no neighbour
        default = next(f for f in fields(Context) if f.name == name).default
        yield READINGS.get(name, f"without {name}"), q.with_context(**{name: default})
    if not ctx.qualifying and ctx.competition not in ("league",):
        yield "with the qualifying rounds counted", q.with_context(qualifying=True)
    if ctx.competition in LEXICON.european:
        yield "in every European competition", q.with_context(competition="european")
    if ctx.venue is None and ctx.opponent is None and q.unit == "match":
        for venue in ("home", "away"):
            yield f"{venue} matches only", q.with_context(venue=venue)
    if q.shape in ("k_of_n", "count", "record", "share"):
        if q.window.everything:
            yield "since 1992-93", q.with_window(Window(since=SINCE_1992))
            yield "in the last ten", q.with_window(Window(last=10))
        else:
            yield "in every match held", q.with_window(EVER)
        if q.window.last is not None:
            for n in (q.window.last - 1, q.window.last + 1):
                if n > 0:
                    yield f"in the last {n}", q.with_window(Window(last=n))
    if q.event in ("win", "unbeaten") and q.shape in ("run",):
        other = "unbeaten" if q.event == "win" else "win"
        yield f"counting {'draws' if other == 'unbeaten' else 'wins only'}", replace(
            q, event=other
        )
