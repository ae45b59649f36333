"""Real ties, decided by the engine from their scores and the rules of their season.

Matches are written "Home v Away 1-1 aet 2-1 pens 4-3" (a.e.t. scores cumulative, as
sources give them); legs in order. Expectations are "winner decided_by".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from matchfacts.rules import MatchResult, TieResult, rules_for, tie_result

_MATCH = re.compile(r"^(.+?) v (.+?) (\d+)-(\d+)(?: aet (\d+)-(\d+))?(?: pens (\d+)-(\d+))?$")


def m(text: str) -> MatchResult:
    found = _MATCH.match(text)
    assert found, text
    home, away, *goals = found.groups()
    return MatchResult(home, away, *(None if g is None else int(g) for g in goals))


@dataclass(frozen=True)
class Case:
    name: str
    where: str  # "UCL 1964-65 QF"
    legs: tuple[str, ...]
    expect: str  # "Liverpool coin_toss"
    replay: str | None = None
    coin: str | None = None

    def decide(self) -> TieResult:
        competition, season, round_code = self.where.split()
        rules = rules_for(competition, season, round_code)
        replay = m(self.replay) if self.replay else None
        legs = [m(leg) for leg in self.legs]
        return tie_result(legs, rules, replay=replay, coin_toss_winner=self.coin)


CASES = [
    Case(
        "Liverpool v Koln 1965: play-off 2-2 a.e.t., coin toss",
        "UCL 1964-65 QF",
        ("Koln v Liverpool 0-0", "Liverpool v Koln 0-0"),
        "Liverpool coin_toss",
        replay="Liverpool v Koln 2-2 aet 2-2",
        coin="Liverpool",
    ),
    Case(
        "Atletico v Vojvodina 1966-67: play-off won in extra time",
        "UCL 1966-67 R2",
        ("Vojvodina v Atletico 3-1", "Atletico v Vojvodina 2-0"),
        "Vojvodina replay",
        replay="Atletico v Vojvodina 2-2 aet 2-3",
    ),
    Case(
        "Ajax v Benfica 1969: no extra time, play-off in Paris",
        "UCL 1968-69 QF",
        ("Ajax v Benfica 1-3", "Benfica v Ajax 1-3"),
        "Ajax replay",
        replay="Ajax v Benfica 0-0 aet 3-0",
    ),
    Case(
        "Real Madrid v Ajax 1967: extra time in the first round",
        "UCL 1967-68 R1",
        ("Ajax v Real Madrid 1-1", "Real Madrid v Ajax 1-1 aet 2-1"),
        "Real Madrid extra_time",
    ),
    Case(
        "Benfica v Celtic 1969: coin toss after extra time",
        "UCL 1969-70 R2",
        ("Celtic v Benfica 3-0", "Benfica v Celtic 3-0 aet 3-0"),
        "Celtic coin_toss",
        coin="Celtic",
    ),
    Case(
        "Everton v Gladbach 1970: the first shoot-out",
        "UCL 1970-71 R2",
        ("Gladbach v Everton 1-1", "Everton v Gladbach 1-1 aet 1-1 pens 4-3"),
        "Everton penalties",
    ),
    Case(
        "Rangers v Sporting 1971: away goal in extra time",
        "UCWC 1971-72 R2",
        ("Rangers v Sporting 3-2", "Sporting v Rangers 3-2 aet 4-3"),
        "Rangers away_goals_extra_time",
    ),
    Case(
        "Gornik v Roma 1970: extra-time away goals not counted",
        "UCWC 1969-70 SF",
        ("Roma v Gornik 1-1", "Gornik v Roma 1-1 aet 2-2"),
        "Gornik coin_toss",
        replay="Roma v Gornik 1-1 aet 1-1",
        coin="Gornik",
    ),
    Case(
        "Roma v PSV 1969: coin toss, no play-off, second round",
        "UCWC 1969-70 R2",
        ("Roma v PSV 1-0", "PSV v Roma 1-0 aet 1-0"),
        "Roma coin_toss",
        coin="Roma",
    ),
    Case(
        "Dinamo Zagreb v Dunfermline 1966: Fairs Cup away goals",
        "UEL 1966-67 R2",
        ("Dunfermline v Dinamo Zagreb 4-2", "Dinamo Zagreb v Dunfermline 2-0"),
        "Dinamo Zagreb away_goals",
    ),
    Case(
        "Leeds v Bologna 1967: Fairs Cup coin toss",
        "UEL 1966-67 QF",
        ("Bologna v Leeds 1-0", "Leeds v Bologna 1-0 aet 1-0"),
        "Leeds coin_toss",
        coin="Leeds",
    ),
    Case(
        "Fairs Cup final 1971: Leeds on away goals",
        "UEL 1970-71 F",
        ("Juventus v Leeds 2-2", "Leeds v Juventus 1-1"),
        "Leeds away_goals",
    ),
    Case(
        "UEFA Cup final 1992: Ajax on away goals",
        "UEL 1991-92 F",
        ("Torino v Ajax 2-2", "Ajax v Torino 0-0"),
        "Ajax away_goals",
    ),
    Case(
        "UEFA Cup final 1984: Tottenham on penalties",
        "UEL 1983-84 F",
        ("Anderlecht v Tottenham 1-1", "Tottenham v Anderlecht 1-1 aet 1-1 pens 4-3"),
        "Tottenham penalties",
    ),
    Case(
        "European Cup final 1974: replayed",
        "UCL 1973-74 F",
        ("Bayern v Atletico 0-0 aet 1-1",),
        "Bayern replay",
        replay="Atletico v Bayern 0-4",
    ),
    Case(
        "European Cup final 1984: Liverpool on penalties",
        "UCL 1983-84 F",
        ("Roma v Liverpool 1-1 aet 1-1 pens 2-4",),
        "Liverpool penalties",
    ),
    Case(
        "Champions League final 2005: Liverpool on penalties",
        "UCL 2004-05 F",
        ("Milan v Liverpool 3-3 aet 3-3 pens 2-3",),
        "Liverpool penalties",
    ),
    Case(
        "Chelsea v PSG 2015: away goal in extra time",
        "UCL 2014-15 R16",
        ("PSG v Chelsea 1-1", "Chelsea v PSG 1-1 aet 2-2"),
        "PSG away_goals_extra_time",
    ),
    Case(
        "Barcelona v PSG 2017: 6-1 after 0-4",
        "UCL 2016-17 R16",
        ("PSG v Barcelona 4-0", "Barcelona v PSG 6-1"),
        "Barcelona aggregate",
    ),
    Case(
        "Liverpool v Barcelona 2019: 4-0 after 0-3",
        "UCL 2018-19 SF",
        ("Barcelona v Liverpool 3-0", "Liverpool v Barcelona 4-0"),
        "Liverpool aggregate",
    ),
    Case(
        "Ajax v Tottenham 2019: Tottenham on away goals",
        "UCL 2018-19 SF",
        ("Tottenham v Ajax 0-1", "Ajax v Tottenham 2-3"),
        "Tottenham away_goals",
    ),
    Case(
        "Barcelona 2-8 Bayern 2020: a single match in Lisbon",
        "UCL 2019-20 QF",
        ("Barcelona v Bayern 2-8",),
        "Bayern normal_time",
    ),
    Case(
        "Juventus v Porto 2021: an away goal in extra time",
        "UCL 2020-21 R16",
        ("Porto v Juventus 2-1", "Juventus v Porto 2-1 aet 3-2"),
        "Porto away_goals_extra_time",
    ),
    Case(
        "Real Madrid v Chelsea 2022: no away goals, extra time",
        "UCL 2021-22 QF",
        ("Chelsea v Real Madrid 1-3", "Real Madrid v Chelsea 1-3 aet 2-3"),
        "Real Madrid extra_time",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_historic_tie(case: Case) -> None:
    result = case.decide()
    winner, decided_by = case.expect.rsplit(" ", 1)
    assert (result.winner, result.decided_by) == (winner, decided_by)
    assert result.conflicts == ()


def test_gornik_roma_would_have_gone_to_roma_a_season_later() -> None:
    # The same legs under 1971-72 rules: Roma's extra-time goal in Chorzow counts double.
    legs = [m("Roma v Gornik 1-1"), m("Gornik v Roma 1-1 aet 2-2")]
    result = tie_result(legs, rules_for("UCWC", "1971-72", "SF"))
    assert (result.winner, result.decided_by) == ("Roma", "away_goals_extra_time")


def test_ajax_tottenham_without_away_goals_would_need_extra_time() -> None:
    legs = [m("Tottenham v Ajax 0-1"), m("Ajax v Tottenham 2-3")]
    result = tie_result(legs, rules_for("UCL", "2021-22", "SF"))
    assert result.decided_by == "undetermined"
    assert "extra time" in result.reason


def test_celtic_coin_toss_without_the_toss_winner_is_undetermined() -> None:
    legs = [m("Celtic v Benfica 3-0"), m("Benfica v Celtic 3-0 aet 3-0")]
    result = tie_result(legs, rules_for("UCL", "1969-70", "R2"))
    assert result.winner is None and result.decided_by == "undetermined"
    assert "coin" in result.reason
