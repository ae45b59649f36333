"""`matchfacts update`: a newer version of a source adds what it adds and nothing else,
lands whole or not at all, and a second update with nothing new changes nothing.

A copy of football-datasets in a temporary folder plays the role of a newer commit:
its SOURCE.txt names another commit, a matchday is appended to the Premier League's
2025-26 file, and (in another copy) a score is corrected.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from matchfacts.cli import app
from matchfacts.errors import ParseError
from matchfacts.sources.fetch import Fetcher
from matchfacts.sources.latest import LatestFetcher
from matchfacts.store.update import update

SOURCE = "football-datasets"
SEASON_FILE = "premier-league/season-2526.csv"
NEWER_COMMIT = "1" * 40
# A matchday the pinned commit does not have (any sides of the league will do).
NEW_ROWS = [
    "2026-05-31,Arsenal,Chelsea,2,1,H,1,0,H,M Oliver,15,9,6,3,10,12,7,2,1,2,0,0",
    "2026-05-31,Liverpool,Everton,0,0,D,0,0,D,A Taylor,12,8,4,2,9,11,5,3,2,1,0,0",
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _newer_mirror(mirror: Path, folder: Path, edit) -> Path:  # noqa: ANN001 - lines -> lines
    """A mirror of the source at a 'newer commit': the pinned files, one of them edited."""
    root = folder / "newer"
    shutil.copytree(mirror / SOURCE, root / SOURCE)
    about = root / SOURCE / "SOURCE.txt"
    about.write_text(
        re.sub(r"(?m)^commit:.*$", f"commit:   {NEWER_COMMIT}", about.read_text("utf-8")),
        encoding="utf-8",
    )
    path = root / SOURCE / SEASON_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return root


def _matches(db: Path) -> set[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""
            SELECT m.competition_id, m.date, h.name, a.name, m.home_goals, m.away_goals,
                   m.home_goals_ht, m.away_goals_ht, m.status
            FROM match m JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
        """).fetchall()
    finally:
        con.close()
    return set(rows)


@pytest.fixture(scope="module")
def pinned_ingest(tmp_path_factory: pytest.TempPathFactory, mirror: Path):  # noqa: ANN201
    """The store built from the pinned registry by `matchfacts ingest`, and its output."""
    db = tmp_path_factory.mktemp("pinned") / "store.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MATCHFACTS_DATA_MIRROR", str(mirror))
        result = CliRunner().invoke(app, ["ingest", "-s", SOURCE, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result


@pytest.fixture(scope="module")
def pinned_store(pinned_ingest) -> Path:  # noqa: ANN001
    return pinned_ingest[0]


def test_ingest_counts_its_steps_in_plain_lines_off_a_terminal(pinned_ingest):
    steps = re.findall(r"^\[\s*[\d.]+s\] \[(\d)/(\d)\] (.*)$", pinned_ingest[1].stderr, re.M)
    assert steps == [
        ("1", "3", f"fetching and parsing {SOURCE}"),
        ("2", "3", "placing teams and merging matches"),
        ("3", "3", "writing the store"),
    ]


@pytest.fixture()
def store(pinned_store: Path, tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    shutil.copy(pinned_store, db)
    return db


def test_update_adds_the_new_matches_and_nothing_else(store, mirror, tmp_path, monkeypatch):
    newer = _newer_mirror(mirror, tmp_path, lambda lines: lines + NEW_ROWS)
    before = _matches(store)

    report = update(store, LatestFetcher(mirror=newer))

    after = _matches(store)
    added = after - before
    assert before <= after  # nothing lost, nothing changed
    assert {(d.isoformat(), g, a) for _, d, _, _, g, a, *_ in added} == {
        ("2026-05-31", 2, 1),
        ("2026-05-31", 0, 0),
    }
    reported = {(m["date"], m["home"], m["away"], m["home_goals"]) for m in report.new_matches}
    assert reported == {(d, h, a, g) for _, d, h, a, g, *_ in added}
    assert report.corrected == report.removed == report.now_played == report.new_conflicts == []
    [change] = report.sources
    assert (change.name, change.new_commit, change.files_changed) == (
        SOURCE, NEWER_COMMIT, [SEASON_FILE],
    )  # fmt: skip

    # `sources` shows the pinned commit beside the one the store was built from
    monkeypatch.setenv("MATCHFACTS_DATA_MIRROR", str(newer))
    shown = CliRunner().invoke(app, ["sources", "--db", str(store), "--json"])
    assert shown.exit_code == 0, shown.output
    row = next(r for r in json.loads(shown.stdout)["sources"] if r["name"] == SOURCE)
    assert row["store_commit"] == NEWER_COMMIT != row["pinned_commit"]
    assert row["files_not_pinned"] == 1

    # a second update finds nothing new and leaves the store's file as it is
    digest = _digest(store)
    again = CliRunner().invoke(app, ["update", "--latest", "--db", str(store), "--json"])
    assert again.exit_code == 0, again.output
    out = json.loads(again.stdout)
    assert out["up_to_date"] is True and out["new_matches"] == [] and out["sources"] == []
    assert _digest(store) == digest

    # and the pinned registry (the default) takes the store back to the pinned build
    back = update(store, Fetcher(mirror=mirror))
    assert [c.new_commit for c in back.sources] != [NEWER_COMMIT]
    assert _matches(store) == before
    assert len(back.removed) == 2 and back.new_matches == []


def test_update_reports_a_corrected_score(store, mirror, tmp_path):
    def correct(lines: list[str]) -> list[str]:
        fields = lines[-1].split(",")  # the last match of the season
        fields[3] = str(int(fields[3]) + 1)  # FTHG: the home side scored once more
        lines[-1] = ",".join(fields)
        return lines

    newer = _newer_mirror(mirror, tmp_path, correct)
    last = (mirror / SOURCE / SEASON_FILE).read_text("utf-8").splitlines()[-1].split(",")

    report = update(store, LatestFetcher(mirror=newer))

    assert report.new_matches == report.removed == report.now_played == []
    [fixed] = report.corrected
    assert fixed["date"].isoformat() == last[0]
    assert (fixed["old_home_goals"], fixed["home_goals"]) == (int(last[3]), int(last[3]) + 1)
    assert fixed["away_goals"] == fixed["old_away_goals"] == int(last[4])


def test_a_broken_file_fails_the_update_and_leaves_the_store(store, mirror, tmp_path):
    broken_row = "2026-05-31,Arsenal,Chelsea,two,1,H,1,0,H,M Oliver,15,9,6,3,10,12,7,2,1,2,0,0"
    newer = _newer_mirror(mirror, tmp_path, lambda lines: [*lines, NEW_ROWS[0], broken_row])
    digest = _digest(store)
    lines = len((newer / SOURCE / SEASON_FILE).read_text("utf-8").splitlines())

    with pytest.raises(ParseError) as caught:
        update(store, LatestFetcher(mirror=newer))

    assert caught.value.file == SEASON_FILE and caught.value.line == lines
    assert "'two'" in str(caught.value)
    assert _digest(store) == digest
    assert sorted(p.name for p in store.parent.iterdir() if p.name.startswith("store")) == [
        "store.duckdb",
        "store.duckdb.lock",
    ]  # no half-built store left beside it
