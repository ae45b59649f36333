"""Previewing a match the store does not hold yet: the store cut at a day (every match on
or after it deleted) previews that day's fixtures as the full store does, with only the
notice that the match is not in the store; after the store's newest result the preview
still has its forecast, facts, fact sheet, tie and a freshness notice."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cut_store import store_before  # tests/preview/cut_store.py
from typer.testing import CliRunner

from matchfacts.cli import app
from matchfacts.errors import UsageError
from matchfacts.preview.compose import compose
from matchfacts.preview.markdown import render_markdown
from matchfacts.store.db import open_store
from matchfacts.store.lookup import fixture, resolve_team
from matchfacts.store.planned import Plan

runner = CliRunner()

# (home, away, day, plan): a league match, a league-phase match, a first leg (its round
# given, as a user must: which round two sides meet in next is not in the data) and a
# second leg (its first leg found by the store).
FIXTURES = [
    ("Chelsea", "Arsenal", "2023-10-21", Plan()),
    ("Liverpool", "Real Madrid", "2024-11-27", Plan()),
    ("Real Madrid", "Liverpool", "2021-04-06", Plan(round="QF", leg=1)),
    ("Liverpool", "Real Madrid", "2021-04-14", Plan()),
]


def _markdown(path, home: str, away: str, day: dt.date, plan: Plan) -> str:
    con = open_store(path)
    try:
        doc = compose(con, resolve_team(con, home), resolve_team(con, away), day, plan=plan)
        return render_markdown(doc)
    finally:
        con.close()


def _without_notices(text: str) -> list[str]:
    """The preview's lines but the notices (and blank lines, which frame them)."""
    return [line for line in text.splitlines() if line.strip() and not line.startswith("> ")]


@pytest.mark.parametrize(("home", "away", "day", "plan"), FIXTURES)
def test_a_store_cut_at_the_day_previews_the_match_as_the_full_store_does(
    store_path, tmp_path, home, away, day, plan
):
    day = dt.date.fromisoformat(day)
    full = _markdown(store_path, home, away, day, Plan())
    cut = _markdown(store_before(store_path, tmp_path, day), home, away, day, plan)
    assert "is not in the store" in cut and "is not in the store" not in full
    assert _without_notices(cut) == _without_notices(full)


def test_a_second_leg_after_the_store_ends_exits_0_with_its_tie_and_a_freshness_notice(
    store_path, tmp_path
):
    cut = store_before(store_path, tmp_path, dt.date(2021, 4, 10))
    result = runner.invoke(
        app,
        ["preview", "Liverpool", "Real Madrid", "--date", "2021-04-14", "--db", str(cut),
         "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)["preview"]
    assert doc["tie"]["first_leg"]["home_goals"] == 3 and doc["tie"]["leg"] == 2
    assert doc["tie"]["outcomes"] and doc["facts"]["facts"] and doc["fact_sheet"]
    assert abs(sum(doc["forecast"]["match"].values()) - 1) < 1e-3
    notices = " ".join(doc["notices"])
    assert "not in the store" in notices and "second leg" in notices
    assert "newest result" not in notices  # four days old: fresh enough


def test_a_fixture_months_after_the_store_ends_says_how_old_the_data_is(store_path):
    result = runner.invoke(
        app, ["preview", "Arsenal", "Chelsea", "--date", "2026-12-05", "--db", str(store_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert "Premier League 2026-27" in result.stdout  # the competition inferred, in words
    assert "newest result is from 2026-05-24" in result.stdout
    assert "## Fact sheet" in result.stdout and "## Match facts" in result.stdout


def test_forecast_tie_and_facts_take_a_planned_fixture_and_say_so(store_path, tmp_path):
    cut = store_before(store_path, tmp_path, dt.date(2021, 4, 10))
    for command in ("forecast", "tie", "facts"):
        result = runner.invoke(
            app, [command, "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(cut)]
        )
        assert result.exit_code == 0, (command, result.stderr)
        assert "not in the store" in result.stderr
    tie = runner.invoke(
        app, ["tie", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(cut), "--json"]
    )
    assert "3-1 means extra time" in json.loads(tie.stdout)["tie"]["summary"]


def test_what_a_user_gives_is_checked(store):
    liverpool, madrid = resolve_team(store, "Liverpool"), resolve_team(store, "Real Madrid")
    day = dt.date(2026, 9, 1)
    with pytest.raises(UsageError, match="unknown competition 'Copa Libertadores'"):
        fixture(store, liverpool, madrid, day, Plan(competition="Copa Libertadores"))
    with pytest.raises(UsageError, match="no first leg"):
        fixture(store, liverpool, madrid, day, Plan(competition="UCL", leg=2))
    final = fixture(store, liverpool, madrid, day, Plan("Champions League", "final", None, True))
    assert (final.competition_id, final.stage, final.neutral, final.venue) == (
        "UCL", "final", True, None,
    )  # fmt: skip


def test_a_past_date_without_the_match_still_names_the_meetings(store):
    """Before the store's newest result a missing match is more likely a wrong date than
    a match the sources lack: the error says so, unless --competition is given."""
    from matchfacts.errors import NotFoundError

    liverpool, madrid = resolve_team(store, "Liverpool"), resolve_team(store, "Real Madrid")
    with pytest.raises(NotFoundError, match="give --competition"):
        fixture(store, liverpool, madrid, dt.date(2021, 4, 20))
    planned = fixture(store, liverpool, madrid, dt.date(2021, 4, 20), Plan(competition="UCL"))
    assert planned.planned and planned.competition_id == "UCL"


def test_a_final_the_sources_list_is_previewed_as_a_final(store_path):
    """openfootball lists the 2026 Champions League final before it is played: `fixtures`
    names it and the preview is of a one-match final at a neutral ground (no second leg,
    the trophy at stake)."""
    listed = runner.invoke(
        app, ["fixtures", "--from", "2026-05-01", "--to", "2026-06-30", "-c", "UCL",
              "--db", str(store_path), "--json"],
    )  # fmt: skip
    assert listed.exit_code == 0, listed.stderr
    (final,) = json.loads(listed.stdout)["fixtures"]
    assert (final["home"], final["away"], final["round"]) == ("Paris Saint-Germain", "Arsenal", "F")
    result = runner.invoke(
        app, ["preview", "PSG", "Arsenal", "-d", final["date"], "--db", str(store_path),
              "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)["preview"]
    assert "Champions League 2025-26 final" in doc["standfirst"]
    assert "chance of winning the trophy" in doc["standfirst"]
    assert doc["forecast"]["neutral"] is True and doc["tie"]["leg"] is None
    assert "listed by the sources" in " ".join(doc["notices"])
