"""engsoccerdata parser against the real mirror, and against broken copies of its files."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from matchfacts.errors import ParseError
from matchfacts.sources import engsoccerdata
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.records import ROUNDS, Competition, MatchRecord, Stage, Status
from matchfacts.sources.registry import ParsedSource, SourceFiles, source

NAME = "engsoccerdata"


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def parsed_and_warnings(source_files) -> tuple[ParsedSource, list[int]]:
    """The whole source parsed once (5 s), with the lines its warnings name."""
    keep, logger = _Keep(), logging.getLogger("matchfacts.sources.engsoccerdata")
    logger.addHandler(keep)
    try:
        parsed = engsoccerdata.parse(source_files(NAME))
    finally:
        logger.removeHandler(keep)
    return parsed, [int(r.getMessage().split(":")[1]) for r in keep.records]


@pytest.fixture(scope="module")
def parsed(parsed_and_warnings) -> ParsedSource:
    return parsed_and_warnings[0]


@pytest.fixture(scope="module")
def warnings(parsed_and_warnings) -> list[int]:
    return parsed_and_warnings[1]


@pytest.fixture(scope="module")
def ucl(parsed) -> list[MatchRecord]:
    return [m for m in parsed.matches if m.competition is Competition.CHAMPIONS_LEAGUE]


def find(matches: list[MatchRecord], date: str, home: str, away: str) -> MatchRecord:
    found = [
        m
        for m in matches
        if m.date == dt.date.fromisoformat(date) and (m.home.name, m.away.name) == (home, away)
    ]
    assert len(found) == 1, found
    return found[0]


def test_row_counts(parsed):
    counts = Counter((m.competition, m.country) for m in parsed.matches)
    assert counts == {
        (Competition.CHAMPIONS_LEAGUE, None): 6556,
        (Competition.LEAGUE, "ENG"): 208028,
        (Competition.LEAGUE, "GER"): 38918,
        (Competition.LEAGUE, "FRA"): 29558,
        (Competition.LEAGUE, "ITA"): 28824,
        (Competition.LEAGUE, "ESP"): 27335,
        (Competition.LEAGUE, "SCO"): 22079,
        (Competition.LEAGUE, "NED"): 20776,
        (Competition.LEAGUE, "TUR"): 9786,
        (Competition.LEAGUE, "POR"): 8958,
        (Competition.LEAGUE, "BEL"): 8394,
        (Competition.LEAGUE, "GRE"): 7902,
    }
    assert parsed.goals == [] and parsed.kicks == []


def test_2005_final_level_after_90_and_extra_time_liverpool_on_penalties(ucl):
    final = find(ucl, "2005-05-25", "Liverpool", "AC Milan")
    assert final.ref.file == "champs.csv" and final.ref.line == 4216
    assert final.season == "2004-05"
    assert (final.stage, final.round, final.leg, final.neutral) == (Stage.FINAL, "F", None, True)
    assert (final.home_goals_ht, final.away_goals_ht) == (0, 3)
    assert (final.home_goals, final.away_goals) == (3, 3)
    assert (final.home_goals_et, final.away_goals_et) == (3, 3)
    assert (final.home_pens, final.away_pens) == (3, 2)
    assert final.went_to_extra_time and final.went_to_penalties
    assert final.source_tie_winner == "Liverpool"
    assert (final.home.country, final.away.country) == ("ENG", "ITA")


def test_1960_final_real_madrid_7_3(ucl):
    final = find(ucl, "1960-05-18", "Real Madrid", "Frankfurter SG Eintracht")
    assert final.season == "1959-60" and final.round == "F" and final.neutral is True
    assert (final.home_goals, final.away_goals, final.home_goals_ht, final.away_goals_ht) == (
        7,
        3,
        3,
        1,
    )
    assert final.went_to_extra_time is False and final.home_goals_et is None


def test_hgoal_is_the_score_after_90_minutes(ucl):
    milan = find(ucl, "1958-05-28", "Real Madrid", "AC Milan")  # 2-2, 3-2 after extra time
    assert (milan.home_goals, milan.away_goals) == (2, 2)
    assert (milan.home_goals_et, milan.away_goals_et) == (3, 2)
    united = find(ucl, "1968-05-29", "Manchester United", "SL Benfica")  # 1-1, then 4-1
    assert (united.home_goals, united.away_goals, united.home_goals_et) == (1, 1, 4)


def test_replays_are_leg_3(ucl):
    assert sum(m.leg == 3 for m in ucl) == 34
    replay = find(ucl, "1956-12-13", "Real Madrid", "Rapid Wien")
    assert (replay.round, replay.leg, replay.home_goals, replay.away_goals) == ("R16", 3, 2, 0)
    koln = find(ucl, "1965-03-24", "Liverpool", "Koln")  # 2-2 after extra time, coin toss
    assert (koln.round, koln.leg, koln.home_goals_et, koln.away_goals_et) == ("QF", 3, 2, 2)
    assert koln.source_decided_by == "coin toss" and koln.went_to_penalties is False
    first = find(ucl, "1974-05-15", "Bayern Munich", "Atletico Madrid")
    again = find(ucl, "1974-05-17", "Bayern Munich", "Atletico Madrid")
    assert (first.round, first.leg, first.home_goals, first.away_goals) == ("F", None, 1, 1)
    assert (again.round, again.leg, again.home_goals, again.away_goals) == ("F", 3, 4, 0)
    assert first.neutral is again.neutral is True


def test_rounds_stages_and_legs(ucl):
    assert {m.round for m in ucl} <= set(ROUNDS)
    assert Counter(m.round for m in ucl) == {
        "GROUP": 1992, "R1": 1121, "R16": 768, "Q2": 582, "Q3": 528, "QF": 470, "Q1": 318,
        "SF": 237, "GROUP2": 192, "PO": 140, "PRE": 96, "F": 64, "R2": 48,
    }  # fmt: skip
    assert all(m.leg is None for m in ucl if m.stage is Stage.GROUP)
    assert all(m.neutral is True for m in ucl if m.stage is Stage.FINAL)
    assert {m.round for m in ucl if m.season == "1973-74"} == {"R1", "R16", "QF", "SF", "F"}
    assert {m.stage for m in ucl if m.round in ("PRE", "Q1", "Q2", "Q3", "PO")} == {
        Stage.QUALIFYING
    }


def test_every_two_legged_tie_has_leg_1_before_leg_2(ucl):
    ties: dict[tuple, list[MatchRecord]] = defaultdict(list)
    for m in ucl:
        if m.leg in (1, 2):
            ties[(m.season, m.round, frozenset((m.home.name, m.away.name)))].append(m)
    same_day = []
    for legs in ties.values():
        if len(legs) == 2:  # 1961-62: Linfield did not play the second leg in East Germany
            first, second = sorted(legs, key=lambda m: m.leg or 0)
            assert (first.leg, second.leg) == (1, 2) and first.date <= second.date
            if first.date == second.date:
                same_day.append((first.season, first.round))
    # The source dates both legs of five 1982-83 second-round ties alike (one is wrong).
    assert same_day == [("1982-83", "R16")] * 5


def test_duplicate_legs_of_1992_are_renumbered_and_logged(parsed, warnings):
    assert sorted(line for line in warnings) == list(range(2157, 2165))
    olimpija = find(parsed.matches, "1992-08-19", "Olimpija Ljubljana", "FC Norma Tallinn")
    assert olimpija.leg == 1  # written leg 2, as is the return leg on 1992-09-02


def test_deciders_other_than_penalties(ucl):
    assert Counter(m.source_decided_by for m in ucl if m.source_decided_by) == {
        "away goals": 140,
        "coin toss": 7,
        "walkover": 2,
    }
    assert sum(m.went_to_penalties for m in ucl) == 56
    marseille = find(ucl, "1991-03-20", "Olympique Marseille", "AC Milan")
    assert marseille.status is Status.ABANDONED and marseille.source_decided_by == "walkover"
    assert (marseille.home_goals, marseille.away_goals) == (3, 0)  # awarded


def test_england(parsed):
    england = [m for m in parsed.matches if m.country == "ENG"]
    first = england[0]
    assert (first.ref.file, first.ref.line, first.date) == ("england.rda", 2, dt.date(1888, 9, 8))
    assert sum(m.tier == 1 and m.season == "2020-21" for m in england) == 380
    fulham = find(england, "2020-09-12", "Fulham", "Arsenal")
    assert (fulham.home_goals, fulham.away_goals, fulham.tier) == (0, 3, 1)
    assert (fulham.stage, fulham.home.country) == (Stage.LEAGUE, None)
    assert Counter(m.tier for m in england) == {1: 50570, 2: 55804, 3: 65708, 4: 35946}
    assert not any(m.season == "2022-23" for m in england)  # a gap in the source


def league_champions(matches: list[MatchRecord]) -> dict[str, str]:
    """Champion of each season: 2 points a win before 1981-82, 3 after; ties broken on
    goal average before 1976-77, goal difference then goals scored after."""
    tables: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for m in matches:
        start = int(m.season[:4])
        for team, scored, conceded in (
            (m.home.name, m.home_goals or 0, m.away_goals or 0),
            (m.away.name, m.away_goals or 0, m.home_goals or 0),
        ):
            row = tables[m.season][team]
            win = 3 if start >= 1981 else 2
            row[0] += win if scored > conceded else 1 if scored == conceded else 0
            row[1] += scored
            row[2] += conceded

    def rank(season: str, row: list[int]) -> tuple[float, ...]:
        points, scored, conceded = row
        if int(season[:4]) < 1976:
            return (points, scored / conceded if conceded else float("inf"))
        return (points, scored - conceded, scored)

    return {s: max(t, key=lambda team: rank(s, t[team])) for s, t in tables.items()}


def test_liverpools_english_titles(parsed):
    top = [m for m in parsed.matches if m.country == "ENG" and m.tier == 1]
    titles = sorted(s for s, team in league_champions(top).items() if team == "Liverpool")
    assert titles == [
        "1900-01", "1905-06", "1921-22", "1922-23", "1946-47", "1963-64", "1965-66",
        "1972-73", "1975-76", "1976-77", "1978-79", "1979-80", "1981-82", "1982-83",
        "1983-84", "1985-86", "1987-88", "1989-90", "2019-20", "2024-25",
    ]  # fmt: skip


def test_other_leagues(parsed):
    spain = [m for m in parsed.matches if m.country == "ESP"]
    phase2 = [m for m in spain if m.round == "GROUP2"]
    assert len(phase2) == 90 and {m.season for m in phase2} == {"1986-87"}
    assert all(m.stage is Stage.LEAGUE for m in spain)
    almeria = find(spain, "1980-03-30", "CD Malaga", "AD Almeria")
    assert almeria.source_decided_by == "1-0 win awarded to AD Almeria"
    assert (almeria.away_goals, almeria.home_goals_ht, almeria.away_goals_ht) == (1, 0, 0)
    derby = find(parsed.matches, "2019-03-17", "Panathinaikos", "Olympiakos")
    assert derby.status is Status.SCHEDULED and derby.home_goals is None
    scotland = Counter(m.tier for m in parsed.matches if m.country == "SCO")
    assert scotland == {1: 6731, 2: 5492, 3: 4929, 4: 4927}
    feirense = [m for m in parsed.matches if m.home.name.startswith("Feirense")]
    assert {m.home.name for m in feirense} == {"Feirense"}  # one written "Feirense "


# --- broken copies -------------------------------------------------------------------


def copy_with(
    tmp_path: Path, mirror: Path, name: str, change: Callable[[bytes], bytes]
) -> SourceFiles:
    """The source's files as links to the mirror, but `name` changed by `change`."""
    tmp_path.mkdir(exist_ok=True)
    for original in (mirror / NAME).iterdir():
        target = tmp_path / original.name
        if original.name == name:
            target.write_bytes(change(original.read_bytes()))
        else:
            target.symlink_to(original)
    return SourceFiles(source(NAME), Fetcher(local_dirs={NAME: tmp_path}, verify=False))


def replace_line(number: int, old: str, new: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        lines = data.decode().split("\n")
        assert old in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return "\n".join(lines).encode()

    return change


@pytest.mark.parametrize(
    ("file", "line", "old", "new", "message"),
    [
        ("champs.csv", 4216, '"3-2",3,3', '"3-2",x,3', "hgoal 'x'"),
        ("champs.csv", 4216, '"final"', '"finale"', "unknown round 'finale'"),
        ("champs.csv", 36, '"replay"', '"replayed"', "unknown leg 'replayed'"),
        ("champs.csv", 4216, '"3-3","3-2"', '"3-3","3:2"', "pens '3:2'"),
        ("champs.csv", 4216, '"3-3","0-3"', '"3-4","0-3"', "FT '3-4' disagrees"),
        ("champs.csv", 30, "1956-06-13", "1956-06-31", "Date '1956-06-31'"),
        ("spain.csv", 10438, '"league"', '"cup"', "unknown round 'cup'"),
        ("scotland.csv", 2, '"SC0",1', '"SC0",2', "division 'SC0' is unknown or not tier 2"),
        ("greece.csv", 6428, '"NA-NA",NA,NA', '"NA-NA",1,NA', "vgoal is missing"),
        ("holland.csv", 3, '"1-2",1,2,1', '"1-2",1,2', "header of 8"),
        ("italy.csv", 2, '"Juventus"', '""', "home is missing"),
    ],
)
def test_garbled_row_names_file_line_and_value(tmp_path, mirror, file, line, old, new, message):
    files = copy_with(tmp_path, mirror, file, replace_line(line, old, new))
    with pytest.raises(ParseError) as error:
        engsoccerdata.parse(files)
    assert (error.value.file, error.value.line) == (file, line)
    assert message in str(error.value)


def test_quoted_line_break_keeps_physical_line_numbers(tmp_path, mirror):
    # A name with a line break inside quotes: the rows after it start one line later,
    # so the 4th data row, line 5 of the original, is reported on line 6.
    break_name = replace_line(2, '"AFC Ajax"', '"AFC\nAjax"')
    garble = replace_line(5, ",1956,", ",1956x,")
    files = copy_with(tmp_path, mirror, "holland.csv", lambda data: break_name(garble(data)))
    with pytest.raises(ParseError) as error:
        engsoccerdata.parse(files)
    assert (error.value.file, error.value.line) == ("holland.csv", 6)
    assert "Season '1956x'" in str(error.value)


def test_truncated_rda_names_the_file(tmp_path, mirror):
    files = copy_with(tmp_path, mirror, "england.rda", lambda data: data[: len(data) // 2])
    with pytest.raises(ParseError) as error:
        engsoccerdata.parse(files)
    assert (error.value.file, error.value.line) == ("england.rda", None)
