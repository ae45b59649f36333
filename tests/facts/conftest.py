"""The real store, opened once for the facts tests, and the flagship's facts."""

from __future__ import annotations

import datetime as dt

import pytest

from matchfacts.facts.context import Fixture
from matchfacts.facts.mine import candidates, facts_for
from matchfacts.store.db import open_store
from matchfacts.store.lookup import fixture, resolve_team

FLAGSHIP = ("Liverpool", "Real Madrid", dt.date(2021, 4, 14))


@pytest.fixture(scope="session")
def store(store_path):
    connection = open_store(store_path)
    yield connection
    connection.close()


def _flagship_fixture(con) -> Fixture:  # noqa: ANN001
    home, away, day = FLAGSHIP
    h, a = resolve_team(con, home), resolve_team(con, away)
    match = fixture(con, h, a, day)
    return Fixture(h, a, match, match.date)


@pytest.fixture(scope="session")
def flagship_fixture():
    """flagship_fixture(con): the flagship match as the miners see it, from any store."""
    return _flagship_fixture


@pytest.fixture(scope="session")
def flagship(store):
    """The flagship's facts as the preview gets them (the default limit)."""
    fx = _flagship_fixture(store)
    return facts_for(store, fx.home, fx.away, fx.as_of)


@pytest.fixture(scope="session")
def flagship_candidates(store):
    """Every fact mined for the flagship, scored, before merging and caps."""
    return candidates(store, _flagship_fixture(store))
