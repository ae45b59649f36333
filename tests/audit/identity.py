"""Who is who: the one thing the audit takes from the store, stated.

A raw file's team name is turned into the store's team id through the store's own table of
aliases (alias, source, country -> id), and the id into a country through the team table.
That is a key to a name, nothing else: no match, score, round, tie or lineage rule of the
store is read. (The facts' queries name teams by these ids, so the audit must speak them.)
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

STORE = Path(
    os.environ.get("MATCHFACTS_DB", Path.home() / ".local/share/matchfacts/matchfacts.duckdb")
)
SOURCES = {"cg": "charliegnomo-champions-uefa-data", "sch": "schochastics-football-data",
           "of": "openfootball-champions-league", "esd": "engsoccerdata",
           "fd": "football-datasets"}  # fmt: skip


@cache
def _tables() -> tuple[dict, dict]:
    con = duckdb.connect(str(STORE), read_only=True)
    try:
        aliases = con.execute("SELECT source, alias, country, team_id FROM team_alias").fetchall()
        teams = con.execute("SELECT id, country, coalesce(short_name, name) FROM team").fetchall()
    finally:
        con.close()
    by_name: dict = {}
    for source, alias, country, team in aliases:
        by_name.setdefault((source, alias), {})[country] = team
    return by_name, {t: (c or "", n) for t, c, n in teams}


def team_id(key: tuple) -> int | None:
    """The id of a raw (source, name[, country]) key; None when the store never placed it."""
    by_name, _ = _tables()
    found = by_name.get((SOURCES[key[0]], key[1]))
    if not found:
        return None
    if len(key) > 2 and key[2] in found:
        return found[key[2]]
    return next(iter(found.values())) if len(found) == 1 else None


def country(team: int) -> str:
    return _tables()[1].get(team, ("", ""))[0]


def name(team: int) -> str:
    return _tables()[1].get(team, ("", str(team)))[1]


def with_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """The raw matches with home and away ids; a name the store never placed stays None
    (and is reported by the audit, never guessed)."""
    keys = pd.unique(pd.concat([frame["home"], frame["away"]]))
    ids = {k: team_id(k) for k in keys}
    out = frame.copy()
    out["home_id"] = out["home"].map(ids)
    out["away_id"] = out["away"].map(ids)
    return out
