"""The command line on the real store: output, JSON contract, exit codes, help."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from matchfacts.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_flagship_tie_json_follows_the_contract(store_path):
    code, out, _ = run(
        "tie", "Liverpool", "Real Madrid", "--date", "2021-04-14", "--db", str(store_path), "--json"
    )
    assert code == 0
    tie = json.loads(out)["tie"]
    assert (tie["home"], tie["away"], tie["date"]) == ("Liverpool", "Real Madrid", "2021-04-14")
    assert tie["first_leg"] == {
        "home": "Real Madrid",
        "away": "Liverpool",
        "date": "2021-04-06",
        "home_goals": 3,
        "away_goals": 1,
        "home_goals_et": None,
        "away_goals_et": None,
    }
    assert tie["aggregate"] == {"home": 1, "away": 3}
    assert tie["rules"]["away_goals"] and tie["rules"]["away_goals_in_extra_time"]
    assert tie["rules"]["level_after_extra_time"] == "penalties"
    assert tie["summary"] == (
        "Liverpool go through with 2-0 or by three clear goals; 3-1 means extra time; any "
        "other two-goal win (4-2, 5-3 ...) and any smaller margin put Real Madrid through."
    )
    cells = {(c["home_goals"], c["away_goals"]): c["result"] for c in tie["outcomes"]}
    assert len(cells) == 49
    for (h, a), result in cells.items():
        # independent arithmetic: aggregate, then away goals (Liverpool have 1 at Madrid)
        liverpool, madrid = 1 + h, 3 + a
        if liverpool != madrid:
            expected = "home" if liverpool > madrid else "away"
        elif a != 1:
            expected = "home" if a < 1 else "away"
        else:
            expected = "extra_time"
        assert result == expected, (h, a)


def test_flagship_tie_in_words_and_grid(store_path):
    code, out, _ = run(
        "tie", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(store_path)
    )
    assert code == 0
    assert "First leg (6 April 2021): Real Madrid 3-1 Liverpool" in out
    assert "3-1 means extra time" in out


def test_tie_in_progress(store_path):
    code, out, _ = run(
        "tie",
        "Liverpool",
        "Real Madrid",
        "-d",
        "2021-04-14",
        "--minute",
        "70",
        "--score",
        "2-0",
        "--db",
        str(store_path),
        "--json",
    )
    assert code == 0
    words = json.loads(out)["tie"]["in_progress"]["words"]
    assert "Liverpool" in words and "through" in words


def test_a_date_without_that_match_names_the_meetings_there_are(store_path):
    code, _, err = run(
        "tie", "Liverpool", "Real Madrid", "--date", "2021-04-20", "--db", str(store_path)
    )
    assert code == 1
    assert "No match Liverpool v Real Madrid" in err
    assert "2021-04-14" in err and "2021-04-06" in err and "2018-05-26" in err


def test_an_unknown_team_gets_suggestions(store_path):
    code, _, err = run(
        "tie", "Liverpol", "Real Madrid", "-d", "2021-04-14", "--db", str(store_path)
    )
    assert code == 1
    assert "Unknown team 'Liverpol'" in err and "Liverpool" in err


def test_bad_usage_exits_2(store_path):
    code, _, _ = run("tie", "Liverpool", "Real Madrid", "-d", "14/04/2021")
    assert code == 2


def test_summary_and_sources(store_path):
    code, out, _ = run("summary", "--db", str(store_path), "--json")
    assert code == 0 and json.loads(out)["rows"]["match"] > 400_000
    code, out, _ = run("sources", "--db", str(store_path), "--json")
    sources = {s["name"]: s for s in json.loads(out)["sources"]}
    assert sources["charliegnomo-champions-uefa-data"]["status"] == "ingested"
    assert sources["kaggle-ucl-2016-2022"]["status"] == "local files only"


@pytest.mark.parametrize(
    "command", [c.name or c.callback.__name__ for c in app.registered_commands]
)
def test_every_command_is_documented(command):
    code, out, _ = run(command, "--help")
    assert code == 0
    assert len(out.split("Options")[0].strip().splitlines()) >= 2


def test_a_users_rule_set_changes_the_tie(store_path, tmp_path):
    """What if away goals had already gone in 2020-21? A user's file says so."""
    rules = tmp_path / "what-if.toml"
    rules.write_text(
        '[[ruleset]]\nid = "what-if"\ncompetition = "UCL"\nfirst_season = "2020-21"\n'
        'last_season = "2020-21"\nrounds = ["QF"]\nlegs = 2\naway_goals = false\n'
        "away_goals_in_extra_time = false\nextra_time = true\n"
        'level_after_extra_time = "penalties"\n',
        encoding="utf-8",
    )
    code, out, err = run(
        "tie",
        "Liverpool",
        "Real Madrid",
        "-d",
        "2021-04-14",
        "--rules",
        str(rules),
        "--db",
        str(store_path),
        "--json",
    )
    assert code == 0, err
    tie = json.loads(out)["tie"]
    assert tie["rules"]["id"] == "what-if"
    cells = {(c["home_goals"], c["away_goals"]): c["result"] for c in tie["outcomes"]}
    assert cells[(2, 0)] == "extra_time" and cells[(3, 1)] == "extra_time"


def test_flagship_facts_json(store_path):
    code, out, _ = run(
        "facts", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(store_path), "--json"
    )
    assert code == 0
    payload = json.loads(out)["facts"]
    assert payload["as_of"] == "2021-04-14" and len(payload["facts"]) >= 7
    first = payload["facts"][0]
    assert {"form", "subject", "text", "value", "score", "evidence"} <= set(first)
    assert {
        "match_id",
        "date",
        "competition",
        "round",
        "home",
        "away",
        "home_goals",
        "away_goals",
    } <= set(first["evidence"][0])


@pytest.mark.slow
def test_a_store_from_an_older_matchfacts_is_rebuilt_by_the_main_job(store_path, tmp_path):
    import shutil

    import duckdb

    old = tmp_path / "old.duckdb"
    shutil.copy(store_path, old)
    with duckdb.connect(str(old)) as con:  # as an older matchfacts left it
        con.execute("DELETE FROM schema_migration WHERE version = 7")  # before store_build
    code, out, err = run(
        "preview", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(old)
    )
    assert code == 0, err
    assert "older matchfacts: rebuilding" in err
    assert out.startswith("# Liverpool v Real Madrid")
    with duckdb.connect(str(old), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_migration").fetchone()[0] >= 7
        assert con.execute("SELECT count(*) FROM store_build").fetchone()[0] == 1


def test_backtest_of_a_champions_league_season_with_its_ties(store_path):
    code, out, _ = run(
        "backtest", "-c", "UCL", "--from", "2018-19", "--to", "2018-19", "--ties",
        "--refit-days", "56", "--db", str(store_path), "--json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    everything = result["matches"][0]
    assert everything["set"] == "all matches"
    assert everything["n"] == 125  # 96 group matches, 28 knockout, the final: no qualifier
    assert sum(b["n"] for b in everything["calibration"]) == 3 * everything["n"]
    ties = result["ties"]["UCL"]
    assert ties["n"] == 14  # 8 last-16 ties, 4 quarter-finals, 2 semi-finals
    assert set(ties["metrics"]) == {"matchfacts", "base rate"}
    assert sum(b["n"] for b in ties["calibration"]) == 2 * ties["n"]
    code, _, err = run("backtest", "--rounds", "groups", "--db", str(store_path))
    assert code == 2 and "proper, qualifying or all" in err


def test_the_entry_point_turns_an_environment_failure_into_one_line(
    store_path, tmp_path, monkeypatch, capsys
):
    """`check` on a folder: the console script's error boundary exits 3 with one line."""
    import sys

    from matchfacts.cli import run as entry_point

    args = ["matchfacts", "check", str(tmp_path), "--date", "2021-04-14", "--db", str(store_path)]
    monkeypatch.setattr(sys, "argv", args)
    with pytest.raises(SystemExit) as stopped:
        entry_point()
    err = capsys.readouterr().err
    assert stopped.value.code == 3
    assert "Is a directory" in err and "Traceback" not in err


def test_an_output_file_in_a_missing_folder_is_bad_usage(store_path, tmp_path):
    code, _, err = run(
        "preview", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--db", str(store_path),
        "-o", str(tmp_path / "no-such-folder" / "preview.md"),
    )  # fmt: skip
    assert code == 2 and "does not exist" in err


def test_endless_input_to_check_is_cut_at_the_limit(store_path):
    """stdin is read up to one byte past the checker's limit: a stream of 2 MB ends in a
    clear error, not in memory without bound."""
    result = runner.invoke(
        app, ["check", "-", "--date", "2021-04-14", "--db", str(store_path)],
        input="a" * 2_000_000,
    )  # fmt: skip
    assert result.exit_code == 2 and "over 1 MB" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["tie", "Liverpool", "Real Madrid", "-d", "2021-04-14", "--minute", "80",
          "--score", "99999999999999999999-0"], 2, "goals are 0..30"),
        (["backtest", "--from", "2020-21", "--to", "2019-20"], 2, "before --from"),
        (["backtest", "-c", "XYZ", "--from", "2020-21", "--to", "2020-21"], 1,
         "no played match of XYZ"),
    ],
)  # fmt: skip
def test_bad_command_lines_end_in_one_clear_line(store_path, args, code, says):
    result = runner.invoke(app, [*args, "--db", str(store_path)])
    assert result.exit_code == code and says in result.stderr
    assert "Traceback" not in result.stderr
