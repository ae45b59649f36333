"""`preview --all`: every fixture of a day, one file each and an index, over a process
pool; each file is the preview `preview HOME AWAY --date D` writes for that fixture."""

from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
from typer.testing import CliRunner

from matchfacts.cli import app

runner = CliRunner()


def _held(store_path, day: str, competition: str) -> list[tuple[str, str]]:
    with duckdb.connect(str(store_path), read_only=True) as con:
        return con.execute(
            """SELECT h.short_name, a.short_name FROM match m
               JOIN team h ON h.id = m.home_id JOIN team a ON a.id = m.away_id
               WHERE m.date = ? AND m.competition_id = ? ORDER BY 1""",
            [dt.date.fromisoformat(day), competition],
        ).fetchall()


def test_every_fixture_of_a_day_is_the_single_preview(store_path, tmp_path):
    held = _held(store_path, "2021-04-14", "UCL")
    assert len(held) >= 2  # the flagship and the other quarter-final of the night
    out = tmp_path / "day"

    result = runner.invoke(
        app,
        ["preview", "--all", "-d", "2021-04-14", "-c", "UCL", "-o", str(out),
         "--workers", "2", "--db", str(store_path)],
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in out.glob("2021-04-14-UCL-*.md"))
    assert len(files) == len(held)
    # not a terminal: one plain line per fixture, counted
    assert sorted(re.findall(r"^\[(\d)/(\d)\]", result.stderr, re.M)) == [
        (str(i), str(len(held))) for i in range(1, len(held) + 1)
    ]
    index = (out / "index.md").read_text("utf-8")
    for name in files:
        assert f"]({name})" in index
    for home, away in held:
        single = runner.invoke(
            app, ["preview", home, away, "-d", "2021-04-14", "--db", str(store_path)]
        )
        assert single.exit_code == 0, single.stderr
        [written] = [p for p in out.glob("*.md") if p.read_text("utf-8") == single.stdout]
        assert written.name in files


def test_a_scheduled_fixture_is_written_as_listed_with_an_html_index(store_path, tmp_path):
    with duckdb.connect(str(store_path), read_only=True) as con:
        [(day,)] = con.execute(
            "SELECT max(date) FROM match WHERE status = 'scheduled' AND competition_id = 'UCL'"
        ).fetchall()
    out = tmp_path / "final"

    result = runner.invoke(
        app,
        ["preview", "--all", "-d", str(day), "-f", "json", "-o", str(out),
         "--db", str(store_path)],
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    index = json.loads((out / "index.json").read_text("utf-8"))["previews"]
    assert [p["fixture"]["status"] for p in index] == ["scheduled"] * len(index)
    for entry in index:
        preview = json.loads((out / entry["file"]).read_text("utf-8"))["preview"]
        assert any("listed by the sources" in n for n in preview["notices"])
        assert preview["headline"] == entry["headline"]


def test_bad_batches_say_so(store_path, tmp_path):
    both = runner.invoke(app, ["preview", "Liverpool", "Chelsea", "--all", "-d", "2021-04-14",
                               "--db", str(store_path)])  # fmt: skip
    assert both.exit_code == 2 and "--all" in both.stderr
    empty = runner.invoke(app, ["preview", "--all", "-d", "1850-06-15", "-o",
                                str(tmp_path / "none"), "--db", str(store_path)])  # fmt: skip
    assert empty.exit_code == 1 and "no fixture" in empty.stderr
    no_teams = runner.invoke(app, ["preview", "-d", "2021-04-14", "--db", str(store_path)])
    assert no_teams.exit_code == 2 and "HOME and AWAY" in no_teams.stderr
