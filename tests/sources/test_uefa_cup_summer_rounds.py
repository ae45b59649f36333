"""Error class (audit, issue 15): the UEFA Cup's and the Cup Winners' Cup's qualifying
rounds (July and August, 1993-94 to 2008-09) were named rounds of the competition proper
(a qualifying tie of Celtic's in August 1996 counted among "Celtic's European home
matches"), and in 2004-09 September's first round proper was named a qualifying round
(Sporting "played 12" in the 2004-05 UEFA Cup, where they played 14 after the summer)."""

from __future__ import annotations

import datetime as dt

from matchfacts.sources import schochastics


def test_summer_rounds_are_qualifying_and_september_begins_the_competition(source_files):
    parsed = schochastics.parse(source_files("schochastics-football-data"))
    checked = 0
    for m in parsed.matches:
        if m.competition.value not in ("UEL", "UCWC") or not "1993-94" <= m.season <= "2008-09":
            continue
        september = dt.date(int(m.season[:4]), 9, 1)
        if m.date < september - dt.timedelta(days=7):
            assert m.stage.value == "qualifying", m
        elif september + dt.timedelta(days=9) <= m.date < dt.date(september.year, 10, 1) \
                and m.stage.value != "group":  # fmt: skip
            assert m.stage.value == "knockout", m
            checked += 1
    assert checked > 500
