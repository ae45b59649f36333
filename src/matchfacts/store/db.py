"""Opening the DuckDB store and bringing its schema up to date.

Migrations are the numbered SQL files in `migrations/`; each runs in a transaction
together with the row that records it (as sqlite-utils does), so a store is never left
half-migrated.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files as package_files
from pathlib import Path

import duckdb

from matchfacts.errors import StoreError

MIGRATIONS = package_files("matchfacts.store").joinpath("migrations")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration, in order."""
    out = []
    for entry in sorted(MIGRATIONS.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            out.append((version, entry.name, entry.read_text("utf-8")))
    return out


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this store lacks; returns their names."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migration").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migration VALUES (?, ?, ?)",
                [version, name, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def open_store(path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to an existing store, checked to be at the current schema."""
    if not path.exists():
        raise StoreError(f"no database at {path}: run `matchfacts ingest` first")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
        # no progress bar: DuckDB draws it on stdout after two seconds, inside the JSON
        # that `facts --json` prints (seen by the audit on a busy machine)
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        versions = {r[0] for r in con.execute("SELECT version FROM schema_migration").fetchall()}
    except duckdb.Error:
        con.close()
        raise StoreError(f"{path} is not a matchfacts database") from None
    missing = [name for version, name, _ in migrations() if version not in versions]
    if missing:
        con.close()
        raise OutdatedStoreError(
            f"{path} lacks migrations {missing}: run `matchfacts ingest` again"
        )
    return con


class OutdatedStoreError(StoreError):
    """A store written by an older matchfacts: its schema lacks later migrations."""


def create_store(path: Path) -> duckdb.DuckDBPyConnection:
    """A new, empty store at the current schema (the file must not exist)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    migrate(con)
    return con
