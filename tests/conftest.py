"""Shared fixtures: the sources are read from the mirror (MATCHFACTS_DATA_MIRROR), never the network."""

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
