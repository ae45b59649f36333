"""Shared fixtures: sources are read from the mirror (MATCHFACTS_DATA_MIRROR), never the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.registry import SourceFiles, source

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MIRROR = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = Path(os.environ.get("MATCHFACTS_DATA_MIRROR", DEFAULT_MIRROR)).resolve()
    if not path.is_dir():
        pytest.fail(f"no data mirror at {path}: set MATCHFACTS_DATA_MIRROR")
    return path


@pytest.fixture(scope="session")
def fetcher(mirror: Path) -> Fetcher:
    return Fetcher(mirror=mirror)


@pytest.fixture(scope="session")
def source_files(fetcher: Fetcher):
    """source_files('engsoccerdata') -> SourceFiles reading from the mirror."""

    def make(name: str) -> SourceFiles:
        return SourceFiles(source(name), fetcher)

    return make


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, fetcher: Fetcher) -> Path:
    """A store ingested once per test session from every open source in the mirror."""
    from matchfacts.store.ingest import ingest

    path = tmp_path_factory.mktemp("store") / "matchfacts.duckdb"
    finalize = None
    try:
        from matchfacts.rules.fill import fill_tie_results

        finalize = fill_tie_results
    except ImportError:  # the tie engine is optional for the store's own tests
        pass
    ingest(path, None, fetcher, finalize=finalize)
    return path


@pytest.fixture()
def con(store_path: Path):
    from matchfacts.store.db import open_store

    connection = open_store(store_path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def store(store_path: Path):
    """The real store, opened once for a session's read-only tests."""
    from matchfacts.store.db import open_store

    connection = open_store(store_path)
    yield connection
    connection.close()
