"""Matches behind closed doors: from attendance where UEFA gives it, else the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.store.crowds import behind_closed_doors, closed_by_decree


@pytest.mark.parametrize(
    ("country", "date", "closed"),
    [
        ("ENG", dt.date(2020, 3, 7), False),  # a week before play stopped
        ("ENG", dt.date(2021, 1, 3), True),
        ("ITA", dt.date(2020, 3, 8), True),  # Juventus-Inter, empty
        ("ENG", dt.date(2021, 8, 14), False),  # crowds back
        ("NED", dt.date(2021, 12, 5), True),  # the Netherlands' second closed winter
        ("ENG", dt.date(2021, 12, 5), False),
        ("UKR", dt.date(2020, 10, 21), True),  # no period of its own: the '*' one
        (None, dt.date(2020, 10, 21), True),
    ],
)
def test_the_calendar(country, date, closed):
    assert closed_by_decree(country, date) is closed


def test_attendance_wins_over_the_calendar():
    assert behind_closed_doors(dt.date(2020, 10, 21), 1000, "ENG") is False
    assert behind_closed_doors(dt.date(2020, 10, 21), 0, None) is True
    assert behind_closed_doors(dt.date(2019, 10, 21), 0, "ENG") is None  # 0: not recorded
    assert behind_closed_doors(dt.date(2019, 10, 21), None, "ENG") is None


def test_league_matches_of_the_pandemic_season_are_behind_closed_doors(con):
    rows = con.execute(
        """SELECT competition_id, season, count(*) FILTER (WHERE behind_closed_doors),
                  count(*)
           FROM match WHERE competition_id IN ('ENG1', 'ESP1', 'UEL')
             AND season IN ('2018-19', '2020-21') GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    by = {(c, s): (closed, n) for c, s, closed, n in rows}
    for comp in ("ENG1", "ESP1"):
        assert by[(comp, "2018-19")][0] == 0
        closed, n = by[(comp, "2020-21")]
        assert closed == n == 380
    closed, n = by[("UEL", "2020-21")]  # the Europa League: no attendance in its sources
    assert closed == n > 200


def test_uefa_attendance_still_decides_the_champions_league(con):
    """Atalanta-Valencia (19 February 2020) had a crowd; the Champions League restart
    in Lisbon (August 2020) had none."""
    rows = dict(
        con.execute(
            """SELECT date, behind_closed_doors FROM match WHERE competition_id = 'UCL'
               AND date IN (DATE '2020-02-19', DATE '2020-08-12') AND stage <> 'qualifying'"""
        ).fetchall()
    )
    assert rows[dt.date(2020, 2, 19)] is False
    assert rows[dt.date(2020, 8, 12)] is True
