"""football-datasets parser against the real mirror, and against changed copies of its files."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from matchfacts.errors import ParseError
from matchfacts.sources import footballdata
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.records import Competition, MatchRecord, Stage, Status
from matchfacts.sources.registry import ParsedSource, SourceFiles, source

NAME = "football-datasets"
PL_2021 = "premier-league/season-2021.csv"


@pytest.fixture(scope="module")
def parsed(source_files) -> ParsedSource:
    return footballdata.parse(source_files(NAME))


def find(matches: list[MatchRecord], date: str, home: str, away: str) -> MatchRecord:
    day = dt.date.fromisoformat(date)
    found = [m for m in matches if m.date == day and (m.home.name, m.away.name) == (home, away)]
    assert len(found) == 1, found
    return found[0]


def test_row_counts(parsed, source_files):
    assert len(source_files(NAME).names("*/season-*.csv")) == 165  # 5 leagues, 33 seasons
    assert Counter(m.country for m in parsed.matches) == {
        "ENG": 12704,
        "ESP": 12704,
        "FRA": 11847,
        "ITA": 11726,
        "GER": 10098,
    }
    assert {(m.competition, m.stage, m.tier, m.status) for m in parsed.matches} == {
        (Competition.LEAGUE, Stage.LEAGUE, 1, Status.PLAYED)
    }
    seasons = Counter(m.season for m in parsed.matches if m.country == "ENG")
    assert seasons["1993-94"] == seasons["1994-95"] == 462  # 22 clubs
    assert seasons["2020-21"] == 380
    ligue_1 = Counter(m.season for m in parsed.matches if m.country == "FRA")
    assert ligue_1["2019-20"] == 279  # stopped in March 2020


def test_fulham_0_arsenal_3_opened_2020_21(parsed):
    match = find(parsed.matches, "2020-09-12", "Fulham", "Arsenal")
    assert (match.ref.source, match.ref.file, match.ref.line) == (NAME, PL_2021, 2)
    assert (match.season, match.country, match.tier) == ("2020-21", "ENG", 1)
    assert (match.home_goals, match.away_goals) == (0, 3)
    assert (match.home_goals_ht, match.away_goals_ht) == (0, 1)
    assert match.home.country is None  # the file does not say
    shots = (match.home_shots, match.away_shots)
    assert shots + (match.home_shots_on_target, match.away_shots_on_target) == (5, 13, 2, 6)


def test_shots_where_counted(parsed):
    """Every season since 2005-06 has all four counts in every row; the 2003-06
    Bundesliga rows have shots but not shots on target; the 1990s none."""
    by_season: dict[tuple[str, str], Counter] = {}
    for m in parsed.matches:
        counts = by_season.setdefault((m.ref.file.split("/")[0], m.season), Counter())
        counts["rows"] += 1
        counts["shots"] += m.home_shots is not None
        counts["on target"] += m.home_shots_on_target is not None
    assert by_season[("premier-league", "1995-96")]["shots"] == 0
    assert by_season[("bundesliga", "2004-05")]["shots"] == 306
    assert by_season[("bundesliga", "2004-05")]["on target"] == 0
    for (_, season), counts in by_season.items():
        if "2006-07" <= season <= "2024-25":
            assert counts["on target"] >= counts["rows"] - 1, (season, counts)


def test_shots_on_target_above_shots_lose_the_shots_not_the_match(parsed, caplog):
    """Newcastle-West Ham, 15 August 2021: 17-8 shots, 3-9 on target."""
    match = find(parsed.matches, "2021-08-15", "Newcastle", "West Ham")
    assert (match.home_goals, match.away_goals) == (2, 4)
    assert match.home_shots is match.home_shots_on_target is None


def test_season_from_file_name(parsed):
    seasons = {m.ref.file: m.season for m in parsed.matches}
    assert seasons["premier-league/season-9394.csv"] == "1993-94"
    assert seasons["serie-a/season-9900.csv"] == "1999-00"
    assert seasons["la-liga/season-0001.csv"] == "2000-01"
    assert seasons["bundesliga/season-2526.csv"] == "2025-26"


def test_half_time_scores_missing_before_1995_only(parsed):
    first = find(parsed.matches, "1993-08-14", "Arsenal", "Coventry")
    assert (first.home_goals, first.away_goals, first.home_goals_ht) == (0, 3, None)
    early = {"1993-94", "1994-95", "1995-96", "1996-97", "1997-98"}
    later = {
        (m.date.isoformat(), m.home.name, m.away.name, m.home_goals, m.away_goals)
        for m in parsed.matches
        if m.home_goals_ht is None and m.season not in early
    }
    assert later == {  # results awarded after the match, written as scores
        ("1999-01-10", "Valladolid", "Betis", 0, 3),
        ("2012-09-23", "Cagliari", "Roma", 0, 3),
        ("2016-08-28", "Sassuolo", "Pescara", 0, 3),
        ("2017-04-16", "Bastia", "Lyon", 0, 3),
        ("2024-12-14", "Union Berlin", "Bochum", 0, 2),
    }


def test_liverpool_2019_20(parsed):
    liverpool = [
        m
        for m in parsed.matches
        if m.season == "2019-20"
        and m.country == "ENG"
        and "Liverpool" in (m.home.name, m.away.name)
    ]
    results = Counter(
        "W" if own > other else "D" if own == other else "L"
        for m in liverpool
        for own, other in [
            (m.home_goals, m.away_goals)
            if m.home.name == "Liverpool"
            else (m.away_goals, m.home_goals)
        ]
    )
    assert results == {"W": 32, "D": 3, "L": 3}  # 99 points, the title


def test_ftr_always_agrees_with_the_goals_and_three_rows_have_impossible_shots(
    source_files, caplog
):
    with caplog.at_level(logging.WARNING, logger="matchfacts.sources.footballdata"):
        footballdata.parse(source_files(NAME))
    assert [r.getMessage() for r in caplog.records] == [
        "premier-league/season-0001.csv:82: shots on target 5-5 exceed shots 0-4; shots left out",
        "premier-league/season-0001.csv:319: shots on target 8-8 exceed shots 4-3; shots left out",
        "premier-league/season-2122.csv:10: shots on target 3-9 exceed shots 17-8; shots left out",
    ]


# --- changed copies ------------------------------------------------------------------


def copy_with(tmp_path: Path, mirror: Path, change: Callable[[str], str]) -> SourceFiles:
    """The source's files as links to the mirror, but PL 2020-21 changed by `change`."""
    for original in (mirror / NAME).glob("*/season-*.csv"):
        target = tmp_path / original.parent.name / original.name
        target.parent.mkdir(exist_ok=True)
        if f"{original.parent.name}/{original.name}" == PL_2021:
            target.write_text(change(original.read_text("utf-8")), "utf-8")
        else:
            target.symlink_to(original)
    return SourceFiles(source(NAME), Fetcher(local_dirs={NAME: tmp_path}, verify=False))


def edit_line(number: int, old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        lines = text.split("\n")
        assert old in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return "\n".join(lines)

    return change


def pl_2021(files: SourceFiles) -> list[MatchRecord]:
    return [m for m in footballdata.parse(files).matches if m.ref.file == PL_2021]


def test_football_data_co_uk_dates_empty_rows_and_extra_commas(tmp_path, mirror):
    def change(text: str) -> str:
        text = edit_line(2, "2020-09-12,", "12/09/20,")(text)  # dd/mm/yy
        text = edit_line(3, "2020-09-12,", "12/09/2020,")(text)  # dd/mm/yyyy
        text = edit_line(4, ",0,0,0", ",0,0,0,,")(text)  # extra commas, nothing in them
        return text + ",,,,,,,,,,,,,,,,,,,,,\n\n"  # empty rows at the end

    matches = pl_2021(copy_with(tmp_path, mirror, change))
    assert len(matches) == 380
    assert [m.date for m in matches[:3]] == [dt.date(2020, 9, 12)] * 3
    assert matches[0].ref.line == 2 and matches[-1].ref.line == 381


def test_ftr_disagreeing_with_the_goals_is_logged_and_the_goals_kept(tmp_path, mirror, caplog):
    files = copy_with(tmp_path, mirror, edit_line(2, ",0,3,A,", ",0,3,H,"))
    with caplog.at_level(logging.WARNING, logger="matchfacts.sources.footballdata"):
        fulham = pl_2021(files)[0]
    assert (fulham.home_goals, fulham.away_goals) == (0, 3)
    assert [r.getMessage() for r in caplog.records if "FTR" in r.getMessage()] == [
        f"{PL_2021}:2: FTR 'H' disagrees with FTHG-FTAG 0-3; goals kept"
    ]


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (2, ",0,3,A,", ",0,x,A,", "FTAG 'x'"),
        (2, ",0,3,A,", ",,3,A,", "full-time score ''-'3'"),
        (2, ",0,1,A,C", ",0,,A,C", "half-time score '0'-''"),
        (2, ",0,3,A,", ",0,3,W,", "FTR 'W'"),
        (3, "2020-09-12,", "2020-09-31,", "Date '2020-09-31'"),
        (3, "2020-09-12,", "12/09/18,", "Date '12/09/18'"),
        (3, "2020-09-12,", "2019-09-12,", "outside season 2020-21"),
        (3, "2020-09-12,", "Sep 12 2020,", "Date 'Sep 12 2020'"),
        (4, "Liverpool", "", "HomeTeam is missing"),
        (2, ",5,13,2,6,", ",5,x,2,6,", "HS '5', AS 'x': not a pair of counts"),
        (2, ",5,13,2,6,", ",5,13,2,,", "HST '2', AST '': not a pair of counts"),
        (5, ",2,2,0,0", ",2,2,0,0,,7", "extra ['7']"),
        (6, "Leicester,", "Leicester,,", "23 fields, the header has 22: extra ['0']"),
    ],
)
def test_garbled_row_names_file_line_and_value(tmp_path, mirror, line, old, new, message):
    files = copy_with(tmp_path, mirror, edit_line(line, old, new))
    with pytest.raises(ParseError) as error:
        footballdata.parse(files)
    assert (error.value.file, error.value.line) == (PL_2021, line)
    assert message in str(error.value)
