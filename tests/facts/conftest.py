"""The real store, opened once for the facts tests, and the flagship's facts."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.facts.mine import candidates, facts_for, fixture_of
from matchfacts.store.lookup import resolve_team

FLAGSHIP = ("Liverpool", "Real Madrid", dt.date(2021, 4, 14))


def _flagship_fixture(con):  # noqa: ANN001, ANN202
    home, away, day = FLAGSHIP
    return fixture_of(con, resolve_team(con, home), resolve_team(con, away), day)


@pytest.fixture(scope="session")
def flagship_fixture():
    """flagship_fixture(con): the flagship match as the miners see it, from any store."""
    return _flagship_fixture


@pytest.fixture(scope="session")
def flagship(store):
    """The flagship's facts as the preview gets them (the default limit)."""
    fx = _flagship_fixture(store)
    return facts_for(store, fx.home, fx.away, fx.match.date)


@pytest.fixture(scope="session")
def flagship_candidates(store):
    """Every fact mined for the flagship, scored, before merging and caps."""
    return candidates(store, _flagship_fixture(store))
