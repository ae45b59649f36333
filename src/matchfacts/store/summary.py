"""Read-side summaries of the store: what `matchfacts sources` and the ingest summary show."""

from __future__ import annotations

import duckdb

from matchfacts.store.coverage import seasons_missing


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = (
        "competition",
        "team",
        "team_alias",
        "player",
        "match",
        "tie",
        "goal",
        "shootout_kick",
        "conflict",
        "unresolved",
        "provenance",
    )
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[index]


def competition_coverage(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = con.execute("""
        SELECT c.id, c.name, min(m.season), max(m.season), count(*), count(DISTINCT m.season),
               max(m.date) FILTER (WHERE m.status = 'played')
        FROM match m JOIN competition c ON c.id = m.competition_id
        GROUP BY c.id, c.name ORDER BY count(*) DESC
    """).fetchall()
    keys = ("id", "name", "first_season", "last_season", "matches", "seasons", "last_match")
    found = [dict(zip(keys, row, strict=True)) for row in rows]
    for row in found:  # seasons played that no source gives (coverage.py)
        row["missing"] = seasons_missing(con, row["id"])
    return found


def source_status(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    rows = con.execute("""
        SELECT s.name, s.matches, s.goals, s.ingested_at, s.commit_sha,
               (SELECT max(m.date) FROM provenance p JOIN match m ON m.id = p.row_id
                WHERE p.table_name = 'match' AND p.source = s.name) AS last_match,
               (SELECT count(*) FROM conflict c WHERE c.other_source = s.name) AS conflicts
        FROM source s
    """).fetchall()
    keys = ("name", "matches", "goals", "ingested_at", "commit_sha", "last_match", "conflicts")
    return {row[0]: dict(zip(keys, row, strict=True)) for row in rows}


def unresolved_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    return con.execute(
        "SELECT kind, source, count(*) FROM unresolved GROUP BY ALL ORDER BY 3 DESC"
    ).fetchall()
