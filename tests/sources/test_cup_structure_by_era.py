"""Error classes (audit, issue 15), schochastics' rebuilt cup structure:
- a replayed Cup Winners' Cup final (1962, 1964, 1971) was framed as the listed home
  side's home match: "Real Madrid have won 28 of their 100 European away knockout matches"
  counted the 1971 final in Athens as away;
- a UEFA Cup/Europa League knockout tie in spring was taken for a group match when both
  sides had met a third club (Benfica v Newcastle, quarter-final, April 2013)."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.sources import schochastics


@pytest.fixture(scope="module")
def matches(source_files):
    return schochastics.parse(source_files("schochastics-football-data")).matches


def test_every_cup_winners_cup_final_after_the_first_is_neutral_replay_and_all(matches):
    finals = [m for m in matches if m.competition.value == "UCWC" and m.stage.value == "final"]
    assert len(finals) > 40
    assert all(m.neutral for m in finals if m.season > "1960-61")
    assert not any(m.neutral for m in finals if m.season == "1960-61")  # two legs


def test_no_europa_league_group_match_after_the_new_year(matches):
    late = [m for m in matches
            if m.competition.value == "UEL" and m.season >= "2004-05" and m.stage.value == "group"
            and m.date >= dt.date(int(m.season[:4]) + 1, 1, 1)]  # fmt: skip
    assert late == []
    benfica = next(m for m in matches if m.date == dt.date(2013, 4, 4) and "Benfica" in m.home.name)
    assert (benfica.stage.value, benfica.round) == ("knockout", "QF")
