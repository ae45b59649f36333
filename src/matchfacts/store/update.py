"""Updating the store to newer source versions: compare, re-ingest whole, report changes.

`update` reads the versions the store was built from (each source's commit and the
SHA-256 of each file), resolves the versions the fetcher would read now (the pinned ones,
or with `LatestFetcher` each moving source's newest), and when any differs builds a new
store beside the old one, compares the two, and renames the new one over the old. A bad
file stops the ingest before the rename, so the old store stays exactly as it was; when
nothing differs, nothing is built and the store is not touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from matchfacts.errors import StoreError
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.registry import SourceSpec, registry, source
from matchfacts.store.db import open_store
from matchfacts.store.ingest import ingest
from matchfacts.store.lock import build_lock
from matchfacts.store.writer import Finalize

Progress = Callable[[str], None]
SCORE_COLUMNS = (
    "home_goals", "away_goals", "home_goals_ht", "away_goals_ht",
    "home_goals_et", "away_goals_et", "home_pens", "away_pens",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Version:
    """What a source was read as: its commit and each file's SHA-256."""

    commit: str
    files: frozenset[tuple[str, str]]  # (path, sha256)

    @classmethod
    def of(cls, spec: SourceSpec) -> Version:
        return cls(spec.commit, frozenset((f.path, f.sha256) for f in spec.files))


@dataclass(slots=True)
class SourceChange:
    name: str
    old_commit: str
    new_commit: str
    files_changed: list[str]  # paths whose content differs (added or removed included)


@dataclass(slots=True)
class UpdateReport:
    sources: list[SourceChange] = field(default_factory=list)  # only the changed ones
    new_matches: list[dict] = field(default_factory=list)
    now_played: list[dict] = field(default_factory=list)  # listed before, a result now
    corrected: list[dict] = field(default_factory=list)  # a score that changed
    removed: list[dict] = field(default_factory=list)
    new_conflicts: list[dict] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return not self.sources


def recorded_versions(con: duckdb.DuckDBPyConnection) -> dict[str, Version]:
    """The version of each source a store was built from. A store built before files'
    hashes were recorded was built from the registry: its pinned hashes stand in."""
    commits = dict(con.execute("SELECT name, commit_sha FROM source").fetchall())
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    files: dict[str, set[tuple[str, str]]] = {name: set() for name in commits}
    if "source_file" in tables:
        rows = con.execute("SELECT source, path, sha256 FROM source_file").fetchall()
        for name, path, sha in rows:
            files[name].add((path, sha))
    out = {}
    known = registry()
    for name, commit in commits.items():
        held = files[name]
        if not held and name in known and known[name].commit == commit:
            held = set(Version.of(known[name]).files)
        out[name] = Version(commit, frozenset(held))
    return out


def update(
    db_path: Path,
    fetcher: Fetcher,
    progress: Progress | None = None,
    finalize: Finalize | None = None,
    aliases_file: Path | None = None,
) -> UpdateReport:
    """Bring the store at `db_path` to the versions `fetcher` reads; see the module."""
    say = progress or (lambda message: None)
    with build_lock(db_path, say):
        con = open_store(db_path)
        try:
            before = recorded_versions(con)
        finally:
            con.close()
        say("comparing source versions")
        report = UpdateReport(sources=_changed_sources(before, fetcher))
        if report.up_to_date:
            return report
        fresh = db_path.with_name(db_path.name + ".update")
        try:
            ingest(fresh, list(before), fetcher, progress, finalize, aliases_file)
            say("comparing the stores")
            _compare(db_path, fresh, report)
        except BaseException:
            fresh.unlink(missing_ok=True)
            raise
        finally:  # the ingest's own lock on the new file: ours on the store covers it
            fresh.with_name(fresh.name + ".lock").unlink(missing_ok=True)
        os.replace(fresh, db_path)  # whole or not at all
        return report


def _changed_sources(before: dict[str, Version], fetcher: Fetcher) -> list[SourceChange]:
    changes = []
    for name, old in before.items():
        now = Version.of(fetcher.resolve(source(name)))
        if now != old:
            paths = {p for p, _ in old.files ^ now.files}
            changes.append(SourceChange(name, old.commit, now.commit, sorted(paths)))
    return changes


# A match is the same match in both stores when its competition, day and sides' names
# agree (ids are numbered afresh by each build, so they cannot tell).
_MATCHES = """
    SELECT m.id, m.competition_id AS competition, m.season, m.date,
           h.name AS home, a.name AS away, m.status, {scores}
    FROM {db}.match m JOIN {db}.team h ON h.id = m.home_id JOIN {db}.team a ON a.id = m.away_id
"""


def _conflicts(db: str) -> str:
    """A store's conflicts, each told by its match (a tie's: the first leg), field, values
    and sources, not by its row id or file line: those move as rows are added. A tie
    winner's value is a team id, numbered afresh by each build, so its name."""

    def value(side: str) -> str:
        return (
            f"CASE WHEN c.field = 'winner' THEN (SELECT name FROM {db}.team "
            f"WHERE id = TRY_CAST(c.{side}_value AS INTEGER)) ELSE c.{side}_value END"
        )

    return f"""
        SELECT c.table_name, c.field, m.competition, m.date, m.home, m.away,
               {value("kept")} AS kept_value, c.kept_source,
               {value("other")} AS other_value, c.other_source
        FROM {db}.conflict c
        LEFT JOIN {db}.tie t ON c.table_name = 'tie' AND t.id = c.row_id
        LEFT JOIN {db}_m m
          ON m.id = CASE WHEN c.table_name = 'tie' THEN t.first_leg_id ELSE c.row_id END
    """


def _compare(old_path: Path, new_path: Path, report: UpdateReport) -> None:
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{old_path}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{new_path}' AS new (READ_ONLY)")
        scores = ", ".join(f"m.{c}" for c in SCORE_COLUMNS)
        for db in ("old", "new"):
            con.execute(f"CREATE TEMP TABLE {db}_m AS " + _MATCHES.format(db=db, scores=scores))
        key = " AND ".join(f"o.{c} = n.{c}" for c in ("competition", "date", "home", "away"))
        shown = "n.competition, n.season, n.date, n.home, n.away, n.home_goals, n.away_goals"
        report.new_matches = _rows(
            con, f"SELECT {shown} FROM new_m n ANTI JOIN old_m o ON {key} ORDER BY n.date, n.home"
        )
        report.removed = _rows(
            con,
            "SELECT o.competition, o.season, o.date, o.home, o.away, o.home_goals, o.away_goals "
            f"FROM old_m o ANTI JOIN new_m n ON {key} ORDER BY o.date, o.home",
        )
        differs = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in SCORE_COLUMNS)
        both = f"FROM old_m o JOIN new_m n ON {key}"
        report.now_played = _rows(
            con,
            f"SELECT {shown} {both} WHERE o.status = 'scheduled' AND n.status = 'played' "
            "ORDER BY n.date, n.home",
        )
        report.corrected = _rows(
            con,
            f"SELECT {shown}, o.home_goals AS old_home_goals, o.away_goals AS old_away_goals, "
            f"o.status AS old_status, n.status {both} WHERE o.status = n.status AND ({differs}) "
            "ORDER BY n.date, n.home",
        )
        report.new_conflicts = _rows(
            con, f"{_conflicts('new')} EXCEPT {_conflicts('old')} ORDER BY ALL"
        )
    except duckdb.Error as exc:
        raise StoreError(f"cannot compare {old_path} with the updated store: {exc}") from exc
    finally:
        con.close()


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
