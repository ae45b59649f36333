"""Coverage as data: the seasons each competition and source hold, and what the store lacks."""

from __future__ import annotations

from matchfacts.store.coverage import (
    first_edition,
    first_season,
    from_first_edition,
    last_season,
    season_range,
    seasons_held,
    seasons_missing,
    seasons_not_held,
    source_seasons,
)

ENGLAND = ["ENG1", "ENG2", "ENG3", "ENG4"]


def test_coverage_counts_each_sources_matches(store):
    """Each row's count is the matches that source reports in that competition and season
    (from provenance, independently of how the ingest counted)."""
    differing = store.execute(
        """WITH reported AS (
               SELECT m.competition_id, m.season, p.source, count(DISTINCT m.id) AS matches,
                      min(m.date) AS first_date, max(m.date) AS last_date
               FROM provenance p JOIN match m ON m.id = p.row_id
               WHERE p.table_name = 'match' GROUP BY ALL)
           SELECT * FROM reported r FULL JOIN coverage c USING (competition_id, season, source)
           WHERE r.matches IS DISTINCT FROM c.matches
              OR r.first_date IS DISTINCT FROM c.first_date
              OR r.last_date IS DISTINCT FROM c.last_date"""
    ).fetchall()
    assert differing == []


def test_partial_leagues_start_where_the_data_does(store):
    """Scotland's, Portugal's, Greece's and Turkey's leagues start in 1994-95 in the data,
    Belgium's in 1995-96: not their first editions, so a fact over them says "since"."""
    for league, first in [
        ("SCO1", "1994-95"),
        ("POR1", "1994-95"),
        ("GRE1", "1994-95"),
        ("TUR1", "1994-95"),
        ("BEL1", "1995-96"),
    ]:
        assert first_season(store, league) == first
        assert not from_first_edition(store, league)
    for whole in ["ENG1", "ESP1", "ITA1", "FRA1", "GER1", "NED1", "UCL", "UEL", "UCWC"]:
        assert from_first_edition(store, whole), whole
    assert first_season(store, ["SCO1", "SCO2", "SCO3", "SCO4"]) == "1994-95"
    assert first_season(store, "UCL", "openfootball-champions-league") == "2011-12"
    assert last_season(store, "UCWC") == "1998-99"


def test_gaps_are_the_seasons_played_that_the_store_lacks(store):
    # the two world wars and Spain's civil war were not played: no gap
    assert seasons_missing(store, "ENG1") == []
    assert seasons_missing(store, "ESP1") == []
    # 2022-23 of England's tiers 2 to 4 is in no source
    assert seasons_missing(store, ENGLAND, "2020-21", "2024-25") == ["2022-23"]
    assert seasons_missing(store, "ENG1", "2020-21", "2024-25") == []
    # France's 1937-38 was played (Sochaux won it); the store lacks it
    assert seasons_missing(store, "FRA1") == ["1937-38"]
    # between schochastics (to 2018-19) and openfootball (from 2020-21)
    assert seasons_missing(store, "UEL") == ["2019-20"]
    # the Super Cups of 1974, 1981 and 1985 were never played
    assert seasons_missing(store, "USC") == []
    # asked from before the data starts, the seasons before it are missing too
    assert seasons_missing(store, "SCO1", "1990-91", "1996-97") == season_range(
        "1990-91", "1993-94"
    )


def test_no_season_called_not_held_holds_a_match(store):
    """coverage.toml's seasons not played hide no data, and no competition's first edition
    is later than its first season in the store."""
    for competition in [c for (c,) in store.execute("SELECT id FROM competition").fetchall()]:
        held = seasons_held(store, competition)
        assert not set(seasons_not_held(competition)) & set(held), competition
        first = first_edition(competition)
        assert first is None or first <= held[0], competition


def test_a_footer_can_name_the_sources_behind_a_competition(store):
    sources = source_seasons(store, "UCL")
    assert sources["charliegnomo-champions-uefa-data"][0] == "1955-56"
    assert sources["openfootball-champions-league"][0] == "2011-12"
    assert "football-datasets" in source_seasons(store, "ENG1")
