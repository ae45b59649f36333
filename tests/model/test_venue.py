"""Venue truth: a match played in a third country is neutral for the model, in training,
in the backtest and in a forecast."""

from __future__ import annotations

import datetime as dt

from matchfacts.model.data import load_matches
from matchfacts.model.forecast import forecast
from matchfacts.model.venue import THIRD_COUNTRY_SQL
from matchfacts.store.lookup import resolve_team


def _third_country(con, season: str) -> list[tuple]:
    return con.execute(
        f"""SELECT m.date, h.name, m.venue FROM match m JOIN team h ON h.id = m.home_id
            WHERE m.id IN ({THIRD_COUNTRY_SQL}) AND m.competition_id = 'UCL'
              AND m.season = ? AND m.stage <> 'qualifying' ORDER BY m.date""",
        [season],
    ).fetchall()


def test_the_ties_moved_abroad_in_2020_21_are_the_third_country_matches(con):
    moved = _third_country(con, "2020-21")
    # the seven matches UEFA moved out of Germany, Spain, Portugal and England
    assert len(moved) == 7
    assert {v.rsplit(", ", 1)[1] for _, _, v in moved} == {"Budapest", "Bucharest", "Seville"}
    # a club at another ground of its own city is at home: Real Madrid at the Di Stéfano
    madrid = con.execute(
        """SELECT count(*) FROM match m JOIN team h ON h.id = m.home_id
           WHERE h.name = 'Real Madrid CF' AND m.season = '2020-21' AND m.venue LIKE '%Madrid'
             AND m.competition_id = 'UCL'"""
    ).fetchone()[0]
    assert madrid >= 3 and all(h != "Real Madrid CF" for _, h, _ in moved)
    assert _third_country(con, "2018-19") == []  # a season without a moved match


def test_liverpool_v_leipzig_in_budapest_is_forecast_neutral(con):
    liverpool, leipzig = resolve_team(con, "Liverpool"), resolve_team(con, "RB Leipzig")
    result = forecast(con, liverpool, leipzig, dt.date(2021, 3, 10))
    assert result.as_dict()["neutral"] is True
    anfield = forecast(con, liverpool, resolve_team(con, "Real Madrid"), dt.date(2021, 4, 14))
    assert anfield.as_dict()["neutral"] is False  # the quarter-final at Anfield stays home


def test_training_data_sees_the_moved_ties_as_neutral(con):
    data = load_matches(con, dt.date(2021, 3, 20))
    ids = con.execute(
        f"""SELECT home_id, away_id FROM match WHERE id IN ({THIRD_COUNTRY_SQL})
            AND date BETWEEN DATE '2021-02-01' AND DATE '2021-03-19'"""
    ).fetchall()
    assert len(ids) == 5  # two in Budapest in February, the Bucharest one, two in March
    for home, away in ids:
        hit = (data.home == home) & (data.away == away) & (data.days_before < 60)
        assert hit.sum() == 1 and data.neutral[hit].all()
