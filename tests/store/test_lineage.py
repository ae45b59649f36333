"""Club lineage: one id for a club across its names (store/lineage.csv), and the rules that
find the clubs the store may still hold under two ids (store/lineage_rules.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from matchfacts.errors import ParseError
from matchfacts.store.former_names import former_name
from matchfacts.store.lineage import JOINING, read_lineage
from matchfacts.store.lineage_rules import TeamActivity, activity, find_candidates
from matchfacts.store.names import name_key

# --- the rules, on a handful of made-up teams (no store) ---


def _team(name: str, country: str, *played: tuple[str, str], met: set[int] = frozenset()):
    team = TeamActivity(name, country)
    team.spellings.add(name_key(name))
    team.played.update(played)
    team.opponents.update(met)
    return team


def test_a_club_renamed_between_seasons_is_a_successor_candidate():
    teams = {
        1: _team("Feijenoord", "NED", ("NED1", "1971-72"), ("NED1", "1972-73")),
        2: _team("Feyenoord", "NED", ("NED1", "1973-74"), ("UCL", "1972-73")),
        3: _team("Ajax", "NED", *((("NED1", s)) for s in ("1971-72", "1972-73", "1973-74"))),
    }
    found = find_candidates(teams)
    assert [(c.team_id, c.other_id, c.rule) for c in found] == [(1, 2, "successor")]
    assert found[0].evidence == "NED1: Feijenoord until 1972-73, Feyenoord from 1973-74"


def test_teams_that_met_or_shared_a_season_are_never_candidates():
    teams = {
        1: _team("Leeds City", "ENG", ("ENG2", "1919-20"), met={2}),
        2: _team("Leeds United", "ENG", ("ENG2", "1920-21"), met={1}),
        3: _team("Burton Swifts", "ENG", ("ENG2", "1900-01"), ("ENG2", "1901-02")),
        4: _team("Burton United", "ENG", ("ENG2", "1901-02")),
    }
    assert find_candidates(teams) == []


def test_a_season_the_data_lacks_does_not_part_successors_but_one_it_holds_does():
    def pair(gap_held: bool) -> dict[int, TeamActivity]:
        other = [("ENG4", "2022-23")] if gap_held else []
        return {
            1: _team("Southend United", "ENG", ("ENG4", "2021-22")),
            2: _team("Southend", "ENG", ("ENG4", "2023-24")),
            3: _team("Barrow", "ENG", ("ENG4", "2021-22"), *other, ("ENG4", "2023-24")),
        }

    assert [c.rule for c in find_candidates(pair(gap_held=False))] == ["successor"]
    assert find_candidates(pair(gap_held=True)) == []


def test_names_spelt_alike_in_neighbouring_associations_are_candidates():
    teams = {
        1: _team("Derry City", "NIR", ("UCL", "1965-66")),
        2: _team("Derry City", "IRL", ("UCL", "1989-90")),
    }
    found = find_candidates(teams)
    assert [(c.team_id, c.other_id, c.rule) for c in found] == [(1, 2, "same_spelling")]


def test_a_club_in_europe_without_a_league_match_is_a_candidate():
    teams = {
        1: _team("Estrela Amadora", "POR", ("UCWC", "1995-96")),
        2: _team("Est Amadora", "POR", ("POR1", "1995-96")),
        3: _team("Kairat", "KAZ", ("UCL", "1995-96")),  # no Kazakh league in the store
    }
    assert [(c.team_id, c.rule) for c in find_candidates(teams)] == [(1, "no_league")]


def test_common_words_make_no_two_names_alike():
    teams = {
        1: _team("Olympique Lillois", "FRA", ("FRA1", "1938-39")),
        2: _team("Olympique Lyonnais", "FRA", ("FRA1", "1945-46")),
    }
    assert find_candidates(teams) == []


def test_a_bad_lineage_row_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "lineage.csv"
    header = (
        "name,country,club,club_country,relation,named_from,named_until,known_as,citation,reason\n"
    )
    path.write_text(header + "Feijenoord,NED,Feyenoord,NED,renamed,1912,,,https://x,why\n")
    with pytest.raises(ParseError, match=r"lineage.csv:2: a renamed row needs named_until"):
        read_lineage(path)
    path.write_text(header + "A,NED,B,NED,merged,,,,https://x,why\n")
    with pytest.raises(ParseError, match=r"lineage.csv:2: relation 'merged'"):
        read_lineage(path)
    path.write_text(header + "A,NED,B,NED,spelling,,,,,why\n")
    with pytest.raises(ParseError, match="citation"):
        read_lineage(path)


def test_every_lineage_row_is_cited_and_says_why():
    entries = read_lineage()
    assert len(entries) >= 100
    assert all(e.citation.startswith("https://") and len(e.reason) > 10 for e in entries)


# --- the store ---


def _id(con, name: str) -> int:
    return con.execute("SELECT id FROM team WHERE name = ?", [name]).fetchone()[0]


def _names_of(con, team_id: int) -> set[str]:
    rows = con.execute("SELECT alias FROM team_alias WHERE team_id = ?", [team_id]).fetchall()
    return {alias for (alias,) in rows}


def test_no_club_is_left_split_without_a_recorded_reason(store):
    """The rules over the whole store (two teams of one country that never met nor shared a
    season, one following the other in a competition under a like name, or spelt alike; a
    team in Europe with no league match): every candidate is joined or explained in
    lineage.csv (not_same, unverified, no_league)."""
    open_rows = store.execute(
        """SELECT c.rule, a.name, a.country, b.name, b.country, c.evidence
           FROM lineage_candidate c JOIN team a ON a.id = c.team_id
           LEFT JOIN team b ON b.id = c.other_team_id WHERE c.verdict = 'open'"""
    ).fetchall()
    print("\n".join(" | ".join(str(v) for v in row) for row in open_rows))
    assert open_rows == []


def test_the_candidates_table_is_what_the_rules_find_over_the_store(store):
    """Recomputed from the store's own tables, the rules find what the ingest recorded."""
    teams = activity(
        store.execute("SELECT id, name, country FROM team").fetchall(),
        store.execute("SELECT team_id, alias FROM team_alias").fetchall(),
        store.execute("SELECT competition_id, season, home_id, away_id FROM match").fetchall(),
    )
    found = {(c.team_id, c.other_id, c.rule) for c in find_candidates(teams)}
    recorded = set(
        store.execute("SELECT team_id, other_team_id, rule FROM lineage_candidate").fetchall()
    )
    assert found == recorded


def test_every_lineage_row_finds_its_teams(store):
    """A row the store cannot place is reported, never dropped: there are none."""
    unplaced = store.execute(
        "SELECT value FROM unresolved WHERE kind IN ('lineage', 'one team on both sides')"
    ).fetchall()
    assert unplaced == []


def test_every_former_name_and_spelling_is_its_clubs(store):
    by_name = {}
    for entry in read_lineage():
        if entry.relation in JOINING:
            by_name.setdefault((entry.club, entry.club_country), []).append(entry.name)
    for (club, country), names in by_name.items():
        ids = store.execute(
            """SELECT DISTINCT team_id FROM team_alias WHERE alias = ? AND country = ?""",
            [club, country],
        ).fetchall()
        ids += store.execute(
            "SELECT id FROM team WHERE name = ? AND country = ?", [club, country]
        ).fetchall()
        assert len({i for (i,) in ids}) == 1, club
        assert set(names) <= _names_of(store, ids[0][0]), club


def test_the_klassieker_counts_the_feijenoord_years(store, mirror: Path):
    """Ajax v Feyenoord in the league, counted from engsoccerdata's Dutch file with pandas:
    every meeting, Feijenoord's of 1956-73 included, is one head-to-head in the store."""
    raw = pd.read_csv(mirror / "engsoccerdata" / "holland.csv")
    feyenoord = {"Feyenoord", "Feijenoord"}
    meetings = raw[
        ((raw.home == "AFC Ajax") & raw.visitor.isin(feyenoord))
        | (raw.home.isin(feyenoord) & (raw.visitor == "AFC Ajax"))
    ]
    as_feijenoord = meetings[(meetings.home == "Feijenoord") | (meetings.visitor == "Feijenoord")]
    assert len(as_feijenoord) == 34  # 17 seasons, 1956-57 to 1972-73
    ajax, feyenoord_id = _id(store, "AFC Ajax"), _id(store, "Feyenoord")
    in_store = store.execute(
        """SELECT count(*) FROM match WHERE competition_id = 'NED1'
           AND ((home_id = ? AND away_id = ?) OR (home_id = ? AND away_id = ?))""",
        [ajax, feyenoord_id, feyenoord_id, ajax],
    ).fetchone()[0]
    assert in_store == len(meetings) == 137
    assert store.execute("SELECT count(*) FROM team WHERE name = 'Feijenoord'").fetchone() == (0,)


def test_a_club_keeps_its_former_name_for_the_days_it_carried_it(store):
    feyenoord = _id(store, "Feyenoord")
    then = former_name(store, feyenoord, dt.date(1970, 5, 6))  # the European Cup final
    assert then is not None and then.name == "Feijenoord"
    assert then.citation == "https://en.wikipedia.org/wiki/Feyenoord"
    assert former_name(store, feyenoord, dt.date(2002, 5, 8)) is None
    chemnitz = _id(store, "Chemnitzer FC")
    assert former_name(store, chemnitz, dt.date(1968, 1, 1)).name == "FC Karl-Marx-Stadt"
    lok = store.execute(
        "SELECT team_id FROM team_alias WHERE alias = '1 FC Lok Leipzig'"
    ).fetchone()[0]  # schochastics's spelling, written as the club wrote itself
    assert former_name(store, lok, dt.date(1987, 5, 13)).name == "1. FC Lokomotive Leipzig"


def test_derry_city_is_one_club_in_both_associations(store):
    """Derry City played the 1965-66 European Cup from the Irish League and the 1989-90
    one from the League of Ireland: one team, with the association of the time kept."""
    derry = store.execute("SELECT id, country FROM team WHERE name = 'Derry City FC'").fetchone()
    assert derry[1] == "IRL"
    seasons = {
        s
        for (s,) in store.execute(
            "SELECT season FROM match WHERE competition_id = 'UCL' AND ? IN (home_id, away_id)",
            [derry[0]],
        ).fetchall()
    }
    assert {"1965-66", "1989-90"} <= seasons
    assert store.execute(
        "SELECT count(*) FROM team WHERE name = 'Derry City' AND country = 'NIR'"
    ).fetchone() == (0,)
    assert former_name(store, derry[0], dt.date(1965, 9, 1)).country == "NIR"


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("FC Karl-Marx-Stadt", "Chemnitzer FC"),  # East Germany, renamed in 1990
        ("FC Wismut Aue", "Erzgebirge Aue"),
        ("1 FC Lok Leipzig", "VfB Leipzig"),
        ("FC Kairat Almaty", "FK Kairat"),  # UEFA's id and openfootball's spelling
        ("Estrela Amadora", "Est Amadora"),  # Portugal in Europe before its league data
        ("Rotherham County", "Rotherham United"),
    ],
)
def test_joined_clubs_are_one_team(store, earlier, later):
    ids = store.execute(
        "SELECT DISTINCT team_id FROM team_alias WHERE alias IN (?, ?)", [earlier, later]
    ).fetchall()
    assert len(ids) == 1


def test_clubs_the_file_keeps_apart_stay_two_teams(store):
    for entry in read_lineage():
        if entry.relation != "not_same":
            continue
        ids = store.execute(
            """SELECT DISTINCT team_id FROM team_alias
               WHERE (alias = ? AND country = ?) OR (alias = ? AND country = ?)""",
            [entry.name, entry.country, entry.club, entry.club_country],
        ).fetchall()
        assert len(ids) >= 2, (entry.name, entry.club)
