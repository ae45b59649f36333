"""Was a match played behind closed doors? From its attendance where a source gives one,
else from the calendar of closed-doors periods by country (crowds.toml)."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path

CALENDAR = Path(__file__).with_name("crowds.toml")
ANY_COUNTRY = "*"
PANDEMIC = (dt.date(2020, 3, 1), dt.date(2021, 7, 31))


@cache
def _periods() -> tuple[tuple[frozenset[str], dt.date, dt.date], ...]:
    with CALENDAR.open("rb") as f:
        table = tomllib.load(f)
    periods = []
    for i, period in enumerate(table["period"], start=1):
        start, end = period["from"], period["to"]
        if not (isinstance(start, dt.date) and isinstance(end, dt.date) and start <= end):
            raise ValueError(f"{CALENDAR.name}: period {i} needs dates from <= to")
        periods.append((frozenset(period["countries"]), start, end))
    return tuple(periods)


def closed_by_decree(country: str | None, date: dt.date) -> bool:
    """Whether the calendar puts a match hosted in `country` on `date` behind closed doors.

    A country's own periods decide for it; the '*' periods speak only for countries that
    have none of their own."""
    own = [p for p in _periods() if country in p[0]]
    periods = own or [p for p in _periods() if ANY_COUNTRY in p[0]]
    return any(start <= date <= end for _, start, end in periods)


def behind_closed_doors(date: dt.date, attendance: int | None, country: str | None) -> bool | None:
    """True, False, or None (unknown) for a match hosted in `country`.

    An attendance decides: a crowd means no, and 0 in the pandemic seasons means yes
    (outside them a 0 more often means 'not recorded'). Without one, the calendar says yes
    inside a closed-doors period and nothing outside it.
    """
    if attendance is not None and attendance > 0:
        return False
    if attendance == 0 and PANDEMIC[0] <= date <= PANDEMIC[1]:
        return True
    return True if closed_by_decree(country, date) else None
