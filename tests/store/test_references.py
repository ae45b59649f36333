"""Published forecasts placed on the store's matches: FiveThirtyEight (open) and odds (local)."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pytest

from matchfacts.sources.fetch import Fetcher
from matchfacts.store.ingest import ingest

ODDS = ["odds-gutormin-backtest", "odds-epl-1993-2026-andrespleite"]


@pytest.fixture(scope="module")
def with_odds(tmp_path_factory, mirror):
    db = tmp_path_factory.mktemp("odds") / "store.duckdb"
    fetcher = Fetcher(mirror=mirror, local_dirs={name: mirror / name for name in ODDS})
    ingest(
        db,
        [
            "charliegnomo-champions-uefa-data",
            "openfootball-champions-league",
            "football-datasets",
            "fivethirtyeight-spi",
            *ODDS,
        ],
        fetcher,
    )
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def test_fivethirtyeight_is_placed_on_the_flagship_first_leg(con):
    row = con.execute(
        """SELECT r.p_home, r.p_draw, r.p_away FROM reference_forecast r
           JOIN match m ON m.id = r.match_id JOIN team h ON h.id = m.home_id
           WHERE r.provider = 'fivethirtyeight' AND m.date = DATE '2021-04-06'
             AND h.name = 'Real Madrid CF'"""
    ).fetchone()
    assert row is not None and sum(row) == pytest.approx(1.0)
    assert row[0] > row[2]  # FiveThirtyEight had Real Madrid favourites at home


def test_expected_goals_come_with_the_played_matches_and_feed_the_model(con):
    row = con.execute(
        """SELECT r.home_xg, r.away_xg, r.home_nsxg, r.away_nsxg FROM reference_forecast r
           JOIN match m ON m.id = r.match_id JOIN team h ON h.id = m.home_id
           WHERE r.provider = 'fivethirtyeight' AND m.date = DATE '2021-04-06'
             AND h.name = 'Real Madrid CF' AND r.home_xg IS NOT NULL"""
    ).fetchone()
    assert row == (1.99, 0.91, 1.03, 1.08)  # as FiveThirtyEight published them for the 3-1
    from matchfacts.model.data import load_matches

    data = load_matches(con, dt.date(2021, 4, 14))
    known = ~np.isnan(data.home_xg)
    assert 0.1 < known.mean() < 0.6  # the big leagues and Europe, not the lower tiers
    assert (data.home_xg[known] >= 0).all() and (data.away_xg[known] >= 0).all()
    assert (~np.isnan(data.home_nsxg) <= known).all()  # non-shot xG only beside xG
    later = load_matches(con, dt.date(2021, 4, 6))  # nothing of the day itself
    assert len(later) < len(data)


def test_most_fivethirtyeight_forecasts_of_covered_leagues_find_their_match(con):
    placed = con.execute(
        "SELECT count(*) FROM reference_forecast WHERE provider = 'fivethirtyeight'"
    ).fetchone()[0]
    unplaced = con.execute(
        "SELECT count(*) FROM unresolved WHERE kind = 'reference without match'"
        " AND source = 'fivethirtyeight-spi'"
    ).fetchone()[0]
    assert placed > 20_000 and placed / (placed + unplaced) > 0.8


def test_bookmaker_odds_lose_their_margin(with_odds):
    row = with_odds.execute(
        """SELECT r.p_home, r.p_draw, r.p_away, r.odds_home, r.odds_draw, r.odds_away
           FROM reference_forecast r JOIN match m ON m.id = r.match_id
           JOIN team h ON h.id = m.home_id
           WHERE r.provider = 'bet365' AND m.date = DATE '2021-04-06'
             AND h.name = 'Real Madrid CF'"""
    ).fetchone()
    assert row[3:] == (2.70, 3.50, 2.55)  # as SOURCE.txt quotes them
    assert sum(row[:3]) == pytest.approx(1.0)
    assert row[0] == pytest.approx((1 / 2.70) / (1 / 2.70 + 1 / 3.50 + 1 / 2.55))


def test_every_premier_league_season_with_odds_is_placed(with_odds):
    seasons = with_odds.execute(
        """SELECT m.season, count(*) FROM reference_forecast r JOIN match m ON m.id = r.match_id
           WHERE r.source = 'odds-epl-1993-2026-andrespleite' GROUP BY 1"""
    ).fetchall()
    full = [s for s, n in seasons if n >= 370]
    assert len(full) >= 20


@pytest.mark.parametrize(
    ("date", "home", "away"),
    [
        ("2021-03-09", "Juventus", "FC Porto"),  # the odds file's 3-2 is after extra time
        ("2022-04-12", "Real Madrid CF", "Chelsea FC"),  # likewise 2-3; 1-3 after 90 minutes
        ("2021-07-21", "PSV Eindhoven", "Galatasaray AŞ"),  # "PSV"
        ("2020-09-15", "FC Dynamo Kyiv", "AZ Alkmaar"),  # "AZ"
    ],
)
def test_champions_league_odds_find_matches_with_extra_time_or_short_names(
    with_odds, date, home, away
):
    row = with_odds.execute(
        """SELECT count(*) FROM reference_forecast r JOIN match m ON m.id = r.match_id
           JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
           WHERE r.provider = 'bet365' AND m.date = ?::DATE AND h.name = ? AND a.name = ?""",
        [date, home, away],
    ).fetchone()
    assert row == (1,)


def test_one_forecast_a_match_from_each_source_the_latest_snapshots(con):
    """FiveThirtyEight's snapshots repeat matches under other spellings: the store keeps
    the latest snapshot's forecast of each, the one frozen at kick-off."""
    repeated = con.execute(
        """SELECT count(*) FROM (SELECT match_id, source FROM reference_forecast
           GROUP BY ALL HAVING count(*) > 1)"""
    ).fetchone()[0]
    assert repeated == 0
    # LaLiga's 19 September 2020 is in the September 2020 snapshot, taken before those
    # matches were played, and in the April 2021 one, with their results and xG
    rows = con.execute(
        """SELECT r.file, r.home_xg IS NOT NULL FROM reference_forecast r
           JOIN match m ON m.id = r.match_id
           WHERE m.date = DATE '2020-09-19' AND m.competition_id = 'ESP1'
             AND r.provider = 'fivethirtyeight'"""
    ).fetchall()
    assert len(rows) >= 3
    assert set(rows) == {("snap-2021-04_lucasyule2212/spi_matches_latest.csv", True)}
