"""Error class (audit, issue 15): the first two Fairs Cups ran over three and two years
(1955-58, 1958-60); cut into calendar seasons, each piece had its own "final". Barcelona's
home quarter-final against Inter (7 May 1959) became a final at a neutral ground, and the
1955-57 group matches qualifying rounds, so "Barcelona have won 377 of their 489 home
matches" and "97 of their 322 away matches" were each one short. An edition has one
final."""

from __future__ import annotations

import datetime as dt

from matchfacts.sources import schochastics


def test_an_edition_of_the_fairs_cup_has_one_final(source_files):
    parsed = schochastics.parse(source_files("schochastics-football-data"))
    early = [m for m in parsed.matches
             if m.competition.value == "UEL" and m.date < dt.date(1960, 7, 1)]  # fmt: skip
    finals = sorted((m.date, m.home.name) for m in early if m.stage.value == "final")
    assert [d.year for d, _ in finals] == [1958, 1958, 1960, 1960]
    assert not any(m.neutral for m in early)
    inter = next(m for m in early if m.date == dt.date(1959, 5, 7))
    assert (inter.stage.value, inter.round) == ("knockout", "QF")
    groups = [m for m in early if m.date < dt.date(1957, 7, 1)]
    assert {m.stage.value for m in groups} == {"group"}
