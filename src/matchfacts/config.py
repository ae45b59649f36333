"""Where matchfacts keeps its files, from the environment or the platform's defaults."""

from __future__ import annotations

import os
from pathlib import Path

import pooch

MIRROR_ENV = "MATCHFACTS_DATA_MIRROR"  # a local copy laid out as <source>/<path>
DB_ENV = "MATCHFACTS_DB"
CACHE_ENV = "MATCHFACTS_CACHE"


def data_mirror() -> Path | None:
    value = os.environ.get(MIRROR_ENV)
    return Path(value).expanduser().resolve() if value else None


def cache_dir() -> Path:
    value = os.environ.get(CACHE_ENV)
    return Path(value).expanduser() if value else Path(pooch.os_cache("matchfacts"))


def default_db_path() -> Path:
    """The store's default file: $MATCHFACTS_DB, else the user's data directory."""
    value = os.environ.get(DB_ENV)
    if value:
        return Path(value).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "matchfacts" / "matchfacts.duckdb"
