"""The store built from the real mirror: one row per match, ties linked, names resolved."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from matchfacts.errors import MatchfactsError
from matchfacts.sources.records import season_label
from matchfacts.store.lookup import resolve_team
from matchfacts.store.names import name_key


def _team_id(con: duckdb.DuckDBPyConnection, name: str) -> int:
    return con.execute("SELECT id FROM team WHERE name = ?", [name]).fetchone()[0]


def test_flagship_first_leg_is_one_row_with_its_four_goals(con):
    rows = con.execute(
        """SELECT m.id, competition_id, season, stage, round, leg, home_goals, away_goals,
                  behind_closed_doors, tie_id
           FROM match m JOIN team h ON h.id = home_id JOIN team a ON a.id = away_id
           WHERE date = DATE '2021-04-06' AND h.name = 'Real Madrid CF'
             AND a.name = 'Liverpool FC'"""
    ).fetchall()
    assert len(rows) == 1
    match_id, comp, season, stage, rnd, leg, hg, ag, closed, tie_id = rows[0]
    assert (comp, season, stage, rnd, leg, hg, ag) == ("UCL", "2020-21", "knockout", "QF", 1, 3, 1)
    assert closed is True
    goals = con.execute(
        """SELECT p.name, g.minute, t.name FROM goal g JOIN player p ON p.id = g.player_id
           JOIN team t ON t.id = g.team_id WHERE g.match_id = ? ORDER BY g.minute""",
        [match_id],
    ).fetchall()
    assert goals == [
        ("Vinícius Júnior", 27, "Real Madrid CF"),
        ("Marco Asensio", 36, "Real Madrid CF"),
        ("Mohamed Salah", 51, "Liverpool FC"),
        ("Vinícius Júnior", 65, "Real Madrid CF"),
    ]
    second = con.execute(
        """SELECT m.date, h.name, m.home_goals, m.away_goals, m.leg FROM tie t
           JOIN match m ON m.id = t.second_leg_id JOIN team h ON h.id = m.home_id
           WHERE t.id = ?""",
        [tie_id],
    ).fetchone()
    assert second == (dt.date(2021, 4, 14), "Liverpool FC", 0, 0, 2)


def test_the_flagship_match_is_known_to_several_sources(con):
    sources = con.execute(
        """SELECT DISTINCT p.source FROM provenance p JOIN match m ON m.id = p.row_id
           WHERE p.table_name = 'match' AND m.date = DATE '2021-04-06'
             AND m.home_id = (SELECT id FROM team WHERE name = 'Real Madrid CF')"""
    ).fetchall()
    assert {s for (s,) in sources} >= {
        "charliegnomo-champions-uefa-data",
        "openfootball-champions-league",
    }


def test_every_champions_league_season_is_present(con):
    seasons = dict(
        con.execute(
            "SELECT season, count(*) FROM match WHERE competition_id = 'UCL' GROUP BY season"
        ).fetchall()
    )
    missing = [season_label(y) for y in range(1955, 2025) if season_label(y) not in seasons]
    assert missing == []
    # the smallest early edition had 29 matches (1955-56); every season has at least that
    assert min(seasons[season_label(y)] for y in range(1955, 2025)) >= 29


# Legs with no partner, each explained: never skipped silently.
KNOWN_LONELY_LEGS = {
    # Linfield could not travel to East Berlin for the second leg (no visas): one leg played.
    ("1961-62", "FK Vorwärts Berlin", "Linfield FC"),
    # schochastics has both legs, but its rebuilt rounds put them in different rounds (its
    # first legs' opponents in that window are misnamed); open in the issue notes.
    ("2000-01", "KAA Gent", "ÍA Akranes"),
    ("2000-01", "Antalyaspor", "Käpäz PFK"),
    # The 1958-60 Fairs Cup ran over two seasons: its quarter-final's legs (7 May and 30
    # September 1959) carry the two seasons' labels, so the tie is not linked. Open (issue 15).
    ("1958-59", "FC Barcelona", "FC Internazionale Milano"),
    ("1959-60", "FC Internazionale Milano", "FC Barcelona"),
}


@pytest.mark.parametrize("competition", ["UCL", "UEL", "UCWC"])
def test_every_two_legged_tie_has_both_legs(con, competition):
    lonely = con.execute(
        """SELECT m.season, h.name, a.name FROM match m
           JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           JOIN tie t ON t.id = m.tie_id
           WHERE m.competition_id = ? AND m.leg IN (1, 2) AND t.second_leg_id IS NULL
             AND m.status = 'played'""",
        [competition],
    ).fetchall()
    assert set(lonely) <= KNOWN_LONELY_LEGS


def test_no_club_is_split_into_two_teams_in_european_matches(con):
    """Each club has one id: no team plays two different matches within a day."""
    double = con.execute(
        """WITH side AS (
               SELECT id, competition_id c, date, home_id t, away_id o FROM match
               UNION ALL SELECT id, competition_id, date, away_id, home_id FROM match)
           SELECT a.c, a.date, ta.name, oa.name, ob.name FROM side a JOIN side b
             ON a.t = b.t AND a.id < b.id AND a.c = b.c AND abs(a.date - b.date) <= 1
            AND a.o <> b.o
           JOIN team ta ON ta.id = a.t JOIN team oa ON oa.id = a.o JOIN team ob ON ob.id = b.o
           WHERE a.c IN ('UCL', 'UEL', 'UCWC', 'UECL')"""
    ).fetchall()
    assert double == []


def test_flagship_names_resolve_across_spellings(con):
    liverpool = _team_id(con, "Liverpool FC")
    rows = con.execute("SELECT alias FROM team_alias WHERE team_id = ?", [liverpool]).fetchall()
    spellings = {alias for (alias,) in rows}
    assert {"Liverpool FC", "Liverpool"} <= spellings  # UEFA's name and the league tables'
    madrid = _team_id(con, "Real Madrid CF")
    aliases = con.execute(
        "SELECT count(*) FROM team_alias WHERE team_id = ? AND alias = 'Real Madrid'", [madrid]
    ).fetchone()[0]
    assert aliases >= 1


def test_as_of_sees_nothing_on_or_after_the_date(con):
    later = con.execute(
        "SELECT count(*) FROM matches_before(DATE '2021-04-14') WHERE date >= DATE '2021-04-14'"
    ).fetchone()[0]
    assert later == 0
    the_day_before = con.execute(
        "SELECT count(*) FROM matches_before(DATE '2021-04-14') WHERE date = DATE '2021-04-13'"
    ).fetchone()[0]
    assert the_day_before > 0
    goals_after = con.execute(
        """SELECT count(*) FROM goals_before(DATE '2021-04-07') g JOIN match m
           ON m.id = g.match_id WHERE m.date >= DATE '2021-04-07'"""
    ).fetchone()[0]
    assert goals_after == 0


def test_conflicts_keep_both_values_and_places(con):
    rows = con.execute(
        "SELECT kept_value, kept_source, kept_ref, other_value, other_source, other_ref "
        "FROM conflict WHERE field = 'goals' LIMIT 5"
    ).fetchall()
    assert rows, "the sources do disagree on some scores"
    for kept, kept_source, kept_ref, other, other_source, other_ref in rows:
        assert kept != other and kept_source != other_source
        assert ":" in kept_ref and ":" in other_ref


def test_schema_constraints_reject_impossible_rows(con, store_path):
    rw = duckdb.connect(str(store_path) + ".scratch")
    try:
        from matchfacts.store.db import migrate

        migrate(rw)
        rw.execute("INSERT INTO competition VALUES ('UCL', 'x', 'continental_cup', NULL, NULL)")
        rw.execute("INSERT INTO team (id, name) VALUES (1, 'A'), (2, 'B')")
        with pytest.raises(duckdb.ConstraintException):
            rw.execute(
                "INSERT INTO match (id, competition_id, season, stage, date, home_id, away_id,"
                " status, home_goals, away_goals) VALUES (1, 'UCL', '2020-21', 'knockout',"
                " DATE '2021-01-01', 1, 1, 'played', 1, 0)"
            )
        with pytest.raises(duckdb.ConstraintException):
            rw.execute(
                "INSERT INTO match (id, competition_id, season, stage, date, home_id, away_id,"
                " status, home_goals, away_goals) VALUES (2, 'UCL', '2020-21', 'knockout',"
                " DATE '2021-01-01', 1, 2, 'played', -1, 0)"
            )
    finally:
        rw.close()


def test_liverpool_two_legged_european_ties(con):
    """Every two-legged knockout tie Liverpool played in Europe, with its winner."""
    rows = con.execute(
        """SELECT t.competition_id, t.season, t.round, a.name, b.name, w.name, t.decided_by
           FROM tie t JOIN team a ON a.id = t.team_a_id JOIN team b ON b.id = t.team_b_id
           LEFT JOIN team w ON w.id = t.winner_id
           WHERE t.second_leg_id IS NOT NULL
             AND (a.name = 'Liverpool FC' OR b.name = 'Liverpool FC')
           ORDER BY (SELECT date FROM match WHERE id = t.first_leg_id)"""
    ).fetchall()
    print("\n".join(" | ".join(str(v) for v in row) for row in rows))
    by_key = {(r[0], r[1], r[2]): r for r in rows}
    assert len(rows) >= 80
    assert by_key[("UCL", "2020-21", "QF")][5] == "Real Madrid CF"
    assert by_key[("UCL", "2018-19", "SF")][5:] == ("Liverpool FC", "aggregate")
    assert by_key[("UCL", "2007-08", "QF")][5] == "Liverpool FC"  # v Arsenal
    assert by_key[("UCL", "1976-77", "SF")][5] == "Liverpool FC"  # v FC Zürich
    # Undetermined only where the data lacks what decided it, each named:
    undetermined = {(r[1], r[2]) for r in rows if r[6] == "undetermined"}
    assert undetermined == {
        ("1964-65", "QF"),  # Köln: replay drawn, coin toss; no source records the toss
        ("1968-69", "R2"),  # Athletic Club: coin toss, likewise
        ("2009-10", "SF"),  # Atlético: extra time, schochastics has no 90-minute score
        ("2014-15", "R32"),  # Beşiktaş: penalties, schochastics has no shoot-out score
    }


def test_a_match_listed_before_it_was_played_takes_the_played_report(con):
    """charliegnomo's copy lists the 2021-22 quarter-finals as scheduled; openfootball and
    the Kaggle dump have them played. The played report's status wins, so the four ties
    are built and decided."""
    statuses = con.execute(
        """SELECT status, count(*) FROM match
           WHERE competition_id = 'UCL' AND season = '2021-22' AND round = 'QF' GROUP BY 1"""
    ).fetchall()
    assert statuses == [("played", 8)]
    winners = con.execute(
        """SELECT w.name, t.decided_by FROM tie t JOIN team w ON w.id = t.winner_id
           WHERE t.competition_id = 'UCL' AND t.season = '2021-22' AND t.round = 'QF'
           ORDER BY w.name"""
    ).fetchall()
    assert winners == [
        ("Liverpool FC", "aggregate"),  # 3-1 at Benfica, 3-3 at Anfield
        ("Manchester City FC", "aggregate"),
        ("Real Madrid CF", "extra_time"),  # 3-1 at Chelsea, lost 2-3 at home, Benzema 96'
        ("Villarreal CF", "aggregate"),
    ]


@pytest.mark.parametrize(
    ("team", "league"),
    [
        ("Liverpool FC", "ENG1"),
        ("Real Madrid CF", "ESP1"),
        ("AS Monaco FC", "FRA1"),
        ("FC Bayern München", "GER1"),
        ("Celtic FC", "SCO1"),
        ("Olympiacos FC", "GRE1"),
        ("Sporting Clube de Portugal", "POR1"),
    ],
)
def test_a_club_has_one_id_in_its_league_and_in_europe(con, team, league):
    team_id = _team_id(con, team)
    played = dict(
        con.execute(
            """SELECT competition_id, count(*) FROM match WHERE ? IN (home_id, away_id)
           GROUP BY competition_id""",
            [team_id],
        ).fetchall()
    )
    assert played.get(league, 0) > 500 and played.get("UCL", 0) > 20
    assert con.execute("SELECT count(*) FROM team WHERE name = ?", [team]).fetchone()[0] == 1


# Clubs of the leagues in the store that played in Europe since 2000 but have no league
# match under the same id: none left since store/lineage.csv joined the last four (Union
# Saint-Gilloise's 2025-26 spelling, Germinal Beerschot as "Beerschot AC", Olympiakos Volos
# as "Ask Olympiakos", Roda JC's European matches under Rapid JC Heerlen's id).
KNOWN_SPLITS: set[str] = set()


def test_clubs_in_europe_are_the_same_clubs_as_in_their_leagues(con):
    """A club split into a European id and a league id has two ratings in the model, and
    its European matches no longer tie its league to the others (curated aliases.csv)."""
    split = con.execute(
        """WITH europe AS (
               SELECT DISTINCT t.id, t.name FROM team t
               JOIN match m ON t.id IN (m.home_id, m.away_id)
               WHERE m.competition_id IN ('UCL', 'UEL', 'UECL', 'UCWC') AND m.date >= '2000-07-01'
                 AND t.country IN ('ENG', 'ESP', 'ITA', 'GER', 'FRA', 'NED', 'POR', 'BEL',
                                   'TUR', 'GRE', 'SCO')),
           league AS (
               SELECT DISTINCT unnest([home_id, away_id]) AS id FROM match
               WHERE competition_id NOT IN ('UCL', 'UEL', 'UECL', 'UCWC', 'UIC', 'USC')
                 AND date >= '1994-07-01')
           SELECT name FROM europe WHERE id NOT IN (SELECT id FROM league)"""
    ).fetchall()
    assert {name for (name,) in split} <= KNOWN_SPLITS


def test_the_store_says_which_matchfacts_built_it(con):
    from importlib.metadata import version

    rows = con.execute("SELECT matchfacts_version, built_at FROM store_build").fetchall()
    assert len(rows) == 1
    assert rows[0][0] == version("matchfacts")


def test_short_names_read_as_a_desk_writes_them(con):
    names = (
        "Liverpool FC", "Real Madrid CF", "Club Atlético de Madrid", "FC Bayern München",
        "FC Internazionale Milano", "AFC Ajax", "PFC Ludogorets 1945", "FK Crvena zvezda",
    )  # fmt: skip
    short = dict(
        con.execute(
            f"SELECT name, short_name FROM team WHERE name IN ({', '.join('?' * len(names))})",
            list(names),
        ).fetchall()
    )
    assert short == {
        "Liverpool FC": "Liverpool",
        "Real Madrid CF": "Real Madrid",
        "Club Atlético de Madrid": "Atlético Madrid",
        "FC Bayern München": "Bayern Munich",  # curated: the English form
        "FC Internazionale Milano": "Inter",
        "AFC Ajax": "Ajax",  # the legal form dropped
        "PFC Ludogorets 1945": "Ludogorets",  # and the founding year
        "FK Crvena zvezda": "Red Star Belgrade",
    }


def test_no_short_name_made_by_dropping_the_legal_form_is_shared(con):
    """'FC Santa Coloma' keeps its FC while 'UE Santa Coloma' exists: clubs share a short
    name only where the sources give them the same name (Heracles of Almelo and of
    Thessaloniki)."""
    shared = con.execute(
        """SELECT short_name, list(name) FROM team GROUP BY short_name HAVING count(*) > 1"""
    ).fetchall()
    assert [s for s, names in shared if len({name_key(n) for n in names}) > 1] == []


def test_the_names_people_use_resolve_to_their_club(con):
    """tests/data/common_names.csv: the common English spellings, abbreviations and short
    forms of the top clubs, each with the club the store must find."""
    table = Path(__file__).parent.parent / "data" / "common_names.csv"
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    assert len(rows) >= 50
    wrong = {}
    for row in rows:
        try:
            found = resolve_team(con, row["spelling"]).name
        except MatchfactsError as error:
            found = f"error: {error}"
        if found != row["store_name"]:
            wrong[row["spelling"]] = found
    assert wrong == {}
