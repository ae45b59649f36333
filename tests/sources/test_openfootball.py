"""The openfootball champions-league parser, against the real files of the mirror."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from matchfacts.errors import ParseError
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.openfootball import parse
from matchfacts.sources.records import (
    ROUNDS,
    Competition,
    MatchRecord,
    Stage,
    Status,
    season_label,
)
from matchfacts.sources.registry import ParsedSource, SourceFiles, source

SOURCE = "openfootball-champions-league"


@pytest.fixture(scope="module")
def files(source_files) -> SourceFiles:
    return source_files(SOURCE)


@pytest.fixture(scope="module")
def parsed(files: SourceFiles) -> ParsedSource:
    return parse(files)


def the_match(parsed: ParsedSource, file: str, home: str, away: str, rnd: str) -> MatchRecord:
    found = [
        m
        for m in parsed.matches
        if m.ref.file == file and m.home.name == home and m.away.name == away and m.round == rnd
    ]
    assert len(found) == 1, found
    return found[0]


# --- coverage -------------------------------------------------------------------------


def test_every_champions_league_season_is_there(parsed: ParsedSource) -> None:
    seasons = {m.season for m in parsed.matches if m.ref.file.endswith("/cl.txt")}
    assert seasons == {season_label(year) for year in range(2011, 2026)}


def test_counts_agree_with_the_files_own_match_count(files: SourceFiles, parsed) -> None:
    # Every file states "# Matches N" and every count agrees, including 2019-20 (119:
    # the Lisbon quarter- and semi-finals were single matches), 2025-26 cl (189 with
    # the final not yet played in the pinned copy) and files with awarded or
    # cancelled matches, which the header counts as well.
    per_file = Counter(m.ref.file for m in parsed.matches)
    names = files.names("*/*.txt")
    assert len(names) == 30
    for name in names:
        text = files.path(name).read_text(encoding="utf-8")
        declared = re.search(r"^# Matches\s+(\d+)", text, re.MULTILINE)
        assert declared is not None, name
        assert per_file[name] == int(declared[1]), name


def test_each_record_points_at_its_own_line(files: SourceFiles, parsed) -> None:
    lines = {
        name: files.path(name).read_text(encoding="utf-8").split("\n")
        for name in files.names("*/*.txt")
    }
    for m in parsed.matches:
        text = lines[m.ref.file][m.ref.line - 1]
        assert m.ref.source == SOURCE
        assert f"{m.home.name} ({m.home.country})" in text
        assert f"{m.away.name} ({m.away.country})" in text
    assert parsed.goals == [] and parsed.kicks == []  # the source has no scorers


# --- scores ---------------------------------------------------------------------------


def test_two_legged_quarter_final_2020_21(parsed: ParsedSource) -> None:
    first = the_match(parsed, "2020-21/cl.txt", "Real Madrid", "Liverpool FC", "QF")
    second = the_match(parsed, "2020-21/cl.txt", "Liverpool FC", "Real Madrid", "QF")
    assert (first.date, first.leg, first.home_goals, first.away_goals) == (
        dt.date(2021, 4, 6),
        1,
        3,
        1,
    )
    assert (first.home_goals_ht, first.away_goals_ht) == (2, 0)
    assert (second.date, second.leg, second.home_goals, second.away_goals) == (
        dt.date(2021, 4, 14),
        2,
        0,
        0,
    )
    assert second.home_goals_ht is None  # "0-0" with no half-time score given
    assert first.competition is Competition.CHAMPIONS_LEAGUE and first.season == "2020-21"
    assert first.stage is Stage.KNOCKOUT and first.neutral is None
    assert first.home.country == "ESP" and first.away.country == "ENG"
    assert first.went_to_extra_time is False and first.went_to_penalties is False


def test_extra_time_juventus_porto_2020_21(parsed: ParsedSource) -> None:
    # "3-2 a.e.t. (2-1, 0-1)": 2-1 after 90 minutes, 0-1 at half time.
    m = the_match(parsed, "2020-21/cl.txt", "Juventus", "FC Porto", "R16")
    assert (m.home_goals, m.away_goals) == (2, 1)
    assert (m.home_goals_ht, m.away_goals_ht) == (0, 1)
    assert (m.home_goals_et, m.away_goals_et) == (3, 2)
    assert m.went_to_extra_time is True and m.went_to_penalties is False
    assert m.home_pens is None and m.leg == 2 and m.date == dt.date(2021, 3, 9)


@pytest.mark.parametrize(
    ("file", "home", "away", "ft", "ht", "pens"),
    [
        # 2012 Munich: 1-1 after 90 and 120 minutes, Chelsea win the shoot-out 4-3.
        ("2011-12/cl.txt", "Bayern München", "Chelsea FC", (1, 1), (0, 0), (3, 4)),
        # 2016 Milan: Ramos scores first, Carrasco equalises, Real win 5-3 on penalties.
        ("2015-16/cl.txt", "Real Madrid", "Atlético Madrid", (1, 1), (1, 0), (5, 3)),
        # 2021 Gdańsk: the 11-10 shoot-out, two-digit scores.
        ("2020-21/el.txt", "Villarreal CF", "Manchester United", (1, 1), (1, 0), (11, 10)),
    ],
)
def test_finals_decided_on_penalties(parsed, file, home, away, ft, ht, pens) -> None:
    m = the_match(parsed, file, home, away, "F")
    assert (m.home_goals, m.away_goals) == ft
    assert (m.home_goals_et, m.away_goals_et) == ft  # no goals in extra time
    assert (m.home_goals_ht, m.away_goals_ht) == ht
    assert (m.home_pens, m.away_pens) == pens
    assert m.went_to_extra_time is True and m.went_to_penalties is True
    assert m.stage is Stage.FINAL and m.leg is None and m.neutral is True


def test_one_score_in_parentheses_after_extra_time_is_the_90_minute_score(parsed) -> None:
    # "8-7 pen. 0-0 a.e.t. (0-0)": no half-time score is given.
    m = the_match(parsed, "2015-16/cl.txt", "Atlético Madrid", "PSV Eindhoven", "R16")
    assert (m.home_goals, m.away_goals, m.home_pens, m.away_pens) == (0, 0, 8, 7)
    assert m.home_goals_ht is None and m.away_goals_ht is None
    # The 2024 Conference League final: 0-0 after 90, El Kaabi's goal in the 116th.
    final = the_match(parsed, "2023-24/conf.txt", "Olympiakos Piraeus", "ACF Fiorentina", "F")
    assert (final.home_goals, final.away_goals) == (0, 0)
    assert (final.home_goals_et, final.away_goals_et) == (1, 0)
    assert final.went_to_penalties is False


def test_awarded_cancelled_and_unplayed(parsed: ParsedSource) -> None:
    awarded = the_match(parsed, "2020-21/el.txt", "Villarreal CF", "Qarabağ FK", "GROUP")
    assert awarded.status is Status.CANCELLED and awarded.source_decided_by == "awarded"
    assert (awarded.home_goals, awarded.away_goals) == (3, 0)  # the official result
    assert awarded.went_to_extra_time is None
    for home, away in [("RB Leipzig", "Spartak Moskva"), ("Spartak Moskva", "RB Leipzig")]:
        m = the_match(parsed, "2021-22/el.txt", home, away, "R16")
        assert m.status is Status.CANCELLED and m.source_decided_by == "cancelled"
        assert m.home_goals is None and m.leg is not None
    final = the_match(parsed, "2025-26/cl.txt", "Paris Saint-Germain FC", "Arsenal FC", "F")
    assert final.status is Status.SCHEDULED and final.home_goals is None
    assert final.date == dt.date(2026, 5, 30)
    statuses = Counter(m.status for m in parsed.matches)
    assert statuses[Status.CANCELLED] == 6 and statuses[Status.SCHEDULED] == 1


# --- rounds, legs, dates --------------------------------------------------------------


def test_rounds_and_stages(parsed: ParsedSource) -> None:
    rounds = Counter((m.ref.file, m.round) for m in parsed.matches)
    assert all(m.round in ROUNDS for m in parsed.matches)
    assert rounds["2020-21/el.txt", "R32"] == 32  # "Sechzehntelfinale"
    assert rounds["2024-25/cl.txt", "LEAGUE_PHASE"] == 144
    assert rounds["2024-25/cl.txt", "KPO"] == 16  # "Playoffs, Matchday 1/2"
    assert rounds["2021-22/el.txt", "KPO"] == 16  # "Playoffs" in a main file
    assert rounds["2023-24/cl.txt", "GROUP"] == 96  # "Group, Matchday N"
    assert rounds["2020-21/cl.txt", "GROUP"] == 96  # "Group A" .. "Gruppe H"
    quali = [m for m in parsed.matches if m.ref.file.endswith("q.txt")]
    assert {m.round for m in quali} == {"Q1", "Q2", "Q3", "PO"}
    assert {m.stage for m in quali} == {Stage.QUALIFYING}
    by_kind = {m.ref.file.split("/")[1]: m.competition for m in parsed.matches}
    assert by_kind == {
        "cl.txt": Competition.CHAMPIONS_LEAGUE,
        "clq.txt": Competition.CHAMPIONS_LEAGUE,
        "el.txt": Competition.EUROPA_LEAGUE,
        "elq.txt": Competition.EUROPA_LEAGUE,
        "conf.txt": Competition.CONFERENCE_LEAGUE,
        "confq.txt": Competition.CONFERENCE_LEAGUE,
    }


def test_legs_pair_up_home_and_away(parsed: ParsedSource) -> None:
    ties: dict[tuple, dict[int, MatchRecord]] = {}
    for m in parsed.matches:
        if m.stage is Stage.GROUP:
            assert m.leg is None
        elif m.leg is None:
            # Single matches: the finals and the 2019-20 one-match rounds in Lisbon.
            assert m.round == "F" or (m.ref.file == "2019-20/cl.txt" and m.round in {"QF", "SF"})
            assert m.neutral is True
        else:
            key = (m.ref.file, m.round, frozenset({m.home, m.away}))
            ties.setdefault(key, {})[m.leg] = m
    assert len(ties) > 500
    for legs in ties.values():
        first, second = legs[1], legs[2]
        assert (first.home, first.away) == (second.away, second.home)
        assert first.date < second.date
        assert first.neutral is None and second.neutral is None


def test_neutral_venues_of_2019_20(parsed: ParsedSource) -> None:
    season = [m for m in parsed.matches if m.ref.file == "2019-20/cl.txt"]
    assert {m.round for m in season if m.neutral} == {"QF", "SF", "F"}
    # The delayed round-of-16 second legs in August were still played at home.
    city = the_match(parsed, "2019-20/cl.txt", "Manchester City", "Real Madrid", "R16")
    assert city.date == dt.date(2020, 8, 7) and city.leg == 2 and city.neutral is None


def test_the_year_is_carried_forward(parsed: ParsedSource) -> None:
    # Group B restarts in October after group A's December: the year stays 2020.
    m = the_match(parsed, "2020-21/cl.txt", "Real Madrid", "Shakhtar Donetsk", "GROUP")
    assert m.date == dt.date(2020, 10, 21)
    # "Tue Jan/21 2025" gives the new year; "Wed Jan/29" keeps it.
    january = {
        m.date for m in parsed.matches if m.ref.file == "2024-25/cl.txt" and m.date.month == 1
    }
    assert january == {dt.date(2025, 1, 21), dt.date(2025, 1, 22), dt.date(2025, 1, 29)}


# --- errors ---------------------------------------------------------------------------


def edited_copy(
    tmp_path: Path, files: SourceFiles, name: str, edit: Callable[[list[str]], None]
) -> SourceFiles:
    """SourceFiles holding only `name`, a copy of the real file changed by `edit`."""
    lines = files.path(name).read_text(encoding="utf-8").split("\n")
    edit(lines)
    target = tmp_path / SOURCE / name
    target.parent.mkdir(parents=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    spec = source(SOURCE)
    one = dataclasses.replace(spec, files=tuple(f for f in spec.files if f.path == name))
    fetcher = Fetcher(
        cache=tmp_path / "cache", local_dirs={SOURCE: tmp_path / SOURCE}, verify=False
    )
    return SourceFiles(one, fetcher)


def set_line(number: int, text: str) -> Callable[[list[str]], None]:
    def edit(lines: list[str]) -> None:
        lines[number - 1] = text

    return edit


@pytest.mark.parametrize(
    ("line", "text", "message"),
    [
        # A garbled score.
        (
            11,
            "    18.55  RB Salzburg (AUT)       v Lokomotiv Moskva (RUS)   2:2 (1-1)",
            "cannot read match line",
        ),
        # A team without its country code.
        (
            11,
            "    18.55  RB Salzburg       v Lokomotiv Moskva (RUS)   2-2 (1-1)",
            "cannot read match line",
        ),
        (9, "» Gruppe Z", "unknown section heading 'Gruppe Z'"),
        # Oct 21 2020 was a Wednesday.
        (10, "  Thu Oct/21 2020", "is a Wed in 2020"),
        (1, "= UEFA Europa League 2020/21", "header"),
        (4, "Teams 32", "unknown line"),
        (
            192,
            "    21.00  Juventus (ITA)          v FC Porto (POR)           3-2 pen.",
            "cannot read match line",
        ),
    ],
)
def test_bad_lines_raise_parse_errors_naming_file_and_line(
    tmp_path: Path, files: SourceFiles, line: int, text: str, message: str
) -> None:
    broken = edited_copy(tmp_path, files, "2020-21/cl.txt", set_line(line, text))
    with pytest.raises(ParseError) as caught:
        parse(broken)
    assert (caught.value.file, caught.value.line) == ("2020-21/cl.txt", line)
    assert message in str(caught.value)


def test_a_repeat_meeting_that_is_no_return_leg_is_an_error(tmp_path, files) -> None:
    # Make the QF second leg at Anfield a second match at Real Madrid's ground.
    broken = edited_copy(
        tmp_path,
        files,
        "2020-21/cl.txt",
        set_line(217, "           Real Madrid (ESP)       v Liverpool FC (ENG)       0-0"),
    )
    with pytest.raises(ParseError, match="not as the return leg of line 208"):
        parse(broken)


def test_the_unedited_copy_parses(tmp_path: Path, files: SourceFiles) -> None:
    copy = edited_copy(tmp_path, files, "2020-21/cl.txt", lambda lines: None)
    assert len(parse(copy).matches) == 125
