"""A copy of the store as it stood before a day: every match on or after it deleted, with
its goals, kicks, forecasts and provenance, and the ties it ended left open (as a source
copied that morning would have them)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb


def store_before(store_path: Path, folder: Path, day: dt.date) -> Path:
    path = folder / f"before-{day}.duckdb"
    shutil.copy(store_path, path)
    con = duckdb.connect(str(path))
    try:
        con.execute("CREATE TEMP TABLE later AS SELECT id FROM match WHERE date >= ?", [day])
        for table in ("goal", "shootout_kick", "reference_forecast"):
            con.execute(f"DELETE FROM {table} WHERE match_id IN (SELECT id FROM later)")
        for table in ("provenance", "conflict"):
            con.execute(
                f"DELETE FROM {table} WHERE table_name = 'match' "
                "AND row_id IN (SELECT id FROM later)"
            )
        con.execute("UPDATE match SET tie_id = NULL WHERE tie_id IN (SELECT id FROM tie "
                    "WHERE first_leg_id IN (SELECT id FROM later))")  # fmt: skip
        con.execute("DELETE FROM tie WHERE first_leg_id IN (SELECT id FROM later)")
        con.execute(
            """UPDATE tie SET second_leg_id = NULL, winner_id = NULL, decided_by = NULL
               WHERE second_leg_id IN (SELECT id FROM later)"""
        )
        con.execute("UPDATE tie SET replay_id = NULL WHERE replay_id IN (SELECT id FROM later)")
        con.execute("DELETE FROM match WHERE id IN (SELECT id FROM later)")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
